"""Names that open with a lower-case particle ("al-Qaeda", "al-Shabaab") are still found, inside
larger phrases too ("eight al-Qaeda commanders")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text,country",
    [
        ("Yemeni troops killed six al-Qaeda commanders near Mukalla.", "IMG"),
        ("Government forces attacked al-Qaeda in the mountains.", "IMG"),
        ("Ethiopian troops killed dozens of al-Shabaab fighters.", "SOM"),
    ],
)
def test_a_name_opening_with_a_particle_is_resolved(coder, text, country):
    events = [e for e in coder.code(text) if e.event_type == "ASSAULT"]
    assert events and country in [r.country for r in events[0].recipient]


def test_a_lower_case_particle_alone_is_no_name(coder):
    events = coder.code("Egyptian police arrested an al fresco diner in Cairo.")
    assert all(p.kind not in ("org", "igo") for e in events for p in (*e.actor, *e.recipient))


@pytest.mark.parametrize(
    "text,country,sector",
    [
        ("The Association of Arab Lawyers accused Tunisia of torturing detainees.", "NGO", "SOC"),
        ("The Society for Threatened Peoples accused Laos of persecuting the Hmong.", "NGO", "SOC"),
    ],
)
def test_an_unlisted_association_named_for_no_state_is_an_ngo(coder, text, country, sector):
    events = [e for e in coder.code(text) if e.event_type == "ACCUSE"]
    assert events and [(a.country, a.sector) for a in events[0].actor] == [(country, sector)]


def test_an_association_named_for_a_state_is_of_that_state(coder):
    events = [e for e in coder.code("The Kenya Medical Association accused the government of neglect.")
              if e.event_type == "ACCUSE"]
    assert events and events[0].actor[0].country == "KEN"


def test_a_named_party_is_a_party_of_the_state_it_challenges(coder):
    events = [e for e in coder.code("The Umma party said it will boycott Sudan's elections, backed by Egypt and Libya.")
              if e.event_type in ("THREATEN", "SANCTION")]
    assert events and [(a.sector, a.country) for a in events[0].actor] == [("PTY", "SDN")]
