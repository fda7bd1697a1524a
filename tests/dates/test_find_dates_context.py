"""find_dates() and resolve(): readings that depend on the clause, the neighbouring words or the dates before."""

from __future__ import annotations

import pytest

from eventcoder.dates import find_dates, resolve

SATURDAY = "2023-11-04"  # a Saturday


def _values(nlp, text, published=SATURDAY):
    doc = nlp(text)
    dates = find_dates(doc, published)
    for d in dates:
        assert doc.text[d.span[0]:d.span[1]] == d.text
    return [(d.text, d.value) for d in dates]


def _value_of(nlp, text, expression, published=SATURDAY):
    return dict(_values(nlp, text, published)).get(expression)


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        # a date inside the subject of a planning verb is not pushed ahead by that verb
        ("The sales figures for October extended a long slide in car demand.", "2023-11-10", "October", "2023-10"),
        # "is to" + verb looks ahead
        ("The exchange is to reopen trading on Tuesday, officials said.", "2023-11-03", "Tuesday", "2023-11-07"),
        # "ahead of" the weekend is the coming one
        ("Traders sold shares ahead of the weekend.", "2023-11-06", "the weekend", "2023-W45-WE"),
        # a progressive verb far above the date says nothing of its direction
        ("The bank is continuing to look for a buyer under a May accord with its owners.", "2023-10-20", "May",
         "2023-05"),
        # "gave them until" names a deadline ahead
        ("The court gave the owners until Tuesday to leave the building.", "2023-11-06", "Tuesday", "2023-11-07"),
    ],
)
def test_the_clause_chooses_the_direction(nlp, text, published, expression, value):
    assert _value_of(nlp, text, expression, published) == value


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"),
    [
        # in the future direction, a day just behind beats the same day a year ahead
        ("Jan. 14", "2024-01-16", "future", ("2024-01-14", "day")),
        ("Jan. 20", "2024-01-16", "future", ("2024-01-20", "day")),
        # and the month just ended beats the same month eleven months on
        ("October", "2023-11-04", "future", ("2023-10", "month")),
        ("September", "2023-11-04", "future", ("2024-09", "month")),
        # a holiday a few days ahead is not last year's, whatever the tense says
        ("Easter", "2024-03-28", "past", ("2024-03-31", "day")),
        ("Easter week", "2024-03-28", "past", ("2024-W13", "week")),
        ("Thanksgiving weekend", "2023-11-20", None, ("2023-W47-WE", "week")),
        # years read out in transcripts combine with months and seasons
        ("January nineteen ninety-seven", SATURDAY, None, ("1997-01", "month")),
        ("the winter of nineteen ninety-four", SATURDAY, None, ("1994-WI", None)),
        # the week of a named day, and half-years named by quarters
        ("the week of March 6", "2023-02-20", None, ("2023-W10", "week")),
        ("the first two quarters of 2024", SATURDAY, None, ("2024-H1", None)),
        ("the last two quarters of 2024", SATURDAY, None, ("2024-H2", None)),
        # a clock time before a day
        ("9 a.m. Tuesday", "2023-11-06", "future", ("2023-11-07T09:00", "day")),
        ("10:30 p.m. EST yesterday", SATURDAY, None, ("2023-11-03T22:30", "day")),
    ],
)
def test_resolving_with_the_neighbouring_words(text, published, tense, expected):
    assert resolve(text, published, tense) == expected


def test_a_second_day_after_a_month_and_day_shares_its_month(nlp):
    assert _values(nlp, "The leaders will meet in Oslo on June 12 and 13.", "2023-05-02") == [
        ("June 12", "2023-06-12"), ("13", "2023-06-13")]


def test_a_year_after_the_second_day_dates_both(nlp):
    assert _values(nlp, "Storms on Oct. 2 and 3, 2019 flooded the valley.") == [
        ("Oct. 2", "2019-10-02"), ("3", "2019-10-03"), ("2019", "2019")]


def test_a_count_after_a_month_and_day_is_not_a_day(nlp):
    assert _values(nlp, "On May 3 and 4 people died in the fire.", "2023-06-01") == [("May 3", "2023-05-03")]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The day before last Tuesday's vote, the mayor resigned.", "The day before last Tuesday", "2023-10-30"),
        ("Two days after Christmas 2019, the river rose.", "Two days after Christmas 2019", "2019-12-27"),
        ("A week after Jan. 5, 2020 the talks collapsed.", "A week after Jan. 5, 2020", "2020-01-12"),
    ],
)
def test_a_day_counted_from_a_named_day(nlp, text, expression, value):
    assert _value_of(nlp, text, expression) == value


def test_an_anaphor_without_a_date_nearby_reaches_further_back(nlp):
    text = ("In March, the firm received an offer from a rival. It was also weighing a sale of its stores. "
            "Several shareholders urged a quick decision. The following month, the board rejected the offer.")
    assert _value_of(nlp, text, "The following month") == "2023-04"


def test_a_day_of_a_month_the_text_does_not_name_gets_x_digits(nlp):
    text = "The site went offline in October 2022. Its owners were arrested that same day."
    assert _value_of(nlp, text, "that same day") == "2022-10-XX"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The bonds will be redeemed in five years.", "2028"),
        ("The plant will close in two weeks.", "2023-W46"),
        ("Prices reached their highest level in five years.", "P5Y"),
    ],
)
def test_in_a_span_of_time_is_a_date_only_looking_ahead(nlp, text, value):
    assert [v for _, v in _values(nlp, text)] == [value]


@pytest.mark.parametrize(
    "text",
    ["The envoy may arrive as soon as Tuesday.", "The rebels withdrew soon after the ceasefire."],
)
def test_soon_in_a_comparison_is_not_a_date(nlp, text):
    assert "soon" not in dict(_values(nlp, text))


def test_soon_alone_still_points_ahead(nlp):
    assert _value_of(nlp, "The government will soon announce new taxes.", "soon") == "FUTURE_REF"
