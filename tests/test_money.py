"""Money: a table of phrases of the genre, expected values from RECORDS.md.

Each row is ``(text, [(span text, amount, currency, qualifier), ...])``:
the complete list of money mentions of the text, in order.  Rows with an
empty list are phrases that must not match.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.components.money import find_money
from extractor.numbers import parse_number, to_amount


def row(text, *mentions, id=None):
    return pytest.param(text, list(mentions), id=id)


MONEY = [
    # --- symbol first, scale words and abbreviations ---------------------------------
    row("Iranian SMEs exported $1.49 billion worth of commodities since March.",
        ("$1.49 billion", "1490000000", "USD", None), id="usd-billion"),
    row("Exports to Iraq stood at $364m in the period.",
        ("$364m", "364000000", "USD", None), id="usd-attached-m"),
    row("The two sides signed a $1.5bn deal on steel.",
        ("$1.5bn", "1500000000", "USD", None), id="usd-attached-bn"),
    row("The EU pledged a €55 million aid package to Iran.",
        ("€55 million", "55000000", "EUR", None), id="eur-million"),
    row("Iran's non-oil trade deficit reached $13,000 billion, the report said.",
        ("$13,000 billion", "13000000000000", "USD", None), id="thousands-separator-billion"),
    row("The value of the exports also reached $1.030 billion in H1.",
        ("$1.030 billion", "1030000000", "USD", None), id="exact-decimal-not-thousands"),
    row("SMEs exported $1.04 billion in the last year's 6.5-month period.",
        ("$1.04 billion", "1040000000", "USD", None), id="two-decimals"),
    row("A US$2 billion credit line was opened by the Chinese bank.",
        ("US$2 billion", "2000000000", "USD", None), id="us-dollar-symbol"),
    row("The country exported £300 million worth of saffron and pistachios.",
        ("£300 million", "300000000", "GBP", None), id="gbp"),
    row("The company has attracted €1.2bn in foreign investment.",
        ("€1.2bn", "1200000000", "EUR", None), id="eur-attached-bn"),
    row("The $2.5-billion petrochemical project will be completed next year.",
        ("$2.5-billion", "2500000000", "USD", None), id="hyphenated-scale"),
    row("Tehran expects $2.3 bln from the sales.",
        ("$2.3 bln", "2300000000", "USD", None), id="bln-with-space"),
    # --- currency word or code last -------------------------------------------------
    row("The government allocated 1.5 quadrillion rials to the development projects.",
        ("1.5 quadrillion rials", "1500000000000000", "IRR", None), id="quadrillion-rials"),
    row("The plan will cost 200 trillion tomans over five years.",
        ("200 trillion tomans", "2000000000000000", "IRR", None), id="tomans-to-rials"),
    row("Banks paid 10,000 billion rials in loans to the industrial units.",
        ("10,000 billion rials", "10000000000000", "IRR", None), id="rials-thousands-billion"),
    row("Iran and Turkey traded goods worth 3.4 billion U.S. dollars last year.",
        ("3.4 billion U.S. dollars", "3400000000", "USD", None), id="us-dollars-words"),
    row("China invested 2 billion yuan in the free zone.",
        ("2 billion yuan", "2000000000", "CNY", None), id="yuan"),
    row("The deal is worth 600 million euros.",
        ("600 million euros", "600000000", "EUR", None), id="euros-word"),
    row("Exports to the UAE earned 7 trillion Iranian rials.",
        ("7 trillion Iranian rials", "7000000000000", "IRR", None), id="iranian-rials"),
    row("Oil revenues were estimated at two billion dollars.",
        ("two billion dollars", "2000000000", "USD", None), id="number-word"),
    row("The fund received half a billion dollars from the budget.",
        ("half a billion dollars", "500000000", "USD", None), id="half-a-billion"),
    row("A 5-billion-dollar contract was signed with the Chinese firm.",
        ("5-billion-dollar", "5000000000", "USD", None), id="hyphenated-compound"),
    row("Iran lost a billion dollars in revenues.",
        ("a billion dollars", "1000000000", "USD", None), id="article-a-before-scale"),
    row("The budget bill is Rls 2,000 trillion ($47.6 billion).",
        ("Rls 2,000 trillion", "2000000000000000", "IRR", None),
        ("$47.6 billion", "47600000000", "USD", None), id="rls-abbreviation"),
    # --- ISO code first ---------------------------------------------------------------
    row("The bank lent USD 5 million to the exporters.",
        ("USD 5 million", "5000000", "USD", None), id="code-first-usd"),
    row("The budget set aside IRR 10 trillion for the plan.",
        ("IRR 10 trillion", "10000000000000", "IRR", None), id="code-first-irr"),
    row("Dubai traders paid AED 500 million for the cargo.",
        ("AED 500 million", "500000000", "AED", None), id="code-first-aed"),
    # --- qualifiers: outside the span, in `qualifier` -----------------------------------
    row("Iranian SMEs exported more than $1.6 billion worth of commodities.",
        ("$1.6 billion", "1600000000", "USD", "more_than"), id="more-than"),
    row("Imports exceeded $700 million in the first quarter.",
        ("$700 million", "700000000", "USD", "more_than"), id="exceeded"),
    row("The value of the deals was over $500 million.",
        ("$500 million", "500000000", "USD", "more_than"), id="over"),
    row("Non-oil exports stood at less than $100 million.",
        ("$100 million", "100000000", "USD", "less_than"), id="less-than"),
    row("The rest was sold for under 10 million euros.",
        ("10 million euros", "10000000", "EUR", "less_than"), id="under"),
    row("The country earned nearly $2 billion from the sales.",
        ("$2 billion", "2000000000", "USD", "about"), id="nearly"),
    row("Around 5 billion euros of Iranian assets remain frozen.",
        ("5 billion euros", "5000000000", "EUR", "about"), id="around-capitalised"),
    row("Farmers received some $1.2 billion in loans.",
        ("$1.2 billion", "1200000000", "USD", "about"), id="some"),
    row("The project will cost almost 40 trillion tomans.",
        ("40 trillion tomans", "400000000000000", "IRR", "about"), id="almost-tomans"),
    row("Foreign buyers paid an estimated $3 billion.",
        ("$3 billion", "3000000000", "USD", "about"), id="an-estimated"),
    row("The debts amount to in excess of 3 trillion rials.",
        ("3 trillion rials", "3000000000000", "IRR", "more_than"), id="in-excess-of"),
    # --- restatements and ranges: separate mentions -------------------------------------
    row("The fund paid 1 trillion rials (about $24 million) to exporters.",
        ("1 trillion rials", "1000000000000", "IRR", None),
        ("$24 million", "24000000", "USD", "about"), id="restatement-about"),
    row("Exports were worth 12 trillion rials (roughly $285 million) in the month.",
        ("12 trillion rials", "12000000000000", "IRR", None),
        ("$285 million", "285000000", "USD", "about"), id="restatement-roughly"),
    row("Banks lent 5,000 billion rials ($119 million) to the units.",
        ("5,000 billion rials", "5000000000000", "IRR", None),
        ("$119 million", "119000000", "USD", None), id="restatement-bare"),
    row("Over 2 trillion rials (nearly $48 million) was invested.",
        ("2 trillion rials", "2000000000000", "IRR", "more_than"),
        ("$48 million", "48000000", "USD", "about"), id="restatement-own-qualifier"),
    row("Trade could reach between $40 billion and $64 billion a year.",
        ("$40 billion", "40000000000", "USD", None),
        ("$64 billion", "64000000000", "USD", None), id="range-between-and"),
    row("Losses rose from $5 billion to $7 billion.",
        ("$5 billion", "5000000000", "USD", None),
        ("$7 billion", "7000000000", "USD", None), id="range-from-to"),
    row("The project needs between 40 and 50 trillion rials.",
        ("40", "40000000000000", "IRR", None),
        ("50 trillion rials", "50000000000000", "IRR", None), id="range-shared-scale"),
    row("Iraq imported goods worth $320 million, $216 million, and $51 million respectively.",
        ("$320 million", "320000000", "USD", None),
        ("$216 million", "216000000", "USD", None),
        ("$51 million", "51000000", "USD", None), id="list"),
    row("Imports from China are estimated at $40-64 billion a year.",
        ("$40", "40000000000", "USD", None),
        ("64 billion", "64000000000", "USD", None), id="range-hyphen-shared-scale"),
    row("The sales rose 3 to 4 billion dollars.",
        ("3", "3000000000", "USD", None),
        ("4 billion dollars", "4000000000", "USD", None), id="range-to-shared-currency"),
    row("Exports went to Pakistan ($1b), Iraq ($364m) and Turkey ($12.5m).",
        ("$1b", "1000000000", "USD", None),
        ("$364m", "364000000", "USD", None),
        ("$12.5m", "12500000", "USD", None), id="bracketed-list"),
    row("Iraq and Afghanistan bought $164 million each.",
        ("$164 million", "164000000", "USD", None), id="each"),
    # --- exchange rates, deficits and falls --------------------------------------------
    row("The rial traded at 28,500 tomans per U.S. dollar on the open market.",
        ("28,500 tomans", "285000", "IRR", None), id="exchange-rate-tomans"),
    row("The dollar was sold at 250,000 rials in Tehran's exchange shops.",
        ("250,000 rials", "250000", "IRR", None), id="exchange-rate-rials"),
    row("The trade deficit widened to $5 billion.",
        ("$5 billion", "5000000000", "USD", None), id="deficit-positive"),
    row("Oil revenues fell by $10 billion compared to the previous year.",
        ("$10 billion", "10000000000", "USD", None), id="fall-positive"),
    # --- must not match: percentages, counts, tonnages, years, dates -------------------
    row("Exports witnessed a 30 percent rise compared to last year's H1.", id="not-percent"),
    row("The share of SMEs rose to 12.5% of the total.", id="not-percent-sign"),
    row("Over 33,000 SMEs are currently active in Iran, of which 1,100 are exporting.", id="not-count"),
    row("Some 900 SMEs active in 800 industrial parks took part.", id="not-count-some"),
    row("Iran exported 2.5 million tons of steel and 7 million tonnes of cement.", id="not-tonnage"),
    row("The country produces 1.2 million barrels per day.", id="not-barrels"),
    row("The number of foreign tourists reached 9 million in 2019.", id="not-people"),
    row("The figures for 1398 were released on March 21, 2020.", id="not-years-dates"),
    row("The TEDPIX index gained 20,000 points to 1.5 million.", id="not-index-points"),
    row("The dollar and the euro gained against the rial.", id="not-currency-words-alone"),
    row("Some 12 million euro-denominated bonds were issued.", id="not-euro-adjective"),
    row("The sanctions cost Iran billions of dollars and tens of billions of euros.", id="not-vague-amounts"),
    row("The plan created 2 million jobs for some 40,000 girls.", id="not-bare-scale"),
    row("Girls 5 million, boys 4 million, the census said.", id="not-rls-inside-word"),
    row("The company was founded in 1998 and employs 2,000 people.", id="not-years-and-staff"),
    row("A dollar was traded in a few shops.", id="not-article-without-scale"),
]


def _offsets_agree(text, mentions):
    return all(text[m.start:m.end] == m.text for m in mentions)


@pytest.mark.parametrize("text, expected", MONEY)
def test_money_table(text, expected):
    found = find_money(text)
    assert _offsets_agree(text, found)
    got = [(m.text, m.amount, m.currency, m.qualifier) for m in found]
    assert got == [(t, Decimal(a), c, q) for t, a, c, q in expected]


def test_money_spans_are_offsets_in_the_text():
    text = "Tehran: $1 billion. Then $1 billion again, and 5 trillion rials."
    found = find_money(text)
    assert [(m.start, m.end) for m in found] == [(8, 18), (25, 35), (47, 63)]


@pytest.mark.parametrize("number, expected", [
    ("1.030", "1.030"), ("1,100", "1100"), ("13,000", "13000"), ("1.49", "1.49"),
    ("364", "364"), ("1,234.5", "1234.5"), ("two", "2"), ("12a", None), ("", None),
])
def test_parse_number(number, expected):
    value = parse_number(number)
    assert value == (Decimal(expected) if expected is not None else None)


@pytest.mark.parametrize("number, scales, expected", [
    ("1.49", ("billion",), "1490000000"), ("1.030", ("billion",), "1030000000"),
    ("364", ("m",), "364000000"), ("1.5", ("quadrillion",), "1500000000000000"),
    ("13,000", ("billion",), "13000000000000"), ("2.5", (None,), "2.5"),
])
def test_to_amount_is_exact(number, scales, expected):
    amount = to_amount(number, *scales)
    assert isinstance(amount, Decimal)
    assert amount == Decimal(expected)


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(list("0123456789.,$€ mbtrilonsa()-")), st.characters()), max_size=60))
def test_find_money_never_raises_and_offsets_hold(text):
    found = find_money(text)
    assert _offsets_agree(text, found)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert all(m.amount is not None and m.amount > 0 for m in found)
