"""The Solar Hijri helpers against a reference table of Iranian New Year dates.

NOWRUZ gives, for each Iranian year, the Gregorian date of 1 Farvardin:
the day whose Tehran noon (52.5°E meridian, UTC+03:30) follows the moment
of the March equinox.  Written by hand from the equinox times, not computed
with the library under test, so a library with the wrong leap rule fails
here (1403 and 1408 are leap years; 1404-1407 are not).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from extractor import calendar as cal

NOWRUZ = {
    1395: date(2016, 3, 20),
    1396: date(2017, 3, 21),
    1397: date(2018, 3, 21),
    1398: date(2019, 3, 21),
    1399: date(2020, 3, 20),
    1400: date(2021, 3, 21),
    1401: date(2022, 3, 21),
    1402: date(2023, 3, 21),
    1403: date(2024, 3, 20),
    1404: date(2025, 3, 21),
    1405: date(2026, 3, 21),
    1406: date(2027, 3, 21),
    1407: date(2028, 3, 20),
    1408: date(2029, 3, 20),
    1409: date(2030, 3, 21),
    1410: date(2031, 3, 21),
    1411: date(2032, 3, 20),
}
YEARS = range(1395, 1411)


@pytest.mark.parametrize("year", YEARS)
def test_new_year_both_ways(year):
    assert cal.to_gregorian(year, 1, 1) == NOWRUZ[year]
    assert cal.to_hijri(NOWRUZ[year]) == (year, 1, 1)
    assert cal.hijri_iso(NOWRUZ[year]) == f"{year}-01-01"
    assert cal.to_hijri(NOWRUZ[year] - timedelta(days=1))[:2] == (year - 1, 12)
    assert cal.hijri_year_of(NOWRUZ[year]) == year
    assert cal.hijri_year_of(NOWRUZ[year] - timedelta(days=1)) == year - 1


@pytest.mark.parametrize("year", YEARS)
def test_year_span_and_leap_years(year):
    start, end = cal.year(year)
    assert start == NOWRUZ[year]
    assert end == NOWRUZ[year + 1] - timedelta(days=1)
    days = (NOWRUZ[year + 1] - NOWRUZ[year]).days
    assert cal.month_length(year, 12) == days - 336  # 6 x 31 + 5 x 30 = 336
    assert cal.hijri_iso(end) == f"{year}-12-{days - 336}"


@pytest.mark.parametrize("year", YEARS)
def test_parts_of_the_year(year):
    nowruz = NOWRUZ[year]
    mehr_1 = nowruz + timedelta(days=186)  # six months of 31 days
    dey_1 = mehr_1 + timedelta(days=90)
    year_end = NOWRUZ[year + 1] - timedelta(days=1)
    assert cal.half(year, 1) == (nowruz, mehr_1 - timedelta(days=1))
    assert cal.half(year, 2) == (mehr_1, year_end)
    assert cal.quarter(year, 1) == (nowruz, nowruz + timedelta(days=92))
    assert cal.quarter(year, 3) == (mehr_1, dey_1 - timedelta(days=1))
    assert cal.quarter(year, 4) == (dey_1, year_end)
    assert cal.first_months(year, 9) == (nowruz, dey_1 - timedelta(days=1))
    assert cal.months(year, 7, 7) == (mehr_1, mehr_1 + timedelta(days=29))


@pytest.mark.parametrize("day, hijri", [
    (date(2019, 10, 7), "1398-07-15"),
    (date(2019, 9, 22), "1398-06-31"),
    (date(2019, 12, 21), "1398-09-30"),
    (date(2020, 3, 19), "1398-12-29"),
    (date(2021, 3, 20), "1399-12-30"),
    (date(2025, 3, 20), "1403-12-30"),
    (date(2030, 3, 20), "1408-12-30"),
])
def test_hijri_iso_of_days(day, hijri):
    assert cal.hijri_iso(day) == hijri
    y, m, d = (int(x) for x in hijri.split("-"))
    assert cal.to_gregorian(y, m, d) == day


def test_months_may_run_into_the_next_year():
    # Dey 1398 to Farvardin 1399
    assert cal.months(1398, 10, 13) == (date(2019, 12, 22), date(2020, 4, 19))


@pytest.mark.parametrize("day, years, expected", [
    (date(2019, 10, 7), -1, date(2018, 10, 7)),    # 1398-07-15 -> 1397-07-15
    (date(2021, 5, 15), -1, date(2020, 5, 14)),    # 1400-02-25 -> 1399-02-25
    (date(2021, 3, 20), -1, date(2020, 3, 19)),    # 1399-12-30 -> 1398-12-29 (clamped)
    (date(2019, 3, 21), 1, date(2020, 3, 20)),     # 1398-01-01 -> 1399-01-01
])
def test_shift_moves_iranian_days(day, years, expected):
    assert cal.shift_hijri(day, years) == expected
    assert cal.shift_span((day, None), years) == (expected, None)


def test_gregorian_helpers_and_fiscal_years():
    assert cal.gregorian_month(2020, 2) == (date(2020, 2, 1), date(2020, 2, 29))
    assert cal.gregorian_months(2019, 1, 9) == (date(2019, 1, 1), date(2019, 9, 30))
    assert cal.gregorian_months(2019, 11, 2, 2020) == (date(2019, 11, 1), date(2020, 2, 29))
    assert cal.gregorian_year(2018) == (date(2018, 1, 1), date(2018, 12, 31))
    assert cal.fiscal_year_starting(2018) == 1397
    assert cal.hijri_iso(None) is None
