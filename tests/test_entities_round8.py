"""Organizations and officials: the families of round 8, in phrases of our own.

Officials rows are ``(text, [(name, title, organization), ...])`` for every
named person of the text, sorted by first mention; organization rows are
``(text, [name, ...])`` (the ``name`` of every organization, sorted by first
mention).  Expected values follow RECORDS.md (second round):

1. a body named after a common noun of its kind with a modifier ("state energy
   company X", "Chinese firm X", "grid operator X") is an organization; "TITLE at
   ORG" takes the organization out of the title;
2. a name may start with its organization word ("the Syndicate of ..."); a
   known outlet's unit written after it is one name ("Bloomberg Economics");
3. not organizations: a company's name as a product's make ("a hybrid Toyota
   Camry"), a system's name running on from an organization word, a named unit
   written before its parent ("the X Department at the Ministry of Y": the unit
   stays in the title), an adjective and an organization word alone ("the High
   Council") unless the text names the longer body it shortens;
4. officials: a byline in capitals, a closing "With assistance from" credit, an
   office before "of X.com", lowercase domain words before an office ("senior
   crude analyst"), "then" before an office, a foreign office's domain ("External
   Affairs"), "the company's managing director" resolved in the next sentence, a
   thing named after a person ("the X variety").

Rows with an empty list must not match; xfail rows are known failures (strict).
"""

from __future__ import annotations

import pytest

from extractor import extract
from phrase_tables import row


# --- family 1: a descriptor before a name; "TITLE at ORG" ---------------------------------------------------
DESCRIBED = [
    row("Georgia's state power company Energotrans cut supplies in July.", "Energotrans", id="state-power-company"),
    row("Turkish firm Kalyon Enerji won the tender.", "Kalyon Enerji", id="nationality-firm"),
    row("The gas grid operator Bulgartransgaz booked the capacity.", "Bulgartransgaz", id="grid-operator"),
    row("Chinese carmaker Dongfeng opened a plant in Tabriz.", "Dongfeng", id="carmaker"),
    row("Shipments rose, analytics firm Vesselscope said.", "Vesselscope", id="analytics-firm-subject"),
    # must not match
    row("The firm Demand for urea rose.", id="not-bare-firm"),
    row("The company Sunday reported a loss.", id="not-company-weekday"),
    row("A state company March deadline passed.", id="not-company-month"),
    row("The company Chairman resigned.", id="not-company-title"),
]

# --- family 2: an organization word first; an outlet's unit ------------------------------------------------
NAMED = [
    row("The Syndicate of Iranian Cement Producers asked for a lower tariff.",
        "Syndicate of Iranian Cement Producers", id="syndicate-of"),
    row("A report by the Society of Iranian Petroleum Engineers was published.",
        "Society of Iranian Petroleum Engineers", id="society-of"),
    row("The Confederation of Iranian Industry met in Tehran.", "Confederation of Iranian Industry", id="confederation-of"),
    row("Prices will rise further, Bloomberg Intelligence said.", "Bloomberg Intelligence", id="outlet-intelligence"),
    row("Exports fell, according to Reuters Research.", "Reuters Research", id="outlet-research"),
    row("The Institute of Trade Studies said exports rose.", "Institute of Trade Studies", id="institute-of"),
    # must not match
    row("Exports rose, Bloomberg reported on Monday.", "Bloomberg", id="outlet-alone"),
    row("The Syndicate of the year award went to a farmer.", id="not-syndicate-of-the-lowercase"),
]

# --- family 3: not organizations -----------------------------------------------------------------------
NOT_BODIES = [
    row("A locally assembled Hyundai Tucson costs 3 billion tomans.", id="product-hyundai-model"),
    row("Dealers said a used Kia Sportage sold for less.", id="product-kia-model"),
    row("The new Toyota Corolla is scarce in Tehran.", id="product-definite"),
    row("Exporters registered on the Comprehensive Trade Registration System.", id="system-name"),
    row("Traders used the Central Foreign Exchange Settlement Platform.", id="platform-name"),
    row("The Iran Mercantile Exchange listed new contracts.", "Iran Mercantile Exchange", id="exchange-is-a-body"),
    row("Bank said the Supreme Council has approved the plan.", id="generic-short-form-alone"),
    row("The Supreme Council of Free Zones met. The Supreme Council later approved the plan.",
        "Supreme Council of Free Zones", id="generic-short-form-of-longer-name"),
    row("The Joint Chamber said trade rose.", id="generic-short-form-subject"),
    row("The National Bank of Tajikistan cut rates. The National Bank said inflation eased.",
        "National Bank of Tajikistan", id="generic-short-form-after-longer-name"),
    row("Dealers sold a white Saipa Shahin for 800 million rials.", id="product-saipa-model"),
    row("A Kpler analyst said flows rose.", "Kpler", id="company-before-office-word"),
    row("Sales rose, said the head of the Export Department at the Ministry of Agriculture.",
        "Ministry of Agriculture", id="unit-at-parent"),
    # must stay organizations
    row("Toyota said it would leave Iran.", "Toyota", id="company-as-subject"),
    row("A Toyota spokesman said the plant would close.", "Toyota", id="company-article-no-model"),
    row("Crude went to the Sinopec Zhenhai refinery.", "Sinopec", id="company-before-facility-name"),
    row("Shipping data from MarineWatch.com showed more tankers.", "MarineWatch.com", id="web-name"),
    row("Write to press@OilWatch.com or see www.example.com/Report.com for details.", id="not-web-address"),
]

# --- family 4: officials ----------------------------------------------------------------------------------
OFFICIALS = [
    # credits
    row("Tehran taps new route\n\nMARIA DELGADO, Staff writer\n\nIran signed a deal on Monday.",
        ("Maria Delgado", None, None), id="caps-byline-staff-writer"),
    row("Tehran taps new route\n\nKAREN HOLT, Senior correspondent\n\nIran signed a deal.",
        ("Karen Holt", None, None), id="caps-byline-correspondent"),
    row("Exports rose 3 percent.\n\nThe rial fell.\n\n— With assistance from Omid Farahani\n",
        ("Omid Farahani", None, None), id="with-assistance-dash"),
    row("Exports rose 3 percent.\n\nWith assistance from Dana Whitfield and Reza Amini\n",
        ("Dana Whitfield", None, None), ("Reza Amini", None, None), id="with-assistance-two"),
    # "of X.com"
    row('"Loadings rose," said Erik Lund, co-founder of OilWatch.com.',
        ("Erik Lund", "co-founder", "OilWatch.com"), id="cofounder-of-dotcom"),
    # lowercase domain words before an office; "TITLE at ORG"
    row("Flows may slow, said Nadia Qureshi, lead oil analyst at research firm Energex.",
        ("Nadia Qureshi", "lead oil analyst", "Energex"), id="domain-words-analyst"),
    row("Azerbaijan's state energy company Azerpower sent 150 megawatts. Tural Aliyev, head of the press "
        "service at Azerpower, said flows would rise.",
        ("Tural Aliyev", "head of the press service", "Azerpower"), id="title-at-described-company"),
    row("Flows rose, said Kpler senior crude analyst Omid Shams.", ("Omid Shams", "senior crude analyst", "Kpler"),
        id="org-domain-words-office-name"),
    row("Kpler's chief oil economist Nima Sadri expects a rebound.", ("Nima Sadri", "chief oil economist", "Kpler"),
        id="org-possessive-domain-words-office-name"),
    row("IRNA quoted deputy minister Ali Karimi as saying exports rose.", ("Ali Karimi", "deputy minister", None),
        id="verb-between-org-and-office"),
    row("Prices rose, said Lena Park, an economist at Bloomberg Economics.",
        ("Lena Park", "economist", "Bloomberg Economics"), id="economist-at-outlet-unit"),
    row("Hamid Rahimi, the secretary of the Syndicate of Iranian Cement Producers, said sales fell.",
        ("Hamid Rahimi", "secretary", "Syndicate of Iranian Cement Producers"), id="secretary-of-syndicate"),
    row("Output rose, according to Sima Karimi, head of the Carpets Department at the Ministry of Industry, "
        "Mine and Trade.",
        ("Sima Karimi", "head of the Carpets Department", "Ministry of Industry, Mine and Trade"),
        id="named-unit-at-parent"),
    # "then", a foreign office's domain
    row("Sanctions returned under then US president Barack Obama.", ("Barack Obama", "US president", None),
        id="then-us-president"),
    row("The accord was signed by then Turkish Energy Minister Taner Yildiz.",
        ("Taner Yildiz", "Turkish Energy Minister", None), id="then-foreign-minister"),
    row("The accord was signed by then-President Hassan Rouhani.", ("Hassan Rouhani", "President", None),
        id="then-hyphen-president"),
    row("Indian External Affairs Minister Vikram Rao met his Iranian counterpart.",
        ("Vikram Rao", "Indian External Affairs Minister", None), id="external-affairs"),
    row("Sanctions returned in 2018 under former US President Donald Trump.",
        ("Donald Trump", "former US President", None), id="former-stays"),
    # "the company's managing director" resolved in the next sentence
    row("Tehran Cement Company exported 2 million tons, the company's managing director said on Monday.\n\n"
        "Ali Moradi told IRNA that Iraq bought most of it.",
        ("Ali Moradi", "managing director", "Tehran Cement Company"), id="company-anaphor-next-sentence"),
    row("Bank Sepah lent $2 billion, the bank's chief executive said. Reza Navabi told reporters that "
        "demand was high.",
        ("Reza Navabi", "chief executive", "Bank Sepah"), id="bank-anaphor-next-sentence"),
    # must not match: a thing named after a person
    row("Buyers abroad prefer the Hossein Akbari variety.", id="variety-not-a-person"),
    row("Farmers grow Akbari and Kaleh Ghouchi varieties for export.", id="varieties-not-a-person"),
    row("Hossein Akbari said the harvest was good.", ("Hossein Akbari", None, None), id="person-still-a-person"),
    # must not take an office from a clause about someone else
    row("Omid Rahimi, whose brother was director of a bank, said rates fell.", ("Omid Rahimi", None, None),
        id="no-office-in-relative-clause"),
    row("Mina Tavakoli, now managing director of Kaveh Glass Company, said sales rose.",
        ("Mina Tavakoli", "managing director", "Kaveh Glass Company"), id="now-before-office"),
    row("The country's oil minister said output rose. Javad Owji told reporters it would rise further.",
        ("Javad Owji", "oil minister", None), id="country-possessive-not-an-organization"),
    # must not match: a capitals line that is no byline
    row("TEHRAN TIMES\n\nIran signed a deal on Monday.", id="caps-outlet-line-not-a-person"),
]


@pytest.mark.parametrize("text,expected", DESCRIBED + NAMED + NOT_BODIES)
def test_organizations_round8(text, expected):
    record = extract(text, published="2021-06-01")
    assert record.check_offsets(text) == []
    assert [o.name for o in record.organizations] == expected


@pytest.mark.parametrize("text,expected", OFFICIALS)
def test_officials_round8(text, expected):
    record = extract(text, published="2021-06-01")
    assert record.check_offsets(text) == []
    assert [(o.name, o.title, o.organization) for o in record.officials] == expected


@pytest.mark.parametrize("text,acronym,count", [
    pytest.param("By MEE correspondent in Tehran\n\nDealers told Middle East Eye that prices rose. Buyers told MEE "
                 "the same.", "MEE", 3, id="byline-acronym-joins-outlet"),
    pytest.param("UN sanctions returned. The United Nations said so.", "UN", 2, id="un-joins-united-nations"),
])
def test_acronym_joins_full_name(text, acronym, count):
    record = extract(text, published="2021-06-01")
    [org] = [o for o in record.organizations if o.acronym == acronym]
    assert len(org.mentions) == count


def test_byline_acronym_alone_is_an_outlet():
    record = extract("By ISNA staff\n\nExports rose.", published="2021-06-01")
    assert [o.name for o in record.organizations] == ["ISNA"]
    assert record.officials == []
