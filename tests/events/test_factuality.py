"""Factuality and attribution on sentences we wrote: negated, denied, hypothetical, future,
reported (with the speaker) and asserted; a negated or hypothetical event is never asserted."""

from __future__ import annotations

import pytest


def _only(coder, text, event_type, published="2024-03-15"):
    events = [e for e in coder.code(text, published=published) if e.event_type == event_type]
    assert events, f"no {event_type} coded in {text!r}"
    return events[0]


@pytest.mark.parametrize(
    "text,event_type,factuality",
    [
        ("Israeli troops did not attack the hospital.", "ASSAULT", "negated"),
        ("No violence against civilians was observed in the region.", "ASSAULT", "negated"),
        ("Russia failed to reach an agreement with Ukraine on grain exports.", "AGREE", "negated"),
        ("Serbian police never arrested the suspects.", "COERCE", "negated"),
        ("The minister denied that soldiers had fired on protesters.", "ASSAULT", "denied"),
        ("Moscow denied that its border guards had detained Georgian citizens.", "COERCE", "denied"),
        ("Turkey could impose sanctions on Sweden if talks fail.", "THREATEN", "hypothetical"),
        ("If Iran attacks Israel, the United States will respond.", "ASSAULT", "hypothetical"),
        ("Washington may expel Russian diplomats.", "THREATEN", "hypothetical"),
        ("Chinese President Xi Jinping will visit Moscow next week.", "AGREE", "future"),
        ("Germany plans to send troops to Lithuania.", "MOBILIZE", "future"),
        ("Rebels attacked a police station in Mali, the army said.", "ASSAULT", "reported"),
        ("According to the Syrian Observatory, government warplanes bombed Idlib.", "ASSAULT", "reported"),
        ("Police arrested dozens of opposition activists in Minsk.", "COERCE", "asserted"),
        ("Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida in Tokyo.", "CONSULT", "asserted"),
    ],
)
def test_factuality(coder, text, event_type, factuality):
    assert _only(coder, text, event_type).factuality == factuality


@pytest.mark.parametrize(
    "text,event_type,speaker_country,speaker_sector",
    [
        ("Rebels attacked a police station in Mali, the army said.", "ASSAULT", "MLI", "MIL"),
        ("Moscow accused Kyiv of shelling the nuclear plant.", "ASSAULT", "RUS", "GOV"),
        ("The minister denied that soldiers had fired on protesters.", "ASSAULT", None, "GOV"),
    ],
)
def test_reported_and_denied_events_carry_their_speaker(coder, text, event_type, speaker_country, speaker_sector):
    event = _only(coder, text, event_type)
    assert event.attribution is not None and event.attribution.speaker is not None
    speaker = event.attribution.speaker
    assert (speaker.country, speaker.sector) == (speaker_country, speaker_sector)
    start, end = event.attribution.cue_span
    assert event.article.text[start:end] == event.attribution.cue


def test_publisher_assertion_has_no_attribution(coder):
    event = _only(coder, "Police arrested dozens of opposition activists in Minsk.", "COERCE")
    assert event.attribution is None


@pytest.mark.parametrize(
    "text,event_type",
    [
        ("Israeli troops did not attack the hospital.", "ASSAULT"),
        ("Turkey could impose sanctions on Sweden if talks fail.", "THREATEN"),
        ("North Korea threatened to attack South Korea.", "ASSAULT"),
        ("The United Nations urged Israel to allow more aid into Gaza.", "AID"),
    ],
)
def test_negated_or_hypothetical_event_is_never_asserted(coder, text, event_type):
    for event in coder.code(text, published="2024-03-15"):
        if event.event_type == event_type:
            assert event.factuality != "asserted"


@pytest.mark.parametrize(
    "text,event_type,mode,factuality",
    [
        # PLOVER codes the statement: an announced cooperative act is AGREE, a conflictual one THREATEN.
        ("Chinese President Xi Jinping will visit Moscow next week.", "AGREE", None, "future"),
        ("Japan plans to send humanitarian aid to Turkey.", "AGREE", None, "future"),
        ("Washington may expel Russian diplomats.", "THREATEN", "expel", "hypothetical"),
        ("Palestinian leaders said they would boycott the talks.", "THREATEN", "restrict", "future"),
        # A demand, refusal or threat carries its content as a mode; the content is not coded twice.
        ("The United Nations urged Israel to allow more aid into Gaza.", "REQUEST", "assist", "asserted"),
        ("Kenya's vice-president refused to resign.", "REJECT", "yield", "asserted"),
        ("North Korea threatened to attack South Korea.", "THREATEN", "violence", "asserted"),
    ],
)
def test_statements_of_intent_follow_plover(coder, text, event_type, mode, factuality):
    events = coder.code(text, published="2024-03-15")
    assert [(e.event_type, e.mode, e.factuality) for e in events] == [(event_type, mode, factuality)]


def test_would_under_a_past_report_is_the_future_not_a_hypothesis(coder):
    events = coder.code("Russia's defence ministry said its troops would pull back from the river bank.",
                        published="2024-03-15")
    assert [(e.event_type, e.factuality) for e in events] == [("CONCEDE", "future")]


def test_would_with_a_condition_stays_hypothetical(coder):
    events = coder.code("The Israeli prime minister said he would resign if the vote failed.", published="2024-03-15")
    assert events and all(e.factuality == "hypothetical" for e in events)


def test_an_announced_aid_cut_is_a_sanction_and_a_conditional_one_a_threat(coder):
    decided = coder.code("The United States announced on Wednesday it would cut all aid to the Nicaraguan rebels.",
                         published="2024-03-15")
    assert [(e.event_type, e.factuality) for e in decided] == [("SANCTION", "future")]
    held_out = coder.code("The EU will impose sanctions on Iran if it sends missiles to Russia.", published="2024-03-15")
    assert "THREATEN" in [e.event_type for e in held_out]
