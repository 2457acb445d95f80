"""Organizations: a table of phrases of the genre, expected values from RECORDS.md.

Each row is ``(text, [(name, acronym, [mention texts in order]), ...])``:
every organization of the text, sorted by first mention.  Rows with an
empty list are phrases that must not match.  Rows marked xfail are known
failures of today's rules (strict: they fail loudly once fixed).
"""

from __future__ import annotations

import pytest

from extractor.components.organizations import find_organizations

ISIPO = "Iran Small Industries and Industrial Parks Organization"


def row(text, *orgs, id=None, xfail=None):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, list(orgs), id=id, marks=marks)


ORGANIZATIONS = [
    # --- full name <-> acronym, either order, possessives outside -----------------------
    row("Iranian SMEs exported $1.04 billion, the Deputy Director of Iran Small Industries and Industrial "
        "Parks Organization (ISIPO) Asghar Mosaheb told IRNA on Monday.",
        (ISIPO, "ISIPO", [ISIPO, "ISIPO"]), ("IRNA", None, ["IRNA"]), id="name-then-acronym"),
    row("ISIPO’s Deputy Director said exports rose. Iran Small Industries and Industrial Parks Organization "
        "(ISIPO) runs 800 parks, and ISIPO is helping SMEs.",
        (ISIPO, "ISIPO", ["ISIPO", ISIPO, "ISIPO", "ISIPO"]), id="acronym-before-definition-possessive"),
    row("Exports were announced by TPO (Trade Promotion Organization), and TPO's head spoke.",
        ("Trade Promotion Organization", "TPO", ["TPO", "Trade Promotion Organization", "TPO"]),
        id="acronym-then-name"),
    row("The Trade Promotion Organization of Iran (TPO) said exports rose; TPO expects more.",
        ("Trade Promotion Organization of Iran", "TPO", ["Trade Promotion Organization of Iran", "TPO", "TPO"]),
        id="name-with-of-country"),
    row("Iran’s Trade Promotion Organization (TPO) has set up offices abroad.",
        ("Trade Promotion Organization", "TPO", ["Trade Promotion Organization", "TPO"]), id="country-possessive-outside"),
    row("The Islamic Republic of Iran Customs Administration (IRICA) reported the data. IRICA's figures show a rise.",
        ("Islamic Republic of Iran Customs Administration", "IRICA",
         ["Islamic Republic of Iran Customs Administration", "IRICA", "IRICA"]), id="leading-the-outside"),
    row("The Central Bank of Iran (CBI) published the rates and the CBI governor commented.",
        ("Central Bank of Iran", "CBI", ["Central Bank of Iran", "CBI", "CBI"]), id="central-bank"),
    row("The National Iranian Oil Company (NIOC) sold the cargo.",
        ("National Iranian Oil Company", "NIOC", ["National Iranian Oil Company", "NIOC"]), id="company"),
    row("Shares rose on the Tehran Stock Exchange (TSE) on Sunday, TSE data show.",
        ("Tehran Stock Exchange", "TSE", ["Tehran Stock Exchange", "TSE", "TSE"]), id="exchange"),
    row("The Plan and Budget Organization (PBO) and the National Development Fund (NDF) agreed.",
        ("Plan and Budget Organization", "PBO", ["Plan and Budget Organization", "PBO"]),
        ("National Development Fund", "NDF", ["National Development Fund", "NDF"]), id="two-definitions"),
    row("The Iranian Mines and Mining Industries Development and Renovation Organization (IMIDRO) "
        "signed the deal; IMIDRO will invest.",
        ("Iranian Mines and Mining Industries Development and Renovation Organization", "IMIDRO",
         ["Iranian Mines and Mining Industries Development and Renovation Organization", "IMIDRO", "IMIDRO"]),
        id="long-name-inner-letters"),
    row("Iran Chamber of Commerce, Industries, Mines and Agriculture (ICCIMA) hosted the meeting.",
        ("Iran Chamber of Commerce, Industries, Mines and Agriculture", "ICCIMA",
         ["Iran Chamber of Commerce, Industries, Mines and Agriculture", "ICCIMA"]), id="commas-in-name"),
    row("Iran is a member of the Eurasian Economic Union (EAEU), and trade with the EAEU rose.",
        ("Eurasian Economic Union", "EAEU", ["Eurasian Economic Union", "EAEU", "EAEU"]), id="acronym-inner-letter"),
    row("The Statistical Centre of Iran (SCI) put inflation at 40 percent.",
        ("Statistical Centre of Iran", "SCI", ["Statistical Centre of Iran", "SCI"]), id="centre"),
    row("The Organization of the Petroleum Exporting Countries (OPEC) met in Vienna.",
        ("Organization of the Petroleum Exporting Countries", "OPEC",
         ["Organization of the Petroleum Exporting Countries", "OPEC"]), id="prefix-word-and-the"),
    row("The Financial Action Task Force (FATF) kept Iran on its blacklist.",
        ("Financial Action Task Force", "FATF", ["Financial Action Task Force", "FATF"]), id="acronym-makes-the-name"),
    row("The Iran Mercantile Exchange (IME) traded 1 million tons of steel.",
        ("Iran Mercantile Exchange", "IME", ["Iran Mercantile Exchange", "IME"]), id="mercantile-exchange"),
    row("Iran's Ports and Maritime Organization (PMO) said the PMO’s terminals and PMO staff were ready.",
        ("Ports and Maritime Organization", "PMO", ["Ports and Maritime Organization", "PMO", "PMO", "PMO"]),
        id="acronym-possessive-mentions"),
    row("The European Union (EU) lifted the ban, and EU members agreed.",
        ("European Union", "EU", ["European Union", "EU", "EU"]), id="two-letter-acronym"),
    # --- names without acronyms -----------------------------------------------------------
    row("The Ministry of Industry, Mine and Trade issued new rules.",
        ("Ministry of Industry, Mine and Trade", None, ["Ministry of Industry, Mine and Trade"]),
        id="ministry-with-commas"),
    row("All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License.",
        ("Mehr News Agency", None, ["Mehr News Agency"]), id="news-agency-not-licence"),
    row("The Kish Free Zone Organization said exports from Kish Free Zone rose.",
        ("Kish Free Zone Organization", None, ["Kish Free Zone Organization"]), id="zone-body-not-zone"),
    row("The International Monetary Fund and the World Bank cut their forecasts.",
        ("International Monetary Fund", None, ["International Monetary Fund"]),
        ("World Bank", None, ["World Bank"]), id="suffix-names"),
    row("The report was published by the Tehran Times and the Financial Tribune.",
        ("Tehran Times", None, ["Tehran Times"]), ("Financial Tribune", None, ["Financial Tribune"]),
        id="newspapers"),
    row("Iran's Agriculture Ministry banned the exports.",
        ("Agriculture Ministry", None, ["Agriculture Ministry"]), id="country-possessive-ministry"),
    row("The Ministry of Economic Affairs and Finance and the Ministry of Roads and Urban Development agreed.",
        ("Ministry of Economic Affairs and Finance", None, ["Ministry of Economic Affairs and Finance"]),
        ("Ministry of Roads and Urban Development", None, ["Ministry of Roads and Urban Development"]),
        id="two-ministries-joined-by-and"),
    row("The Iran-Afghanistan Joint Chamber of Commerce said exports rose.",
        ("Iran-Afghanistan Joint Chamber of Commerce", None, ["Iran-Afghanistan Joint Chamber of Commerce"]),
        id="joint-chamber"),
    row("According to Tasnim News Agency, the Majlis Research Center warned.",
        ("Tasnim News Agency", None, ["Tasnim News Agency"]),
        ("Majlis Research Center", None, ["Majlis Research Center"]), id="agency-and-center"),
    row("Bank Mellat and Bank Melli Iran signed the deal.",
        ("Bank Mellat", None, ["Bank Mellat"]), ("Bank Melli Iran", None, ["Bank Melli Iran"]),
        id="bank-first-names"),
    row("The U.S. Treasury Department imposed new sanctions.",
        ("U.S. Treasury Department", None, ["U.S. Treasury Department"]), id="country-abbreviation-kept"),
    # --- acronym only: name = acronym, acronym null ----------------------------------------
    row("Exports rose 10 percent, IRNA reported, citing ISNA and Fars.",
        # second round: outlets cited as sources are organizations ("Fars", listed with ISNA)
        ("IRNA", None, ["IRNA"]), ("ISNA", None, ["ISNA"]), ("Fars", None, ["Fars"]), id="outlets-acronym-only"),
    row("IRICA said on Sunday that customs revenue rose.",
        ("IRICA", None, ["IRICA"]), id="acronym-only-undefined"),
    # --- must not match: generic groups, places, countries, plans -------------------------
    row("Iranian small and medium-sized enterprises (SMEs) exported goods; 72 export consortiums "
        "and 65 export management companies operate in industrial parks.", id="not-generic-groups"),
    row("Exports from Chabahar Port, the Arvand Free Zone and Khorasan Razavi Province rose.", id="not-places"),
    row("The United Arab Emirates (UAE) and the United States are trade partners of the Islamic Republic.",
        id="not-countries"),
    row("The Joint Comprehensive Plan of Action (JCPOA) and the International North-South Transport Corridor "
        "(INSTC) were discussed.", id="not-plans-corridors"),
    row("On Monday, TEHRAN - exports rose 30 percent in the first half (H1) of the year.", id="not-capitals-and-h1"),
    row("Imports of COVID-19 vaccines (CVs) rose in the Persian Gulf.", id="not-bracketed-letters"),
    row("Exports through Imam Khomeini International Airport and the Port of Shahid Rajaee rose.",
        id="not-airport-port"),
    row("Iran's Gross Domestic Product (GDP) grew while Value Added Tax (VAT) and Foreign Direct "
        "Investment (FDI) rose.", id="not-economic-terms"),
    row("Banks opened Letters of Credit (LCs) for importers.", id="not-letters-of-credit"),
    row("The Organization said on Monday that exports rose.", id="not-bare-organization-word"),
]


@pytest.mark.parametrize("text, expected", ORGANIZATIONS)
def test_organizations_table(text, expected):
    found = find_organizations(text)
    for org in found:
        assert all(text[m.start:m.end] == m.text for m in org.mentions)
    got = [(o.name, o.acronym, [m.text for m in o.mentions]) for o in found]
    assert got == expected


def test_one_entry_per_organization():
    text = ("The Central Bank of Iran (CBI) said on Monday that the CBI will publish the rates. "
            "Central Bank of Iran governor spoke. The CBI’s data show a rise.")
    found = find_organizations(text)
    assert len(found) == 1
    starts = [m.start for m in found[0].mentions]
    assert starts == sorted(starts) and len(starts) == 5
