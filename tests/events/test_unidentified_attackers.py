"""An attack done by a weapon with no named hand has an unidentified (UNK) actor of the country
where it happened (PLOVER's UNK sector: "two civilians were killed by a bomb"); accidents and
weapons fired from afar do not."""

from __future__ import annotations

import pytest


def _assaults(coder, text):
    return [e for e in coder.code(text) if e.event_type == "ASSAULT"]


@pytest.mark.parametrize(
    "text,country",
    [
        ("Four Afghan policemen were killed by a roadside bomb near the city of Kandahar on Monday.", "AFG"),
        ("A landmine explosion near the Somali town of Baidoa killed three children.", "SOM"),
        ("Two Nigerian soldiers were wounded by an improvised explosive device outside Maiduguri.", "NGA"),
    ],
)
def test_a_weapon_with_no_named_hand_is_an_unidentified_local_actor(coder, text, country):
    events = _assaults(coder, text)
    assert events
    actors = [a for a in events[0].actor]
    assert [a.sector for a in actors] == ["UNK"]
    assert [a.country for a in actors] == [country]


def test_a_named_bomber_keeps_the_actor(coder):
    events = _assaults(coder, "Taliban fighters killed six Afghan soldiers with a roadside bomb in Helmand.")
    assert events and all(a.sector != "UNK" for e in events for a in e.actor)


def test_an_accidental_explosion_has_no_attacker(coder):
    events = _assaults(coder, "A gas explosion in a coal mine near Donetsk killed eleven miners.")
    assert all(a.sector != "UNK" for e in events for a in e.actor)


def test_an_attempt_on_someones_life_by_no_one_named_has_an_unidentified_actor(coder):
    text = "An attempt to assassinate the mayor of Kazan was foiled in Tatarstan, Russian police said."
    events = _assaults(coder, text)
    assert events and [a.sector for a in events[0].actor] == ["UNK"]


def test_an_attempt_by_a_named_group_is_theirs(coder):
    events = _assaults(coder, "Kurdish rebels made an attempt to kill the governor of Van.")
    assert all(a.sector != "UNK" for e in events for a in e.actor)
