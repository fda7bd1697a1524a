"""Toponym resolution with article context, qualifiers and hints."""

from __future__ import annotations

import pytest

from eventcoder.geo import Gazetteer, find_places


def _resolved(nlp, gaz: Gazetteer, text: str, name: str, hints: tuple[str, ...] = ()):
    places = [p for p in find_places(nlp(text), gaz, country_hints=hints) if p.entity_text == name]
    assert places, f"{name!r} not found in {text!r}"
    return places[0]


@pytest.mark.parametrize(
    ("text", "kind_country"),
    [
        ("Georgia held parliamentary elections. Voters in Tbilisi queued for hours.", ("PCLI", "GEO")),
        ("Georgia held a primary election. Voters in Atlanta queued for hours.", ("ADM1", "USA")),
    ],
)
def test_georgia_follows_its_context(nlp, gaz: Gazetteer, text: str, kind_country: tuple[str, str]) -> None:
    p = _resolved(nlp, gaz, text, "Georgia")
    assert (p.feature_code, p.country) == kind_country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Militias clashed in Tripoli, where the Libyan government sits. Benghazi was calm.", "LBY"),
        ("Clashes broke out in Tripoli, the second city of Lebanon, and spread towards Beirut.", "LBN"),
        ("Clashes broke out in Tripoli, Lebanon on Friday.", "LBN"),
    ],
)
def test_tripoli_follows_its_context(nlp, gaz: Gazetteer, text: str, country: str) -> None:
    assert _resolved(nlp, gaz, text, "Tripoli").country == country


def test_paris_is_the_french_capital_by_default(nlp, gaz: Gazetteer) -> None:
    p = _resolved(nlp, gaz, "The minister flew to Paris for the talks.", "Paris")
    assert (p.country, p.feature_code) == ("FRA", "PPLC")


def test_a_comma_qualifier_picks_the_place_inside_it(nlp, gaz: Gazetteer) -> None:
    p = _resolved(nlp, gaz, "A tornado damaged homes in Paris, Texas, on Monday.", "Paris")
    assert p.country == "USA" and p.admin1 == "Texas"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Fighting resumed in Karabakh after the ceasefire collapsed.", "Karabakh", "AZE"),
        ("Separatists in the Donbas shelled the town.", "Donbas", "UKR"),
        ("An airstrike hit a school in the Gaza Strip.", "Gaza Strip", "PSE"),
    ],
)
def test_regions_resolve_with_coordinates(nlp, gaz: Gazetteer, text: str, name: str, country: str) -> None:
    p = _resolved(nlp, gaz, text, name)
    assert p.country == country and p.lat is not None and p.lon is not None and 0 < p.score <= 1


def test_a_big_city_beats_its_same_name_province(nlp, gaz: Gazetteer) -> None:
    p = _resolved(nlp, gaz, "Government forces shelled Aleppo overnight.", "Aleppo")
    assert p.feature_code == "PPLA" and p.country == "SYR"


def test_country_hints_bias_ambiguous_names(nlp, gaz: Gazetteer) -> None:
    text = "Residents of Birmingham were warned about flooding."
    assert _resolved(nlp, gaz, text, "Birmingham", hints=("USA",)).country == "USA"
    assert _resolved(nlp, gaz, text, "Birmingham", hints=("GBR",)).country == "GBR"


def test_places_have_alpha3_country_and_score_in_range(nlp, gaz: Gazetteer) -> None:
    for p in find_places(nlp("Delegations from Kenya and Ethiopia met in Nairobi."), gaz):
        assert p.country is None or len(p.country) == 3
        assert 0.0 <= p.score <= 1.0


def test_a_city_next_to_a_named_country_beats_a_distant_namesake(nlp, gaz: Gazetteer) -> None:
    p = _resolved(nlp, gaz, "Israeli strikes on Gaza killed twenty people.", "Gaza")
    assert p.country == "PSE"


def test_unknown_facility_is_placed_from_the_article(nlp, gaz: Gazetteer) -> None:
    text = "Firefighters were called to Kelvingrove Hall in Glasgow. The Kelvingrove Hall fire spread."
    places = find_places(nlp(text), gaz)
    glasgow = next(p for p in places if p.entity_text == "Glasgow")
    for p in places:
        assert text[p.span[0] : p.span[1]] == p.entity_text
        if p.geonameid is None and p.lat is not None:
            assert (p.lat, p.lon) == (glasgow.lat, glasgow.lon) and p.score < glasgow.score


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Drought hit farms across Iowa, Wisconsin and Minnesota this summer.", "Iowa"),
        ("Voters in Ohio and Wyoming went to the polls, officials in Cincinnati said.", "Wyoming"),
        ("Voters in Ohio and Wyoming went to the polls, officials in Cincinnati said.", "Ohio"),
    ],
)
def test_a_state_name_means_the_state_not_a_small_namesake_elsewhere(nlp, gaz: Gazetteer, text: str, name: str) -> None:
    p = _resolved(nlp, gaz, text, name)
    assert p.feature_code == "ADM1" and p.name == name


def test_a_town_named_like_a_state_still_follows_its_qualifier(nlp, gaz: Gazetteer) -> None:
    p = _resolved(nlp, gaz, "The fair moved to Washington, Pennsylvania, last year.", "Washington")
    assert p.feature_code != "ADM1" and p.admin1 == "Pennsylvania"


def test_a_region_beats_its_same_name_city_when_the_city_is_a_small_share(nlp, gaz: Gazetteer) -> None:
    p = _resolved(nlp, gaz, "Hospitals across Quebec reported long waits, officials in Montreal said.", "Quebec")
    assert p.feature_code == "ADM1" and p.country == "CAN"


@pytest.mark.parametrize(
    ("text", "abbreviation", "state", "town", "town_state"),
    [
        ("PARIS, Mo. — A barn burned down on Tuesday near the county fairground.", "Mo.", "Missouri", "PARIS", "Missouri"),
        ("The Walker County (Ga.) sheriff asked for help.", "Ga.", "Georgia", "Walker County", "Georgia"),
    ],
)
def test_an_abbreviated_state_after_a_place_is_the_state(
    nlp, gaz: Gazetteer, text: str, abbreviation: str, state: str, town: str, town_state: str
) -> None:
    p = _resolved(nlp, gaz, text, abbreviation)
    assert p.feature_code == "ADM1" and p.name == state and p.country == "USA"
    assert _resolved(nlp, gaz, text, town).admin1 == town_state


def test_dc_is_the_district_not_washington_state(nlp, gaz: Gazetteer) -> None:
    p = _resolved(nlp, gaz, "Protesters marched in Washington, D.C., on Sunday.", "D.C.")
    assert p.name == "District of Columbia" and abs(p.lat - 38.9) < 0.5 and abs(p.lon + 77.0) < 0.5


@pytest.mark.parametrize(
    "text",
    ["Fans in Newcastle celebrated the win over Sunderland.", "Ambulances raced across Sunderland, Newcastle and Durham."],
)
def test_a_short_form_of_a_city_name_counts_as_its_name(nlp, gaz: Gazetteer, text: str) -> None:
    p = _resolved(nlp, gaz, text, "Newcastle")
    assert p.name == "Newcastle upon Tyne" and p.country == "GBR"


def test_the_capital_of_a_named_country_beats_a_local_namesake(nlp, gaz: Gazetteer) -> None:
    text = "Students from Georgetown, Kentucky, spent a week in France and toured Paris."
    p = _resolved(nlp, gaz, text, "Paris")
    assert p.country == "FRA" and p.feature_code == "PPLC"
