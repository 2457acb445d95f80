"""The destinations component: countries that receive the exports described.

Country names come from pycountry (ISO 3166) plus the everyday aliases in
``data/countries.json``.  A country is a destination when a mention of it
sits in an export role in its sentence ("exports to X", "X ... were the top
export destinations", "X imported ... from Iran", a list continuing one of
those, or a sentence that goes on about the one before).  Each sentence's
lists are read once by the list parser (``extractor.coordination``: acronyms
in brackets, attached amounts, "each", "followed by", "while X bought",
sellers); a destination's list mates share its role; its amount is the
parser's pair, else the lone export amount of its clause, else the next
sentence's anaphora ("Shipments there reached $N"), both in
``destination_amounts``.
Buyer and continuation cues are data (``data/destination_cues.json``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import NamedTuple, Optional

import pycountry
from spacy.language import Language
from spacy.tokens import Doc

from .. import coordination
from ..records import Destination, Mention, Money
from ..resources import load
from .base import doc_text, results, set_results
from .destination_amounts import (LIST_JOIN, adjective_buyer_amounts, clause_amounts, first_amount_after, lone_amount,
                                  primary_money)
from .org_index import OrgIndex
from ..numbers import trie_pattern


@lru_cache(maxsize=None)
def country_table() -> tuple[dict, dict]:
    """(name -> iso2, iso2 -> common English name)."""
    data = load("countries")
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                names[value] = c.alpha_2
    names.update(data["aliases"])
    common = {}
    for c in pycountry.countries:
        common[c.alpha_2] = getattr(c, "common_name", None) or c.name
    common.update(data["common_names"])
    return names, common


@lru_cache(maxsize=None)
def _country_re():
    names, _ = country_table()
    alt = trie_pattern(names)
    after = "|".join(load("countries")["not_names_when_followed_by"])
    return re.compile(rf"(?<![\w\-.])(?:{alt})(?![\w\-]|’s\s+(?:{after})|\s+(?:{after})\b)")


EXPORT_CUE = re.compile(
    r"\bexport(?:s|ed|ing|er|ers)?\b|\bshipped\b|\bshipments?\b|\bsold\b|\bsells?\b|\bselling\b|\bdestinations?\b|\bbuyers?\b|\bcustomers?\b|\bmarkets?\b",
    re.IGNORECASE)
DEST_LIST_CUE = re.compile(
    r"\b(?:export\s+)?destinations?\b|\bexport\s+(?:markets?|partners?|customers?)\b|\b(?:led|topped|headed)\s+the\s+(?:list\s+of\s+)?(?:buyers|customers|importers|destinations|markets)\b|\b(?:topped|headed|led)\s+the\s+list\b(?!\s+of\s+(?:[\w’'\-]+\s+){0,3}?(?:exporters?|sellers?|suppliers?|sources?|producers?|growers?|rivals?|competitors?)\b)|\bbuyers\s+of\b|\bamong\s+(?:the\s+)?(?:buyers|customers|importers)\b|\b(?:main|top|major|largest|biggest|leading)\s+(?:\w+\s+)?(?:buyers?|customers?|markets?|importers?|purchasers?)\b"
    r"|\bimporters?\s+of\s+(?:Iranian|Iran['’]s)\b|\bbought\s+(?:the\s+)?most\b"
    r"|\b(?:top|main|major|leading|biggest|largest)\s+(?:\w+\s+){0,2}(?:countries|nations|partners)\b(?=[^.]*\bexports?\b)",
    re.IGNORECASE)


# "..., which imported $2 billion": the import of a buyer, not of Iran
_BUYER_IMPORTED = re.compile(r"\b(?:which|who)\s+(?:also\s+)?imported\b(?![^.;]{0,60}\bfrom\s+(?!Iran\b))")
_BULLET = re.compile(r"\s*(?:[-•*–—·]\s*|\d{1,2}[.)]\s*)?(?:the\s+)?")
# "exports to X, Y and", "exported ... to neighbouring countries including X, Y and": ends at a country
_TO_LIST = re.compile(r"\b(?:to|into|for|towards)\s+(?:the\s+)?(?:[\w\-]+\s+){0,4}?(?:(?:countries|markets|states|nations|neighbou?rs)\s*,?\s+)?(?:(?:including|such\s+as|namely|like|particularly|especially|mainly|mostly)\s+)?(?:(?:the\s+)?[A-Z][\w.’'\-]*(?![\w.’'\-])(?:\s*\([^)]*\))?(?:\s+(?:at|with|worth)\s+(?:[a-z]+\s+){0,2}[$€£]?\s?[\d.,]+(?:\s*(?!and\b)[a-z]+)?)?\s*(?:(?:,|and)\s*)?){0,12}(?:the\s+)?$")


@lru_cache(maxsize=None)
def _arrival() -> re.Pattern:
    """Iranian goods or their carriers arriving in the country: "Iranian gasoline reached Venezuela", "Iran's
    first fuel cargo arrived in Syria"; the nouns are data/destination_cues.json "arriving_goods" (goods and
    what carries them, never people: "Iranian officials arrived in Caracas" is no export)."""
    nouns = _phrases(load("destination_cues")["arriving_goods"])
    return re.compile(rf"(?:(?:\bIranian|\bIran['’]s)\s+(?:[\w\-]+\s+){{0,3}}?(?:{nouns})\b"
                      rf"|\b(?:{nouns})\s+(?:[\w\-]+\s+){{0,3}}?from\s+Iran\b)[^.;]{{0,60}}?"
                      r"\b(?:reached|reach|reaches|arrived\s+(?:in|at|off)|arrives\s+(?:in|at)|docked\s+(?:in|at|off)|"
                      r"berthed\s+(?:in|at)|unloaded\s+(?:in|at)|discharged\s+(?:in|at)|landed\s+in)\s+(?:the\s+)?$",
                      re.IGNORECASE)


@lru_cache(maxsize=None)
def _route_before() -> re.Pattern:
    """Right before a country or the list it ends: a route word of data/destination_cues.json "route_before"
    ("through", "via", "by way of"): the goods pass through the country, they are not exported to it."""
    words = _phrases(load("destination_cues")["route_before"])
    return re.compile(rf"\b(?:{words})\s+(?:the\s+)?(?:territory\s+of\s+(?:the\s+)?)?"
                      rf"(?:[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)*\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?)*$")


@lru_cache(maxsize=None)
def _territory_re() -> re.Pattern:
    """The territories of data/countries.json ("Nakhchivan"), whole words."""
    return re.compile(rf"(?<![\w\-])(?:{_phrases(load('countries')['territories'])})(?![\w\-])")


def _names_its_country(text: str, country: tuple[int, int], territory: tuple[int, int]) -> bool:
    """The territory is written with its country, which is then the one to read: "Azerbaijan's Nakhchivan
    exclave", "the Nakhchivan exclave of Azerbaijan"."""
    if country[1] <= territory[0]:
        return bool(re.fullmatch(r"(?:’s|'s)\s+", text[country[1]:territory[0]]))
    places = _phrases(load("destination_cues")["place_of_country"])
    return bool(re.fullmatch(rf"(?:\s+[A-Z][\w\-]*)*\s+(?:{places})\s+of\s+(?:the\s+)?", text[territory[1]:country[0]]))


@lru_cache(maxsize=None)
def _to_list() -> re.Pattern:
    """``_TO_LIST``, also ending in a place of the country ("to Armenia and the Nakhchivan exclave of the",
    "exports to Basra in southern"): the place nouns are data/destination_cues.json "place_of_country"."""
    places = _phrases(load("destination_cues")["place_of_country"])
    place = (rf"(?:(?:the\s+)?(?:[A-Z][\w\-’']*\s+){{1,3}}(?:(?:{places})\s+of|in(?:\s+(?:the\s+)?(?:north|south|east|west)"
             rf"(?:ern)?|\s+central)?)\s+)?")
    return re.compile(_TO_LIST.pattern[:-len("(?:the\\s+)?$")] + place + "(?:the\\s+)?$")


_ACRONYM_AFTER = re.compile(r"\s*\((?:the\s+)?[A-Z][A-Za-z.&]{1,9}\)")
# a verb of sending and its object right before "to": "went to", "ship crude to", "sent several gasoline
# cargoes to", "are sending 200 to 250 megawatts of electricity to", "lift sales of cars to"
_SEND_VERBS = (r"\b(?:went|sent|send|sends|sending|ship|ships|shipping|delivered|deliver|swap|swaps|swapped|swapping|"
               r"delivers|delivering|headed|destined|bound|supplied|supply|supplies|supplying|sales)")


@lru_cache(maxsize=None)
def _send_before_to() -> re.Pattern:
    """A send verb and up to ten words of its object, at the end of the text before "to"; not when the object
    is people or a message (data/destination_cues.json "not_goods_sent")."""
    people = _phrases(load("destination_cues")["not_goods_sent"])
    return re.compile(rf"{_SEND_VERBS}(?:\s+(?!(?:{people})\b)[\w\-.,’']+){{0,10}}?\s*$", re.IGNORECASE)
_SHARE_OF_EXPORTS = re.compile(r"(?:’s|'s)\s+share\s+(?:in|of)\s+(?:Iran['’]s\s+|the\s+|Iranian\s+|its\s+)?(?:[\w\-]+\s+)?exports\b")


def _phrases(words) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in word.split()) for word in sorted(words, key=len, reverse=True))


class _Cues(NamedTuple):
    buyer: re.Pattern         # a clause lists buyers: "the largest client", "top importers"
    buyers_in: re.Pattern     # right before a country: "customers in"
    continuation: re.Pattern  # a sentence goes on with the list of the one before: "followed", "next came"
    led_by: re.Pattern        # right before a country: "led by"
    opener: re.Pattern        # goes on even after an export sentence that named no country: "next came"


@lru_cache(maxsize=None)
def _cues() -> _Cues:
    """The cues of data/destination_cues.json, compiled once."""
    data = load("destination_cues")
    buyer = re.compile(rf"\b(?:{_phrases(data['rank_adjectives'])})\s+(?:[\w\-]+\s+)?(?:{_phrases(data['buyer_nouns'])})\b",
                       re.IGNORECASE)
    buyers_in = re.compile(rf"\b(?:{_phrases(data['buyers_in'])})\s+in\s+(?:the\s+)?$", re.IGNORECASE)
    continuation = re.compile(rf"\b(?:{_phrases(data['continuation'])})\b", re.IGNORECASE)
    led_by = re.compile(rf"\b(?:{_phrases(data['led_by'])})\s+(?:the\s+)?$", re.IGNORECASE)
    opener = re.compile(rf"\b(?:{_phrases(data['list_openers'])})\b", re.IGNORECASE)
    return _Cues(buyer, buyers_in, continuation, led_by, opener)


@lru_cache(maxsize=None)
def _rival_cues() -> tuple[re.Pattern, re.Pattern]:
    """(right before a country or its list, right after the list): "competition from Turkey",
    "lost market share in Iraq to Turkey", "Pakistan and India, Iran's rivals,"."""
    data = load("destination_cues")
    before = re.compile(rf"(?:\b(?:{_phrases(data['rival_before'])})|\b(?:{_phrases(data['lost_to'])})\s+"
                        rf"(?:[\w’'\-]+\s+){{0,5}}?to)\s+(?:the\s+)?$", re.IGNORECASE)
    after = re.compile(rf"\s*,?\s*(?:(?:are|were|is|was|as|remain|remained)\s+)?(?:Iran['’]s\s+|its\s+|the\s+)?"
                       rf"(?:(?:main|key|chief|major|biggest|top|regional)\s+)?(?:{_phrases(data['rival_nouns'])})\b",
                       re.IGNORECASE)
    return before, after

BOUGHT = re.compile(r"\b(?:bought|purchased|purchases)\b", re.IGNORECASE)
IMPORT_FROM = re.compile(r"\bimport(?:s|ed|ing)?\s+(?:[\w$.,]+\s+){0,6}?from\b", re.IGNORECASE)
IMPORT_CUE = re.compile(r"\bimport(?:s|ed|ing)?\s+(?:\w+\s+){0,6}?from\b|\bimports?\b|\bimported\b", re.IGNORECASE)
SANCTION_CUE = re.compile(r"\bsanction", re.IGNORECASE)
# sentences that give a destination's purchases without saying "export"
AMOUNT_CONTEXT = re.compile(
    r"\bexport|\bcustomers?\b|\bbuyers?\b|\bpurchas|\bpaid\b|\bbought\b|\bdestinations?\b|\bmarkets?\b"
    r"|\b(?:came|ranked|stood)\s+(?:first|second|third|fourth|fifth|next)\b|\bfollowed\s+by\b"
    r"|\b(?:sales|supplies|deliveries)\s+(?:of\s+(?:[A-Za-z\-]+\s+){1,3}?)?to\b"
    # a known destination took goods: "Iraq alone took farm goods worth $1.6 billion" (not "took out a loan")
    r"|\b(?:took|received|absorbed)\b(?!\s+(?:out|over|part|place|steps?|measures?|action|office|charge|effect|"
    r"power|control|delivery|a\s+loan|loans?)\b)",
    re.IGNORECASE)
# "Pakistan ($1b) and Iraq ($364m) imported Iranian steel", "Iraq bought ... from Iran"
BUYS_FROM_IRAN = re.compile(
    r"\b(?:import(?:ed|s)?|bought|buys|purchased|buying|purchasing|received|took|takes|taking|absorbed)\b(?:[^.;]|\.(?=\d)){0,60}?(?:\bfrom\s+Iran\b|\bIranian\b|\bIran['’]s\b)",
    re.IGNORECASE)


@dataclass
class _Dest:
    iso2: str
    amount: Optional[Decimal] = None
    currency: Optional[str] = None
    money_start: Optional[int] = None  # the money mention the amount came from


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in re.finditer(r"(?<=[.!?])[”\"’']?\s+(?=[A-Z“\"(])|\n+", text):
        # do not split after abbreviations such as "U.S." or initials
        before = text[max(0, m.start() - 4):m.start()]
        if re.search(r"(?:\b[A-Z]\.|\bU\.S\.|\bNo\.|\bCo\.|\bMr\.|\bDr\.)$", before):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [s for s in spans if s[1] > s[0]]


_RESPECTIVELY = re.compile(r"\brespectively\b")


class _Sentence:
    """One sentence, with its clauses and the cues of each clause worked out once."""

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end
        self.string = text[start:end]
        self.export_cue = bool(EXPORT_CUE.search(self.string))
        self.bought = bool(BOUGHT.search(self.string))
        self._clauses: dict[int, tuple[str, bool]] = {}

    # worked out only for the sentences that need them (most name no country)
    @cached_property
    def buys_or_markets(self) -> bool:
        """A verb of buying, or an apposition that may call a country the exporter's market (cheap guard)."""
        return bool(re.search(r"\b(?:bought|buys|buying|purchased|purchasing)\b|,\s*(?:its|their|Iran['’]s|the\s+country['’]s)\s",
                              self.string))

    @cached_property
    def sells(self) -> bool:
        return bool(_SELL_VERB.search(self.string))

    @cached_property
    def respectively(self) -> bool:
        return bool(_RESPECTIVELY.search(self.string))

    @cached_property
    def import_cue(self) -> bool:
        return bool(IMPORT_CUE.search(self.string))

    @cached_property
    def cuts(self) -> list[int]:
        return [0] + [m.start() for m in _CLAUSE_BREAK.finditer(self.string)] + [len(self.string)]

    def clause_at(self, rel: int) -> tuple[int, int]:
        """(start, end) of the clause around offset ``rel``, relative to the sentence."""
        i = max(0, bisect_right(self.cuts, rel) - 1)
        i = min(i, len(self.cuts) - 2)
        return self.cuts[i], self.cuts[i + 1]

    def clause(self, rel: int) -> str:
        return self._clause_info(rel)[0]

    def clause_lists_destinations(self, rel: int) -> bool:
        return self._clause_info(rel)[1]

    def _clause_info(self, rel: int) -> tuple[str, bool]:
        a, b = self.clause_at(rel)
        if a not in self._clauses:
            clause = self.string[a:b]
            cue = bool(DEST_LIST_CUE.search(clause) or _cues().buyer.search(clause)) and not re.search(
                r"\bsources?\s+of\s+(?:\w+\s+)?imports?\b|\bsuppliers?\b", clause, re.IGNORECASE)
            self._clauses[a] = (clause, cue)
        return self._clauses[a]


# Iran (or Tehran, an Iranian subject) as the subject of a verb of supplying whose first object is the country:
# "Iran has supplied Turkey with gas since 2001", "Tehran also sells Pakistan electricity"; the subject names no
# other country
_IRAN_SUPPLIES = re.compile(
    r"(?:^|[,;]\s*|\b(?:and|while|but)\s+)(?:[A-Za-z’'\-]+\s+){0,3}?(?:Iran|Tehran|Iranian\s+[a-z]+(?:\s+[a-z]+)?|"
    r"[Tt]he\s+Islamic\s+[Rr]epublic)\s+"
    r"(?:(?:has|have|had|also|still|now|already|will|would|could|can|to|is|was|been|currently|continues\s+to|"
    r"continued\s+to)\s+){0,3}(?:supplied|supplies|supply|supplying|sold|sells|sell|selling)\s+"
    r"(?:the\s+)?(?:(?:neighbou?ring|nearby|fellow|war-torn)\s+)?$")


def _is_export_role(info: _Sentence, s: int, e: int) -> bool:
    sentence = info.string
    rel = s - info.start
    before = sentence[max(0, rel - 120):rel]
    after = sentence[e - info.start:e - info.start + 120]
    acronym = _ACRONYM_AFTER.match(after)
    if acronym:  # "the United Arab Emirates (UAE) from Iran": read past the acronym
        after = after[acronym.end():]
    has_iran = "Iran" in before or "Tehran" in before or "Islamic" in before  # cheap guards of the two cues that need Iran
    if _route_before().search(before):
        return False  # a route: "exports gas to Armenia through Georgia", "via Turkmenistan and Uzbekistan"
    if has_iran and _arrival().search(before):
        return True  # "Iranian gasoline reached Venezuela", "five Iranian tankers docked in Syria"
    if has_iran and _IRAN_SUPPLIES.search(before) and not re.match(r"(?:’s|'s)", after):
        return True  # "Iran has supplied Turkey with gas", "Tehran sells Pakistan electricity"
    # origins and import sources
    if re.search(r"\bfrom\s+(?:the\s+)?$", before) or re.search(r"\bfrom\s+(?:the\s+)?(?:[A-Z][\w.]*\s*,?\s*(?:and\s+)?){1,6}$", before) and not re.search(r"\bto\s+(?:the\s+)?(?:[A-Z][\w.]*\s*,?\s*(?:and\s+)?){1,6}$", before):
        if not re.search(r"\bexport", before[-60:], re.IGNORECASE) or re.search(
                r"\b(?:bought|buys|buying|purchased|purchases|imported|imports|importing|received)\b[^.;]*$", before[-60:]):
            return False  # not "exports ... from", nor "China bought most of its oil from Russia"
    if re.match(r"\s*(?:’s|'s)?\s*(?:imports?|purchases|purchased|imported|bought)\b[^.]{0,80}\bfrom\s+Iran\b", after):
        return True
    if re.search(r"\b[Ii]mports?\s+by\s+(?:the\s+)?$", before) and re.match(r"\s+from\s+Iran\b", after):
        return True  # "Imports by Iraq from Iran reached $9 billion"
    if _SHARE_OF_EXPORTS.match(after):
        return True  # "The UAE's share of Iran's exports was $5 billion"
    if _cues().led_by.search(before[-30:]) and info.export_cue:
        return True  # "Iran exported $1 billion to the union's members, led by Russia with $600 million"
    if re.match(r"(?:’s|'s)?\s+(?:exports?|sanctions?)\b", after):
        return False
    # "exports to X", "exported ... to X, Y and Z"
    # the "to" whose list ends at the country and whose verb is an export: "boost exports to African
    # countries such as Kenya" (not "keen to boost ...")
    pos = 0
    for _ in range(3):
        to_list = _to_list().search(before, pos)
        if not to_list:
            break
        head = before[:to_list.start()]
        if (EXPORT_CUE.search(head + " ") or _send_before_to().search(head)) \
                and not re.search(r"\bimport", before[max(0, to_list.start() - 40):to_list.start()], re.IGNORECASE):
            return True
        pos = to_list.start() + 1
    if info.respectively and re.search(r"\b(?:bought|purchased|imported|received|took|accounted\s+for)\b", sentence[rel:rel + 300]):
        return True  # "Iraq, Afghanistan and Pakistan bought $320m, $216m and $51m respectively"
    verb = BUYS_FROM_IRAN.search(sentence[rel:rel + 300])
    if verb and not re.search(r"[.;]|\bfrom\b", sentence[rel:rel + verb.start()]) \
            and not re.search(r"\b(?:no|not|never)\b|n['’]t\b", sentence[max(0, rel - 20):rel + verb.end()]):
        return True
    if info.clause_lists_destinations(rel) and not SANCTION_CUE.search(before[-30:]) and not IMPORT_CUE.search(before[-40:]):
        return True
    if _cues().buyers_in.search(before[-40:]) and (info.export_cue or re.search(r"\bIranian\b|\bIran['’]s\b", sentence)):
        return True  # "Iranian saffron found new customers in Hong Kong"
    return False


_CLAUSE_BREAK = re.compile(r",\s*(?:while|whereas|but)\b|;|\s(?:while|whereas)\s")


# a sentence that goes on about the destination of the sentence before
ANAPHORA = re.compile(
    r"\bthere\b|\b(?:to|into|for|by|of)\s+(?:the|that|this)\s+(?:\w+\s+){0,2}?(?:country|market|neighbou?r|nation|state)\b"
    r"|\b(?:its|the\s+country['’]s)\s+(?:\w+\s+)?(?:purchases|imports)\b",
    re.IGNORECASE)
# "The western neighbor imported $9.1 billion": the destination named last in the sentence before
SUBJECT_ANAPHORA = re.compile(r"^(?:The|This|That)\s+(?:[a-z][a-z\-]*\s+){0,2}(?:country|neighbou?r|nation|market)\b")
RANKING_CUE = re.compile(
    r"\b(?:ranked|came|stood|placed|was|were)\s+(?:in\s+)?(?:first|second|third|fourth|fifth|next|top)\b"
    r"|\btook\s+the\s+(?:largest|biggest|lion['’]s)\s+share\b|\b(?:at|to)\s+the\s+top\s+of\s+the\s+list\b",
    re.IGNORECASE)


def _acquires() -> re.Pattern:
    return _acquiring()[0]


@lru_cache(maxsize=None)
def _acquiring() -> tuple[re.Pattern, re.Pattern]:
    """A country (or the list it starts) as the subject of a verb of taking whose object is an amount or a share of
    the exports: "Iraq took $1.5 billion", "Oman and Qatar imported $80 million each", "with Iraq accounting for $2
    billion", "taking four percent of Iran's exports", "took the bulk of the cargoes", "accounted for about a fifth of
    its saffron sales abroad" (the share words and the nouns of the shared goods are data/destination_cues.json
    "share_words" and "share_of_nouns")."""
    cues = load("destination_cues")
    share = _phrases(cues["share_words"])
    nouns = _phrases(cues["share_of_nouns"])
    shared = (rf"of\s+(?:Iran['’]s\s+(?:[\w\-]+\s+){{0,2}}?[a-z][\w\-]*|(?:the\s+|its\s+|all\s+|their\s+)?"
              rf"(?:[\w\-]+\s+){{0,2}}?(?:{nouns}))\b")
    mates = r"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)?){0,8}"
    qualifier = (r"(?:(?:more\s+than|over|about|around|nearly|some|almost|less\s+than|roughly|close\s+to|just\s+over|"
                 r"just\s+under|goods\s+worth|products\s+worth)\s+)?")
    # an amount, or a share of the exports ("taking four percent of Iran's exports")
    what = (rf"(?:[$€£¥]?\d|(?:[\d.]+|[a-z]+(?:[\s\-][a-z]+)?)\s+(?:percent|%)\s+of\s+(?:Iran['’]s\s+|the\s+|its\s+|all\s+)?"
            rf"(?:[\w\-]+\s+)?exports\b|(?P<share>{share})\s+{shared}"
            # the rest of a list of buyers: "Qatar took the rest", "Turkey took almost all the rest"
            rf"|(?P<rest>(?:(?:{share})\s+(?:of\s+)?)?the\s+(?:rest|remainder)\b(?!\s+of\s+(?:the\s+)?(?:day|week|month|year|"
            rf"world|time|region|country)\b)))")
    acquires = re.compile(
        mates + r"\s+(?:alone\s+)?(?:took|takes|bought|purchased|received|absorbed|imported|accounted\s+for|accounts\s+for|"
        r"accounting\s+for|taking|buying|importing)\s+" + qualifier + what)
    # the verb left out after "and": "Iraq accounted for 25 percent of the total and Japan and Italy for most of the
    # rest" (the text before the country is matched by ``_GAPPED_BEFORE``)
    gapped = re.compile(mates + r"\s+for\s+" + qualifier
                        + rf"(?:[$€£¥]?\d|[\d.]+\s+(?:percent|%)|(?:{share})(?:\s+{shared}|(?=\s*(?:[.,;]|$))))")
    return acquires, gapped


_GAPPED_BEFORE = re.compile(r"\b(?:accounted|accounting|accounts)\s+for\s+[^.;]{1,80}?\s+and\s+(?:the\s+)?$")


def _with_list_mates(text: str, info: "_Sentence", in_sent: list, chosen: list) -> list:
    """Countries listed together with a destination of the sentence share its role
    ("Oman, Armenia and Azerbaijan made up the rest, with Oman alone taking 4 percent of exports")."""
    isos = {iso for iso, _, _ in chosen}
    taken = set(chosen)
    groups, group = [], in_sent[:1]
    for a, b in zip(in_sent, in_sent[1:]):
        if LIST_JOIN.fullmatch(text[a[2]:b[1]]):
            group.append(b)
        else:
            groups.append(group)
            group = [b]
    groups.append(group)
    for group in groups:
        if len(group) < 2 or not any(c[0] in isos for c in group) or all(c in taken for c in group):
            continue
        before = text[max(info.start, group[0][1] - 60):group[0][1]]
        if IMPORT_CUE.search(before) or SANCTION_CUE.search(before) or _route_before().search(before) \
                or re.search(r"\b(?:from|than|like)\s+(?:the\s+)?$", before):
            continue
        clause = info.clause(group[0][1] - info.start)
        if IMPORT_CUE.search(clause) and not EXPORT_CUE.search(clause):
            continue
        for c in group:
            if c not in taken:
                chosen.append(c)
                taken.add(c)
    return sorted(chosen, key=lambda x: x[1])


_TO_BEFORE = re.compile(r"\b(?:to|into)\s+(?:the\s+)?$")
_AND_TO_BEFORE = re.compile(r"(?:,\s*)?\b(?:and|as\s+well\s+as|or)\s+(?:also\s+)?(?:to|into)\s+(?:the\s+)?$")


def _and_to(text: str, in_sent: list, chosen: list) -> list:
    """A second "to" phrase joined to the first shares its role: "sales to Iraq, which took most of them, and to
    Venezuela", "volumes went to Azerbaijan under a swap deal and to Armenia" (the country before is a
    destination named right after its own "to")."""
    taken = set(chosen)
    out = list(chosen)
    for prev, c in zip(in_sent, in_sent[1:]):
        if c in taken or prev not in taken or c[1] - prev[2] > 160:
            continue
        if _AND_TO_BEFORE.search(text, max(prev[2], c[1] - 30), c[1]) \
                and _TO_BEFORE.search(text, max(0, prev[1] - 30), prev[1]) \
                and not re.search(r"[.;]", text[prev[2]:c[1]]):
            out.append(c)
            taken.add(c)
    return sorted(out, key=lambda x: x[1])


_EXPORT_OBJECT = re.compile(r"\bIranian\b|\bIran['’]s\b|\bfrom\s+Iran\b|\bexports?\b")
# a buyer that bought nothing, or bought from elsewhere ("imported ... from Germany", "... of Russian gas")
_NOT_RECEIVING = re.compile(r"\b(?:no|not|never|nothing|none)\b|n['’]t\b|\bfrom\s+(?!Iran\b)(?:the\s+)?[A-Z]"
                            r"|\bof\s+(?!Iranian\b|Persian\b)[A-Z][a-z]+(?:an|ese|ish|i)\s+[a-z]")


_BUY_VERB = re.compile(r"\)?(?:\s*\([^()]{0,40}\))?\s*(?:(?:also|then|alone|reportedly|has|have|had)\s+){0,2}"
                       r"(?:took|taking|bought|buying|purchased|purchasing|imported|importing|imports|received|absorbed)\b")


_STOPPED = re.compile(r"\)?(?:\s*\([^()]{0,40}\))?\s*(?:(?:have|has|had|also)\s+)?(?:stopped|halted|ceased|suspended|"
                      r"cut\s+off|banned|refused)\s+(?:buying|importing|purchasing|imports|purchases|their|its)\b")


def _refuses(text: str, info: "_Sentence", c) -> bool:
    """A country whose own verb says it bought nothing, or bought from elsewhere: "while Bahrain bought
    no Iranian goods", "while China imported $5 billion of goods from Germany"."""
    _, clause_end = info.clause_at(c[1] - info.start)
    tail = text[c[2]:min(info.start + clause_end, c[2] + 120)]
    if _STOPPED.match(tail):
        return True  # "Japan and India stopped buying Iranian oil"
    verb = _BUY_VERB.match(tail)
    return bool(verb) and bool(_NOT_RECEIVING.search(tail, 0, verb.end() + 60))


class _Lists:
    """The list parser's reading of one sentence's countries and primary amounts."""

    def __init__(self, text: str, info: "_Sentence", countries: list, sentence_money: list[Money], max_gap: int):
        self.countries = countries
        self._text = text
        self._info = info
        if not countries:  # most sentences: nothing to read
            self.money, self.parse = [], None
            self.sellers = self.acronyms = self.receivers = self.shares = self.joint = self.attached = frozenset()
            self.with_amount = self.rivals = self.refusing = frozenset()
            return
        self.money = primary_money(text, sentence_money)
        self.parse = coordination.parse(text, [(s, e) for _, s, e in countries],
                                        [(m.start, m.end) for m in self.money],
                                        respectively=info.respectively, max_gap=max_gap)
        p = self.parse
        self.sellers = {countries[i] for i in p.sellers}
        self.acronyms = {countries[i] for i in p.acronym_of}
        self.receivers = {countries[i] for i in p.receivers}
        # items with an amount or a share of their own
        self.attached = {countries[i] for c in p.coordinations for conj in c.conjuncts
                         if conj.amounts or conj.share for i in conj.items}
        self.with_amount = {countries[i] for i, _ in p.pairs()}
        # rivals: a list after "competition from", before ", Iran's rivals" (data/destination_cues.json)
        before_cue, after_cue = _rival_cues()
        self.rivals = set()
        for coord in p.coordinations:
            members = [countries[i] for i in coord.items]
            head = text[max(info.start, coord.start - 60):coord.start]
            if before_cue.search(head) or after_cue.match(text, coord.end, min(info.end, coord.end + 60)):
                self.rivals.update(members)
        self.rivals.update(countries[a] for a, h in p.acronym_of.items() if countries[h] in self.rivals)
        # the items of one conjunct share the verb of its last: "Japan, South Korea and India stopped buying"
        self.refusing = set()
        for coord in p.coordinations:
            for conj in coord.conjuncts:
                if len(conj.items) > 1 and _refuses(text, info, countries[conj.items[-1]]):
                    self.refusing.update(countries[i] for i in conj.items)
        self.refusing.update(countries[a] for a, h in p.acronym_of.items() if countries[h] in self.refusing)
        self.shares = {countries[i] for c in p.coordinations for conj in c.conjuncts if conj.share for i in conj.items}
        # several items sharing one figure: a joint total, never one item's amount
        self.joint = {countries[i] for c in p.coordinations for conj in c.conjuncts
                      if conj.amounts and not conj.pairs() for i in conj.items}

    def with_mates(self, chosen: list) -> list:
        """Countries listed in one coordination with a destination are destinations too
        ("Next came Oman with $300 million, Kenya and Ghana with $120 million each")."""
        taken = set(chosen)
        out = list(chosen)
        for coord in self.parse.coordinations:
            members = [self.countries[i] for i in coord.items]
            if len(members) < 2 or not taken.intersection(members):
                continue
            first = members[0][1]
            before = self._text[max(self._info.start, first - 40):first]
            if IMPORT_CUE.search(before) or SANCTION_CUE.search(before) or _from_before(self._text, self._info.start, first) \
                    or _route_before().search(before):
                continue
            for c in members:
                if c not in taken and c not in self.sellers and not _from_before(self._text, self._info.start, c[1]):
                    out.append(c)
                    taken.add(c)
        return sorted(out, key=lambda x: x[1])

    def pairs(self, chosen: list) -> list[tuple[tuple, Money]]:
        if self.parse is None or not chosen:
            return []
        wanted = set(chosen)
        return [(self.countries[i], self.money[k]) for i, k in self.parse.pairs() if self.countries[i] in wanted]


@lru_cache(maxsize=None)
def _colon_head_cues() -> tuple[re.Pattern, re.Pattern]:
    """(export head, not an export head) of a clause that ends in a colon before a list: "Sales to the Caspian
    states were smaller:", "exports to its neighbours:" (not "its main suppliers:", "rivals:", "imports from
    Europe:"); the seller nouns are those of data/coordination.json, the rival nouns those of
    data/destination_cues.json."""
    sellers = [w for w in load("coordination")["seller_verbs"] if w.endswith(("er", "ers", "ce", "ces", "gin"))]
    rivals = load("destination_cues")["rival_nouns"]
    export = re.compile(r"\b(?:exports?|exported|shipments?|shipped|sales|sold|deliveries|delivered|supplies|supplied|sent)"
                        r"\s+(?:[\w\-’']+\s+){0,4}?(?:to|into)\b(?P<to>)|\bexports?\b|\bbought\b|\bpurchased\b",
                        re.IGNORECASE)
    not_export = re.compile(rf"\b(?:{_phrases(sellers + rivals)})\b|\bimport|\bfrom\b|\bto\s+Iran\b|\bsanction",
                            re.IGNORECASE)
    return export, not_export


_LIST_OPENER = re.compile(r"[:(—–]|\s-\s")


def _after_export_colon(text: str, info: "_Sentence", lists: "_Lists") -> frozenset:
    """The items of a list right after a colon, an opening bracket or a dash whose clause speaks of exports to them
    ("Sales to the Caspian states were smaller: Russia ($1b), Azerbaijan ($364m) and Kazakhstan ($118m)",
    "Exports to the Caspian states (Russia $1b, Azerbaijan $364m) grew")."""
    if lists.parse is None:
        return frozenset()
    export, not_export = _colon_head_cues()
    out = set()
    for coord in lists.parse.coordinations:
        first = lists.countries[coord.items[0]][1]
        if re.match(r"(?:’s|'s)\b", text[lists.countries[coord.items[0]][2]:]):
            continue  # "Iran's exports to Iraq rose: Turkey's fell" (the country's own, not a list of buyers)
        colon = re.search(r"(?::|\(|\s[—–-])\s*(?:the\s+)?$", text[max(info.start, first - 8):first])
        if not colon:
            continue
        colon_at = max(info.start, first - 8) + colon.start()
        head_start = max(info.start + info.clause_at(colon_at - info.start)[0], colon_at - 200)
        head = text[head_start:colon_at]
        head = head[max(head.rfind(":"), head.rfind(";"), head.rfind("(")) + 1:]
        found = export.search(head)
        # after a bracket or a dash only an export "to" the group: "Exports to the Gulf states (Oman $2b, ...)"
        if found and (colon.group().lstrip().startswith(":") or found.group("to") is not None) \
                and not not_export.search(head):
            out.update(lists.countries[i] for i in coord.items)
    out.update(lists.countries[a] for a, h in lists.parse.acronym_of.items() if lists.countries[h] in out)
    return frozenset(out)


@lru_cache(maxsize=None)
def _buyer_tail() -> tuple[re.Pattern, re.Pattern]:
    """(a country, the rest of its list and an apposition, then a verb of buying or a buyer apposition; a
    foreign demonym: what was bought came from elsewhere).  The buyer nouns are those of
    data/destination_cues.json, the demonyms those of data/currencies.json."""
    cues = load("destination_cues")
    nouns = _phrases(cues["buyer_nouns"])
    mates = r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3}|\s*\([^()]{0,40}\))*"
    apposition = (rf"\s*,\s*(?:its|their|Iran['’]s|the\s+country['’]s)\s+(?:[\w\-]+\s+){{0,3}}?(?:{nouns})\b")
    tail = re.compile(rf"{mates}(?:{apposition}\s*,?)?\s*(?:(?:also|alone|together|reportedly|then|have|has|had)\s+)?"
                      r"(?:bought|buys|buying|purchased|purchasing)\b"
                      rf"|{mates}{apposition}")
    demonyms = {k for k, v in load("currencies")["demonyms"].items() if v != "IR"}
    foreign = re.compile(rf"\s+(?:[\w$€£.,\-]+\s+){{0,4}}?(?:{_phrases(demonyms)})\s+[a-z]")
    return tail, foreign


def _buys_after(text: str, info: "_Sentence", c) -> bool:
    """The country (or the list it starts or continues) is the subject of a verb of buying, or is called the
    exporter's market in an apposition, and what it bought did not come from elsewhere."""
    tail_re, foreign = _buyer_tail()
    _, clause_end = info.clause_at(c[1] - info.start)
    end = min(info.start + clause_end, c[2] + 160)
    found = tail_re.match(text, c[2], end)
    if not found:
        return False
    rest = text[found.end():min(end, found.end() + 80)]
    return not _NOT_RECEIVING.search(rest) and not foreign.match(rest) and not re.match(r"\s+(?:it|them)\b", rest) \
        and not re.search(r"\bfrom\s+(?!Iran\b)", rest)  # "bought oil from other suppliers"


@lru_cache(maxsize=None)
def _predicate_buyer_re() -> re.Pattern:
    """A country, an optional aside, a verb of data/destination_cues.json "predicate_buyer_verbs" and a buyer noun:
    "The UAE, the largest source of the zones' imports, has also become a growing market", "Kenya emerged as a new
    buyer"."""
    cues = load("destination_cues")
    rivals = _phrases(cues["rival_nouns"])
    return re.compile(rf"(?:\s*,\s*[^,;.()]{{1,80}},)?\s+(?:(?:has|have|had|also|now|since|quickly|increasingly|"
                      rf"fast|steadily|gradually|already)\s+){{0,3}}(?:{_phrases(cues['predicate_buyer_verbs'])})\s+"
                      rf"(?:a|an|the|Iran['’]s|its|their)\s+(?:(?!(?:{rivals})\b)[a-z\-]+\s+){{0,3}}?"
                      rf"(?:{_phrases(cues['buyer_nouns'])})\b")


def _predicate_buyer(text: str, info: "_Sentence", c) -> bool:
    """The country is called a market or buyer by its own verb ("has become a growing market"), and not a market for
    another country's goods ("... a big market for Chinese cars")."""
    _, clause_end = info.clause_at(c[1] - info.start)
    end = min(info.start + clause_end, c[2] + 200)
    found = _predicate_buyer_re().match(text, c[2], end)
    if not found:
        return False
    rest = text[found.end():min(end, found.end() + 80)]
    return not _NOT_RECEIVING.search(text, c[2], found.end()) and not _buyer_tail()[1].match(rest) \
        and not re.match(r"\s+(?:for|of)\s+(?:[\w\-]+\s+){0,3}?(?:from|made\s+in)\s+(?!Iran\b)", rest)


def _foreign_goods(text: str, start: int, end: int) -> bool:
    """What a buying verb in ``text[start:end]`` took is another country's: "bought Chinese cars worth $2bn"."""
    verb = re.search(r"\b(?:bought|buys|buying|purchased|purchasing|imported|importing|imports|took|taking|received)\b",
                     text[start:end])
    return bool(verb) and bool(_buyer_tail()[1].match(text, start + verb.end(), end))


_SELL_VERB = re.compile(r"\b(?:sold|sells|selling|sell|exported|exports|exporting|export|re-exported|re-exports|shipped|"
                        r"ships|shipping|supplied|supplies|supplying|sent|sends|delivered|delivers|delivering|swaps|swapped|swapping)\b")
# between a country and its verb: a possessive and up to two words ("Turkey's steel exports"), an aside
# (", its main rival,"), auxiliaries
_SUBJECT_GAP = re.compile(r"(?:’s|'s)?(?:\s+[a-z\-]+){0,2}?(?:\s*,[^,;]{1,50},)?\s+"
                          r"(?:(?:also|has|have|had|reportedly|then|itself|alone|now|still|will|would|is|are|was|were)\s+){0,2}$")


# a mention of a known destination as a trade partner or an import source: its amount is not an export value
# ("Trade with China reached $30 billion", "imports from Turkey were $4 billion")
_TRADE_OR_SOURCE = re.compile(r"(?:\bfrom|\b(?:trade|trading|commerce|exchanges?)\s+(?:[\w\-]+\s+){0,2}?(?:with|between)"
                              r"(?:\s+(?:Iran|Tehran)\s+and)?)\s+(?:the\s+)?$", re.IGNORECASE)


def _foreign_exporter(text: str, info: "_Sentence", c, in_sent: list) -> bool:
    """The verb of sending before the country has another country as its subject: "Saudi Arabia and Iraq sold
    more crude to India", "Turkey, its main rival, sold more to Iraq", "Turkey's exports to Iraq rose" (the
    country receives that country's exports, not Iran's); not when Iran is among the subjects."""
    a, _ = info.clause_at(c[1] - info.start)
    start = max(info.start + a, c[1] - 160)  # a bounded window: linear in long lists
    verb = None
    for verb in _SELL_VERB.finditer(text, start, c[1]):
        pass
    if verb is None:
        return False
    subject_start = max(start, verb.start() - 120)
    if re.search(r"\b(?:Iran|Iranian|Tehran)\b", text[subject_start:verb.start()]):
        return False
    k = bisect_left(in_sent, verb.start(), key=lambda o: o[1])  # occurrences starting before the verb
    for j in range(k - 1, -1, -1):
        o = in_sent[j]
        if o[1] < subject_start:
            break
        if o[0] != c[0] and o[2] <= verb.start() and _SUBJECT_GAP.fullmatch(text, o[2], verb.start()):
            return True
    return False


def _from_before(text: str, start: int, s: int) -> bool:
    return bool(re.search(r"\bfrom\s+(?:the\s+)?$", text[max(start, s - 12):s]))


def _by_sentence(items: list, key, sentences: list[tuple[int, int]]) -> list[list]:
    """``items`` (sorted by ``key``) grouped by the sentence they start in."""
    keys = [key(x) for x in items]
    return [items[bisect_left(keys, a):bisect_left(keys, b)] for a, b in sentences]


def find_destinations(text: str, money: list[Money], org_spans: list[tuple[int, int]],
                      max_gap: int = 90) -> list[Destination]:
    names, common = country_table()
    inside = OrgIndex.of_spans(org_spans).covers
    occurrences = [(names[m.group()], m.start(), m.end()) for m in _country_re().finditer(text)
                   if not inside(m.start(), m.end())]
    # a territory stands for its country in the roles below, but is no mention of it
    territory_spans = set()
    starts = [s for _, s, _ in occurrences]
    territories = load("countries")["territories"]
    for m in _territory_re().finditer(text) if any(name in text for name in territories) else ():
        iso = load("countries")["territories"][m.group()]
        # the country named right around it (a bounded window of the sorted occurrences)
        near = occurrences[bisect_left(starts, m.start() - 80):bisect_left(starts, m.end() + 80)]
        if not inside(m.start(), m.end()) and not any(s < m.end() and m.start() < e or _names_its_country(
                text, (s, e), (m.start(), m.end())) for c, s, e in near if c == iso or s < m.end() and m.start() < e):
            territory_spans.add((m.start(), m.end()))
            occurrences.append((iso, m.start(), m.end()))
    if territory_spans:
        occurrences.sort(key=lambda c: c[1])
    dests: dict[str, _Dest] = {}
    sentences = _sentences(text)
    infos = [_Sentence(text, a, b) for a, b in sentences]
    money_in = _by_sentence(sorted(money, key=lambda m: m.start), lambda m: m.start, sentences)
    countries_in = _by_sentence(occurrences, lambda c: c[1], sentences)
    # pass 1: which countries receive exports, sentence by sentence
    chosen_in: list[list] = []
    lists_in: list[_Lists] = []
    prev_sentence_had = prev_export_cue = list_header = False
    for info, sent_money, in_sent in zip(infos, money_in, countries_in):
        sent = (info.start, info.end)
        in_sent = [c for c in in_sent if c[0] != "IR"]
        lists = _Lists(text, info, in_sent, sent_money, max_gap)
        lists_in.append(lists)
        sentence = info.string
        export_context = info.export_cue or info.bought or prev_export_cue or prev_sentence_had
        import_sentence = bool(in_sent) and info.import_cue and not info.export_cue \
            and not _BUYER_IMPORTED.search(sentence)
        continuation = bool(in_sent) and not import_sentence and (
            prev_sentence_had and bool(_cues().continuation.search(sentence))
            or prev_export_cue and bool(_cues().opener.search(sentence)))
        chosen = []
        # a line of a list under a header ("Iran's top export destinations were:\n- China: $9 billion")
        bullet = _BULLET.match(text, info.start, info.end) if list_header else None
        line_item = bullet is not None and bool(in_sent) and in_sent[0][1] == bullet.end()
        list_header = line_item or info.string.rstrip().endswith(":") and (
            info.export_cue or bool(DEST_LIST_CUE.search(sentence) or _cues().buyer.search(sentence)))
        after_colon = _after_export_colon(text, info, lists) if in_sent and _LIST_OPENER.search(sentence) \
            else frozenset()
        for iso, s, e in in_sent:
            if (iso, s, e) in lists.sellers:
                continue
            if (line_item and s == in_sent[0][1]) or (iso, s, e) in after_colon:
                chosen.append((iso, s, e))
                continue
            role = _is_export_role(info, s, e)
            if not role and export_context:
                acquired = _acquires().match(text, e, info.end)
                # a share in words of an import sentence is an import source's ("China accounted for a third of the
                # imports", "Its imports rose, and China took the bulk of the total")
                role = acquired is not None and not (import_sentence and (acquired.group("share") or acquired.group("rest")))
            if not role and export_context and not import_sentence \
                    and _GAPPED_BEFORE.search(text, max(info.start, s - 100), s):
                role = bool(_acquiring()[1].match(text, e, info.end))  # "... and Japan and Italy for most of the rest"
            if not role and (continuation or export_context and RANKING_CUE.search(info.clause(s - info.start))):
                role = not re.search(r"\bfrom\s+(?:the\s+)?$", text[max(info.start, s - 30):s])
            if not role and export_context and (iso, s, e) in lists.receivers and not import_sentence:
                # "The United Arab Emirates (UAE) accounted for $1.2bn of the exports"; not "bought no
                # Iranian goods", not "imported $5bn of goods from Germany"
                _, clause_end = info.clause_at(s - info.start)
                tail = text[e:min(info.start + clause_end, e + 120)]
                role = not _from_before(text, info.start, s) and not _NOT_RECEIVING.search(tail) \
                    and not _foreign_goods(text, e, min(info.start + clause_end, e + 120)) and (
                    (iso, s, e) in lists.attached or _EXPORT_OBJECT.search(tail) is not None)
            if not role and export_context and not import_sentence and not _from_before(text, info.start, s):
                # "Iraq and Afghanistan bought the bulk of the tomatoes", "Iraq and Syria, its two traditional
                # markets, bought less"; not "Germany bought Chinese cars", "Oman bought no Iranian goods"
                role = info.buys_or_markets and _buys_after(text, info, (iso, s, e))
            if not role and export_context and not import_sentence and _predicate_buyer(text, info, (iso, s, e)):
                role = not _from_before(text, info.start, s)  # "The UAE, ..., has also become a growing market"
            if not role and info.export_cue and (iso, s, e) in lists.shares and not import_sentence:
                role = not _from_before(text, info.start, s)  # "Of the exports, Spain took 35 percent"
            if role:
                chosen.append((iso, s, e))
        if chosen:
            # list continuations: "Russia led the buyers at $310 million, while Armenia and
            # Kazakhstan took $164 million each", "Iraq imported $1.1 billion, Afghanistan $540 million"
            taken = set(chosen)
            rest = [c for c in in_sent if c not in taken and not _from_before(text, info.start, c[1])]
            paired = lists.with_amount
            for iso, s, e in rest:
                _, clause_end = info.clause_at(s - info.start)
                tail = text[e:min(info.start + clause_end, e + 200)]
                if (iso, s, e) in paired and not IMPORT_FROM.search(text[max(info.start, s - 60):s]) \
                        and not _TRADE_OR_SOURCE.search(text, max(info.start, s - 50), s) or re.match(
                        r"(?:[^.;]|\.(?=\d))*?\b(?:took|bought|purchased|imported|received|absorbed|accounted\s+for)\b", tail):
                    chosen.append((iso, s, e))
            chosen = _with_list_mates(text, info, in_sent, chosen)
            chosen = lists.with_mates(chosen)
        chosen = [c for c in chosen if c not in lists.sellers and not _refuses(text, info, c)
                  and c not in lists.rivals and c not in lists.refusing
                  and not (info.sells and _foreign_exporter(text, info, c, in_sent))]
        if territory_spans:  # "Azerbaijan sends gas to Nakhchivan": its own country, named before it, is the sender
            chosen = [c for c in chosen if (c[1], c[2]) not in territory_spans or not any(
                o[0] == c[0] and o[1] < c[1] and o not in chosen for o in in_sent)]
        if chosen:
            chosen = _and_to(text, in_sent, chosen)
        for iso, _, _ in chosen:
            dests.setdefault(iso, _Dest(iso2=iso))
        chosen_in.append(chosen)
        # a list may go on after a sentence that gives the last one's amount
        prev_sentence_had = bool(chosen) or len(chosen_in) > 1 and bool(chosen_in[-2]) and not in_sent
        prev_export_cue = info.export_cue or info.bought
    # pass 2: amounts, also from sentences that rank a known destination's purchases
    previous: list = []
    for info, chosen, sent_money, in_sent, lists in zip(infos, chosen_in, money_in, countries_in, lists_in):
        sentence = info.string
        if in_sent and AMOUNT_CONTEXT.search(sentence) and not (info.import_cue and not info.export_cue) \
                and not _ranks_sellers().search(sentence):
            taken = set(chosen)
            known = [c for c in in_sent if c[0] in dests and c not in taken and c not in lists.sellers
                     and c not in lists.rivals and not _TRADE_OR_SOURCE.search(text, max(info.start, c[1] - 50), c[1])]
            chosen = sorted(chosen + known, key=lambda x: x[1])
        # the list parser's pairs, else the lone export amount of a lone destination's clause
        pairs = lists.pairs(chosen)
        for c, m in pairs:
            _give(dests[c[0]], m)
        if not pairs and not lists.joint:
            for iso, m in lone_amount(text, (info.start, info.end), [c for c in chosen if c not in lists.acronyms],
                                      lists.money):
                _give(dests[iso], m)
        elif pairs:  # a destination of another clause, alone there with one unused export amount
            paired = {c for c, _ in pairs}
            used = {lists.money[k].start for _, k in lists.parse.pairs()} | {
                lists.money[k].start for c in lists.parse.coordinations for conj in c.conjuncts for k in conj.amounts}
            left = [c for c in chosen if c not in paired and c not in lists.acronyms and c not in lists.joint]
            for iso, m in clause_amounts(text, (info.start, info.end), left, in_sent,
                                         [m for m in lists.money if m.start not in used]):
                _give(dests[iso], m)
        if sent_money:  # "Chinese refiners paid $18 billion of that"
            for iso, m in adjective_buyer_amounts(text, info.start, primary_money(text, sent_money)):
                if iso in dests:
                    _give(dests[iso], m)
        if sent_money and "pa" in sentence and dests:  # "Turkey, which also buys gas from Russia, paid Iran $1.5bn"
            for iso, m in _payer_amounts(text, info, in_sent, lists.money or primary_money(text, sent_money)):
                if iso in dests:
                    _give(dests[iso], m)
        subject = SUBJECT_ANAPHORA.match(sentence)
        named = [c for c in chosen if (c[1], c[2]) not in territory_spans]  # a territory is no new antecedent
        if not named and previous and (info.export_cue or info.bought
                                        or subject and re.search(r"\bimport(?:ed|s)?\b", sentence)):
            # "Iraq was the top buyer. Shipments there reached $1.2 billion"
            # "... while Iraq ranked second. The western neighbor imported $9.1 billion"
            cue = subject or ANAPHORA.search(sentence)
            antecedent = previous[-1][0] if subject else (
                previous[0][0] if len({iso for iso, _, _ in previous}) == 1 else None)
            if cue and antecedent and not IMPORT_FROM.search(sentence) and not re.search(
                    r"\bimports?\s+(?:from|by|of)\b", sentence[:cue.end()], re.IGNORECASE):
                m = first_amount_after(text, info.start + max(0, cue.start() - 60), info.end, sent_money)
                if m is not None:
                    _give(dests[antecedent], m)
        previous = named or previous if chosen else chosen
    spans_of: dict[str, list] = {}
    for iso, s, e in occurrences:
        if iso in dests and (s, e) not in territory_spans:
            spans_of.setdefault(iso, []).append((s, e))
    results = [Destination(country=common.get(iso, iso), iso2=iso, amount=d.amount, currency=d.currency,
                           money_start=d.money_start if d.amount is not None else None,
                           mentions=[Mention(start=s, end=e, text=text[s:e]) for s, e in spans_of[iso]])
               for iso, d in dests.items() if iso in spans_of]  # a territory's country the text never names: none
    results.sort(key=lambda d: d.mentions[0].start)
    return results


@lru_cache(maxsize=None)
def _ranks_sellers() -> re.Pattern:
    """A sentence that ranks exporters ("the United States led the world's pistachio exporters, ahead of Iran with
    $586 million, Hong Kong with $303 million"): the amounts of its other countries are their own exports, never
    a known destination's.  The nouns are the seller nouns of data/coordination.json."""
    nouns = [w for w in load("coordination")["seller_verbs"] if w.endswith(("er", "ers"))]
    return re.compile(rf"\b(?:led|topped|headed)\s+(?:the\s+)?(?:list\s+of\s+)?(?:(?:the\s+)?world['’]s\s+|global\s+)?"
                      rf"(?:[a-z\-]+\s+)?(?:{_phrases(nouns)})\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def _pay_cues() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """(a capital of data/countries.json "capitals", the words between a payer and its amount, capital -> iso2).
    Between the payer and the amount: an aside (", which also buys gas from Russia,") or the rest of its first
    verb phrase ("took the lion's share of the power,"), a verb of data/destination_cues.json "pay_verbs", Iran
    or Tehran as the payee or none, a qualifier."""
    capitals = load("countries")["capitals"]
    capital = re.compile(rf"(?<![\w\-])(?:{_phrases(capitals)})(?![\w\-])")
    verbs = _phrases(load("destination_cues")["pay_verbs"])
    gap = re.compile(
        r"(?P<aside>\s*,\s*(?:which|who)\b[^;.]{0,100}?,|\s+[^,;.]{0,80}?,)?\s*"
        r"(?:(?:also|has|have|had|reportedly|then|alone|already|so\s+far|together)\s+){0,2}"
        rf"(?:{verbs})\s+(?:(?:Iran|Tehran|the\s+Islamic\s+[Rr]epublic)\s+)?"
        r"(?:(?:about|around|nearly|some|almost|approximately|roughly|more\s+than|over|less\s+than|close\s+to|"
        r"at\s+least|just\s+over|just\s+under|up\s+to)\s+)?")
    return capital, gap, {" ".join(k.split()): v for k, v in capitals.items()}


def _payer_amounts(text: str, info: "_Sentence", in_sent: list, money: list[Money]) -> list[tuple[str, Money]]:
    """(iso2, money) for a country, or its capital, that paid Iran an amount: "Turkey, which also buys pipeline
    gas from Russia, paid Iran about $1.5 billion", "Iraq took the lion's share of the power, paying around $310
    million", "Baghdad paid Tehran $2 billion for gas" (a capital stands for its country here, but is no mention
    of it); not a debt ("paid Iran $1 billion of its arrears"), not one item of a list sharing the payment."""
    capital, gap, iso_of = _pay_cues()
    subjects = [c for c in in_sent if c[0] != "IR"]
    subjects += [(iso_of[" ".join(m.group().split())], m.start(), m.end())
                 for m in capital.finditer(text, info.start, info.end)]
    out = []
    for iso, s, e in subjects:
        if any(o[2] <= s and LIST_JOIN.fullmatch(text, o[2], s) for o in in_sent):
            continue  # "Iraq and Turkey paid $3 billion": a joint payment
        for m in money:
            if m.start <= e or m.start - e > 200:
                continue
            found = gap.fullmatch(text, e, m.start)
            if not found:
                continue
            aside = found.group("aside")
            if aside and not re.match(r"\s*,", aside) and any(e < o[1] < m.start for o in in_sent):
                break  # "Iraq bought gas from Turkey, paying ...": another country in its verb phrase
            if not _DEBT_AFTER.match(text, m.end) and not _DEBT_AFTER.search(text, e, m.start):
                out.append((iso, m))
            break
    return out


_DEBT_AFTER = re.compile(r"[^.;]{0,40}?\b(?:debts?|arrears|owed|owes|unpaid|overdue|loans?)\b|\b(?:off|back|down)\b",
                         re.IGNORECASE)


def _give(d: _Dest, m: Money) -> None:
    """The first amount the document gives a destination is its amount."""
    if d.amount is None:
        d.amount, d.currency, d.money_start = m.amount, m.currency, m.start


class DestinationsComponent:
    """Sets ``doc._.destinations``; needs the money and organizations components before it."""

    def __init__(self, nlp: Language, name: str, span_group: str, max_gap: int):
        self.name = name
        self.span_group = span_group
        self.max_gap = max_gap

    def __call__(self, doc: Doc) -> Doc:
        money = results(doc, "money")
        org_spans = [(m.start, m.end) for o in results(doc, "organizations") for m in o.mentions]
        dests = find_destinations(doc_text(doc), money, org_spans, self.max_gap)
        mentions = [m for d in dests for m in d.mentions]
        set_results(doc, "destinations", self.span_group, dests, label="GPE", mentions=mentions)
        return doc


@Language.factory("extractor_destinations",
                  default_config={"span_group": "destinations", "max_gap": 90},
                  requires=["doc._.money", "doc._.organizations"],
                  assigns=["doc._.destinations", "doc.spans"])
def make_destinations_component(nlp: Language, name: str, span_group: str,
                                max_gap: int) -> DestinationsComponent:
    return DestinationsComponent(nlp, name, span_group, max_gap)
