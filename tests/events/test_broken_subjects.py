"""A titled subject whose long name the parser breaks into several subjects ("Oman's sultan, Sheikh
X bin Y al-Z, launched …") is one actor, named by the title; a dateline is not."""

from __future__ import annotations


def test_a_titled_name_broken_into_several_subjects_is_one_actor(coder):
    text = "Kuwait's emir, Sheikh Sabah bin Ahmad al-Sabah launched a mediation effort on Sunday between Qatar and Bahrain."
    events = [e for e in coder.code(text) if e.event_type == "CONSULT"]
    assert events
    assert [a.country for a in events[0].actor] == ["KWT"]
    assert {r.country for r in events[0].recipient} == {"QAT", "BHR"}


def test_a_list_of_actions_after_a_that_clause_keeps_the_clauses_subject(coder):
    # the parser hangs "signed" on "said"; the comma-list continues the clause about Georgia
    text = ("The French minister said that Georgia has worked closely with the alliance on border security, "
            "signed several agreements with NATO, and hosted joint exercises.")
    signed = [e for e in coder.code(text) if "signed" in e.trigger.text]
    assert signed and all([a.country for a in e.actor] == ["GEO"] for e in signed)
    hosted = [e for e in coder.code(text) if "hosted" in e.trigger.text]
    assert hosted and [a.country for a in hosted[0].actor] == ["GEO"]


def test_a_conjunct_does_not_borrow_a_subject_that_names_no_one(coder):
    # the parser hangs "met" on "failed": the talks meet no one, the minister does
    text = "Georgia's foreign minister said that the talks had failed, and met the Turkish ambassador on Monday."
    (met,) = [e for e in coder.code(text) if e.event_type == "CONSULT"]
    assert [a.country for a in met.actor] == ["GEO"]


def test_the_speakers_list_of_actions_after_a_that_clause_is_the_speakers(coder):
    # "relations" cannot thank: the list continues the main clause, parsed as a second complement
    text = ("Georgia's foreign minister said that relations had improved, thanked Turkey for its support, "
            "and urged Armenia to sign the treaty.")
    events = {e.event_type: e for e in coder.code(text)}
    assert [a.country for a in events["SUPPORT"].actor] == ["GEO"]
    assert [a.country for a in events["REQUEST"].actor] == ["GEO"]


def test_the_parties_between_whom_a_subject_event_broke_out(coder):
    text = "Deadly clashes broke out between Armenia and Azerbaijan on Monday."
    (clash,) = [e for e in coder.code(text, published="2024-03-01") if e.event_type == "ASSAULT"]
    assert {a.country for a in clash.actor} | {r.country for r in clash.recipient} == {"ARM", "AZE"}
    assert clash.event_loc is None
