"""Where the organization mentions of a document are, asked in logarithmic time.

The officials component asks many questions of the organization mentions
("is this name inside an organization name?", "which organization ends right
before this title?"); scanning every mention for every name made it
quadratic in long documents.  ``OrgIndex`` sorts the mentions once and
answers each question by bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Iterator, Optional

from ..records import Organization


class OrgIndex:
    """The organization mentions of one document: ``(start, end, name)`` triples."""

    def __init__(self, orgs: list[Organization]):
        self._index(sorted((m.start, m.end, org.name) for org in orgs for m in org.mentions))

    @classmethod
    def of_spans(cls, spans: list[tuple[int, int]]) -> "OrgIndex":
        """An index of bare ``(start, end)`` mention offsets (no names)."""
        index = cls.__new__(cls)
        index._index(sorted((s, e, "") for s, e in spans))
        return index

    def _index(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = spans
        self._starts = [s for s, _, _ in self.spans]
        self.distinct = len({name for _, _, name in self.spans})
        self._reach = []
        furthest = -1
        for _, e, _ in self.spans:
            furthest = max(furthest, e)
            self._reach.append(furthest)
        self._by_end = sorted(self.spans, key=lambda x: (x[1], x[0]))
        self._ends = [e for _, e, _ in self._by_end]
        self._starting = {}
        for s, _, name in self.spans:
            self._starting.setdefault(s, name)
        self._ending = {}
        for _, e, name in self._by_end:
            self._ending[e] = name

    def overlaps(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` overlap an organization mention?"""
        i = bisect_left(self._starts, end) - 1
        return i >= 0 and self._reach[i] > start

    def covers(self, start: int, end: int) -> bool:
        """Does one organization mention contain all of ``[start, end)``?"""
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and self._reach[i] >= end

    def within(self, start: int, end: int) -> Optional[str]:
        """The first organization whose mention lies inside ``[start, end]``."""
        for i in range(bisect_left(self._starts, start), len(self.spans)):
            s, e, name = self.spans[i]
            if s > end:
                return None
            if e <= end:
                return name
        return None

    def span_within(self, start: int, end: int) -> Optional[tuple[int, int, str]]:
        """Like ``within``, with the mention's offsets."""
        for i in range(bisect_left(self._starts, start), len(self.spans)):
            s, e, name = self.spans[i]
            if s > end:
                return None
            if e <= end:
                return self.spans[i]
        return None

    def starting_at(self, start: int) -> Optional[str]:
        return self._starting.get(start)

    def ending_at(self, end: int) -> Optional[str]:
        """The organization whose mention ends at ``end`` (the latest-starting one if several)."""
        return self._ending.get(end)

    def ending_before(self, pos: int) -> Iterator[tuple[int, int, str]]:
        """Mentions that end at or before ``pos``, nearest first."""
        for i in range(bisect_right(self._ends, pos) - 1, -1, -1):
            yield self._by_end[i]
