"""The money component: every monetary amount, normalised.

``find_money(text)`` is a plain function (tested on its own); the spaCy
component only calls it and puts the result on the Doc.

An amount is a number (``extractor.numbers``: digits, separators, scale
words) joined to a currency (``extractor.currencies``: ISO 4217 codes, names
and signs, the genre's words) by one of four composition rules, tried in this
order (an earlier reading wins where two overlap):

- a range sharing a scale or currency ("between 35 and 48 million rials",
  "$40-64 billion", "$600,000 to $2.5 million"): two mentions; the first
  borrows what it lacks, but no scale that would make it larger than the
  second, and a year is never its first amount (RECORDS.md, second round);
- sign first: "$1.49 billion", "HK$2bn", "C$300 million", "$-50.8bn";
- code first: "USD 5 million", "AED5bn", "Rs 300 crore";
- currency last: "1.5 trillion rials", "80 USD million", "19 cents",
  "1,200€", "two billion dollars".

Two more rules then complete what these found: whole units and hundredths
make one compound amount ("3 dollars 50 cents"), and an amount whose
currency word is elided takes the currency of its sentence ("341.4 trillion
($9.1 billion)", "up from 950 trillion", "42,000 to the dollar").

Where a reading is ambiguous nothing is emitted: a sign or code standing
between two bare numbers ("10 USD 20"), a range's bare first number that
borrowing would make larger than the second, a weight in pounds or drams
("300 pounds of pistachios", "weighs 110 pounds"), an amount not below
10^21 base units.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from decimal import Decimal
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..currencies import from_code, from_sign, from_subunit, from_word, tables
from ..numbers import (NUMBER, _alternation, fraction_words, number_words, parse_number, scale_patterns,
                       to_amount, trie_pattern)
from ..records import Money
from ..resources import load
from .base import doc_text, set_results

#: a year that a range must not read as its first amount (Gregorian or Iranian)
_YEAR = re.compile(r"(?:1[34]\d\d|19\d\d|20\d\d)")
#: how far back a verb of weighing makes a pound a weight
_WEIGHT_WINDOW = 60
_WEIGHT_CUE = re.compile(r"(?i)\bweigh|\bweight")
_NUMBER_BEFORE = re.compile(r"(?<![\w.,])(\d+(?:[,.]\d+)*)\s$")
_LETTER_BEFORE = re.compile(r"(?<![A-Za-z'’.])([A-Za-z])\s$|[A-Za-z]\.[A-Za-z]\s$")
_NUMBER_AFTER = re.compile(r"\s?[-−]?\d")
_TOMAN = re.compile(r"(?i)toman|tuman")
_BRACKET_BEFORE = re.compile(r"[(\[][A-Za-z. ]{0,25}$")


@lru_cache(maxsize=None)
def _qualifiers() -> dict[str, str]:
    quals = load("qualifiers")
    return {word.lower(): kind for kind in ("more_than", "less_than", "about") for word in quals[kind]}


def _sign_pattern() -> str:
    """Signs as written: "$", "€", "HK$", "hk $", "NZD$"; a one-letter prefix only as
    "C$", "A$", "S$" (capital, attached: "a $5 loan", "Iran's $5 billion" are dollars).

    Tries, not alternations: the pattern is tried at every word start."""
    t = tables()
    letters = sorted(p.upper() for p in t.dollar_prefixes if len(p) == 1)
    words = [p for p in t.dollar_prefixes if len(p) > 1] + [c.lower() for c in t.codes if c.isalpha()]
    return (rf"(?:(?:{trie_pattern(words)})\s?\$|(?-i:[{''.join(letters)}])\$"
            rf"|{trie_pattern(t.signs)})")


@lru_cache(maxsize=None)
def _patterns():
    t = tables()
    word, abbreviation, letter = scale_patterns()

    def scale(name):
        # "1.5 billion", "2.5-billion", "1.5bn", "1.5 bn", "364m", "2.174T" (letters only attached)
        return (rf"(?:(?:\s|-)?(?={word})|\s?(?={abbreviation})|(?={letter}))"
                rf"(?P<{name}>{word}|{abbreviation}|{letter})")

    number = rf"(?:{NUMBER})(?![\d]|[.,]\d)"
    num = rf"(?<![\w.,±]){number}"
    sign = _sign_pattern()
    code = rf"(?-i:{trie_pattern(t.codes)})"
    cur_word = rf"(?:{trie_pattern(t.words)})(?![A-Za-z]|-[A-Za-z])"
    subunit = rf"(?:{trie_pattern(t.subunits)})(?![A-Za-z])"
    units = trie_pattern(w for w, v in number_words().items() if 1 <= v <= 9 and w != "a")
    # "two", "forty-five" (parse_number checks that a hyphenated pair is tens and units)
    num_words = rf"(?:{trie_pattern(w for w in number_words() if w != 'a')})(?:-(?:{units}))?"
    article = rf"(?<![A-Za-z])a(?=\s(?:{word}))"
    fractions = rf"(?<![A-Za-z-])(?:{trie_pattern(fraction_words())})(?=[\s-](?:{word}))"
    flags = re.IGNORECASE

    # every reading with a sign or code first has a digit within a few characters: a cheap
    # look-ahead spares trying the signs and codes at every word start
    near_digit = r"(?=[^\n\d]{0,9}\d)"
    # a range is found from its first number; a sign before it is looked up with sign_before
    range_ = re.compile(
        rf"(?P<num1>{num})(?:{scale('sc1')})?"
        rf"\s*(?:-|–|to|and)\s*"
        rf"(?P<second>(?P<sym2>(?<![A-Za-z0-9]){sign})?\s?(?P<num2>{num})"
        rf"(?:{scale('sc2')}(?:\s(?P<sc2b>{word}))?)?"
        rf"(?:\s+(?:(?P<cur>{cur_word})|(?P<code>{code})(?![A-Za-z]))|\s?(?P<sym3>{sign}))?)", flags)
    sign_before = re.compile(rf"(?<![A-Za-z0-9])(?P<sym>{sign})\s?$", flags)
    sign_first = re.compile(
        rf"(?<![A-Za-z0-9'’]){near_digit}(?P<sym>{sign})(?P<gap>\s?)(?P<minus>[-−]\s?)?(?P<num>{number})"
        rf"(?:{scale('sc')}(?:\s(?P<sc2>{word}))?)?(?:\s?(?P<code2>{code})(?![A-Za-z]))?", flags)
    code_first = re.compile(
        rf"(?<![A-Za-z0-9]){near_digit}(?P<code>{code})\s?(?P<minus>[-−]\s?)?(?P<num>{number})(?!\s?(?:%|per\s?cent))"
        rf"(?:{scale('sc')}(?:\s(?P<sc2>{word}))?)?", flags)
    currency_tail = (
        rf"(?:{scale('sc')}(?:\s(?P<sc2>{word}))?)?"
        rf"(?:(?:\s+|-)(?P<cur>{cur_word})"
        rf"|(?:\s?|-)(?P<code>{code})(?![A-Za-z])(?:\s(?P<sc3>{word}))?"
        rf"|(?:\s?|-)(?P<sub>{subunit})"
        rf"|\s?(?P<sym>{sign}))")
    # two scans, digits and words, are cheaper than one over both
    currency_last = (
        re.compile(rf"(?P<num>{num}){currency_tail}", flags),
        re.compile(rf"(?P<num>(?<![A-Za-z-])(?=[a-z])(?:{fractions}|(?:{num_words})(?![A-Za-z])|{article}))"
                   rf"{currency_tail}", flags))
    qualifier = re.compile(rf"(?<![A-Za-z])(?P<q>{_alternation(_qualifiers())})\s+(?:of\s+)?$", flags)
    compound_units = trie_pattern(t.compound_subunits)
    cents = rf"\d{{1,2}}(?!\d)|{num_words}"
    # "3 dollars 50 cents", "10 USD and 20 cents", "20 ringgit 43 sen", "$1 and forty-two cents"
    # "a dollar and 42 cents": the cents end a compound whose whole units were not read
    compound_head = re.compile(rf"(?:{cur_word}|{code}|{sign})\s*(?:and\s+)?$", flags)
    compound_tail = re.compile(rf"\s*(?:and\s+)?(?P<n>{cents})(?:\s?|-)(?P<u>{compound_units})(?![A-Za-z])", flags)
    return range_, sign_first, code_first, currency_last, qualifier, compound_tail, compound_head, sign_before


@lru_cache(maxsize=None)
def _word_first_pattern() -> tuple[re.Pattern, re.Pattern]:
    """A currency word before a number with a scale word ("worth dollar 3 million", "euros 20 billion"),
    and what may not stand right before the word ("against the dollar 2 million ...": the word is the
    object of the clause before, not this amount's)."""
    t = tables()
    word, abbreviation, letter = scale_patterns()
    cur_word = rf"(?:{trie_pattern(t.words)})"
    number = rf"(?<![\w.,±])(?:{NUMBER})(?![\d]|[.,]\d)"
    # scanned from the number (cheap: only at digits), the word looked up right before it
    pattern = re.compile(rf"(?<=[A-Za-z]\s)(?P<num>{number})"
                         rf"(?:(?:\s|-)(?P<sc>{word})|\s?(?P<ab>{abbreviation})|(?P<l>{letter}))"
                         rf"(?:\s(?P<sc2>{word}))?", re.IGNORECASE)
    word_before = re.compile(rf"(?<![\w$€£¥-])(?P<cur>{cur_word})\s$", re.IGNORECASE)
    not_before = re.compile(r"(?:\b(?:the|a|an|per|to|against|each|every|one|versus|vs\.?|into|for|from|of|in|"
                            r"and|or)|[\d%])\s+$", re.IGNORECASE)
    return pattern, word_before, not_before


def _qualifier(text: str, start: int) -> Optional[str]:
    window = text[max(0, start - 25):start]
    match = _patterns()[4].search(window)
    if not match:
        return None
    return _qualifiers()[match.group("q").lower()]


def _bare_number_before(text: str, start: int) -> bool:
    """A bare number (not a year) right before ``start``: "10 USD 20" is ambiguous."""
    m = _NUMBER_BEFORE.search(text[max(0, start - 30):start])
    return bool(m) and not _YEAR.fullmatch(m.group(1))


def _lone_letter_before(text: str, start: int) -> bool:
    """"c $ 16 million": a lone letter before a spaced sign may be a country prefix."""
    m = _LETTER_BEFORE.search(text[max(0, start - 6):start])
    return bool(m) and m.group(1) not in ("a", "A", "I")


def _subunit_after(text: str, end: int) -> bool:
    """"10 USD 20 cents": the number after is the sub-unit of a compound amount."""
    return _patterns()[5].match(text, end) is not None


def _compound(text: str, main: Money) -> Optional[Money]:
    """"3 dollars 50 cents", "10 USD and 20 cents": whole units plus hundredths, one amount."""
    m = _patterns()[5].match(text, main.end)
    if not m:
        return None
    allowed = tables().compound_subunits[m.group("u").lower()]
    if allowed is not None and main.currency not in allowed:
        return None
    hundredths = parse_number(m.group("n"))
    if hundredths is None or not 0 < hundredths < 100:
        return None
    return Money(start=main.start, end=m.end(), text=text[main.start:m.end()],
                 amount=main.amount + hundredths / 100, currency=main.currency, qualifier=main.qualifier)


def _number_after(text: str, end: int) -> bool:
    return _NUMBER_AFTER.match(text, end, end + 3) is not None


def _is_weight(text: str, m) -> bool:
    """"300 pounds of pistachios", "weighs 110 pounds": a weight, not money."""
    if m.group("cur").lower().split()[-1] not in tables().weight_homonyms:
        return False
    if re.match(r"\s+of\b", text[m.end():m.end() + 4]):
        return True
    before = text[max(0, m.start() - _WEIGHT_WINDOW):m.start()]
    before = re.split(r"[.!?;]\s", before)[-1]
    return _WEIGHT_CUE.search(before) is not None


def _last_end(m, *groups) -> int:
    return max(m.end(g) for g in groups if m.group(g) is not None)


def find_money(text: str) -> list[Money]:
    """Every money mention of ``text``, sorted by offset, without overlaps."""
    return find_money_with_warnings(text)[0]


def find_money_with_warnings(text: str) -> tuple[list[Money], list[str]]:
    """The money mentions of ``text`` and a warning for each reading left out as ambiguous."""
    range_, sign_first, code_first, currency_last, _, _, compound_head, sign_before = _patterns()
    found: list[tuple[int, int, Decimal, str]] = []
    plain: set[tuple[int, int]] = set()  # mentions of whole units with no scale: "3 dollars", "$20"
    notes: list[tuple[int, int, str]] = []

    def ambiguous(start, end, reason):
        notes.append((start, end, reason))

    def add(start, end, amount, currency, unscaled=False):
        if amount is None or amount <= 0:
            return
        found.append((start, end, amount, currency))
        if unscaled:
            plain.add((start, end))

    for m in range_.finditer(text):
        before = sign_before.search(text, max(0, m.start() - 12), m.start())
        sym1 = from_sign(before.group("sym")) if before else None
        sym2 = from_sign(m.group("sym2")) if m.group("sym2") else None
        shared = (from_word(m.group("cur")) if m.group("cur")  # "35 and 48 million rials", "26 to 50 €"
                  else from_code(m.group("code")) if m.group("code")
                  else from_sign(m.group("sym3")) if m.group("sym3") else None)
        second_cur = shared or sym2 or sym1
        if second_cur is None:
            continue
        if m.group("sc1") and not (shared or sym2):
            continue  # "$5 billion and 2 million tons": the second has no currency of its own
        if not (m.group("sc2") or shared or sym2):
            continue
        if sym1 and (shared or sym2) and sym1[0] != (shared or sym2)[0]:
            continue  # two currencies: no sharing, the single readings apply
        iso, factor = second_cur
        second = to_amount(m.group("num2"), m.group("sc2"), m.group("sc2b"), factor=factor)
        if second is None:
            continue
        add(m.start("sym2") if m.group("sym2") else m.start("num2"), m.end("second"), second, iso)
        if not sym1 and not m.group("sc1") and _YEAR.fullmatch(m.group("num1")):
            continue  # "from 2019 to 640 trillion rials": a year, not an amount
        first_cur = sym1 or shared
        if first_cur is None:
            ambiguous(m.start("num1"), m.end("num1"), "a range's first number borrows no sign")
            continue  # "5 to $7 billion"
        iso1, factor1 = first_cur
        first_start = before.start("sym") if sym1 else m.start("num1")
        if m.group("sc1"):
            add(first_start, m.end("sc1"), to_amount(m.group("num1"), m.group("sc1"), factor=factor1), iso1)
            continue
        borrowed = to_amount(m.group("num1"), m.group("sc2"), m.group("sc2b"), factor=factor1)
        if borrowed is not None and iso1 == iso and borrowed <= second:
            add(first_start, m.end("num1"), borrowed, iso1)
        elif sym1:
            add(first_start, m.end("num1"), to_amount(m.group("num1"), factor=factor1), iso1)
        else:
            ambiguous(m.start("num1"), m.end("num1"), "a range's first number would exceed the second with its scale")

    for m in sign_first.finditer(text):
        resolved = from_sign(m.group("sym"))
        if resolved is None:
            continue
        if m.group("gap") and _bare_number_before(text, m.start()):
            ambiguous(m.start(), m.end("num"), "a sign between two numbers")
            continue  # "10 $ 30": which number is the sign's?
        if m.group("sym") == "$" and _lone_letter_before(text, m.start()):
            ambiguous(m.start(), m.end("num"), "a letter before the sign may name another dollar")
            continue
        iso, factor = resolved
        end = _last_end(m, "num", "sc", "sc2")
        if m.group("code2") and iso == "USD" and m.group("sym") == "$":
            by_code = from_code(m.group("code2"))
            if by_code and by_code[0] in tables().dollar_currencies:  # "$1,190.00 AUD"
                iso, factor = by_code
                end = m.end("code2")
        add(m.start(), end, to_amount(m.group("num"), m.group("sc"), m.group("sc2"), factor=factor), iso,
            unscaled=not (m.group("sc") or m.group("minus")))

    for m in code_first.finditer(text):
        resolved = from_code(m.group("code"))
        if resolved is None:
            continue
        if _bare_number_before(text, m.start()):
            ambiguous(m.start(), m.end("num"), "a currency code between two numbers")
            continue
        if not m.group("sc") and _YEAR.fullmatch(m.group("num")):
            continue  # "Hong Kong SAR 2019": a code-like word before a year
        iso, factor = resolved
        amount = to_amount(m.group("num"), m.group("sc"), m.group("sc2"), factor=factor)
        add(m.start(), _last_end(m, "num", "sc", "sc2"), amount, iso, unscaled=not (m.group("sc") or m.group("minus")))

    for m in (m for pattern in currency_last for m in pattern.finditer(text)):
        if _bare_number_before(text, m.start()):
            ambiguous(m.start(), m.end(), "a number right before another")
            continue  # "245 23 yen": a broken digit group, not an amount
        scales_ = (m.group("sc"), m.group("sc2"))
        if m.group("cur"):
            if _is_weight(text, m):
                continue
            resolved = from_word(m.group("cur"))
        elif m.group("code"):
            if not m.group("sc3") and _number_after(text, m.end()) and not _subunit_after(text, m.end()):
                ambiguous(m.start(), m.end(), "a currency code between two numbers")
                continue  # "10 USD 20"
            resolved = from_code(m.group("code"))
            if m.group("sc3"):
                if m.group("sc"):
                    continue
                scales_ = (m.group("sc3"),)
        elif m.group("sub"):
            if compound_head.search(text, max(0, m.start() - 40), m.start()):
                ambiguous(m.start(), m.end(), "the cents of an amount whose whole units were not read")
                continue  # "a dollar and 42 cents": not 0.42 on its own
            resolved = from_subunit(m.group("sub"))
        else:
            if _number_after(text, m.end()) and not _subunit_after(text, m.end()):
                ambiguous(m.start(), m.end(), "a sign between two numbers")
                continue  # "10 $ 30": which number is the sign's?
            resolved = from_sign(m.group("sym"))
        if resolved is None:
            continue
        iso, factor = resolved
        add(m.start(), m.end(), to_amount(m.group("num"), *scales_, factor=factor), iso,
            unscaled=not any(scales_) and not m.group("sub"))

    # last, a currency word first: "worth dollar 3 million" (never where a reading above overlaps)
    word_first, word_before, not_before = _word_first_pattern()
    after = _elided_patterns()[2]
    for m in word_first.finditer(text):
        cur = word_before.search(text, max(0, m.start() - 60), m.start())
        if cur is None:
            continue
        end = _last_end(m, "num", "sc", "ab", "l", "sc2")
        if not_before.search(text, max(0, cur.start() - 12), cur.start()) or not after.match(text, end):
            continue
        resolved = from_word(cur.group("cur"))
        if resolved is None:
            continue
        iso, factor = resolved
        add(cur.start(), end, to_amount(m.group("num"), m.group("sc") or m.group("ab") or m.group("l"), m.group("sc2"),
                                        factor=factor), iso)

    # Earlier patterns win; later overlapping ones are dropped.
    taken = bytearray(len(text))  # characters already inside a kept mention
    results = []
    for start, end, amount, currency in found:
        if taken.find(1, start, end) != -1:
            continue
        taken[start:end] = b"\x01" * (end - start)
        results.append(Money(start=start, end=end, text=text[start:end], amount=amount,
                             currency=currency, qualifier=_qualifier(text, start)))
    results.sort(key=lambda m: m.start)
    merged: list[Money] = []
    for m in results:
        if merged and m.start < merged[-1].end:
            continue  # inside the compound amount just read
        compound = _compound(text, m) if (m.start, m.end) in plain else None
        merged.append(compound or m)
    elided = _elided(text, merged, ambiguous)
    if elided:
        merged = sorted(merged + elided, key=lambda m: m.start)
    # a warning only where nothing was read in the end ("10 $ 30 $" still reads "30 $")
    kept = bytearray(len(text))
    for m in merged:
        kept[m.start:m.end] = b"\x01" * (m.end - m.start)
    warnings = []
    for start, end, reason in sorted(set(notes)):
        if kept.find(1, start, end) == -1:
            warnings.append(f"money: nothing read at {start}-{end} {text[start:end]!r}: {reason}")
    return merged, warnings


@lru_cache(maxsize=None)
def _elided_patterns():
    data = load("currencies")["elided"]
    word, abbreviation, letter = scale_patterns()
    number = rf"(?<![\w.,±$€£¥-])(?:{NUMBER})(?![\d]|[.,]\d)"
    # "950 trillion", "341.4 trillion", "1.2bn": a number with a scale and no currency
    bare = re.compile(rf"(?P<num>{number})(?:(?:\s|-)(?P<w>{word})|\s?(?P<a>{abbreviation}))", re.IGNORECASE)
    # "42,000 to the dollar", "600,000 against the U.S. dollar": a rate of the sentence's currency
    unit = "|".join(re.escape(u) for u in sorted(data["rate_units"], key=len, reverse=True))
    # "1.3 million to the dollar": a rate may carry a scale word; read from the number (one scan), with the
    # rate's unit after it or, as the subject of a price verb, before it ("the dollar traded at 1.19 million",
    # "the greenback sold for 950,000")
    rate_number = re.compile(rf"(?P<num>{number})(?:(?:\s|-)(?P<w>{word})|\s?(?P<a>{abbreviation})|(?P<l>{letter}))?",
                             re.IGNORECASE)
    rate_after = re.compile(rf"\s+(?:to|per|against)\s+(?:the\s+|one\s+|each\s+|a\s+)?(?:{unit})(?![A-Za-z])", re.IGNORECASE)
    verbs = "|".join(re.escape(v) for v in sorted(data["rate_verbs"], key=len, reverse=True))
    quals = "|".join(r"\s+".join(map(re.escape, q.split())) for q in sorted(
        (w for key in ("more_than", "less_than", "about") for w in load("qualifiers")[key]), key=len, reverse=True))
    # the rate unit, or the local currency itself ("the rial fell to 1.3 million", "the toman weakened to
    # 130,000"; `local_rate_words`), as the subject of a price verb
    local = "|".join(re.escape(u) for u in sorted(data["local_rate_words"], key=len, reverse=True))
    rate_before = re.compile(rf"\b(?:(?:{unit})s?|(?P<local>{local}))\s+(?:(?:was|were|is|has|had|have|been)\s+){{0,2}}"
                             rf"(?:{verbs})\s+(?:(?:at|for|to|of|past|beyond|below|above|near)\s+)?(?:an?\s+(?:(?:new|fresh|record|all-time|historic)\s+)*"
                             rf"(?:record|high|low|peak)\s+(?:of\s+)?)?(?:(?:{quals})\s+)?$", re.IGNORECASE)
    after = re.compile(rf"\s*(?:$|[,.;:)\]–—-]|(?:{'|'.join(map(re.escape, data['words_after']))})\b)", re.IGNORECASE)
    bracket = re.compile(r"\s*[(\[]")
    sentence_end = re.compile(r"[.!?](?=\s+[A-Z\"“(])|\n")
    return bare, (rate_number, rate_after, rate_before), after, bracket, sentence_end, data["default"]


def _elided(text: str, found: list[Money], ambiguous=lambda start, end, reason: None) -> list[Money]:
    """Amounts whose currency word is elided (RECORDS.md, second round).

    - a restated amount: "341.4 trillion ($9.1 billion)" is in the sentence's
      other currency, or the genre's own (rials) when it names none;
    - a parallel amount: "1,200 trillion rials, up from 950 trillion last year":
      the same scale word as the sentence's one currency, and no noun after it
      ("2 million tons" is not money);
    - a rate: "42,000 to the dollar" is in the sentence's local currency (rials or tomans).
    Where the sentence gives two currencies, nothing.  Linear: each sentence's
    currencies and scale words are counted once.
    """
    if not found:
        lowered = text.lower()
        elided = load("currencies")["elided"]
        if not any(u.lower() in lowered for u in elided["rate_units"] + elided["local_rate_words"]):
            return []
    bare, rates, after, bracket, sentence_end, default = _elided_patterns()
    word, abbreviation, _ = scale_patterns()
    scale_in = re.compile(rf"\d(?:\s|-)?(?P<s>{word}|{abbreviation})", re.IGNORECASE)
    taken = bytearray(len(text))
    for m in found:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    ends = [e.end() for e in sentence_end.finditer(text)] + [len(text)]

    def sentence_of(pos) -> int:
        return min(bisect_right(ends, pos), len(ends) - 1)

    def kind(m: Money):
        return m.currency, Decimal(10) if _TOMAN.search(m.text) else Decimal(1)

    # per sentence: the currencies of its money (bracketed restatements aside) and their scale words
    currencies: dict[int, Counter] = {}
    scales_used: dict[int, set] = {}
    for m in found:
        if _BRACKET_BEFORE.search(text[max(0, m.start - 27):m.start]):
            continue  # a bracketed restatement, "(about $24 million)"
        i = sentence_of(m.start)
        currencies.setdefault(i, Counter())[kind(m)] += 1
        scales_used.setdefault(i, set()).update(x.group("s").lower() for x in scale_in.finditer(m.text))

    def local_currency(i, exclude: Optional[Money] = None):
        """The one currency of sentence ``i`` (without ``exclude``); None when none or several."""
        counts = Counter(currencies.get(i, ()))
        if exclude is not None and counts.get(kind(exclude)):
            counts[kind(exclude)] -= 1
        present = [k for k, n in counts.items() if n > 0]
        return (present[0] if len(present) == 1 else None), len(present)

    out: list[Money] = []

    def emit(start, end, number, scale, currency):
        iso, factor = currency
        amount = to_amount(number, scale, factor=factor)
        if amount is None or amount <= 0 or taken.find(1, start, end) != -1:
            return
        taken[start:end] = b"\x01" * (end - start)
        out.append(Money(start=start, end=end, text=text[start:end], amount=amount, currency=iso,
                         qualifier=_qualifier(text, start)))

    def kind_of_word(word: str):
        return from_word(word + "s") or from_word(word)  # (IRR, 1) for rials, (IRR, 10) for tomans

    # rates first: a rate gives its sentence the local currency, so that a parallel amount takes it
    # ("crossed 1 million to the dollar in March, and stood at 1.19 million on December 1")
    rate_number, rate_after, rate_before = rates
    for m in rate_number.finditer(text):
        unit_after = rate_after.match(text, m.end())
        unit_before = None if unit_after else rate_before.search(text, max(0, m.start() - 90), m.start())
        if unit_after is None and unit_before is None:
            continue
        if taken.find(1, m.start("num"), m.end()) != -1:
            continue
        value = parse_number(m.group("num"))
        scale = m.group("w") or m.group("a") or m.group("l")
        amount = to_amount(m.group("num"), scale) if scale else value
        if value is None or amount is None or amount < 1000:
            continue  # a rial or toman rate is in thousands
        i = sentence_of(unit_before.start() if unit_before else m.start())
        # the rate's own unit read as money ("One US dollar was selling for 1.3 million") is not the sentence's
        unit_at = unit_before.start() if unit_before else unit_after.end() - 1
        own = next((f for f in found if f.start <= unit_at < f.end), None)
        if unit_before and unit_before.group("local"):  # the subject names the currency
            currency = kind_of_word(unit_before.group("local"))
        else:
            currency, n = local_currency(i, own)
            if currency is None:
                if n:
                    continue
                currency = (default, Decimal(1))
        if currency is None or currency[0] != default:
            continue
        end = m.end()
        if unit_before and not after.match(text, end):
            continue  # "the dollar fetched 30,000 won": a currency or noun follows
        before = len(out)
        emit(m.start("num"), end, m.group("num"), scale, currency)
        if len(out) > before:
            currencies.setdefault(i, Counter())[currency] += 1
            if scale:
                scales_used.setdefault(i, set()).add(scale.lower())

    starts = [f.start for f in found]
    for m in bare.finditer(text):
        if taken.find(1, m.start(), m.end()) != -1:
            continue
        scale = m.group("w") or m.group("a")
        i = sentence_of(m.start())
        restated = bracket.match(text, m.end())
        if restated:
            # "(about $24 million)": the bracket holds a qualifier at most and the amount
            j = bisect_left(starts, restated.end())
            inside = found[j] if j < len(found) else None
            if (inside is None or inside.start > restated.end() + 30
                    or not re.fullmatch(r"[A-Za-z. ]*", text[restated.end():inside.start])
                    or not re.match(r"\s*[)\]]", text[inside.end:inside.end + 3])):
                continue
            currency, n = local_currency(i)  # the restatement is bracketed: not counted
            if currency is None:
                if n:
                    ambiguous(m.start(), m.end(), "an elided currency in a sentence of two currencies")
                    continue
                currency = (default, Decimal(1))
            if currency[0] == inside.currency:
                continue
            emit(m.start(), m.end(), m.group("num"), scale, currency)
            continue
        if not after.match(text, m.end()):
            continue  # "2 million tons": a noun follows, not money
        currency, n = local_currency(i)
        if scale.lower() in scales_used.get(i, ()):
            if currency is not None:
                emit(m.start(), m.end(), m.group("num"), scale, currency)
            elif n > 1:
                ambiguous(m.start(), m.end(), "an elided currency in a sentence of two currencies")

    return out


class MoneyComponent:
    """Sets ``doc._.money`` (list of :class:`Money`) and the span group."""

    def __init__(self, nlp: Language, name: str, span_group: str):
        self.name = name
        self.span_group = span_group

    def __call__(self, doc: Doc) -> Doc:
        money, warnings = find_money_with_warnings(doc_text(doc))
        set_results(doc, "money", self.span_group, money, label="MONEY")
        if warnings:  # carried by the record as its extra "warnings" key, with the reader's
            doc.user_data.setdefault(("extractor", "warnings"), []).extend(warnings)
        return doc


@Language.factory("extractor_money", default_config={"span_group": "money"},
                  assigns=["doc._.money", "doc.spans"])
def make_money_component(nlp: Language, name: str, span_group: str) -> MoneyComponent:
    return MoneyComponent(nlp, name, span_group)
