"""Attaching a place to an event trigger."""

from __future__ import annotations

import pytest

from eventcoder.geo import Gazetteer, find_places, place_for_token


def _place_of(nlp, gaz: Gazetteer, text: str, trigger: str):
    doc = nlp(text)
    places = find_places(doc, gaz)
    token_i = next(t.i for t in doc if t.text == trigger)
    return place_for_token(doc, token_i, places)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Baku said the summit held in Reykjavík was a success.", "summit", "Reykjavík"),
        ("The leaders held talks in Geneva on Monday.", "talks", "Geneva"),
        ("The leaders met in Geneva on Monday.", "met", "Geneva"),
        ("Russia's strikes on Kyiv killed three people.", "strikes", "Kyiv"),
        ("The operation was carried out in the Karabakh region.", "operation", "Karabakh"),
        ("Armenia said Azerbaijani troops attacked positions near Stepanakert.", "attacked", "Stepanakert"),
        ("The president paid a visit to Ankara last week.", "visit", "Ankara"),
        ("Drones struck an oil depot in the Belgorod region overnight.", "struck", "Belgorod"),
        ("Israeli strikes on Gaza killed twenty people.", "strikes", "Gaza"),
        ("Troops shelled the road between Kramatorsk and Sloviansk overnight.", "shelled", "Kramatorsk"),
    ],
)
def test_locative_phrase_gives_the_event_place(nlp, gaz: Gazetteer, text: str, trigger: str, expected: str) -> None:
    p = _place_of(nlp, gaz, text, trigger)
    assert p is not None and p.entity_text == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Moscow said the sanctions were illegal.", "sanctions"),
        ("Moscow condemned the decision.", "condemned"),
        ("Azerbaijani forces shelled the village.", "shelled"),
        ("Armenia accused Azerbaijan of aggression.", "accused"),
        # "between"/"among" countries or organisations names the parties, not where it happened
        ("The envoys reviewed the partnership agenda between Georgia and the OSCE.", "reviewed"),
        ("Officials discussed issues on the trade agenda between Chile and the European Union.", "discussed"),
        ("Border clashes between Armenia and Azerbaijan continued.", "clashes"),
    ],
)
def test_actors_and_adjectives_are_not_the_event_place(nlp, gaz: Gazetteer, text: str, trigger: str) -> None:
    assert _place_of(nlp, gaz, text, trigger) is None


def test_place_in_another_clause_is_not_taken(nlp, gaz: Gazetteer) -> None:
    text = "The minister, who grew up in Paris, condemned the attack."
    assert _place_of(nlp, gaz, text, "condemned") is None
