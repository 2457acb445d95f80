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
    # --- must not match -----------------------------------------------------------------------------
    row("Iran imported $2 billion worth of goods from China.", id="not-import-source"),
    row("The United States imposed sanctions on Iranian steel exports.", id="not-sanctioning-state"),
    row("Iran's trade with Turkey reached $5 billion.", id="not-partner-without-direction"),
    row("Iraqi and Afghan traders visited the Tehran fair.", id="not-adjectives"),
    row("Exports to neighboring countries and to the Eurasian Economic Union rose.", id="not-groups"),
    row("Iran's non-oil exports rose to $41 billion.", id="not-the-exporter"),
]


@pytest.mark.parametrize("text, expected", DESTINATIONS)
def test_destinations_table(text, expected):
    record = extract(text, published="2020-01-05")
    assert record.check_offsets(text) == []
    got = [(d.country, d.iso2, d.amount, d.currency, [m.text for m in d.mentions]) for d in record.destinations]
    want = [(c, iso, Decimal(a) if a is not None else None, cur, mentions) for c, iso, a, cur, mentions in expected]
    assert got == want
