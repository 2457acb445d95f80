"""Measure the money component on other projects' money test tables.

Reads local checkouts (a work tree or a bare git directory; nothing of theirs
is copied into this project) of:

- microsoft/Recognizers-Text: Specs/NumberWithUnit/English/CurrencyModel.json
- facebook/duckling:          Duckling/AmountOfMoney/EN/Corpus.hs
- nielstron/quantulum3:       quantulum3/_lang/en_US/tests/quantities*.json
- scrapinghub/price-parser:   tests/test_price_parsing.py

converts their cases to RECORDS.md units (ISO 4217 currency, base units,
a range as two mentions, a negative amount as positive, cents as 0.01 of the
dollar) and runs ``find_money`` on each input.  Cases out of RECORDS' scope are
skipped and counted: amounts without a currency, currencies with no ISO 4217
code (obsolete ones, "bucks", bare "francs"), compound amounts whose decimals
come from a bare trailing number ("$20 43", "15 dollars 50"), and prices
written with a decimal comma ("45,00 €": an English news text reads that comma
as a thousands separator, so it is not a case for this genre).

Per suite it reports: expected mentions, detected (one of ours overlaps), value
right (amount within 0.1 % and currency equal), SILENT WRONG VALUES (detected
with a wrong amount or currency), and false positives (our mentions over
text the suite says is not money, e.g. weights in pounds).  ``--failures``
lists the failures grouped by family.

    python scripts/peer_money.py --recognizers PATH --duckling PATH \
        --quantulum PATH --price-parser PATH [--failures] [--json OUT]
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Optional

# ---------------------------------------------------------------------------------------
# reading a checkout


class Checkout:
    def __init__(self, path: str):
        self.path = Path(path)
        self.bare = not (self.path / ".git").exists() and (self.path / "HEAD").is_file()

    def _git(self, *args) -> str:
        flag = ["--git-dir", str(self.path)] if self.bare else ["-C", str(self.path)]
        return subprocess.run(["git", *flag, *args], check=True, capture_output=True,
                              text=True, encoding="utf-8").stdout

    def read(self, rel: str) -> str:
        if self.bare:
            return self._git("show", f"HEAD:{rel}")
        return (self.path / rel).read_text(encoding="utf-8")

    def commit(self) -> str:
        try:
            return self._git("rev-parse", "HEAD").strip()
        except Exception:  # noqa: BLE001 - a plain folder has no commit
            return "unknown"


# ---------------------------------------------------------------------------------------
# cases in RECORDS units


@dataclass
class Expected:
    start: Optional[int]  # None: the suite gives no span (the whole input is the amount)
    end: Optional[int]
    amount: Decimal
    currency: Optional[str]  # None: the suite names no ISO currency ("10 rials" in Duckling)
    surface: str


@dataclass
class Case:
    suite: str
    text: str
    expected: list[Expected] = field(default_factory=list)
    not_money: list[tuple[int, int, str]] = field(default_factory=list)  # spans that are not money
    spanless: bool = False


def _iso_codes() -> set[str]:
    import pycountry
    return {c.alpha_3 for c in pycountry.currencies}


def _compound(raw_value, text: str) -> bool:
    """A fractional value whose decimals the text writes as a bare trailing number ("$20 43",
    "15 dollars 50", "US$3 and fourteen"): no decimal point and no sub-unit word."""
    value = Decimal(str(raw_value))
    return (value != value.to_integral_value() and not re.search(r"\d\.\d", text)
            and not re.search(r"(?i)cents?\b|pence|penn|¢|\d\s?c\b|\bsens?\b|kopiyka", text))


# Recognizers-Text ----------------------------------------------------------------------

RT_UNITS = {
    "Dollar": ("USD", 1), "Cent": ("USD", Decimal("0.01")), "Pound": ("GBP", 1),
    "Pence": ("GBP", Decimal("0.01")), "Penny": ("GBP", Decimal("0.01")), "Euro": ("EUR", 1),
    "Rupee": ("INR", 1),
}


def recognizers_cases(co: Checkout) -> tuple[list[Case], Counter]:
    data = json.loads(co.read("Specs/NumberWithUnit/English/CurrencyModel.json"))
    cases, skipped = [], Counter()
    for item in data:
        text = item["Input"]
        case = Case("recognizers", text)
        ok = True
        for res in item.get("Results", []):
            r = res["Resolution"]
            iso, factor = (r["isoCurrency"], 1) if r.get("isoCurrency") else RT_UNITS.get(r.get("unit"), (None, None))
            if r.get("value") is None:
                skipped["no amount (a bare currency word)"] += 1
                ok = False
                continue
            if iso is None:
                skipped["no ISO 4217 currency (obsolete, ambiguous, crypto)"] += 1
                ok = False
                continue
            if _compound(r["value"], res["Text"]):
                skipped["decimals as a bare trailing number ('$20 43')"] += 1
                ok = False
                continue
            start, end = res["Start"], res["End"] + 1
            case.expected.append(Expected(start, end, abs(Decimal(r["value"])) * factor, iso, res["Text"]))
        if ok:
            cases.append(case)
    return cases, skipped


# Duckling ------------------------------------------------------------------------------

DUCKLING_UNITS = {"Dollar": ("USD", 1), "Cent": ("USD", Decimal("0.01")), "Pound": ("GBP", 1),
                  "Dinar": (None, 1), "Riyal": (None, 1), "Rial": (None, 1)}
SCALE_WORDS = {"thousand": 10**3, "k": 10**3, "million": 10**6, "billion": 10**9,
               "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7}


def _hs_string(s: str) -> str:
    """A Haskell string literal's text: "\\x20ac" is U+20AC; "\\&" only ends an escape."""
    s = re.sub(r"\\x([0-9a-fA-F]+)", lambda m: chr(int(m.group(1), 16)), s)
    return s.replace("\\&", "")


def duckling_cases(co: Checkout) -> tuple[list[Case], Counter]:
    src = co.read("Duckling/AmountOfMoney/EN/Corpus.hs")
    body = src[src.index("allExamples"):]
    iso = _iso_codes()
    cases, skipped = [], Counter()
    for m in re.finditer(r"examples \((simple|between|under|above) (\w+) ([^\n]*?)\)\s*\n\s*\[(.*?)\]", body, re.S):
        kind, unit, value_s, block = m.groups()
        strings = [_hs_string(s) for s in re.findall(r'"((?:[^"\\]|\\.)*)"', block)]
        if unit in iso:
            cur, factor = unit, 1
        elif unit in DUCKLING_UNITS:
            cur, factor = DUCKLING_UNITS[unit]
        else:
            skipped["no ISO 4217 currency (obsolete, ambiguous, crypto)"] += len(strings)
            continue
        values = [v.strip() for v in value_s.strip("() ").split(",")]
        for text in strings:
            if any(_compound(v, text) for v in values):
                skipped["decimals as a bare trailing number ('$20 43')"] += 1
                continue
            amounts = [Decimal(str(float(v))) * factor for v in values]
            if kind == "between":
                lo, hi = amounts
                scales = [s for w, s in SCALE_WORDS.items() if re.search(rf"(?i)\d\s*{w}\b|\b{w}\b", text)]
                if len(scales) == 1 and lo * scales[0] <= hi and lo < hi / 1000:
                    lo *= scales[0]  # RECORDS: the first of a range borrows the shared scale
                amounts = [lo, hi]
            case = Case("duckling", text, spanless=True)
            case.expected = [Expected(None, None, a.normalize(), cur, text) for a in amounts]
            cases.append(case)
    return cases, skipped


# quantulum3 ----------------------------------------------------------------------------

QUANTULUM_UNITS = {"dollar": ("USD", 1), "euro": ("EUR", 1), "pound sterling": ("GBP", 1),
                   "cent": ("USD", Decimal("0.01"))}


def quantulum_cases(co: Checkout) -> tuple[list[Case], Counter]:
    cases, skipped = [], Counter()
    for rel in ("quantulum3/_lang/en_US/tests/quantities.json",
                "quantulum3/_lang/en_US/tests/quantities.ambiguity.json"):
        for item in json.loads(co.read(rel)):
            text = item["req"]
            case = Case("quantulum", text)
            pos = 0
            for res in item["res"]:
                surface = res["surface"]
                start = text.find(surface, pos)
                if start < 0:
                    start = text.find(surface)
                end = start + len(surface)
                pos = max(pos, end)
                unit = res["unit"].split(" per ")[0]
                if unit in QUANTULUM_UNITS:
                    cur, factor = QUANTULUM_UNITS[unit]
                    value = abs(Decimal(str(res["value"])))
                    if res.get("uncertainty"):
                        unc = Decimal(str(res["uncertainty"]))
                        amounts = [value - unc, value + unc]
                    else:
                        amounts = [value]
                    for a in amounts:
                        case.expected.append(Expected(start, end, a * factor, cur, surface))
                else:
                    case.not_money.append((start, end, f"{surface} ({res['unit']})"))
            cases.append(case)
    return cases, skipped


# price-parser --------------------------------------------------------------------------

PRICE_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
               "A$": "AUD", "C$": "CAD", "CA$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD",
               "R$": "BRL", "Rs": "INR", "Rs.": "INR", "KD": "KWD", "RM": "MYR"}
# a number as English news writes one: 1,234.56 / 1234.56 / 1 234 / 1.234.567 (two dot groups)
ENGLISH_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\d{1,3}(?: \d{3})+|\d{1,3}(?:\.\d{3}){2,}")


def _literal(node):
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Decimal":
        return Decimal(node.args[0].value)
    return ast.literal_eval(node)


def price_parser_cases(co: Checkout) -> tuple[list[Case], Counter]:
    tree = ast.parse(co.read("tests/test_price_parsing.py"))
    iso = _iso_codes()
    cases, skipped = [], Counter()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Example"):
            continue
        try:
            args = [_literal(a) for a in node.args]
            kwargs = {k.arg: _literal(k.value) for k in node.keywords}
        except (ValueError, TypeError, SyntaxError):
            continue
        _, price_raw, currency, amount_text, amount = (args + [None] * 5)[:5]
        if price_raw is None or amount is None or amount_text is None:
            skipped["no amount"] += 1
            continue
        cur = PRICE_SIGNS.get(currency) or (currency if currency in iso else None)
        if cur is None or currency not in price_raw:
            skipped["no ISO 4217 currency in the text"] += 1
            continue
        if (kwargs.get("decimal_separator") == "," or re.search(r",\d{1,2}(?!\d)", amount_text)
                or "'" in amount_text):
            skipped["decimal comma (not this genre's convention)"] += 1
            continue
        if not ENGLISH_NUMBER.fullmatch(amount_text):
            skipped["malformed number ('$119. 95', '$.75')"] += 1
            continue
        if Decimal(str(amount)) == 0:
            skipped["zero amount (the component reports positive amounts)"] += 1
            continue
        start = price_raw.find(amount_text)
        if start < 0:
            skipped["amount not found in the text"] += 1
            continue
        case = Case("price-parser", price_raw)
        case.expected.append(Expected(start, start + len(amount_text), abs(Decimal(str(amount))), cur, amount_text))
        cases.append(case)
    return cases, skipped


# ---------------------------------------------------------------------------------------
# families of failures

FAMILIES = [
    ("sub-unit (cents, pence)", r"(?i)cent|pence|penn|¢"),
    ("crore / lakh", r"(?i)crore|lakh|\d,\d\d,\d{3}"),
    ("negative sign", r"(?<![\w.,])[-−(]\s?[$€£¥]?\s?\d|[$€£¥]\s?[-−]"),
    ("space or dot separator", r"\d[ \u00a0]\d{3}(?!\d)|\d\.\d{3}\.\d{3}"),
    ("symbol after number", r"\d\s?(?:[$€£¥₹₡₾₭]|US\$)"),
    ("prefixed sign", r"(?i)\b[a-z.]{1,3}\s?\$"),
    ("range", r"(?i)\d\s*(?:-|–|to|and)\s*[$€£]?\d"),
    ("scale abbreviation", r"(?i)\d\s?(?:k|m|mn|mln|mil|b|bn|bln|t|tn|trn)\b"),
    ("ISO code or abbreviation", r"\b[A-Z]{2,4}\b|\b(?:rmb|usd|eur|gbp)\b"),
    ("number words", r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|half|quarter|a)\b"),
    ("currency by name", r"(?i)[a-z]{3,}"),
]


def family(text: str) -> str:
    for name, pattern in FAMILIES:
        if re.search(pattern, text):
            return name
    return "other"


def not_money_family(text: str) -> str:
    if re.search(r"(?i)pound|lb|dram|ounce", text):
        return "not money: weight"
    return "not money: other"


# ---------------------------------------------------------------------------------------
# scoring


def _agrees(found, exp: Expected) -> bool:
    if exp.currency is not None and found.currency != exp.currency:
        return False
    if exp.amount == 0:
        return found.amount == 0
    return abs(found.amount - exp.amount) <= exp.amount * Decimal("0.001")


def score(cases: list[Case], find_money) -> dict:
    out = {"cases": len(cases), "expected": 0, "detected": 0, "value_right": 0,
           "silent_wrong": 0, "false_positives": 0, "failures": defaultdict(list)}
    for case in cases:
        try:
            found = find_money(case.text)
        except Exception as exc:  # noqa: BLE001 - a crash is a failure to report, not to hide
            found = []
            out["failures"]["crash"].append(f"{case.text!r}: {exc!r}")
        out["expected"] += len(case.expected)
        used = set()

        def candidates(exp):
            return [i for i, f in enumerate(found) if i not in used
                    and (case.spanless or (f.start < exp.end and exp.start < f.end))]

        pending = []
        for exp in case.expected:  # first pass: mentions of ours with the right value
            right = [i for i in candidates(exp) if _agrees(found[i], exp)]
            if right:
                used.add(right[0])
                out["detected"] += 1
                out["value_right"] += 1
            else:
                pending.append(exp)
        for exp in pending:  # second pass: a mention of ours over it with another value, or none
            others = candidates(exp)
            if others:
                i = others[0]
                used.add(i)
                out["detected"] += 1
                out["silent_wrong"] += 1
                out["failures"]["WRONG VALUE: " + family(exp.surface)].append(
                    f"{case.text[:110]!r}: expected {exp.surface!r} {exp.amount} {exp.currency}, "
                    f"got {found[i].text!r} {found[i].amount} {found[i].currency}")
            else:
                out["failures"]["missed: " + family(exp.surface)].append(
                    f"{case.text[:110]!r}: expected {exp.surface!r} {exp.amount} {exp.currency}")
        for i, f in enumerate(found):
            if i in used or case.spanless:
                continue
            hits = [label for s, e, label in case.not_money if f.start < e and s < f.end]
            if hits or not case.expected:
                out["false_positives"] += 1
                out["failures"]["false positive, " + not_money_family(hits[0] if hits else f.text)].append(
                    f"{case.text[:110]!r}: got {f.text!r} {f.amount} {f.currency}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--recognizers")
    ap.add_argument("--duckling")
    ap.add_argument("--quantulum")
    ap.add_argument("--price-parser")
    ap.add_argument("--failures", action="store_true", help="list every failure, grouped by family")
    ap.add_argument("--json", help="write the figures to this file")
    args = ap.parse_args(argv)

    from extractor.components.money import find_money

    suites = [("recognizers", args.recognizers, recognizers_cases),
              ("duckling", args.duckling, duckling_cases),
              ("quantulum", args.quantulum, quantulum_cases),
              ("price-parser", args.price_parser, price_parser_cases)]
    report = {}
    print(f"{'suite':<14}{'commit':<10}{'cases':>6}{'skip':>6}{'exp':>6}{'detect':>8}{'value':>8}"
          f"{'silent-wrong':>14}{'false+':>8}")
    for name, path, build in suites:
        if not path:
            continue
        co = Checkout(path)
        cases, skipped = build(co)
        r = score(cases, find_money)
        exp = r["expected"] or 1
        r.update(commit=co.commit(), skipped=dict(skipped), detection_rate=round(r["detected"] / exp, 3),
                 value_rate=round(r["value_right"] / exp, 3))
        report[name] = r
        print(f"{name:<14}{r['commit'][:8]:<10}{r['cases']:>6}{sum(skipped.values()):>6}{r['expected']:>6}"
              f"{r['detection_rate']:>8.3f}{r['value_rate']:>8.3f}{r['silent_wrong']:>14}{r['false_positives']:>8}")
    total = {k: sum(r[k] for r in report.values()) for k in ("expected", "detected", "value_right",
                                                             "silent_wrong", "false_positives")}
    if report:
        exp = total["expected"] or 1
        print(f"{'all':<14}{'':<10}{'':>6}{'':>6}{total['expected']:>6}{total['detected'] / exp:>8.3f}"
              f"{total['value_right'] / exp:>8.3f}{total['silent_wrong']:>14}{total['false_positives']:>8}")
    for name, r in report.items():
        if r["skipped"]:
            print(f"\n{name}: skipped (out of RECORDS' scope): " + ", ".join(f"{k}: {v}" for k, v in r["skipped"].items()))
        groups = r["failures"]
        if groups:
            print(f"{name}: failures by family: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(groups.items())))
        if args.failures:
            for fam, items in sorted(groups.items()):
                print(f"  [{fam}]")
                for item in items:
                    print(f"    {item}")
    if args.json:
        for r in report.values():
            r["failures"] = {k: len(v) for k, v in r["failures"].items()}
        Path(args.json).write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
