"""Time expressions of the genre: find periods and resolve them to dates.

Pure functions, no spaCy.  ``find_periods(text, published)`` returns the
periods of RECORDS.md in document order.  Finding is done by regular
expressions built from the month names in ``data/months.json``; resolving
walks the matches in order and keeps a context (the last period and the
last year named) for back-references such as "the previous year" and
shifts such as "last year's same period".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from . import calendar as cal
from .records import Period
from .resources import load

WS = r"[ \t\u00a0]+"
WSO = r"[ \t\u00a0]*"
APOS = r"['’]s"


@lru_cache(maxsize=None)
def _months():
    data = load("months")
    return data["persian"], data["gregorian"], data["ordinals"], data["counts"], set(data["not_after_persian_month"])


def _alt(words) -> str:
    """A regex alternation of the words, longest first (cached: the same lists recur)."""
    return _alt_of(tuple(sorted(set(words))))


@lru_cache(maxsize=None)
def _alt_of(words: tuple) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass
class YearRef:
    kind: str  # "current", "last", "previous", "next", "hijri", "gregorian", "fiscal", "context"
    year: Optional[int] = None


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    groups: dict
    open_end: bool = False
    gloss: Optional[tuple] = None  # (start_date, end_date) from a day-level gloss
    gloss_year: Optional[int] = None  # a Gregorian year written in a gloss
    until: Optional[tuple] = None  # (month, day, year) of "up to October 7"


@dataclass
class Context:
    published: Optional[date]
    current: Optional[int]  # current Iranian year
    period: Optional[tuple] = None  # (start, end) of the last period, not shifted
    year: Optional[tuple] = None  # ("hijri"|"gregorian", year) last written explicitly
    topic: Optional[int] = None  # Iranian year of the first period: the year the article is about


@lru_cache(maxsize=None)
def _patterns():
    persian, gregorian, ordinals, counts, _ = _months()
    pm = rf"(?:{_alt(persian)})(?![A-Za-z])"
    gm = rf"(?:{_alt(gregorian)})(?![A-Za-z])"
    count = rf"(?:\d{{1,2}}|{_alt(counts)})"
    ordinal = rf"(?:{_alt(k for k in ordinals)})"
    hyear = r"1[34]\d\d(?!\d)"
    gyear = r"(?:19|20)\d\d(?!\d)"
    mod = r"(?:current|present|this|last|past|previous|preceding|next|coming|following)"
    calword = rf"(?:(?:Iranian|Persian){WS})?(?:(?:calendar|fiscal){WS})?"
    # "the new Iranian year": only before a calendar word ("New Year holidays" is not a period)
    new = rf"new{WS}(?=(?:Iranian|Persian|calendar|fiscal){WS})"
    year_ref = (
        rf"(?:(?:[Tt]he{WS})?{calword}fiscal{WS}(?:year{WS})?{gyear}{WSO}[-/–]{WSO}(?:\d\d)?\d\d(?!\d)"
        rf"|(?:[Tt]he{WS})?{gyear}{WSO}[-/–]{WSO}\d\d(?!\d){WS}(?:Iranian{WS})?fiscal{WS}year"
        rf"|(?:[Tt]he{WS})?year{WS}(?:before|preceding|earlier)"
        # "the Iranian calendar year of 1397", "the 1397 Iranian calendar year"
        rf"|(?:(?:[Tt]he|[Ii]ts){WS})?(?:{mod}{WS})?{calword}year{WS}of{WS}(?:{hyear}|{gyear})"
        rf"|(?:[Tt]he{WS})?{hyear}{WS}(?:Iranian|Persian){WS}(?:(?:calendar|fiscal){WS})?year(?![A-Za-z])"
        rf"|(?:(?:[Tt]he|[Ii]ts){WS})?(?:{mod}{WS}|{new})?{calword}year(?:{WS}(?:in{WS})?(?:{hyear}|{gyear}))?"
        rf"|{hyear}|{gyear})"
    )
    part = (
        rf"(?:(?:[Tt]he{WS})?(?:first|last|final|past|initial|opening){WS}{count}(?:{WS}|-)months"
        rf"|(?:[Tt]he{WS})?(?:first|second|1st|2nd){WS}half"
        rf"|(?:[Tt]he{WS})?H[12](?![A-Za-z0-9])"
        rf"|(?:[Tt]he{WS})?{ordinal}{WS}(?:quarter|three{WS}months)"
        rf"|(?:[Tt]he{WS})?Q[1-4](?![A-Za-z0-9])"
        rf"|(?:[Tt]he{WS})?{ordinal}{WS}(?:(?:Iranian|Persian){WS})?(?:calendar{WS})?month(?!{WS}of{WS}{pm})(?![A-Za-z])"
        rf"|(?:[Tt]he{WS})?{calword}months{WS}of{WS}{pm}{WS}and{WS}{pm}|(?<=between ){pm}{WS}and{WS}{pm}"
        rf"|(?:[Tt]he{WS})?(?:{ordinal}{WS})?(?:{calword}months?{WS}of{WS})?{pm}(?:{WSO}(?:-|–|to|through|till|until){WSO}{pm})?)"
    )
    gmonth_range = rf"{gm}{WSO}(?:-|–|to|through|and|till|until){WSO}{gm}"
    day = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)"
    gday = rf"(?:{gm}{WS}{day}|{day}{WS}{gm})"
    shift_noun = (rf"(?:(?:same|corresponding|similar|equivalent|comparable|exact(?:{WS}(?:mentioned|same))?|mentioned){WS}(?:period{WS}of{WS}time|period|time{WS}span|time|months|month|quarter|half|{count}(?:{WS}|-)months?(?:{WS}period)?)"
                  rf"|[\d.]+(?:{WS}|-)month{WS}period|{count}-month{WS}period)")
    pats = [
        # "last year's same period", "the last year's 6.5-month period", "last year's H1"
        ("shift_poss", rf"(?:[Tt]he{WS})?(?P<yr>{year_ref}){APOS}{WS}(?:{shift_noun}|[\d.]+(?:{WS}|-)month{WS}period)"),
        ("part_poss", rf"(?:[Tt]he{WS})?(?P<yr>{year_ref}){APOS}{WS}(?P<part>{part})"),
        # "the same period of last year", "the corresponding period of the previous year"
        ("shift_of", rf"(?:[Tt]he{WS})?{shift_noun}{WS}(?:of|in|during){WS}(?P<yr>{year_ref})"),
        ("shift_last", rf"(?:[Tt]he{WS})?{shift_noun}{WS}(?:(?P<yr>last{WS}year)|a{WS}year{WS}(?:ago|earlier|before))"),
        # "the first nine months of the current Iranian calendar year", "H1 of 1398"
        ("part_of", rf"(?P<part>{part}){WS}(?:of|in){WS}(?P<yr>{year_ref})"),
        ("part_year", rf"(?P<part>{part}){WSO},?{WSO}(?P<yr>{hyear}|{gyear})"),
        ("part", rf"(?P<part>{part})"),
        # Gregorian
        ("gdate_range", rf"(?P<d1>{gday})(?:,{WSO}(?P<y1>{gyear}))?{WSO}(?:-|–|to|through|until|till|and){WSO}(?P<d2>{gday}),?{WSO}(?P<y2>{gyear})"),
        # "December 2019-January 2020", "between March 2019 and March 2020"
        ("gmonth_yrange", rf"(?P<m1>{gm}),?{WS}(?P<y1>{gyear}){WSO}(?P<sep>-|–|to|through|till|until|and){WSO}"
                          rf"(?P<m2>{gm}),?{WS}(?P<y2>{gyear})"),
        ("gmonth_range", rf"(?P<mr>{gmonth_range})(?:,?{WSO}(?P<y>{gyear}))?"),
        # "the year to March 2020", "the 12 months to March 2021": the year that ends then
        ("year_to", rf"(?:[Tt]he{WS})?(?:(?:Iranian|fiscal|calendar|financial){WS})*(?:year|12{WS}months|twelve{WS}months){WS}(?:to|ending|ended|through){WS}(?:(?:in|on){WS})?(?P<m>{gm})(?:{WS}\d{{1,2}}(?![\d]))?(?:,?{WS}(?P<y>{gyear}))?"),
        ("gmonth", rf"(?:(?:the{WS}month{WS}of|(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)){WS})?(?P<m>{gm})(?:,?{WS}(?:of{WS})?(?P<y>{gyear}))?"),
        ("year", rf"(?P<yr>{year_ref})"),
    ]
    # Every match contains its pattern's trigger: patterns only scan around their triggers.
    pm_words = _alt(persian)
    gm_words = _alt(g.rstrip(".") for g in gregorian)
    triggers = {
        "poss": r"['’]s\b",
        "shift": r"\b(?:same|corresponding|similar|equivalent|comparable|exact|mentioned)\b|month[ \t]+period",
        "part": rf"\b(?:months?|half|H[12]|quarter|Q[1-4])\b|(?:{pm_words})",
        "greg": rf"(?:{gm_words})",
        "year": r"\b(?:[Yy]ear|[Ff]iscal)|(?<!\d)(?:1[34]|19|20)\d\d(?!\d)",
    }
    trigger_of = {"shift_poss": "poss", "part_poss": "poss", "shift_of": "shift", "shift_last": "shift",
                  "part_of": "part", "part_year": "part", "part": "part", "gdate_range": "greg", "gmonth_yrange": "greg",
                  "gmonth_range": "greg", "gmonth": "greg", "year_to": "greg", "year": "year"}
    # a period never starts inside a word: the lookbehind lets the engine skip most positions fast
    compiled = [(name, re.compile(rf"(?<![A-Za-z0-9])(?:{p})"), re.compile(triggers[trigger_of[name]]))
                for name, p in pats]
    gloss = re.compile(r"[ \t]?\((?P<g>[^()\n]{1,80})\)")
    until = re.compile(rf"{WS}(?:up{WS}to|until|till|through|to){WS}(?P<d>{gm}{WS}\d{{1,2}}(?!\d)(?:,?{WS}(?:{gyear}))?|\d{{1,2}}{WS}{gm}(?:{WS}{gyear})?)")
    lead_open = re.compile(rf"(?:since|from){WS}the{WS}(?:beginning|start|outset){WS}of{WS}$", re.IGNORECASE)
    since = re.compile(rf"(?<![A-Za-z])since{WS}$", re.IGNORECASE)
    return compiled, gloss, until, lead_open, since



_STANDALONE_YEAR_NEEDS = re.compile(
    r"(?:current|present|this|last|past|previous|preceding|next|coming|following|new|fiscal|\d{4}|before)", re.IGNORECASE)

_YEAR_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|during|since|from|until|till|through|throughout|for|of|to|and|over|years?|between|by|the)\s+|\()$", re.IGNORECASE)

# "the first week of Mehr", "the 15th of March", "the first ten days of Esfand": shorter than a month
_PART_OF_MONTH_BEFORE = re.compile(
    r"\b(?:weeks?|days?|fortnight|decade|half|\d{1,2}(?:st|nd|rd|th)|first|second|third|last)\s+of\s+(?:the\s+)?"
    r"(?:(?:Iranian|Persian)\s+)?(?:calendar\s+)?(?:month\s+of\s+)?$", re.IGNORECASE)



def _acceptable(text: str, name: str, m: re.Match) -> bool:
    """Reject matches that look like something else (names, days, counts)."""
    persian, gregorian, _, _, not_after = _months()
    s, e = m.start(), m.end()
    after = text[e:e + 30]
    if name == "year":
        yr = m.group("yr")
        if not _STANDALONE_YEAR_NEEDS.search(yr):
            # "since the beginning of the year": the year in context
            return bool(re.fullmatch(r"the\s+year", yr)) and bool(
                re.search(r"(?:beginning|start|outset)\s+of\s+$", text[max(0, s - 20):s]))
        if re.fullmatch(r"\d{4}", yr):
            if not _YEAR_CONTEXT_BEFORE.search(text[max(0, s - 25):s]):
                return False
            if re.match(r"\s*(?:percent|per\s*cent|%|tons?|tonnes|units|SMEs|companies|firms|people|workers|trucks|vehicles|cars|containers|barrels|hectares|km|kilometers|square|meters|metres|jobs|projects|villages|households)\b", after):
                return False
        if re.search(r"(?:the\s+)?year\s*$", yr, re.IGNORECASE) and re.match(r"\s*(?:on|-on-|to)\s*(?:-?\s*)?year", after):
            return False  # "year on year"
        if re.match(r"[-\s]on[-\s]year", after):
            return False
        if re.fullmatch(r"(?:the\s+)?(?:past|last)\s+year", yr, re.IGNORECASE) and re.match(r"s\b", after):
            return False
        return True
    if name in ("gmonth", "part") and _PART_OF_MONTH_BEFORE.search(text[max(0, s - 50):s]):
        return False
    if name == "part" and re.match(rf"\s+of\s+(?:the\s+)?(?:(?:Iranian|Persian)\s+)?(?:calendar\s+)?"
                                   rf"(?:month\b|(?:{_alt(persian)}|{_alt(gregorian)})(?![A-Za-z]))", after):
        return False  # "the first half of the month of Mehr", "the first half of March": part of a month
    if name == "gmonth_yrange" and m.group("sep") == "and" and not re.search(r"\bbetween\s+$", text[max(0, s - 10):s]):
        return False  # "in March 2019 and March 2020": two months, not a range
    if name == "gmonth":
        month = m.group("m")
        if re.match(rf"{WSO}\d{{1,2}}(?:st|nd|rd|th)?(?![\d])", after) and not m.group("y"):
            return False  # "October 7": a single day
        if re.search(r"\d{1,2}\s*$", text[max(0, s - 4):s]):
            return False  # "7 October"
        if month == "May" and not m.group("y") and not re.search(r"\b(?:in|of|since|during|until|till|from|through|last|early|late|mid)\s+$", text[max(0, s - 12):s], re.IGNORECASE):
            return False
        if month.endswith(".") and not m.group("y"):
            return False
        return True
    if name in ("part", "part_year", "part_of"):
        part = m.group("part")
        if name == "part" and part in persian and not re.search(
                r"(?:\b(?:in|during|since|from|until|till|through|to|of|and|between|by|early|late|mid|last|this|next|end|beginning|start|been|was|were|is)|[-–])\s*$",
                text[max(0, s - 20):s], re.IGNORECASE):
            return False  # "citing Mehr": the news agency, not the month
        for pname in persian:
            if part.endswith(pname):
                nxt = re.match(r"\s+([A-Z][A-Za-z]*)", after)
                if nxt and (nxt.group(1) in not_after or (nxt.group(1) not in persian and nxt.group(1) not in gregorian and name == "part")):
                    return False
                if re.search(r"(?:Bank|Mellat|Qarz[\w-]*)\s+$", text[max(0, s - 20):s]):
                    return False
                if re.search(r"[A-Za-z]$", text[max(0, s - 1):s]):
                    return False
        if re.fullmatch(r"(?:the\s+)?(?:past|last)\s+\S+\s+months", part, re.IGNORECASE) and name == "part":
            return False  # "the past five months": not anchored
    return True


_DEADLINE_BEFORE = re.compile(
    r"\b(?:(?:by|at|until|till|before|to)\s+the\s+(?:very\s+)?end\s+of|by)\s+$", re.IGNORECASE)


def _windows(text: str, trigger: re.Pattern, before: int = 70, after: int = 90) -> list[tuple[int, int]]:
    """Stretches of text around the trigger words, merged where they touch."""
    windows: list[list[int]] = []
    for m in trigger.finditer(text):
        start, end = max(0, m.start() - before), min(len(text), m.end() + after)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    return [(a, b) for a, b in windows]


def _find_candidates(text: str) -> list[Candidate]:
    compiled, gloss_re, until_re, lead_open, since = _patterns()
    raw = []
    seen = set()
    windows_of: dict = {}
    for priority, (name, pattern, trigger) in enumerate(compiled):
        if trigger not in windows_of:
            windows_of[trigger] = _windows(text, trigger)
        for m in (m for a, b in windows_of[trigger] for m in pattern.finditer(text, a, b)):
            if (m.start(), m.end(), name) in seen:
                continue
            seen.add((m.start(), m.end(), name))
            if m.end() == m.start():
                continue
            if m.start() > 0 and re.match(r"[A-Za-z0-9]", text[m.start() - 1]) and not text[m.start()].isspace():
                continue
            if not _acceptable(text, name, m):
                continue
            if _DEADLINE_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
                continue  # "by the end of the current year": a single day
            raw.append((m.start(), m.end(), priority, name, m))
    # Longest first, then earliest pattern; keep non-overlapping.
    raw.sort(key=lambda r: (-(r[1] - r[0]), r[2], r[0]))
    chosen: list = []
    taken = bytearray(len(text))  # characters already inside a chosen candidate
    for item in raw:
        if taken.find(1, item[0], item[1]) != -1:
            continue
        taken[item[0]:item[1]] = b"\x01" * (item[1] - item[0])
        chosen.append(item)
    chosen.sort(key=lambda r: r[0])
    candidates = []
    for start, end, _, name, m in chosen:
        cand = Candidate(start=start, end=end, kind=name, groups={k: v for k, v in m.groupdict().items()})
        before = text[max(0, start - 40):start]
        if lead_open.search(before):
            cand.open_end = True
        elif name == "year" and since.search(before):
            cand.open_end = True
        _attach_suffixes(text, cand, gloss_re, until_re)
        candidates.append(cand)
    # Suffixes may now overlap the next candidate: the suffix wins (a gloss is part of its period).
    result: list[Candidate] = []
    for cand in candidates:
        if result and cand.start < result[-1].end:
            continue
        result.append(cand)
    return result


def _attach_suffixes(text: str, cand: Candidate, gloss_re, until_re) -> None:
    for _ in range(2):
        m = gloss_re.match(text, cand.end)
        if m and cand.gloss is None and _looks_like_gloss(m.group("g")):
            cand.gloss = _parse_gloss(m.group("g"))
            years = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", m.group("g"))
            cand.gloss_year = int(years[0]) if years else None
            cand.end = m.end()
            continue
        m = until_re.match(text, cand.end)
        if m and cand.until is None and cand.kind not in ("gdate_range",):
            cand.until = _parse_day(m.group("d"))
            cand.end = m.end()
            continue
        break


def _looks_like_gloss(inner: str) -> bool:
    persian, gregorian, _, _, _ = _months()
    if re.search(r"(?<!\d)(?:19|20|13|14)\d\d(?!\d)", inner):
        return True
    return bool(re.search(rf"\b(?:{_alt(gregorian)})", inner))




def _parse_day(s: str) -> Optional[tuple]:
    """("October 7") -> (10, 7, None); ("March 21, 2019") -> (3, 21, 2019)."""
    _, gregorian, _, _, _ = _months()
    m = re.fullmatch(rf"\s*(?P<m>{_alt(gregorian)}){WS}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?{WSO}(?P<y>(?:19|20)\d\d))?\s*", s)
    if not m:
        m = re.fullmatch(rf"\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{WS}(?P<m>{_alt(gregorian)})(?:,?{WSO}(?P<y>(?:19|20)\d\d))?\s*", s)
    if not m:
        return None
    return gregorian[m.group("m")], int(m.group("d")), int(m.group("y")) if m.group("y") else None


def _parse_gloss(inner: str) -> Optional[tuple]:
    """Day-level boundaries of a gloss: (start or None, end or None), each (month, day, year)."""
    _, gregorian, _, _, _ = _months()
    gm = _alt(gregorian)
    day = rf"(?:(?:{gm}){WS}\d{{1,2}}(?:st|nd|rd|th)?(?!\d)|\d{{1,2}}(?:st|nd|rd|th)?{WS}(?:{gm}))(?:,?{WSO}(?:19|20)\d\d)?"
    m = re.fullmatch(rf"\s*(?:from{WS})?(?P<a>{day}){WSO}(?:-|–|to|through|until|till){WSO}(?P<b>{day})\s*", inner)
    if m:
        a, b = _parse_day(m.group("a")), _parse_day(m.group("b"))
        if a and b:
            return a, b
    m = re.fullmatch(rf"\s*(?:(?:which{WS})?(?:started|starting|beginning|began|begun|from|since)(?:{WS}on)?{WS})(?P<a>{day})\s*", inner)
    if m:
        return _parse_day(m.group("a")), None
    m = re.fullmatch(rf"\s*(?P<a>{day})\s*", inner)
    if m:
        return _parse_day(m.group("a")), "bare"
    m = re.fullmatch(rf"\s*(?:(?:which{WS})?(?:ended|ending|ends|to|until|till|up{WS}to|through))(?:{WS}on)?{WS}(?P<b>{day})\s*", inner)
    if m:
        return None, _parse_day(m.group("b"))
    return None


def _shift_gregorian(span, years: int):
    def move(day):
        if day is None:
            return None
        try:
            return day.replace(year=day.year + years)
        except ValueError:  # February 29
            return day.replace(year=day.year + years, day=28)
    return move(span[0]), move(span[1])


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


def _number(word: str) -> int:
    _, _, _, counts, _ = _months()
    return int(word) if word.isdigit() else counts[word.lower()]


def _parse_year_ref(s: str) -> Optional[YearRef]:
    s = s.strip()
    low = s.lower()
    m = re.search(r"((?:19|20)\d\d)\s*[-/–]\s*(?:\d\d)?\d\d", s)
    if m and "fiscal" in low:
        return YearRef("fiscal", cal.fiscal_year_starting(int(m.group(1))))
    m = re.search(r"(?<!\d)(1[34]\d\d)(?!\d)", s)
    if m:
        return YearRef("hijri", int(m.group(1)))
    m = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", s)
    if m:
        return YearRef("gregorian", int(m.group(1)))
    if re.search(r"\bnew\b", low):
        return YearRef("new")
    if re.search(r"\b(current|present|this)\b", low):
        return YearRef("current")
    if re.search(r"\b(last|past)\b", low):
        return YearRef("last")
    if re.search(r"\b(previous|preceding|before)\b", low):
        return YearRef("previous")
    if re.search(r"\b(next|coming|following)\b", low):
        return YearRef("next")
    return YearRef("context")


def _resolve_year(ref: YearRef, ctx: Context) -> tuple[Optional[str], Optional[int]]:
    """(calendar, year) of a year reference in context."""
    if ref.kind in ("hijri", "fiscal"):
        return "hijri", ref.year
    if ref.kind == "gregorian":
        return "gregorian", ref.year
    if ref.kind == "current":
        return "hijri", ctx.current
    if ref.kind == "new":
        # the year just begun, or the one about to begin when published in its last month
        if ctx.current and ctx.published and (cal.to_gregorian(ctx.current + 1, 1, 1) - ctx.published).days <= 30:
            return "hijri", ctx.current + 1
        return "hijri", ctx.current
    if ref.kind == "last":
        return "hijri", ctx.current - 1 if ctx.current else None
    if ref.kind == "next":
        return "hijri", ctx.current + 1 if ctx.current else None
    if ref.kind == "previous":
        if ctx.year and ctx.year[1] is not None:
            return ctx.year[0], ctx.year[1] - 1
        return "hijri", ctx.current - 1 if ctx.current else None
    # "the year" in "the first half of the year": the year the article is about
    return "hijri", _topic_year(ctx)


def _part_span(part: str, calendar: str, year: Optional[int], ctx: Context):
    """Boundaries of a part of a year: halves, quarters, first N months, Persian months."""
    persian, gregorian, ordinals, counts, _ = _months()
    low = part.lower()
    if year is None:
        return None
    if calendar == "gregorian":
        months_of = lambda a, b: cal.gregorian_months(year, a, b)  # noqa: E731
    else:
        months_of = lambda a, b: cal.months(year, a, b)  # noqa: E731
    m = re.search(r"(first|last|final|past|initial|opening)[\s-]+(\w+)[\s-]+months", low)
    if m:
        n = _number(m.group(2))
        if not 1 <= n <= 12:
            return None
        return months_of(1, n) if m.group(1) in ("first", "initial", "opening") else months_of(13 - n, 12)
    m = re.search(r"\b(first|second|1st|2nd)\s+half|\bh([12])\b", low)
    if m:
        which = 1 if (m.group(1) in ("first", "1st") or m.group(2) == "1") else 2
        return months_of(1, 6) if which == 1 else months_of(7, 12)
    m = re.search(r"(\w+)\s+(?:quarter|three\s+months)|\bq([1-4])\b", low)
    if m:
        q = int(m.group(2)) if m.group(2) else ordinals.get(m.group(1))
        if q == -1:
            q = 4
        if not q or not 1 <= q <= 4:
            return None
        return months_of(3 * q - 2, 3 * q)
    m = re.search(r"(\w+)\s+(?:(?:iranian|persian)\s+)?(?:calendar\s+)?month$", low)
    if m and m.group(1) in ordinals and not re.search(rf"(?:{_alt(persian)})", part):
        n = ordinals[m.group(1)]
        n = 12 if n == -1 else n
        return months_of(n, n)
    names = re.findall(rf"(?:{_alt(persian)})(?![A-Za-z])", part)
    if names and calendar == "hijri":
        a, b = persian[names[0]], persian[names[-1]]
        if b < a:
            b += 12
        return cal.months(year, a, b)
    return None


def _bare_persian_year(part: str, ctx: Context) -> Optional[int]:
    """Year of a Persian month with no year: the context year, not after publication."""
    persian = _months()[0]
    names = re.findall(rf"(?:{_alt(persian)})(?![A-Za-z])", part)
    year = _topic_year(ctx)
    if year is None:
        return None
    first = cal.to_gregorian(year, persian[names[0]], 1) if names else None
    if first and ctx.published and first > ctx.published:
        year -= 1  # a month still to come this year was last year's
    return year


def _topic_year(ctx: Context) -> Optional[int]:
    """The Iranian year meant by "the year", a month or a half with no year of its own:
    the year the article is about (its first period), else the current one."""
    return ctx.topic if ctx.topic is not None else ctx.current


def _resolve(text: str, cand: Candidate, ctx: Context):
    """(calendar, start, end, is_shift, year_context) of a candidate, dates possibly None."""
    persian, gregorian, _, _, _ = _months()
    g = cand.groups
    kind = cand.kind
    if kind in ("shift_poss", "shift_of", "shift_last"):
        if g.get("yr"):
            calendar, target = _resolve_year(_parse_year_ref(g["yr"]), ctx)
        else:
            calendar, target = "hijri", (ctx.current - 1 if ctx.current else None)
        if ctx.period is None or target is None or ctx.period[0] is None:
            return "solar_hijri", None, None, True, None
        base_year = cal.hijri_year_of(ctx.period[0])
        ref = _parse_year_ref(g["yr"]) if g.get("yr") else YearRef("last")
        # "last year's same period" moves the period referred to back one year;
        # "the same period of 1397" moves it into that year
        years = {"last": -1, "previous": -1, "next": 1, "current": 0, "context": 0}.get(ref.kind)
        if years is None and calendar == "gregorian":
            # "the same months of 2024": the period moved into that Gregorian year
            moved = _shift_gregorian(ctx.period, target - ctx.period[0].year)
            return "gregorian", moved[0], moved[1], True, None
        if years is None:
            years = target - base_year
        span = cal.shift_span(ctx.period, years)
        return "solar_hijri", span[0], span[1], True, None
    if kind in ("part_poss", "part_of", "part_year", "part"):
        part = g["part"]
        is_persian = bool(re.search(rf"(?:{_alt(persian)})(?![A-Za-z])", part))
        if g.get("yr"):
            calendar, year = _resolve_year(_parse_year_ref(g["yr"]), ctx)
        elif is_persian:
            calendar, year = "hijri", _bare_persian_year(part, ctx)
        else:
            calendar, year = "hijri", _topic_year(ctx)
        if is_persian:
            calendar = "hijri"
        span = _part_span(part, calendar, year, ctx)
        label = "gregorian" if calendar == "gregorian" else "solar_hijri"
        if span is None:
            return label, None, None, False, (calendar, year)
        return label, span[0], span[1], False, (calendar, year)
    if kind == "gdate_range":
        a, b = _parse_day(g["d1"]), _parse_day(g["d2"])
        y2 = int(g["y2"])
        y1 = int(g["y1"]) if g.get("y1") else (y2 if a and b and (a[0], a[1]) <= (b[0], b[1]) else y2 - 1)
        try:
            start, end = date(y1, a[0], a[1]), date(y2, b[0], b[1])
        except (ValueError, TypeError):
            return "gregorian", None, None, False, None
        return "gregorian", start, end, False, ("gregorian", y2)
    if kind == "gmonth_yrange":
        start = cal.gregorian_month(int(g["y1"]), gregorian[g["m1"]])[0]
        end = cal.gregorian_month(int(g["y2"]), gregorian[g["m2"]])[1]
        if end < start:
            return "gregorian", None, None, False, None
        return "gregorian", start, end, False, ("gregorian", int(g["y2"]))
    if kind == "gmonth_range":
        names = re.findall(rf"(?:{_alt(gregorian)})", g["mr"])
        if g.get("y"):
            y = int(g["y"])
        elif ctx.published:  # "May-July": the latest such months
            last = gregorian[names[-1]]
            y = ctx.published.year if ctx.published.month >= last else ctx.published.year - 1
        else:
            return "gregorian", None, None, False, None
        a, b = gregorian[names[0]], gregorian[names[-1]]
        span = cal.gregorian_months(y - 1 if b < a else y, a, b, y)
        return "gregorian", span[0], span[1], False, ("gregorian", y)
    if kind == "gmonth":
        month = gregorian[g["m"]]
        if g.get("y"):
            y = int(g["y"])
        elif ctx.published:
            y = ctx.published.year if (ctx.published.month >= month) else ctx.published.year - 1
            if (g.get("rel") or "").lower() == "next":
                y = ctx.published.year if ctx.published.month < month else ctx.published.year + 1
            elif (g.get("rel") or "").lower() == "this":
                y = ctx.published.year
        else:
            return "gregorian", None, None, False, None
        span = cal.gregorian_month(y, month)
        return "gregorian", span[0], span[1], False, None
    if kind == "year_to":
        month = gregorian[g["m"]]
        if g.get("y"):
            y = int(g["y"])
        elif ctx.published:
            y = ctx.published.year if ctx.published.month >= month else ctx.published.year - 1
        else:
            return "solar_hijri", None, None, False, None
        if month == 3:  # the Iranian year that ends in that March
            span = cal.year(y - 622)
            return "solar_hijri", span[0], span[1], False, ("hijri", y - 622)
        end = cal.gregorian_month(y, month)[1]
        start = date(y - 1, month % 12 + 1, 1) if month < 12 else date(y, 1, 1)
        return "gregorian", start, end, False, None
    if kind == "year":
        ref = _parse_year_ref(g["yr"])
        calendar, year = _resolve_year(ref, ctx)
        if year is None:
            return ("gregorian" if calendar == "gregorian" else "solar_hijri"), None, None, False, None
        span = cal.gregorian_year(year) if calendar == "gregorian" else cal.year(year)
        return ("gregorian" if calendar == "gregorian" else "solar_hijri"), span[0], span[1], False, (calendar, year)
    return "solar_hijri", None, None, False, None


# how far a gloss's day may lie from the computed boundary it restates
_GLOSS_SLACK_DAYS = 40


def _apply_boundaries(cand: Candidate, start, end):
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
    if cand.until:
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
    if cand.open_end and not cand.until and not (cand.gloss and cand.gloss[1] not in (None, "bare")):
        end = None
    return start, end


def _infer_current_year(text: str, candidates: list[Candidate]) -> Optional[int]:
    """The current Iranian year when no publication date is given, if the text settles it."""
    for cand in candidates:
        yr = cand.groups.get("yr") or ""
        if cand.kind in ("part_of", "part_poss", "year") and re.search(r"\b(current|present|this)\b", yr, re.IGNORECASE):
            ref = _parse_year_ref(yr)
            if ref.kind == "hijri":
                return ref.year
            try:  # a gloss may name a day that does not exist ("March 42"): it settles nothing
                if cand.gloss and cand.gloss[0] and cand.gloss[0][2]:
                    a = cand.gloss[0]
                    return cal.hijri_year_of(date(a[2], a[0], a[1]))
                if cand.gloss_year:
                    # "(March 21-December 21, 2019)": the year of the gloss start
                    if cand.gloss and cand.gloss[0]:
                        a = cand.gloss[0]
                        return cal.hijri_year_of(date(cand.gloss_year if a[0] >= 3 else cand.gloss_year, a[0], a[1]))
            except ValueError:
                continue
    return None


def _gloss_day(cand: Candidate) -> Optional[date]:
    """A fully dated day written in the candidate's gloss, if any."""
    if not cand.gloss:
        return None
    for md in cand.gloss:
        if isinstance(md, tuple) and md[2]:
            try:
                return date(md[2], md[0], md[1])
            except ValueError:
                return None
    return None


def _near_boundary(day: date, start: Optional[date], end: Optional[date], days: int = 40) -> bool:
    return any(b is not None and abs((b - day).days) <= days for b in (start, end))


def _resolve_by_gloss(text: str, cand: Candidate, ctx: Context):
    """Without a publication date, "the last Iranian year (ended March 19, 2020)"
    is settled by its gloss: the current year that puts the gloss's day on a boundary."""
    day = _gloss_day(cand)
    if day is None:
        return None
    base = cal.hijri_year_of(day)
    for current in (base, base + 1, base - 1):
        trial = Context(published=None, current=current, period=ctx.period, year=ctx.year)
        label, start, end, is_shift, year_ctx = _resolve(text, cand, trial)
        if start and end and start - timedelta(days=3) <= day <= end + timedelta(days=3):
            return label, start, end, is_shift, year_ctx, current
    return None


# Back-references that carry a length ("the eight-month period", "the mentioned four
# months"): not periods themselves, but they point at the period of that length.
_ANAPHORA = re.compile(
    r"\b(?:the|this|these|those)\s+(?:(?:said|mentioned|same|above|aforementioned)\s+)?"
    r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:-|\s+)months?\b(?:\s+period)?",
    re.IGNORECASE)


def _follow_anaphor(m: re.Match, history: list, ctx: Context) -> None:
    n = _number(m.group("n").lower())
    for start, end in reversed(history):
        if abs(((end - start).days + 1) / 30.44 - n) < 0.6:
            ctx.period = (start, end)
            return


def find_periods(text: str, published: Optional[date] = None) -> list[Period]:
    """Every period of ``text``, resolved against ``published``."""
    candidates = _find_candidates(text)
    current = cal.hijri_year_of(published) if published else _infer_current_year(text, candidates)
    ctx = Context(published=published, current=current)
    periods = []
    history: list[tuple[date, date]] = []  # resolved periods, for anaphora
    anaphora = [(m.start(), m) for m in _ANAPHORA.finditer(text)]
    for cand in candidates:
        while anaphora and anaphora[0][0] < cand.start:
            _follow_anaphor(anaphora.pop(0)[1], history, ctx)
        label, start, end, is_shift, year_ctx = _resolve(text, cand, ctx)
        if start is not None or end is not None:
            start, end = _apply_boundaries(cand, start, end)
            day = _gloss_day(cand)
            if day and ((start and end and start > end) or not _near_boundary(day, start, end)):
                # a dated gloss that contradicts the computed year settles the year
                resolved = _resolve_by_gloss(text, cand, ctx)
                if resolved:
                    label, start, end, is_shift, year_ctx, _ = resolved
                    start, end = _apply_boundaries(cand, start, end)
        else:
            resolved = _resolve_by_gloss(text, cand, ctx)
            if resolved:
                label, start, end, is_shift, year_ctx, current = resolved
                start, end = _apply_boundaries(cand, start, end)
                if ctx.current is None:
                    ctx.current = current
        if not is_shift and start is not None:
            ctx.period = (start, end if end else (published or end))
            if ctx.period[1]:
                history.append(ctx.period)
            # only a year written out moves the year in context; "the previous year"
            # does not, nor does a month or half with no year of its own
            yr = cand.groups.get("yr")
            if year_ctx and year_ctx[1] is not None and yr and _parse_year_ref(yr).kind != "previous":
                ctx.year = year_ctx
            if ctx.topic is None and label == "solar_hijri" and year_ctx and year_ctx[0] == "hijri" and year_ctx[1]:
                ctx.topic = year_ctx[1]
        periods.append(Period(
            start=cand.start, end=cand.end, text=text[cand.start:cand.end], calendar=label,
            start_date=start, end_date=end,
            hijri_start=cal.hijri_iso(start), hijri_end=cal.hijri_iso(end)))
    return periods
