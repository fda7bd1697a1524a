"""Recipients named indirectly by the clause: "between X and Y" after a mediation effort, the
"to" of a handing-over verb, the deed complained of, "in protest against/of/in defiance of X",
the one allowed to act, and what is not a recipient ("with X's help", "citing X")."""

from __future__ import annotations

import pytest

from coding_helpers import events_of_type as _events


@pytest.mark.parametrize(
    "text,actor,recipients",
    [
        ("Oman's sultan launched a mediation effort on Sunday between Iran and Bahrain.", "OMN", {"IRN", "BHR"}),
        ("The Arab League chief undertook a mediation mission between Syria and Jordan.", "IGO", {"SYR", "JOR"}),
    ],
)
def test_mediation_noun_takes_the_mediator_as_actor_and_both_sides_as_recipients(coder, text, actor, recipients):
    (event,) = _events(coder, text, "CONSULT")
    assert [a.country for a in event.actor] == [actor]
    assert {r.country for r in event.recipient} == recipients


def test_halting_mediation_among_parties_targets_them(coder):
    (event,) = _events(coder, "Norway halted its mediation efforts between Sri Lanka and the Tamil rebels.", "SANCTION")
    assert "LKA" in [r.country for r in event.recipient]


@pytest.mark.parametrize(
    "text,event_type,recipient",
    [
        ("Syria has offered its troops to Lebanon's president.", "AGREE", "LBN"),
        ("Egypt has offered its engineers to the Sudanese government.", "AGREE", "SDN"),
    ],
)
def test_the_thing_handed_over_is_not_the_recipient(coder, text, event_type, recipient):
    (event,) = _events(coder, text, event_type)
    assert [r.country for r in event.recipient] == [recipient]


def test_a_complaint_targets_whoever_did_the_deed_complained_of(coder):
    (event,) = _events(coder, "Lebanon complained to the United Nations over Israeli air strikes.", "ACCUSE")
    assert [r.country for r in event.recipient] == ["ISR"]


@pytest.mark.parametrize(
    "text,recipient",
    [
        ("Ten refugees staged a hunger strike in protest against abuses by Greek border guards.", "GRC"),
        ("The prisoners continued a hunger strike in protest of the Chinese government's refusal to free them.", "CHN"),
        ("Thousands of people marched in Taipei in defiance of Chinese authorities.", "CHN"),
    ],
)
def test_in_protest_against_names_the_protest_target(coder, text, recipient):
    event = _events(coder, text, "PROTEST")[0]
    assert recipient in [r.country for r in event.recipient]


def test_the_one_allowed_to_act_is_the_recipient_of_the_concession(coder):
    (event,) = _events(coder, "Ghana's Supreme Court allowed opposition candidate John Mensah to run in the election.",
                       "CONCEDE")
    assert [r.country for r in event.recipient] == ["GHA"]


def test_a_helper_named_with_with_is_not_the_target(coder):
    (event,) = _events(coder, "NATO said it would tighten the blockade of Libya with Egypt's help.", "THREATEN")
    assert [r.country for r in event.recipient] == ["LBY"]


def test_a_reason_cited_is_not_folded_into_a_refusal(coder):
    (event,) = _events(coder, "The Greek government refused to send troops, citing public opposition.", "REJECT")
    assert all(r.entity_text != "public opposition" for r in event.recipient)


def test_the_subject_of_engaged_in_does_the_event_noun(coder):
    (event,) = _events(coder, "Croat militias were engaged in ethnic cleansing against the Muslim population.", "ASSAULT")
    assert [a.country for a in event.actor] == ["HRV"]
