"""Amounts written in the genre: digits, thousands separators, scale words.

Pure functions, no spaCy.  Amounts are :class:`~decimal.Decimal`, never float.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Optional

from price_parser import Price

from .resources import load

# A number as the genre writes it: "1,100", "13,000", "1.49", "1.030", "364".
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _alternation(words) -> str:
    """A regex alternation of words, longest first, dots escaped."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=None)
def scales() -> dict[str, int]:
    return {k.lower(): int(v) for k, v in load("numbers")["scales"].items()}


@lru_cache(maxsize=None)
def number_words() -> dict[str, Decimal]:
    return {k.lower(): Decimal(str(v)) for k, v in load("numbers")["number_words"].items()}


def scale_value(word: Optional[str]) -> Decimal:
    """The multiplier of a scale word ("billion", "bn", "m"); 1 for none."""
    if not word:
        return Decimal(1)
    return Decimal(scales()[word.lower()])


def parse_number(text: str) -> Optional[Decimal]:
    """A number written with ',' thousands and '.' decimals; None when it is not one.

    price-parser is told the decimal separator, so "1.030" stays 1.030 and is
    not read as a thousand and thirty.
    """
    text = text.strip()
    word = number_words().get(text.lower())
    if word is not None:
        return word
    if not re.fullmatch(NUMBER, text):
        return None
    price = Price.fromstring(text, decimal_separator=".")
    if price.amount is None:
        return None
    try:
        return Decimal(price.amount)
    except InvalidOperation:
        return None


def to_amount(number: str, *scale_words: Optional[str]) -> Optional[Decimal]:
    """``number`` times every scale word: ("1.49", "billion") -> 1490000000."""
    value = parse_number(number)
    if value is None:
        return None
    for word in scale_words:
        value *= scale_value(word)
    return Decimal(int(value)) if value == value.to_integral_value() else value
