"""Toponym finding: spans, mislabelled entities, demonyms, generic words, common words."""

from __future__ import annotations

import pytest

from eventcoder.geo import Gazetteer, find_places


def _texts(nlp, gaz: Gazetteer, text: str) -> list[str]:
    return [p.entity_text for p in find_places(nlp(text), gaz)]


@pytest.mark.parametrize(
    "text",
    [
        "Armenia accused Azerbaijan of shelling villages near Stepanakert on Tuesday.",
        "Officials in Baku said the ceasefire in Nagorno-Karabakh was holding.",
        "The U.S.-led coalition and Russian-backed forces met in Geneva.",
        "Protesters gathered in São Paulo and Reykjavík over the weekend.",
    ],
)
def test_spans_are_exact(nlp, gaz: Gazetteer, text: str) -> None:
    places = find_places(nlp(text), gaz)
    assert places
    for p in places:
        assert text[p.span[0] : p.span[1]] == p.entity_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Armenia accused Azerbaijan of violating the truce.", {"Armenia", "Azerbaijan"}),
        ("Baku rejected the claims made by Yerevan.", {"Baku", "Yerevan"}),
    ],
)
def test_places_mislabelled_by_the_model_are_found(nlp, gaz: Gazetteer, text: str, expected: set[str]) -> None:
    assert expected <= set(_texts(nlp, gaz, text))


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("A Turkish court sentenced the journalist.", "Turkish", "TUR"),
        ("Troops entered Azerbaijani territories overnight.", "Azerbaijani", "AZE"),
        ("The U.S.-led coalition expanded its mission.", "U.S.", "USA"),
    ],
)
def test_demonyms_are_toponyms_of_their_country(nlp, gaz: Gazetteer, text: str, word: str, country: str) -> None:
    places = {p.entity_text: p for p in find_places(nlp(text), gaz)}
    assert word in places
    assert places[word].country == country


def test_generic_word_after_a_region_name_is_left_out(nlp, gaz: Gazetteer) -> None:
    text = "The operation was carried out in the Karabakh region."
    places = find_places(nlp(text), gaz)
    karabakh = [p for p in places if p.entity_text == "Karabakh"]
    assert karabakh and karabakh[0].name == "Nagorno-Karabakh" and karabakh[0].country == "AZE"


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Shelling continued across the Donbas on Sunday.", "Donbas"),
        ("Aid trucks entered the Gaza Strip through the Rafah crossing.", "Gaza Strip"),
        ("Settlers clashed with villagers in the West Bank.", "West Bank"),
        ("Russia annexed Crimea in 2014.", "Crimea"),
    ],
)
def test_regions_that_are_not_admin_units_are_found(nlp, gaz: Gazetteer, text: str, region: str) -> None:
    assert region in _texts(nlp, gaz, text)


@pytest.mark.parametrize(
    "text",
    [
        "Nice weather helped the harvest this year.",
        "Reading the report, the minister frowned.",
        "Mobile phone networks were cut during the protests.",
    ],
)
def test_common_capitalised_words_are_not_places(nlp, gaz: Gazetteer, text: str) -> None:
    first = text.split()[0]
    assert first not in _texts(nlp, gaz, text)


def test_a_three_word_adjective_is_one_mention(nlp, gaz: Gazetteer) -> None:
    places = find_places(nlp("South East Asian leaders met in Jakarta."), gaz)
    first = places[0]
    assert first.entity_text == "South East Asian" and first.name == "Southeast Asia"


@pytest.mark.parametrize("text", ["The choir sang at Mass. Later the priest left.", "He went to wash. Mo said nothing."])
def test_an_abbreviation_that_is_a_word_names_no_state_outside_a_dateline(nlp, gaz: Gazetteer, text: str) -> None:
    assert not [p for p in find_places(nlp(text), gaz) if p.name in ("Massachusetts", "Missouri")]


@pytest.mark.parametrize(
    "text",
    [
        "The navy moved two frigates to its east coast on Tuesday.",
        "Floods hit the country's north after a week of rain.",
    ],
)
def test_a_lowercase_direction_is_not_a_named_region(nlp, gaz: Gazetteer, text: str) -> None:
    assert [p.name for p in find_places(nlp(text), gaz)] == []


def test_the_capitalised_region_is_still_found(nlp, gaz: Gazetteer) -> None:
    names = [p.name for p in find_places(nlp("Storms battered the East Coast on Tuesday."), gaz)]
    assert names == ["East Coast"]


def test_earth_is_not_the_texas_town(nlp, gaz: Gazetteer) -> None:
    places = find_places(nlp("The war flattened some of the oldest cities on Earth."), gaz)
    assert all(p.country is None and p.lat is None for p in places)
