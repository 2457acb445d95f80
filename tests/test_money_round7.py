"""Money: a rial rate whose currency word is elided, a currency word before the number, and a country name
before a currency word (round 7), in phrases of our own.

RECORDS.md, second round: "42,000 to the dollar" is a rial rate; an amount whose currency word is elided takes
the currency its sentence gives it.  So is a rate with a scale word ("1.3 million to the dollar"), a rate
given with the dollar as the subject of a price verb ("the dollar traded at 1.19 million"), and an amount
parallel to a rate in the same sentence ("crossed 1 million to the dollar, and stood at 1.19 million").
Same row format as ``tests/test_money.py``; rows with an empty list must not match.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractor.components.money import find_money


def row(text, *mentions, id=None, xfail=None):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, list(mentions), id=id, marks=marks)


RATE_WITH_SCALE = [
    row("Rial slides to record 1.3 million to the dollar",
        ("1.3 million", "1300000", "IRR", None), id="headline-scale-to-the-dollar"),
    row("The currency weakened past 1.05 million per U.S. dollar on Sunday.",
        ("1.05 million", "1050000", "IRR", None), id="scale-per-us-dollar"),
    row("Exchange shops quoted about 1.1m against the greenback.",
        ("1.1m", "1100000", "IRR", "about"), id="abbreviated-scale-against"),
    row("A rate of 600,000 to the euro was set for importers.",
        ("600,000", "600000", "IRR", None), id="plain-rate-to-the-euro"),
    row("Tomans sold at 95,000 each, or 950,000 rials to the dollar.",
        ("950,000 rials", "950000", "IRR", None), id="rate-with-its-currency-stays-one-mention"),
    row("The euro traded at 1.08 dollars in Frankfurt.",
        ("1.08 dollars", "1.08", "USD", None), id="not-a-rial-rate-below-a-thousand"),
    row("Some 2 million people live 30 km to the east.", id="not-scale-without-rate-unit"),
]

UNIT_AS_SUBJECT = [
    row("On Tuesday the dollar traded at 1.19 million in the exchange shops of Tehran.",
        ("1.19 million", "1190000", "IRR", None), id="dollar-traded-at-scale"),
    row("The greenback sold for around 950,000 on the open market.",
        ("950,000", "950000", "IRR", "about"), id="greenback-sold-for-qualifier"),
    row("The euro has reached 1.4 million in unofficial trading.",
        ("1.4 million", "1400000", "IRR", None), id="euro-has-reached-scale"),
    row("The euro hit a record 1.4 million on Saturday, up from 1.2 million a week earlier.",
        ("1.4 million", "1400000", "IRR", None), ("1.2 million", "1200000", "IRR", None),
        id="euro-hit-a-record-then-parallel"),
    row("One US dollar was selling for 1.3 million on the streets of Tehran.",
        ("One US dollar", "1", "USD", None), ("1.3 million", "1300000", "IRR", None),
        id="the-rate-unit-read-as-money-is-not-the-sentence-currency"),
    row("The dollar fetched 30,000 won in Seoul.",
        ("30,000 won", "30000", "KRW", None), id="not-rial-when-currency-follows"),
    row("The dollar rose 2 percent against the euro.", id="not-a-percentage"),
    row("The dollar traded at 1,300 points on the index.", id="not-when-a-noun-follows"),
]

LOCAL_CURRENCY_AS_SUBJECT = [
    row("The rial fell to 1.3 million on Monday.",
        ("1.3 million", "1300000", "IRR", None), id="rial-fell-to-scale"),
    row("The toman weakened to 130,000 on the open market.",
        ("130,000", "1300000", "IRR", None), id="toman-weakened-to-times-ten"),
    row("The rial slid past 1 million in March, and stood at 1.19 million on December 1.",
        ("1 million", "1000000", "IRR", None), ("1.19 million", "1190000", "IRR", None),
        id="rial-slid-past-then-parallel"),
    row("The rial fell 3 percent on Monday.", id="not-rial-percentage"),
    row("Bank Rial crossed 2 million customers.", id="not-rial-when-a-noun-follows"),
    row("The rial's value fell to 500 on Monday.", id="not-below-a-thousand"),
]

PARALLEL_TO_RATE = [
    row("The rial had crossed 1 million to the dollar in spring, and stood at 1.19 million on Monday.",
        ("1 million", "1000000", "IRR", None), ("1.19 million", "1190000", "IRR", None),
        id="parallel-amount-after-rate"),
    row("The rial fell to 1.2 million to the dollar, from 900,000 a year earlier.",
        ("1.2 million", "1200000", "IRR", None), ("900,000", "900000", "IRR", None),
        id="parallel-without-scale-not-read",
        xfail="a bare number with no scale word parallel to a rate is not read (it could be a count)"),
    row("The rial fell to 1.2 million to the dollar, and 3 million people lost savings.",
        ("1.2 million", "1200000", "IRR", None), id="not-parallel-count-with-noun"),
]

# the two strict-xfail families of tests/test_money_forms.py, now composed
WORD_FIRST = [
    row("Exports earned euros 20 billion last year.",
        ("euros 20 billion", "20000000000", "EUR", None), id="plural-word-before-number"),
    row("He paid dollars 5 million, officials said.",
        ("dollars 5 million", "5000000", "USD", None), id="word-before-number-comma"),
    row("The fund raised about yuan 3bn in 2019.",
        ("yuan 3bn", "3000000000", "CNY", "about"), id="word-before-abbreviated-scale"),
    row("The rial fell against the dollar 2 million times in a decade.", id="not-the-word-after-against-the"),
    row("Iran sold 2 million dollars 3 million tons.",
        ("2 million dollars", "2000000", "USD", None), id="not-word-after-an-amount"),
    row("Banks sold rials 500 billion worth of bonds.", id="not-when-a-noun-follows-the-scale"),
    row("Savers hold dollars 300 at home.", id="not-without-scale"),
]

COUNTRY_NAME_CURRENCY = [
    row("Some 3 billion Iraq dinars changed hands.",
        ("3 billion Iraq dinars", "3000000000", "IQD", "about"), id="country-name-dinars"),
    row("The bank held 40 million Malaysia ringgit in deposits.",
        ("40 million Malaysia ringgit", "40000000", "MYR", None), id="country-name-ringgit"),
    row("A loan of 900 million Turkey lira was signed.",
        ("900 million Turkey lira", "900000000", "TRY", None), id="country-name-lira"),
    row("Exports to Iraq reached 2 million tons.", id="not-country-without-currency-word"),
]

ROUND7 = RATE_WITH_SCALE + UNIT_AS_SUBJECT + LOCAL_CURRENCY_AS_SUBJECT + PARALLEL_TO_RATE + WORD_FIRST + COUNTRY_NAME_CURRENCY


@pytest.mark.parametrize("text, expected", ROUND7)
def test_round7_money(text, expected):
    got = [(m.text, m.amount, m.currency, m.qualifier) for m in find_money(text)]
    want = [(t, Decimal(a), c, q) for t, a, c, q in expected]
    assert got == want
