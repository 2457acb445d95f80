"""The destinations component: countries that receive the exports described.

Country names come from pycountry (ISO 3166) plus the everyday aliases in
``data/countries.json``.  A country is a destination when a mention of it
sits in an export role in its sentence ("exports to X", "X ... were the top
export destinations", "X imported ... from Iran", a list continuing one of
those); its amount comes from "respectively" lists, "X at $N" / "X ($N)"
lists, "$N each", or the single export amount of a sentence about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Optional

import pycountry
from spacy.language import Language
from spacy.tokens import Doc

from ..records import Destination, Mention, Money
from ..resources import load
from .base import doc_text, set_results


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
    amount_at: int = 10 ** 9  # offset of the sentence that gave the amount
    spans: list = field(default_factory=list)


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


def _clause_before(sentence: str, rel: int) -> str:
    return sentence[max(0, rel - 120):rel]


def _is_export_role(text: str, sent: tuple[int, int], s: int, e: int) -> bool:
    sentence = text[sent[0]:sent[1]]
    rel = s - sent[0]
    before = _clause_before(sentence, rel)
    after = sentence[e - sent[0]:e - sent[0] + 120]
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
    if to_list and (EXPORT_CUE.search(before[:to_list.start()] + " ") or re.search(r"\b(?:went|sent|delivered|headed|destined)\s*$", before[:to_list.start()])) and not re.search(r"\bimport", before[max(0, to_list.start() - 40):to_list.start()], re.IGNORECASE):
        return True
    if re.search(r"\brespectively\b", sentence) and re.search(r"\b(?:bought|purchased|imported|received|took|accounted\s+for)\b", sentence[rel:]):
        return True  # "Iraq, Afghanistan and Pakistan bought $320m, $216m and $51m respectively"
    verb = BUYS_FROM_IRAN.search(sentence, rel)
    if verb and not re.search(r"[.;]|\bfrom\b", sentence[rel:verb.start()]):
        return True
    clause = _clause_of(sentence, rel)
    if DEST_LIST_CUE.search(clause) and not SANCTION_CUE.search(before[-30:]) and not IMPORT_CUE.search(before[-40:]) \
            and not re.search(r"\bsources?\s+of\s+(?:\w+\s+)?imports?\b|\bsuppliers?\b", clause, re.IGNORECASE):
        return True
    return False


_CLAUSE_BREAK = re.compile(r",\s*(?:while|whereas|but)\b|;|\s(?:while|whereas)\s")


def _clause_of(sentence: str, rel: int) -> str:
    """The clause of a sentence around offset ``rel`` (split at "while", "whereas", ";")."""
    cuts = [0] + [m.start() for m in _CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    for a, b in zip(cuts, cuts[1:]):
        if a <= rel < b:
            return sentence[a:b]
    return sentence


def _assign_amounts(text, sent, sentence_dests, money: list[Money], dests: dict, window: int):
    """Give amounts to the destinations of one sentence."""
    s0, s1 = sent
    sent_money = [m for m in money if s0 <= m.start < s1]
    if not sentence_dests or not sent_money:
        return
    sentence = text[s0:s1]

    def give(iso2, m: Money):
        d = dests[iso2]
        if d.amount is None or d.amount_at > s0 and d.amount is None:
            d.amount, d.currency, d.amount_at = m.amount, m.currency, s0

    # money restated in brackets "(about $24 million)" is not a separate amount
    def restatement(m: Money) -> bool:
        paren = re.search(r"\(\s*(?:[a-z]+\s+){0,2}$", text[max(s0, m.start - 25):m.start])
        if not paren:
            return False
        paren_at = max(s0, m.start - 25) + paren.start()
        return any(0 <= paren_at - other.end <= 2 for other in sent_money if other is not m)

    primary = [m for m in sent_money if not restatement(m)]
    if re.search(r"\brespectively\b", sentence, re.IGNORECASE):
        isos = [iso for iso, _, _ in sentence_dests]
        after_countries = [m for m in primary if m.start > sentence_dests[0][1]]
        if len(after_countries) >= len(isos):
            for iso, m in zip(isos, after_countries):
                give(iso, m)
            return
    isos = [iso for iso, _, _ in sentence_dests]
    after_all = [m for m in primary if m.start > sentence_dests[-1][2]]
    if len(isos) >= 2 and len(after_all) == len(isos) and len(set(isos)) == len(isos):
        lst = text[after_all[0].start:after_all[-1].end]
        listed = text[sentence_dests[0][1]:sentence_dests[-1][2]]
        if re.fullmatch(r"(?:[^,;]|,(?=\s))*", lst) and re.search(r"(?:,\s*|\s)and\s", lst) and not re.search(r"\d\s*(?:percent|%)", listed):
            # "Turkey, Afghanistan and Pakistan followed ... with $1.4 billion, $690 million and $470 million"
            if all(re.fullmatch(r"(?:\s*(?:,|and|\(|\))\s*)+", text[a.end:b.start]) for a, b in zip(after_all, after_all[1:])):
                for iso, m in zip(isos, after_all):
                    give(iso, m)
                return
    each = [m for m in primary if re.match(r"\s+each\b", text[m.end:m.end + 6])]
    if each:
        previous = max((m.end for m in primary if m.end <= each[0].start), default=s0)
        for iso, s, e in sentence_dests:
            if previous <= s < each[0].start:
                give(iso, each[0])
    # "Pakistan at $1 billion", "Pakistan ($1b)", "Iraq with $320 million"
    matched = False
    for iso, s, e in sentence_dests:
        for m in primary:
            gap = re.sub(r"^\s*,\s*(?:which|who)\b[^,]*,", "", text[e:m.start])
            if 0 <= m.start - e <= window + 80 * bool(re.match(r"\s*,\s*(?:which|who)\b", text[e:m.start])) and re.fullmatch(
                    r"(?:’s|'s)?\s*(?:\([A-Z][A-Za-z.]{1,8}\)\s*)?(?:\(|:|,)?\s*"
                    r"(?:(?:[a-z]+,?\s+){0,7}?(?:at|with|worth|by|of|valued\s+at|amounting\s+to|reached|reaching|totaling|totalling|to\s+the\s+tune\s+of|bought|purchased|imported|took|received|absorbed|paid|taking|buying|purchasing|importing|receiving))?"
                    r"\s*(?:(?:more\s+than|over|about|around|nearly|some|almost|approximately|roughly|less\s+than)\s+)?",
                    gap):
                give(iso, m)
                matched = True
                break
    if matched:
        return
    if len({iso for iso, _, _ in sentence_dests}) == 1 and len(primary) > 1:
        # "Iran sold $3 billion of oil to China, while imports from China were $5 billion":
        # the amount of the clause that names the destination
        iso, s, e = sentence_dests[0]
        clauses = [0] + [m.end() for m in re.finditer(r",\s*(?:while|whereas|but)\b|;|\bwhile\b|\bwhereas\b", sentence)] + [len(sentence)]
        for a, b in zip(clauses, clauses[1:]):
            if s0 + a <= s < s0 + b:
                inside = [m for m in primary if s0 + a <= m.start < s0 + b]
                if len(inside) == 1 and re.search(r"\bexport|\bsold\b|\bshipped\b|\bbought\b|\bpurchas|\btook\b", sentence[a:b], re.IGNORECASE):
                    give(iso, inside[0])
                break
        return
    if len({iso for iso, _, _ in sentence_dests}) == 1 and len(primary) >= 1:
        iso = sentence_dests[0][0]
        if re.search(r"\bexport|\bbought\b|\bpurchas|\bimported\b|\bbuyers?\b|\bcustomers?\b|\bdestination|\bshipped\b|\bsold\b|\btook\b", sentence, re.IGNORECASE) and len(primary) == 1:
            give(iso, primary[0])


def find_destinations(text: str, money: list[Money], org_spans: list[tuple[int, int]],
                      amount_window: int = 40) -> list[Destination]:
    names, common = country_table()
    occurrences = []
    for m in _country_re().finditer(text):
        s, e = m.start(), m.end()
        if any(os <= s and e <= oe for os, oe in org_spans):
            continue
        occurrences.append((names[m.group()], s, e))
    dests: dict[str, _Dest] = {}
    sentences = _sentences(text)
    # pass 1: which countries receive exports, sentence by sentence
    chosen_in: list[list] = []
    prev_sentence_had = False
    for sent in sentences:
        in_sent = [(iso, s, e) for iso, s, e in occurrences if sent[0] <= s < sent[1]]
        sentence = text[sent[0]:sent[1]]
        chosen = []
        for iso, s, e in in_sent:
            if iso == "IR":
                continue
            role = _is_export_role(text, sent, s, e)
            if not role and prev_sentence_had and CONTINUATION_CUE.search(sentence):
                before = text[max(sent[0], s - 30):s]
                role = not re.search(r"\bfrom\s+(?:the\s+)?$", before)
            if role:
                chosen.append((iso, s, e))
                dests.setdefault(iso, _Dest(iso2=iso))
        if chosen:
            # "Russia led the buyers at $310 million, while Armenia and Kazakhstan took $164 million each"
            for iso, s, e in in_sent:
                if iso == "IR" or (iso, s, e) in chosen:
                    continue
                clause = _clause_of(sentence, s - sent[0])
                tail = clause[clause.find(text[s:e]) + (e - s):] if text[s:e] in clause else ""
                if re.match(r"(?:[^.;]|\.(?=\d))*?\b(?:took|bought|purchased|imported|received|absorbed|accounted\s+for)\b", tail) \
                        and not re.search(r"\bfrom\s+(?:the\s+)?$", text[max(sent[0], s - 12):s]):
                    chosen.append((iso, s, e))
                    dests.setdefault(iso, _Dest(iso2=iso))
            chosen.sort(key=lambda x: x[1])
        chosen_in.append(chosen)
        prev_sentence_had = bool(chosen)
    # pass 2: amounts, also from sentences that rank a known destination's purchases
    for sent, chosen in zip(sentences, chosen_in):
        sentence = text[sent[0]:sent[1]]
        if AMOUNT_CONTEXT.search(sentence) and not (IMPORT_CUE.search(sentence) and not EXPORT_CUE.search(sentence)):
            known = [(iso, s, e) for iso, s, e in occurrences
                     if sent[0] <= s < sent[1] and iso in dests and (iso, s, e) not in chosen]
            chosen = sorted(chosen + known, key=lambda x: x[1])
        _assign_amounts(text, sent, chosen, money, dests, amount_window)
    results = []
    for iso, d in dests.items():
        spans = [(s, e) for i, s, e in occurrences if i == iso]
        results.append(Destination(
            country=common.get(iso, iso), iso2=iso, amount=d.amount, currency=d.currency,
            mentions=[Mention(start=s, end=e, text=text[s:e]) for s, e in spans]))
    results.sort(key=lambda d: d.mentions[0].start)
    return results


class DestinationsComponent:
    """Sets ``doc._.destinations``; needs the money and organizations components before it."""

    def __init__(self, nlp: Language, name: str, span_group: str, amount_window: int):
        self.name = name
        self.span_group = span_group
        self.amount_window = amount_window

    def __call__(self, doc: Doc) -> Doc:
        money = doc._.money or []
        org_spans = [(m.start, m.end) for o in (doc._.organizations or []) for m in o.mentions]
        dests = find_destinations(doc_text(doc), money, org_spans, self.amount_window)
        mentions = [m for d in dests for m in d.mentions]
        set_results(doc, "destinations", self.span_group, dests, label="GPE", mentions=mentions)
        return doc


@Language.factory("extractor_destinations",
                  default_config={"span_group": "destinations", "amount_window": 40})
def make_destinations_component(nlp: Language, name: str, span_group: str,
                                amount_window: int) -> DestinationsComponent:
    return DestinationsComponent(nlp, name, span_group, amount_window)
