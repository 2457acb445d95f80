"""The periods grammar: constituents, then named composition rules.

In the manner of Duckling's time rules.  One pass over the text finds the
constituents (``lex``): every word of the lexicon (``data/time.json``,
``data/months.json``) becomes a one-letter symbol with a value, numbers are
classified (Iranian year ``h``, Gregorian year ``G``, small number ``N``,
decade ``d``, other ``0``), and any other word becomes ``x``.  Only the
stretches between ``x`` and sentence ends that hold a year, a month or a part
are kept: the symbols of an article form a short string (about 70 letters).

A rule is a name, a pattern over that string (built from the named
constituent patterns ``PART``, ``YEAR``, ``SHIFT``, ``DAY`` ... below) and a
production that turns the matched tokens into a meaning (:class:`Sem`).  The
rules are short declarations in ``RULES``: "X of Y", "Y's X", "X, Y" and
"X Y" are four rules over the same two constituents, so a part that works in
one form works in all of them, and a new anchor or part is one alternative of
its constituent.  A rule whose production is ``None`` is a blocker: it claims
its tokens (a single day, "year on year") so that nothing inside is a period.

The meanings are resolved to dates by the pure functions of ``timex.py`` and
``calendar.py``; nothing here knows a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter, sub
from typing import Callable, Optional

from .resources import load

# --- constituents --------------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    table: dict          # surface form -> (symbol, value): lexicon words in their three casings,
                         # month names, H1/Q2, punctuation
    words: dict          # lower-case word -> (symbol, value)
    persian: dict
    gregorian: dict
    abbreviations: frozenset
    not_after_persian: frozenset
    units: frozenset
    year_nouns: frozenset  # "the 1405 budget": a year number that modifies one of these is a year


@lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    months = load("months")
    time = load("time")
    words = {k: tuple(v) for k, v in time["words"].items()}
    for word, n in months["ordinals"].items():
        if word not in ("last",):
            words[word.lower()] = ("o", n)
    for word, n in months["counts"].items():
        words[word.lower()] = ("n", n)
    table = {}
    for word, entry in words.items():
        for form in (word, word.capitalize(), word.upper()):
            table[form] = entry
    for name, n in months["persian"].items():
        table[name] = ("p", n)
    gregorian = {k.rstrip("."): v for k, v in months["gregorian"].items()}
    gregorian.update(time["gregorian_abbreviations"])
    for name, n in gregorian.items():
        table[name] = ("g", n)
    for name in time["gregorian_abbreviations"]:
        table[name + "."] = table[name]  # "Jan. 2017"
    for k in (1, 2):
        table[f"H{k}"] = ("k", k)
    for k in (1, 2, 3, 4):
        table[f"Q{k}"] = ("q", k)
    for ch in "(),":
        table[ch] = (ch, ch)
    for ch in "-–/":
        table[ch] = ("-", ch)
    for ch in ".;:!?\n":
        table[ch] = (".", ch)
    table["'s"] = table["’s"] = ("s", None)
    abbreviations = frozenset(k for k in gregorian if len(k) <= 4 and k != "May")
    return Lexicon(table, words, months["persian"], gregorian, abbreviations,
                   frozenset(months["not_after_persian_month"]), frozenset(time["year_units"]),
                   frozenset(time["year_nouns"]))


# one token after its (non-newline) spaces: a word, a number, 's, a newline or any other character
# (no group: findall then returns plain strings, much cheaper than tuples of groups; the
# token itself is the string without its leading spaces, "" for a newline)
_TOKEN = re.compile(r"[^\S\n]*+(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.(?=[ \t]+[a-z0-9])|[A-Za-z]++\d?|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?(?![A-Za-z0-9])|\d+|['’]s(?![A-Za-z])|\S|\n|\Z)")
_OTHER = ("x", None)
_first, _second, _third = itemgetter(0), itemgetter(1), itemgetter(2)
# a stretch between other words and sentence ends ("the Indian fiscal year" keeps its adjective)
# that holds a head: a year, a month or a part
# (a run is tried once, from its first symbol: the pattern starts with a class, so the engine
# skips to it in C, and the lookbehind after it makes sure it starts the run; linear)
_STRETCH = re.compile(r"[^x.](?<![^x.]{2})(?:(?<=[YMmpgGhHQkqPd])|[^x.]*?[YMmpgGhHQkqPd])[^x.]*+")
_ADJECTIVE = re.compile(r"(?<=T)x(?=[CF])")  # "the Indian fiscal year": an adjective, kept as "_"


@dataclass(slots=True)
class Tokens:
    """The constituents of a text: parallel lists and the symbol string."""

    text: str
    symbols: str
    starts: list
    ends: list
    values: list


@lru_cache(maxsize=4096)
def _number(word: str):
    if not word.isascii():
        return "0", None  # "¹", Persian digits
    if word.endswith("s") and len(word) == 5 and word[:4].isdigit() and word[3] == "0":
        return "d", int(word[:4])
    if len(word) > 6:
        return "0", None
    if word[-2:] in ("st", "nd", "rd", "th"):
        n = int(word[:-2]) if word[:-2].isdigit() else 0
        return ("o", n) if 1 <= n <= 12 else ("N", n)
    if not word.isdigit():
        return "0", None
    n = int(word)
    if len(word) <= 2:
        return "N", n
    if len(word) == 4 and 1300 <= n <= 1499:
        return "h", n
    if len(word) == 4 and 1900 <= n <= 2099:
        return "G", n
    return "0", None


@lru_cache(maxsize=None)
def _table() -> dict:
    """The lexicon's table, with "" for a newline (see ``_TOKEN``)."""
    table = dict(lexicon().table)
    table[""] = table["\n"]
    return table


class _Entries(dict):
    """A token as ``_TOKEN`` finds it (with the spaces before it) -> (symbol, value, length of
    the token without its spaces).  A memo of the lexicon and of ``_number``: a word is looked
    up once, then each later occurrence costs one dict lookup in C.  It holds words, never
    texts, and stops growing at ``LIMIT`` entries (a stream's vocabulary; the rest are looked
    up each time)."""

    LIMIT = 50_000  # (about 8 MB at most)

    def __missing__(self, span: str) -> tuple:
        word = span.lstrip()  # a newline (the only token that is a space) becomes ""
        symbol, value = _number(word) if word[:1].isdigit() else _table().get(word, _OTHER)
        entry = (symbol, value, len(word))
        if len(self) < self.LIMIT:
            self[span] = entry
        return entry


_ENTRIES = _Entries()


def forget_memos() -> None:
    """Empty the memos of words and constituents (benchmarks start each round from none)."""
    _ENTRIES.clear()
    for memo in (_number, anchor_of, part_of, day_of, _parse_stretch):
        memo.cache_clear()


def lex(text: str) -> Tokens:
    """The constituents of ``text``.  Other words become ``x``; the stretches between
    them and sentence ends that hold no year, month or part are dropped, so the rules
    only scan the few stretches that can hold a period (``.`` separates them)."""
    spans = _TOKEN.findall(text)  # each token with the spaces before it; each step below is a map in C
    spans.pop()  # the spaces at the end (matched with \Z, so that spaces never backtrack)
    if not spans:
        return Tokens(text, "", [], [], [])
    entries = list(map(_ENTRIES.__getitem__, spans))
    syms = "".join(map(_first, entries))
    if "TxC" in syms or "TxF" in syms:
        syms = _ADJECTIVE.sub("_", syms)
    out_syms, out_starts, out_ends, out_values = [], [], [], []
    offset, counted = 0, 0  # the characters of spans[:counted], summed only up to each stretch
    for stretch in _STRETCH.finditer(syms):
        a, b = stretch.span()
        offset += sum(map(len, spans[counted:a]))
        ends = list(accumulate(map(len, spans[a:b]), initial=offset))
        offset, counted = ends[-1], b
        del ends[0]
        out_syms.append(syms[a:b] + ".")
        out_starts += map(sub, ends, map(_third, entries[a:b]))
        out_starts.append(offset)
        out_ends += ends
        out_ends.append(offset)
        out_values += map(_second, entries[a:b])
        out_values.append(None)
    return Tokens(text, "".join(out_syms), out_starts, out_ends, out_values)


# --- meanings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """A year: ``kind`` rel (value: offset from the current Iranian year), previous
    (the year before the one in context), new, context ("the year"), hijri, gregorian."""

    kind: str
    value: Optional[int] = None


@dataclass(frozen=True)
class Part:
    """A part of a year: months ``first``..``last`` of it; ``calendar`` forces one."""

    first: int
    last: int
    calendar: Optional[str] = None  # "hijri" (Persian months), "gregorian" (Gregorian months)
    unanchored_ok: bool = True      # "the past five months" needs a year


@dataclass(slots=True)
class Sem:
    """What a rule built: ``kind`` names the resolver, ``args`` its inputs."""

    kind: str
    args: dict = field(default_factory=dict)


@lru_cache(maxsize=4096)  # pure, of a few (symbol, value) pairs that recur
def anchor_of(toks) -> Optional[Anchor]:
    """The year named by a YEAR constituent."""
    syms = "".join(map(_first, toks))
    nums = [(s, v) for s, v in toks if s in "hGN"]
    if "F" in syms and ("G-N" in syms or "G-G" in syms):
        g = nums[0][1]
        second = nums[1][1]
        if (second % 100) != (g + 1) % 100:
            return None
        return Anchor("hijri", g - 621)  # fiscal 2019-20 is 1398
    if syms.endswith("FG"):  # fiscal 2023 is 1402, as fiscal 2023-24 is
        return Anchor("hijri", nums[0][1] - 621)
    for s, v in toks:
        if s == "h":
            return Anchor("hijri", v)
        if s == "G":
            return Anchor("gregorian", v)
    for s, v in toks:
        if s in "Rl":
            if v == "previous":  # "the previous Iranian year": the Iranian year before the one in context
                return Anchor("previous", "hijri" if "C" in syms else None)
            if v == "new":
                return Anchor("new") if ("C" in syms or "F" in syms) else None
            return Anchor("rel", v)
    if "e" in syms:
        return Anchor("previous")  # the year before
    return Anchor("context")


@lru_cache(maxsize=4096)  # pure, of a few (symbol, value) pairs that recur
def part_of(toks) -> Optional[Part]:
    """The part of a year named by a PART constituent."""
    syms = "".join(map(_first, toks))
    persian = [v for s, v in toks if s == "p"]
    gregorian = [v for s, v in toks if s == "g"]
    if persian:
        return Part(persian[0], persian[-1], "hijri")
    if gregorian:
        a, b = gregorian[0], gregorian[-1]
        return Part(a, b, "gregorian") if a <= b else None
    for s, v in toks:
        if s == "k":
            return Part(1, 6) if v == 1 else Part(7, 12)
        if s == "q":
            return Part(3 * v - 2, 3 * v)
    ordinal = next((v for s, v in toks if s in "ol"), None)
    if "H" in syms:
        return {1: Part(1, 6), 2: Part(7, 12)}.get(ordinal)
    if "Q" in syms:  # "the final quarter" is the fourth; "last quarter" on its own is no part of a year
        q = 4 if ordinal == -1 else ordinal
        return Part(3 * q - 2, 3 * q, unanchored_ok="l" not in syms) if q in (1, 2, 3, 4) else None
    count = next((v for s, v in toks if s in "nN"), None)
    if "m" in syms:  # the first / last N months
        if not count or not 1 <= count <= 12:
            return None
        if ordinal == 1:
            return Part(1, count)
        if ordinal == -1:
            return Part(13 - count, 12, unanchored_ok=False)
        if ordinal is None:  # "the ten months of the current year": its first ten
            return Part(1, count, unanchored_ok=False)
        return None
    if "P" in syms:  # the N-month period
        return Part(1, count, unanchored_ok=False) if count and 1 <= count <= 12 else None
    if "M" in syms and ordinal is not None:  # the first month, the final month
        n = 12 if ordinal == -1 else ordinal
        return Part(n, n) if 1 <= n <= 12 else None
    return None


@lru_cache(maxsize=4096)  # pure, of a few (symbol, value) pairs that recur
def day_of(toks) -> Optional[tuple]:
    """(month, day, year or None) of a DAY constituent."""
    month = next((v for s, v in toks if s == "g"), None)
    day = next((v for s, v in toks if s in "No" and isinstance(v, int) and v > 0), None)
    year = next((v for s, v in toks if s == "G"), None)
    if month is None or day is None or not 1 <= day <= 31:
        return None
    return month, day, year


# --- the composition rules ----------------------------------------------------------------

# Constituents as patterns over the symbol string (see lex).
MACROS = {
    # a part of a year
    "PART": "|".join([
        r"T?[ol][nN]-?m",              # the first nine months, the last 3 months
        r"T?[nN]-MP",                  # the nine-month period
        r"T[nN]-?m(?=[OI])",           # the ten months (of the current year)
        r"T?oH", r"k", r"T?[ol]Q", r"q",  # halves and quarters
        r"(?:T|(?<=[^.]))o?C*mO(?:pap|gag)",  # (in) the (Iranian) months of Farvardin and Ordibehesht, of May and June
        r"(?<=b)(?:pap|gag)",          # (between) Farvardin and Shahrivar, (between) May and June
        r"T?[ol]?C*MOp(?:[-t]p)?",     # the (12th, last) Iranian month of Mehr
        r"p(?:[-t]p)?",                # Mehr, Farvardin-Khordad, Farvardin to Azar
        r"T?[ol]C*M",                  # the first month, the last Iranian month
        r"(?:TMO)?g(?:[-t]g)?",        # (the month of) May, January-September
    ]),
    # a year
    "YEAR": "|".join([
        r"T?C*FY?G-[NG]",              # fiscal year 2018-19
        r"T_[CF]*FY?G-[NG]",           # the Indian fiscal year 2024-25
        r"T?G-[NG]C*FY",               # the 2019-20 fiscal year
        r"T?[Rl]?C*F?YO?[hG]",         # the (current) Iranian calendar year (of) 1399, the year 2020
        r"T?[hG][CF]+Y",               # the 1397 Iranian calendar year
        r"T?C*F[hG]",                  # fiscal 2023: the Iranian year that begins in 2023
        r"T?[Rl]C*F?Y",                # the current Iranian calendar year, last year, next fiscal year
        r"TYe",                        # the year before
        r"TWO(?:[hG]|T?[Rl]C*F?Y)",     # the whole of 2016, the whole of last year
        r"TW(?:[Rl]C*F?Y|C*F?YO?[hG])",  # the entire current year, the whole year 2016
        r"TC+F?Y",                     # the Iranian year (in context)
        r"TY",                         # the year (in context)
        r"[hG]",                       # 1398, 2019
    ]),
    # a year written after a part with no connector: "Tir 1398", "H1 last year"
    "NEXTYEAR": r"[hG]|[Rl]C*F?Y",
    # a shift: "same period", "corresponding months", "same ten months"
    "SHIFT": r"S(?:P|m|M|Q|H|[nN0]-?mP?|[nN0]-?MP)",
    "LENGTH": r"0-?MP",  # "the last year's 6.5-month period": a length that is no part
    "DAY": r"(?:g[No]|[No]g)",  # March 21, 21 March, January 1st
}


def _expand(pattern: str) -> str:
    for name, body in MACROS.items():
        pattern = pattern.replace("{" + name + "}", f"(?:{body})")
    return pattern


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str
    production: Optional[Callable]  # (Match, Tokens) -> Sem | list[Sem] | None; None: a blocker
    needs: str = ""  # symbols the rule cannot match without (a text without them skips it)
    near: str = ""   # a short pattern the rule cannot match without (a text without it skips it)


def _group(m: re.Match, toks: Tokens, name: str):
    a, b = m.span(name)
    if a < 0:
        return ()
    return tuple(zip(toks.symbols[a:b], toks.values[a:b]))  # hashable: the meanings below are memoised


def p_part_year(m, toks):
    year = _group(m, toks, "year")
    part, anchor = part_of(_group(m, toks, "part")), anchor_of(year)
    if anchor is None and year and "".join(map(_first, year)).lstrip("T") == "RY" and year[-2][1] == "new":
        anchor = Anchor("new")  # "the first quarter of the new year": a part makes "the new year" a year
    if part is None or anchor is None:
        return None
    return Sem("part", {"part": part, "anchor": anchor})


def p_gregorian_year_part(m, toks):
    part, anchor = part_of(_group(m, toks, "part")), anchor_of(_group(m, toks, "year"))
    if part is None or anchor is None:
        return None
    return Sem("part", {"part": Part(part.first, part.last, "gregorian"), "anchor": anchor})


def p_part(m, toks):
    part = part_of(_group(m, toks, "part"))
    if part is None or not part.unanchored_ok:
        return None
    return Sem("part", {"part": part, "anchor": None})


def p_year(m, toks):
    anchor = anchor_of(_group(m, toks, "year"))
    return Sem("year", {"anchor": anchor}) if anchor else None


def p_shift(m, toks):
    anchor = anchor_of(_group(m, toks, "year")) if m.groupdict().get("year") is not None else None
    return Sem("shift", {"anchor": anchor})


def p_coordinated(m, toks):
    second = anchor_of(_group(m, toks, "year"))
    first = anchor_of(_group(m, toks, "first"))
    if first is None or second is None:
        return None
    return [Sem("year", {"anchor": first, "span": m.span("first")}),
            Sem("year", {"anchor": second, "span": m.span("year")})]


def p_year_parts(m, toks):
    """ "2025 Q2 and Q3", "1398 H1 and H2": two parts of the year written before the first."""
    year = toks.values[m.start("year")]
    anchor = anchor_of(_group(m, toks, "year"))
    calendar = "gregorian" if toks.symbols[m.start("year")] == "G" else None
    out = []
    for name, span in (("part", (m.start(), m.end("part"))), ("part2", m.span("part2"))):
        part = part_of(_group(m, toks, name))
        if part is None or anchor is None or year is None:
            return None
        out.append(Sem("part", {"part": Part(part.first, part.last, calendar or part.calendar), "anchor": anchor,
                                "span": span}))
    return out


def p_months_to(m, toks):
    count = next((v for s, v in _group(m, toks, "count") if s in "nN"), 1)
    day = day_of(_group(m, toks, "day")) if m.group("day") is not None else None
    end = _group(m, toks, "monthend")
    persian = next((v for s, v in end if s == "p"), None)
    year = next((v for s, v in end if s == "h"), None)
    gregorian = next((v for s, v in end if s == "g"), None)
    if gregorian is not None:  # "the nine months to the end of December": its last day
        if count == 12:
            return None  # "the 12 months to (the end of) March": year to month
        day = (gregorian, 31, next((v for s, v in end if s == "G"), None))
    if not 1 <= count <= 12 or (day is None and persian is None):
        return None
    return Sem("months_to", {"n": count, "day": day, "persian_end": persian, "persian_year": year})


def p_year_to(m, toks):
    month = next((v for s, v in _group(m, toks, "month") if s == "g"), None)
    count = next((v for s, v in _group(m, toks, "head") if s in "nN"), 12)
    year = next((v for s, v in _group(m, toks, "month") if s == "G"), None)
    day = next((v for s, v in _group(m, toks, "month") if s == "N"), None)
    if count != 12:
        return None
    return Sem("year_to", {"month": month, "year": year, "day": day})


def p_day_range(m, toks):
    a, b = day_of(_group(m, toks, "d1")), day_of(_group(m, toks, "d2"))
    if a is None or b is None:
        return None
    y1 = next((v for s, v in _group(m, toks, "y1") if s == "G"), None)
    y2 = next((v for s, v in _group(m, toks, "y2") if s == "G"), None)
    if toks.symbols[m.start("sep")] == "a" and not toks.text[max(0, toks.starts[m.start()] - 9):toks.starts[m.start()]].lower().rstrip().endswith("between"):
        return None
    return Sem("day_range", {"a": (a[0], a[1], y1), "b": (b[0], b[1], y2)})


def p_month_year_range(m, toks):
    if toks.symbols[m.start("sep")] == "a" and not toks.text[max(0, toks.starts[m.start()] - 9):toks.starts[m.start()]].lower().rstrip().endswith("between"):
        return None
    m1, y1 = [v for s, v in _group(m, toks, "a") if s in "gG"]
    m2, y2 = [v for s, v in _group(m, toks, "b") if s in "gG"]
    return Sem("dates", {"calendar": "gregorian", "first": (y1, m1), "last": (y2, m2)})


def p_year_range(m, toks):
    y1, y2 = toks.values[m.start("y1")], toks.values[m.start("y2")]
    if not y1 < y2 <= y1 + 50:
        return None
    return Sem("dates", {"calendar": "gregorian", "first": (y1, 1), "last": (y2, 12)})


def p_short_year_range(m, toks):
    """ "2011-15": the century of the first year; "2019-20" (a year apart) is a fiscal year's way of
    writing one Iranian year, so only ranges of three years or more are read here."""
    y1, n = toks.values[m.start("y1")], toks.values[m.start("y2")]
    if len(toks.text[toks.starts[m.start("y2")]:toks.ends[m.start("y2")]]) != 2:
        return None
    y2 = y1 - y1 % 100 + n
    if not y1 + 2 <= y2 <= y1 + 50:
        return None
    return Sem("dates", {"calendar": "gregorian", "first": (y1, 1), "last": (y2, 12)})


def p_decade(m, toks):
    d = next(v for s, v in _group(m, toks, "decade") if s == "d")
    return Sem("dates", {"calendar": "gregorian", "first": (d, 1), "last": (d + 9, 12)})


def p_relative_month(m, toks):
    rel = toks.values[m.start("rel")]
    offset = -1 if rel in (-1, "previous") else rel
    if offset not in (-1, 0, 1):
        return None
    iranian = "C" in m.group(0)
    named = toks.values[m.start("named")] if m.groupdict().get("named") is not None else None
    return Sem("relative_month", {"offset": offset, "calendar": "hijri" if iranian else "gregorian", "named": named})


def p_relative_gregorian_month(m, toks):
    rel = toks.values[m.start("rel")]
    if rel not in (-1, 0, 1):
        return None
    return Sem("relative_gregorian_month", {"month": toks.values[m.start("part")], "offset": rel})


RULES: tuple[Rule, ...] = (
    # shifts: a period moved by a year
    Rule("shift of year", r"T?{SHIFT}[OI](?P<year>{YEAR})", p_shift, needs="S", near="S[PmMQHnN0]"),
    Rule("shift + year", r"T?{SHIFT}(?P<year>{NEXTYEAR})", p_shift, needs="S", near="S[PmMQHnN0]"),
    Rule("year's shift", r"(?P<year>{YEAR})s(?:{SHIFT}|{LENGTH})", p_shift, needs="s", near="s[S0]"),
    Rule("shift a year earlier", r"T?{SHIFT}AYe", p_shift, needs="SAe"),
    # a part of a year, in the genre's forms
    Rule("part of year", r"(?P<part>{PART})[OI](?P<year>{YEAR})", p_part_year),
    Rule("year's part", r"(?P<year>{YEAR})s(?P<part>{PART})", p_part_year, needs="s", near="s[TolnNkqCmMpg]"),
    Rule("part, year", r"(?P<part>{PART}),(?P<year>[hG])", p_part_year, needs=",", near=",[hG]"),
    # (a part ends in m, P, H, k, Q, q, p, M or g; NEXTYEAR starts with h, G, R or l)
    Rule("part year", r"(?P<part>{PART})(?P<year>{NEXTYEAR})", p_part_year, near="[mPHkQqpMg][hGRl]"),
    Rule("gregorian year part", r"T?(?P<year>G)-?(?P<part>k|q|o[HQ]|g)", p_gregorian_year_part, needs="G",
         near="G-?[kqog]"),
    Rule("year's parts", r"T?(?P<year>[hG])-?(?P<part>k|q|o[HQ])a(?P<part2>k|q|T?o[HQ])", p_year_parts, needs="a"),
    Rule("this and next year", r"(?P<first>T?R)a(?P<year>T?[Rl]C*F?Y)", p_coordinated, needs="aY"),
    # explicit dates
    Rule("months to day", r"T?(?P<count>[nN]-?m|[nN]-MP|M)t[IU]?(?:(?P<day>{DAY}(?:,?G)?)|(?P<monthend>(?:TEOT?C*M?O?)?(?:ph?|g(?:,?G)?)))",
         p_months_to, needs="t", near="[mPM]t"),
    Rule("year to month", r"T?[CF]*(?P<head>Y|[nN]m)t[IU]?(?:TEO)?(?P<month>g(?:N?,?G|N)?)", p_year_to, needs="tg", near="[Ym]t[IU]?(?:TEO)?g"),
    Rule("day range", r"(?P<d1>{DAY})(?:,?(?P<y1>G))?,?(?P<sep>[-ta])(?P<d2>{DAY})(?:,?(?P<y2>G))?", p_day_range, needs="g",
         near="[gNoG],?[-ta][gNo]"),
    Rule("length from day range", r"T?[nN0]-?MPf(?P<d1>{DAY})(?:,?(?P<y1>G))?,?(?P<sep>[-t])(?P<d2>{DAY})(?:,?(?P<y2>G))?",
         p_day_range, needs="fP"),
    Rule("month-year range", r"(?P<a>g,?G)(?P<sep>[-ta])(?P<b>g,?G)", p_month_year_range, needs="gG"),
    Rule("year range", r"(?P<y1>G)[-t](?P<y2>G)", p_year_range, needs="G"),
    Rule("short year range", r"(?P<y1>G)-(?P<y2>N)", p_short_year_range, needs="GN"),
    Rule("decade", r"T?(?P<decade>d)", p_decade, needs="d"),
    # "the current Iranian month of Dey" ("the last Iranian month of Esfand" is the year's last: a part)
    Rule("iranian relative named month", r"T?(?P<rel>R)C+MO(?P<named>p)", p_relative_month, needs="CMp", near="CMOp"),
    Rule("iranian relative month", r"T?(?P<rel>[Rl])C+M", p_relative_month, needs="CM"),
    Rule("relative month", r"T?(?P<rel>[Rl])M", p_relative_month, needs="M"),
    Rule("relative gregorian month", r"(?P<rel>[Rl])(?P<part>g)", p_relative_gregorian_month, needs="g"),
    # constituents on their own
    Rule("part", r"(?P<part>{PART})", p_part),
    Rule("year", r"(?P<year>{YEAR})", p_year),
    # blockers: not periods, and nothing inside them is one
    Rule("single day", r"{DAY}(?:,?G)?", None, needs="g"),
    Rule("year on year", r"Y-?U-?Y", None, needs="U"),
    Rule("month of the calendar", r"T?oC*MOTC+", None, needs="MC"),  # "the tenth month of the Iranian calendar"
    # "the hot months of Tir and Mordad": an adjective before "months of X and Y" (RECORDS decides
    # only "the months of X and Y", one range): one range or two months, unsettled, so neither
    Rule("qualified months of", r"(?<![^.])mO(?:pap|gag)", None, needs="mOa", near="mO[pg]a"),
    # "at the same point last year", "this time last year": a day a year back, not a period
    Rule("same point of year", r"T?[SR]D[OI]?T?{YEAR}", None, needs="DY", near="[SR]D"),
)


# the symbols a constituent can start with: a rule that starts with one only tries there
#: the symbols a constituent can start with, after an optional "the" (a cheap test before its alternatives)
FIRST = {"PART": "olnNkqpgCmM", "YEAR": "CFGRlYhW_"}


def _compile(pattern: str) -> re.Pattern:
    for name, first in FIRST.items():
        if pattern.startswith((f"(?P<part>{{{name}}}", f"(?P<year>{{{name}}}", f"{{{name}}}")):
            pattern = f"(?=T?[{first}])" + pattern
    return re.compile(_expand(pattern))


@lru_cache(maxsize=None)
def compiled_rules() -> tuple:
    return tuple((rule, _compile(rule.pattern), frozenset(rule.needs)) for rule in RULES)


@lru_cache(maxsize=None)
def _near() -> tuple:
    """Per rule, the compiled ``near`` pattern's search, or None."""
    return tuple(re.compile(rule.near).search if rule.near else None for rule in RULES)


_ORDER = itemgetter(0, 1, 2)


@dataclass(slots=True)
class Match:
    """A rule's match: character span, the rule, and the regex match its production reads.
    ``found`` is a match over the symbols of one stretch, whose first token is ``offset``."""

    start: int
    end: int
    rule: str
    priority: int
    first_token: int
    last_token: int
    found: Optional[re.Match] = None
    production: Optional[Callable] = None  # None: a blocker
    sem: Optional[Sem] = None  # what the production built, once it ran
    offset: int = 0

    def build(self, toks: Tokens) -> list["Match"]:
        """The matches with their meanings (two for coordinated years); [] if the production refuses."""
        k, n = self.offset, len(self.found.string)
        stretch = Tokens(toks.text, self.found.string, toks.starts[k:k + n], toks.ends[k:k + n], toks.values[k:k + n])
        sem = self.production(self.found, stretch)
        if sem is None:
            return []
        out = []
        for one in (sem if isinstance(sem, list) else [sem]):
            span = one.args.pop("span", None)
            ta, tb = (span[0] + k, span[1] + k) if span else (self.first_token, self.last_token)
            out.append(Match(toks.starts[ta], toks.ends[tb - 1], self.rule, self.priority, ta, tb, sem=one))
        return out


@lru_cache(maxsize=8192)  # the stretches that recur; a few MB at most
def _parse_stretch(symbols: str) -> tuple:
    """(rule index, first token, last token + 1, regex match) of every match of every rule over
    the symbols of one stretch (ending in "."). No rule reads past a ".", so a text's matches are
    its stretches' matches; a stretch's symbols recur from article to article (a memo of a pure
    function of the symbols, never of a text)."""
    present = set(symbols)
    out = []
    for priority, ((rule, regex, needs), near) in enumerate(zip(compiled_rules(), _near())):
        if not needs <= present or (near is not None and near(symbols) is None):
            continue
        for m in regex.finditer(symbols):
            a, b = m.span()
            if a != b:
                out.append((priority, a, b, m))
    return tuple(out)


def parse(toks: Tokens) -> list[Match]:
    """Every match of every rule over the symbols, longest first, then by rule order and
    position (the order in which they are chosen); productions run later, on the matches chosen."""
    found = []
    starts, ends = toks.starts, toks.ends
    k = 0  # the first token of the stretch
    for stretch in toks.symbols.split(".")[:-1]:
        for priority, a, b, m in _parse_stretch(stretch + "."):
            a += k
            b += k
            found.append((starts[a] - ends[b - 1], priority, starts[a], b, a, m, k))
        k += len(stretch) + 1
    found.sort(key=_ORDER)  # as plain tuples: cheaper than a key function over objects
    rules = compiled_rules()
    return [Match(start, start - negative_length, rules[priority][0].name, priority, a, b, m,
                  rules[priority][0].production, offset=k) for negative_length, priority, start, b, a, m, k in found]
