"""Coordinations: lists of items joined by commas and "and", and the amounts that go with them.

Pure functions over character spans, no spaCy: the caller finds the items
(countries, organizations) and the amounts (money mentions) of one stretch of
text, sorted by offset; :func:`parse` reads how they are arranged.

Constituents and the composition rules over them:

* an **item** is a span the caller found; an item in brackets right after
  another ("the United Arab Emirates (UAE)") is that item's acronym, not a
  list item (``Parse.acronym_of``);
* a **conjunct** is one or more items and what is attached to them: an
  amount after them ("Iraq at $1b", "Iraq ($1b)", "Oman with $300 million",
  "Afghanistan $540 million", "Iraq bought $2 billion"), an amount before
  the item ("$410 million went to Iraq", "$220 million to Afghanistan"), a
  run of amounts ("... at $1.2 billion, $640 million and $310 million"), or
  a share ("Spain took 35 percent");
* conjuncts join into one **coordination** when only a comma and a
  connector stand between them ("and", "as well as", "followed by", "ahead
  of", ...); "while" / "whereas" join only when the conjunct after them
  receives ("..., while Armenia and Kazakhstan took $164 million each");
* an item followed by a selling verb ("China sold", "Turkey was the top
  seller") is a **seller**: it joins no list and gets no amount.

The words between an item and its amount are a few lowercase words ("stood
at", "were the main buyers at"; a nationality adjective such as "Persian",
"Iranian" or "Chinese-style", a year, a tonnage and a bracketed gloss may
stand among them), possibly after a relative clause (",
which bought most of the ore,"), or a relative clause whose verb receives
the amount (", which bought $1.5 billion").

Alignment (``Parse.pairs``): a conjunct's amount goes to its only item, to
every item when "each" follows or precedes it, or item by item when it is a
run as long as the items (a parallel list); a coordination with no amount
of its own takes, with ``respectively``, the first run after it that is
exactly as long, and without it only the very next run, joined by "and",
with no other item between.  One amount for several items without "each"
is a joint figure: no pair.

Every gap between two neighbours is read once, with patterns anchored on
that gap and a bounded window, so the whole parse is linear in the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional, Sequence

from .resources import load

Span = tuple[int, int]

#: the longest gap read between an item and its amount
MAX_GAP = 90
#: the longest stretch read after an item for a verb or a share
LOOK = 80


_OPEN = re.compile(r"\s*\(\s*(?:the\s+)?")
_CLOSE = re.compile(r"\s*\)")
_AND = re.compile(r"\band\b")
_QUALIFIER_TAIL = re.compile(r"\b(?:more|less|fewer|greater|higher|lower)\s+than\s*$")
# goods joined by "and" in the object of a buyer before its amount: "the largest buyer of Iranian copper concentrate
# and cathode at $410 million" (not a break of the gap)
_GOODS_AND = re.compile(r"\bof\s+(?:[A-Za-z\-’']+\s+){0,3}?[a-z\-]+\s+and\s+[a-z\-]+\s+(?=(?:at|worth|valued\s+at|with|for)\s*$)")


def _alt(words) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in word.split()) for word in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Grammar:
    separator: re.Pattern
    conditional: re.Pattern
    right: re.Pattern
    left: re.Pattern
    breaks: re.Pattern
    receive: re.Pattern
    seller: re.Pattern
    each_after: re.Pattern
    each_in: re.Pattern
    run_gap: re.Pattern
    share: re.Pattern
    left_share: re.Pattern
    bracket_open: re.Pattern
    acronym: re.Pattern
    complement: re.Pattern
    relative: re.Pattern
    relative_verb: re.Pattern
    share_units: tuple[str, ...]


@lru_cache(maxsize=None)
def grammar() -> _Grammar:
    data = load("coordination")
    qualifiers = [w for key in ("more_than", "less_than", "about") for w in load("qualifiers")[key]]
    qual = _alt(qualifiers)
    connectors = _alt(data["connectors"])
    conditional = _alt(data["conditional_connectors"])
    units = _alt(data["share_units"])
    receive_verbs = _alt(data["receive_verbs"])
    return _Grammar(
        # between two conjuncts: a comma and/or a connector, then "the"
        separator=re.compile(rf"\s*(?:,\s*)?(?:(?:{connectors})\s+)?(?:,\s*)?(?:the\s+)?"),
        conditional=re.compile(rf"\s*,?\s*(?:{conditional})\s+(?:the\s+)?"),
        # between items and their amount: a possessive, a bracket, colon or comma, a few
        # lowercase words or percentages ("at", "stood at", "rose 20 percent to", "with exports valued at")
        right=re.compile(
            r"(?:’s|'s)?\s*(?:[(:,—–-]\s*)?"
            r"(?:(?:[a-z][a-z\-]*|Iran['’]s|[A-Z][a-z]+(?:an|ese|ish|i)(?:-[a-z]+)?|\d+(?:\.\d+)?\s*(?:percent|%)|(?:13|14|19|20)\d\d(?:[-/–](?:\d\d){1,2})?"
            r"|\([^()$€£¥]{1,60}\)|\d[\d.,]*\s+(?:(?:million|thousand|billion)\s+)?(?:tons?|tonnes?|barrels?|units?|bpd"
            r"|cubic\s+(?:meters?|metres?)|(?:kilo|mega|giga)watt(?:-hours?)?s?|(?:kwh|mwh|gwh)))"
            r",?\s+){0,12}"),
        # between an amount and the item after it: "$410 million went to", "$220 million to"
        left=re.compile(r"\s*(?:[a-z]+,?\s+){0,6}?(?:to|into)\s+(?:the\s+)?"),
        breaks=re.compile(rf"\b(?:{_alt(data['gap_breaks'])})\b|;", re.IGNORECASE),
        receive=re.compile(rf"(?:’s|'s)?\s*(?:(?:also|alone|together|in\s+turn)\s+)?(?:{_alt(data['receive_verbs'])})\b",
                           re.IGNORECASE),
        # "China sold", "Turkey was the top seller", "China, meanwhile, sold"
        seller=re.compile(rf"(?:’s|'s)?(?:\s*,\s*[a-z]+(?:\s+[a-z]+)?\s*,)?\s+(?:(?:{_alt(data['seller_lead'])})\s+){{0,4}}"
                          rf"(?:{_alt(data['seller_verbs'])})\b"
                          # an apposition: "Turkey, the top seller to Iran, ..."
                          rf"|\s*,\s+(?:(?:{_alt(data['seller_lead'])})\s+){{1,4}}(?:{_alt(data['seller_verbs'])})\s+to\s+Iran\b"
                          # a relative clause that sells: "Turkey, which sold $1 billion to Iraq,"
                          rf"|\s*,\s*(?:which|who)\s+(?:(?:{_alt(data['seller_lead'])})\s+){{0,3}}"
                          rf"(?:{_alt([v for v in data['seller_verbs'] if not v.endswith(('er', 'ers', 'ce', 'ces', 'gin'))])})\b"),
        each_after=re.compile(rf"\s+(?:{_alt(data['each_words'])})\b"),
        each_in=re.compile(rf"\b(?:{_alt(data['each_words'])})\b"),
        # between two amounts of one run; a restatement in brackets may follow an amount
        run_gap=re.compile(rf"(?:\s*\([^()]{{1,40}}\))?\s*(?:,\s*)?(?:and\s+)?(?:(?:{qual})\s+)?"),
        share=re.compile(rf"(?:\d+(?:\.\d+)?|[a-z]+(?:[\s\-][a-z]+)?)\s*(?:{units})(?![\w])", re.IGNORECASE),
        left_share=re.compile(rf"(?:\d+(?:\.\d+)?|[a-z]+(?:[\s\-][a-z]+)?)\s*(?:{units})\s+(?:[a-z]+\s+){{0,3}}?"
                              rf"(?:to|into)\s+(?:the\s+)?", re.IGNORECASE),
        bracket_open=re.compile(rf"\s*\(\s*(?:(?:{qual})\s+)?"),
        acronym=re.compile(r"\s*\(\s*(?:the\s+)?[A-Z][A-Za-z.&]{1,9}\s*\)"),
        # what an amount may carry before the list goes on: "$1.1 billion of goods, Afghanistan ..."
        complement=re.compile(r"(?:\s*\([^()]{1,40}\))?(?:\s+(?:of|worth\s+of|in)\s+(?:[A-Za-z\-’']+\s+){0,2}?[a-z\-]+(?=\s*,))?"),
        # a relative clause between an item and its verb: ", which bought nearly all of the ore,"
        relative=re.compile(r"\s*,\s*(?:which|who|where)\b[^,;()]{0,100},"),
        # or one whose verb receives the amount: "followed by China, which bought $1.5 billion"
        relative_verb=re.compile(rf"\s*,\s*(?:which|who)\s+(?:(?:also|in\s+turn)\s+)?(?:{receive_verbs})\s+"
                                 rf"(?:(?:{qual})\s+)?"),
        share_units=tuple(u.lower() for u in data["share_units"]),
    )


@dataclass
class Conjunct:
    """Items read together and what is attached to them (indices into the caller's lists)."""

    items: list[int]
    amounts: list[int] = field(default_factory=list)
    each: bool = False
    share: bool = False
    amount_first: bool = False

    def pairs(self) -> list[tuple[int, int]]:
        if not self.amounts:
            return []
        if self.each:
            return [(i, self.amounts[0]) for i in self.items]
        if len(self.items) == 1:
            return [(self.items[0], self.amounts[0])]
        if len(self.amounts) == len(self.items):
            return list(zip(self.items, self.amounts))
        return []  # one figure for several items: a joint total, not theirs each


@dataclass
class Coordination:
    """Conjuncts joined by commas and connectors, with the offsets they cover."""

    conjuncts: list[Conjunct]
    start: int
    end: int

    @property
    def items(self) -> list[int]:
        return [i for c in self.conjuncts for i in c.items]


@dataclass
class Parse:
    coordinations: list[Coordination]
    acronym_of: dict[int, int]      # item index -> the item it abbreviates
    sellers: set[int]               # items that sell, with their acronyms (never list items of a buyer list)
    runs: list[list[int]]           # amounts joined by commas and "and", in order
    receivers: set[int] = field(default_factory=set)  # items a receive verb follows ("Iraq (IQ) bought ...")
    run_pairs: list[tuple[int, int]] = field(default_factory=list)  # lists aligned to a later run

    def coordination_of(self) -> dict[int, Coordination]:
        """Item index (acronyms included) -> its coordination."""
        out = {i: c for c in self.coordinations for i in c.items}
        for acronym, head in self.acronym_of.items():
            if head in out:
                out[acronym] = out[head]
        return out

    def pairs(self) -> list[tuple[int, int]]:
        """(item, amount) pairs of every conjunct, then those of a list aligned to a later run."""
        out = [p for c in self.coordinations for conj in c.conjuncts for p in conj.pairs()]
        paired = {i for i, _ in out}
        out += [(i, a) for i, a in self.run_pairs if i not in paired]
        return out


def amount_runs(text: str, amounts: Sequence[Span]) -> list[list[int]]:
    """Amounts joined only by commas, "and" and qualifiers ("$320m, $216m, and about $51m"), as index runs."""
    g = grammar()
    runs: list[list[int]] = []
    for k, (s, _) in enumerate(amounts):
        if runs and s - amounts[k - 1][1] <= 60 and g.run_gap.fullmatch(text, amounts[k - 1][1], s):
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def parse(text: str, items: Sequence[Span], amounts: Sequence[Span], *,
          respectively: bool = False, max_gap: int = MAX_GAP) -> Parse:
    """Read the lists of ``items`` (sorted spans) and their ``amounts`` (sorted spans) in ``text``."""
    g = grammar()
    n = len(items)
    # 1. acronyms in brackets are not list items
    acronym_of: dict[int, int] = {}
    heads: list[int] = []
    ext_end: dict[int, int] = {}
    for j, (s, e) in enumerate(items):
        if heads:
            h = heads[-1]
            opened = _OPEN.fullmatch(text, ext_end[h], s) if s - ext_end[h] <= 8 else None
            closed = _CLOSE.match(text, e)
            if opened and closed:
                acronym_of[j] = h
                ext_end[h] = closed.end()
                continue
        heads.append(j)
        acronym = g.acronym.match(text, e)
        # a bracketed acronym that is not itself an item ("(NL)"); one that is ("(UAE)") is read above
        ext_end[j] = acronym.end() if acronym and not (j + 1 < n and items[j + 1][0] < acronym.end()) else e
    runs = amount_runs(text, amounts)
    run_of = {k: r for r in runs for k in r}
    amount_starts = [s for s, _ in amounts]

    # 2. the amount after each head (no other head between), and the amount before it
    nxt: dict[int, int] = {a: items[b][0] for a, b in zip(heads, heads[1:])}

    def next_head_start(h: int) -> int:
        return nxt.get(h, len(text))

    left_of: dict[int, int] = {}      # head -> amount before it ("$410 million went to Iraq")
    left_taken: set[int] = set()
    left_share: dict[int, int] = {}   # head -> start of a share before it
    prev_end = 0
    for h in heads:
        s = items[h][0]
        k = bisect.bisect_right(amount_starts, s) - 1
        if k >= 0 and amounts[k][1] <= s and amounts[k][0] >= prev_end and s - amounts[k][1] <= 60:
            if g.left.fullmatch(text, amounts[k][1], s) and not g.breaks.search(text, amounts[k][1], s):
                left_of[h] = k
                left_taken.add(k)
        if h not in left_of:  # a share before the item: "20 percent to Afghanistan"
            window_start = max(prev_end, s - 40)
            lowered = text[window_start:s].lower()
            share = g.left_share.search(text, window_start, s) if any(u in lowered for u in g.share_units) else None
            if share and share.end() == s:
                left_share[h] = share.start()
        prev_end = ext_end[h]

    left_share_starts = set(left_share.values())
    sellers: set[int] = set()
    right_of: dict[int, tuple[list[int], bool, int]] = {}   # head -> (amount run, each, end)
    share_end: dict[int, int] = {}
    verb_gap: dict[int, tuple[int, int]] = {}
    rel_end: dict[int, int] = {}      # head -> end of a relative clause right after it, else its end
    for h in heads:
        e = ext_end[h]
        limit = min(next_head_start(h), e + LOOK)
        verb_gap[h] = (e, limit)
        if g.seller.match(text, e, min(limit, e + 50)):
            sellers.add(h)
            continue
        if h in left_of:
            continue
        k = bisect.bisect_left(amount_starts, e)
        relative = g.relative.match(text, e, min(next_head_start(h), e + 110))
        gap_start = relative.end() if relative else e  # "China, which bought most of it, remained ... at $386m"
        rel_end[h] = gap_start
        if k < len(amounts) and amounts[k][0] < next_head_start(h) and k not in left_taken \
                and amounts[k][0] - gap_start <= max_gap:
            a0, a1 = amounts[k]
            bracket = not relative and g.bracket_open.fullmatch(text, e, a0)
            gap_ok = bracket or a0 >= gap_start and g.right.fullmatch(text, gap_start, a0) and not g.breaks.search(
                _GOODS_AND.sub("", _QUALIFIER_TAIL.sub("", text[gap_start:a0]))) or g.relative_verb.fullmatch(text, e, a0)
            if gap_ok:
                run = run_of[k] if not bracket and run_of[k][0] == k else [k]
                end = amounts[run[-1]][1]
                each = g.each_after.match(text, end)
                if each:
                    end = each.end()
                if bracket:
                    closed = _CLOSE.match(text, end)
                    end = closed.end() if closed else end
                right_of[h] = (run, bool(each) or bool(g.each_in.search(text, e, a0)), end)
                continue
        limit = min(next_head_start(h), gap_start + LOOK)
        window = text[e:limit]
        lowered = window.lower()
        share = g.share.search(text, gap_start, limit) if any(u in lowered for u in g.share_units) else None
        # "Turkey, which buys power through a line in the north, accounted for 4 percent"
        if share and share.start() not in left_share_starts and g.right.fullmatch(text, gap_start, share.start()) \
                and not g.breaks.search(text, gap_start, share.start()):
            share_end[h] = share.end()

    # 3. conjuncts and coordinations, left to right
    coordinations: list[Coordination] = []
    pending: list[int] = []
    current: Optional[Coordination] = None
    tail = 0
    tail_is_amount = False
    verb_after: dict[int, bool] = {}
    # a head that goes on in a plain list inherits the verb of the list's last item
    for idx in range(len(heads) - 1, -1, -1):
        h = heads[idx]
        a, b = verb_gap[h]
        receives = bool(g.receive.match(text, a, b)) or rel_end.get(h, a) > a and bool(g.receive.match(text, rel_end[h], b))
        if not receives and idx + 1 < len(heads) and h not in right_of and h not in share_end:
            nh = heads[idx + 1]
            if items[nh][0] - ext_end[h] <= 40 and g.separator.fullmatch(text, ext_end[h], items[nh][0]) \
                    and nh not in left_of:
                receives = verb_after[nh]
        verb_after[h] = receives

    def close():
        nonlocal current, pending
        if pending and current is not None:
            current.conjuncts.append(Conjunct(items=pending))
            current.end = max(current.end, ext_end[pending[-1]])
        pending = []
        if current is not None:
            coordinations.append(current)
        current = None

    for h in heads:
        s = items[h][0]
        if h in sellers:
            close()
            coordinations.append(Coordination([Conjunct([h])], s, ext_end[h]))
            tail = ext_end[h]
            continue
        start = amounts[left_of[h]][0] if h in left_of else left_share.get(h, s)
        joined = False
        if tail_is_amount:
            complement = g.complement.match(text, tail, min(start, tail + 40))
            tail = complement.end() if complement else tail
        if current is not None and start >= tail and start - tail <= 40:
            if g.separator.fullmatch(text, tail, start):
                joined = True
            elif g.conditional.fullmatch(text, tail, start) and (verb_after.get(h) or h in left_of):
                joined = True
            if joined and h in left_of and pending:
                joined = False  # "Iraq and $5 billion to Oman": not one list
        if not joined:
            close()
            current = Coordination([], start, ext_end[h])
        tail = ext_end[h]
        tail_is_amount = h in right_of
        own = h in left_of or h in right_of or h in share_end or h in left_share
        if joined and not own and not pending and current.conjuncts and current.conjuncts[-1].amount_first:
            # "$400 million to Turkey, Oman and Syria": the amount before the list is the list's
            current.conjuncts[-1].items.append(h)
            current.end = max(current.end, tail)
            continue
        pending.append(h)
        if h in left_of:
            current.conjuncts.append(Conjunct(items=pending, amounts=[left_of[h]], amount_first=True))
            pending = []
        elif h in right_of:
            run, each, end = right_of[h]
            current.conjuncts.append(Conjunct(items=pending, amounts=list(run), each=each))
            pending = []
            tail = end
        elif h in share_end or h in left_share:
            current.conjuncts.append(Conjunct(items=pending, share=True))
            pending = []
            tail = max(tail, share_end.get(h, tail))
        current.end = max(current.end, tail)
    close()

    sellers.update(a for a, h in acronym_of.items() if h in sellers)  # "the UAE (UAE) was the top seller"
    receivers = {h for h in heads if verb_after[h] and h not in sellers}
    receivers.update(a for a, h in acronym_of.items() if h in receivers)
    result = Parse(coordinations, acronym_of, sellers, runs, receivers)
    result.run_pairs = _run_pairs(text, items, amounts, coordinations, runs, respectively)
    return result


def _run_pairs(text, items, amounts, coordinations, runs, respectively) -> list[tuple[int, int]]:
    """A list with no amount of its own takes a run of amounts exactly as long: with "respectively" the
    first such run among the next few; without it (a parallel list) only the very next run, and only
    when no other item stands between and the run is joined by "and"."""
    out: list[tuple[int, int]] = []
    used = {a for c in coordinations for conj in c.conjuncts if conj.pairs() for a in conj.amounts}
    starts = [c.start for c in coordinations]
    r = 0
    for n, c in enumerate(coordinations):
        if len(c.items) < 2 or any(conj.amounts or conj.share for conj in c.conjuncts[:-1]) \
                or c.conjuncts[-1].pairs():
            continue
        while r < len(runs) and amounts[runs[r][0]][0] < items[c.items[0]][1]:
            r += 1
        if respectively:
            candidates = runs[r:r + 4]  # the list's own run is close after it
        else:
            following = starts[n + 1] if n + 1 < len(starts) else len(text)
            candidates = [run for run in runs[r:r + 1] if amounts[run[0]][0] < following
                          and _AND.search(text, amounts[run[0]][1], amounts[run[-1]][0])]
        for run in candidates:
            if len(run) == len(c.items) and not used.intersection(run):
                out += list(zip(c.items, run))
                used.update(run)
                break
    return out
