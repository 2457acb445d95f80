"""What the phrase-table tests share: the shape of a row, and each field's output in that shape.

A row is a phrase of our own (with its publication date, for periods) and the values RECORDS.md
gives it; ``xfail`` marks a known failure as a strict xfail, so that a fix turns it into a failure
until the mark is removed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from extractor import extract
from extractor.timex import find_periods


def row(text, *expected, id=None, xfail=None):
    """A phrase and what it must give."""
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, list(expected), id=id, marks=marks)


def dated_row(text, published, *expected, id=None, xfail=None):
    """A phrase published on ``published`` (ISO) and what it must give."""
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, published, list(expected), id=id, marks=marks)


def usd(amount):
    """(amount, currency) of a destination in US dollars."""
    return Decimal(amount), "USD"


#: (amount, currency) of a destination with no amount
NONE = (None, None)


def periods_of(text: str, published: str) -> list:
    """(span text, start_date, end_date) of every period, dates as ISO strings or "None"."""
    return [(p.text, str(p.start_date), str(p.end_date)) for p in find_periods(text, date.fromisoformat(published))]


def destinations_of(text: str, published: str = "2020-01-05") -> list:
    """(country, iso2, amount, currency, mention texts) of every destination; offsets checked."""
    record = extract(text, published=published)
    assert record.check_offsets(text) == []
    return [(d.country, d.iso2, d.amount, d.currency, [m.text for m in d.mentions]) for d in record.destinations]
