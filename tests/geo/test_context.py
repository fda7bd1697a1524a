"""Resolution helped by the rest of the article: counties, co-located places, country points, demonyms."""

from __future__ import annotations

import pytest

from eventcoder.geo import Gazetteer, find_places
from eventcoder.geo.resolve import distance_km


def _places(nlp, gaz: Gazetteer, text: str, hints: tuple[str, ...] = ()):
    doc = nlp(text)
    places = find_places(doc, gaz, country_hints=hints)
    for p in places:
        assert doc.text[p.span[0] : p.span[1]] == p.entity_text
    return {p.entity_text: p for p in places}


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("Deputies in Laurel County, Kentucky, searched the woods near London for the missing hiker.",
         "Laurel County", "Kentucky"),
        ("Wildfires forced evacuations across Orange County, where Anaheim and Irvine opened shelters.",
         "Orange County", "California"),
    ],
)
def test_a_county_is_the_county_not_a_town_of_its_name(nlp, gaz: Gazetteer, text: str, name: str, admin1: str) -> None:
    p = _places(nlp, gaz, text)[name]
    assert (p.feature_code, p.country, p.admin1) == ("ADM2", "USA", admin1)


def test_places_named_together_are_taken_together(nlp, gaz: Gazetteer) -> None:
    text = (
        "Pupils from a primary school in Edmonton won the borough's cooking contest. "
        "Judges from Enfield and Tottenham tasted the dishes."
    )
    places = _places(nlp, gaz, text)
    assert places["Edmonton"].country == "GBR"


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        # near the geographic centre of the contiguous states, not the Factbook's rounded 38N 97W
        ("United States", 39.8, -98.6),
        ("India", 22.0, 79.0),
        ("France", 46.0, 2.0),
    ],
)
def test_a_country_point_lies_near_its_geographic_centre(gaz: Gazetteer, name: str, lat: float, lon: float) -> None:
    e = next(c for c in gaz.candidates(name) if c.kind == "country")
    assert distance_km(e.lat, e.lon, lat, lon) < 161


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("Lebanese troops crossed into the valley.", "Lebanese", "LBN"),
        ("A Georgian delegation arrived in Brussels.", "Georgian", "GEO"),
        ("The Saudi-led coalition denied the report.", "Saudi", "SAU"),
    ],
)
def test_demonyms_resolve_to_the_country(nlp, gaz: Gazetteer, text: str, word: str, country: str) -> None:
    p = _places(nlp, gaz, text)[word]
    assert (p.country, p.feature_code) == (country, "PCLI")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Clashes broke out in Tripoli, Lebanon's second city, as the army moved in.", "LBN"),
        ("Militias fought for control of Tripoli's airport as Libya's rival governments traded blame.", "LBY"),
    ],
)
def test_tripoli_by_country_named_beside_it(nlp, gaz: Gazetteer, text: str, country: str) -> None:
    assert _places(nlp, gaz, text)["Tripoli"].country == country


def test_paris_texas_is_not_the_french_capital(nlp, gaz: Gazetteer) -> None:
    p = _places(nlp, gaz, "A tornado damaged homes in Paris, Texas, late on Sunday.")["Paris"]
    assert (p.country, p.admin1) == ("USA", "Texas")
