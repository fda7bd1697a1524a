"""The dateparser fallback and the corrections eventcoder applies to it."""

from __future__ import annotations

import pytest

from eventcoder.dates.fallback import dateparser_resolve


@pytest.mark.parametrize(
    ("tense", "value"),
    [("past", "2023-11-04"), ("future", "2023-11-04"), (None, "2023-11-04")],
)
def test_a_weekday_on_the_publication_weekday_is_the_publication_day(tense, value):
    # dateparser alone gives 2023-10-28 for "Saturday" read on Saturday with PREFER_DATES_FROM="past"
    assert dateparser_resolve("Saturday afternoon", "2023-11-04", tense) == (value, "day")


def test_a_past_weekday_is_the_latest_one_before_publication():
    assert dateparser_resolve("Friday afternoon", "2023-11-04", "past") == ("2023-11-03", "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2023/05/17", ("2023-05-17", "day")), ("4-Nov-2023", ("2023-11-04", "day")), ("3 days ago", None),
     ("Friday afternoon", None), ("June the 5th", None)],
)
def test_without_a_publication_date_only_absolute_results_are_kept(text, expected):
    assert dateparser_resolve(text, None, None) == expected


@pytest.mark.parametrize("text", ["15", "2,000", "the 1990s", "Olympic"])
def test_numbers_and_guesses_are_refused(text):
    assert dateparser_resolve(text, "2023-11-04", "past") is None
