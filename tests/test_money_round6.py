"""Money: the rial's redenomination forms ("new rials", "old rials") of the round-6 development articles,
in phrases of our own.  Same row format as ``tests/test_money.py``; an amount in new or old rials is IRR
as written (no factor), like the gold of the genre.  Rows with an empty list must not match."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractor.components.money import find_money


def row(text, *mentions, id=None):
    return pytest.param(text, list(mentions), id=id)


ROUND6 = [
    row("The draft totals 9.2 trillion new rials, the ministry said.",
        ("9.2 trillion new rials", "9200000000000", "IRR", None), id="new-rials-scale"),
    row("A loaf now costs 12 new rials in Tehran.",
        ("12 new rials", "12", "IRR", None), id="new-rials-bare"),
    row("Tax income was put at about 3.5 quadrillion old rials last year.",
        ("3.5 quadrillion old rials", "3500000000000000", "IRR", "about"), id="old-rials-qualifier"),
    row("It equals 1 new rial, or 10,000 old rials.",
        ("1 new rial", "1", "IRR", None), ("10,000 old rials", "10000", "IRR", None), id="new-and-old-rial"),
    row("The new rials will circulate next year beside the old rials.", id="not-without-amount"),
    row("Some 40 new plants and 12 old plants were closed.", id="not-new-other-noun"),
]


@pytest.mark.parametrize("text, expected", ROUND6)
def test_round6_money(text, expected):
    got = [(m.text, m.amount, m.currency, m.qualifier) for m in find_money(text)]
    want = [(t, Decimal(a), c, q) for t, a, c, q in expected]
    assert got == want
