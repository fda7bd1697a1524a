"""Names one typo away from the knowledge base, titled surnames, and peoples named for one state
living in another."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "surface,kinds,name",
    [
        ("Ethopia", ("country",), "Ethiopia"),
        ("Quatar", ("country",), "Qatar"),
        ("Ruanda", ("country",), "Rwanda"),
        ("Francois Mitterand", ("person",), "Francois Mitterrand"),
    ],
)
def test_one_typo_inside_a_name_finds_the_entry(kb, surface, kinds, name):
    entry = kb.near(surface, kinds)
    assert entry is not None and entry.name == name


@pytest.mark.parametrize("surface", ["Indiana", "Georgie", "Jordon", "Kenyatta", "Oman", "Ethiopia"])
def test_other_endings_short_words_and_known_names_are_not_typos(kb, surface):
    assert kb.near(surface, ("country", "person")) is None


def test_people_by_surname_respects_the_date(kb):
    assert {e.country for e in kb.people_by_surname("Mubarak")} == {"EGY"}
    assert kb.people_by_surname("Mubarak", "2015-06-01") == []


@pytest.mark.parametrize(
    "text,event_type,country",
    [
        ("Ethopia has agreed to reopen its borders to UN monitors.", "AGREE", "ETH"),
        ("Quatar's emir met the Saudi king.", "CONSULT", "QAT"),
        ("President Francois Mitterand welcomed the Chancellor of Germany.", "SUPPORT", "FRA"),
        ("President Mubarak met the Israeli prime minister.", "CONSULT", "EGY"),
        ("The Albanians of southern Serbia are demanding autonomy.", "REQUEST", "SRB"),
    ],
)
def test_actor_country_through_typos_titled_surnames_and_residence(coder, text, event_type, country):
    events = [e for e in coder.code(text, published=None) if e.event_type == event_type]
    assert events and [a.country for a in events[0].actor] == [country]


def test_a_titled_surname_outside_its_holders_dates_is_not_guessed(coder):
    events = [e for e in coder.code("President Mubarak met the Israeli prime minister.", published="2019-05-02")
              if e.event_type == "CONSULT"]
    assert events and events[0].actor[0].country != "EGY"
