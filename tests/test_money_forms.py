"""Money in every form economic news writes it (issue 13).

A table of phrases of our own, grouped by the failure families of issue 13;
expected values follow RECORDS.md (money, and both "Hard cases" sections).
Each row is ``(text, [(span text, amount, currency, qualifier), ...])``: the
complete list of money mentions of the text, in order.  Rows with an empty
list must not match.  Known failures are ``xfail(strict=True)`` rows with a
reason.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractor.components.money import find_money, find_money_with_warnings


KNOWN_FAILURES = {
}


def row(text, *mentions, id=None, xfail=None):
    xfail = xfail or KNOWN_FAILURES.get(id)
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, list(mentions), id=id, marks=marks)


SILENT_WRONG_VALUES = [
    # a range's first amount borrows no scale that would make it larger than the second
    row("Grants for start-ups ranged from $450,000 to $1.8 million in the first round.",
        ("$450,000", "450000", "USD", None),
        ("$1.8 million", "1800000", "USD", None), id="range-first-has-own-digits"),
    row("Workshops were offered loans of $200 to $3 million each.",
        ("$200", "200", "USD", None),
        ("$3 million", "3000000", "USD", None), id="range-first-small"),
    row("Iranian exporters earned between $30 and $45 million from the fair.",
        ("$30", "30000000", "USD", None),
        ("$45 million", "45000000", "USD", None), id="range-first-borrows-when-smaller"),
    # scale abbreviations
    row("Trade across the corridor could reach $1.3 trn by the end of the decade.",
        ("$1.3 trn", "1300000000000", "USD", None), id="trn-with-space"),
    row("The bloc's combined output is put at $4.2T.",
        ("$4.2T", "4200000000000", "USD", None), id="capital-T"),
    row("A Singapore trader paid S$7mil for the cargo of dates.",
        ("S$7mil", "7000000", "SGD", None), id="sgd-mil"),
    row("The Dubai lender raised USD2.6B in sukuk last year.",
        ("USD2.6B", "2600000000", "USD", None), id="code-attached-capital-B"),
    row("Chinese buyers owe the refinery 45 USD million.",
        ("45 USD million", "45000000", "USD", None), id="code-before-scale"),
    # a year is not the first amount of a range
    row("Bank deposits grew from 2019 to 640 trillion rials, the central bank said.",
        ("640 trillion rials", "640000000000000", "IRR", None), id="year-not-range-first"),
    row("Liquidity rose in 1401 to 7,000 trillion tomans.",
        ("7,000 trillion tomans", "70000000000000000", "IRR", None), id="iranian-year-not-range-first"),
]

COUNTRY_CURRENCIES = [
    row("Iraqi traders paid 350 million UAE dirhams for Iranian cement.",
        ("350 million UAE dirhams", "350000000", "AED", None), id="uae-dirhams"),
    row("Pilgrims spent about 900 million Saudi riyals in Mecca.",
        ("900 million Saudi riyals", "900000000", "SAR", "about"), id="saudi-riyals"),
    row("Doha set aside 2 billion Qatari riyals for the port.",
        ("2 billion Qatari riyals", "2000000000", "QAR", None), id="qatari-riyals"),
    row("Muscat approved 40 million Omani rials for the free zone.",
        ("40 million Omani rials", "40000000", "OMR", None), id="omani-rials-not-iranian"),
    row("The Emirati firm invested 120 million Emirati dirhams.",
        ("120 million Emirati dirhams", "120000000", "AED", None), id="emirati-dirhams"),
    row("Kuwait lent 75 million Kuwaiti dinars to the project.",
        ("75 million Kuwaiti dinars", "75000000", "KWD", None), id="kuwaiti-dinars"),
    row("A Toronto fund holds 300 million Canadian dollars of Gulf bonds.",
        ("300 million Canadian dollars", "300000000", "CAD", None), id="canadian-dollars"),
    row("Canberra raised wheat sales to 1.2 billion Australian dollars.",
        ("1.2 billion Australian dollars", "1200000000", "AUD", None), id="australian-dollars"),
    row("Geneva banks froze 850 million Swiss francs of Iranian assets.",
        ("850 million Swiss francs", "850000000", "CHF", None), id="swiss-francs"),
    row("Beijing offered a credit line of 30 billion Chinese yuan.",
        ("30 billion Chinese yuan", "30000000000", "CNY", None), id="chinese-yuan"),
    row("The Danish shipping group lost 600 million Danish kroner.",
        ("600 million Danish kroner", "600000000", "DKK", None), id="danish-kroner"),
    row("Ankara's exports to Iran fell to 9 billion Turkish lira.",
        ("9 billion Turkish lira", "9000000000", "TRY", None), id="turkish-lira"),
    row("Ashgabat sold gas worth 200 million Turkmen manats.",
        ("200 million Turkmen manats", "200000000", "TMT", None), id="turkmen-manats"),
    row("Yerevan collected 15 billion Armenian drams in transit fees.",
        ("15 billion Armenian drams", "15000000000", "AMD", None), id="armenian-drams"),
    row("The Saudi side offered 5 billion riyals.",
        ("5 billion riyals", "5000000000", "SAR", None), id="bare-riyals"),
    row("Tel Aviv's budget gap hit 20 billion shekels.",
        ("20 billion shekels", "20000000000", "ILS", None), id="bare-shekels"),
    row("The Indian refiner booked Rs 450 crore in profit.",
        ("Rs 450 crore", "4500000000", "INR", None), id="rs-crore"),
    row("Each farmer received Rs. 15 lakh as compensation.",
        ("Rs. 15 lakh", "1500000", "INR", None), id="rs-dot-lakh"),
    row("Tehran's exports to Hong Kong reached HK$3bn.",
        ("HK$3bn", "3000000000", "HKD", None), id="hkd-sign"),
]

PREFIXED_SIGNS = [
    row("The Canadian miner wrote off C$250 million.",
        ("C$250 million", "250000000", "CAD", None), id="c-dollar"),
    row("Australian barley sales rose to A$1.1 billion.",
        ("A$1.1 billion", "1100000000", "AUD", None), id="a-dollar"),
    row("Temasek put S$400 million into the terminal.",
        ("S$400 million", "400000000", "SGD", None), id="s-dollar"),
    row("Dairy exports earned NZ$2 billion.",
        ("NZ$2 billion", "2000000000", "NZD", None), id="nz-dollar"),
    row("The Hong Kong unit's revenue fell to HK$ 800 million.",
        ("HK$ 800 million", "800000000", "HKD", None), id="hk-dollar-space"),
    row("Coal shipments were worth AU $ 900 million last year.",
        ("AU $ 900 million", "900000000", "AUD", None), id="au-space-dollar"),
    row("A $2 billion loan was signed on Monday.",
        ("$2 billion", "2000000000", "USD", None), id="article-a-before-dollar"),
    row("Iran's $4 billion in frozen assets was released.",
        ("$4 billion", "4000000000", "USD", None), id="possessive-s-is-no-prefix"),
    row("The U.S. $6 billion waiver was extended.",
        ("U.S. $6 billion", "6000000000", "USD", None), id="us-dotted-prefix"),
]

CODES_AND_ABBREVIATIONS = [
    row("The Canadian pension fund sold CAD 1.2 billion of bonds.",
        ("CAD 1.2 billion", "1200000000", "CAD", None), id="cad"),
    row("The miner's debt stands at AUD 800 million.",
        ("AUD 800 million", "800000000", "AUD", None), id="aud"),
    row("The port operator paid SGD 90 million for the berth.",
        ("SGD 90 million", "90000000", "SGD", None), id="sgd"),
    row("The Israeli firm reported ILS 3 billion in sales.",
        ("ILS 3 billion", "3000000000", "ILS", None), id="ils"),
    row("The Copenhagen shipper earned DKK 5.5 billion.",
        ("DKK 5.5 billion", "5500000000", "DKK", None), id="dkk"),
    row("Chinese lenders offered RMB 20 billion to the buyers.",
        ("RMB 20 billion", "20000000000", "CNY", None), id="rmb"),
    row("Kuwait's fund put KD 60 million into the venture.",
        ("KD 60 million", "60000000", "KWD", None), id="kd"),
    row("The Dubai developer sold villas worth Dh 2 billion.",
        ("Dh 2 billion", "2000000000", "AED", None), id="dh"),
    row("Petronas earned RM 12 billion in the quarter.",
        ("RM 12 billion", "12000000000", "MYR", None), id="rm"),
    row("The contract is worth SAR 4 billion.",
        ("SAR 4 billion", "4000000000", "SAR", None), id="sar"),
    row("The Gulf bank lent AED5bn to the refinery.",
        ("AED5bn", "5000000000", "AED", None), id="code-attached-bn"),
    row("The Nordic insurer booked losses of 45 MUSD.",
        ("45 MUSD", "45000000", "USD", None), id="million-prefixed-code"),
    row("The fund's assets are MEUR 310.",
        ("MEUR 310", "310000000", "EUR", None), id="million-prefixed-code-first"),
    row("The exporter's cash was cad$ 75 at the border.",
        ("cad$ 75", "75", "CAD", None), id="lowercase-code-dollar"),
    row("The project's IRR 18% beat the target.", id="code-before-percent"),
    row("Hong Kong SAR 2019 trade figures were published.", id="code-before-year"),
    row("Iranian dates sold for 38 MXN in Mexico City.",
        ("38 MXN", "38", "MXN", None), id="code-after"),
]

CRORE_LAKH = [
    row("The state invested 250 crore rupees in the port.",
        ("250 crore rupees", "2500000000", "INR", None), id="crore-rupees"),
    row("Traders paid 40 lakh rupees for the saffron.",
        ("40 lakh rupees", "4000000", "INR", None), id="lakh-rupees"),
    row("The deposit of 12,50,000 rupees was returned.",
        ("12,50,000 rupees", "1250000", "INR", None), id="indian-digit-grouping"),
]

SUB_UNITS = [
    row("Brent rose 45 cents to $82.10 a barrel.",
        ("45 cents", "0.45", "USD", None), ("$82.10", "82.10", "USD", None), id="cents"),
    row("The London-listed miner's shares fell 12 pence.",
        ("12 pence", "0.12", "GBP", None), id="pence"),
    row("Bread now costs 80 cents more per loaf.",
        ("80 cents", "0.80", "USD", None), id="cents-more"),
    row("A litre of petrol costs 1 dollar and 20 cents in Dubai.",
        ("1 dollar and 20 cents", "1.20", "USD", None), id="units-and-cents"),
    row("The fee rose to 10 CAD 45 cents.",
        ("10 CAD 45 cents", "10.45", "CAD", None), id="code-and-cents"),
    row("A pint cost 3 pounds 40 pence.",
        ("3 pounds 40 pence", "3.40", "GBP", None), id="pounds-and-pence"),
    row("Aid reached $2 billion and 5 cents was the unit price.",
        ("$2 billion", "2000000000", "USD", None), ("5 cents", "0.05", "USD", None),
        id="scaled-amount-takes-no-cents"),
]

SYMBOL_AFTER = [
    row("A kilo of pistachios sold for 1,300€ in Hamburg.",
        ("1,300€", "1300", "EUR", None), id="euro-after"),
    row("The ticket cost 45 € at the fair.",
        ("45 €", "45", "EUR", None), id="euro-after-space"),
    row("The carpet fetched 2,500$ at auction.",
        ("2,500$", "2500", "USD", None), id="dollar-after"),
]

NEGATIVE_SIGNS = [
    row("The fund's net flows were $-40.2bn in the year.",
        ("$-40.2bn", "40200000000", "USD", None), id="minus-after-sign"),
    row("The margin was -25€ a tonne.",
        ("25€", "25", "EUR", None), id="minus-before-number"),
    row("The balance stood at −$3.5 billion.",
        ("$3.5 billion", "3500000000", "USD", None), id="unicode-minus-before-sign"),
]

SPACE_SEPARATORS = [
    row("The fine was 25 000 dollars.",
        ("25 000 dollars", "25000", "USD", None), id="space-thousands"),
    row("The villa was listed at 1 250 000 euros.",
        ("1 250 000 euros", "1250000", "EUR", None), id="space-millions"),
    row("The shop priced the rug at $ 1.450.000.",
        ("$ 1.450.000", "1450000", "USD", None), id="dot-thousands"),
]

FRACTIONS_AND_WORDS = [
    row("The grant was a quarter million dollars.",
        ("a quarter million dollars", "250000", "USD", None), id="a-quarter-million"),
    row("Officials spoke of three quarters billion euros in arrears.",
        ("three quarters billion euros", "750000000", "EUR", None), id="three-quarters-billion"),
    row("The prize was half million dollars.",
        ("half million dollars", "500000", "USD", None), id="half-million"),
    row("The coins were half dollars.", id="fraction-needs-a-scale"),
    row("A ticket costs twenty-five dollars.",
        ("twenty-five dollars", "25", "USD", None), id="hyphenated-number-word"),
    row("The contract is worth dollar 3 million.",
        ("dollar 3 million", "3000000", "USD", None), id="currency-word-before-number"),
    row("The bank holds 50 million Malaysia ringgit.",
        ("50 million Malaysia ringgit", "50000000", "MYR", None), id="country-name-before-currency-word"),
]

RANGES_WITH_SIGNS_AFTER = [
    row("Rooms cost from 80 to 120 € a night.",
        ("80", "80", "EUR", None), ("120 €", "120", "EUR", None), id="range-trailing-sign"),
]

AMBIGUOUS_EMIT_NOTHING = [
    row("In March 2020, 500 million euros were released.",
        ("500 million euros", "500000000", "EUR", None), id="number-after-comma-is-not-a-broken-group"),
    row("Of the 1.2 million, 300 dollars went to fees.",
        ("300 dollars", "300", "USD", None), id="number-after-comma-and-scale"),
    row("The charge of c $ 12 million was booked.", id="lone-letter-before-spaced-sign"),
    row("Ledger: 10 $ 30 for the two items.", id="sign-between-two-numbers"),
    row("The bill was 1200€ 300 in total.", id="sign-after-then-number"),
    row("Traders quoted 35 50 dollars for the crate.", id="two-bare-numbers-before-currency"),
]

QUALIFIERS_SECOND_ROUND = [
    row("Iran's non-oil exports to Iraq were at least $9 billion.",
        ("$9 billion", "9000000000", "USD", "more_than"), id="at-least"),
    row("Petrochemical sales topped $14 billion last year.",
        ("$14 billion", "14000000000", "USD", "more_than"), id="topped"),
    row("The fund can lend up to 40 trillion rials to exporters.",
        ("40 trillion rials", "40000000000000", "IRR", "less_than"), id="up-to"),
    row("Imports came in just under €500 million.",
        ("€500 million", "500000000", "EUR", "less_than"), id="just-under"),
    row("Trade reached well over $30 billion.",
        ("$30 billion", "30000000000", "USD", "more_than"), id="well-over"),
]

ELIDED_CURRENCY = [
    row("The development budget is 512.6 trillion ($12.2 billion) this year.",
        ("512.6 trillion", "512600000000000", "IRR", None),
        ("$12.2 billion", "12200000000", "USD", None), id="restated-bare-amount-is-rials"),
    row("Exports hit 3 trillion rials (about $71 million), up from 2.4 trillion ($57 million).",
        ("3 trillion rials", "3000000000000", "IRR", None), ("$71 million", "71000000", "USD", "about"),
        ("2.4 trillion", "2400000000000", "IRR", None), ("$57 million", "57000000", "USD", None),
        id="restated-bare-amount-takes-sentence-currency"),
    row("Loans reached 830 trillion tomans, against 610 trillion a year earlier.",
        ("830 trillion tomans", "8300000000000000", "IRR", None),
        ("610 trillion", "6100000000000000", "IRR", None), id="parallel-bare-amount-tomans"),
    row("The euro sold for 51,000 tomans on Monday, up from 49,500 against the euro last week.",
        ("51,000 tomans", "510000", "IRR", None), ("49,500", "495000", "IRR", None), id="rate-takes-tomans"),
    row("On the open market the rial stood at 285,000 to the dollar.",
        ("285,000", "285000", "IRR", None), id="rate-to-the-dollar"),
    row("Iran shipped 3 million tonnes worth $900 million.",
        ("$900 million", "900000000", "USD", None), id="elided-not-before-a-noun"),
    row("The province has 4 million people (a $2 billion economy).",
        ("$2 billion", "2000000000", "USD", None), id="bracket-is-no-restatement"),
    row("Exports were $5 billion. Imports reached 4 billion.",
        ("$5 billion", "5000000000", "USD", None), id="elided-stays-in-its-sentence"),
    row("Iran sold 3 billion euros of oil and $2 billion of gas, against 1 billion in 2018.",
        ("3 billion euros", "3000000000", "EUR", None), ("$2 billion", "2000000000", "USD", None),
        id="elided-with-two-currencies-is-ambiguous"),
]

YEN = [
    row("Tokyo released ¥90 billion of frozen funds.",
        ("¥90 billion", "90000000000", "JPY", None), id="yen-sign-is-jpy"),
    row("Japanese buyers paid 4 billion yen for Iranian crude.",
        ("4 billion yen", "4000000000", "JPY", None), id="yen-word"),
]

NOT_MONEY = [
    row("The farmer shipped 300 pounds of pistachios to Dubai.", id="weight-pounds-of"),
    row("Each sack weighs 110 pounds.", id="weight-weighs-pounds"),
    row("The cargo weighed about 2,000 pounds, customs said.", id="weight-weighed"),
    row("The recipe uses 4 drams of saffron.", id="weight-drams"),
    row("Serial numbers such as " + "7" * 400 + " dollars are not amounts.", id="long-digit-run"),
    row("The code 1" + "0" * 30 + " rials is a test value.", id="over-bound-digits"),
    row("ALL 5 plants were closed.", id="code-like-word"),
    row("TOP 10 exporters were named.", id="code-like-top"),
    row("Iran's delegation went to COP 29 in Baku.", id="code-like-cop"),
    row("The report tracks SDG 8 on decent work.", id="code-like-sdg"),
    row("Some 280,000 t of steel were exported.", id="tonnes-t-not-trillion"),
    row("The 2019-20 budget was approved.", id="fiscal-year-not-range"),
    row("Misprints such as 450 30 dollars were corrected.", id="broken-digit-group"),
    row("The ticket was 10 USD 20 in the old tariff.", id="code-between-two-numbers"),
]

LIMITS = [
    row("The debt was 999,999,999 trillion rials.",
        ("999,999,999 trillion rials", "999999999000000000000", "IRR", None), id="just-below-bound"),
    row("The debt was 100,000 quadrillion tomans.", id="bound-after-toman-factor"),
]

TABLE = (SILENT_WRONG_VALUES + COUNTRY_CURRENCIES + PREFIXED_SIGNS + CODES_AND_ABBREVIATIONS
         + CRORE_LAKH + SUB_UNITS + SYMBOL_AFTER + NEGATIVE_SIGNS + SPACE_SEPARATORS + YEN
         + FRACTIONS_AND_WORDS + RANGES_WITH_SIGNS_AFTER + AMBIGUOUS_EMIT_NOTHING + QUALIFIERS_SECOND_ROUND
         + ELIDED_CURRENCY
         + NOT_MONEY + LIMITS)


@pytest.mark.parametrize("text, expected", TABLE)
def test_money_forms(text, expected):
    found = find_money(text)
    assert all(text[m.start:m.end] == m.text for m in found)
    got = [(m.text, m.amount, m.currency, m.qualifier) for m in found]
    assert got == [(t, Decimal(a), c, q) for t, a, c, q in expected]


def test_amounts_are_decimal_and_below_bound():
    text = " ".join(p.values[0] for p in TABLE)
    for m in find_money(text):
        assert isinstance(m.amount, Decimal)
        assert 0 < m.amount < Decimal(10) ** 21


@pytest.mark.parametrize("text", [p.values[0] for p in AMBIGUOUS_EMIT_NOTHING if not p.values[1]]
                         + ["Iran sold 3 billion euros of oil and $2 billion of gas, against 1 billion in 2018.",
                            "Exports went up by 12 to $4 billion."])
def test_ambiguous_readings_are_left_out_with_a_warning(text):
    money, warnings = find_money_with_warnings(text)
    assert warnings and all(w.startswith("money: nothing read at ") for w in warnings)
    for w in warnings:  # each names a span of the text where nothing was read
        start, end = map(int, w.split(" ")[4].split("-"))
        assert all(m.end <= start or m.start >= end for m in money)


@pytest.mark.parametrize("text", [p.values[0] for p in COUNTRY_CURRENCIES + ELIDED_CURRENCY[:5]])
def test_clear_readings_give_no_warning(text):
    assert find_money_with_warnings(text)[1] == []


def test_the_record_carries_the_warnings():
    from extractor.api import extract

    record = extract("The ticket was 10 USD 20 in the old tariff, and $5 billion was paid.")
    assert [m.text for m in record.money] == ["$5 billion"]
    assert any("a currency code between two numbers" in w for w in record.warnings)
