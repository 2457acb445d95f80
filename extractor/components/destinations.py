"""The destinations component: countries that receive the exports described.

Country names come from pycountry (ISO 3166) plus the everyday aliases in
``data/countries.json``.  A country is a destination when a mention of it
sits in an export role in its sentence ("exports to X", "X ... were the top
export destinations", "X imported ... from Iran", a list continuing one of
those, or a sentence that goes on about the one before); its amount is
paired by ``destination_amounts`` ("respectively" lists, parallel lists,
"$N each", "X at $N" / "$N to X", the lone export amount of its clause) or
taken from the next sentence's anaphora ("Shipments there reached $N").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Optional

import pycountry
from spacy.language import Language
from spacy.tokens import Doc

from ..records import Destination, Mention, Money
from ..resources import load
from .base import doc_text, results, set_results
from .destination_amounts import LIST_JOIN, first_amount_after, pair_amounts, paired_countries
from .org_index import OrgIndex


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
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    after = "|".join(load("countries")["not_names_when_followed_by"])
    return re.compile(rf"(?<![\w\-.])(?:{alt})(?![\w\-]|’s\s+(?:{after})|\s+(?:{after})\b)")


EXPORT_CUE = re.compile(
    r"\bexport(?:s|ed|ing|er|ers)?\b|\bshipped\b|\bshipments?\b|\bsold\b|\bdestinations?\b|\bbuyers?\b|\bcustomers?\b|\bmarkets?\b",
    re.IGNORECASE)
DEST_LIST_CUE = re.compile(
    r"\b(?:export\s+)?destinations?\b|\bexport\s+(?:markets?|partners?|customers?)\b|\b(?:led|topped|headed)\s+the\s+(?:list\s+of\s+)?(?:buyers|customers|importers|destinations|markets)\b|\btopped\s+the\s+list\b|\bbuyers\s+of\b|\bamong\s+(?:the\s+)?(?:buyers|customers|importers)\b|\b(?:main|top|major|largest|biggest|leading)\s+(?:\w+\s+)?(?:buyers?|customers?|markets?|importers?|purchasers?)\b"
    r"|\bimporters?\s+of\s+(?:Iranian|Iran['’]s)\b|\bbought\s+(?:the\s+)?most\b"
    r"|\b(?:top|main|major|leading|biggest|largest)\s+(?:\w+\s+){0,2}(?:countries|nations|partners)\b(?=[^.]*\bexports?\b)",
    re.IGNORECASE)
CONTINUATION_CUE = re.compile(
    r"\bnext\s+in\s+(?:the\s+)?line\b|\bfollowed\b|\bcame\s+next\b|\bwere\s+next\b|\bcame\s+(?:second|third|fourth|fifth|next)\b|\bthe\s+next\s+(?:destinations?|ranks?)\b|\bwere\s+(?:also\s+)?among\b",
    re.IGNORECASE)
BOUGHT = re.compile(r"\b(?:bought|purchased|purchases)\b", re.IGNORECASE)
IMPORT_FROM = re.compile(r"\bimport(?:s|ed|ing)?\s+(?:[\w$.,]+\s+){0,6}?from\b", re.IGNORECASE)
IMPORT_CUE = re.compile(r"\bimport(?:s|ed|ing)?\s+(?:\w+\s+){0,6}?from\b|\bimports?\b|\bimported\b", re.IGNORECASE)
SANCTION_CUE = re.compile(r"\bsanction", re.IGNORECASE)
# sentences that give a destination's purchases without saying "export"
AMOUNT_CONTEXT = re.compile(
    r"\bexport|\bcustomers?\b|\bbuyers?\b|\bpurchas|\bpaid\b|\bbought\b|\bdestinations?\b|\bmarkets?\b"
    r"|\b(?:came|ranked|stood)\s+(?:first|second|third|fourth|fifth|next)\b|\bfollowed\s+by\b",
    re.IGNORECASE)
# "Pakistan ($1b) and Iraq ($364m) imported Iranian steel", "Iraq bought ... from Iran"
BUYS_FROM_IRAN = re.compile(
    r"\b(?:import(?:ed|s)?|bought|purchased|buying|purchasing|received|took|absorbed)\b(?:[^.;]|\.(?=\d)){0,60}?(?:\bfrom\s+Iran\b|\bIranian\b|\bIran['’]s\b)",
    re.IGNORECASE)


@dataclass
class _Dest:
    iso2: str
    amount: Optional[Decimal] = None
    currency: Optional[str] = None


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


class _Sentence:
    """One sentence, with its clauses and the cues of each clause worked out once."""

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end
        self.string = text[start:end]
        self.respectively = bool(re.search(r"\brespectively\b", self.string))
        self.export_cue = bool(EXPORT_CUE.search(self.string))
        self.import_cue = bool(IMPORT_CUE.search(self.string))
        self.bought = bool(BOUGHT.search(self.string))
        self.cuts = [0] + [m.start() for m in _CLAUSE_BREAK.finditer(self.string)] + [len(self.string)]
        self._clauses: dict[int, tuple[str, bool]] = {}

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
            cue = bool(DEST_LIST_CUE.search(clause)) and not re.search(
                r"\bsources?\s+of\s+(?:\w+\s+)?imports?\b|\bsuppliers?\b", clause, re.IGNORECASE)
            self._clauses[a] = (clause, cue)
        return self._clauses[a]


def _is_export_role(info: _Sentence, s: int, e: int) -> bool:
    sentence = info.string
    rel = s - info.start
    before = sentence[max(0, rel - 120):rel]
    after = sentence[e - info.start:e - info.start + 120]
    # origins and import sources
    if re.search(r"\bfrom\s+(?:the\s+)?$", before) or re.search(r"\bfrom\s+(?:the\s+)?(?:[A-Z][\w.]*\s*,?\s*(?:and\s+)?){1,6}$", before) and not re.search(r"\bto\s+(?:the\s+)?(?:[A-Z][\w.]*\s*,?\s*(?:and\s+)?){1,6}$", before):
        if not re.search(r"\bexport", before[-60:], re.IGNORECASE):
            return False
    if re.match(r"\s*(?:’s|'s)?\s*(?:imports?|purchases|purchased|imported|bought)\b[^.]{0,80}\bfrom\s+Iran\b", after):
        return True
    if re.match(r"(?:’s|'s)?\s+(?:exports?|sanctions?)\b", after):
        return False
    # "exports to X", "exported ... to X, Y and Z"
    to_list = re.search(r"\b(?:to|into|for|towards)\s+(?:the\s+)?(?:[\w\-]+\s+){0,4}?(?:(?:countries|markets|states|nations|neighbou?rs)\s*,?\s+)?(?:(?:including|such\s+as|namely|like|particularly|especially|mainly|mostly)\s+)?(?:(?:the\s+)?[A-Z][\w.’'\-]*(?![\w.’'\-])(?:\s*\([^)]*\))?(?:\s+(?:at|with|worth)\s+(?:[a-z]+\s+){0,2}[$€£]?\s?[\d.,]+(?:\s*(?!and\b)[a-z]+)?)?\s*(?:(?:,|and)\s*)?){0,12}(?:the\s+)?$", before)
    if to_list and (EXPORT_CUE.search(before[:to_list.start()] + " ") or re.search(r"\b(?:went|sent|delivered|headed|destined|bound)\s*$", before[:to_list.start()])) and not re.search(r"\bimport", before[max(0, to_list.start() - 40):to_list.start()], re.IGNORECASE):
        return True
    if info.respectively and re.search(r"\b(?:bought|purchased|imported|received|took|accounted\s+for)\b", sentence[rel:rel + 300]):
        return True  # "Iraq, Afghanistan and Pakistan bought $320m, $216m and $51m respectively"
    verb = BUYS_FROM_IRAN.search(sentence[rel:rel + 300])
    if verb and not re.search(r"[.;]|\bfrom\b", sentence[rel:rel + verb.start()]) \
            and not re.search(r"\b(?:no|not|never)\b|n['’]t\b", sentence[max(0, rel - 20):rel + verb.end()]):
        return True
    if info.clause_lists_destinations(rel) and not SANCTION_CUE.search(before[-30:]) and not IMPORT_CUE.search(before[-40:]):
        return True
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


# "Iraq took $1.5 billion", "Oman and Qatar imported $80 million each", "with Iraq accounting for $2 billion"
ACQUIRES = re.compile(
    r"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)?){0,8}"
    r"\s+(?:alone\s+)?(?:took|bought|purchased|received|absorbed|imported|accounted\s+for|accounting\s+for|taking|buying|importing)\s+"
    r"(?:(?:more\s+than|over|about|around|nearly|some|almost|less\s+than|goods\s+worth|products\s+worth)\s+)?"
    # an amount, or a share of the exports ("taking four percent of Iran's exports")
    r"(?:[$€£¥]?\d|(?:[\d.]+|[a-z]+(?:[\s\-][a-z]+)?)\s+(?:percent|%)\s+of\s+(?:Iran['’]s\s+|the\s+|its\s+|all\s+)?(?:[\w\-]+\s+)?exports\b)")


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
        if IMPORT_CUE.search(before) or SANCTION_CUE.search(before) or re.search(r"\b(?:from|than|like)\s+(?:the\s+)?$", before):
            continue
        clause = info.clause(group[0][1] - info.start)
        if IMPORT_CUE.search(clause) and not EXPORT_CUE.search(clause):
            continue
        for c in group:
            if c not in taken:
                chosen.append(c)
                taken.add(c)
    return sorted(chosen, key=lambda x: x[1])


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
    dests: dict[str, _Dest] = {}
    sentences = _sentences(text)
    infos = [_Sentence(text, a, b) for a, b in sentences]
    money_in = _by_sentence(sorted(money, key=lambda m: m.start), lambda m: m.start, sentences)
    countries_in = _by_sentence(occurrences, lambda c: c[1], sentences)
    # pass 1: which countries receive exports, sentence by sentence
    chosen_in: list[list] = []
    prev_sentence_had = prev_export_cue = False
    for info, sent_money, in_sent in zip(infos, money_in, countries_in):
        sent = (info.start, info.end)
        in_sent = [c for c in in_sent if c[0] != "IR"]
        sentence = info.string
        export_context = info.export_cue or info.bought or prev_export_cue or prev_sentence_had
        import_sentence = info.import_cue and not info.export_cue
        continuation = prev_sentence_had and bool(CONTINUATION_CUE.search(sentence)) and not import_sentence
        chosen = []
        for iso, s, e in in_sent:
            role = _is_export_role(info, s, e) or export_context and bool(ACQUIRES.match(text, e, info.end))
            if not role and (continuation or export_context and RANKING_CUE.search(info.clause(s - info.start))):
                role = not re.search(r"\bfrom\s+(?:the\s+)?$", text[max(info.start, s - 30):s])
            if role:
                chosen.append((iso, s, e))
        if chosen:
            # list continuations: "Russia led the buyers at $310 million, while Armenia and
            # Kazakhstan took $164 million each", "Iraq imported $1.1 billion, Afghanistan $540 million"
            taken = set(chosen)
            rest = [c for c in in_sent if c not in taken and not _from_before(text, info.start, c[1])]
            paired = paired_countries(text, sent, sorted(chosen + rest, key=lambda c: c[1]), sent_money, max_gap)
            for iso, s, e in rest:
                _, clause_end = info.clause_at(s - info.start)
                tail = text[e:min(info.start + clause_end, e + 200)]
                if (s, e) in paired and not IMPORT_FROM.search(text[max(info.start, s - 60):s]) or re.match(
                        r"(?:[^.;]|\.(?=\d))*?\b(?:took|bought|purchased|imported|received|absorbed|accounted\s+for)\b", tail):
                    chosen.append((iso, s, e))
            chosen = _with_list_mates(text, info, in_sent, chosen)
        for iso, _, _ in chosen:
            dests.setdefault(iso, _Dest(iso2=iso))
        chosen_in.append(chosen)
        # a list may go on after a sentence that gives the last one's amount
        prev_sentence_had = bool(chosen) or len(chosen_in) > 1 and bool(chosen_in[-2]) and not in_sent
        prev_export_cue = info.export_cue or info.bought
    # pass 2: amounts, also from sentences that rank a known destination's purchases
    previous: list = []
    for info, chosen, sent_money, in_sent in zip(infos, chosen_in, money_in, countries_in):
        sentence = info.string
        if AMOUNT_CONTEXT.search(sentence) and not (info.import_cue and not info.export_cue):
            taken = set(chosen)
            known = [c for c in in_sent if c[0] in dests and c not in taken]
            chosen = sorted(chosen + known, key=lambda x: x[1])
        for iso, m in pair_amounts(text, (info.start, info.end), chosen, sent_money, max_gap):
            _give(dests[iso], m)
        subject = SUBJECT_ANAPHORA.match(sentence)
        if not chosen and previous and (info.export_cue or info.bought
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
        previous = chosen
    spans_of: dict[str, list] = {}
    for iso, s, e in occurrences:
        if iso in dests:
            spans_of.setdefault(iso, []).append((s, e))
    results = [Destination(country=common.get(iso, iso), iso2=iso, amount=d.amount, currency=d.currency,
                           mentions=[Mention(start=s, end=e, text=text[s:e]) for s, e in spans_of[iso]])
               for iso, d in dests.items()]
    results.sort(key=lambda d: d.mentions[0].start)
    return results


def _give(d: _Dest, m: Money) -> None:
    """The first amount the document gives a destination is its amount."""
    if d.amount is None:
        d.amount, d.currency = m.amount, m.currency


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
