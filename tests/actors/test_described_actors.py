"""What the noun phrase says about its head: an apposition, the group a person comes from, a
fraction of a group, an ethnic group, a dotted acronym, a name before an agent noun."""

from __future__ import annotations

import pytest

from coding_helpers import events_published as _events


def test_an_apposition_gives_a_person_country_and_sector(coder):
    text = "Maria Okafor, Nigeria's best-known human rights activist, began a hunger strike on Monday."
    (event,) = _events(coder, text, "PROTEST")
    assert [(a.country, a.sector) for a in event.actor] == [("NGA", "CVL")]


def test_people_from_a_group_take_its_country(coder):
    text = "Lawyers from a Brazilian rights group accused the police of torture."
    (event,) = _events(coder, text, "ACCUSE")
    assert [a.country for a in event.actor] == ["BRA"]


def test_a_fraction_of_a_group_is_the_group(coder):
    text = "Half of the rebel fighters in Darfur have surrendered to the Sudanese army."
    (event,) = _events(coder, text, "RETREAT")
    assert [a.sector for a in event.actor] == ["REB"]


def test_an_ethnic_group_is_civilians_not_the_namesake_state(coder):
    text = "Ethnic Serbs in northern Kosovo protested against the new police chief on Sunday."
    (event,) = _events(coder, text, "PROTEST")
    (actor,) = event.actor
    assert actor.country != "SRB"
    assert actor.sector == "CVL"


@pytest.mark.parametrize("org", ["U.N.", "UN"])
def test_dotted_and_plain_acronyms_match_the_same_organisation(coder, org):
    (event,) = _events(coder, f"{org} Secretary-General Kofi Annan met the Iraqi foreign minister.", "CONSULT")
    assert [a.country for a in event.actor] == ["UNO"]


def test_a_name_before_an_agent_noun_is_not_a_person(coder):
    (event,) = _events(coder, "The main Hutu rebel group attacked an army post near the border.", "ASSAULT")
    assert [a.sector for a in event.actor] == ["REB"]
