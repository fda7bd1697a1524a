"""Conflict words in non-political copy: sport, entertainment, technology and business
stories, figurative attacks and warnings about dangers are not political violence."""

from __future__ import annotations

import pytest

CONFLICT = {"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE"}

SPORT = (
    "Chelsea beat Arsenal 2-1 at the Emirates Stadium on Saturday to go top of the league. "
    "The striker shot past the goalkeeper after a quick break, and the coach said his squad "
    "had attacked the game from the first minute. The referee awarded a late penalty but the "
    "champions held on for victory in front of their fans."
)
FILM = (
    "The film's director attacked critics who panned the movie at the festival. The actress, "
    "whose new album topped the chart, said the studio had targeted a young audience and that "
    "the box office takings proved the fans right."
)
POLITICAL = (
    "Russian forces attacked Ukrainian positions near Bakhmut on Monday, the army said. "
    "Ukraine's defence ministry said its troops repelled the assault."
)


@pytest.mark.parametrize("text", [SPORT, FILM])
def test_non_political_story_yields_no_conflict_event(coder, text):
    assert not [e for e in coder.code(text, published="2024-03-15") if e.event_type in CONFLICT]


def test_political_story_keeps_its_conflict_events(coder):
    events = coder.code(POLITICAL, published="2024-03-15")
    assert any(e.event_type == "ASSAULT" and [a.country for a in e.actor] == ["RUS"] for e in events)


def test_verbal_attack_by_a_politician_is_an_accusation(coder):
    events = coder.code("Opposition leader Keir Starmer attacked the prime minister over hospital waiting lists.",
                        published="2023-03-15")
    assert [e.event_type for e in events] == ["ACCUSE"]
    assert events[0].mode == "disapprove"


@pytest.mark.parametrize(
    "text",
    [
        "The United Nations warned that the number of people displaced by the floods could rise sharply.",
        "Shareholders attacked the carmaker's board over its falling profits.",
        "It strikes me as odd that the minister stayed silent.",
    ],
)
def test_figurative_or_corporate_conflict_words_are_not_events(coder, text):
    assert not [e for e in coder.code(text, published="2024-03-15") if e.event_type in CONFLICT]
