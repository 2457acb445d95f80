"""Solar Hijri (Iranian) calendar periods: pure functions over jdatetime.

Iranian years begin at Nowruz (1 Farvardin, March 20 or 21); jdatetime gives
the day of Nowruz of each year (cached), the rest is arithmetic on the month
lengths (six of 31 days, five of 30, Esfand the rest).  A period is a
pair of inclusive Gregorian dates; these helpers build the genre's periods
(years, halves, quarters, months, "the first N months") and convert both ways.
"""

from __future__ import annotations

import calendar as _gregorian
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

import jdatetime

Span = tuple[date, date]


@lru_cache(maxsize=None)
def nowruz(year: int) -> date:
    """1 Farvardin of Iranian ``year`` (jdatetime, asked once per year)."""
    return jdatetime.date(year, 1, 1).togregorian()


@lru_cache(maxsize=None)
def _year_length(year: int) -> int:
    return (nowruz(year + 1) - nowruz(year)).days


# days from 1 Farvardin to the first of each month: six months of 31 days, five of 30
_MONTH_OFFSET = (0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336)


@lru_cache(maxsize=4096)  # pure: the same few days again and again
def to_gregorian(year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12 or not 1 <= day <= month_length(year, month):
        raise ValueError(f"no day {year}-{month:02d}-{day:02d} in the Solar Hijri calendar")
    return nowruz(year) + timedelta(days=_MONTH_OFFSET[month - 1] + day - 1)


@lru_cache(maxsize=4096)  # pure: the same few days again and again
def to_hijri(day: date) -> tuple[int, int, int]:
    year = day.year - 621 if day >= nowruz(day.year - 621) else day.year - 622
    left = (day - nowruz(year)).days
    month = 12 if left >= 336 else (left // 31 + 1 if left < 186 else (left - 186) // 30 + 7)
    return year, month, left - _MONTH_OFFSET[month - 1] + 1


@lru_cache(maxsize=4096)  # pure: the same few days again and again
def hijri_iso(day: Optional[date]) -> Optional[str]:
    """``YYYY-MM-DD`` in the Solar Hijri calendar, or None."""
    if day is None:
        return None
    y, m, d = to_hijri(day)
    return f"{y:04d}-{m:02d}-{d:02d}"


def month_length(year: int, month: int) -> int:
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return _year_length(year) - 336


def hijri_year_of(day: date) -> int:
    return to_hijri(day)[0]


@lru_cache(maxsize=4096)  # pure: the same few days again and again
def months(year: int, first: int, last: int) -> Span:
    """Months ``first``..``last`` (1-12) of Iranian ``year``; ``last`` may run into the next year."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return to_gregorian(year, first, 1), to_gregorian(end_year, end_month, month_length(end_year, end_month))


def year(y: int) -> Span:
    return months(y, 1, 12)


def half(y: int, which: int) -> Span:
    return months(y, 1, 6) if which == 1 else months(y, 7, 12)


def quarter(y: int, which: int) -> Span:
    return months(y, 3 * which - 2, 3 * which)


def first_months(y: int, n: int) -> Span:
    return months(y, 1, n)


def shift_hijri(day: date, years: int) -> date:
    """The same Iranian day ``years`` later (clamped at the end of Esfand)."""
    y, m, d = to_hijri(day)
    d = min(d, month_length(y + years, m))
    return to_gregorian(y + years, m, d)


def shift_month_end(day: date, years: int) -> date:
    """The same Iranian day ``years`` later; the last day of a month stays its last day
    (Esfand 29 of 1400 moved back is Esfand 30 of the leap year 1399)."""
    y, m, d = to_hijri(day)
    if d == month_length(y, m):
        return to_gregorian(y + years, m, month_length(y + years, m))
    return shift_hijri(day, years)


def shift_span(span: tuple[Optional[date], Optional[date]], years: int):
    """A period moved by ``years`` Iranian years: the same months, a month's end on its end."""
    start, end = span
    return (shift_hijri(start, years) if start else None, shift_month_end(end, years) if end else None)


def gregorian_month(y: int, m: int) -> Span:
    return date(y, m, 1), date(y, m, _gregorian.monthrange(y, m)[1])


def gregorian_months(y: int, first: int, last: int, end_year: Optional[int] = None) -> Span:
    end_year = end_year or y
    return date(y, first, 1), date(end_year, last, _gregorian.monthrange(end_year, last)[1])


def gregorian_year(y: int) -> Span:
    return date(y, 1, 1), date(y, 12, 31)


def fiscal_year_starting(gregorian_year_: int) -> int:
    """The Iranian year that begins in March of ``gregorian_year_`` ("fiscal 2018-19" -> 1397)."""
    return gregorian_year_ - 621


def day_before(day: date) -> date:
    return day - timedelta(days=1)
