"""Recipients reached through a thing rather than named directly: the owner of what is attacked
("the servers of X"), the beneficiary of what is given or withheld ("aid programme for X"), the
addressee of a commitment broken ("reneged on its pledge to X"), whoever pressed for what was
refused ("despite pressure from X"), and a "to" whose noun the parser hung elsewhere. Places named
with a place noun ("the town of X") stay places; deeds ("the killing of X") are not owned things."""

from __future__ import annotations

import pytest

from coding_helpers import events_of_type as _events


@pytest.mark.parametrize(
    "text,event_type,recipient",
    [
        ("Iranian hackers hacked into the servers of Israel's water authority last month.", "COERCE", "ISR"),
        ("Chinese hackers tried to hack into the computers of Taiwanese defence officials.", "COERCE", "TWN"),
        ("Hackers working for Russia breached the email accounts of Polish lawmakers.", "COERCE", "POL"),
    ],
)
def test_the_owner_of_the_thing_attacked_is_the_recipient(coder, text, event_type, recipient):
    event = _events(coder, text, event_type)[0]
    assert recipient in [r.country for r in event.recipient]


@pytest.mark.parametrize(
    "text,event_type,recipient",
    [
        ("Germany suspended part of a development aid programme for Niger.", "SANCTION", "NER"),
        ("Canada cut off aid for Haiti after the coup.", "SANCTION", "HTI"),
        ("Japan suspended part of its aid programme for Myanmar.", "SANCTION", "MMR"),
    ],
)
def test_withheld_aid_targets_its_beneficiary(coder, text, event_type, recipient):
    event = _events(coder, text, event_type)[0]
    assert [r.country for r in event.recipient] == [recipient]


@pytest.mark.parametrize(
    "text,recipient",
    [
        ("The Ecuadorean president has reneged on his promise to the Colombian government.", "COL"),
        ("The mayor of Lima declined to step down despite mounting pressure from the Peruvian Congress.", "PER"),
    ],
)
def test_a_refusal_targets_whom_it_was_owed_or_who_pressed(coder, text, recipient):
    event = _events(coder, text, "REJECT")[0]
    assert recipient in [r.country for r in event.recipient]


def test_a_dangling_to_takes_the_noun_the_parser_moved(coder):
    text = "Ecuador has granted asylum to three Venezuelan opposition leaders holed up in its embassy."
    event = _events(coder, text, "AID")[0]
    assert "VEN" in [r.country for r in event.recipient]


def test_a_place_noun_is_not_an_owned_thing(coder):
    text = "Government aircraft dropped barrel bombs on the town of Daraya, Syrian activists said."
    events = _events(coder, text, "ASSAULT")
    assert all("Daraya" not in r.entity_text or r.kind == "place" for e in events for r in e.recipient)
    assert any(e.event_loc is not None and e.event_loc.country == "SYR" for e in events)


def test_condemning_a_killing_does_not_target_the_victims(coder):
    event = _events(coder, "The French foreign ministry condemned the killing of two Malian journalists.", "ACCUSE")[0]
    assert "MLI" not in [r.country for r in event.recipient]


def test_a_deed_denounced_after_an_as_phrase_targets_its_doer(coder):
    text = "Hungary on Monday condemned as a grave violation Romania's closure of the border crossing."
    event = _events(coder, text, "ACCUSE")[0]
    assert [r.country for r in event.recipient] == ["ROU"]


def test_a_blockade_in_defiance_of_authorities_targets_them(coder):
    text = "Thousands of farmers blocked highways in Punjab in defiance of Indian authorities."
    events = [e for e in coder.code(text) if e.event_type in ("PROTEST", "COERCE")]
    assert events and "IND" in [r.country for r in events[0].recipient]
    assert all(r.kind != "place" for r in events[0].recipient)
