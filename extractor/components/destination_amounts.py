"""The export amounts of a sentence that the list parser leaves: the lone amount and the money to read.

Lists, "respectively", parallel runs, "each", "X at $N", "X ($N)" and "$N to
X" are read by the list parser (``extractor.coordination``).  What is left
here:

* ``primary_money``: a sentence's money minus amounts restated in brackets
  ("12 trillion rials ($300 million)") and unit prices or rates ("$1,025 per
  kilogram", "42,000 rials per dollar"), which are never a destination's
  amount;
* ``lone_amount``: a lone destination and the only export amount of its
  clause ("China, which bought nearly all of the ore, remained the main
  customer at $386 million");
* ``first_amount_after``: the amount of a sentence that goes on about the
  destination of the one before ("Shipments there reached $N").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..records import Money
from ..resources import load

Country = tuple[str, int, int]  # (iso2, start, end)
Pair = tuple[str, Money]

_RATE_AFTER = re.compile(r"\s*per\s+[\d.,]+\s+[a-z]|\s*(?:per|a|an|each)\s+(?:kilo(?:gram)?s?|kg|tons?|tonnes?|barrels?|units?|dollars?|U\.S\.\s+dollars?|euros?|head|piece)\b|\s*to\s+the\s+(?:U\.S\.\s+)?dollar\b|\s*/\s*(?:kg|ton|tonne|barrel)\b", re.IGNORECASE)
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


_EXPORT_VERB = re.compile(r"\bexport|\bbought\b|\bpurchas|\bimported\b|\bbuyers?\b|\bcustomers?\b|\bdestination"
                          r"|\bshipped\b|\bshipments?\b|\bsold\b|\btook\b|\bmarkets?\b|\bimports?\s+from\s+Iran\b|\bimports?\s+by\b"
                          # supply verbs, and sales or deliveries to a country ("sales to Iraq ... $1.4 billion a year")
                          r"|\bsent\b|\bdelivered\b|\bsupplied\b|\b(?:sales|supplies|deliveries)\s+(?:of\s+(?:[A-Za-z\-]+\s+){1,3}?)?to\b",
                          re.IGNORECASE)
_CLAUSE_CUT = re.compile(r",\s*(?:while|whereas|but)\b|;|\bwhile\b|\bwhereas\b")


# money owed is not an export value ("Iraq's power debt to Iran tops $1b")
_SHARE = re.compile(r"\d(?:[\d.]*)\s*(?:percent|per\s+cent|%)", re.IGNORECASE)
# a percentage that is a change, not a share: "grew by 40 percent to", "12 percent more than", "up 8 percent"
_CHANGE_BEFORE = re.compile(r"\b(?:by|up|down|rose|rise|risen|rising|fell|fall|fallen|falling|grew|grow|grown|growing|"
                            r"increased?|decreased?|jumped|climbed|dropped|declined|slipped|gained|surged|soared|"
                            r"plunged|plummeted|slumped|expanded|shrank|contracted)\s+(?:(?:about|around|nearly|some|"
                            r"almost|roughly|over|more\s+than|less\s+than|just)\s+)?$", re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"\s*(?:more|less|higher|lower|up|down|above|below|from|compared|increase|rise|decline|drop|"
                           r"growth|jump|fall|year[\s-]on[\s-]year|on\s+the\s+year)\b", re.IGNORECASE)


def _share_between(text: str, a: int, b: int) -> bool:
    """A share (not a change) written in ``text[a:b]``."""
    for m in _SHARE.finditer(text, a, b):
        if not _CHANGE_BEFORE.search(text, max(0, m.start() - 40), m.start()) and not _CHANGE_AFTER.match(text, m.end()):
            return True
    return False
_DEBT = re.compile(r"\b(?:debts?|arrears|owed|owes|owe|unpaid)\b", re.IGNORECASE)


def _not_its_amount(text: str, s: int, m: Money) -> bool:
    """The clause's amount is not the country's: a debt, or a total written before the country and cut off from
    it by a comma ("Iran's date exports top $345m, India biggest buyer"), or one after the country's share."""
    if m.end <= s:
        # "Power exports earn $350m as Iraq pays part of its arrears": the country's own words are about a debt
        after = re.match(r"[^,;.]{0,60}", text[s:])
        # "revenue reached $5 billion as buyers in China rose", "$9 billion to neighbours such as Iraq": a total
        return "," in text[m.end:s] or bool(_DEBT.search(text, m.end, s) or _DEBT.search(after.group())
                                            or re.search(r"\bas\b", text[m.end:s]))
    # "Iraq took 20 percent of Iran's exports and total exports reached $5 billion": its share, then the total
    return bool(_DEBT.search(text, s, m.start) or _share_between(text, s, m.start))


def _lone(text, s0, s1, countries, money) -> list[Pair]:
    isos = {iso for iso, _, _ in countries}
    if len(isos) != 1 or not money:
        return []
    iso, s, _ = countries[0]
    sentence = text[s0:s1]
    cuts = [0] + [m.end() for m in _CLAUSE_CUT.finditer(sentence)] + [len(sentence)]
    for i, (a, b) in enumerate(zip(cuts, cuts[1:])):
        if a <= s - s0 < b:
            inside = [m for m in money if s0 + a <= m.start < s0 + b]
            if len(inside) == 1 and _EXPORT_VERB.search(sentence[a:b]) and not _not_its_amount(text, s, inside[0]):
                return [(iso, inside[0])]
            if not inside and i + 2 < len(cuts) and _VALUE_CUT.search(sentence, max(a, b - 8), b) \
                    and _EXPORT_VERB.search(sentence[a:b]):
                # "Iraq bought most of the cargoes; the ministry put their value at $2 billion", "Iraq bought less,
                # but its own figures put its imports of Iranian fruit at $2 billion": the next clause gives the
                # value of what the country's clause spoke of, or the country's imports from Iran, and names no
                # other country
                c, d = b, cuts[i + 2]
                after = [m for m in money if s0 + c <= m.start < s0 + d]
                value = _VALUE_ANAPHOR.search(sentence, c, d)
                if len(after) == 1 and value and value.start() < after[0].start - s0 \
                        and not any(o[1] >= s0 + c for o in countries) and not _DEBT.search(sentence, c, d):
                    return [(iso, after[0])]
            return []
    return []


# the value of what the clause before spoke of: "their value", "its total value", "valued them at", "worth"
_VALUE_ANAPHOR = re.compile(r"\b(?:their|its)\s+(?:total\s+|combined\s+|overall\s+)?value\b(?!\s+of\b)"
                            r"|\bvalued\s+(?:them|it|those|these)\b|\b(?:they|these|those)\s+were\s+worth\b"
                            r"|\bits\s+(?:[\w\-]+\s+){0,3}?(?:imports|purchases)\s+of\s+(?:Iranian|Iran['’]s)\b",
                            re.IGNORECASE)
# the cut between the country's clause and the one giving the value: a semicolon or ", but"
_VALUE_CUT = re.compile(r"(?:;|,\s*but)$")


def lone_amount(text: str, sentence: tuple[int, int], countries: list[Country],
                money: list[Money]) -> list[Pair]:
    """(iso2, money) for a lone destination of the sentence and the only export amount of its clause;
    ``money`` is the sentence's primary money."""
    if not countries or not money:
        return []
    return _lone(text, sentence[0], sentence[1], countries, money)


def clause_amounts(text: str, sentence: tuple[int, int], countries: list[Country], others: list[Country],
                   money: list[Money]) -> list[Pair]:
    """(iso2, money) for a destination left without an amount in a sentence whose other lists were paired: the
    only unused export amount of its clause, when no other country stands in that clause ("China remained the
    main buyer, with shipments valued at $1.2 billion, while India and Turkey bought $410m and $265m,
    respectively"); ``others`` are all the sentence's countries, ``money`` its unused primary money."""
    s0, s1 = sentence
    body = text[s0:s1]
    cuts = [0] + [m.end() for m in _CLAUSE_CUT.finditer(body)] + [len(body)]
    out = []
    for iso, s, _ in countries:
        for a, b in zip(cuts, cuts[1:]):
            if not a <= s - s0 < b:
                continue
            if any(o[0] != iso and s0 + a <= o[1] < s0 + b for o in others):
                break
            inside = [m for m in money if s0 + a <= m.start < s0 + b]
            if len(inside) == 1 and _EXPORT_VERB.search(body[a:b]) and not _not_its_amount(text, s, inside[0]):
                out.append((iso, inside[0]))
            break
    return out


def first_amount_after(text: str, start: int, end: int, money: list[Money]) -> Optional[Money]:
    """The first primary amount of ``text[start:end]`` (for anaphora such as "shipments there")."""
    inside = [m for m in money if start <= m.start < end]
    primary = primary_money(text, inside)
    return primary[0] if primary else None


@lru_cache(maxsize=None)
def _adjective_buyer() -> tuple[re.Pattern, dict[str, str], re.Pattern]:
    demonyms = {k: v for k, v in load("currencies")["demonyms"].items() if v != "IR" and not k.isupper() and "." not in k}
    cues = load("destination_cues")

    def alt(words):
        return "|".join(r"\s+".join(re.escape(w) for w in word.split()) for word in sorted(words, key=len, reverse=True))

    # an aside after the buyers (", who now pay in yuan,"), goods worth the amount ("bought handicrafts worth")
    pattern = re.compile(rf"\b({alt(demonyms)})\s+(?:[a-z\-]+\s+){{0,2}}?(?:{alt(cues['adjective_buyers'])})"
                         r"(?:\s*,\s*(?:who|which)\b[^,;.()]{0,80},)?\s+"
                         rf"(?:(?:also|alone|together|reportedly)\s+)?(?:{alt(cues['adjective_buyer_verbs'])})\s+"
                         r"(?:(?:[a-z\-]+\s+){1,3}?worth\s+)?"
                         r"(?:(?:about|around|roughly|nearly|some|almost|approximately|more\s+than|over|close\s+to)\s+)?$")
    nouns = re.compile(rf"\b(?:{alt(cues['adjective_buyers'])})\b")
    return pattern, {" ".join(k.split()): v for k, v in demonyms.items()}, nouns


_FROM_ELSEWHERE = re.compile(r"[^.;,]{0,40}?\bfrom\s+(?!Iran\b)(?:the\s+)?[A-Z]")


def adjective_buyer_amounts(text: str, start: int, money: list[Money]) -> list[Pair]:
    """(iso2, money) for an amount paid by a country's buyers named by its adjective: "Chinese refiners paid
    about $18 billion of that" (``money`` is the sentence's primary money)."""
    pattern, demonyms, nouns = _adjective_buyer()
    out = []
    if not money or not nouns.search(text, max(start, money[0].start - 160), money[-1].start):
        return out  # most sentences: no buyers before their money
    for m in money:
        found = pattern.search(text, max(start, m.start - 160), m.start)
        if found and not _FROM_ELSEWHERE.match(text, m.end):  # not "... worth $2 billion from Germany"
            out.append((demonyms[" ".join(found.group(1).split())], m))
    return out
