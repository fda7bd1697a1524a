"""An attack or crackdown named as what is to be prevented ("to stem attacks", "to curb violence")
is a kind of event, not one that happened; a foiled attempt still is."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Malian and Nigerien troops began joint patrols to stem cross-border attacks by jihadists.",
        "The two ministers agreed on new measures to prevent attacks by al-Shabaab on border towns.",
    ],
)
def test_attacks_to_be_prevented_are_not_coded(coder, text):
    assert all(e.event_type != "ASSAULT" for e in coder.code(text))


def test_a_foiled_attack_is_still_an_attack(coder):
    events = coder.code("Kenyan police foiled an attack by al-Shabaab militants on a hotel in Mombasa.")
    assert any(e.event_type == "ASSAULT" for e in events)
