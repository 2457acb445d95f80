"""Destinations: the failure families of the already-read held-out articles (round 8), in phrases of our own.

Same row format as ``tests/test_destinations_round7.py``: ``(text, [(country, iso2, amount, currency,
[mention texts]), ...])``, every export destination of the text sorted by first mention; expected values
from RECORDS.md (a destination needs an export to it; a share makes one with amount null; sellers, import
sources, rivals, routes and Iran are never destinations; the amount is the first export value the text ties
to the country, in the currency first given; a capital is never a mention of its country).  Rows with an
empty list, or with fewer destinations or amounts than the text names, are the must-not rows.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from phrase_tables import NONE, destinations_of, row, usd


# --- 1. a country as the subject of a verb of taking or accounting, with a share in words or in percent --------
SHARES = [
    row("Crude shipments rose last month. Japan took the bulk of the cargoes.",
        ("Japan", "JP", *NONE, ["Japan"]), id="took-the-bulk-after-shipments"),
    row("Iran sold more dates abroad, and Russia accounted for about a quarter of its date sales.",
        ("Russia", "RU", *NONE, ["Russia"]), id="accounted-for-a-quarter"),
    row("Iranian exports of tiles rose. Kuwait accounts for a third of the shipments.",
        ("Kuwait", "KW", *NONE, ["Kuwait"]), id="accounts-for-a-third-present"),
    row("Iran's gas exports grew, with Armenia taking two-thirds of the volumes.",
        ("Armenia", "AM", *NONE, ["Armenia"]), id="with-taking-two-thirds"),
    row("Iran's tea exports rose: Iraq accounted for 40 percent of the total and Oman and Qatar for most of the rest.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), ("Oman", "OM", *NONE, ["Oman"]), ("Qatar", "QA", *NONE, ["Qatar"]),
        id="gapped-accounted-for-the-rest"),
    row("Exports rose. Iraq accounted for half of the sales and Turkey for a third.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), ("Turkey", "TR", *NONE, ["Turkey"]), id="gapped-share-object-elided"),
    row("Iran's crude exports rose. China, which takes about 80% of Iran's crude, paid about 90 billion yuan.",
        ("China", "CN", Decimal("90000000000"), "CNY", ["China"]), id="which-takes-percent-then-paid-yuan"),
    row("Iranian cement exports rose in the spring, with Oman accounting for nearly all of the rest.",
        ("Oman", "OM", *NONE, ["Oman"]), id="accounting-for-nearly-all-of-the-rest"),
    row("Iran's fuel exports climbed; Afghanistan bought the majority of the cargoes.",
        ("Afghanistan", "AF", *NONE, ["Afghanistan"]), id="bought-the-majority"),
    row("Iranian firms sold gas to Armenia. Armenia accounted for the lion’s share of the gas.",
        ("Armenia", "AM", *NONE, ["Armenia", "Armenia"]), id="lions-share-curly-apostrophe"),
    row("Iran's exports rose. Qatar took the rest.", ("Qatar", "QA", *NONE, ["Qatar"]), id="took-the-rest"),
    # must not: a share of something that is no export, a share of imports
    row("Iran exported gas. Turkey took the rest of the day off.", id="not-the-rest-of-the-day"),
    row("Iran's imports rose. China took the rest.", id="not-the-rest-after-imports"),
    row("Iran exported steel. Turkey took the bulk of the credit for the deal.", id="not-share-of-credit"),
    row("Iran's steel exports grew. India accounted for half of its imports of coal.", id="not-share-of-imports"),
    row("Iran exported $5 billion of goods. Its imports rose too, and China accounted for a third of the total.",
        id="not-share-in-import-sentence"),
    row("Iran exported $5 billion of goods. Imports rose too, with China taking the bulk of the purchases.",
        id="not-taking-bulk-of-imports"),
    row("Exports rose. Iraq accounted for half of the sales and Turkey for its part stayed out.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), id="not-gapped-for-its-part"),
]

# --- 2. Iran (or "the Islamic Republic") sells the country goods worth an amount; swaps to a country ------------
SELLS_AND_SWAPS = [
    row("The Islamic Republic sold neighbouring Armenia electricity worth about $90 million last year.",
        ("Armenia", "AM", *usd("90000000"), ["Armenia"]), id="islamic-republic-sold-neighbouring"),
    row("Tehran also sells Pakistan power worth $120 million a year.",
        ("Pakistan", "PK", *usd("120000000"), ["Pakistan"]), id="tehran-sells-double-object-worth"),
    row("Iran began swapping Kazakh wheat to Iraq in May.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), id="swapping-to"),
    row("Iran swaps Turkmenistan's gas to Armenia under the deal.",
        ("Armenia", "AM", *NONE, ["Armenia"]), id="swaps-source-possessive-to"),
    # must not: the swap's source, a route, another country's sale
    row("Turkmenistan swaps gas to Azerbaijan through Iran.", id="not-foreign-swapper"),
    row("Saudi Arabia sold neighbouring Bahrain oil worth $2 billion.", id="not-foreign-double-object-sale"),
]

# --- 3. a known destination (or its capital) pays Iran an amount, also a sentence later ------------------------
PAYERS = [
    row("Iran's gas exports go to Turkey and Iraq. Ankara paid Tehran about $1.1 billion for gas last year.",
        ("Turkey", "TR", *usd("1100000000"), ["Turkey"]), ("Iraq", "IQ", *NONE, ["Iraq"]),
        id="capital-pays-tehran-not-a-mention"),
    row("Iran exported gas to Armenia. Armenia, which also buys gas from Russia, paid Iran some $200 million.",
        ("Armenia", "AM", *usd("200000000"), ["Armenia", "Armenia"]), id="which-aside-with-source-then-paid"),
    row("Iran exported apples. Uzbekistan took the lion's share of the sales, paying around $40 million.",
        ("Uzbekistan", "UZ", *usd("40000000"), ["Uzbekistan"]), id="took-share-paying-participle"),
    row("Iran exported gas to Iraq last year. Iraq has paid Iran about $3 billion so far.",
        ("Iraq", "IQ", *usd("3000000000"), ["Iraq", "Iraq"]), id="has-paid-iran"),
    row("Iran exported power to Afghanistan. Kabul also paid Tehran roughly $80 million for electricity.",
        ("Afghanistan", "AF", *usd("80000000"), ["Afghanistan"]), id="capital-also-paid"),
    row("Iran sells electricity to Iraq. Iraq pays about $1 billion a year.",
        ("Iraq", "IQ", *usd("1000000000"), ["Iraq", "Iraq"]), id="pays-without-payee"),
    # must not: payments by Iran, debts, joint payments, payers that are no destination
    row("Iran exported power to Afghanistan. Kabul paid Islamabad $80 million for electricity.",
        ("Afghanistan", "AF", *NONE, ["Afghanistan"]), id="not-payment-to-another-capital"),
    row("Iran exported gas to Iraq. Tehran paid Baghdad $1 billion for wheat.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), id="not-payment-by-iran"),
    row("Iran exported power to Iraq. Baghdad paid Tehran $500 million of its arrears.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), id="not-payment-of-arrears"),
    row("Iran exported gas to Iraq and Turkey. Iraq and Turkey paid $3 billion together.",
        ("Iraq", "IQ", *NONE, ["Iraq", "Iraq"]), ("Turkey", "TR", *NONE, ["Turkey", "Turkey"]),
        id="not-joint-payment"),
    row("Iran imported wheat from Russia. Moscow paid Tehran $1 billion.", id="not-import-source-capital"),
    row("Kazakhstan paid Iran $50 million for transit fees.", id="not-payer-without-export"),
    row("Iran's crude exports rose. India, which takes oil from Iraq, paid Baghdad $3 billion.",
        id="not-payment-to-another-country"),
]

# --- 4. both roles: an import source that has also become a market; adjective buyers with an aside -------------
BOTH_ROLES = [
    row("Exports from the free zones rose. China, the largest source of the zones' imports, has also become a "
        "growing market, buying goods worth $200 million.",
        ("China", "CN", *usd("200000000"), ["China"]), id="source-of-imports-also-a-market"),
    row("Iranian exports rose. Kenya emerged as a new buyer of Iranian tea.",
        ("Kenya", "KE", *NONE, ["Kenya"]), id="emerged-as-a-buyer"),
    row("Iran exported saffron to China. Chinese buyers, who now pay in yuan, bought saffron worth 50 million yuan "
        "in May.", ("China", "CN", Decimal("50000000"), "CNY", ["China"]), id="adjective-buyers-aside-worth"),
    row("Iran exported tea. Kenya, an importer of Indian tea, has become a major market as well.",
        ("Kenya", "KE", *NONE, ["Kenya"]), id="importer-of-others-also-a-market"),
    row("Iran exported cars. Venezuela, Iran's ally, turned into a key buyer.",
        ("Venezuela", "VE", *NONE, ["Venezuela"]), id="turned-into-a-buyer"),
    # must not: a market for another country's goods, a plain import source, goods bought elsewhere, a rival
    row("Iran exported tea. Turkey became a rival market for Iranian tea growers.", id="not-rival-market"),
    row("Iranian exports rose. Germany has become a big market for Chinese cars.", id="not-market-for-foreign-goods"),
    row("Iranian exports rose. Germany is not a market for Iranian cars.", id="not-negated-market"),
    row("Iran's imports grew. China remained the largest source of imports.", id="not-source-of-imports"),
    row("Iran exported crude to China. Chinese buyers, who also import Russian oil, bought cars worth $2 billion "
        "from Germany.", ("China", "CN", *NONE, ["China"]), id="not-adjective-buyers-from-elsewhere"),
]

# --- 5. the value given in the next clause of the sentence, by an anaphor of what the country bought ----------
LATER_VALUE = [
    row("Petrochemical exports rose. Most of the cargoes bought by traders in Oman are re-exported to third "
        "markets; the ministry put their value at $2.4 billion.",
        ("Oman", "OM", *usd("2400000000"), ["Oman"]), id="their-value-after-semicolon"),
    row("Iran sold tomatoes abroad. Iraq bought most of the tomatoes; they were worth $40 million, officials said.",
        ("Iraq", "IQ", *usd("40000000"), ["Iraq"]), id="they-were-worth-after-semicolon"),
    row("Iran sold dates abroad. Iraq bought fewer dates, but its customs figures put its purchases of Iranian "
        "dates at $90 million.", ("Iraq", "IQ", *usd("90000000"), ["Iraq"]), id="its-purchases-of-iranian-but-clause"),
    # must not: a total, a debt, another country's figure
    row("Iran sold tomatoes abroad. Iraq bought most of the tomatoes; the total value of exports reached $5 billion.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), id="not-total-value-after-semicolon"),
    row("Iran sold tomatoes abroad. Iraq bought most of the tomatoes; their value of debts stood at $5 billion.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), id="not-debt-after-semicolon"),
    row("Iran sold dates abroad. Iraq bought fewer dates, while Turkey put its imports of Iranian dates at $9 million.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), ("Turkey", "TR", *usd("9000000"), ["Turkey"]),
        id="not-another-countrys-value"),
]

ROUND8 = SHARES + SELLS_AND_SWAPS + PAYERS + BOTH_ROLES + LATER_VALUE


@pytest.mark.parametrize("text, expected", ROUND8)
def test_round8_destinations(text, expected):
    assert destinations_of(text) == expected
