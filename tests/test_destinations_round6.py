"""Destinations: the failure families of the round-6 development articles, in phrases of our own.

Same row format as ``tests/test_destinations.py``: ``(text, [(country, iso2,
amount, currency, [mention texts]), ...])``, every export destination of the
text sorted by first mention; expected values from RECORDS.md (a destination
needs an export to it; its amount is the first export value the text ties to
it; shares, tonnages and debts are not amounts).  Rows with an empty list must
not match.  Known failures are strict xfail rows with the reason.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from phrase_tables import NONE, destinations_of, row, usd


ROUND6 = [
    # --- quantities other than tons in the words between a buyer and its amount ----------------
    row("Qatar took 3.2 billion cubic meters worth $900 million, while Oman received 1.1 billion cubic metres "
        "worth $310 million of Iranian gas.",
        ("Qatar", "QA", *usd("900000000"), ["Qatar"]),
        ("Oman", "OM", *usd("310000000"), ["Oman"]), id="cubic-meters-in-gap"),
    row("Armenia imported 1,200 gigawatt-hours worth $60 million of Iranian power.",
        ("Armenia", "AM", *usd("60000000"), ["Armenia"]), id="gigawatt-hours-in-gap"),
    # --- a split fiscal year (and its gloss) in the gap ------------------------------------------
    row("Iraq was the biggest market in fiscal 2018-19 (the year to March 20, 2019) at $8.9bn, "
        "followed by Oman at $1.2bn.",
        ("Iraq", "IQ", *usd("8900000000"), ["Iraq"]),
        ("Oman", "OM", *usd("1200000000"), ["Oman"]), id="split-fiscal-year-in-gap"),
    # --- money owed is not an export value -----------------------------------------------------
    row("Iraq's gas debt to Iran tops $2 billion as exports grow. Iraq imported $4 billion of Iranian gas last year.",
        ("Iraq", "IQ", *usd("4000000000"), ["Iraq", "Iraq"]), id="debt-not-amount"),
    row("Exports to Syria continued, although Syria owes Tehran $3 billion.",
        ("Syria", "SY", *NONE, ["Syria", "Syria"]), id="owes-not-amount"),
    # --- a verb of sending and its object before "to" ------------------------------------------
    row("Iran has also continued to ship diesel to Lebanon.",
        ("Lebanon", "LB", *NONE, ["Lebanon"]), id="ship-object-to"),
    row("At present we are sending 300 to 350 megawatts of power to Armenia and Georgia.",
        ("Armenia", "AM", *NONE, ["Armenia"]),
        ("Georgia", "GE", *NONE, ["Georgia"]), id="sending-quantity-to-list"),
    row("The refinery delivered four cargoes of fuel oil to Sri Lanka in June.",
        ("Sri Lanka", "LK", *NONE, ["Sri Lanka"]), id="delivered-cargoes-to"),
    row("Iran sent a trade delegation to Kenya last week.", id="sent-delegation-not-goods"),
    row("The ministry sent several engineers to Bolivia to survey the lithium deposits.", id="sent-engineers-not-goods"),
    # --- "headed the list" after an export sentence ------------------------------------------
    row("Iranian raisins were shipped to 30 countries. Turkey headed the list with 12,000 tons worth $40 million.",
        ("Turkey", "TR", *usd("40000000"), ["Turkey"]), id="headed-the-list"),
    row("The United States led the list of the world's pistachio exporters with $1.5 billion.",
        id="not-led-the-list-of-exporters"),
    row("Iran's exports rose. China headed the list of sellers to Iran.", id="not-headed-the-list-of-sellers"),
    row("Exports to Germany rose 8 percent. Turkey led the world's hazelnut exporters with $2 billion, ahead of "
        "Germany with $400 million.",
        ("Germany", "DE", *NONE, ["Germany", "Germany"]), id="exporters-ranking-gives-no-amount"),
    # --- a total before a comma is not a lone destination's amount --------------------------------
    row("Iran's saffron exports top $200m, Spain biggest buyer",
        ("Spain", "ES", *NONE, ["Spain"]), id="headline-total-comma"),
    row("Iran exported $300 million worth of cement to Iraq.",
        ("Iraq", "IQ", *usd("300000000"), ["Iraq"]), id="amount-before-no-comma"),
    # --- a second "to" phrase joined by "and" -----------------------------------------------------
    row("Smaller shipments went to Oman under a barter deal and to Qatar in exchange for gas.",
        ("Oman", "OM", *NONE, ["Oman"]),
        ("Qatar", "QA", *NONE, ["Qatar"]), id="and-to-second-phrase"),
    row("New models will lift sales of tractors to Kenya, which took a tenth of the plant's output, and to Ghana.",
        ("Kenya", "KE", *NONE, ["Kenya"]),
        ("Ghana", "GH", *NONE, ["Ghana"]), id="and-to-after-relative"),
    row("Iran bought turbines from Germany and to Italy it paid $5 million in fees.", id="and-to-first-not-destination"),
    # --- relative clauses with "where", and a verb or share after a relative clause ------------------
    row("Iran's saffron exports reached $190 million. Hong Kong was the top buyer at $46 million. Spain, where much "
        "of the spice is repacked, ranked second after paying $24 million.",
        ("Hong Kong", "HK", *usd("46000000"), ["Hong Kong"]),
        ("Spain", "ES", *usd("24000000"), ["Spain"]), id="where-relative-then-amount"),
    row("Iraq was the largest buyer of Iranian power at $200 million. Turkey, which buys electricity through a line "
        "in the northwest, accounted for about 4 percent of the total.",
        ("Iraq", "IQ", *usd("200000000"), ["Iraq"]),
        ("Turkey", "TR", *NONE, ["Turkey"]), id="relative-then-share"),
    # --- goods joined by "and" in a buyer's object -----------------------------------------------
    row("China was the largest buyer of Iranian zinc ingots and concentrate at $90 million, followed by India "
        "with $40 million.",
        ("China", "CN", *usd("90000000"), ["China"]),
        ("India", "IN", *usd("40000000"), ["India"]), id="goods-and-goods-at"),
    row("China was the largest buyer of Iranian cement and exports stood at $5 billion, while Iraq came second.",
        ("China", "CN", *NONE, ["China"]),
        ("Iraq", "IQ", *NONE, ["Iraq"]), id="and-clause-not-goods"),
    row("Iraq took 20 percent of Iran's exports and total exports reached $5 billion.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), id="share-then-total-not-amount"),
    # --- a country's adjective with buyers and a verb of paying before the amount ------------------
    row("Iran's oil exports to China rose in July. Chinese refiners paid about $18 billion of that.",
        ("China", "CN", *usd("18000000000"), ["China"]), id="demonym-buyers-paid"),
    row("Gas exports to Turkey held steady. Turkish buyers pay around $270 per 1,000 cubic meters.",
        ("Turkey", "TR", *NONE, ["Turkey"]), id="demonym-buyers-unit-price-not-amount"),
    row("Japanese firms bought $2 billion of chips from Taiwan.", id="not-demonym-buyers-without-destination"),
    row("Iran's exports to Iraq rose. Russian companies paid $1 billion for the plant.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), id="not-demonym-buyers-of-another-country"),
    # the value in a ", but" clause of the country's own imports from Iran (read since round 8)
    row("Hong Kong bought smaller volumes, but its own statistics put imports of Iranian nuts at HK$2bn. "
        "The United States, with exports of $1.5 billion, led the exporters, ahead of Hong Kong with $300 million.",
        ("Hong Kong", "HK", Decimal("2000000000"), "HKD", ["Hong Kong", "Hong Kong"]), id="own-statistics-vs-rival-list"),
]


@pytest.mark.parametrize("text, expected", ROUND6)
def test_round6_destinations(text, expected):
    assert destinations_of(text) == expected
