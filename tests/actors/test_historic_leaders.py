"""Leaders of the decades before 1990 are known with their dates of office, and a one-word
institution name the knowledge base gives to one state follows the demonym it is said with."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "surname,country,during,after",
    [
        ("Reagan", "USA", "1985-06-01", "1995-06-01"),
        ("Brezhnev", "RUS", "1975-06-01", "1990-06-01"),
        ("Sadat", "EGY", "1978-09-17", "1985-01-01"),
        ("Nakasone", "JPN", "1985-01-01", "1995-01-01"),
    ],
)
def test_historic_leaders_are_found_while_in_office_only(kb, surname, country, during, after):
    assert {e.country for e in kb.people_by_surname(surname, during)} == {country}
    assert kb.people_by_surname(surname, after) == []


@pytest.mark.parametrize(
    "text,event_type,recipient",
    [
        ("The West German government welcomed President Reagan's proposal for arms talks.", "SUPPORT", "USA"),
        ("Israel rejected demands from President Sadat for a full withdrawal.", "REJECT", "EGY"),
    ],
)
def test_a_historic_leader_named_by_title_and_surname_has_his_state(coder, text, event_type, recipient):
    events = [e for e in coder.code(text) if e.event_type == event_type]
    assert events and recipient in [r.country for r in events[0].recipient]


@pytest.mark.parametrize(
    "text,event_type,country",
    [
        ("The Peruvian Congress demanded the resignation of the interior minister.", None, "PER"),
        ("Mexico's foreign minister criticised the Guatemalan Congress.", "ACCUSE", "GTM"),
    ],
)
def test_a_generic_institution_name_follows_its_demonym(coder, text, event_type, country):
    ents = [p for e in coder.code(text) if event_type in (None, e.event_type) for p in (*e.actor, *e.recipient)]
    assert country in [p.country for p in ents if "Congress" in p.entity_text]
    assert "USA" not in [p.country for p in ents]


def test_the_us_congress_is_still_american(coder):
    events = coder.code("Congress imposed new sanctions on Iran.")
    assert events and events[0].actor[0].country == "USA"
