"""Amounts as economic news writes them: digits, separators, scale words.

Pure functions, no spaCy.  Amounts are :class:`~decimal.Decimal`, never float,
computed in a local decimal context wide enough to stay exact.

The forms read (``NUMBER``):

- "1,100", "13,000", "1,234.5": comma thousands, point decimals;
- "1.030", "1.49": one point is always a decimal point (the genre's
  "$1.030 billion" is 1,030,000,000);
- "1.450.000": two or more point groups of three digits are thousands;
- "25 000", "1 250 000": space thousands (also no-break spaces), groups of three;
- "12,50,000": Indian lakh grouping;
- "364", "2.5": plain digits, at most ``MAX_INTEGER_DIGITS`` before the point.

A longer run of digits is no number (an amount is below ``MAX_AMOUNT`` base
units, RECORDS.md).  Scale words and abbreviations come from
``data/numbers.json``: words ("million", "crore") may stand after a space or
hyphen; abbreviations of two letters or more ("bn", "mln", "trn", "mil") after
an optional space; single letters ("k", "m", "b", and "T" in capitals only,
since "t" is a tonne) only attached to the digits.
"""

from __future__ import annotations

import re
from decimal import Decimal, localcontext
from functools import lru_cache
from typing import Optional

from price_parser import Price

from .resources import load

#: an amount is below 10**21 base units (RECORDS.md, second round)
MAX_AMOUNT = Decimal(10) ** 21
MAX_INTEGER_DIGITS = 21
MAX_DECIMALS = 20
#: decimal precision of the arithmetic: integer digits + decimals + the largest scale, with room
_PRECISION = 80

_SPACE = "[ \u00a0\u202f]"
_FRACTION = rf"(?:\.\d{{1,{MAX_DECIMALS}}})?"
# Alternatives are tried in order; each is anchored by the caller's lookarounds.
NUMBER = (
    r"\d{1,2}(?:,\d\d)+,\d{3}" + _FRACTION                      # 12,50,000 (lakh grouping)
    + r"|\d{1,3}(?:,\d{3})+" + _FRACTION                        # 1,234.5
    + r"|\d{1,3}(?:\.\d{3}){2,}(?!\d|\.\d)"                     # 1.450.000
    + rf"|\d{{1,3}}(?:{_SPACE}\d{{3}})+(?![\d,.])"               # 1 250 000
    + rf"|\d{{1,{MAX_INTEGER_DIGITS}}}" + _FRACTION              # 364, 1.49
)


_NUMBER = re.compile(NUMBER)
_SEPARATORS = re.compile(rf",|{_SPACE}")
_TENS_UNITS = re.compile(r"([a-z]+)-([a-z]+)")


def _alternation(words) -> str:
    """A regex alternation of words, longest first, dots escaped."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def trie_pattern(words) -> str:
    """A regex matching any of ``words`` (longest first), built as a trie.

    Equivalent to ``_alternation`` but tried in time proportional to the
    length of the match, not to the number of words: the currency names are
    hundreds.
    """
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?"
        return body

    return build(trie) or "(?!)"


@lru_cache(maxsize=None)
def scales() -> dict[str, int]:
    """Scale words and abbreviations, lower case ("billion", "bn", "m")."""
    return {k.lower(): int(v) for k, v in load("numbers")["scales"].items()}


@lru_cache(maxsize=None)
def exact_case_scales() -> dict[str, int]:
    """Scale letters read only as written ("T": trillion; "t" is a tonne)."""
    return {k: int(v) for k, v in load("numbers").get("exact_case_scales", {}).items()}


@lru_cache(maxsize=None)
def scale_patterns() -> tuple[str, str, str]:
    """(words, abbreviations, letters): regexes of the three kinds of scale."""
    all_scales = list(scales())
    words = [s for s in all_scales if len(s) > 3]
    abbreviations = [s for s in all_scales if 1 < len(s) <= 3 and s not in words]
    letters = [s for s in all_scales if len(s) == 1]
    exact = _alternation(exact_case_scales())
    word = rf"(?:{_alternation(words)})(?![A-Za-z])"
    abbreviation = rf"(?:{_alternation(abbreviations)})(?![A-Za-z])"
    letter = rf"(?:{_alternation(letters)}{'|(?-i:' + exact + ')' if exact else ''})(?![A-Za-z])"
    return word, abbreviation, letter


@lru_cache(maxsize=None)
def number_words() -> dict[str, Decimal]:
    return {k.lower(): Decimal(str(v)) for k, v in load("numbers")["number_words"].items()}


@lru_cache(maxsize=None)
def fraction_words() -> dict[str, Decimal]:
    """"half", "a quarter", "three quarters": numbers only right before a scale word."""
    return {k.lower(): Decimal(str(v)) for k, v in load("numbers").get("fraction_words", {}).items()}


def scale_value(word: Optional[str]) -> Decimal:
    """The multiplier of a scale word ("billion", "bn", "m", "T"); 1 for none."""
    if not word:
        return Decimal(1)
    if word in exact_case_scales():
        return Decimal(exact_case_scales()[word])
    return Decimal(scales()[word.lower()])


def parse_number(text: str) -> Optional[Decimal]:
    """A number of ``NUMBER`` or a number word, exactly; None when it is not one."""
    text = text.strip()
    word = number_words().get(text.lower())
    if word is None:
        word = fraction_words().get(re.sub(r"\s+", " ", text.lower()))
    if word is not None:
        return word
    tens_units = _TENS_UNITS.fullmatch(text.lower())
    if tens_units:  # "forty-two"
        tens, units = (number_words().get(w) for w in tens_units.groups())
        if tens is not None and units is not None and tens % 10 == 0 and 20 <= tens <= 90 and 1 <= units <= 9:
            return tens + units
        return None
    if not _NUMBER.fullmatch(text):
        return None
    if text.count(".") >= 2:  # 1.450.000: point groups of thousands
        text = text.replace(".", "")
    # The grouping is read by price-parser, told that the point is the decimal separator
    # (so the genre's "1.030" stays 1.030); NUMBER has already decided which groupings are numbers.
    amount = Price.fromstring(text, decimal_separator=".").amount
    if amount is None or amount != Decimal(_SEPARATORS.sub("", text)):
        return None  # a reading price-parser and the grouping rules disagree on is no number
    return amount


def to_amount(number: str, *scale_words: Optional[str], factor: Decimal = Decimal(1)) -> Optional[Decimal]:
    """``number`` times every scale word and ``factor``: ("1.49", "billion") -> 1490000000.

    None when ``number`` is no number or the amount is not below ``MAX_AMOUNT``.
    """
    value = parse_number(number)
    if value is None:
        return None
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        for word in scale_words:
            value *= scale_value(word)
        value *= factor
        if value >= MAX_AMOUNT:
            return None
        return Decimal(int(value)) if value == value.to_integral_value() else value
