"""date_for_token(): the date that belongs to an event trigger."""

from __future__ import annotations

import pytest

from eventcoder.dates import date_for_token, find_dates

SATURDAY = "2023-11-04"


def _date_of(nlp, text, trigger, published=SATURDAY):
    doc = nlp(text)
    dates = find_dates(doc, published)
    index = next(t.i for t in doc if t.text == trigger)
    found = date_for_token(doc, index, dates)
    return found.text if found else None


@pytest.mark.parametrize(
    ("trigger", "expected"),
    [("met", "Monday"), ("summit", "March 3"), ("held", "March 3")],
)
def test_two_dates_for_two_events_in_one_sentence(nlp, trigger, expected):
    text = "Armenia's foreign minister met his Russian counterpart on Monday, a week after the summit held on March 3."
    assert _date_of(nlp, text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The summit held in Reykjavik on May 17 of 2023 ended without a deal.", "summit", "May 17 of 2023"),
        ("The measures carried out in the region in September of 2023 drew criticism.", "measures",
         "September of 2023"),
        ("Ministers on Friday held a meeting in Baku.", "meeting", "Friday"),
        ("The army attacked the village on Tuesday.", "attacked", "Tuesday"),
        ("On Tuesday, the army attacked the village.", "attacked", "Tuesday"),
        ("The talks on Thursday produced no agreement.", "talks", "Thursday"),
    ],
)
def test_the_date_in_the_triggers_own_clause(nlp, text, trigger, expected):
    assert _date_of(nlp, text, trigger) == expected


def test_a_more_precise_date_in_the_same_clause_wins(nlp):
    assert _date_of(nlp, "In September, the rebels attacked the convoy on Monday.", "attacked") == "Monday"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Officials said on Friday that the army attacked the village.", "attacked"),
        ("The protests have continued since 2019.", "continued"),
        ("The strike lasted three days.", "lasted"),
        ("The army attacked the village, officials said.", "attacked"),
        ("The government is now negotiating with the rebels.", "negotiating"),
    ],
)
def test_no_date_when_none_belongs_to_the_event(nlp, text, trigger):
    assert _date_of(nlp, text, trigger) is None


def test_a_date_in_another_event_verbs_clause_is_not_borrowed(nlp):
    text = "After the talks collapsed, fighting resumed on Monday."
    assert _date_of(nlp, text, "collapsed") is None
    assert _date_of(nlp, text, "resumed") == "Monday"


def test_a_dateline_dates_the_event_when_its_clause_has_no_date(nlp):
    assert _date_of(nlp, "KABUL, March 3 (Reuters) - Taliban fighters attacked a police post.", "attacked") == "March 3"


def test_the_reporting_date_and_the_event_date_stay_apart(nlp):
    text = "Officials said on Friday that the army attacked the village last week."
    assert _date_of(nlp, text, "said") == "Friday"
    assert _date_of(nlp, text, "attacked") == "last week"
