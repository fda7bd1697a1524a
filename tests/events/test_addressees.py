"""Whom a demand or threat is addressed to, and other recipients the clause names indirectly:
"demanded that X …", "its demand that X …", "… unless X …", "action against X", a stance
("is opposed to"), an event noun's own clause ("the strikes killed X"), a bare official."""

from __future__ import annotations

import pytest

from coding_helpers import events_published as _events


@pytest.mark.parametrize(
    "text,event_type,actor,recipient",
    [
        ("Poland demanded on Monday that Belarus close the migrant camps near the border.", "REQUEST", "POL", "BLR"),
        ("Greece renewed its demand that Turkey stop the survey flights over the islands.", "REQUEST", "GRC", "TUR"),
        ("Chad's opposition issued a statement demanding that the Libyan government hand over the suspects.",
         "REQUEST", "TCD", "LBY"),
        ("Kurdish farmers are demanding compensation from Iraqi authorities.", "REQUEST", None, "IRQ"),
        ("Armenia threatened to leave the alliance unless Russia honoured its security guarantees.",
         "THREATEN", "ARM", "RUS"),
    ],
)
def test_demands_and_threats_are_addressed_to_whoever_must_act(coder, text, event_type, actor, recipient):
    (event,) = _events(coder, text, event_type)
    if actor is not None:
        assert actor in [a.country for a in event.actor]
    assert recipient in [r.country for r in event.recipient]


def test_the_object_preposition_names_the_target(coder):
    (event,) = _events(coder, "Lithuania threatened tough measures against Belarus on Tuesday.", "THREATEN")
    assert [r.country for r in event.recipient] == ["BLR"]


@pytest.mark.parametrize(
    "text,event_type,actor,recipient",
    [
        ("Hungary is opposed to Ukrainian membership of the alliance.", "REJECT", "HUN", "UKR"),
    ],
)
def test_a_stance_participle_keeps_its_subject_as_actor(coder, text, event_type, actor, recipient):
    (event,) = _events(coder, text, event_type)
    assert [a.country for a in event.actor] == [actor]
    assert recipient in [r.country for r in event.recipient]


def test_an_attack_noun_takes_the_country_in_its_compound_and_the_object_of_its_clause(coder):
    (event,) = _events(coder, "Israeli drone strikes killed three Hezbollah commanders in southern Lebanon.", "ASSAULT")
    assert "ISR" in [a.country for a in event.actor]
    assert event.recipient


@pytest.mark.parametrize(
    "text,event_type,actor,recipient",
    [
        ("Romanian opposition senators demanded on Tuesday that Finance Minister Ion Popescu resign over the budget scandal.",
         "REQUEST", "ROU", "ROU"),
        ("Nurses in Kenya threatened a national strike unless the government raised their pay.", "THREATEN", None, "KEN"),
    ],
)
def test_a_bare_official_belongs_to_the_actors_state(coder, text, event_type, actor, recipient):
    (event,) = _events(coder, text, event_type)
    if actor is not None:
        assert actor in [a.country for a in event.actor]
    assert recipient in [r.country for r in event.recipient]


def test_a_building_named_after_an_organisation_is_not_the_recipient(coder):
    text = "Iranian diplomats met envoys from France and Germany at the U.N. offices in Geneva."
    (event,) = _events(coder, text, "CONSULT")
    assert "UNO" not in [r.country for r in event.recipient]
