"""Countries of participants the knowledge base cannot place, from the rest of the sentence:
the state whose police or court acts on them, the state whose authorities they make claims on,
and the place where a promised or threatened act would happen."""

from __future__ import annotations

import pytest

from coding_helpers import events_of_type as _events


@pytest.mark.parametrize(
    "text,event_type,home",
    [
        ("Kenyan police opened fire on the crowd, killing one person.", "ASSAULT", "KEN"),
        ("Chile's government ordered the opposition newspaper to suspend publication.", "COERCE", "CHL"),
        ("Bolivian police arrested three student leaders.", "COERCE", "BOL"),
    ],
)
def test_people_acted_on_by_a_states_police_or_government_are_of_that_state(coder, text, event_type, home):
    event = _events(coder, text, event_type)[0]
    assert event.recipient and all(r.country == home for r in event.recipient)


def test_an_unplaced_group_making_claims_on_a_government_is_of_that_state(coder):
    (event,) = _events(coder, "Kurds demanded autonomy from the Syrian government.", "REQUEST")
    assert [a.country for a in event.actor] == ["SYR"]


@pytest.mark.parametrize(
    "text,event_type,target",
    [
        ("The regional forum has agreed to build a new trade office in Nairobi.", "AGREE", "KEN"),
        ("The militia threatened to resume attacks in Uganda.", "THREATEN", "UGA"),
    ],
)
def test_a_promise_or_threat_to_act_somewhere_targets_that_place(coder, text, event_type, target):
    event = _events(coder, text, event_type)[0]
    assert [r.country for r in event.recipient] == [target]


def test_a_foreign_target_keeps_its_own_country(coder):
    (event,) = _events(coder, "Turkish police detained two German journalists in Ankara.", "COERCE")
    assert [r.country for r in event.recipient] == ["DEU"]


@pytest.mark.parametrize(
    "text",
    [
        "The exiled opposition party, backed by France and Belgium, threatened to boycott Togo's presidential election.",
        "Citing pressure from Russia and Iran, the opposition party threatened to boycott Armenia's elections.",
    ],
)
def test_a_party_making_claims_on_a_state_is_of_that_state(coder, text):
    event = [e for e in coder.code(text) if e.event_type == "THREATEN"][0]
    targets = {r.country for r in event.recipient}
    assert {a.country for a in event.actor} == targets


def test_a_body_named_for_its_state_sets_the_scene_for_unplaced_officials(coder):
    text = "Vice-President Jonas Mbeki declined to resign despite pressure by the Zambia Anti-Graft Board."
    event = [e for e in coder.code(text) if e.event_type == "REJECT"][0]
    assert [a.country for a in event.actor] == ["ZMB"]


def test_a_state_named_as_a_participant_does_not_make_protesters_its_citizens(coder):
    text = "Thousands of protesters rallied against Israel, backed by activists from Jordan."
    events = [e for e in coder.code(text) if e.event_type == "PROTEST"]
    assert all(a.country != "ISR" for e in events for a in e.actor)


@pytest.mark.parametrize(
    "text,event_type,home",
    [
        ("The interior minister allowed opposition leader Imran Shah to hold a rally, according to the "
         "Pakistani interior secretary.", "CONCEDE", "PAK"),
        ("Police arrested dozens of protesters, the Russian interior ministry said.", "COERCE", "RUS"),
        ("Rebels attacked a convoy, the Malian army said.", "ASSAULT", "MLI"),
    ],
)
def test_unplaced_domestic_participants_are_of_the_state_whose_official_reports_it(coder, text, event_type, home):
    event = _events(coder, text, event_type)[0]
    assert event.actor and all(a.country == home for a in event.actor)


def test_a_non_state_speaker_places_no_one(coder):
    (event,) = _events(coder, "Protesters rallied against the pension reform, Amnesty International said.", "PROTEST")
    assert [a.country for a in event.actor] == [None]


def test_a_national_source_of_no_stated_sector_places_domestic_participants(coder):
    (event,) = _events(coder, "Police arrested the opposition leader, Turkish sources said.", "COERCE")
    assert [a.country for a in event.actor] == ["TUR"]


def test_a_state_as_speaker_does_not_make_others_its_own(coder):
    events = coder.code("The rebels arranged a prisoner exchange with the army, Nigeria said.", published="2024-03-15")
    assert all(a.country != "NGA" for e in events for a in e.actor)
