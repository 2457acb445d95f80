"""Measure the periods component on other projects' English date test suites.

    .venv/bin/python scripts/peer_periods.py --recognizers PATH --duckling PATH [--failures N]

``--recognizers`` is a local checkout of microsoft/Recognizers-Text (its
``Specs/DateTime/English/*.json``: DatePeriodParser, MergedParser,
DateTimeModel); ``--duckling`` a local checkout of facebook/duckling (its
``Duckling/Time/EN/Corpus.hs``).  Neither is part of this project: fetch them,
point the script at them, never commit them.

Only the cases that RECORDS.md counts as periods are kept: a resolved interval
of a month or longer (a year, a half, a quarter, a month, a decade, a range of
28 days or more), anchored in time (not "within 3 years" / "the past 2
months", which run from the reference day, nor seasons or weeks).  Each case is
run through ``find_periods`` with its reference date as the publication date.

Reported per suite: the cases kept, detection (a period of ours overlaps the
expected span) and exact value (same first and last day; a suite's end is
exclusive and is made inclusive; for an ambiguous case any of its readings
counts).  Failures are grouped by family (the shape of the phrase) with a few
examples, to be turned into our own test phrases.  A measurement, not a test.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.timex import find_periods  # noqa: E402

RT_FILES = ("DatePeriodParser.json", "MergedParser.json", "DateTimeModel.json")
DUCKLING_REF = date(2013, 2, 12)  # Duckling's test context: Tuesday 2013-02-12 04:30


class Case:
    def __init__(self, suite, text, ref, start, end, readings, source):
        self.suite, self.text, self.ref = suite, text, ref
        self.start, self.end = start, end  # expected span in text
        self.readings = readings  # [(first day, last day)], any of them is right
        self.source = source


def _day(s: str) -> date:
    return date.fromisoformat(s[:10])


def _is_period(first: date, last_exclusive: date, ref: date, timex: str = "") -> bool:
    if re.search(r"-(?:SP|SU|FA|WI)\b|-W\d|WE\b", timex):
        return False  # seasons, weeks, weekends
    if (last_exclusive - first).days < 28:
        return False
    if first == ref or last_exclusive == ref or last_exclusive == ref + timedelta(days=1):
        return False  # "within 3 years", "the past two months": from the reference day
    return True


def recognizers_cases(root: Path) -> list[Case]:
    cases, seen = [], set()
    folder = root / "Specs" / "DateTime" / "English"
    for name in RT_FILES:
        path = folder / name
        if not path.exists():
            continue
        for item in json.loads(path.read_text(encoding="utf-8-sig")):
            ref_s = (item.get("Context") or {}).get("ReferenceDateTime")
            if not ref_s or "NotSupportedByDesign" in item:
                continue
            ref = _day(ref_s)
            for result in item.get("Results") or []:
                kind = result.get("Type") or result.get("TypeName") or ""
                if "daterange" not in kind:
                    continue
                value = result.get("Value") or result.get("Resolution") or {}
                readings, timex = [], value.get("Timex", "")
                for key in ("PastResolution", "FutureResolution"):
                    r = value.get(key) or {}
                    if r.get("startDate") and r.get("endDate"):
                        readings.append((_day(r["startDate"]), _day(r["endDate"])))
                for v in value.get("values") or []:
                    timex = timex or v.get("timex", "")
                    if v.get("start") and v.get("end"):
                        readings.append((_day(v["start"]), _day(v["end"])))
                readings = [(a, b) for a, b in readings if _is_period(a, b, ref, timex)]
                if not readings:
                    continue
                start = result.get("Start", 0)
                end = start + result["Length"] if "Length" in result else result.get("End", start) + 1
                key = (item["Input"], start, ref)
                if key in seen:
                    continue
                seen.add(key)
                cases.append(Case("Recognizers-Text", item["Input"], ref, start, end,
                                  [(a, b - timedelta(days=1)) for a, b in set(readings)], name))
    return cases


_TUPLE = r"\(\s*(-?\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+)\s*\)"
_GRAIN = r"(Second|Minute|Hour|Day|Week|Month|Quarter|Year)"
_STEP = {"Month": 1, "Quarter": 3, "Year": 12}


def _add_months(d: date, n: int) -> date:
    k = d.year * 12 + d.month - 1 + n
    return date(k // 12, k % 12 + 1, 1)


def duckling_cases(root: Path) -> list[Case]:
    path = root / "Duckling" / "Time" / "EN" / "Corpus.hs"
    source = path.read_text(encoding="utf-8")
    cases = []
    chunks = re.split(r"\bexamples\s*\(", source)[1:]
    for chunk in chunks:
        head, _, rest = chunk.partition("[")
        if "Holiday" in head or "OpenInterval" in head:
            continue
        tuples = [tuple(int(x) for x in t) for t in re.findall(_TUPLE, head)]
        grain = re.search(_GRAIN + r"\s*\)?\s*$", head.strip().rstrip(")").strip() + ")") or re.search(_GRAIN, head)
        if not tuples or not grain or any(t[0] < 1000 for t in tuples):
            continue
        grain = grain.group(1)
        first = date(tuples[0][0], tuples[0][1], tuples[0][2])
        if head.lstrip().startswith("datetimeInterval") and len(tuples) == 2:
            last_exclusive = date(tuples[1][0], tuples[1][1], tuples[1][2])
        elif grain in _STEP:
            last_exclusive = _add_months(first, _STEP[grain])
        else:
            continue
        if not _is_period(first, last_exclusive, DUCKLING_REF):
            continue
        phrases = re.findall(r'"((?:[^"\\]|\\.)*)"', rest.split("]")[0])
        for phrase in phrases:
            phrase = phrase.encode().decode("unicode_escape") if "\\" in phrase else phrase
            cases.append(Case("duckling", phrase, DUCKLING_REF, 0, len(phrase),
                              [(first, last_exclusive - timedelta(days=1))], "Corpus.hs"))
    return cases


# --- families of failures: the shape of the phrase ------------------------------------------------

_FAMILIES = [
    ("relative span (last/next N units, this/next month)", r"\b(?:last|past|next|previous|coming|this|current)\b"),
    ("quarter or half", r"\b(?:quarter|Q[1-4]|half|H[12])\b"),
    ("decade or century", r"\b(?:\d0s|\d0's|decade|century)\b"),
    ("explicit range of days", r"\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|to|till|until|through|and)\s*\d{1,2}"),
    ("month range", r"\b(?:from|between)\b.*\b(?:to|and|till|until)\b"),
    ("early/mid/late", r"\b(?:early|mid|middle|late|end|beginning|start)\b"),
    ("numeric date format", r"\d+[/.]\d+"),
    ("year alone or with month", r"\b(?:19|20)\d\d\b"),
    ("month name alone", r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"),
]


def family(text: str) -> str:
    for name, pattern in _FAMILIES:
        if re.search(pattern, text, re.IGNORECASE if not pattern.startswith("(?i)") else 0):
            return name
    return "other"


def convention(ours, readings) -> str:
    """The RECORDS.md convention that explains a difference of value, or ""."""
    for p in ours:
        a, b = p.start_date, p.end_date
        if a is None or b is None:
            continue
        for x, y in readings:
            if a == x and (b == y + timedelta(days=1) or (b.year == y.year + 1 and (b.month, b.day) == (12, 31)
                                                          and (y.month, y.day) == (12, 31))):
                return "convention: both ends inclusive (\"2014-2018\" ends in 2018)"
            if p.calendar == "solar_hijri" and abs((a - x).days) <= 100 and abs((b - y).days) <= 100:
                return "convention: a bare year, half or quarter is Iranian"
            if (a.month, a.day, b.month, b.day) == (x.month, x.day, y.month, y.day) and a.year != x.year:
                return "convention: a month without a year is the last one (news look back)"
    return ""


def run(cases: list[Case]) -> dict:
    out = {"cases": len(cases), "detected": 0, "exact": 0, "convention": 0, "failures": defaultdict(list)}
    for case in cases:
        found = find_periods(case.text, case.ref)
        over = [p for p in found if p.start < case.end and case.start < p.end]
        if over:
            out["detected"] += 1
        if any((p.start_date, p.end_date) in case.readings for p in over):
            out["exact"] += 1
            continue
        got = [(p.text, str(p.start_date), str(p.end_date), p.rule) for p in over]
        kind = "missed" if not over else "wrong value"
        why = convention(over, case.readings)
        if why:
            out["convention"] += 1
        out["failures"][why or f"{kind}: {family(case.text[case.start:case.end] or case.text)}"].append(
            (case.text, str(case.ref), [(str(a), str(b)) for a, b in case.readings], got))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--recognizers", type=Path, help="checkout of microsoft/Recognizers-Text")
    parser.add_argument("--duckling", type=Path, help="checkout of facebook/duckling")
    parser.add_argument("--failures", type=int, default=3, help="examples shown per failure family")
    parser.add_argument("--json", action="store_true", help="rates as JSON")
    args = parser.parse_args(argv)
    suites = []
    if args.recognizers:
        suites.append(("Recognizers-Text (Specs/DateTime/English)", recognizers_cases(args.recognizers)))
    if args.duckling:
        suites.append(("duckling (Duckling/Time/EN/Corpus.hs)", duckling_cases(args.duckling)))
    if not suites:
        parser.error("give --recognizers and/or --duckling")
    report = {}
    for name, cases in suites:
        result = run(cases)
        n = max(result["cases"], 1)
        report[name] = {"cases": result["cases"], "detection": round(result["detected"] / n, 3),
                        "exact": round(result["exact"] / n, 3),
                        "exact_or_convention": round((result["exact"] + result["convention"]) / n, 3),
                        "failures": {k: len(v) for k, v in sorted(result["failures"].items(), key=lambda kv: -len(kv[1]))}}
        if args.json:
            continue
        print(f"## {name}: {result['cases']} period cases; detection {result['detected']}/{n} "
              f"({result['detected'] / n:.1%}), exact value {result['exact']}/{n} ({result['exact'] / n:.1%}); "
              f"exact or a RECORDS convention {result['exact'] + result['convention']}/{n} "
              f"({(result['exact'] + result['convention']) / n:.1%})")
        for fam, items in sorted(result["failures"].items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(items):4d}  {fam}")
            for text, ref, want, got in items[:args.failures]:
                print(f"          {text!r} @ {ref}: want {want}, got {got}")
        print()
    if args.json:
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
