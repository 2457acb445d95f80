"""Officials: a table of phrases of the genre, expected values from RECORDS.md.

Officials need the organizations of the document, so the rows go through
``extract()``.  Each row is ``(text, [(name, title, organization, [mention
texts in order]), ...])``: every named person of the text, sorted by first
mention.  Rows with an empty list are phrases that must not match.  Rows
marked xfail are known failures of today's rules (strict).
"""

from __future__ import annotations

import pytest

from extractor import extract

ISIPO = "Iran Small Industries and Industrial Parks Organization"


def row(text, *people, id=None, xfail=None):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, list(people), id=id, marks=marks)


OFFICIALS = [
    # --- "X's TITLE Name" and "TITLE of X Name" ------------------------------------------
    row("Exports rose, Iran Small Industries and Industrial Parks Organization (ISIPO)’s Deputy Director for "
        "Small Industries Asghar Mosaheb told IRNA. According to Mosaheb, 900 SMEs took part.",
        ("Asghar Mosaheb", "Deputy Director for Small Industries", ISIPO, ["Asghar Mosaheb", "Mosaheb"]),
        id="org-possessive-title-name"),
    row("SMEs exported $1.04 billion, the Deputy Director of Iran Small Industries and Industrial Parks "
        "Organization (ISIPO) Asghar Mosaheb told IRNA on Monday.",
        ("Asghar Mosaheb", "Deputy Director", ISIPO, ["Asghar Mosaheb"]), id="title-of-org-name"),
    row("Iran Small Industries and Industrial Parks Organization (ISIPO) is active. Deputy Director for Small "
        "Industries of ISIPO Asghar Mosaheb said exports rose.",
        ("Asghar Mosaheb", "Deputy Director for Small Industries", ISIPO, ["Asghar Mosaheb"]),
        id="title-of-acronym-name"),
    row("The Central Bank of Iran (CBI) set the rate. CBI Governor Abdolnaser Hemmati said the rial would recover.",
        ("Abdolnaser Hemmati", "Governor", "Central Bank of Iran", ["Abdolnaser Hemmati"]),
        id="acronym-title-name"),
    row("Head of Iran’s Trade Promotion Organization (TPO) Alireza Peyman-Pak said exports rose. "
        "Peyman-Pak added that Iraq was the top buyer.",
        ("Alireza Peyman-Pak", "Head", "Trade Promotion Organization", ["Alireza Peyman-Pak", "Peyman-Pak"]),
        id="hyphenated-surname"),
    # --- "Name, the TITLE of X" --------------------------------------------------------------
    row("Ruhollah Latifi, the spokesman of the Islamic Republic of Iran Customs Administration (IRICA), said "
        "exports rose. Latifi noted that imports fell.",
        ("Ruhollah Latifi", "spokesman", "Islamic Republic of Iran Customs Administration",
         ["Ruhollah Latifi", "Latifi"]), id="name-comma-title-of-org"),
    row("Mohammad Lahouti, the head of the Iran Exporters Confederation, said exports would rise.",
        ("Mohammad Lahouti", "head", "Iran Exporters Confederation", ["Mohammad Lahouti"]),
        id="name-comma-head-of-org"),
    row("The Ports and Maritime Organization (PMO) said cargo rose, according to Ali-Akbar Safaei, the head of PMO.",
        ("Ali-Akbar Safaei", "head", "Ports and Maritime Organization", ["Ali-Akbar Safaei"]),
        id="according-to-name-title-sentence-end"),
    row("Exports rose, said Hamid Zadboum, the head of the Trade Promotion Organization (TPO).",
        ("Hamid Zadboum", "head", "Trade Promotion Organization", ["Hamid Zadboum"]),
        id="said-name-title-sentence-end"),
    row("The governor of the Central Bank of Iran (CBI), Abdolnaser Hemmati, said the rial was stable.",
        ("Abdolnaser Hemmati", "governor", "Central Bank of Iran", ["Abdolnaser Hemmati"]),
        id="title-of-org-comma-name"),
    row("In an interview with IRNA, Mohammad Bagher Nobakht, the head of the Plan and Budget Organization (PBO), "
        "said the budget was ready.",
        ("Mohammad Bagher Nobakht", "head", "Plan and Budget Organization", ["Mohammad Bagher Nobakht"]),
        id="three-word-name"),
    row("NIOC CEO Masoud Karbasian said sales rose.",
        ("Masoud Karbasian", "CEO", "NIOC", ["Masoud Karbasian"]), id="acronym-only-org-title-name"),
    # --- an unnamed office resolved in the next sentence --------------------------------------
    row("Back in August, the head of Iran Small Industries and Industrial Parks Organization (ISIPO) announced "
        "that over 33,000 SMEs are active. According to Mohsen Salehinia, 43,650 SMEs are based in parks. "
        "ISIPO is following the programs, according to Salehinia.",
        ("Mohsen Salehinia", "head", ISIPO, ["Mohsen Salehinia", "Salehinia"]), id="office-resolved-next-sentence"),
    # --- the whole office as title; state offices -----------------------------------------------
    row("Minister of Industry, Mine and Trade Reza Rahmani said exports would rise. Rahmani added that "
        "imports would fall.",
        ("Reza Rahmani", "Minister of Industry, Mine and Trade", None, ["Reza Rahmani", "Rahmani"]),
        id="minister-of-whole-office"),
    row("U.S. President Donald Trump reimposed sanctions on Iran in 2018.",
        # second round: a foreign state office keeps its country
        ("Donald Trump", "U.S. President", None, ["Donald Trump"]), id="state-office-us"),
    row("President Hassan Rouhani on Thursday opened the project via videoconference.",
        ("Hassan Rouhani", "President", None, ["Hassan Rouhani"]), id="state-office-president"),
    row("Iran's Ambassador to China Mohammad Keshavarzzadeh met the Chinese officials.",
        ("Mohammad Keshavarzzadeh", "Ambassador to China", None, ["Mohammad Keshavarzzadeh"]),
        id="ambassador-to-country"),
    row("Foreign Minister Mohammad Javad Zarif met his Chinese counterpart.",
        ("Mohammad Javad Zarif", "Foreign Minister", None, ["Mohammad Javad Zarif"]), id="minister-title-first"),
    row("Iran’s Deputy Minister of Industry, Mine and Trade Hossein Modares Khiabani said exports rose.",
        ("Hossein Modares Khiabani", "Deputy Minister of Industry, Mine and Trade", None,
         ["Hossein Modares Khiabani"]), id="deputy-minister-of-whole-office"),
    row("Deputy Agriculture Minister Kazem Khavazi said imports fell.",
        ("Kazem Khavazi", "Deputy Agriculture Minister", None, ["Kazem Khavazi"]), id="deputy-minister-title"),
    row("Farhad Dejpasand, the minister of economy, said the budget was ready.",
        ("Farhad Dejpasand", "minister of economy", None, ["Farhad Dejpasand"]), id="name-comma-minister-of"),
    # --- spelling variants, people with no office -------------------------------------------
    row("ISIPO’s Deputy Director Asghar Mosaheb said exports rose. ISIPO's deputy director Masaheb added "
        "that 900 SMEs took part.",
        ("Asghar Mosaheb", "Deputy Director", "ISIPO", ["Asghar Mosaheb", "Masaheb"]), id="spelling-variant"),
    row("Mr. Latifi told IRNA that imports fell.",
        ("Latifi", None, None, ["Latifi"]), id="surname-only-person"),
    row("Exports rose, Ali Rabiei told reporters on Sunday.",
        ("Ali Rabiei", None, None, ["Ali Rabiei"]), id="person-without-office"),
    row("The Central Bank of Iran (CBI) Governor Ali Salehabadi said on Monday that the rial was stable.",
        ("Ali Salehabadi", "Governor", "Central Bank of Iran", ["Ali Salehabadi"]), id="full-org-then-title"),
    row("Davoud Manzour, the head of the Iranian National Tax Administration (INTA), said revenues rose. "
        "INTA collected more, Manzour said.",
        ("Davoud Manzour", "head", "Iranian National Tax Administration", ["Davoud Manzour", "Manzour"]),
        id="name-comma-head-of-long-org"),
    row("Mohammad Rastad, the former head of the Ports and Maritime Organization, said ports were busy.",
        ("Mohammad Rastad", "former head", "Ports and Maritime Organization", ["Mohammad Rastad"]),
        id="former-head"),
    row("Kish Free Zone Organization’s deputy for investment Hamid Nasirpour said projects were ready.",
        ("Hamid Nasirpour", "deputy for investment", "Kish Free Zone Organization", ["Hamid Nasirpour"]),
        id="lowercase-title-after-possessive"),
    # --- offices resolved from context ------------------------------------------------------------
    row("The Secretariat of the High Council of Free Zones issued the figures. Karim Rostami, the spokesman "
        "of the secretariat, said the zones grew.",
        ("Karim Rostami", "spokesman", "Secretariat of the High Council of Free Zones", ["Karim Rostami"]),
        id="anaphoric-body-from-data"),
    row("The deputy minister for trade affairs said exports rose. Hossein Modarres Khiabani added that the "
        "target is $50 billion.",
        ("Hossein Modarres Khiabani", "deputy minister for trade affairs", None, ["Hossein Modarres Khiabani"]),
        id="definite-office-of-no-named-body"),
    row("Exports rose, the acting governor general of Khorasan Razavi said. Mirzaei said trade rose.",
        ("Mirzaei", "acting governor general of Khorasan Razavi", None, ["Mirzaei"]), id="office-of-a-place"),
    row("Exports rose, the director general of Kermanshah customs said on Monday. According to Khalil Heidari, "
        "the value rose.",
        ("Khalil Heidari", "director general of Kermanshah customs", None, ["Khalil Heidari"]),
        id="office-of-a-provincial-customs"),
    row("Exports rose, the director general of international affairs at the Islamic Republic of Iran Customs "
        "Administration (IRICA), Hossein Kakhaki, said.",
        ("Hossein Kakhaki", "director general of international affairs",
         "Islamic Republic of Iran Customs Administration", ["Hossein Kakhaki"]), id="domain-before-at-org"),
    row("Mohammad-Reza Karbasi, the deputy head of the Trade Promotion Organization of Iran for Eurasian "
        "affairs, said trade grew.",
        ("Mohammad-Reza Karbasi", "deputy head for Eurasian affairs", "Trade Promotion Organization of Iran",
         ["Mohammad-Reza Karbasi"]), id="domain-after-org"),
    row("The Ministry of Industry, Mine and Trade set targets. Minister of Industry, Mine and Trade Abbas "
        "Aliabadi said exports rose.",
        ("Abbas Aliabadi", "Minister of Industry, Mine and Trade", "Ministry of Industry, Mine and Trade",
         ["Abbas Aliabadi"]), id="minister-of-the-named-ministry"),
    row("Minister of Industry, Mine and Trade Abbas Aliabadi said exports rose.",
        ("Abbas Aliabadi", "Minister of Industry, Mine and Trade", None, ["Abbas Aliabadi"]),
        id="minister-of-an-unnamed-ministry"),
    row("Exports rose, the head of the province's trade office said. Ghorban Mirzaei put the weight at two "
        "million tons. Mirzaei said trade rose.",
        ("Ghorban Mirzaei", None, None, ["Ghorban Mirzaei", "Mirzaei"]), id="given-name-before-known-surname"),
    # --- must not match ---------------------------------------------------------------------------
    row("Exports rose 10 percent, the Tehran Times and Mehr News Agency reported.", id="not-outlets"),
    row("Cargo passed through Imam Khomeini International Airport and Shahid Rajaee Port.", id="not-places-named-after-people"),
    row("Bank Mellat and Bank Saderat Iran opened new branches in Kish Island.", id="not-bank-names"),
    row("The head of ISIPO said exports rose 30 percent.", id="not-office-without-name"),
    row("Officials said exports rose by 10 percent.", id="not-common-noun-subject"),
    row("Exporters said the officials had promised support.", id="not-lowercase-elsewhere"),
    row("Iraq, Afghanistan and Pakistan were the top three export destinations.", id="not-countries"),
    row("Holding Training Courses And Supporting SMEs Are Programs.", id="not-capitalised-phrases"),
]


@pytest.mark.parametrize("text, expected", OFFICIALS)
def test_officials_table(text, expected):
    record = extract(text, published="2020-01-05")
    assert record.check_offsets(text) == []
    got = [(o.name, o.title, o.organization, [m.text for m in o.mentions]) for o in record.officials]
    assert got == expected


def test_organization_of_an_official_is_an_organization_entry():
    text = ("Ruhollah Latifi, the spokesman of the Islamic Republic of Iran Customs Administration (IRICA), "
            "said exports rose. CBI Governor Abdolnaser Hemmati said the rial would recover.")
    record = extract(text)
    names = {o.name for o in record.organizations}
    assert [o.organization for o in record.officials if o.organization] != []
    assert all(o.organization in names for o in record.officials if o.organization)
