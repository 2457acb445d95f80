"""scripts/peer_money.py: conversion to RECORDS units and the counting, on
small checkouts written here in the four suites' file formats with phrases
of our own (the real suites are read from local checkouts, never copied).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.records import Money

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def peer():
    spec = importlib.util.spec_from_file_location("peer_money", ROOT / "scripts" / "peer_money.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["peer_money"] = module  # its dataclasses look their module up
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop("peer_money", None)


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture()
def checkouts(tmp_path):
    rt = tmp_path / "rt"
    _write(rt, ".git/HEAD", "")  # a work tree, not a bare directory
    _write(rt, "Specs/NumberWithUnit/English/CurrencyModel.json", json.dumps([
        {"Input": "The mill paid $ 12 million for ore .",
         "Results": [{"Text": "$ 12 million", "Start": 14, "End": 25,
                      "Resolution": {"value": "12000000", "unit": "Dollar"}}]},
        {"Input": "Bread rose 15 cents .",
         "Results": [{"Text": "15 cents", "Start": 11, "End": 18,
                      "Resolution": {"value": "15", "unit": "Cent"}}]},
        {"Input": "It cost 4 dollars 25 .",  # decimals as a bare trailing number: out of scope
         "Results": [{"Text": "4 dollars 25", "Start": 8, "End": 19,
                      "Resolution": {"value": "4.25", "unit": "Dollar"}}]},
        {"Input": "Seven ships left port .", "Results": []},
    ]))
    dk = tmp_path / "dk"
    _write(dk, ".git/HEAD", "")
    _write(dk, "Duckling/AmountOfMoney/EN/Corpus.hs", '''
allExamples :: [Example]
allExamples = concat
  [ examples (simple EUR 30)
             [ "30 euros"
             , "\\x20ac\\&30"
             ]
  , examples (between INR (4, 6e5))
             [ "4-6 lakh rupees"
             ]
  , examples (simple Unnamed 9)
             [ "9 bucks"
             ]
  ]
''')
    qt = tmp_path / "qt"
    _write(qt, ".git/HEAD", "")
    _write(qt, "quantulum3/_lang/en_US/tests/quantities.json", json.dumps([
        {"req": "A bag of 40 pounds of rice sold for $12.", "res": [
            {"value": 40, "unit": "pound-mass", "surface": "40 pounds"},
            {"value": 12, "unit": "dollar", "surface": "$12"}]},
    ]))
    _write(qt, "quantulum3/_lang/en_US/tests/quantities.ambiguity.json", "[]")
    pp = tmp_path / "pp"
    _write(pp, ".git/HEAD", "")
    _write(pp, "tests/test_price_parsing.py", '''
EXAMPLES = [
    Example(None, "US$ 1,250.50", "US$", "1,250.50", 1250.50),
    Example(None, "45,00 EUR", "EUR", "45,00", 45.0, decimal_separator=","),
    Example(None, "99 zl", "zl", "99", 99),
]
''')
    return {"recognizers": rt, "duckling": dk, "quantulum": qt, "price-parser": pp}


def test_conversion_to_records_units(peer, checkouts):
    cases, skipped = peer.recognizers_cases(peer.Checkout(str(checkouts["recognizers"])))
    assert [(e.surface, e.amount, e.currency) for c in cases for e in c.expected] == [
        ("$ 12 million", Decimal("12000000"), "USD"), ("15 cents", Decimal("0.15"), "USD")]
    assert sum(skipped.values()) == 1
    cases, _ = peer.duckling_cases(peer.Checkout(str(checkouts["duckling"])))
    assert [c.text for c in cases] == ["30 euros", "€30", "4-6 lakh rupees"]
    # RECORDS: the first of a range borrows the shared scale ("4" -> 400,000)
    assert [e.amount for e in cases[2].expected] == [Decimal("400000"), Decimal("600000")]
    cases, skipped = peer.price_parser_cases(peer.Checkout(str(checkouts["price-parser"])))
    assert [(c.text, c.expected[0].amount) for c in cases] == [("US$ 1,250.50", Decimal("1250.5"))]
    assert sum(skipped.values()) == 2


def test_counting_right_wrong_missed_and_false_positives(peer, checkouts):
    cases, _ = peer.quantulum_cases(peer.Checkout(str(checkouts["quantulum"])))

    def fake(text):  # a weight read as money, and the dollars with a wrong amount
        return [Money(start=9, end=18, text=text[9:18], amount=Decimal(40), currency="GBP"),
                Money(start=36, end=39, text=text[36:39], amount=Decimal(13), currency="USD")]

    r = peer.score(cases, fake)
    assert (r["expected"], r["detected"], r["value_right"], r["silent_wrong"], r["false_positives"]) == (1, 1, 0, 1, 1)


def test_main_reports_every_suite(peer, checkouts, tmp_path, capsys):
    out = tmp_path / "figures.json"
    peer.main(["--recognizers", str(checkouts["recognizers"]), "--duckling", str(checkouts["duckling"]),
               "--quantulum", str(checkouts["quantulum"]), "--price-parser", str(checkouts["price-parser"]),
               "--json", str(out)])
    figures = json.loads(out.read_text())
    assert set(figures) == {"recognizers", "duckling", "quantulum", "price-parser"}
    assert all(f["silent_wrong"] == 0 and f["value_rate"] == 1.0 for f in figures.values())
    assert figures["quantulum"]["false_positives"] == 0
