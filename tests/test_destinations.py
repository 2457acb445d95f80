"""Destinations: a table of phrases of the genre, expected values from RECORDS.md.

Destinations need the money and organizations of the document, so the rows
go through ``extract()``.  Each row is ``(text, [(country, iso2, amount,
currency, [mention texts in order]), ...])``: every export destination of
the text, sorted by first mention.  Rows with an empty list are phrases
that must not match.  Rows marked xfail are known failures (strict).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractor import extract


def row(text, *dests, id=None, xfail=None):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, list(dests), id=id, marks=marks)


def usd(amount):
    return Decimal(amount), "USD"


DESTINATIONS = [
    # --- "respectively" lists ------------------------------------------------------------
    row("Iraq, Afghanistan and Pakistan were the top three export destinations in the period with $320 million, "
        "$216 million, and $51 million worth of imports respectively.",
        ("Iraq", "IQ", *usd("320000000"), ["Iraq"]),
        ("Afghanistan", "AF", *usd("216000000"), ["Afghanistan"]),
        ("Pakistan", "PK", *usd("51000000"), ["Pakistan"]), id="respectively-list"),
    row("Oman, Qatar and Kuwait imported $100 million, $80 million and $60 million worth of Iranian food respectively.",
        ("Oman", "OM", *usd("100000000"), ["Oman"]),
        ("Qatar", "QA", *usd("80000000"), ["Qatar"]),
        ("Kuwait", "KW", *usd("60000000"), ["Kuwait"]), id="respectively-buyers"),
    row("Iraq and Syria were the destinations of $200 million and $100 million of exports respectively.",
        ("Iraq", "IQ", *usd("200000000"), ["Iraq"]),
        ("Syria", "SY", *usd("100000000"), ["Syria"]), id="respectively-destinations-of"),
    row("Exports to Azerbaijan Republic and Armenia grew to $300 million and $100 million, respectively.",
        ("Azerbaijan", "AZ", *usd("300000000"), ["Azerbaijan Republic"]),
        ("Armenia", "AM", *usd("100000000"), ["Armenia"]), id="respectively-genre-country-name"),
    # --- "X at $N" and "X ($N)" lists, "each" ------------------------------------------------
    row("The main destinations of Iranian exports were Pakistan at $1 billion, Iraq at $364 million and "
        "Turkey at $120 million.",
        ("Pakistan", "PK", *usd("1000000000"), ["Pakistan"]),
        ("Iraq", "IQ", *usd("364000000"), ["Iraq"]),
        ("Turkey", "TR", *usd("120000000"), ["Turkey"]), id="at-list"),
    row("Iran exported goods to Pakistan at $1 billion, Iraq at $364 million and Turkey at $120 million.",
        ("Pakistan", "PK", *usd("1000000000"), ["Pakistan"]),
        ("Iraq", "IQ", *usd("364000000"), ["Iraq"]),
        ("Turkey", "TR", *usd("120000000"), ["Turkey"]), id="exported-to-at-list"),
    row("Iraq was the top buyer at $1 billion, followed by Afghanistan at $364 million.",
        ("Iraq", "IQ", *usd("1000000000"), ["Iraq"]),
        ("Afghanistan", "AF", *usd("364000000"), ["Afghanistan"]), id="followed-by"),
    row("The main buyers of Iranian steel were Pakistan ($1b), Iraq ($364m) and Oman ($80m).",
        ("Pakistan", "PK", *usd("1000000000"), ["Pakistan"]),
        ("Iraq", "IQ", *usd("364000000"), ["Iraq"]),
        ("Oman", "OM", *usd("80000000"), ["Oman"]), id="bracketed-amounts"),
    row("Exports to Turkey and the UAE stood at $164 million each.",
        ("Turkey", "TR", *usd("164000000"), ["Turkey"]),
        ("United Arab Emirates", "AE", *usd("164000000"), ["UAE"]), id="each"),
    row("Iran exported cement to Iraq and Afghanistan worth $164 million each.",
        ("Iraq", "IQ", *usd("164000000"), ["Iraq"]),
        ("Afghanistan", "AF", *usd("164000000"), ["Afghanistan"]), id="worth-each"),
    # --- single destinations, mentions in every role ------------------------------------------
    row("Turkey imported $2 billion worth of Iranian gas.",
        ("Turkey", "TR", *usd("2000000000"), ["Turkey"]), id="buyer-imported"),
    row("China was the main buyer of Iranian products, purchasing $9 billion.",
        ("China", "CN", *usd("9000000000"), ["China"]), id="main-buyer"),
    row("Exports to Russia rose 20 percent to $500 million.",
        ("Russia", "RU", *usd("500000000"), ["Russia"]), id="exports-to-rose-to"),
    row("Iran exported $1 billion to Iraq. Iraq also sells electricity to Iran.",
        ("Iraq", "IQ", *usd("1000000000"), ["Iraq", "Iraq"]), id="mentions-in-other-roles"),
    row("Iran exported $2 billion worth of goods to the United Arab Emirates (UAE); the UAE is a major hub.",
        ("United Arab Emirates", "AE", *usd("2000000000"), ["United Arab Emirates", "UAE", "UAE"]),
        id="alias-mentions"),
    row("Iran exported $300 million worth of cement to Iraq, as Iraqi demand rose.",
        ("Iraq", "IQ", *usd("300000000"), ["Iraq"]), id="adjective-not-a-mention"),
    row("Iran exported $50 million of goods to Afghanistan, the Iran-Afghanistan Joint Chamber of Commerce said.",
        ("Afghanistan", "AF", *usd("50000000"), ["Afghanistan"]), id="not-inside-organization-name"),
    row("The main export destinations were China, Iraq, the UAE, Afghanistan and Turkey.",
        ("China", "CN", None, None, ["China"]), ("Iraq", "IQ", None, None, ["Iraq"]),
        ("United Arab Emirates", "AE", None, None, ["UAE"]), ("Afghanistan", "AF", None, None, ["Afghanistan"]),
        ("Turkey", "TR", None, None, ["Turkey"]), id="list-without-amounts"),
    row("Iran imports from China and the UAE while exporting to Iraq and Afghanistan.",
        ("Iraq", "IQ", None, None, ["Iraq"]), ("Afghanistan", "AF", None, None, ["Afghanistan"]),
        id="exports-not-import-sources"),
    row("Iran exported 2 million tons of cement to Iraq.",
        ("Iraq", "IQ", None, None, ["Iraq"]), id="tonnage-is-not-an-amount"),
    row("Iran exported goods worth $400 million to South Korea, the Netherlands and Syria.",
        ("South Korea", "KR", None, None, ["South Korea"]), ("Netherlands", "NL", None, None, ["Netherlands"]),
        ("Syria", "SY", None, None, ["Syria"]), id="total-is-not-per-country"),
    row("Iran sold $3 billion worth of oil to China last year, while imports from China were $5 billion.",
        ("China", "CN", *usd("3000000000"), ["China", "China"]), id="export-amount-before-import-amount"),
    row("Kazakhstan, Uzbekistan and Turkmenistan bought Iranian goods.",
        ("Kazakhstan", "KZ", None, None, ["Kazakhstan"]), ("Uzbekistan", "UZ", None, None, ["Uzbekistan"]),
        ("Turkmenistan", "TM", None, None, ["Turkmenistan"]), id="bought"),
    # --- amounts in other orders and shapes -------------------------------------------------------
    row("Of the total, $410 million went to Iraq, $220 million to Afghanistan and $95 million to Armenia.",
        ("Iraq", "IQ", *usd("410000000"), ["Iraq"]),
        ("Afghanistan", "AF", *usd("220000000"), ["Afghanistan"]),
        ("Armenia", "AM", *usd("95000000"), ["Armenia"]), id="amount-first-list"),
    row("Some $410 million worth of goods were shipped to Iraq, while $220 million went to Afghanistan.",
        ("Iraq", "IQ", *usd("410000000"), ["Iraq"]),
        ("Afghanistan", "AF", *usd("220000000"), ["Afghanistan"]), id="amount-first-clauses"),
    row("Iraq, Afghanistan and Turkey were the main buyers at $1.2 billion, $640 million and $310 million.",
        ("Iraq", "IQ", *usd("1200000000"), ["Iraq"]),
        ("Afghanistan", "AF", *usd("640000000"), ["Afghanistan"]),
        ("Turkey", "TR", *usd("310000000"), ["Turkey"]), id="parallel-list-without-respectively"),
    row("China, Iraq and the UAE were the top export destinations, each buying more than $1 billion of goods.",
        ("China", "CN", *usd("1000000000"), ["China"]),
        ("Iraq", "IQ", *usd("1000000000"), ["Iraq"]),
        ("United Arab Emirates", "AE", *usd("1000000000"), ["UAE"]), id="each-before-amount"),
    row("Iraq imported $1.1 billion of Iranian goods, Afghanistan $540 million and Pakistan $320 million.",
        ("Iraq", "IQ", *usd("1100000000"), ["Iraq"]),
        ("Afghanistan", "AF", *usd("540000000"), ["Afghanistan"]),
        ("Pakistan", "PK", *usd("320000000"), ["Pakistan"]), id="elided-verb-list"),
    row("Exports to Iraq stood at $2.1 billion, while those to Afghanistan were $760 million.",
        ("Iraq", "IQ", *usd("2100000000"), ["Iraq"]),
        ("Afghanistan", "AF", *usd("760000000"), ["Afghanistan"]), id="those-to"),
    row("Iraq accounted for $2 billion of the exports, Afghanistan for $700 million and Pakistan for $300 million.",
        ("Iraq", "IQ", *usd("2000000000"), ["Iraq"]),
        ("Afghanistan", "AF", *usd("700000000"), ["Afghanistan"]),
        ("Pakistan", "PK", *usd("300000000"), ["Pakistan"]), id="accounted-for-list"),
    row("Total exports reached $5 billion, of which Iraq took $1.5 billion.",
        ("Iraq", "IQ", *usd("1500000000"), ["Iraq"]), id="of-which-took"),
    row("The country exported $5 billion of goods to 90 countries, with Iraq accounting for $2 billion.",
        ("Iraq", "IQ", *usd("2000000000"), ["Iraq"]), id="accounting-for"),
    row("Exports to Iraq hit $1.2 billion in the period, compared with $1 billion a year earlier.",
        ("Iraq", "IQ", *usd("1200000000"), ["Iraq"]), id="first-amount-not-comparison"),
    row("Iran's exports to Armenia were worth $120 million; exports to Georgia totaled $90 million.",
        ("Armenia", "AM", *usd("120000000"), ["Armenia"]),
        ("Georgia", "GE", *usd("90000000"), ["Georgia"]), id="semicolon-clauses"),
    row("Kermanshah province exported $300 million worth of goods to Iraq, while Iran's total exports to Iraq "
        "reached $9 billion.",
        ("Iraq", "IQ", *usd("300000000"), ["Iraq", "Iraq"]), id="first-attributed-amount-wins"),
    row("China, which bought nearly all of the ore, remained the main customer for concentrate at $386 million.",
        ("China", "CN", *usd("386000000"), ["China"]), id="relative-clause-before-amount"),
    row("Iraq bought 12 trillion rials worth of Iranian dairy products.",
        ("Iraq", "IQ", Decimal("12000000000000"), "IRR", ["Iraq"]), id="rial-amount"),
    row("Iraq was the top buyer of Iranian cement. Shipments there reached $1.2 billion, up 12 percent.",
        ("Iraq", "IQ", *usd("1200000000"), ["Iraq"]), id="anaphora-there"),
    row("Iraq remained the largest market. Exports to the neighbouring country stood at $9 billion.",
        ("Iraq", "IQ", *usd("9000000000"), ["Iraq"]), id="anaphora-the-country"),
    row("Iraq was the top buyer. Imports from the country stood at $1 billion.",
        ("Iraq", "IQ", None, None, ["Iraq"]), id="anaphora-not-imports"),
    row("Exports of cement to Iraq were priced at $45 per ton.",
        ("Iraq", "IQ", None, None, ["Iraq"]), id="unit-price-is-not-an-amount"),
    row("Iraq, Afghanistan and Pakistan received 2.1 million tons, 900,000 tons and 400,000 tons respectively.",
        ("Iraq", "IQ", None, None, ["Iraq"]), ("Afghanistan", "AF", None, None, ["Afghanistan"]),
        ("Pakistan", "PK", None, None, ["Pakistan"]), id="respectively-tonnages"),
    row("Exports to Iraq hit $1.2 billion, while China sold $5 billion of goods to Iran.",
        ("Iraq", "IQ", *usd("1200000000"), ["Iraq"]), id="seller-is-not-a-destination"),
    row("Iran's exports to Iraq stood at $2 billion, while imports from the UAE were $1.5 billion.",
        ("Iraq", "IQ", *usd("2000000000"), ["Iraq"]), id="import-clause-amount"),
    row("Iraq remained the biggest buyer with purchases of $3.1 billion, while Turkey ranked second. "
        "The northern neighbor imported $2.2 billion of Iranian goods.",
        ("Iraq", "IQ", *usd("3100000000"), ["Iraq"]),
        ("Turkey", "TR", *usd("2200000000"), ["Turkey"]), id="subject-anaphora-last-named"),
    row("Iranian exports grew. Iraq was again at the top of the list. Purchases by the Arab country came to $1.1 billion.",
        ("Iraq", "IQ", *usd("1100000000"), ["Iraq"]), id="top-of-the-list-and-anaphora-by"),
    row("Exports to Iraq reached $2 billion. The figure was up 10 percent, officials said. "
        "Oman followed with $300 million, ahead of Qatar ($120m) and Kuwait ($40m).",
        ("Iraq", "IQ", *usd("2000000000"), ["Iraq"]), ("Oman", "OM", *usd("300000000"), ["Oman"]),
        ("Qatar", "QA", *usd("120000000"), ["Qatar"]), ("Kuwait", "KW", *usd("40000000"), ["Kuwait"]),
        id="list-goes-on-after-an-aside"),
    row("Exports to China reached $9 billion. The UAE, Turkey and Oman came next with $5 billion, $4 billion and "
        "$1 billion, and together the four took $19 billion.",
        ("China", "CN", *usd("9000000000"), ["China"]), ("United Arab Emirates", "AE", *usd("5000000000"), ["UAE"]), ("Turkey", "TR", *usd("4000000000"), ["Turkey"]),
        ("Oman", "OM", *usd("1000000000"), ["Oman"]), id="parallel-list-then-a-total"),
    row("Exports of tiles rose. Oman, Armenia and Georgia made up the rest, with Oman alone taking five percent "
        "of Iran’s tile exports.",
        ("Oman", "OM", None, None, ["Oman", "Oman"]), ("Armenia", "AM", None, None, ["Armenia"]),
        ("Georgia", "GE", None, None, ["Georgia"]), id="list-mates-share-a-role"),
    row("Customs said $15 million of goods went to Syria and about $6 million to Lebanon, Heidari said.",
        ("Syria", "SY", *usd("15000000"), ["Syria"]), ("Lebanon", "LB", *usd("6000000"), ["Lebanon"]),
        id="amount-first-before-a-name"),
    row("Much of the freight bound for Uzbekistan and Kazakhstan goes by rail.",
        ("Uzbekistan", "UZ", None, None, ["Uzbekistan"]), ("Kazakhstan", "KZ", None, None, ["Kazakhstan"]),
        id="bound-for"),
    # --- must not match -----------------------------------------------------------------------------
    row("Iran imported $2 billion worth of goods from China.", id="not-import-source"),
    row("The United States imposed sanctions on Iranian steel exports.", id="not-sanctioning-state"),
    row("Iran's trade with Turkey reached $5 billion.", id="not-partner-without-direction"),
    row("Iraqi and Afghan traders visited the Tehran fair.", id="not-adjectives"),
    row("Exports to neighboring countries and to the Eurasian Economic Union rose.", id="not-groups"),
    row("Iran's non-oil exports rose to $41 billion.", id="not-the-exporter"),
    row("Iran imported $2 billion of goods from China, $1 billion from the UAE and $500 million from Turkey.",
        id="not-import-list"),
    row("Turkey's exports to Iran were $3 billion.", id="not-exporter-to-iran"),
    row("Bahrain was the only neighbor that bought no Iranian goods.", id="not-a-negated-buyer"),
    row("Exports to Iraq rose. China was the main source of imports, followed by India and Germany.",
        ("Iraq", "IQ", None, None, ["Iraq"]), id="not-continuing-an-import-list"),
    row("Iran imports from China, India and Iraq, and exports to Iraq rose.",
        ("Iraq", "IQ", None, None, ["Iraq", "Iraq"]), id="not-list-mates-of-an-import-source-list"),
    row("Exports rose to $5 billion, while imports from Turkey, which is a major partner, reached $2 billion.",
        id="not-import-source-with-relative-clause"),
    row("Iraq bought $1.5 billion, and China exported $2 billion worth of goods to Iran.",
        ("Iraq", "IQ", *usd("1500000000"), ["Iraq"]), id="not-a-seller-in-a-list"),
]


@pytest.mark.parametrize("text, expected", DESTINATIONS)
def test_destinations_table(text, expected):
    record = extract(text, published="2020-01-05")
    assert record.check_offsets(text) == []
    got = [(d.country, d.iso2, d.amount, d.currency, [m.text for m in d.mentions]) for d in record.destinations]
    want = [(c, iso, Decimal(a) if a is not None else None, cur, mentions) for c, iso, a, cur, mentions in expected]
    assert got == want


def test_a_destination_points_at_the_money_mention_of_its_amount():
    from extractor.api import extract

    text = "Iraq bought $1.2 billion of Iranian goods, while exports to Oman reached $300 million."
    record = extract(text, doc_id="link")
    by_start = {m.start: m for m in record.money}
    for destination in record.destinations:
        money = by_start[destination.money_start]
        assert (money.amount, money.currency) == (destination.amount, destination.currency)
    assert {d.country: by_start[d.money_start].text for d in record.destinations} == {
        "Iraq": "$1.2 billion", "Oman": "$300 million"}
