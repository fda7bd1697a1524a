"""Curated rows and conventions that decide the type: arms sent to a state are aid, withdrawn
peacekeepers and inspectors are a sanction (a threat when announced), inspectors dispatched are
an investigation, a denied permit is a rejection, a broken ceasefire is an assault, a vow to fight
is a threat; bad CAMEO-derived defaults ("upheld the rights", "conducted a mission") are blocked."""

from __future__ import annotations

import pytest


def _types(coder, text, published="2024-03-15"):
    return [e.event_type for e in coder.code(text, published=published)]


@pytest.mark.parametrize(
    "text,event_type",
    [
        ("Germany sent arms to Lithuania last year, the defence ministry said.", "AID"),
        ("The United Nations withdrew its peacekeepers from the buffer zone on Friday.", "SANCTION"),
        ("Twenty Dutch peacekeepers were shipped out of the enclave on Monday.", "SANCTION"),
        ("The IAEA dispatched inspectors to the reactor site in Iran on Monday.", "ACCUSE"),
        ("The Turkish interior ministry denied permission for the march in Istanbul.", "REJECT"),
        ("Both the Sudanese army and the rebels are guilty of violating the ceasefire, the monitors said.", "ASSAULT"),
        ("Ethnic Armenians in the region have vowed to fight until they win independence.", "THREATEN"),
        ("Kenya's foreign minister announced on Monday that Kenya will withdraw its peacekeepers from Somalia.",
         "THREATEN"),
    ],
)
def test_the_type_follows_the_act(coder, text, event_type):
    assert event_type in _types(coder, text)


@pytest.mark.parametrize(
    "text,wrong",
    [
        ("The Georgian courts upheld the property rights of displaced families.", "THREATEN"),
        ("A group of Ghanaian lawyers conducted a fact-finding mission in Togo last week.", "AGREE"),
    ],
)
def test_bad_derived_defaults_are_blocked(coder, text, wrong):
    assert wrong not in _types(coder, text)
