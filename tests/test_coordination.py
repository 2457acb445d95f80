"""The list parser (extractor/coordination.py), apart from any component.

Items and amounts are found here by two small hand-written finders (a fixed
list of names, and "$N", "€N", "N billion rials"); each row gives the text,
the lists expected (item texts per conjunct, per coordination), and the
(item, amount) pairs expected, as RECORDS.md reads them.
"""

from __future__ import annotations

import re

import pytest

from extractor.coordination import amount_runs, parse

NAMES = ["the United Arab Emirates", "United Arab Emirates", "the Czech Republic", "South Korea", "Hong Kong",
         "UAE", "Iraq", "Afghanistan", "Pakistan", "Oman", "Kenya", "Ghana", "Georgia", "Armenia", "Kazakhstan",
         "Russia", "Spain", "China", "Turkey", "Qatar", "Kuwait", "Syria", "India", "Bank Mellat", "Bank Sepah",
         "Post Bank", "Bank Tejarat"]
ITEM = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in sorted(NAMES, key=len, reverse=True)) + r")(?![\w])")
AMOUNT = re.compile(r"[$€]\s?\d[\d.,]*(?:\s*(?:billion|million|bn|m|b)\b)?|\d[\d,]*\s+billion\s+rials|\d+\s*percent")


def read(text, respectively=None):
    items = [m.span() for m in ITEM.finditer(text)]
    amounts = [m.span() for m in AMOUNT.finditer(text) if "percent" not in m.group()]
    if respectively is None:
        respectively = "respectively" in text
    p = parse(text, items, amounts, respectively=respectively)

    def name(i):
        return text[slice(*items[i])]

    def amount(k):
        return text[slice(*amounts[k])]

    lists = [[[name(i) for i in conj.items] for conj in c.conjuncts] for c in p.coordinations]
    pairs = [(name(i), amount(k)) for i, k in p.pairs()]
    extra = {"sellers": sorted(name(i) for i in p.sellers),
             "acronyms": {name(a): name(h) for a, h in p.acronym_of.items()},
             "shares": [name(i) for c in p.coordinations for conj in c.conjuncts if conj.share for i in conj.items]}
    return lists, pairs, extra


ROWS = [
    # (text, lists, pairs)
    ("The main buyers were Iraq, Afghanistan and Pakistan.",
     [[["Iraq", "Afghanistan", "Pakistan"]]], []),
    ("Exports went to Iraq, Afghanistan, as well as Pakistan.",
     [[["Iraq", "Afghanistan", "Pakistan"]]], []),
    ("Exports to the United Arab Emirates (UAE), Iraq and China were $1.2bn, $364m and $1.49 billion respectively.",
     [[["the United Arab Emirates", "Iraq", "China"]]],
     [("the United Arab Emirates", "$1.2bn"), ("Iraq", "$364m"), ("China", "$1.49 billion")]),
    ("Iraq, Afghanistan and Pakistan were the top three destinations with $320 million, $216 million, and "
     "$51 million worth of imports respectively.",
     [[["Iraq", "Afghanistan", "Pakistan"]]],
     [("Iraq", "$320 million"), ("Afghanistan", "$216 million"), ("Pakistan", "$51 million")]),
    ("Iraq, Afghanistan and Turkey were the main buyers at $1.2 billion, $640 million and $310 million.",
     [[["Iraq", "Afghanistan", "Turkey"]]],
     [("Iraq", "$1.2 billion"), ("Afghanistan", "$640 million"), ("Turkey", "$310 million")]),
    ("The main buyers of Iranian steel were Pakistan ($1b), Iraq ($364m) and Oman ($80m).",
     [[["Pakistan"], ["Iraq"], ["Oman"]]],
     [("Pakistan", "$1b"), ("Iraq", "$364m"), ("Oman", "$80m")]),
    ("Next came Oman with $300 million, Kenya and Ghana with $120 million each, and Georgia with $90 million.",
     [[["Oman"], ["Kenya", "Ghana"], ["Georgia"]]],
     [("Oman", "$300 million"), ("Kenya", "$120 million"), ("Ghana", "$120 million"), ("Georgia", "$90 million")]),
    ("Russia led the buyers at $310 million, while Armenia and Kazakhstan took $164 million each.",
     [[["Russia"], ["Armenia", "Kazakhstan"]]],
     [("Russia", "$310 million"), ("Armenia", "$164 million"), ("Kazakhstan", "$164 million")]),
    ("Iraq was the top buyer at $1 billion, followed by Afghanistan at $364 million.",
     [[["Iraq"], ["Afghanistan"]]], [("Iraq", "$1 billion"), ("Afghanistan", "$364 million")]),
    ("Oman followed with $300 million, ahead of Qatar ($120m) and Kuwait ($40m).",
     [[["Oman"], ["Qatar"], ["Kuwait"]]], [("Oman", "$300 million"), ("Qatar", "$120m"), ("Kuwait", "$40m")]),
    ("Of the total, $410 million went to Iraq, $220 million to Afghanistan and $95 million to Armenia.",
     [[["Iraq"], ["Afghanistan"], ["Armenia"]]],
     [("Iraq", "$410 million"), ("Afghanistan", "$220 million"), ("Armenia", "$95 million")]),
    ("Iraq imported $1.1 billion of goods, Afghanistan $540 million and Pakistan $320 million.",
     [[["Iraq"], ["Afghanistan"], ["Pakistan"]]],
     [("Iraq", "$1.1 billion"), ("Afghanistan", "$540 million"), ("Pakistan", "$320 million")]),
    ("Exports to Turkey and the UAE stood at $164 million each.",
     [[["Turkey", "UAE"]]], [("Turkey", "$164 million"), ("UAE", "$164 million")]),
    ("China, Iraq and the UAE were the top destinations, each buying more than $1 billion of goods.",
     [[["China", "Iraq", "UAE"]]], [("China", "$1 billion"), ("Iraq", "$1 billion"), ("UAE", "$1 billion")]),
    ("Exports of 1,000 billion rials went to Iraq.", [[["Iraq"]]], [("Iraq", "1,000 billion rials")]),
    ("Exports to South Korea hit €55 million.", [[["South Korea"]]], [("South Korea", "€55 million")]),
    ("Oman, Kenya and Ghana remained the biggest markets for Persian carpets at $70 million, $30 million and "
     "$10 million.", [[["Oman", "Kenya", "Ghana"]]],
     [("Oman", "$70 million"), ("Kenya", "$30 million"), ("Ghana", "$10 million")]),
    ("Oman, Kenya and Ghana remained the biggest markets, the INCC said, at $70 million, $30 million and "
     "$10 million.", [[["Oman", "Kenya", "Ghana"]]],
     [("Oman", "$70 million"), ("Kenya", "$30 million"), ("Ghana", "$10 million")]),  # a parallel list, far
    ("China, which bought most of the ore, stayed the main customer at $386 million.",
     [[["China"]]], [("China", "$386 million")]),
    ("Iraq led with $2 billion, followed by China, which bought $1.5 billion.",
     [[["Iraq"], ["China"]]], [("Iraq", "$2 billion"), ("China", "$1.5 billion")]),
    ("Most of it went to Spain, with Oman and Kenya taking the rest.",
     [[["Spain", "Oman", "Kenya"]]], []),  # "with" joins a receiving conjunct, like "while"
    # --- must not pair ------------------------------------------------------------------------------
    ("Oman, Kenya and Ghana remained the biggest markets for Persian carpets, and Iraq took $70 million and "
     "$30 million.", [[["Oman", "Kenya", "Ghana"]], [["Iraq"]]], [("Iraq", "$70 million")]),
    ("Oman, Kenya and Ghana remained the biggest markets, the INCC said, at $70 million, $30 million, "
     "$10 million.", [[["Oman", "Kenya", "Ghana"]]], []),  # far, no "and", no "respectively": not a parallel list
    ("Iran exported goods worth $400 million to Turkey, Oman and Syria.",
     [[["Turkey", "Oman", "Syria"]]], []),  # a total, not Turkey's
    ("Exports to Turkey and Oman reached $400 million.",
     [[["Turkey", "Oman"]]], []),  # a joint figure
    ("Exports to Iraq hit $1.2 billion, while China sold $5 billion of goods to Iran.",
     [[["Iraq"]], [["China"]]], [("Iraq", "$1.2 billion")]),
    ("Iraq bought $1.5 billion, and China exported $2 billion worth of goods to Iran.",
     [[["Iraq"]], [["China"]]], [("Iraq", "$1.5 billion")]),
    # the parser reads structure only; that China is an import source is the component's call
    ("Exports to Iraq stood at $2 billion, while imports from China were $1.5 billion.",
     [[["Iraq"]], [["China"]]], [("Iraq", "$2 billion"), ("China", "$1.5 billion")]),
    ("Exports to Iraq stood at $2 billion, while Syria was hit by war.",
     [[["Iraq"]], [["Syria"]]], [("Iraq", "$2 billion")]),  # "while" joins only a receiving conjunct
    ("Iraq and Syria took $2 billion and $1 billion, compared with $3 billion in 2018.",
     [[["Iraq", "Syria"]]], [("Iraq", "$2 billion"), ("Syria", "$1 billion")]),
    # --- organizations: the same parser -------------------------------------------------------------
    ("Bank Mellat, Bank Sepah, Bank Tejarat and Post Bank signed the deal.",
     [[["Bank Mellat", "Bank Sepah", "Bank Tejarat", "Post Bank"]]], []),
]


@pytest.mark.parametrize("text, lists, pairs", ROWS)
def test_lists_and_pairs(text, lists, pairs):
    got_lists, got_pairs, _ = read(text)
    assert got_lists == lists
    assert got_pairs == pairs


def test_acronym_is_not_an_item():
    _, _, extra = read("Exports to the United Arab Emirates (UAE) and Iraq rose.")
    assert extra["acronyms"] == {"UAE": "the United Arab Emirates"}


@pytest.mark.parametrize("text, sellers", [
    ("China sold $5 billion of goods to Iran.", ["China"]),
    ("Turkey was the top seller to Iran.", ["Turkey"]),
    ("Turkey’s exports to Iran rose.", ["Turkey"]),
    ("Exports to Turkey rose.", []),
    ("Iraq bought $2 billion of goods.", []),
])
def test_sellers(text, sellers):
    assert read(text)[2]["sellers"] == sellers


def test_shares_before_their_items():
    lists, pairs, extra = read("Some 45 percent went to Spain, 20 percent to Oman and 10 percent to India.")
    assert lists == [[["Spain"], ["Oman"], ["India"]]]
    assert pairs == []
    assert extra["shares"] == ["Spain", "Oman", "India"]


def test_shares_go_on_after_the_first():
    lists, pairs, extra = read("Spain took 35 percent, followed by the Czech Republic with 16 percent and India "
                               "with 9 percent.")
    assert lists == [[["Spain"], ["the Czech Republic"], ["India"]]]
    assert pairs == []
    assert extra["shares"] == ["Spain", "the Czech Republic", "India"]


def test_respectively_needs_a_run_as_long_as_the_list():
    assert read("Iraq, Oman and Syria took $2 billion and $1 billion respectively.")[1] == []


def test_amount_runs():
    text = "$320 million, $216 million, and about $51 million, up from $40 million"
    spans = [m.span() for m in AMOUNT.finditer(text)]
    assert amount_runs(text, spans) == [[0, 1, 2], [3]]


def test_nothing_to_read():
    assert parse("", [], []).coordinations == []
    assert parse("Iraq", [(0, 4)], []).pairs() == []


def test_restatements_stay_inside_a_run():
    text = ("Oman, Iraq and Georgia bought $300 million (about 10 trillion rials), $200 million (7 trillion rials) "
            "and $90 million, respectively.")
    items = [m.span() for m in ITEM.finditer(text)]
    # the caller passes the primary amounts only: the restatements in brackets are not list amounts
    amounts = [m.span() for m in AMOUNT.finditer(text)]
    p = parse(text, items, amounts, respectively=True)
    assert [(text[slice(*items[i])], text[slice(*amounts[k])]) for i, k in p.pairs()] == [
        ("Oman", "$300 million"), ("Iraq", "$200 million"), ("Georgia", "$90 million")]


def test_a_restated_amount_does_not_end_the_list():
    lists, pairs, _ = read("The buyers were Oman at $300 million (10 trillion rials) and Iraq at $200 million.")
    assert lists == [[["Oman"], ["Iraq"]]]
    assert pairs == [("Oman", "$300 million"), ("Iraq", "$200 million")]
