"""Glosses and "up to" suffixes of periods: pure functions, no spaCy.

A gloss is a parenthesis after a period that restates it in Gregorian dates
("(March 21-December 21, 2019)", "(started March 21)", "(March 2020-March
2021)"); "up to October 7" closes a period early.  ``attach`` finds them after
a period's span; ``apply_boundaries`` lets their days win over computed
boundaries (RECORDS.md: a day-level gloss wins, one boundary fixes that end, a
gloss with months only does not override).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Optional

from . import calendar as cal
from .resources import load

WS = r"[ \t\u00a0]+"
WSO = r"[ \t\u00a0]*"


@lru_cache(maxsize=None)
def _gregorian() -> dict:
    return load("months")["gregorian"]


@lru_cache(maxsize=None)
def _alt_gregorian() -> str:
    return "|".join(re.escape(w) for w in sorted(_gregorian(), key=len, reverse=True))


@dataclass
class Suffixes:
    """What follows a period: its gloss and its "up to" day, and where the span now ends."""

    end: int
    gloss: Optional[tuple] = None  # (start, end) day-level boundaries, each (month, day, year)
    gloss_year: Optional[int] = None  # a Gregorian year written in the gloss
    until: Optional[tuple] = None  # (month, day, year) of "up to October 7"
    months: Optional[tuple] = None  # ((year, month), (year, month)) of a gloss in months only


@lru_cache(maxsize=None)
def _suffix_patterns():
    gm = _alt_gregorian()
    gyear = r"(?:19|20)\d\d(?!\d)"
    persian = "|".join(sorted(load("months")["persian"], key=len, reverse=True))
    gloss = re.compile(r"[ \t]?\((?P<g>[^()\n]{1,80})\)")
    until_month = re.compile(rf"{WS}(?:up{WS}to|until|till|through|to){WS}the{WS}end{WS}of{WS}(?:the{WS}"
                             rf"(?:(?:Iranian|Persian){WS})?(?:calendar{WS})?month{WS}of{WS})?(?P<p>{persian})(?![A-Za-z])")
    until = re.compile(rf"{WS}(?:up{WS}to|until|till|through|to){WS}(?P<d>(?:{gm}){WS}\d{{1,2}}(?!\d)(?:,?{WS}(?:{gyear}))?|\d{{1,2}}{WS}(?:{gm})(?:{WS}{gyear})?)")
    return gloss, until, until_month


# where a gloss or an "up to" day can start: each of the patterns above starts so, and an "up to"
# day goes on with a month name (capitalised), a day number or "the end"
_SUFFIX_START = re.compile(
    r"[ \t]?\(|[ \t\u00a0]+(?:up[ \t\u00a0]+to|until|till|through|to)[ \t\u00a0]+(?:[A-Z0-9]|the[ \t\u00a0]+end)")


def attach(text: str, end: int, allow_until: bool = True) -> Suffixes:
    """The gloss and "up to" day right after ``end`` (either order, each once)."""
    found = Suffixes(end)
    if not _SUFFIX_START.match(text, end):
        return found  # most periods: neither a gloss nor "up to" can start here
    gloss_re, until_re, until_month_re = _suffix_patterns()
    for _ in range(3):
        m = gloss_re.match(text, found.end)
        if m and found.gloss is None and _looks_like_gloss(m.group("g")):
            found.gloss = _parse_gloss(m.group("g"))
            years = _gloss_patterns()["gregorian_year"].findall(m.group("g"))
            found.gloss_year = int(years[0]) if years else None
            if found.gloss is None:
                found.months = parse_months(m.group("g"))
            found.end = m.end()
            continue
        m = until_re.match(text, found.end)
        if m and found.until is None and allow_until:
            found.until = parse_day(m.group("d"))
            found.end = m.end()
            continue
        m = until_month_re.match(text, found.end)
        if m and found.until is None and allow_until:
            # "to the end of Azar (December 21)": the Persian month's last day, or the day its gloss writes
            found.until = ("persian", load("months")["persian"][m.group("p")])
            found.end = m.end()
            g = gloss_re.match(text, found.end)
            if g and _looks_like_gloss(g.group("g")):
                day = _gloss_patterns()["bare"].fullmatch(g.group("g"))
                found.until = parse_day(day.group("a")) if day else found.until
                found.end = g.end()
            continue
        break
    return found


@lru_cache(maxsize=None)
def _gloss_patterns() -> dict:
    gm = _alt_gregorian()
    day = rf"(?:(?:{gm}){WS}\d{{1,2}}(?:st|nd|rd|th)?(?!\d)|\d{{1,2}}(?:st|nd|rd|th)?{WS}(?:{gm}))(?:,?{WSO}(?:19|20)\d\d)?"
    # "(the Iranian year that started on March 21, 2023)": a gloss that names what it restates
    year_that = (rf"(?:the{WS}(?:(?:Iranian|Persian|calendar|fiscal){WS})*year{WS}"
                 rf"(?:(?:that|which){WS}(?:(?:has|had){WS})?)?)?")
    return {
        "year": re.compile(r"(?<!\d)(?:19|20|13|14)\d\d(?!\d)"),
        "gregorian_year": re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)"),
        "month": re.compile(rf"\b(?:{gm})"),
        "month_day": re.compile(rf"\s*(?P<m>{gm}){WS}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?{WSO}(?P<y>(?:19|20)\d\d))?\s*"),
        "day_month": re.compile(rf"\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{WS}(?P<m>{gm})(?:,?{WSO}(?P<y>(?:19|20)\d\d))?\s*"),
        "range": re.compile(rf"\s*(?:from{WS})?(?P<a>{day}){WSO}(?:-|–|to|through|until|till){WSO}(?P<b>{day})\s*"),
        "started": re.compile(rf"\s*{year_that}(?:(?:which{WS})?(?:started|starting|beginning|began|begun|from|since)(?:{WS}on)?{WS})(?P<a>{day})\s*"),
        "bare": re.compile(rf"\s*(?P<a>{day})\s*"),
        "year_pair": re.compile(r"\s*(?P<y1>(?:19|20)\d\d)[-–/](?P<y2>\d\d|(?:19|20)\d\d)\s*"),
        "months": re.compile(rf"\s*(?:from{WS})?(?P<m1>{gm}),?{WS}(?P<y1>(?:19|20)\d\d){WSO}(?:-|–|to|through|until|till){WSO}"
                             rf"(?P<m2>{gm}),?{WS}(?P<y2>(?:19|20)\d\d)\s*"),
        "ended": re.compile(rf"\s*{year_that}(?:(?:which{WS})?(?:ended|ending|ends|to|until|till|up{WS}to|through))(?:{WS}on)?{WS}(?P<b>{day})\s*"),
    }


def parse_months(inner: str) -> Optional[tuple]:
    """ "March 2018-March 2019" -> ((2018, 3), (2019, 3)): a gloss with months only; "2018-19"
    (two Gregorian years a year apart, the way an Iranian year is written) -> ((2018, 3), (2019, 3))."""
    p = _gloss_patterns()
    m = p["months"].fullmatch(inner)
    if m:
        months = _gregorian()
        return (int(m.group("y1")), months[m.group("m1")]), (int(m.group("y2")), months[m.group("m2")])
    m = p["year_pair"].fullmatch(inner)
    if m:
        y1, y2 = int(m.group("y1")), m.group("y2")
        if int(y2) % 100 == (y1 + 1) % 100:
            return (y1, 3), (y1 + 1, 3)
    return None


def _looks_like_gloss(inner: str) -> bool:
    p = _gloss_patterns()
    return bool(p["year"].search(inner) or p["month"].search(inner))


def parse_day(s: str) -> Optional[tuple]:
    """("October 7") -> (10, 7, None); ("March 21, 2019") -> (3, 21, 2019)."""
    p = _gloss_patterns()
    m = p["month_day"].fullmatch(s) or p["day_month"].fullmatch(s)
    if not m:
        return None
    return _gregorian()[m.group("m")], int(m.group("d")), int(m.group("y")) if m.group("y") else None


def _parse_gloss(inner: str) -> Optional[tuple]:
    """Day-level boundaries of a gloss: (start or None, end or None), each (month, day, year)."""
    p = _gloss_patterns()
    m = p["range"].fullmatch(inner)
    if m:
        a, b = parse_day(m.group("a")), parse_day(m.group("b"))
        if a and b:
            return a, b
    m = p["started"].fullmatch(inner)
    if m:
        return parse_day(m.group("a")), None
    m = p["bare"].fullmatch(inner)
    if m:
        return parse_day(m.group("a")), "bare"
    m = p["ended"].fullmatch(inner)
    if m:
        return None, parse_day(m.group("b"))
    return None


def _first_on_or_after(md: tuple, start: date) -> Optional[date]:
    for y in (start.year, start.year + 1, start.year + 2):
        try:
            day = date(y, md[0], md[1])
        except ValueError:
            continue
        if day >= start:
            return day
    return None


def _day_near(md: tuple, target: Optional[date], fallback_year: Optional[int]) -> Optional[date]:
    """A (month, day, year?) as a date; without a year, the one nearest ``target``."""
    month, day, year = md
    try:
        if year:
            return date(year, month, day)
        if target is None:
            return date(fallback_year, month, day) if fallback_year else None
        options = [date(target.year + k, month, day) for k in (-1, 0, 1)]
        return min(options, key=lambda d: abs((d - target).days))
    except ValueError:
        return None


# --- resolution -------------------------------------------------------------------------



_GLOSS_SLACK_DAYS = 40


def apply_boundaries(cand: Suffixes, start, end, open_end: bool = False):
    """Glosses with day-level dates and "up to October 7" win over computed boundaries."""
    if cand.gloss:
        a, b = cand.gloss
        ref_year = cand.gloss_year
        if b == "bare" or b is None or a is None:
            # "(March 21)" gives the start, "(March 20, 2021)" after a year the end: the nearer one.
            # A one-boundary gloss far from the end it could restate is the year's, not the
            # period's: "the second quarter of the current year (started March 20)".
            day = a if a is not None else b
            can_start, can_end = a is not None, b == "bare" or a is None
            near_start = _day_near(day, start, ref_year) if can_start else None
            near_end = _day_near(day, end, ref_year) if can_end else None
            gap_start = abs((near_start - start).days) if near_start and start else None
            gap_end = abs((near_end - end).days) if near_end and end else None
            if gap_start is not None and gap_start <= _GLOSS_SLACK_DAYS and (gap_end is None or gap_start <= gap_end):
                start = near_start
            elif gap_end is not None and gap_end <= _GLOSS_SLACK_DAYS:
                end = near_end
            elif can_start and start is None and near_start:
                start = near_start
            elif can_end and end is None and near_end and not can_start:
                end = near_end
        else:
            if a and b and b[2] and not a[2]:
                a = (a[0], a[1], b[2] if (a[0], a[1]) <= (b[0], b[1]) else b[2] - 1)
            if a:
                start = _day_near(a, start, ref_year) or start
            if b:
                if not b[2] and a and start:
                    end = _first_on_or_after(b, start) or end
                else:
                    end = _day_near(b, end, ref_year) or end
    if cand.until and cand.until[0] == "persian":
        if start is not None:
            year, first_month, _ = cal.to_hijri(start)
            month = cand.until[1]
            end = cal.months(year if month >= first_month else year + 1, month, month)[1]
    elif cand.until:
        month, day_, year = cand.until
        day = None
        try:
            if year:
                day = date(year, month, day_)
            elif start:
                day = _first_on_or_after(cand.until, start)
        except ValueError:
            day = None
        end = day or end
    if open_end and not cand.until and not (cand.gloss and cand.gloss[1] not in (None, "bare")):
        end = None
    return start, end

