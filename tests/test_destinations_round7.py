"""Destinations: the failure families of the already-read held-out articles (round 7), in phrases of our own.

Same row format as ``tests/test_destinations_round6.py``: ``(text, [(country, iso2, amount, currency,
[mention texts]), ...])``, every export destination of the text sorted by first mention; expected values
from RECORDS.md (a destination needs an export to it; sellers, import sources, rivals, routes and Iran are
never destinations; the amount is the first export value the text ties to the country; shares, tonnages,
debts and changes in percent are not amounts).  Rows with an empty list must not match.  Known failures
are strict xfail rows with the reason.
"""

from __future__ import annotations

import pytest

from phrase_tables import NONE, destinations_of, row, usd


# --- 1. a list after the colon of an export clause, with amounts in brackets ---------------------------
COLON_LISTS = [
    row("Sales to the Gulf states were larger: Oman ($2b), Qatar ($500m) and Kuwait ($90m).",
        ("Oman", "OM", *usd("2000000000"), ["Oman"]),
        ("Qatar", "QA", *usd("500000000"), ["Qatar"]),
        ("Kuwait", "KW", *usd("90000000"), ["Kuwait"]), id="sales-to-group-colon"),
    row("Exports to the neighbours: Iraq ($5bn), Turkey ($2bn).",
        ("Iraq", "IQ", *usd("5000000000"), ["Iraq"]),
        ("Turkey", "TR", *usd("2000000000"), ["Turkey"]), id="exports-to-neighbours-colon"),
    row("Iraq stayed the top buyer. Shipments to Central Asia were modest: Uzbekistan ($80m), Tajikistan "
        "($40m) and Kyrgyzstan ($12m).",
        ("Iraq", "IQ", *NONE, ["Iraq"]),
        ("Uzbekistan", "UZ", *usd("80000000"), ["Uzbekistan"]),
        ("Tajikistan", "TJ", *usd("40000000"), ["Tajikistan"]),
        ("Kyrgyzstan", "KG", *usd("12000000"), ["Kyrgyzstan"]), id="shipments-to-region-colon"),
    row("The company exported urea to three markets in Africa: Kenya, Ghana and Tanzania.",
        ("Kenya", "KE", *NONE, ["Kenya"]),
        ("Ghana", "GH", *NONE, ["Ghana"]),
        ("Tanzania", "TZ", *NONE, ["Tanzania"]), id="exported-to-markets-colon-no-amounts"),
    row("Shipments abroad went mainly to three neighbours: Iraq ($1bn), Afghanistan ($300m) and Pakistan ($80m).",
        ("Iraq", "IQ", *usd("1000000000"), ["Iraq"]),
        ("Afghanistan", "AF", *usd("300000000"), ["Afghanistan"]),
        ("Pakistan", "PK", *usd("80000000"), ["Pakistan"]), id="went-to-neighbours-colon"),
    row("Tile exporters sold $400 million abroad; the main destinations: Iraq ($250m) and Armenia ($40m).",
        ("Iraq", "IQ", *usd("250000000"), ["Iraq"]),
        ("Armenia", "AM", *usd("40000000"), ["Armenia"]), id="destinations-colon-after-semicolon"),
    row("Exports to the Caspian littoral states (Russia $1b, Azerbaijan $364m and Kazakhstan $118m) grew.",
        ("Russia", "RU", *usd("1000000000"), ["Russia"]),
        ("Azerbaijan", "AZ", *usd("364000000"), ["Azerbaijan"]),
        ("Kazakhstan", "KZ", *usd("118000000"), ["Kazakhstan"]), id="exports-to-group-bracketed-list"),
    row("Exports to the Gulf states — Oman ($2b), Qatar ($500m) — rose.",
        ("Oman", "OM", *usd("2000000000"), ["Oman"]),
        ("Qatar", "QA", *usd("500000000"), ["Qatar"]), id="exports-to-group-dashed-list"),
    row("Imports from the EU (Germany $3b, Italy $1b) fell.", id="not-imports-bracketed-list"),
    row("Exports fell (China, India and Japan cut purchases).", id="not-bracket-after-bare-exports"),
    row("Iran's exports to Iraq rose: Turkey's fell.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), id="not-possessive-after-colon"),
    row("Exports to one market stood out: China.",
        ("China", "CN", *NONE, ["China"]), id="one-country-after-colon"),
    row("Imports from Europe fell: Germany ($3bn), Italy ($1bn) and France ($900m).", id="not-imports-colon"),
    row("Iran's main suppliers of machinery: Germany ($3bn), Italy ($1bn).", id="not-suppliers-colon"),
    row("Exports rose, while its rivals were stronger: Turkey ($9bn) and India ($4bn).", id="not-rivals-colon"),
    row("Exports reached $40 billion. The trade partners: China ($10bn), India ($3bn).",
        id="not-partners-colon-no-direction"),
    row("Exports to Iran from its neighbours: Turkey ($9bn) and the UAE ($4bn).", id="not-exports-to-iran-colon"),
]

# --- 2. countries as the subject of a verb of buying, or called the exporter's markets ---------------------
BUYERS = [
    row("Iran's fruit exports grew. Iraq and Syria bought the bulk of the melons and grapes, traders said.",
        ("Iraq", "IQ", *NONE, ["Iraq"]),
        ("Syria", "SY", *NONE, ["Syria"]), id="list-bought-the-bulk"),
    row("Cement exports fell 10 percent as Iraq and Syria, its two traditional markets, bought less.",
        ("Iraq", "IQ", *NONE, ["Iraq"]),
        ("Syria", "SY", *NONE, ["Syria"]), id="apposition-markets-bought-less"),
    row("Kenya, its largest market, bought less tea this year.",
        ("Kenya", "KE", *NONE, ["Kenya"]), id="apposition-largest-market"),
    row("Oman purchased more Iranian steel this year.",
        ("Oman", "OM", *NONE, ["Oman"]), id="purchased-iranian"),
    row("Lebanon imported $30 million of Iranian medicine.",
        ("Lebanon", "LB", *usd("30000000"), ["Lebanon"]), id="imported-amount-of-iranian"),
    row("Carpet exports recovered. Germany and Italy, the traditional customers of Iranian weavers, bought "
        "more, while Japan bought less.",
        ("Germany", "DE", *NONE, ["Germany"]),
        ("Italy", "IT", *NONE, ["Italy"]),
        ("Japan", "JP", *NONE, ["Japan"]), id="list-bought-while-bought"),
    row("Iran's fruit exports grew. Iraq and Syria bought the bulk of the melons. Iraq alone took fruit and "
        "vegetables worth about $900 million.",
        ("Iraq", "IQ", *usd("900000000"), ["Iraq", "Iraq"]),
        ("Syria", "SY", *NONE, ["Syria"]), id="known-destination-took-goods-worth"),
    row("Iraq, Iran's biggest customer, purchased $5 billion of goods.",
        ("Iraq", "IQ", *usd("5000000000"), ["Iraq"]), id="apposition-then-purchased-amount"),
    row("Iran's saffron exports rose. Spain and France purchased most of the threads, while Italy bought "
        "smaller lots.",
        ("Spain", "ES", *NONE, ["Spain"]),
        ("France", "FR", *NONE, ["France"]),
        ("Italy", "IT", *NONE, ["Italy"]), id="list-purchased-while-bought"),
    row("Iran's steel exports rose. Turkey bought scrap from Russia and Ukraine.", id="not-bought-from-list"),
    row("Iran has supplied Armenia with gas since 2009.",
        ("Armenia", "AM", *NONE, ["Armenia"]), id="iran-supplied-country-with"),
    row("Iran supplies Iraq with electricity worth $1 billion a year.",
        ("Iraq", "IQ", *usd("1000000000"), ["Iraq"]), id="iran-supplies-country-worth"),
    row("Tehran also sells Pakistan electricity.",
        ("Pakistan", "PK", *NONE, ["Pakistan"]), id="tehran-sells-country-goods"),
    row("Iranian exporters sold Oman 2 million tons of cement.",
        ("Oman", "OM", *NONE, ["Oman"]), id="iranian-subject-sold-country"),
    row("Russia supplied Iran with wheat last year.", id="not-country-supplied-iran"),
    row("Iran's oil exports fell. Saudi Arabia and Iraq sold more crude to India.", id="not-other-sellers-to-country"),
    row("Iran's exports of steel rose. Turkey, its main rival, sold more to Iraq.", id="not-rival-sold-to-country"),
    row("Turkey's exports to Iraq rose 5 percent.", id="not-other-countrys-exports-to"),
    row("Iran and Turkey sold more cement to Iraq.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), id="iran-among-the-sellers-to"),
    row("Iran sold more cement to Iraq, while Turkey sold less to Syria.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), id="iran-sold-while-rival-sold"),
    row("Iran's exports rose, but China bought most of its oil from Russia.", id="not-source-after-buying-verb"),
    row("Germany sold Iran and Iraq machinery.", id="not-other-country-sold-to-country"),
    row("Germany bought Chinese cars worth $2 billion.", id="not-bought-another-countrys-goods"),
    row("Germany bought $2 billion of Chinese cars.", id="not-bought-amount-of-another-countrys-goods"),
    row("Germany bought no Iranian goods last year.", id="not-bought-nothing"),
    row("Iran's crude exports fell as Japan and India bought oil from other suppliers.",
        id="not-bought-from-other-suppliers"),
    row("Iran provided Iraq with intelligence on the militants.", id="not-provided-with-non-goods"),
    row("China bought $3 billion of soybeans from Brazil.", id="not-bought-from-elsewhere"),
    row("Imports from Germany rose. Germany supplied Iran with turbines.", id="not-supplied-iran"),
    row("Iran's exports fell as China sold more steel to Iraq's builders.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), id="not-seller-sold"),
    row("Iraq and Afghanistan, its two neighbours, signed a transit deal.", id="not-apposition-without-buyer-noun"),
    row("Iran's exports to Iraq grew. Iraq took out a $1 billion loan from the World Bank.",
        ("Iraq", "IQ", *NONE, ["Iraq", "Iraq"]), id="not-took-out-a-loan"),
]

# --- 3. supply by sending, swap or transit; routes and swap partners that give are not destinations ---------
SUPPLY = [
    row("Iran also sent four tankers carrying about 1.2 million barrels of fuel oil to Syria in March, a cargo "
        "valued by traders at around $50 million.",
        ("Syria", "SY", *usd("50000000"), ["Syria"]), id="sent-long-object-to"),
    row("The company delivered two shipments of about 40,000 tonnes of bitumen each to Kenya last month.",
        ("Kenya", "KE", *NONE, ["Kenya"]), id="delivered-long-object-to"),
    row("Smaller volumes of power were supplied to Armenia and the Nakhchivan exclave of the Republic of "
        "Azerbaijan under swap arrangements.",
        ("Armenia", "AM", *NONE, ["Armenia"]),
        ("Azerbaijan", "AZ", *NONE, ["Republic of Azerbaijan"]), id="supplied-to-exclave-of-country"),
    row("Gas was also delivered to Armenia under a swap and to the Nakhchivan Autonomous Republic through a "
        "swap deal with the Republic of Azerbaijan.",
        ("Armenia", "AM", *NONE, ["Armenia"]),
        ("Azerbaijan", "AZ", *NONE, ["Republic of Azerbaijan"]), id="delivered-to-territory-swap"),
    row("Smaller volumes went to the Republic of Azerbaijan's Nakhchivan exclave under a swap deal and to "
        "Armenia for power.",
        ("Azerbaijan", "AZ", *NONE, ["Republic of Azerbaijan"]),
        ("Armenia", "AM", *NONE, ["Armenia"]), id="country-possessive-territory-and-to"),
    row("Exports to Basra in southern Iraq will begin next year.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), id="to-city-in-country"),
    row("Iran exported cement to the Kurdistan Region of Iraq.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), id="to-region-of-country"),
    row("Iran imports gas from Turkmenistan and delivers it to the Republic of Azerbaijan under a swap deal.",
        ("Azerbaijan", "AZ", *NONE, ["Republic of Azerbaijan"]), id="swap-receiver-not-giver"),
    row("Iran exported power to Armenia. Azerbaijan sends gas to Nakhchivan through Iran.",
        ("Armenia", "AM", *NONE, ["Armenia"]), id="not-territory-of-the-sender"),
    row("Gas was delivered to the Nakhchivan Autonomous Republic under a swap.", id="not-territory-country-unnamed"),
    row("Iranian gasoline reached Venezuela in May.",
        ("Venezuela", "VE", *NONE, ["Venezuela"]), id="iranian-goods-reached"),
    row("Iran's first fuel cargo arrived in Lebanon on Sunday.",
        ("Lebanon", "LB", *NONE, ["Lebanon"]), id="iranian-cargo-arrived-in"),
    row("Five Iranian tankers carrying diesel docked in Syria.",
        ("Syria", "SY", *NONE, ["Syria"]), id="iranian-tankers-docked-in"),
    row("Oil from Iran reached Syria despite the sanctions.",
        ("Syria", "SY", *NONE, ["Syria"]), id="goods-from-iran-reached"),
    row("Iranian officials arrived in Venezuela on Sunday.", id="not-people-arrived"),
    row("Officials from Iran arrived in Syria.", id="not-people-from-iran-arrived"),
    row("Iran sent its deputy foreign minister and a team of bankers to Oman.", id="not-sent-people"),
    row("The minister travelled to Erbil in northern Iraq.", id="not-travel-to-city-in-country"),
    row("Turkish trucks carry Iranian goods to Europe via Bulgaria.", id="not-route"),
    row("Iran exports gas to Armenia through Georgia.",
        ("Armenia", "AM", *NONE, ["Armenia"]), id="not-route-through"),
    row("Iran shipped fuel to Syria by way of Iraq.",
        ("Syria", "SY", *NONE, ["Syria"]), id="not-route-by-way-of"),
    row("Iran exports cement to Afghanistan via Turkmenistan and Uzbekistan.",
        ("Afghanistan", "AF", *NONE, ["Afghanistan"]), id="not-route-list-via"),
    row("Iran's exports of goods through Iraq and to Syria rose.",
        ("Syria", "SY", *NONE, ["Syria"]), id="not-route-then-and-to"),
    row("Iran receives gas from Turkmenistan under a swap deal and delivers the same volume to Azerbaijan.",
        ("Azerbaijan", "AZ", *NONE, ["Azerbaijan"]), id="not-swap-partner-that-gives"),
    row("Under the swap, Turkmenistan supplies gas to northern Iran.", id="not-swap-supplier-to-iran"),
]

# --- 4. a destination's amount: the first export value tied to it ------------------------------------------
AMOUNTS = [
    row("Turkey's imports from Iran grew by 20 percent to $3 billion.",
        ("Turkey", "TR", *usd("3000000000"), ["Turkey"]), id="change-percent-then-amount"),
    row("Iran shipped 2 million tons of cement to Iraq in the first half, 10 percent more than a year earlier, "
        "earning about $90 million.",
        ("Iraq", "IQ", *usd("90000000"), ["Iraq"]), id="percent-more-then-earning"),
    row("Iraq took 20 percent of Iran's exports and total exports reached $5 billion.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), id="share-then-total-still-not-amount"),
    row("Oman remained the top buyer of the company's urea, with cargoes valued at $70 million, while India "
        "and Kenya bought $30 million and $20 million of ammonia, respectively.",
        ("Oman", "OM", *usd("70000000"), ["Oman"]),
        ("India", "IN", *usd("30000000"), ["India"]),
        ("Kenya", "KE", *usd("20000000"), ["Kenya"]), id="lone-clause-beside-respectively"),
    row("Iran has exported 2 billion cubic meters of gas to Oman. At current prices, sales to Oman under the "
        "new contract are expected to bring in about $400 million a year.",
        ("Oman", "OM", *usd("400000000"), ["Oman", "Oman"]), id="sales-to-expected-a-year"),
    row("Iran has exported gas to Oman. Sales of Iranian gas to Oman reached $50 million.",
        ("Oman", "OM", *usd("50000000"), ["Oman", "Oman"]), id="sales-of-goods-to"),
    row("Iran has exported gas to Oman. Car sales in Oman rose to $50 million.",
        ("Oman", "OM", *NONE, ["Oman", "Oman"]), id="not-domestic-sales-in-country"),
    row("Power sales top $200m as Iraq settles part of its arrears\n\nIran exported power to Iraq.",
        ("Iraq", "IQ", *NONE, ["Iraq", "Iraq"]), id="not-headline-total-beside-debt"),
    row("Power sales top $200m as Iraq settles part of its arrears\n\nIraq, Syria and Oman bought $150 million, "
        "$40 million and $20 million of Iranian electricity, respectively.",
        ("Iraq", "IQ", *usd("150000000"), ["Iraq", "Iraq"]),
        ("Syria", "SY", *usd("40000000"), ["Syria"]),
        ("Oman", "OM", *usd("20000000"), ["Oman"]), id="headline-debt-then-respectively"),
    row("China's purchases from Iran rose 15 percent to $4 billion, while Chinese exports to Iran fell "
        "8 percent to $6 billion.",
        ("China", "CN", *usd("4000000000"), ["China"]), id="purchases-change-then-amount-not-other-direction"),
]

# --- 4b. not a value of trade, of Iran's imports from the country, or of another country's sale -------------
NOT_ITS_AMOUNT = [
    row("Trade with China reached $30 billion, with exports to China at $10 billion and imports from China at "
        "$20 billion.",
        ("China", "CN", *usd("10000000000"), ["China", "China", "China"]), id="trade-total-then-exports-to"),
    row("Trade between Iran and Iraq hit $12 billion, of which Iranian exports to Iraq were $9 billion.",
        ("Iraq", "IQ", *usd("9000000000"), ["Iraq", "Iraq"]), id="trade-between-then-exports-to"),
    row("Iran's imports from Turkey were $4 billion, while its exports to Turkey stood at $2 billion.",
        ("Turkey", "TR", *usd("2000000000"), ["Turkey", "Turkey"]), id="imports-from-then-exports-to"),
    row("Iraq is Iran's top export market. Trade with Iraq hit $12 billion.",
        ("Iraq", "IQ", *NONE, ["Iraq", "Iraq"]), id="not-trade-value-of-known-destination"),
    row("Iranian oil revenue reached $5 billion as buyers in China rose.",
        ("China", "CN", *NONE, ["China"]), id="not-total-before-as-clause"),
    row("Iran exported $9 billion of goods to neighbours such as Iraq.",
        ("Iraq", "IQ", *NONE, ["Iraq"]), id="not-group-total-such-as"),
    row("Iraq bought $6 billion of goods, and Turkey, which sold $1 billion to Iraq, lost ground.",
        ("Iraq", "IQ", *usd("6000000000"), ["Iraq", "Iraq"]), id="not-relative-clause-seller"),
]

ROUND7 = NOT_ITS_AMOUNT + COLON_LISTS + BUYERS + SUPPLY + AMOUNTS


@pytest.mark.parametrize("text, expected", ROUND7)
def test_round7_destinations(text, expected):
    assert destinations_of(text) == expected
