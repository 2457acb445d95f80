"""Which export amount of a sentence belongs to which destination.

One sentence at a time: the destinations it names, in order, and its money
mentions.  The readings are tried in this order, and the first that pairs
the sentence wins:

1. a "respectively" list: countries and amounts zipped in order;
2. a parallel list, N countries then N amounts ("Iraq, Afghanistan and
   Turkey were the main buyers at $1.2 billion, $640 million and $310
   million");
3. "$N each" (or "each buying $N") for the countries listed before it;
4. adjacent pairs, read country-first ("Iraq at $1b", "Pakistan ($364m)",
   "exports to Iraq stood at $2.1 billion", "Afghanistan $540 million") or
   amount-first ("$410 million went to Iraq, $220 million to Afghanistan"),
   whichever reading pairs more of the sentence;
5. a lone destination and the export amount of its clause.

Amounts restated in brackets ("12 trillion rials ($300 million)") and unit
prices or rates ("$1,025 per kilogram", "42,000 rials per dollar") are
never a destination's amount.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterable, Optional

from ..records import Money

Country = tuple[str, int, int]  # (iso2, start, end)
Pair = tuple[str, Money]

# between a country and the amount after it: a possessive, an acronym in
# brackets, a bracket, colon or comma, then a few lowercase words or
# percentages ("at", "stood at", "rose 20 percent to", "imported", "with
# exports valued at")
_RIGHT_GAP = re.compile(
    r"(?:’s|'s)?\s*(?:\([A-Z][A-Za-z.]{1,8}\)\s*)?(?:[(:,—–-]\s*)?"
    r"(?:(?:[a-z][a-z\-]*|Iranian|Iran['’]s|\d+(?:\.\d+)?\s*(?:percent|%)),?\s+){0,12}")
# between an amount and the country after it: "$410 million went to",
# "$300 million worth of goods to", "$220 million to"
_LEFT_GAP = re.compile(r"\s*(?:[a-z]+,?\s+){0,6}?(?:to|into)\s+(?:the\s+)?")
# words that end the reading of a gap: another clause, a comparison, a source
_GAP_BREAK = re.compile(
    r"\b(?:while|whereas|but|although|though|compared|against|versus|from|and|or|than|total|totally|overall|which|who|of\s+which)\b|;",
    re.IGNORECASE)
_QUALIFIER_TAIL = re.compile(r"\b(?:more|less|fewer|greater|higher|lower)\s+than\s*$")
_RATE_AFTER = re.compile(r"\s*(?:per|a|an|each)\s+(?:kilo(?:gram)?s?|kg|tons?|tonnes?|barrels?|units?|dollars?|U\.S\.\s+dollars?|euros?|head|piece)\b|\s*to\s+the\s+(?:U\.S\.\s+)?dollar\b|\s*/\s*(?:kg|ton|tonne|barrel)\b", re.IGNORECASE)
_EACH_AFTER = re.compile(r"\s+each\b|\s+apiece\b")
_EACH_BEFORE = re.compile(r"\beach\s+(?:(?:buying|importing|taking|receiving|purchasing|with|worth|of)\s+)?(?:(?:more\s+than|over|about|around|nearly|some|almost|less\s+than)\s+)?$")
# the country sells: "China sold $5 billion of goods to Iran"
_SELLER = re.compile(r"(?:’s|'s)?\s*(?:also\s+)?(?:sold|sells|exported|exports|shipped|ships|supplied|supplies|sent|delivered)\b")
_RELATIVE = re.compile(r"\s*,\s*(?:which|who)\b[^,;()]{0,100},")
# between two countries of one list
LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def primary_money(text: str, sentence_money: list[Money]) -> list[Money]:
    """The sentence's money minus bracketed restatements and unit prices or rates."""

    def restatement(m: Money) -> bool:
        head = text[max(0, m.start - 25):m.start]
        paren = re.search(r"\(\s*(?:[a-z]+\s+){0,2}$", head)
        if not paren:
            return False
        paren_at = max(0, m.start - 25) + paren.start()
        return any(0 <= paren_at - other.end <= 2 for other in sentence_money if other is not m)

    def rate(m: Money) -> bool:
        return bool(_RATE_AFTER.match(text, m.end))

    return [m for m in sentence_money if not restatement(m) and not rate(m)]


def _gap_ok(gap: str, grammar: re.Pattern, max_gap: int) -> bool:
    if len(gap) > max_gap or not grammar.fullmatch(gap):
        return False
    cleaned = _QUALIFIER_TAIL.sub("", gap)
    return not _GAP_BREAK.search(cleaned)


def _respectively(text, s0, s1, countries, money) -> list[Pair]:
    if not re.search(r"\brespectively\b", text[s0:s1], re.IGNORECASE):
        return []
    after = [m for m in money if m.start > countries[0][1]]
    isos = [iso for iso, _, _ in countries]
    if len(after) < len(isos):
        return []
    return list(zip(isos, after))


def _parallel(text, countries, money) -> list[Pair]:
    isos = [iso for iso, _, _ in countries]
    after = [m for m in money if m.start > countries[-1][2]]
    if len(isos) < 2 or len(after) < len(isos) or len(set(isos)) != len(isos):
        return []
    # the first run of amounts joined only by commas and "and"
    run = after[:1]
    for a, b in zip(after, after[1:]):
        if not re.fullmatch(r"(?:\s*(?:,|and|\(|\))\s*)+", text[a.end:b.start]):
            break
        run.append(b)
    if len(run) != len(isos):
        return []
    listed = text[countries[0][1]:countries[-1][2]]
    amounts = text[run[0].start:run[-1].end]
    if re.search(r"\d\s*(?:percent|%)|\$|€", listed) or not re.search(r"(?:,\s*|\s)and\s", amounts):
        return []
    # the countries form one list: only commas, "and" and "the" between them
    if not all(re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?(?:the\s+)?", text[a[2]:b[1]]) for a, b in zip(countries, countries[1:])):
        return []
    return list(zip(isos, run))


def _each(text, s0, countries, money) -> list[Pair]:
    pairs: list[Pair] = []
    starts = [s for _, s, _ in countries]
    ends = [m.end for m in money]
    for m in money:
        if not (_EACH_AFTER.match(text, m.end) or _EACH_BEFORE.search(text[max(s0, m.start - 60):m.start])):
            continue
        i = bisect_left(ends, m.start + 1) - 1
        while i >= 0 and money[i] is m:
            i -= 1
        previous = money[i].end if i >= 0 and money[i].end <= m.start else s0
        pairs += [(iso, m) for iso, _, _ in countries[bisect_left(starts, previous):bisect_left(starts, m.start)]]
    return pairs


def _adjacent(text, countries, money, max_gap) -> list[tuple[Country, Money]]:
    items = sorted([(s, "c", (iso, s, e)) for iso, s, e in countries] + [(m.start, "m", m) for m in money],
                   key=lambda x: x[0])
    right, left = [], []
    for i, (_, kind, item) in enumerate(items):
        if kind != "c":
            continue
        iso, s, e = item
        if i + 1 < len(items) and items[i + 1][1] == "m":
            m = items[i + 1][2]
            gap = text[e:m.start]
            # "China, which bought nearly all of the ore, remained the main customer at $386 million"
            relative = _RELATIVE.match(gap)
            gap = gap[relative.end():] if relative else gap
            if _gap_ok(gap, _RIGHT_GAP, max_gap) and not _SELLER.match(gap):
                right.append((item, m))
        if i > 0 and items[i - 1][1] == "m":
            m = items[i - 1][2]
            listed_on = i + 1 < len(items) and items[i + 1][1] == "c" and LIST_JOIN.fullmatch(text[e:items[i + 1][0]])
            if _gap_ok(text[m.end:s], _LEFT_GAP, max_gap) and not listed_on:
                left.append((item, m))
    preferred, other = (left, right) if len(left) > len(right) else (right, left)
    taken = {id(m) for _, m in preferred}
    return preferred + [(c, m) for c, m in other if id(m) not in taken]


_EXPORT_VERB = re.compile(r"\bexport|\bbought\b|\bpurchas|\bimported\b|\bbuyers?\b|\bcustomers?\b|\bdestination"
                          r"|\bshipped\b|\bshipments?\b|\bsold\b|\btook\b|\bmarkets?\b|\bimports?\s+from\s+Iran\b|\bimports?\s+by\b",
                          re.IGNORECASE)
_CLAUSE_CUT = re.compile(r",\s*(?:while|whereas|but)\b|;|\bwhile\b|\bwhereas\b")


def _lone(text, s0, s1, countries, money) -> list[Pair]:
    isos = {iso for iso, _, _ in countries}
    if len(isos) != 1 or not money:
        return []
    iso, s, _ = countries[0]
    sentence = text[s0:s1]
    cuts = [0] + [m.end() for m in _CLAUSE_CUT.finditer(sentence)] + [len(sentence)]
    for a, b in zip(cuts, cuts[1:]):
        if a <= s - s0 < b:
            inside = [m for m in money if s0 + a <= m.start < s0 + b]
            if len(inside) == 1 and _EXPORT_VERB.search(sentence[a:b]):
                return [(iso, inside[0])]
            return []
    return []


def pair_amounts(text: str, sentence: tuple[int, int], countries: list[Country],
                 sentence_money: list[Money], max_gap: int = 90) -> list[Pair]:
    """(iso2, money) pairs for the destinations ``countries`` of one sentence, first reading that applies."""
    s0, s1 = sentence
    money = primary_money(text, sentence_money)
    if not countries or not money:
        return []
    for reading in (lambda: _respectively(text, s0, s1, countries, money),
                    lambda: _parallel(text, countries, money)):
        pairs = reading()
        if pairs:
            return pairs
    pairs = _each(text, s0, countries, money)
    paired = {iso for iso, _ in pairs}
    pairs += [(c[0], m) for c, m in _adjacent(text, countries, money, max_gap) if c[0] not in paired]
    if pairs:
        return sorted(pairs, key=lambda p: p[1].start)
    return _lone(text, s0, s1, countries, money)


def paired_countries(text: str, sentence: tuple[int, int], countries: Iterable[Country],
                     sentence_money: list[Money], max_gap: int = 90) -> set[tuple[int, int]]:
    """Spans of the countries that an adjacent reading pairs with an amount (list continuations)."""
    countries = list(countries)
    money = primary_money(text, sentence_money)
    if not countries or not money:
        return set()
    return {(s, e) for (_, s, e), _ in _adjacent(text, countries, money, max_gap)}


def first_amount_after(text: str, start: int, end: int, money: list[Money]) -> Optional[Money]:
    """The first primary amount of ``text[start:end]`` (for anaphora such as "shipments there")."""
    inside = [m for m in money if start <= m.start < end]
    primary = primary_money(text, inside)
    return primary[0] if primary else None
