"""The packaged gazetteer: contents, normalised lookup, adjectives, provenance."""

from __future__ import annotations

import gzip
from importlib import resources

import pytest

from eventcoder.geo import Gazetteer
from eventcoder.geo.normalize import normalize_name


def test_load_is_cached(gaz: Gazetteer) -> None:
    assert Gazetteer.load() is gaz
    assert len(gaz) > 150_000


@pytest.mark.parametrize(
    ("a", "b"),
    [("Reykjavik", "Reykjavík"), ("Sao Paulo", "São Paulo"), ("Nagorno Karabakh", "Nagorno-Karabakh"), ("U.S.", "US")],
)
def test_names_match_regardless_of_diacritics_case_and_punctuation(gaz: Gazetteer, a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)
    assert [e.row for e in gaz.candidates(a)] == [e.row for e in gaz.candidates(b)]
    assert gaz.candidates(a)


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [
        ("Azerbaijan", "country", "AZE"),
        ("Georgia", "country", "GEO"),
        ("Georgia", "admin1", "USA"),
        ("Texas", "admin1", "USA"),
        ("Idlib", "admin1", "SYR"),
        ("Reykjavík", "city", "ISL"),
        ("Tripoli", "city", "LBN"),
        ("Karabakh", "region", "AZE"),
        ("Donbas", "region", "UKR"),
        ("Gaza Strip", "region", "PSE"),
        ("West Bank", "region", "PSE"),
        ("Golan Heights", "region", "SYR"),
        ("Transnistria", "region", "MDA"),
        ("South Ossetia", "region", "GEO"),
        ("Abkhazia", "admin1", "GEO"),
        ("Sahel", "region", None),
        ("Kashmir", "region", None),
    ],
)
def test_countries_regions_and_places_are_listed(gaz: Gazetteer, name: str, kind: str, country: str | None) -> None:
    assert any(e.kind == kind and e.country == country for e in gaz.candidates(name))


def test_places_carry_geonames_ids_population_and_alpha3(gaz: Gazetteer) -> None:
    reykjavik = gaz.candidates("Reykjavik")[0]
    assert reykjavik.geonameid == 3413829
    assert reykjavik.feature_code == "PPLC"
    assert reykjavik.population > 100_000
    assert 63 < reykjavik.lat < 65 and -23 < reykjavik.lon < -21
    assert gaz.by_geonameid(6252001).country == "USA"  # the United States, alpha-2 converted


def test_small_places_of_at_least_a_thousand_people_are_included(gaz: Gazetteer) -> None:
    assert any(1000 <= e.population < 5000 for e in gaz.candidates("Yarrabah"))


@pytest.mark.parametrize(
    ("adjective", "country"),
    [("Turkish", "TUR"), ("Azerbaijani", "AZE"), ("Azeri", "AZE"), ("American", "USA"), ("Ukrainian", "UKR")],
)
def test_demonyms_name_their_country(gaz: Gazetteer, adjective: str, country: str) -> None:
    entry = gaz.adjective(adjective)
    assert entry is not None and entry.kind == "country" and entry.country == country


def test_admin1_name_is_attached_to_cities(gaz: Gazetteer) -> None:
    atlanta = gaz.candidates("Atlanta")[0]
    assert atlanta.country == "USA" and atlanta.admin1 == "Georgia"


@pytest.mark.parametrize("name", ["gazetteer.tsv.gz", "regions.tsv", "aliases.tsv", "demonyms.tsv", "stoplist.txt"])
def test_data_files_open_with_provenance(name: str) -> None:
    raw = resources.files("eventcoder.data.geo").joinpath(name).read_bytes()
    text = gzip.decompress(raw).decode() if name.endswith(".gz") else raw.decode()
    header = "\n".join(line for line in text.splitlines()[:12] if line.startswith("#"))
    assert "Source:" in header and "Known problems" in header
    if name == "gazetteer.tsv.gz":
        assert "GeoNames" in header and "CC BY 4.0" in header
