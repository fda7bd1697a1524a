"""find_dates(): date expressions in a parsed article, with exact spans and resolved values."""

from __future__ import annotations

import pytest
import spacy

from eventcoder.dates import date_for_token, find_dates

SATURDAY = "2023-11-04"


def _found(nlp, text, published=SATURDAY):
    doc = nlp(text)
    dates = find_dates(doc, published)
    for d in dates:
        assert doc.text[d.span[0]:d.span[1]] == d.text
    return [(d.text, d.value, d.precision) for d in dates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers met on Friday in Baku.", [("Friday", "2023-11-03", "day")]),
        ("The ministers will meet on Monday in Baku.", [("Monday", "2023-11-06", "day")]),
        ("The ministers are scheduled to meet on Monday.", [("Monday", "2023-11-06", "day")]),
        ("The ministers met on Saturday in Baku.", [("Saturday", "2023-11-04", "day")]),
        ("The ministers will meet on Saturday in Baku.", [("Saturday", "2023-11-04", "day")]),
        ("Talks were held on Tuesday night.", [("Tuesday night", "2023-10-31", "day")]),
    ],
)
def test_weekdays_take_the_tense_of_their_clause(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Rebels seized the town in December.", "2024-01-02", [("December", "2023-12", "month")]),
        ("The vote will take place in March.", "2023-11-04", [("March", "2024-03", "month")]),
        ("Prices rose last month, the agency said.", "2024-01-02", [("last month", "2023-12", "month")]),
        ("The summit held in Reykjavik on May 17 of 2023 ended without a deal.", SATURDAY,
         [("May 17 of 2023", "2023-05-17", "day")]),
        ("The measures carried out in the region in September of 2023 drew criticism.", SATURDAY,
         [("September of 2023", "2023-09", "month")]),
        ("The treaty was signed on 2013-03-22 in Geneva.", SATURDAY, [("2013-03-22", "2013-03-22", "day")]),
        ("Troops withdrew in 1989, a year before the elections of 1990.", SATURDAY,
         [("1989", "1989", "year"), ("a year", "P1Y", None), ("1990", "1990", "year")]),
    ],
)
def test_month_and_year_expressions(nlp, text, published, expected):
    assert _found(nlp, text, published) == expected


def test_leading_prepositions_and_trailing_punctuation_are_trimmed(nlp):
    found = _found(nlp, "Fighting has continued since 2019, and resumed on Friday.")
    assert [t for t, _, _ in found] == ["2019", "Friday"]


def test_durations_are_marked_with_duration_values(nlp):
    found = _found(nlp, "The strike lasted three days and ended on Thursday.")
    assert found == [("three days", "P3D", None), ("Thursday", "2023-11-02", "day")]


@pytest.mark.parametrize(
    "text",
    ["The 65 years old protester was arrested.", "A 44-year-old man was detained by police.",
     "About 2000 people attended the rally.", "The minister may visit the region.",
     "Officials said the army would march into the city."],
)
def test_ages_counts_and_modals_are_not_dates(nlp, text):
    assert all(v is None or not v[:1].isdigit() for _, v, _ in _found(nlp, text))
    assert not any(p in ("day", "month", "year") for _, _, p in _found(nlp, text))


def test_without_a_publication_date_only_absolute_expressions_resolve(nlp):
    found = _found(nlp, "The deal signed on May 17, 2023 was suspended on Friday.", None)
    assert found == [("May 17, 2023", "2023-05-17", "day"), ("Friday", None, None)]


def test_quarter_anaphora_follow_the_quarter_under_discussion(nlp):
    text = ("The company said profit rose 5% in the third quarter. Sales in the quarter were flat, "
            "and profit was lower a year earlier.")
    found = _found(nlp, text, "2023-11-04")
    assert found == [("the third quarter", "2023-Q3", "quarter"), ("the quarter", "2023-Q3", "quarter"),
                     ("a year earlier", "2022-Q3", "quarter")]


def test_dates_are_sorted_and_do_not_overlap(nlp):
    doc = nlp("On Monday, Oct. 30, 2023, and again last week, envoys met; a summit is planned for next month.")
    dates = find_dates(doc, SATURDAY)
    starts = [d.span[0] for d in dates]
    assert starts == sorted(starts)
    assert all(a.span[1] <= b.span[0] for a, b in zip(dates, dates[1:], strict=False))
    assert [(d.text, d.value) for d in dates] == [("Monday, Oct. 30, 2023", "2023-10-30"),
                                                    ("last week", "2023-W43"), ("next month", "2023-12")]


def test_spans_stay_exact_with_irregular_whitespace(nlp):
    text = "Envoys met   on\nFriday,  May 17 of\n2023 and again  earlier this month."
    found = _found(nlp, text)
    assert [t for t, _, _ in found] == ["Friday,  May 17 of\n2023", "earlier this month"]


def test_a_doc_without_parser_or_entities_still_yields_dates():
    doc = spacy.blank("en")("The ceasefire signed on May 17, 2023 collapsed last week.")
    dates = find_dates(doc, "2023-11-04")
    assert [(d.text, d.value) for d in dates] == [("May 17, 2023", "2023-05-17"), ("last week", "2023-W43")]
    assert date_for_token(doc, 1, dates) is None  # without a parse nothing can be attached


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Sunday Times reported that the Good Friday Agreement was signed in April 1998.",
         [("April 1998", "1998-04")]),
        ("May Day rallies took place across Europe.", [("May Day", "2023-05-01")]),
    ],
)
def test_calendar_words_inside_names_are_not_dates(nlp, text, expected):
    assert [(t, v) for t, v, _ in _found(nlp, text)] == expected
