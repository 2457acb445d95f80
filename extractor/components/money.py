"""The money component: every monetary amount, normalised.

``find_money(text)`` is a plain function (tested on its own); the spaCy
component only calls it and puts the result on the Doc.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..numbers import NUMBER, _alternation, number_words, scales, to_amount
from ..records import AMOUNT_LIMIT, Money
from ..resources import load
from .base import doc_text, set_results


@lru_cache(maxsize=None)
def _tables():
    cur = load("currencies")
    words = {k.lower(): v for k, v in cur["words"].items()}
    symbols = dict(cur["symbols"])
    codes = list(cur["codes"])
    factors = {k: (v[0], Decimal(v[1])) for k, v in cur["factors"].items()}
    quals = load("qualifiers")
    qualifiers = {}
    for kind in ("more_than", "less_than", "about"):
        for word in quals[kind]:
            qualifiers[word.lower()] = kind
    return words, symbols, codes, factors, qualifiers


@lru_cache(maxsize=None)
def _patterns():
    words, symbols, codes, _, qualifiers = _tables()
    all_scales = list(scales())
    long_scales = [s for s in all_scales if len(s) > 2]
    short_scales = [s for s in all_scales if len(s) <= 2]
    scale_word = rf"(?:{_alternation(long_scales)})(?![A-Za-z])"
    scale_attached = rf"(?:{_alternation(short_scales)})(?![A-Za-z])"
    num_words = _alternation(w for w in number_words() if w not in ("a",))
    sym = _alternation(symbols)
    code = _alternation(codes)
    # "12 million euro-denominated bonds": a currency word inside a compound is not a currency
    cur_word = rf"(?:{_alternation(words)})(?![A-Za-z]|-[A-Za-z])"
    num = rf"(?<![\w.,])(?:{NUMBER})(?![\d])"
    # "a billion dollars": the article "a" is a number only before a scale word
    article = rf"(?<![A-Za-z])a(?=\s(?:{scale_word}))"
    # "$1.49 billion", "$364m", "$1.5bn", "€55 million", "US$ 2 bn"
    symbol_first = re.compile(
        rf"(?<![A-Za-z])(?P<sym>{sym})\s?(?P<num>{NUMBER})(?!\d)"
        rf"(?:(?:\s|-)?(?P<scale>{scale_word})(?:\s(?P<scale2>{scale_word}))?|(?P<short>{scale_attached})|\s(?P<short2>bn|mn|tn|mln|bln)(?![A-Za-z]))?",
        re.IGNORECASE)
    # "USD 5 million", "IRR 10 trillion"
    code_first = re.compile(
        rf"(?<![A-Za-z])(?P<code>{code})\s?(?P<num>{NUMBER})(?!\d)(?:\s?(?P<scale>{scale_word}|{scale_attached}))?")
    # "1.5 trillion rials", "200 trillion tomans", "10,000 billion rials", "5 million USD",
    # "two billion dollars", "a billion dollars", "a 5-billion-dollar contract"
    currency_last = re.compile(
        rf"(?P<num>{num}|(?<![A-Za-z])(?:{num_words})(?![A-Za-z])|{article})"
        rf"(?:(?:\s?|-)(?P<scale>{scale_word}|{scale_attached}))?(?:\s(?P<scale2>{scale_word}))?"
        rf"(?:\s+|-)(?:(?P<cur>{cur_word})|(?P<code>{code})(?![A-Za-z]))",
        re.IGNORECASE)
    # "between 40 and 50 trillion rials", "$40-64 billion": two mentions, the first
    # number borrows the scale and currency of the second
    range_first = re.compile(
        rf"(?<![A-Za-z])(?P<sym>{sym})?(?P<num>{num})\s*(?:-|–|to|and)\s*(?P<second>(?P=sym)?(?:{NUMBER})(?!\d)\s?"
        rf"(?P<scale>{scale_word}|{scale_attached})(?:\s(?P<scale2>{scale_word}))?"
        rf"(?:\s+(?:(?P<cur>{cur_word})|(?P<code>{code})(?![A-Za-z])))?)",
        re.IGNORECASE)
    qualifier = re.compile(rf"(?<![A-Za-z])(?P<q>{_alternation(qualifiers)})\s+(?:of\s+)?$", re.IGNORECASE)
    return symbol_first, code_first, currency_last, range_first, qualifier


def _currency(symbol=None, code=None, word=None) -> tuple[str, Decimal]:
    words, symbols, _, factors, _ = _tables()
    if symbol:
        iso = symbols.get(symbol) or {k.lower(): v for k, v in symbols.items()}.get(symbol.lower())
    elif code:
        iso = code.upper()
    else:
        iso = words[re.sub(r"\s+", " ", word.lower())]
    if iso in factors:
        return factors[iso]
    return iso, Decimal(1)


def _qualifier(text: str, start: int) -> Optional[str]:
    qualifiers = _tables()[4]
    window = text[max(0, start - 25):start]
    match = _patterns()[4].search(window)
    if not match:
        return None
    return qualifiers[match.group("q").lower()]


def find_money(text: str) -> list[Money]:
    """Every money mention of ``text``, sorted by offset, without overlaps."""
    symbol_first, code_first, currency_last, range_first, _ = _patterns()
    found: list[tuple[int, int, Decimal, str]] = []

    def add(start, end, amount, currency):
        if amount is None or amount <= 0:
            return
        found.append((start, end, amount, currency))

    for m in range_first.finditer(text):
        if not (m.group("sym") or m.group("cur") or m.group("code")):
            continue
        if m.group("cur"):
            iso, factor = _currency(word=m.group("cur"))
        elif m.group("code"):
            iso, factor = _currency(code=m.group("code"))
        else:
            iso, factor = _currency(symbol=m.group("sym"))
        for group in ("num", "second"):
            number = re.match(NUMBER, m.group(group).lstrip(m.group("sym") or ""))
            amount = to_amount(number.group(), m.group("scale"), m.group("scale2")) if number else None
            add(m.start(group) if group == "second" else m.start(), m.end(group),
                amount * factor if amount is not None else None, iso)
    for m in symbol_first.finditer(text):
        scale = m.group("scale") or m.group("short") or m.group("short2")
        iso, factor = _currency(symbol=m.group("sym"))
        amount = to_amount(m.group("num"), scale, m.group("scale2"))
        add(m.start(), m.end(), amount * factor if amount is not None else None, iso)
    for m in code_first.finditer(text):
        iso, factor = _currency(code=m.group("code"))
        amount = to_amount(m.group("num"), m.group("scale"))
        add(m.start(), m.end(), amount * factor if amount is not None else None, iso)
    for m in currency_last.finditer(text):
        if m.group("cur"):
            iso, factor = _currency(word=m.group("cur"))
        else:
            iso, factor = _currency(code=m.group("code"))
        amount = to_amount(m.group("num"), m.group("scale"), m.group("scale2"))
        add(m.start(), m.end(), amount * factor if amount is not None else None, iso)

    # Earlier patterns win; later overlapping ones are dropped.
    taken = bytearray(len(text))  # characters already inside a kept mention
    results = []
    for start, end, amount, currency in found:
        if taken.find(1, start, end) != -1:
            continue
        if amount is not None and abs(amount) >= AMOUNT_LIMIT:
            continue  # RECORDS: an amount is below 10^21 base units; a longer run of digits is not money
        taken[start:end] = b"\x01" * (end - start)
        results.append(Money(start=start, end=end, text=text[start:end], amount=amount,
                             currency=currency, qualifier=_qualifier(text, start)))
    results.sort(key=lambda m: m.start)
    return results


class MoneyComponent:
    """Sets ``doc._.money`` (list of :class:`Money`) and the span group."""

    def __init__(self, nlp: Language, name: str, span_group: str):
        self.name = name
        self.span_group = span_group

    def __call__(self, doc: Doc) -> Doc:
        set_results(doc, "money", self.span_group, find_money(doc_text(doc)), label="MONEY")
        return doc


@Language.factory("extractor_money", default_config={"span_group": "money"},
                  assigns=["doc._.money", "doc.spans"])
def make_money_component(nlp: Language, name: str, span_group: str) -> MoneyComponent:
    return MoneyComponent(nlp, name, span_group)
