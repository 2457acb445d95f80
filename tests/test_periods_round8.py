"""Periods: families of construction found in the already-read heldout-4 articles (round 8).

Each family is a construction, not a wording: the rows are our own phrases in the genre's
styles, with the values RECORDS.md gives them (second-round hard cases), including rows that
must not match.  Expected dates are written by hand from the Nowruz dates (1399: 2020-03-20,
1401: 2022-03-21, 1402: 2023-03-21, 1404: 2025-03-21) and the month lengths (Farvardin-Shahrivar
31 days, Mehr-Bahman 30, Esfand 29, or 30 in a leap year), not computed by the code under test.
"""

from __future__ import annotations

import pytest

from phrase_tables import dated_row as row, periods_of


GREGORIAN_PARTS = [
    # RECORDS: a bare "H1" is Iranian unless a Gregorian year number is written, and a part with no
    # year belongs to the year the article is about (its first period)
    row("Crude loadings averaged 1.5 million bpd in the first half of 2024 and could ease in Q3, traders said.",
        "2024-08-10", ("the first half of 2024", "2024-01-01", "2024-06-30"), ("Q3", "2024-07-01", "2024-09-30"),
        id="same-sentence-quarter"),
    row("Exports to Turkey rose 12% in the first nine months of 2021, the ministry said.\n\n"
        "In June, deliveries slowed. Flows fell again in the third quarter.", "2021-11-02",
        ("the first nine months of 2021", "2021-01-01", "2021-09-30"), ("June", "2021-06-01", "2021-06-30"),
        ("the third quarter", "2021-07-01", "2021-09-30"), id="article-year-quarter"),
    row("Sales rose in 2019 H1 but fell in H2.", "2020-05-01",
        ("2019 H1", "2019-01-01", "2019-06-30"), ("H2", "2019-07-01", "2019-12-31"), id="year-half-then-half"),
    # must stay Iranian
    row("Exports rose in the first half of the current Iranian year. Since 2018, sanctions have bitten. "
        "In the second quarter, steel led.", "2023-10-10",
        ("the first half of the current Iranian year", "2023-03-21", "2023-09-22"), ("2018", "2018-01-01", "None"),
        ("the second quarter", "2023-06-22", "2023-09-22"), id="iranian-article-keeps-iranian-quarter"),
    row("Since 2018, exports have shrunk. In H1, they recovered.", "2020-10-01",
        ("2018", "2018-01-01", "None"), ("H1", "2020-03-20", "2020-09-21"), id="open-range-is-no-article-year"),
    row("Exports, which peaked in 2018, fell in 1399, and in H1 they recovered.", "2021-01-10",
        ("2018", "2018-01-01", "2018-12-31"), ("1399", "2020-03-20", "2021-03-20"), ("H1", "2020-03-20", "2020-09-21"),
        id="iranian-year-written-after-gregorian"),
]

APPOSITIVES = [
    # a period, then a phrase that restates it: one period (RECORDS: an appositive after a period
    # is not a second period)
    row("Tile exports reached $400m between Farvardin and Azar, the first nine months of the current Iranian year, "
        "customs said.", "2024-01-15", ("Farvardin and Azar", "2023-03-21", "2023-12-21"), id="range-restated"),
    row("Exports grew in the first half of 1402, the second half of 1401 having been flat.", "2023-11-01",
        ("the first half of 1402", "2023-03-21", "2023-09-22"), ("the second half of 1401", "2022-09-23", "2023-03-20"),
        id="must-keep-a-different-period"),
]

POINTS = [
    # "at the start of X", like "by the end of X", is a point in time: no period
    row("Prices stood at 70 million tomans at the start of the year and 95 million now.", "2025-10-06",
        id="at-the-start"),
    row("At the beginning of the current year, the rial traded at 800,000 to the dollar.", "2025-10-06",
        id="at-the-beginning"),
    row("Since the start of the year, the rial has lost 30 percent.", "2025-10-06",
        ("the year", "2025-03-21", "None"), id="since-the-start-stays-open"),
]

PERSIAN_MONTH_AFTER_FOR = [
    row("The ministry published the figures for Esfand, the last month of the year, on Sunday.", "2023-03-22",
        ("Esfand", "2023-02-20", "2023-03-20"), id="for-esfand"),
    row("Officials said output over Farvardin was steady.", "2023-05-01",
        ("Farvardin", "2023-03-21", "2023-04-20"), id="over-farvardin"),
    row("The minister thanked Azar for the report.", "2023-03-22", id="a-name-after-thanked"),
    row("The award for Mehr News Agency was announced.", "2023-03-22", id="for-the-agency"),
]


@pytest.mark.parametrize("text,published,expected", GREGORIAN_PARTS + APPOSITIVES + POINTS + PERSIAN_MONTH_AFTER_FOR)
def test_round8_families(text, published, expected):
    assert periods_of(text, published) == [tuple(e) for e in expected]
