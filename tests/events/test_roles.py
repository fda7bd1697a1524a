"""Actor and recipient from sentence structure: active, passive, compound, nominal,
"X's meeting with Y", "talks between X and Y", "accused X of V-ing", event anaphora."""

from __future__ import annotations

import pytest

from coding_helpers import events_published as _events


def _who(entities):
    return [(e.country, e.sector) for e in entities]


def test_passive_voice_swaps_actor_and_recipient(coder):
    (event,) = _events(coder, "Azerbaijani positions were shelled by Armenian forces.", "ASSAULT")
    assert [e.country for e in event.actor] == ["ARM"]
    assert [e.country for e in event.recipient] == ["AZE"]


def test_compound_actor_stays_one_event(coder):
    events = _events(coder, "France and Germany agreed on Monday to fund Ukraine's reconstruction.", "AGREE")
    assert len(events) == 1
    assert [e.country for e in events[0].actor] == ["FRA", "DEU"]


def test_conjoined_country_adjectives_make_a_compound_actor(coder):
    (event,) = _events(coder, "Kenyan and Somali troops conducted joint patrols along the border.", "COOPERATE")
    assert _who(event.actor) == [("KEN", "MIL"), ("SOM", "MIL")]


@pytest.mark.parametrize(
    "text,event_type,actor,recipient",
    [
        ("Armenia's allegations against Azerbaijan were rejected by the court.", "ACCUSE", "ARM", "AZE"),
        ("Talks between Serbia and Kosovo resumed in Brussels on Monday.", "CONSULT", "SRB", "KOS"),
        ("The Qatari emir's meeting with President Joe Biden lasted two hours.", "CONSULT", "QAT", "USA"),
        ("The allegations made by Armenia against Azerbaijan were false.", "ACCUSE", "ARM", "AZE"),
        ("Russian strikes on Kharkiv killed four people.", "ASSAULT", "RUS", "UKR"),
    ],
)
def test_nominal_events_take_participants_from_the_noun_phrase(coder, text, event_type, actor, recipient):
    (event,) = _events(coder, text, event_type)
    assert actor in [e.country for e in event.actor]
    assert recipient in [e.country for e in event.recipient]


def test_accused_party_is_the_actor_of_the_embedded_event(coder):
    (event,) = _events(coder, "Moscow accused Kyiv of shelling the nuclear plant.", "ASSAULT")
    assert [e.country for e in event.actor] == ["UKR"]
    assert event.factuality == "reported"


def test_the_parties_refers_back_to_the_meeting(coder):
    text = (
        "Indian Prime Minister Narendra Modi held a meeting with Japanese Prime Minister Fumio Kishida on Friday.\n\n"
        "During the meeting, the parties discussed trade and security."
    )
    events = _events(coder, text, "CONSULT", published="2024-03-16")
    assert len(events) == 2
    first, second = events
    assert [e.name for e in second.actor + second.recipient] == [e.name for e in first.actor + first.recipient]
    assert second.date == first.date == "2024-03-15"
    assert "anaphora:" in second.evidence


def test_light_verb_and_event_noun_give_one_event(coder):
    events = _events(coder, "The Egyptian foreign minister held talks with his Qatari counterpart in Doha.", "CONSULT")
    assert len(events) == 1
    assert events[0].trigger.text == "held talks"
    assert events[0].event_loc is not None and events[0].event_loc.country == "QAT"
