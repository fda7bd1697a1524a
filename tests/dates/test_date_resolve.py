"""resolve(): one expression to a TimeML value and precision, against the publication date."""

from __future__ import annotations

import pytest

from eventcoder.dates import resolve

SATURDAY = "2023-11-04"  # a Saturday
SUNDAY = "2023-11-05"
MONDAY = "2023-11-06"


@pytest.mark.parametrize(
    ("text", "published", "tense", "value"),
    [
        # past tense: the latest such weekday on or before publication
        ("Friday", SATURDAY, "past", "2023-11-03"),
        ("on Friday", SATURDAY, "past", "2023-11-03"),
        ("Monday", SATURDAY, "past", "2023-10-30"),
        ("Saturday", SATURDAY, "past", "2023-11-04"),  # the publication weekday is the publication day
        ("Sunday", MONDAY, "past", "2023-11-05"),  # across the ISO week boundary
        ("Monday", SUNDAY, "past", "2023-10-30"),
        # future tense: the next such weekday after publication
        ("Monday", SATURDAY, "future", "2023-11-06"),
        ("Friday", SATURDAY, "future", "2023-11-10"),
        ("Saturday", SATURDAY, "future", "2023-11-04"),
        ("Sunday", SATURDAY, "future", "2023-11-05"),
        # no tense: the nearer one
        ("Sunday", SATURDAY, None, "2023-11-05"),
        ("Thursday", SATURDAY, None, "2023-11-02"),
        # explicit direction overrides tense
        ("last Friday", SATURDAY, "future", "2023-11-03"),
        ("last Saturday", SATURDAY, None, "2023-10-28"),
        ("next Monday", SATURDAY, "past", "2023-11-06"),
        ("next Saturday", SATURDAY, None, "2023-11-11"),
        ("Tuesday night", SATURDAY, "past", "2023-10-31"),
        ("early Friday", SATURDAY, "past", "2023-11-03"),
    ],
)
def test_weekdays_follow_tense_around_the_publication_day(text, published, tense, value):
    assert resolve(text, published, tense) == (value, "day")


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"),
    [
        ("in December", "2024-01-02", "past", ("2023-12", "month")),
        ("December", "2024-01-02", None, ("2023-12", "month")),
        ("January", "2023-12-20", "future", ("2024-01", "month")),
        ("January", "2023-12-20", None, ("2024-01", "month")),
        ("November", "2023-11-04", "past", ("2023-11", "month")),
        ("September", "2023-11-04", "future", ("2024-09", "month")),
        ("March 3", "2023-11-04", "past", ("2023-03-03", "day")),
        ("March 3", "2023-11-04", None, ("2023-03-03", "day")),
        ("Dec. 30", "2024-01-02", "past", ("2023-12-30", "day")),
        ("Jan. 5", "2023-12-29", "future", ("2024-01-05", "day")),
        ("last month", "2024-01-02", None, ("2023-12", "month")),
        ("last year", "2024-01-02", None, ("2023", "year")),
        ("next month", "2023-12-15", None, ("2024-01", "month")),
        ("last week", "2024-01-03", None, ("2023-W52", "week")),
        ("last week", "2023-11-04", None, ("2023-W43", "week")),
        ("this week", "2023-11-04", None, ("2023-W44", "week")),
        ("earlier this week", "2023-11-04", None, ("2023-W44", "week")),
        ("earlier this month", "2023-11-04", None, ("2023-11", "month")),
        ("yesterday", "2024-01-01", None, ("2023-12-31", "day")),
        ("today", "2023-11-04", None, ("2023-11-04", "day")),
        ("tonight", "2023-11-04", None, ("2023-11-04", "day")),
        ("tomorrow", "2023-12-31", None, ("2024-01-01", "day")),
        ("two days ago", "2024-01-01", None, ("2023-12-30", "day")),
        ("three weeks ago", "2023-11-04", None, ("2023-W41", "week")),
        ("five years ago", "2023-11-04", None, ("2018", "year")),
    ],
)
def test_relative_expressions_cross_month_and_year_boundaries(text, published, tense, expected):
    assert resolve(text, published, tense) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May 17 of 2023", ("2023-05-17", "day")),
        ("May 17, 2023", ("2023-05-17", "day")),
        ("17 May 2023", ("2023-05-17", "day")),
        ("the 3rd of March 2021", ("2021-03-03", "day")),
        ("Friday, Oct. 23, 1998", ("1998-10-23", "day")),
        ("in September of 2023", ("2023-09", "month")),
        ("September 2023", ("2023-09", "month")),
        ("late November 1995", ("1995-11", "month")),
        ("2023", ("2023", "year")),
        ("in 2019", ("2019", "year")),
        ("fiscal 1989", ("1989", "year")),
        ("2013-03-22", ("2013-03-22", "day")),
        ("2013-03-22T14:05:00Z", ("2013-03-22", "day")),
        ("5/17/2023", ("2023-05-17", "day")),
        ("17.05.2023", ("2023-05-17", "day")),
        ("the third quarter of 2022", ("2022-Q3", "quarter")),
        ("Q1 2024", ("2024-Q1", "quarter")),
        ("the 1990s", ("199", None)),
        ("the 20th century", ("19", None)),
        ("nineteen ninety-six", ("1996", "year")),
    ],
)
def test_absolute_expressions_resolve_without_a_publication_date(text, expected):
    assert resolve(text, None) == expected


@pytest.mark.parametrize(
    "text", ["Friday", "last week", "yesterday", "next month", "two days ago", "March 3", "December", "this year"]
)
def test_relative_expressions_without_a_publication_date_have_no_value(text):
    assert resolve(text, None) == (None, None)


@pytest.mark.parametrize(
    ("text", "value"),
    [("three days", "P3D"), ("two weeks", "P2W"), ("six months", "P6M"), ("the past 10 years", "P10Y"),
     ("a decade", "P1DE"), ("48 hours", "PT48H")],
)
def test_durations_get_duration_values_and_no_precision(text, value):
    assert resolve(text, "2023-11-04") == (value, None)


@pytest.mark.parametrize("text", ["65 years old", "a 44-year-old"])
def test_ages_are_not_dates(text):
    assert resolve(text, "2023-11-04") == (None, None)


@pytest.mark.parametrize(
    ("text", "value"),
    [("now", "PRESENT_REF"), ("currently", "PRESENT_REF"), ("recently", "PAST_REF"), ("the future", "FUTURE_REF")],
)
def test_vague_references_get_timeml_reference_values(text, value):
    assert resolve(text, "2023-11-04") == (value, None)


@pytest.mark.parametrize(
    ("text", "published", "tense", "value"),
    [("Thanksgiving", "2023-12-01", "past", "2023-11-23"), ("Christmas", "2023-11-04", "future", "2023-12-25"),
     ("Easter 2024", None, None, "2024-03-31")],
)
def test_holidays_resolve_to_their_day(text, published, tense, value):
    assert resolve(text, published, tense) == (value, "day")


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [("last fall", "2024-02-10", "2023-FA"), ("this summer", "2023-03-01", "2023-SU")],
)
def test_seasons_use_timeml_season_codes(text, published, value):
    assert resolve(text, published)[0] == value


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [("2023/05/17", None, ("2023-05-17", "day")), ("June the 5th", "2023-11-04", ("2023-06-05", "day")),
     ("4-Nov-2023", None, ("2023-11-04", "day")), ("Sat 4 Nov 2023", "2024-02-01", ("2023-11-04", "day"))],
)
def test_long_tail_forms_fall_back_to_dateparser(text, published, expected):
    assert resolve(text, published, "past") == expected
