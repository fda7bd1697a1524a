"""A titled subject whose long name the parser breaks into several subjects ("Oman's sultan, Sheikh
X bin Y al-Z, launched …") is one actor, named by the title; a dateline is not."""

from __future__ import annotations


def test_a_titled_name_broken_into_several_subjects_is_one_actor(coder):
    text = "Kuwait's emir, Sheikh Sabah bin Ahmad al-Sabah launched a mediation effort on Sunday between Qatar and Bahrain."
    events = [e for e in coder.code(text) if e.event_type == "CONSULT"]
    assert events
    assert [a.country for a in events[0].actor] == ["KWT"]
    assert {r.country for r in events[0].recipient} == {"QAT", "BHR"}
