"""Periods: families of construction found in the already-read held-out articles (round 7).

Each family is a construction, not a wording: the rows are our own phrases in the genre's
styles, with the values RECORDS.md gives them (second-round hard cases), including rows that
must not match.  Expected dates are written by hand here from the Nowruz dates (1396:
2017-03-21, 1397: 2018-03-21, 1398: 2019-03-21, 1399: 2020-03-20, 1400: 2021-03-21, 1402:
2023-03-21, 1403: 2024-03-20, 1404: 2025-03-21, 1405: 2026-03-21) and the month lengths
(Farvardin-Shahrivar 31 days, Mehr-Bahman 30, Esfand 29 or 30), not computed by the code
under test.  Known failures are strict xfails.
"""

from __future__ import annotations

import pytest

from phrase_tables import dated_row as row, periods_of


# published in Mordad 1400
P1400 = "2021-08-10"

COORDINATED_MONTHS = [
    # "between X and Y" and "from X to Y" are one range, in either calendar
    row("Car sales to Iraq peaked between June and August, dealers said.", P1400,
        ("June and August", "2021-06-01", "2021-08-31"), id="between-gregorian"),
    row("Iran shipped fuel to Caracas between May and June, a cargo worth $45m.", P1400,
        ("May and June", "2021-05-01", "2021-06-30"), id="between-may"),
    row("Tile shipments climbed from March to May.", P1400,
        ("March to May", "2021-03-01", "2021-05-31"), id="from-to-gregorian"),
    row("Power exports fell between Khordad and Tir.", P1400,
        ("Khordad and Tir", "2021-05-22", "2021-07-22"), id="between-persian"),
    row("Pistachio sales rose from Farvardin to Tir.", P1400,
        ("Farvardin to Tir", "2021-03-21", "2021-07-22"), id="from-to-persian"),
    row("Imports were halted between Esfand and Farvardin.", P1400,
        ("Esfand and Farvardin", "2021-02-19", "2021-04-20"), id="between-persian-across-nowruz"),
    # "the months of X and Y" is one range
    row("Output dipped in the months of Farvardin and Ordibehesht.", P1400,
        ("the months of Farvardin and Ordibehesht", "2021-03-21", "2021-05-21"), id="months-of-persian"),
    row("Output dipped in the months of April and May.", P1400,
        ("the months of April and May", "2021-04-01", "2021-05-31"), id="months-of-gregorian"),
    # "X and Y" after in/during are two months
    row("Saffron exports dipped in May and June.", P1400,
        ("May", "2021-05-01", "2021-05-31"), ("June", "2021-06-01", "2021-06-30"), id="in-two-gregorian"),
    row("Saffron exports dipped in April and May.", P1400,
        ("April", "2021-04-01", "2021-04-30"), ("May", "2021-05-01", "2021-05-31"), id="in-two-may-second"),
    row("Sales rose in both May and June.", P1400,
        ("May", "2021-05-01", "2021-05-31"), ("June", "2021-06-01", "2021-06-30"), id="both-two-may"),
    row("Sales rose between May and June last year.", P1400,
        ("May and June last year", "2020-05-01", "2020-06-30"), id="between-gregorian-last-year"),
    row("Sales rose between Farvardin and Shahrivar of this year.", P1400,
        ("Farvardin and Shahrivar of this year", "2021-03-21", "2021-09-22"), id="between-persian-of-year"),
    row("Steel output fell during Farvardin and Ordibehesht.", P1400,
        ("Farvardin", "2021-03-21", "2021-04-20"), ("Ordibehesht", "2021-04-21", "2021-05-21"),
        id="during-two-persian"),
    # RECORDS does not decide "the <adjective> months of X and Y": one range or two months, so neither
    row("Exports fell in the hot months of Khordad and Tir, when demand peaked.", P1400, id="qualified-persian-none"),
    row("Sales slowed in the cold months of January and February.", P1400, id="qualified-gregorian-none"),
    # must not match: "May" the modal verb and a name
    row("Prices may rise between now and then.", P1400, id="may-verb-none"),
]

# publication dates around year ends
GREGORIAN_MONTH_NO_YEAR = [
    row("Exports fell in December.", "2019-01-05", ("December", "2018-12-01", "2018-12-31"), id="past-across-new-year"),
    row("Parliament will vote on the budget in January.", "2018-12-28",
        ("January", "2019-01-01", "2019-01-31"), id="future-across-new-year"),
    row("Exports fell in January.", "2018-12-28", ("January", "2018-01-01", "2018-01-31"), id="past-january-late-december"),
    # a scheduled event in the present tense speaks of the future
    row("Buyers stock up before the new tariffs take effect in February.", "2019-01-05",
        ("February", "2019-02-01", "2019-02-28"), id="present-scheduled-future"),
    row("Buyers stocked up before the tariffs came into force in November.", "2018-10-10",
        ("November", "2017-11-01", "2017-11-30"), id="past-tense-still-to-come-is-last-years"),
    row("Ahead of the elections, the rules come into force in November.", "2018-10-10",
        ("November", "2018-11-01", "2018-11-30"), id="come-into-force-future"),
    # the future of one clause is not another's
    row("Traders expect sales to recover, although they fell sharply in August.", "2018-10-10",
        ("August", "2018-08-01", "2018-08-31"), id="future-other-clause"),
    row("The plan was expected to draw partners such as a French major, which withdrew in August.", "2018-10-10",
        ("August", "2018-08-01", "2018-08-31"), id="future-other-clause-which"),
    row("The ministry plans to expand the scheme, which began in Mehr.", "2018-12-01",
        ("Mehr", "2018-09-23", "2018-10-22"), id="future-other-clause-persian"),
    row("The ministry plans to expand the scheme in Mehr.", "2018-12-01",
        ("Mehr", "2019-09-23", "2019-10-22"), id="future-same-clause-persian"),
]

PARTS_WITHOUT_YEAR = [
    row("Iran produced 27m tonnes of urea in the first half of the Iranian year.", "2018-10-10",
        ("the first half of the Iranian year", "2018-03-21", "2018-09-22"), id="half-of-the-iranian-year"),
    row("Officials expect the first quarter of the new year to be hard.", "2020-03-24",
        ("the first quarter of the new year", "2020-03-20", "2020-06-20"), id="quarter-of-the-new-year"),
    # a half or quarter still to come is last year's, unless the sentence speaks of the future
    row("Arrivals from China rose in the second half of the year.", "2024-04-02",
        ("the second half of the year", "2023-09-23", "2024-03-19"), id="half-still-to-come-past"),
    row("Officials expect arrivals to rise in the second half of the year.", "2024-04-02",
        ("the second half of the year", "2024-09-22", "2025-03-20"), id="half-still-to-come-future"),
    row("Sales rose in the last quarter of the Persian calendar year.", "2021-08-10",
        ("the last quarter of the Persian calendar year", "2020-12-21", "2021-03-20"), id="quarter-of-persian-year"),
    row("Sales slowed in the fourth quarter of the year.", "2024-04-02",
        ("the fourth quarter of the year", "2023-12-22", "2024-03-19"), id="quarter-still-to-come-past"),
    row("Sales rose 5% in H2.", "2019-04-10", ("H2", "2018-09-23", "2019-03-20"), id="h2-at-year-start"),
    row("Sales rose 5% in H1.", "2019-10-10", ("H1", "2019-03-21", "2019-09-22"), id="h1-gone-by"),
    # must not match
    row("The Iranian year begins in spring.", "2019-10-10", id="the-iranian-year-alone-none"),
    row("Prices fell in the new year holidays.", "2019-10-10", id="new-year-alone-none"),
]

MONTHS_ONLY_GLOSS = [
    row("Arrivals hit 5m in 1394. Arrivals reached 8m in the previous Iranian year (March 2018-March 2019).",
        "2019-09-05", ("1394", "2015-03-21", "2016-03-19"),
        ("the previous Iranian year (March 2018-March 2019)", "2018-03-21", "2019-03-20"), id="previous-named-by-gloss"),
    row("Exports rose in the last year (March 2017-March 2018).", "2019-09-05",
        ("the last year (March 2017-March 2018)", "2017-03-21", "2018-03-20"), id="last-year-named-by-gloss"),
    row("Exports rose in the previous Iranian year (from March 2016 to March 2017).", "2019-09-05",
        ("the previous Iranian year (from March 2016 to March 2017)", "2016-03-20", "2017-03-20"),
        id="from-to-months-gloss"),
    # two Gregorian years a year apart are the way an Iranian year is written
    row("Exports rose last year (2017-18).", "2019-09-05",
        ("last year (2017-18)", "2017-03-21", "2018-03-20"), id="year-pair-gloss"),
    row("Exports rose last year (2017-19).", "2019-09-05",
        ("last year (2017-19)", "2018-03-21", "2019-03-20"), id="two-year-gloss-ignored"),
    # a written year number is not moved; boundaries stay the computed ones
    row("Exports rose in the Iranian year 1397 (March 2018-March 2019).", "2019-09-05",
        ("the Iranian year 1397 (March 2018-March 2019)", "2018-03-21", "2019-03-20"), id="number-kept"),
    # a gloss of half a year names no year
    row("Exports rose last year (March 2017-September 2017).", "2019-09-05",
        ("last year (March 2017-September 2017)", "2018-03-21", "2019-03-20"), id="half-year-gloss-ignored"),
]

MONTH_SPANS = [
    row("Lawmakers will vote later in the current Iranian month of Dey.", "2025-12-24",
        ("the current Iranian month of Dey", "2025-12-22", "2026-01-20"), id="current-month-named"),
    row("Imports fell in the previous Persian month of Azar.", "2025-12-24",
        ("the previous Persian month of Azar", "2025-11-22", "2025-12-21"), id="previous-month-named"),
    row("The downturn came after a strong Mordad (July 22-August 21), when exports peaked.", "2020-10-12",
        ("Mordad (July 22-August 21)", "2020-07-22", "2020-08-21"), id="qualified-month-with-gloss"),
    row("Despite a weak Bahman (January 21-February 19), sales grew.", "2020-03-01",
        ("Bahman (January 21-February 19)", "2020-01-21", "2020-02-19"), id="qualified-month-with-gloss-2"),
    # must not match: a news agency with a date after it
    row("Citing Mehr (Sept 5), the report said prices rose.", "2020-10-12", id="agency-not-month"),
    row("Citing Mehr (September 5), the report said prices rose.", "2020-10-12", id="agency-dated-not-month"),
    row("After a slow Esfand (February 20, 2020 - March 19, 2020), trade recovered.", "2020-10-12",
        ("Esfand (February 20, 2020 - March 19, 2020)", "2020-02-20", "2020-03-19"), id="qualified-month-dated-gloss"),
]

SHORT_DAY_RANGES = [
    row("Guests booked 58m nights between March 15 and April 1, the ministry said.", "2024-04-02",
        id="between-days-none"),
    row("The fair ran from June 3 to June 20.", "2024-08-02", id="from-to-days-none"),
    row("Travel peaked between 21 March and 5 April.", "2024-04-10", id="day-month-order-none"),
    row("Sales rose 8% between March 1 and March 20 over the same period last year.", "2024-08-02",
        id="shift-of-short-range-none"),
    row("Sales rose in 1402. Between March 1 and March 20 they fell from the same period a year earlier.",
        "2024-08-02", ("1402", "2023-03-21", "2024-03-19"), id="shift-of-short-range-not-of-the-year-before"),
    # a period made short by its "up to" day is still a period, and so is its shift (in Iranian
    # days: 1403-01-22 a year back is 1402-01-22)
    row("Sales rose in the current year up to April 10, up from the same period last year.", "2024-08-02",
        ("the current year up to April 10", "2024-03-20", "2024-04-10"),
        ("the same period last year", "2023-03-21", "2023-04-11"), id="short-by-up-to-kept"),
    row("Arrivals rose from March 21 to April 20.", "2024-08-02",
        ("March 21 to April 20", "2024-03-21", "2024-04-20"), id="month-long-range-kept"),
    row("Sales rose between January 1 and March 31.", "2024-08-02",
        ("January 1 and March 31", "2024-01-01", "2024-03-31"), id="quarter-long-range-kept"),
    # a gloss of a month stays
    row("Exports rose in Tir (June 22-July 22).", "2024-08-02",
        ("Tir (June 22-July 22)", "2024-06-22", "2024-07-22"), id="gloss-of-month-kept"),
]

TOPIC_FROM_FIRST_PERIOD = [
    # the first period is a month range with no year: its year is the article's, not a year named later
    row("Exports from Farvardin to Azar fell 6%. Output has been flat since 1398. Port charges rose in H1.",
        "2026-01-11", ("Farvardin to Azar", "2025-03-21", "2025-12-21"), ("1398", "2019-03-21", "None"),
        ("H1", "2025-03-21", "2025-09-22"), id="h1-after-older-year"),
    row("Sales in the first nine months of the year rose. They had peaked in 1390. The second quarter was weak.",
        "2025-12-30", ("the first nine months of the year", "2025-03-21", "2025-12-21"),
        ("1390", "2011-03-21", "2012-03-19"), ("The second quarter", "2025-06-22", "2025-09-22"),
        id="quarter-after-older-year"),
    # a month still to come first is last year's, but the article's year stays the current one
    row("Exports rose in Esfand and Farvardin.", "2020-05-01",
        ("Esfand", "2020-02-20", "2020-03-19"), ("Farvardin", "2020-03-20", "2020-04-19"), id="first-month-last-years"),
]

NOT_PERIODS = [
    # a deadline at the start of a year is a day
    row("Arrears reached $2bn by the start of the year, he said.", "2019-02-12", id="by-the-start-none"),
    row("The line will open by the beginning of next year.", "2019-02-12", id="by-the-beginning-none"),
    row("Tariffs stay in place until the start of the current Iranian year.", "2019-02-12", id="until-the-start-none"),
    row("Exports have risen since the beginning of the current year.", "2019-02-12",
        ("the current year", "2018-03-21", "None"), id="since-the-beginning-kept"),
    # "the same point / time / day last year" is a day a year back
    row("Loans were 59% above the level at the same point last year.", "2025-09-11", id="same-point-none"),
    row("This time last year, the rial traded at 600,000.", "2025-09-11", id="this-time-none"),
    row("Shares closed higher than on the same day last year.", "2025-09-11", id="same-day-none"),
    row("Exports rose last year.", "2025-09-11", ("last year", "2024-03-20", "2025-03-20"), id="last-year-kept"),
    row("Sales were 5% above the same period last year in the five months to August 22.", "2025-09-11",
        ("the five months to August 22", "2025-03-21", "2025-08-22"), id="bare-shift-then-period",
        xfail="a shift written before the period it moves is output with no dates"),
]

YEAR_NUMBER_AS_MODIFIER = [
    # a year number that modifies a budget, a plan or a census is a year, with no preposition before it
    row("Cabinet sends 1405 budget bill to parliament", "2025-12-24",
        ("1405", "2026-03-21", "2027-03-20"), id="headline-budget"),
    row("Lawmakers debated 1399 budget cuts on Sunday.", "2020-01-05",
        ("1399", "2020-03-20", "2021-03-20"), id="budget-cuts"),
    row("Officials released 1395 census data.", "2020-01-05", ("1395", "2016-03-20", "2017-03-20"), id="census"),
    # must not match: a number that counts
    row("Some 1400 workers joined the plan.", "2020-01-05", id="count-workers-none"),
    row("Exports reached 1398 tons.", "2020-01-05", id="count-tons-none"),
]

FAMILIES = (YEAR_NUMBER_AS_MODIFIER + COORDINATED_MONTHS + GREGORIAN_MONTH_NO_YEAR + PARTS_WITHOUT_YEAR + MONTHS_ONLY_GLOSS + MONTH_SPANS
            + SHORT_DAY_RANGES + TOPIC_FROM_FIRST_PERIOD + NOT_PERIODS)


@pytest.mark.parametrize("text, published, expected", FAMILIES)
def test_round7_families(text, published, expected):
    assert periods_of(text, published) == [tuple(e) for e in expected]
