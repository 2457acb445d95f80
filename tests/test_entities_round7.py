"""Organizations and officials: the families of round 7, in phrases of our own.

Officials rows are ``(text, [(name, title, organization), ...])`` for every
named person of the text, sorted by first mention; organization rows are
``(text, [name, ...])`` (the ``name`` of every organization, sorted by first
mention).  Expected values follow RECORDS.md (second round):

* credits: a person named in a byline or a wire credit, however it is
  written, is an official with title and organization null; a place or a
  single word alone on a line is not a person;
* organization names: a country written before a name that starts with an
  organization word is part of it; a named unit of an organization ("the X
  Committee of ORG") stays in the office's title with the parent as
  organization; a body may be named after a common noun of its kind
  ("consultancy X", "the X magazine");
* office attachment: a modifier before a foreign state's word stays in the
  title; an office takes a ministry named elsewhere only when exactly one fits;
  an outlet in a dateline is nobody's organization; a definite office ("the
  governor") of a person already named is not given to the next person.

Rows with an empty list must not match; xfail rows are known failures (strict).
"""

from __future__ import annotations

import pytest

from extractor import extract
from phrase_tables import row


CREDITS = [
    # --- a name alone on its own line at the top or the bottom --------------------------------------
    row("Rial slides again\n\nThe currency fell for a third week.\n\nMehdi Rostami\n\nThe rial lost 4 percent "
        "on Sunday.", ("Mehdi Rostami", None, None), id="name-line-under-standfirst"),
    row("Steel exports recover\n\nClara Winslow\n14 March 2021\n\nShipments rose 7 percent.",
        ("Clara Winslow", None, None), id="name-line-before-day-month-year"),
    row("Steel exports recover\n\nClara Winslow\nMarch 14, 2021\n\nShipments rose 7 percent.",
        ("Clara Winslow", None, None), id="name-line-before-month-day-year"),
    row("Exports rose 5 percent in May.\n\nImports fell.\n\nSaeed Karimi\n", ("Saeed Karimi", None, None),
        id="name-line-at-the-bottom"),
    row("Rial slides\n\nNora Ellison | Gulf Business Review\n\nThe rial fell 3 percent.",
        ("Nora Ellison", None, None), id="name-and-outlet-line"),
    row("Rial slides\n\nWritten by Amir Hosseini\n\nThe rial fell 3 percent.", ("Amir Hosseini", None, None),
        id="written-by"),
    row("Exports rose.\n\nReported by Leyla Aliyeva\n", ("Leyla Aliyeva", None, None), id="reported-by"),
    row("Exports rose 3 percent.\n\n(Reporting by Jonas Berg; additional reporting by Parisa Sadr; "
        "Editing by Tom Hale)\n",
        ("Jonas Berg", None, None), ("Parisa Sadr", None, None), ("Tom Hale", None, None),
        id="wire-credit-additional-lowercase"),
    row("Exports rose 3 percent.\n\nReporting By Jonas Berg; Editing By Tom Hale\n",
        ("Jonas Berg", None, None), ("Tom Hale", None, None), id="wire-credit-capital-by"),
    row("Rial slides\n\nAuthor: Nima Sadri\n\nThe rial fell 3 percent.", ("Nima Sadri", None, None), id="author-colon"),
    row("Rial slides\n\nBy Sam Hollins, Petroleum Economist\n\nThe rial fell.", ("Sam Hollins", None, None),
        id="byline-comma-outlet-not-a-person"),
    row("Rial slides\n\nNima Sadri\nTehran Times\n\nThe rial fell.", ("Nima Sadri", None, None),
        id="name-line-above-outlet-line"),
    # --- not people ------------------------------------------------------------------------------------
    row("TEHRAN\n\nExports rose 5 percent.", id="not-dateline-city-line"),
    row("Kangan\n\nGas output rose 5 percent.", id="not-place-word-line"),
    row("Rial Hits New Low\n\nThe rial fell.", id="not-headline-line"),
    row("Exports rose.\n\nBandar Abbas\n", id="not-two-word-place-line"),
    row("Market Watch | Tehran Times\n\nThe rial fell.", id="not-column-and-outlet-line"),
    row("Rial slides\n\nReza Shah Street\n\nShops closed early.", id="not-street-named-after-person"),
    row("Flights to Imam Khomeini Airport rose 4 percent.", id="not-airport-named-after-person"),
    row("New units at Kangan and Mahshahr added to output in May.", id="not-place-before-added-to"),
    row("Higher prices at Assaluyeh added to revenue.", id="not-place-added-to-alone"),
]


OFFICES = [
    # --- units of an organization -----------------------------------------------------------------------
    row("Kaveh Zargaran, head of the Energy Committee of Iran's House of Industry, Mining and Trade, said "
        "power sales rose.",
        ("Kaveh Zargaran", "head of the Energy Committee", "House of Industry, Mining and Trade"),
        id="named-committee-of-possessed-body"),
    row("Reza Amini, head of the Energy Commission of the Iran Chamber of Commerce, said sales rose.",
        ("Reza Amini", "head of the Energy Commission", "Iran Chamber of Commerce"), id="named-commission-of-body"),
    row("Reza Amini, head of ICCIMA's Energy Committee, said sales rose.",
        ("Reza Amini", "head of the Energy Committee", "ICCIMA"), id="named-committee-after-possessive"),
    row("Nader Jalali, chairman of the mining commission of the Tehran Chamber of Commerce, said ore sales fell.",
        ("Nader Jalali", "chairman of the mining commission", "Tehran Chamber of Commerce"),
        id="lowercase-commission-after-name"),
    row("Carpet exports fell 9 percent, the deputy head of the handicrafts committee of the Tehran Chamber of "
        "Commerce said on Monday. According to Laleh Rahimi, buyers in Europe cut orders.",
        ("Laleh Rahimi", "deputy head of the handicrafts committee", "Tehran Chamber of Commerce"),
        id="lowercase-committee-unnamed-office-next-sentence"),
    # --- organization names ----------------------------------------------------------------------------------
    row("Javad Farahani, a spokesman for the Iran House of Industry, Mining and Trade, said sales grew.",
        ("Javad Farahani", "spokesman", "Iran House of Industry, Mining and Trade"), id="country-in-name"),
    row("Consultancy Meridex Energy said loadings rose. Meridex Energy Chief Executive Paul Danner said more would "
        "follow.", ("Paul Danner", "Chief Executive", "Meridex Energy"), id="office-of-described-company"),
    # --- modifiers and states ----------------------------------------------------------------------------
    row("Sanctions returned in 2018 under former US President Donald Trump.",
        ("Donald Trump", "former US President", None), id="former-before-state"),
    row("The deal was signed by then Iraqi Prime Minister Adel Abdul-Mahdi.",
        # round 8: "then" dates the office and is no part of it ("former" is kept, as in the gold)
        ("Adel Abdul-Mahdi", "Iraqi Prime Minister", None), id="then-before-state"),
    row("Iranian President Masoud Pezeshkian said the budget was ready.",
        ("Masoud Pezeshkian", "President", None), id="iranian-state-dropped"),
    # --- a ministry named elsewhere -----------------------------------------------------------------------
    row("Visitors rose 9 percent, Omid Sharifi, the deputy minister for tourism, said. The Ministry of Cultural "
        "Heritage, Tourism and Handicrafts expects more.",
        ("Omid Sharifi", "deputy minister for tourism",
         "Ministry of Cultural Heritage, Tourism and Handicrafts"), id="domain-in-the-one-ministry"),
    row("Visitors rose, Omid Sharifi, the deputy minister for tourism, said. The Ministry of Cultural Heritage, "
        "Tourism and Handicrafts and the Ministry of Sports and Tourism agreed.",
        ("Omid Sharifi", "deputy minister for tourism", None), id="not-domain-in-two-ministries"),
    row("Visitors rose, Omid Sharifi, the deputy minister for tourism, said. The Ministry of Roads agreed.",
        ("Omid Sharifi", "deputy minister for tourism", None), id="not-domain-in-another-ministry"),
    row("Minister Bahram Nouri said the Ministry of Agriculture would buy more wheat.",
        ("Bahram Nouri", "Minister", "Ministry of Agriculture"), id="bare-minister-one-ministry"),
    row("Minister Bahram Nouri said the Ministry of Agriculture and the Ministry of Energy would meet.",
        ("Bahram Nouri", "Minister", None), id="not-bare-minister-two-ministries"),
    # --- datelines ------------------------------------------------------------------------------------------
    row("Tehran, IRNA – President Masoud Pezeshkian sent the bill to parliament.",
        ("Masoud Pezeshkian", "President", None), id="dateline-outlet-comma"),
    row("DUBAI (Reuters) - Chief Executive Omar Saleh said the port would grow.",
        ("Omar Saleh", "Chief Executive", None), id="dateline-outlet-brackets"),
    row("Tehran, IRNA – IRNA Director Ali Naderi said coverage grew.",
        ("Ali Naderi", "Director", "IRNA"), id="outlet-office-after-dateline"),
    # --- an office of a person named before -------------------------------------------------------------
    row("CBI Governor Ali Rahmani defended the rate. The governor said the market would calm. Rahmani, who "
        "replaced Karim Sadeghi in 2022, spoke on TV.",
        ("Ali Rahmani", "Governor", "CBI"), ("Karim Sadeghi", None, None), id="the-governor-is-the-governor"),
    row("NIOC's deputy director Reza Parvizi spoke first. The director said sales rose. Hadi Ansari, who took "
        "over in May, agreed.",
        ("Reza Parvizi", "deputy director", "NIOC"), ("Hadi Ansari", "director", None),
        id="a-deputy-is-not-the-office"),
    # --- an office given after the name, two offices ---------------------------------------------------
    row("Hamid Karimi, who is also the head of the Trade Promotion Organization, said trade rose.",
        ("Hamid Karimi", "head", "Trade Promotion Organization"), id="who-is-office"),
    row("Sahar Mobini, who serves as spokeswoman for Saipa, said output rose.",
        ("Sahar Mobini", "spokeswoman", "Saipa"), id="who-serves-as-office"),
    row("Hamid Karimi, who was questioned by reporters, said trade rose.", ("Hamid Karimi", None, None),
        id="not-who-clause-without-office"),
    row("Parsa Alavi, director general of the Trade Promotion Organization's Arab and African affairs office, "
        "said sales rose.",
        ("Parsa Alavi", "director general of the Arab and African affairs office", "Trade Promotion Organization"),
        id="lowercase-unit-after-possessive"),
    row("Parsa Alavi, head of the export department at the Tehran Chamber of Commerce, said sales fell.",
        ("Parsa Alavi", "head of the export department", "Tehran Chamber of Commerce"), id="lowercase-unit-at-org"),
    row("Parsa Alavi, head of the Trade Promotion Organization and deputy industry minister, said sales fell.",
        ("Parsa Alavi", "head", "Trade Promotion Organization"), id="two-offices-org-first"),
    row("Carpet sales rose 5 percent, the head of the Trade Promotion Organization said. According to Parsa "
        "Alavi, who is also a deputy minister of industry, buyers paid more.",
        ("Parsa Alavi", "head", "Trade Promotion Organization"), id="two-offices-unnamed-one-tied-to-org"),
    row("Carpet sales rose 5 percent, the head of the Trade Promotion Organization said. According to Parsa "
        "Alavi, Saipa's managing director, buyers paid more.",
        ("Parsa Alavi", "managing director", "Saipa"), id="not-office-with-org-replaced"),
    row("Ali Rezaei met Hamid Karimi, the head of the Trade Promotion Organization. The former said trade rose.",
        ("Ali Rezaei", None, None), ("Hamid Karimi", "head", "Trade Promotion Organization"),
        id="not-the-former-as-office"),
    # --- the former, the latter: no office read from them ------------------------------------------------
    row("The latter, Hamid Karimi, said trade rose.", ("Hamid Karimi", None, None), id="not-the-latter-office"),
    row("Ali Rezaei met Hamid Karimi on Monday; the former heads the Trade Promotion Organization.",
        ("Ali Rezaei", None, None), ("Hamid Karimi", None, None), id="not-the-former-verb-heads"),
    row("Hamid Karimi met the former head of the Trade Promotion Organization, Ali Rezaei.",
        ("Hamid Karimi", None, None), ("Ali Rezaei", "former head", "Trade Promotion Organization"),
        id="former-as-modifier-before-name"),
    # --- spellings -----------------------------------------------------------------------------------------
    row("Seyed Javad Sadeqi-Nejad told IRNA that taxes rose. Receipts grew, Sadeghinejad said.",
        ("Seyed Javad Sadeqi-Nejad", None, None), id="q-gh-and-hyphen-variant"),
    row("Farhad Ghasemi said exports rose. Qasemi added that imports fell.",
        ("Farhad Ghasemi", None, None), id="gh-q-variant"),
    row("Farhad Ghasemi said exports rose. Hashemi added that imports fell.",
        ("Farhad Ghasemi", None, None), ("Hashemi", None, None), id="not-variant-other-surname"),
]


ORGANIZATIONS = [
    # --- a country before a name starting with an organization word ----------------------------------
    row("The Iran House of Industry, Mining and Trade reported sales.", "Iran House of Industry, Mining and Trade",
        id="country-before-house-of"),
    row("The Turkey Union of Chambers said trade rose.", "Turkey Union of Chambers", id="country-before-union-of"),
    row("Iran's House of Trade said sales rose.", "House of Trade", id="not-possessive-country-in-name"),
    # --- units of a possessed body ------------------------------------------------------------------------
    row("The Energy Committee of Iran's House of Industry, Mining and Trade met.",
        "House of Industry, Mining and Trade", id="committee-of-possessed-body"),
    row("The Audit Department of Oman's Central Bank of Oman met.", "Central Bank of Oman",
        id="department-of-possessed-body"),
    row("The Central Bank of Iran's governor spoke.", "Central Bank of Iran", id="not-cut-before-office"),
    row("The Energy Committee of the Iran Chamber of Commerce met.", "Iran Chamber of Commerce",
        id="named-committee-of-body"),
    row("The Tehran Chamber of Commerce's Mining Commission met.", "Tehran Chamber of Commerce",
        id="named-commission-after-possessive"),
    row("The Trade Promotion Organization of Iran met.", "Trade Promotion Organization of Iran",
        id="not-unit-organization-of-country"),
    row("The Supreme Council of Economic Coordination met.", "Supreme Council of Economic Coordination",
        id="not-unit-council-of-domain"),
    row("Data of Kazakhstan's Statistics Committee show a rise.", "Statistics Committee",
        id="not-possessor-phrase"),
    row("Numbers of Turkey's Statistical Institute show a rise.", "Statistical Institute",
        id="not-possessor-phrase-institute"),
    # --- heads ----------------------------------------------------------------------------------------------
    row("The Market Regulation Headquarters set new prices.", "Market Regulation Headquarters", id="headquarters"),
    row("The Travel Services Coordination Headquarters reported fewer accidents.",
        "Travel Services Coordination Headquarters", id="two-heads-one-name"),
    row("The Persian Gulf Energy Consultancy expects more.", "Persian Gulf Energy Consultancy", id="consultancy"),
    # --- a body named after its kind ------------------------------------------------------------------------
    row("Consultancy Meridex said loadings rose.", "Meridex", id="capitalized-descriptor"),
    row("Loadings rose, data firm Oil-Sight said.", "Oil-Sight", id="data-firm-hyphen"),
    row("Farhadi told the Persian-language daily Sobh-e Bazar that prices rose.", "Sobh-e Bazar",
        id="language-daily"),
    row("The weekly Tejarat-e Emrooz wrote that prices rose.", "Tejarat-e Emrooz", id="weekly"),
    row("According to the Gulf Trader magazine, deposits rose.", "Gulf Trader", id="magazine-after-name"),
    row("Analysts at consultancy Wood Harbor Partners expect a rise.", "Wood Harbor Partners",
        id="consultancy-multiword"),
    row("The English daily reported a rise.", id="not-language-daily"),
    row("The Iranian daily reported a rise.", id="not-nationality-daily"),
    row("The Tehran-based daily reported a rise.", id="not-based-daily"),
    row("The daily average rose 3 percent.", id="not-daily-average"),
    row("The Mashhad daily reported a rise.", id="not-city-before-daily"),
    row("The Kayhan newspaper reported a rise.", "Kayhan", id="newspaper-after-name"),
    row("Magazine sales fell.", id="not-magazine-sales"),
    row("The firm Demand for steel rose.", id="not-firm-adjective"),
    # --- the UN ---------------------------------------------------------------------------------------------
    row("Trade fell after UN sanctions returned.", "UN", id="un-sanctions"),
    row("A day after the UN nuclear agency reported, prices rose.", id="not-un-agency"),
    row("The UN Security Council met.", "UN Security Council", id="un-body-name"),
    # --- a byline's outlet -------------------------------------------------------------------------------
    row("Rial slides\n\nNora Ellison | Gulf Business Review\n\nThe rial fell.", "Gulf Business Review",
        id="outlet-after-bar-in-byline"),
    row("Rial slides\n\nMarket Watch | Daily Brief\n\nThe rial fell.", id="not-outlet-after-column-name"),
    # --- line breaks ----------------------------------------------------------------------------------------
    row("Rial slides\n\nNima Sadri\nTehran Times\n\nThe rial fell.", "Tehran Times", id="name-not-over-line-break"),
    row("Exports Rise\nTrade Promotion Organization figures show a rise.", "Trade Promotion Organization",
        id="headline-not-in-name"),
]


@pytest.mark.parametrize("text, expected", CREDITS + OFFICES)
def test_officials_round7(text, expected):
    record = extract(text, published="2021-06-01")
    assert record.check_offsets(text) == []
    assert [(o.name, o.title, o.organization) for o in record.officials] == expected


@pytest.mark.parametrize("text, expected", ORGANIZATIONS)
def test_organizations_round7(text, expected):
    record = extract(text, published="2021-06-01")
    assert record.check_offsets(text) == []
    assert [o.name for o in record.organizations] == expected


def test_variant_spelling_is_a_mention():
    text = "Seyed Javad Sadeqi-Nejad told IRNA that taxes rose. Receipts grew, Sadeghinejad said."
    [person] = extract(text).officials
    assert [m.text for m in person.mentions] == ["Seyed Javad Sadeqi-Nejad", "Sadeghinejad"]


def test_un_agency_is_no_mention_of_the_un():
    text = "UN sanctions returned. The UN nuclear agency reported."
    [org] = extract(text).organizations
    assert [m.start for m in org.mentions] == [0]


@pytest.mark.parametrize("body_lines, expected", [
    (3, ["Mehdi Rostami", "Saeed Karimi"]),
    (400, ["Mehdi Rostami", "Saeed Karimi"]),  # a long text: its top and bottom are read
])
def test_name_lines_at_both_edges(body_lines, expected):
    body = "\n\n".join("Exports rose by a small amount in the month." for _ in range(body_lines))
    text = f"Rial slides\n\nMehdi Rostami\n\n{body}\n\nSaeed Karimi\n"
    assert [o.name for o in extract(text).officials] == expected

