"""Time expressions of the genre: find periods and resolve them to dates.

Pure functions, no spaCy.  ``find_periods(text, published)`` returns the
periods of RECORDS.md in document order, in three steps:

1. ``time_grammar.lex`` finds the constituents and ``time_grammar.parse``
   applies the composition rules; the longest matches win (``_select``), after
   the checks of context that a pattern over constituents cannot see (a month
   that is a news agency, a year number that counts workers, a deadline);
2. ``time_glosses.attach`` adds a gloss or an "up to" day after each period;
3. ``_resolve`` turns each meaning into dates, walking the document in order
   with a context (the last period, the last year named, the year the article
   is about) for shifts ("last year's same period"), "the previous year" and
   months without a year.

Every period carries the name of the rule that built it (``Period.rule``).
"""

from __future__ import annotations

import calendar as _gcal
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from . import calendar as cal
from pydantic import TypeAdapter

from .records import Period
from .resources import load
from .time_glosses import Suffixes, apply_boundaries, attach
from .time_grammar import Anchor, Match, Part, Sem, lex, lexicon, parse


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    rule: str
    sem: Sem
    suffixes: Optional[Suffixes] = None
    open_end: bool = False


@dataclass(slots=True)
class Context:
    published: Optional[date]
    current: Optional[int]  # current Iranian year
    period: Optional[tuple] = None  # (start, end) of the last period, not shifted
    period_calendar: str = "hijri"  # the calendar of that period
    year: Optional[tuple] = None  # ("hijri"|"gregorian", year) last written explicitly
    topic: Optional[int] = None  # Iranian year of the first anchored period: the year the article is about
    hijri_year: Optional[int] = None  # the Iranian year last written explicitly
    sentence_year: Optional[tuple] = None  # (end offset, Iranian year) of the last Iranian year written
    chain: Optional[tuple] = None  # (end offset, (calendar, year)) of the last year named, written or relative
    gregorian_sentence: Optional[tuple] = None  # (end offset, Gregorian year) of the last Gregorian year written
    gregorian_topic: Optional[int] = None  # the Gregorian year of the first period, when it writes one
    gregorian_only: bool = True  # no Iranian period so far


# --- context checks a pattern over constituents cannot make -------------------------------------

_YEAR_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|during|since|from|until|till|through|throughout|for|of|to|and|over|years?|between|by|the)\s+|\()$",
    re.IGNORECASE)
_PART_OF_MONTH_BEFORE = re.compile(
    r"\b(?:weeks?|days?|fortnight|decade|half|\d{1,2}(?:st|nd|rd|th)|first|second|third|last)\s+of\s+(?:the\s+)?"
    r"(?:(?:Iranian|Persian)\s+)?(?:calendar\s+)?(?:month\s+of\s+)?$", re.IGNORECASE)
_DEADLINE_BEFORE = re.compile(  # "by the end of X", "toward the end of X", "end of 2012", "by the start of X": points
    r"\b(?:(?:(?:by|at|until|till|before|to|towards?|since)\s+)?(?:the\s+)?(?:very\s+)?end|"
    r"(?:by|at|until|till|before|towards?)\s+the\s+(?:very\s+)?(?:start|beginning|outset))\s+of\s+$", re.IGNORECASE)
_PERSIAN_BEFORE = re.compile(
    r"(?:\b(?:in|during|since|from|until|till|through|throughout|to|of|for|over|within|after|before|and|between|by|"
    r"early|late|mid|last|this|next|end|"
    r"beginning|start|been|was|were|is)|[-–])\s*$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b")
_APPOSITIVE_BEFORE = re.compile(r"(?:\b(?:" + "|".join(load("months")["persian"]) + r")(?:\s+1[34]\d\d)?|\))\s*,\s*$")
_GLOSS_AFTER = re.compile(  # "Mordad (July 22-August 21)": a gloss of a range of Gregorian days after the name
    r"[ \t]?\((?:from\s+)?(?:" + "|".join(k for k in load("months")["gregorian"] if not k.endswith("."))
    + r")\s+\d{1,2}(?:,?\s*(?:19|20)\d\d)?\s*(?:-|–|to\b)")
_NEXT_CAPITALISED = re.compile(r"\s+([A-Z][A-Za-z]*)")
_NEXT_WORD = re.compile(r"\s*([A-Za-z%]+)")
_BANK_BEFORE = re.compile(r"(?:Bank|Mellat|Qarz[\w-]*)\s+$")
_BEGINNING_BEFORE = re.compile(r"(?:beginning|start|outset)\s+of\s+$")
_MAY_BEFORE = re.compile(r"\b(?:in|of|since|during|until|till|from|through|to|and|between|both|either|last|early|late|mid)\s+$",
                         re.IGNORECASE)
_OPEN_BEFORE = re.compile(r"(?:(?:since|from)\s+the\s+(?:beginning|start|outset)\s+of|(?<![A-Za-z])since)\s+$",
                          re.IGNORECASE)
# the sentence speaks of the future; case-sensitive with the capital of each first letter written
# out (several times faster than IGNORECASE over a sentence)
_FUTURE = re.compile(r"(?<![A-Za-z])(?:[Ww](?:ill|ould)|[Ss]hall|[Ee]xpect(?:s|ed|ing)?|"
                     r"(?:[Pp]lan(?:s|ned)?|[Aa]ims?|[Ii]ntends?|[Ss]et|[Gg]oing|[Ss]cheduled)\s+to|"
                     r"(?:is|are)\s+(?:to|scheduled|expected|due)|to\s+be\s+(?:launched|opened|completed)|"
                     r"[Hh]op(?:es?|ed|ing)|[Uu]rg(?:es?|ed|ing)|"
                     # a scheduled event in the present tense: "before the measures take effect in November"
                     r"[Tt]akes?\s+effect|[Cc]omes?\s+into\s+(?:force|effect)|[Kk]icks?\s+in)(?![A-Za-z])")
# where a clause starts: the future of one clause is not another's ("plans ... depend on partners
# such as Total, which withdrew in August")
_CLAUSE_START = re.compile(r"(?:,|;|:|\s[-–—])\s+(?:which|who|whose|when|where|while|but|although|though|as|after)\b"
                           r"|;\s", re.IGNORECASE)


def _persian_ok(text: str, m: Match, toks) -> bool:
    """A Persian month name that ends the match is the month, not a name ("Mehr News", "Dey Bank")."""
    lx = lexicon()
    after = _NEXT_CAPITALISED.match(text, m.end, m.end + 30)
    if after and (after.group(1) in lx.not_after_persian or (
            after.group(1) not in lx.persian and after.group(1) not in lx.gregorian and m.rule == "part")):
        return False
    if _BANK_BEFORE.search(text, max(0, m.start - 20), m.start):
        return False
    if m.rule == "part" and toks.symbols[m.first_token] == "p" and not _PERSIAN_BEFORE.search(
            text[max(0, m.start - 20):m.start]) and not _GLOSS_AFTER.match(text, m.end):
        return False  # "citing Mehr": the news agency; "a strong Mordad (July 22-August 21)" is the month
    return True


def _appositive(text: str, m: Match, toks) -> bool:
    """ "Esfand, the last month of the year", "Farvardin 1400, the first month of the new Iranian
    year": an appositive after a month, not a second period (nor is anything inside it)."""
    syms = toks.symbols[m.first_token:m.last_token]
    return ("M" in syms and syms.lstrip("T")[:1] in ("o", "l") and "p" not in syms
            and bool(_APPOSITIVE_BEFORE.search(text[max(0, m.start - 50):m.start])))


def _acceptable(text: str, m: Match, toks) -> bool:
    s, e = m.start, m.end
    syms = toks.symbols[m.first_token:m.last_token]
    if m.sem is None:
        return True
    before = text[max(0, s - 50):s]
    has_of = "of" in before  # the checks below all end in "of": skip them when it is absent
    if has_of and "of" in before[-5:] and _DEADLINE_BEFORE.search(before):
        return False  # "by the end of the current year", "by the start of the year": a day
    if has_of and ("p" in syms or "g" in syms) and _PART_OF_MONTH_BEFORE.search(before):
        return False  # "the first week of Mehr"
    if syms.endswith("p") and not _persian_ok(text, m, toks):
        return False
    if _appositive(text, m, toks):
        return False
    if m.rule == "part":
        if "p" not in syms and "g" not in syms and _OF_AFTER.match(text, e):
            return False  # "the first half of March", "the second half of the match": a part of no year
        if "g" in syms and "G" not in syms:
            word = text[toks.starts[m.first_token + syms.index("g")]:toks.ends[m.first_token + syms.index("g")]]
            if word not in load_full_gregorian():
                return False  # "Dec" on its own
            if word == "May" and syms in ("g", "TMOg") and not _MAY_BEFORE.search(text[max(0, s - 12):s]):
                return False
    if m.rule == "year":
        anchor = m.sem.args["anchor"]
        if anchor.kind == "context" and not _BEGINNING_BEFORE.search(text, max(0, s - 20), s):
            return False  # "the year" on its own
        if syms in ("h", "G"):
            nxt = _NEXT_WORD.match(text, e, e + 20)
            if not _YEAR_CONTEXT_BEFORE.search(text[max(0, s - 25):s]):
                return bool(nxt) and nxt.group(1).lower() in lexicon().year_nouns  # "submits 1405 budget"
            if nxt and nxt.group(1) in lexicon().units:
                return False
    return True


@lru_cache(maxsize=None)
def load_full_gregorian() -> frozenset:
    """Gregorian month names written out (an abbreviation needs a year: "Dec 2018")."""
    return frozenset(k for k in load("months")["gregorian"] if not k.endswith("."))


def _select(text: str, toks, matches: list[Match]) -> list[Candidate]:
    """Longest matches first, then the earlier rules (the order ``parse`` gives them); blockers
    claim their span and vanish."""
    taken = bytearray(len(text))
    chosen = []
    for m in matches:
        if taken.find(1, m.start, m.end) != -1:
            continue
        if m.production is not None:
            built = [one for one in m.build(toks) if _acceptable(text, one, toks)]
            if not built:
                if _appositive(text, m, toks):
                    taken[m.start:m.end] = b"\x01" * (m.end - m.start)
                continue
            chosen += built
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    chosen.sort(key=lambda m: m.start)
    candidates: list[Candidate] = []
    for m in chosen:
        if candidates and m.start < candidates[-1].end:
            continue  # inside the gloss of the period before
        cand = Candidate(m.start, m.end, m.rule, m.sem)
        cand.suffixes = attach(text, m.end, allow_until=m.sem.kind != "day_range")
        cand.end = cand.suffixes.end
        before = text[max(0, m.start - 40):m.start]
        cand.open_end = m.sem.kind != "shift" and ("ince" in before or "rom" in before) and bool(
            _OPEN_BEFORE.search(before))
        candidates.append(cand)
    return candidates


# --- resolution: pure functions of a meaning and the context -------------------------------------

def _topic_year(ctx: Context, text: str = "", start: int = -1) -> Optional[int]:
    """The year of a part with no year: an Iranian year written earlier in the same sentence,
    else the year the article is about, else the current one."""
    if ctx.sentence_year and start >= 0:
        end, year = ctx.sentence_year
        if _same_sentence(text, end, start):
            return year
    return ctx.topic if ctx.topic is not None else ctx.current


def _future(text: str, start: int) -> bool:
    """Whether the sentence, up to ``start``, speaks of the future."""
    lo = max(0, start - 200)
    a = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start), start - 200) + 1
    cue = _FUTURE.search(text, a, start)
    while cue:  # a cue counts only if no clause starts between it and the period
        clause = _CLAUSE_START.search(text, cue.end(), start)
        if clause is None:
            return True
        cue = _FUTURE.search(text, clause.end(), start)
    return False


def _same_sentence(text: str, a: int, b: int) -> bool:
    return text.find(". ", a, b) < 0 and text.find("\n", a, b) < 0  # no copy of the gap


def resolve_year(anchor: Anchor, ctx: Context, text: str = "", start: int = -1) -> tuple[str, Optional[int]]:
    """(calendar, year) of a year in context."""
    if anchor.kind == "hijri":
        return "hijri", anchor.value
    if anchor.kind == "gregorian":
        return "gregorian", anchor.value
    if anchor.kind == "rel":
        return "hijri", ctx.current + anchor.value if ctx.current else None
    if anchor.kind == "new":
        # the year just begun, or the one about to begin when published in its last month
        if ctx.current and ctx.published and (cal.to_gregorian(ctx.current + 1, 1, 1) - ctx.published).days <= 30:
            return "hijri", ctx.current + 1
        return "hijri", ctx.current
    if anchor.kind == "previous":
        if anchor.value == "hijri":  # "the previous Iranian year": before the last Iranian year written
            base = ctx.hijri_year or ctx.current
            return "hijri", base - 1 if base else None
        # the year before the one in context: a year named earlier in the same sentence, even a
        # relative one ("in the previous year, 52 percent more than in the year before"), else
        # the last year written
        year = ctx.chain[1] if ctx.chain and start >= 0 and _same_sentence(text, ctx.chain[0], start) else ctx.year
        if year and year[1] is not None:
            return year[0], year[1] - 1
        return "hijri", ctx.current - 1 if ctx.current else None
    return "hijri", _topic_year(ctx)  # "the year": the year the article is about


def _gregorian_year_in(hijri_year: int, month: int) -> int:
    """The Gregorian year whose ``month`` lies (mostly) in Iranian ``hijri_year``."""
    return hijri_year + 621 if cal.hijri_year_of(date(hijri_year + 621, month, 15)) == hijri_year else hijri_year + 622


def _bare_persian_year(month: int, text: str, start: int, ctx: Context, last_month: Optional[int] = None) -> Optional[int]:
    """Year of a Persian month (or of months ``month``..``last_month``: a half, a quarter) with no
    year of its own: the article's year; one still to come is last year's, unless the sentence
    speaks of the future (then one gone by is next year's)."""
    if ctx.sentence_year and _same_sentence(text, ctx.sentence_year[0], start):
        return ctx.sentence_year[1]  # "in 1398, ... in Esfand"
    year = _topic_year(ctx)
    if year is None or not ctx.published:
        return year
    last_month = month if last_month is None else last_month
    first, last = cal.months(year, month, last_month if last_month >= month else last_month + 12)
    if _future(text, start):
        return year + 1 if last < ctx.published else year
    return year - 1 if first > ctx.published else year


def _bare_gregorian_year(month: int, text: str, start: int, ctx: Context) -> Optional[int]:
    pub = ctx.published
    if pub:
        if _future(text, start):
            return pub.year if month >= pub.month else pub.year + 1
        return pub.year if pub.month >= month else pub.year - 1
    if ctx.topic is not None:
        return _gregorian_year_in(ctx.topic, month)
    if ctx.year and ctx.year[0] == "gregorian":
        return ctx.year[1]
    if ctx.current is not None:
        return _gregorian_year_in(ctx.current, month)
    return None


def _span(part: Part, calendar: str, year: Optional[int]):
    if year is None:
        return None
    if calendar == "gregorian":
        return cal.gregorian_months(year, part.first, part.last)
    last = part.last if part.last >= part.first else part.last + 12
    return cal.months(year, part.first, last)


def _gregorian_year_of_part(text: str, start: int, ctx: Context) -> Optional[int]:
    """The Gregorian year of a half or quarter with no year of its own, where the text makes it
    Gregorian (RECORDS: a bare "H1" is Iranian unless a Gregorian year number is written; a part
    with no year belongs to the year the article is about): a Gregorian year written earlier in
    its sentence, after any Iranian one ("in 2019 Q1 and in Q2"), or the year of an article whose
    first period writes a Gregorian year and whose periods so far are all Gregorian."""
    written = ctx.gregorian_sentence
    if written and _same_sentence(text, written[0], start):
        iranian = ctx.sentence_year
        if not (iranian and iranian[0] > written[0]):
            return written[1]
    if ctx.gregorian_only and ctx.gregorian_topic is not None:
        return ctx.gregorian_topic
    return None


def _resolve_part(sem: Sem, text: str, start: int, ctx: Context):
    part, anchor = sem.args["part"], sem.args["anchor"]
    if (anchor is None or anchor.kind == "context") and part.calendar is None and (
            year := _gregorian_year_of_part(text, start, ctx)) is not None:
        calendar = "gregorian"  # "in the first half of 2023 and in Q3"
    elif (anchor is None or anchor.kind == "context") and part.calendar != "gregorian":
        # a part with no year of its own ("H1", "the second half of the year")
        calendar, year = "hijri", _bare_persian_year(part.first, text, start, ctx, part.last)
    elif anchor is not None:
        calendar, year = resolve_year(anchor, ctx, text, start)
        if part.calendar == "hijri" and calendar == "gregorian":
            return "gregorian", None, None, (calendar, year)
        if part.calendar == "gregorian" and calendar == "hijri" and year is not None:
            calendar, year = "gregorian", _gregorian_year_in(year, part.first)
    elif part.calendar == "gregorian":
        calendar, year = "gregorian", _bare_gregorian_year(part.last, text, start, ctx)
        if year is not None and part.last < part.first:
            year -= 1
    span = _span(part, calendar, year)
    if span is None:
        return calendar, None, None, (calendar, year)
    return calendar, span[0], span[1], (calendar, year)


def _shift_gregorian(span, years: int):
    def move(day):
        if day is None:
            return None
        try:
            return day.replace(year=day.year + years)
        except ValueError:  # February 29
            return day.replace(year=day.year + years, day=28)
    return move(span[0]), move(span[1])


def _resolve_shift(sem: Sem, ctx: Context):
    """The period in context moved by a year: back for last/previous, forward for next, into
    the year named for this/current or a number."""
    anchor = sem.args["anchor"]
    if ctx.period is None or ctx.period[0] is None:
        return "hijri", None, None
    base_year = cal.hijri_year_of(ctx.period[0])
    if anchor is None or anchor.kind == "previous" or (anchor.kind == "rel" and anchor.value == -1):
        years = -1
    elif anchor.kind == "rel" and anchor.value == 1:
        years = 1
    elif anchor.kind == "rel":
        if ctx.current is None:
            return "hijri", None, None
        years = ctx.current - base_year
    elif anchor.kind == "gregorian":
        if ctx.period_calendar == "gregorian":
            moved = _shift_gregorian(ctx.period, anchor.value - ctx.period[0].year)
            return "gregorian", moved[0], moved[1]
        # an Iranian period moved into a Gregorian year ("the five months to August 21 ... the same
        # period in 2023") still moves by Iranian years: the one that begins in that year
        years = anchor.value - ctx.period[0].year
    elif anchor.kind == "hijri":
        years = anchor.value - base_year
    else:
        return "hijri", None, None
    span = cal.shift_span(ctx.period, years)
    return "hijri", span[0], span[1]


def _day_in_context(md: tuple, ctx: Context) -> Optional[date]:
    """A (month, day, year?) as a date; without a year, the latest such day up to publication."""
    month, day, year = md
    if day == 31:  # "the end of <month>": its last day
        day = min(31, _gcal.monthrange(year or (ctx.published.year if ctx.published else 2001), month)[1])
    try:
        if year:
            return date(year, month, day)
        if ctx.published:
            d = date(ctx.published.year, month, day)
            return d if d <= ctx.published else date(ctx.published.year - 1, month, day)
    except ValueError:
        return None
    return None


def _year_of_months(months: tuple) -> Optional[int]:
    """The Iranian year a gloss in months restates ("March 2018-March 2019": 1397): the one that
    holds its middle, if the gloss spans about a year; its boundaries stay the computed ones."""
    (y1, m1), (y2, m2) = months
    span = (y2 * 12 + m2) - (y1 * 12 + m1)
    if not 11 <= span <= 12:
        return None
    first, last = date(y1, m1, 1), date(y2, m2, _gcal.monthrange(y2, m2)[1])
    return cal.hijri_year_of(first + (last - first) / 2)


def _resolve(cand: Candidate, text: str, ctx: Context):
    """(calendar, start, end, is_shift, year_ctx) of a candidate, dates possibly None."""
    sem = cand.sem
    kind = sem.kind
    if kind == "part":
        calendar, start, end, year_ctx = _resolve_part(sem, text, cand.start, ctx)
        return calendar, start, end, False, year_ctx
    if kind == "year":
        anchor = sem.args["anchor"]
        calendar, year = resolve_year(anchor, ctx, text, cand.start) if anchor.kind != "context" else ("hijri", _topic_year(ctx, text, cand.start))
        if calendar == "hijri" and anchor.kind not in ("hijri", "gregorian") and cand.suffixes.months:
            year = _year_of_months(cand.suffixes.months) or year  # "(March 2018-March 2019)" names the year
        if year is None:
            return calendar, None, None, False, None
        span = cal.gregorian_year(year) if calendar == "gregorian" else cal.year(year)
        return calendar, span[0], span[1], False, (calendar, year)
    if kind == "shift":
        calendar, start, end = _resolve_shift(sem, ctx)
        return calendar, start, end, True, None
    if kind == "day_range":
        a, b = sem.args["a"], sem.args["b"]
        if a[2] is None and b[2] is not None:
            a = (a[0], a[1], b[2] if (a[0], a[1]) <= (b[0], b[1]) else b[2] - 1)
        end = _day_in_context(b, ctx)
        if a[2] is None and end is not None:
            a = (a[0], a[1], end.year if (a[0], a[1]) <= (b[0], b[1]) else end.year - 1)
        start = _day_in_context(a, ctx)
        if start is None or end is None or start > end:
            return "gregorian", None, None, False, None
        return "gregorian", start, end, False, ("gregorian", end.year)
    if kind == "dates":
        (y1, m1), (y2, m2) = sem.args["first"], sem.args["last"]
        start, end = date(y1, m1, 1), date(y2, m2, _gcal.monthrange(y2, m2)[1])
        if end < start:
            return "gregorian", None, None, False, None
        return "gregorian", start, end, False, ("gregorian", y2)
    if kind == "months_to":
        n = sem.args["n"]
        if sem.args["day"]:
            end = _day_in_context(sem.args["day"], ctx)
        else:
            year = sem.args["persian_year"] or _bare_persian_year(sem.args["persian_end"], text, cand.start, ctx)
            end = cal.months(year, sem.args["persian_end"], sem.args["persian_end"])[1] if year else None
        if end is None:
            return "hijri", None, None, False, None
        y, m, _ = cal.to_hijri(end)  # RECORDS: from the first day of DATE's Iranian month, N-1 months back
        m -= n - 1
        if m < 1:
            y, m = y - 1, m + 12
        return "hijri", cal.to_gregorian(y, m, 1), end, False, ("hijri", cal.to_hijri(end)[0])
    if kind == "year_to":
        month, year = sem.args["month"], sem.args["year"]
        if year is None:
            if not ctx.published:
                return "hijri", None, None, False, None
            year = ctx.published.year if ctx.published.month >= month else ctx.published.year - 1
        if month == 3:  # the Iranian year that ends in that March; a day written there ends it
            span = cal.year(year - 622)
            end = span[1]
            if sem.args.get("day"):
                try:
                    end = date(year, 3, sem.args["day"])
                except ValueError:
                    pass
            return "hijri", span[0], end, False, ("hijri", year - 622)
        end = cal.gregorian_month(year, month)[1]
        start = date(year - 1, month % 12 + 1, 1) if month < 12 else date(year, 1, 1)
        return "gregorian", start, end, False, None
    if kind == "relative_gregorian_month":  # "last September", "next December", "this March"
        pub, month, offset = ctx.published, sem.args["month"], sem.args["offset"]
        if not pub:
            return "gregorian", None, None, False, None
        year = {-1: pub.year if pub.month > month else pub.year - 1, 0: pub.year,
                1: pub.year if pub.month < month else pub.year + 1}[offset]
        span = cal.gregorian_month(year, month)
        return "gregorian", span[0], span[1], False, None
    if kind == "relative_month":
        pub, offset = ctx.published, sem.args["offset"]
        if not pub:
            return sem.args["calendar"], None, None, False, None
        if sem.args["calendar"] == "gregorian":
            k = pub.year * 12 + pub.month - 1 + offset
            span = cal.gregorian_month(k // 12, k % 12 + 1)
            return "gregorian", span[0], span[1], False, None
        y, m, _ = cal.to_hijri(pub)
        k = y * 12 + m - 1 + offset
        named = sem.args.get("named")
        if named:  # "the current Iranian month of Dey": the month of that name nearest the one counted
            k = min(((k // 12 + d) * 12 + named - 1 for d in (-1, 0, 1)), key=lambda j: abs(j - k))
        span = cal.months(k // 12, k % 12 + 1, k % 12 + 1)
        return "hijri", span[0], span[1], False, None
    return "hijri", None, None, False, None


# --- without a publication date --------------------------------------------------------------

def _infer_current_year(candidates: list[Candidate], text: str) -> Optional[int]:
    """The current Iranian year when no publication date is given, if the text settles it."""
    for cand in candidates:
        anchor = cand.sem.args.get("anchor")
        if anchor is None or not re.search(r"\b(?:current|present|this)\b", text[cand.start:cand.end], re.IGNORECASE):
            continue
        if anchor.kind == "hijri":
            return anchor.value
        if anchor.kind != "rel" or anchor.value != 0:
            continue
        gloss, gloss_year = cand.suffixes.gloss, cand.suffixes.gloss_year
        try:  # a gloss may name a day that does not exist ("March 42"): it settles nothing
            if gloss and gloss[0] and gloss[0][2]:
                a = gloss[0]
                return cal.hijri_year_of(date(a[2], a[0], a[1]))
            if gloss_year and gloss and gloss[0]:
                a = gloss[0]
                return cal.hijri_year_of(date(gloss_year, a[0], a[1]))
        except ValueError:
            continue
    return None


def _gloss_day(cand: Candidate) -> Optional[date]:
    """A fully dated day written in the candidate's gloss, if any."""
    if not cand.suffixes.gloss:
        return None
    for md in cand.suffixes.gloss:
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
        trial = Context(published=None, current=current, period=ctx.period, year=ctx.year, topic=ctx.topic)
        label, start, end, is_shift, year_ctx = _resolve(cand, text, trial)
        if start and end and start - timedelta(days=3) <= day <= end + timedelta(days=3):
            return label, start, end, is_shift, year_ctx, current
    return None


# Back-references that carry a length ("the eight-month period", "the mentioned four
# months"): not periods themselves, but they point at the period of that length.
# "t(?<!\wt)h..." is "\bth...", starting with a letter so that re scans fast to each "t"
_ANAPHORA = re.compile(
    r"t(?<!\wt)h(?:e|is|ese|ose)\s+(?:(?:said|mentioned|same|above|aforementioned)\s+)?"
    r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:-|\s+)months?\b(?:\s+period)?",
    re.IGNORECASE)


def _follow_anaphor(m: re.Match, history: list, ctx: Context) -> None:
    word = m.group("n").lower()
    n = int(word) if word.isdigit() else lexicon().words[word][1]
    for start, end in reversed(history):
        if abs(((end - start).days + 1) / 30.44 - n) < 0.6:
            ctx.period = (start, end)
            return


def _explicit_year(sem: Sem) -> bool:
    """A year written out or named ("1398", "last year", "the year to March 2016", "the nine
    months to December 21"), not one counted back from the context ("the previous year")."""
    if sem.kind in ("months_to", "year_to"):
        return True
    anchor = sem.args.get("anchor")
    return anchor is not None and anchor.kind != "previous"


def _names_year(sem: Sem) -> bool:
    anchor = sem.args.get("anchor")
    return _explicit_year(sem) or (anchor is not None and anchor.kind == "previous")


_TOPIC_KINDS = frozenset(("part", "year", "months_to"))
_PERIODS = TypeAdapter(list[Period])
_APPOSITION_GAPS = frozenset((", ", " - ", " – ", " — ", "—", " ("))  # a period, then one that restates it
_MONTH_DAYS = 28  # RECORDS: periods are intervals of a month or longer (the shortest month: 28 days)


def find_periods(text: str, published: Optional[date] = None) -> list[Period]:
    """Every period of ``text``, resolved against ``published``."""
    toks = lex(text)
    candidates = _select(text, toks, parse(toks))
    current = cal.hijri_year_of(published) if published else _infer_current_year(candidates, text)
    ctx = Context(published=published, current=current)
    periods = []
    history: list[tuple[date, date]] = []  # resolved periods, for anaphora
    dropped = None  # the last day range dropped as shorter than a month
    last_shift = max((c.start for c in candidates if c.sem.kind == "shift"), default=0)
    anaphora = [(m.start(), m) for m in _ANAPHORA.finditer(text, 0, last_shift)] if last_shift else []
    for cand in candidates:
        while anaphora and anaphora[0][0] < cand.start:
            _follow_anaphor(anaphora.pop(0)[1], history, ctx)
        label, start, end, is_shift, year_ctx = _resolve(cand, text, ctx)
        if start is not None or end is not None:
            suffixes = cand.suffixes
            if suffixes.gloss or suffixes.until or cand.open_end:  # (most periods have neither)
                start, end = apply_boundaries(suffixes, start, end, cand.open_end)
            day = _gloss_day(cand) if suffixes.gloss else None
            if day and ((start and end and start > end) or not _near_boundary(day, start, end)):
                # a dated gloss that contradicts the computed year settles the year
                resolved = _resolve_by_gloss(text, cand, ctx)
                if resolved:
                    label, start, end, is_shift, year_ctx, _ = resolved
                    start, end = apply_boundaries(cand.suffixes, start, end, cand.open_end)
        else:
            resolved = _resolve_by_gloss(text, cand, ctx)
            if resolved:
                label, start, end, is_shift, year_ctx, current = resolved
                start, end = apply_boundaries(cand.suffixes, start, end, cand.open_end)
                if ctx.current is None:
                    ctx.current = current
        if (periods and start is not None and not is_shift and (start, end) == (periods[-1]["start_date"], periods[-1]["end_date"])
                and text[periods[-1]["end"]:cand.start] in _APPOSITION_GAPS and text.startswith(("the ", "The "), cand.start)):
            continue  # "between Farvardin and Bahman, the first eleven months of the year": an appositive restating it
        if is_shift and dropped and ctx.period == dropped:
            continue  # "the same period last year" after a range shorter than a month: no period either
        if cand.sem.kind == "day_range" and start and end and (end - start).days + 1 < _MONTH_DAYS:
            # "between March 15 and April 1": an interval shorter than a month is no period, but a
            # shift after it still refers to it
            dropped = (start, end)
            ctx.period, ctx.period_calendar = dropped, label
            continue
        if not is_shift and start is not None:
            ctx.period = (start, end if end else (published or end))
            ctx.period_calendar = label
            if ctx.period[1]:
                history.append(ctx.period)
            # only a year written out moves the year in context; "the previous year"
            # does not, nor does a month or half with no year of its own
            if year_ctx and year_ctx[1] is not None and _names_year(cand.sem):
                ctx.chain = (cand.end, year_ctx)
            if label != "gregorian":
                ctx.gregorian_only = False
            if year_ctx and year_ctx[1] is not None and _explicit_year(cand.sem):
                if year_ctx[0] == "gregorian":
                    ctx.gregorian_sentence = (cand.end, year_ctx[1])
                    if not periods and not cand.open_end:
                        ctx.gregorian_topic = year_ctx[1]
                ctx.year = year_ctx
                if year_ctx[0] == "hijri":
                    ctx.hijri_year = year_ctx[1]
                    ctx.sentence_year = (cand.end, year_ctx[1])
                    if ctx.topic is None:
                        ctx.topic = year_ctx[1]
            if ctx.topic is None and label == "hijri" and cand.sem.kind in _TOPIC_KINDS:
                # the year the article is about is its first period's, written out or not
                # ("from Farvardin to Azar ... since 1398 ... in H1": H1 is Farvardin's year); a
                # month with no year is of the current one, even when it is last year's (still to come)
                anchor = cand.sem.args.get("anchor")
                bare = cand.sem.kind == "part" and (anchor is None or anchor.kind == "context")
                ctx.topic = _topic_year(ctx, text, cand.start) if bare else cal.hijri_year_of(start)
        periods.append(dict(
            start=cand.start, end=cand.end, text=text[cand.start:cand.end],
            calendar="gregorian" if label == "gregorian" else "solar_hijri",
            start_date=start, end_date=end,
            hijri_start=cal.hijri_iso(start), hijri_end=cal.hijri_iso(end), rule=cand.rule))
    return _PERIODS.validate_python(periods)  # the records, validated in one call
