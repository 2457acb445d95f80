"""Periods: families of constructions that other projects' date suites revealed.

``scripts/peer_periods.py`` runs the English date specs of Recognizers-Text and
Duckling's English time corpus through the periods component and groups the
failures by family.  Their sentences are theirs; the rows below are our own
phrases in the style of the genre, one group per family (as price-parser groups
its table by origin), with the values RECORDS.md gives them.  Known failures
are ``xfail(strict=True)`` rows: a fix turns them into failures until the mark
goes.  Every period also names the rule that built it.
"""

from __future__ import annotations

from datetime import date

import pytest

from extractor.timex import find_periods

PUB = "2019-10-08"  # Mehr 1398


def row(text, *periods, published=PUB, id=None, xfail=None):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, published, list(periods), id=id, marks=marks)


FAMILIES = [
    # --- explicit ranges of days (peer family: ranges with ordinal days, mixed ranges) -------------
    row("Imports were recorded between January 1st and April 5th, 2019.",
        ("January 1st and April 5th, 2019", "2019-01-01", "2019-04-05"), id="range-ordinal-days"),
    row("The plan ran from 1 March to 30 June 2018.", ("1 March to 30 June 2018", "2018-03-01", "2018-06-30"),
        id="range-day-first"),
    row("Exports rose between 2015 and February 2018.", ("2015 and February 2018", "2015-01-01", "2018-02-28"),
        id="range-year-to-month", xfail="a year and a month-year are not joined into one range"),
    # --- months with a year before or after (peer family: year before the month, numeric months) ---
    row("Sales in 2017 April rose 4 percent.", ("2017 April", "2017-04-01", "2017-04-30"), id="year-before-month"),
    row("Output in Dec. 2018 fell.", ("Dec. 2018", "2018-12-01", "2018-12-31"), id="abbreviation-with-dot"),
    row("Output in 2018/11 fell.", ("2018/11", "2018-11-01", "2018-11-30"), id="numeric-year-month",
        xfail="numeric year/month forms are not read"),
    row("Output in june 2018 fell.", ("june 2018", "2018-06-01", "2018-06-30"), id="lowercase-month",
        xfail="lowercase month names are not months (may, march are verbs)"),
    # --- quarters and halves (peer family: abbreviations, a year before the part) -------------------
    row("Profits rose in the third qtr of 2019.", ("the third qtr of 2019", "2019-07-01", "2019-09-30"),
        id="quarter-abbreviation"),
    row("Profits rose in 2018-Q4.", ("2018-Q4", "2018-10-01", "2018-12-31"), id="year-dash-quarter"),
    row("Profits rose in 2018-q4.", ("2018-q4", "2018-10-01", "2018-12-31"), id="year-dash-lowercase-quarter",
        xfail="lowercase q1-q4 are not quarters"),
    row("Profits rose in the third quarter of two thousand and eighteen.",
        ("the third quarter of two thousand and eighteen", "2018-07-01", "2018-09-30"), id="spelled-year",
        xfail="years in words are not read"),
    # --- decades (peer family: apostrophes, two digits) -----------------------------------------------
    row("Oil output peaked in the 1970s.", ("the 1970s", "1970-01-01", "1979-12-31"), id="decade"),
    row("Oil output peaked in the 1970's.", ("the 1970's", "1970-01-01", "1979-12-31"), id="decade-apostrophe",
        xfail="a year's possessive and a decade look alike"),
    # --- relative months (peer family: last/next with a month name) --------------------------------
    # "last September" is the latest September before publication (as the bare month is)
    row("Exports fell last September and will rise next December.",
        ("last September", "2019-09-01", "2019-09-30"), ("next December", "2019-12-01", "2019-12-31"),
        id="last-next-month-name"),
    # --- a length up to a day or a month (RECORDS: ends then, starts N-1 Iranian months before) -----
    row("Inflation in the 12-month period ending in Aban was 45 percent.",
        ("the 12-month period ending in Aban", "2021-11-22", "2022-11-21"), published="2022-11-25",
        id="n-month-period-ending-in-month"),
    row("Steel output in the eight months to November 21, 2021 rose.",
        ("the eight months to November 21, 2021", "2021-03-21", "2021-11-21"), id="n-months-to-day"),
    # --- forms of the genre found while testing the grammar ------------------------------------------
    row("Exports rose from the beginning of the current Iranian calendar year (March 21) to the end of Azar "
        "(December 21).", ("the current Iranian calendar year (March 21) to the end of Azar (December 21)",
                           "2022-03-21", "2022-12-21"), published="2023-01-10", id="year-to-the-end-of-a-month"),
    row("Exports rose in the ten months of the current Iranian calendar year.",
        ("the ten months of the current Iranian calendar year", "2022-03-21", "2023-01-20"),
        published="2023-01-10", id="n-months-of-year-without-first"),
    row("Prices rose in the last Iranian calendar month of Esfand.",
        ("the last Iranian calendar month of Esfand", "2022-02-20", "2022-03-20"), published="2023-01-10",
        id="last-month-named"),
    row("Exports rose in the ten months.", published="2023-01-10", id="n-months-alone-is-anaphora"),
    row("In Esfand, the last month of the year, exports rose.", ("Esfand", "2024-02-20", "2024-03-19"),
        published="2024-04-02", id="appositive-month-of-the-year"),
    row("The data for the Iranian year ending March 20, 2024, show growth.",
        ("the Iranian year ending March 20, 2024", "2023-03-21", "2024-03-20"), published="2024-05-01",
        id="year-ending-on-a-written-day"),
    row("The second half of the match was tense, as was the first quarter of the game.", id="part-of-no-year"),
    # --- points, not periods (peer family: beginning/middle/end of a year; RECORDS: points) -------
    row("The law took effect at the end of 2018.", id="end-of-year-is-a-point"),
    row("Trade will recover toward the end of the current year.", id="toward-the-end-is-a-point"),
    # --- durations that run from today (peer family: within / next N units; RECORDS: unanchored) ---
    row("Exports will double within three years and rose over the past two months.", id="durations"),
]


@pytest.mark.parametrize("text, published, expected", FAMILIES)
def test_peer_families(text, published, expected):
    found = find_periods(text, date.fromisoformat(published))
    got = [(p.text, str(p.start_date), str(p.end_date)) for p in found]
    assert got == [tuple(e) for e in expected]


def test_every_period_names_its_rule():
    text = ("Exports rose in the first half of 1398 and in Tir last year, against last year's same "
            "period; from March 21 to May 15, 2021 they fell.")
    rules = [p.rule for p in find_periods(text, date(2021, 6, 1))]
    assert rules == ["part of year", "part year", "year's shift", "day range"]


def test_evaluate_errors_show_the_rule():
    from extractor.records import Period
    from extractor.report import describe

    period = Period(start=0, end=4, text="1398", calendar="solar_hijri", start_date=date(2019, 3, 21),
                    end_date=date(2020, 3, 19), hijri_start="1398-01-01", hijri_end="1398-12-29", rule="year")
    assert describe(period).endswith("rule: year")
    assert period.model_dump(mode="json")["rule"] == "year"
    gold = period.model_copy(update={"rule": None})  # gold files have no rule, and none is written
    assert "rule" not in describe(gold) and "rule" not in gold.model_dump(mode="json")


def test_lexicon_symbols_are_the_grammars():
    """Every word of data/time.json maps to a symbol the rules know (a typo would silently do nothing)."""
    from extractor.resources import load
    from extractor.time_grammar import MACROS, RULES

    import re

    patterns = re.sub(r"\(\?P<\w+>|\{\w+\}", "", "".join(MACROS.values()) + "".join(r.pattern for r in RULES))
    for word, (symbol, _) in load("time")["words"].items():
        assert len(symbol) == 1 and symbol in patterns, word
