"""find_dates() on whole sentences whose relative dates cross a month, a year or a leap day."""

from __future__ import annotations

import pytest

from eventcoder.dates import find_dates


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # weekdays: past tense looks back, future tense looks ahead, across the new year
        ("Rebels attacked the town on Friday, officials said.", "2024-01-01", ("Friday", "2023-12-29", "day")),
        ("The talks will resume on Friday in Geneva.", "2024-01-01", ("Friday", "2024-01-05", "day")),
        ("The army said it would withdraw next Wednesday.", "2023-12-29", ("next Wednesday", "2024-01-03", "day")),
        ("The embassy reopened on Monday.", "2023-03-01", ("Monday", "2023-02-27", "day")),
        # days, weeks, months and years next to a boundary
        ("Protesters gathered outside parliament yesterday.", "2024-03-01", ("yesterday", "2024-02-29", "day")),
        ("The minister will travel to Ankara tomorrow.", "2023-12-31", ("tomorrow", "2024-01-01", "day")),
        ("The two leaders spoke last week.", "2024-01-01", ("last week", "2023-W52", "week")),
        ("The ceasefire is expected to hold until next month.", "2023-12-30", ("next month", "2024-01", "month")),
        ("Elections were held last year.", "2024-01-02", ("last year", "2023", "year")),
        ("Voters will go to the polls next year.", "2023-12-31", ("next year", "2024", "year")),
    ],
)
def test_relative_dates_across_boundaries(nlp, text: str, published: str, expected: tuple[str, str, str]) -> None:
    doc = nlp(text)
    found = [(d.text, d.value, d.precision) for d in find_dates(doc, published)]
    assert found == [expected]
