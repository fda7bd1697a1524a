"""The actor knowledge base: names, aliases, acronyms, demonyms, capitals, agents, titles, people by date,
user files."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from eventcoder.actors.kb import KBEntry, KnowledgeBase, case_sensitive, normalise
from eventcoder.errors import DataFileError

PEOPLE_HEADER = "name\taliases\tcountry\tsector\toffice\tfrom\tto\tidentifier_id\n"
ORG_HEADER = "key\tname\taliases\tcountry\tsector\tidentifier_id\tfrom\tto\n"


def first(kb: KnowledgeBase, surface: str, on_date: str | None = None) -> KBEntry:
    found = kb.lookup(surface, on_date)
    assert found, f"nothing found for {surface!r}"
    return found[0]


def write(tmp_path: Path, text: str, name: str = "actors.tsv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("surface", "key", "country", "form"),
    [
        ("Azerbaijan", "country:AZE", "AZE", "name"),
        ("Russian Federation", "country:RUS", "RUS", "alias"),
        ("Great Britain", "country:GBR", "GBR", "alias"),
        ("Republic of Korea", "country:KOR", "KOR", "alias"),
        ("Council of Europe", "org:COE", "IGO", "name"),
        ("United Nations", "org:UN", "UNO", "name"),
        ("European Union", "org:EU", "EUR", "name"),
        ("Doctors Without Borders", "org:MSF", "NGO", "alias"),
        ("Islamic State", "org:ISIS", "IMG", "name"),
        ("Hezbollah", "org:HEZBOLLAH", "LBN", "name"),
        ("Transnistria", "pre:TRANSNISTRIA", "MDA", "name"),
        ("Puerto Rico", "country:PRI", "USA", "name"),
    ],
)
def test_lookup_finds_names_and_aliases(kb: KnowledgeBase, surface: str, key: str, country: str, form: str) -> None:
    entry = first(kb, surface)
    assert (entry.key, entry.country, entry.form) == (key, country, form)


@pytest.mark.parametrize(
    ("surface", "expected_key"),
    [("US", "country:USA"), ("UK", "country:GBR"), ("UN", "org:UN"), ("AU", "org:AU"), ("EU", "org:EU"),
     ("OSCE", "org:OSCE"), ("PKK", "org:PKK"), ("MBS", "person:Mohammed bin Salman")],
)
def test_short_acronyms_match_only_in_capitals(kb: KnowledgeBase, surface: str, expected_key: str) -> None:
    assert first(kb, surface).key == expected_key
    assert first(kb, surface).form == "acronym"
    assert all(e.key != expected_key for e in kb.lookup(surface.lower()))
    assert all(e.key != expected_key for e in kb.lookup(surface.capitalize()))


def test_acronym_rule_is_exposed_for_matchers() -> None:
    assert case_sensitive("US") and case_sensitive("G20") and case_sensitive("NATO")
    assert not case_sensitive("U.S.") and not case_sensitive("Nato") and not case_sensitive("UNICEF")


@pytest.mark.parametrize(
    ("surface", "country", "form"),
    [("Azerbaijani", "AZE", "adjective"), ("Azeri", "AZE", "adjective"), ("Azeris", "AZE", "demonym"),
     ("American", "USA", "adjective"), ("Americans", "USA", "demonym"), ("British", "GBR", "adjective"),
     ("Britons", "GBR", "demonym"), ("Turkish", "TUR", "adjective"), ("Turks", "TUR", "demonym"),
     ("Palestinian", "PSE", "adjective"), ("Abkhaz", "GEO", "adjective")],
)
def test_adjectives_and_demonyms_resolve_to_their_country(kb: KnowledgeBase, surface: str, country: str, form: str) -> None:
    entry = first(kb, surface)
    assert (entry.country, entry.form) == (country, form)


@pytest.mark.parametrize(
    ("surface", "country"),
    [("Baku", "AZE"), ("Washington", "USA"), ("Moscow", "RUS"), ("Kremlin", "RUS"), ("Beijing", "CHN"),
     ("Downing Street", "GBR"), ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Yerevan", "ARM")],
)
def test_capitals_stand_for_the_government(kb: KnowledgeBase, surface: str, country: str) -> None:
    entry = first(kb, surface)
    assert (entry.country, entry.sector, entry.form) == (country, "GOV", "capital")


def test_capital_of_a_partially_recognised_entity_is_pre(kb: KnowledgeBase) -> None:
    entry = first(kb, "Tiraspol")
    assert (entry.country, entry.sector, entry.secondary) == ("MDA", "PRE", "GOV")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [("Cote d’Ivoire", "Côte d'Ivoire"), ("COTE D'IVOIRE", "Côte d'Ivoire"), ("Pejcinovic Buric", "Pejčinović Burić"),
     ("Al Qaeda", "al-Qaeda"), ("  Council   of Europe ", "Council of Europe"), ("Stoere", None)],
)
def test_lookup_ignores_case_diacritics_apostrophes_and_spacing(kb: KnowledgeBase, written: str, canonical: str | None) -> None:
    if canonical is None:
        assert kb.lookup(written) == []
    else:
        assert kb.lookup(written)[0].key == kb.lookup(canonical)[0].key


def test_normalise_folds_letters_without_decomposition() -> None:
    assert normalise("Støre") == "store" and normalise("Đukanović") == "dukanovic"
    assert normalise("Secretary-General") == normalise("secretary general")


@pytest.mark.parametrize(
    ("surface", "fallback_of"),
    [("the United Nations", "United Nations"), ("Russia's", "Russia"), ("the Kremlin", "Kremlin")],
)
def test_lookup_tries_without_article_and_possessive(kb: KnowledgeBase, surface: str, fallback_of: str) -> None:
    assert kb.lookup(surface) == kb.lookup(fallback_of)


@pytest.mark.parametrize(
    ("noun", "name", "sector", "secondary", "form"),
    [("police", "police", "COP", None, "name"), ("policemen", "policeman", "COP", None, "plural"),
     ("Rebels", "rebel", "REB", None, "plural"), ("protesters", "protester", "CVL", "OPP", "plural"),
     ("troops", "troop", "MIL", None, "plural"), ("gunmen", "gunman", "UAF", None, "plural"),
     ("journalist", "journalist", "JRN", None, "name"), ("doctors", "doctor", "MED", None, "plural"),
     ("refugees", "refugee", "REF", None, "plural"), ("lawmakers", "lawmaker", "LEG", None, "plural"),
     ("riot police", "riot police", "COP", None, "name"), ("spokesman", "spokesman", "GOV", None, "name")],
)
def test_agent_nouns_singular_or_plural(kb: KnowledgeBase, noun: str, name: str, sector: str,
                                        secondary: str | None, form: str) -> None:
    entry = kb.agent(noun)
    assert entry is not None
    assert (entry.kind, entry.name, entry.sector, entry.secondary, entry.form) == ("agent", name, sector, secondary, form)


def test_identity_words_are_not_agents(kb: KnowledgeBase) -> None:
    assert kb.agent("muslims") is None and kb.agent("christian") is None


@pytest.mark.parametrize(
    ("phrase", "office", "sector"),
    [("foreign minister", "Foreign Minister", "GOV"), ("Minister of Foreign Affairs", "Foreign Minister", "GOV"),
     ("Secretary-General", "Secretary General", "GOV"), ("secretary general", "Secretary General", "GOV"),
     ("Defense Minister", "Defence Minister", "GOV"), ("General", "General", "MIL"), ("Senator", "Senator", "LEG"),
     ("Pope", "Pope", "REL")],
)
def test_titles_give_office_and_sector(kb: KnowledgeBase, phrase: str, office: str, sector: str) -> None:
    entry = kb.title(phrase)
    assert entry is not None
    assert (entry.kind, entry.office, entry.sector) == ("title", office, sector)


@pytest.mark.parametrize(
    ("on_date", "office"),
    [("2019-05-01", "Education Minister"), ("2021-03-15", "Foreign Minister"), ("2020-07", "Foreign Minister"),
     (None, "Foreign Minister"), ("2010-01-01", "Foreign Minister")],
)
def test_person_with_two_roles_resolves_by_date(kb: KnowledgeBase, on_date: str | None, office: str) -> None:
    entry = kb.person("Bayramov", on_date)
    assert entry is not None
    assert (entry.name, entry.country, entry.office) == ("Jeyhun Bayramov", "AZE", office)


def test_roles_not_valid_on_the_date_are_dropped_when_one_is(kb: KnowledgeBase) -> None:
    roles = kb.lookup("Jeyhun Bayramov", "2019-05-01")
    assert [e.office for e in roles] == ["Education Minister"]
    assert [e.office for e in kb.lookup("Jeyhun Bayramov", "2010-01-01")] == ["Foreign Minister", "Education Minister"]


@pytest.mark.parametrize(
    ("name", "on_date", "country", "office"),
    [("Marija Pejčinović Burić", "2022-05-01", "IGO", "Secretary General of the Council of Europe"),
     ("Burić", "2018-05-01", "HRV", "Foreign Minister"),
     ("Alain Berset", "2025-01-10", "IGO", "Secretary General of the Council of Europe"),
     ("Stoltenberg", "2020-01-01", "IGO", "Secretary General of NATO"),
     ("Stoltenberg", "2025-06-01", "NOR", "Finance Minister")],
)
def test_people_change_office_and_country_over_time(kb: KnowledgeBase, name: str, on_date: str, country: str, office: str) -> None:
    entry = kb.person(name, on_date)
    assert entry is not None
    assert (entry.country, entry.office) == (country, office)


@pytest.mark.parametrize(("on_date", "sector"), [("2020-06-01", "REB"), ("2023-01-01", "GOV")])
def test_dated_organisation_rows_follow_the_date(kb: KnowledgeBase, on_date: str, sector: str) -> None:
    assert first(kb, "Taliban", on_date).sector == sector


def test_bad_on_date_is_refused(kb: KnowledgeBase) -> None:
    with pytest.raises(ValueError, match="on_date"):
        kb.lookup("Bayramov", "last week")


@pytest.mark.parametrize(("code", "name"), [("AZE", "Azerbaijan"), ("az", "Azerbaijan"), ("KOS", "Kosovo"),
                                            ("VAT", "Holy See"), ("UNO", "United Nations"), ("PRI", "Puerto Rico")])
def test_country_by_code(kb: KnowledgeBase, code: str, name: str) -> None:
    entry = kb.country(code)
    assert entry is not None and entry.name == name


def test_unknown_country_code(kb: KnowledgeBase) -> None:
    assert kb.country("XYZ") is None


def test_plover_exception_entities_are_countries(kb: KnowledgeBase) -> None:
    for code in ("HKG", "PSE", "KOS", "VAT", "TWN"):
        entry = kb.country(code)
        assert entry is not None and entry.country == code and entry.kind == "country"


def test_surface_forms_cover_plurals_acronyms_and_titles(kb: KnowledgeBase) -> None:
    forms = {(surface, entry.form) for surface, entry in kb.surface_forms()}
    assert {("policemen", "plural"), ("US", "acronym"), ("Foreign Minister", "name"), ("Baku", "capital")} <= forms


def test_default_load_is_cached() -> None:
    assert KnowledgeBase.load() is KnowledgeBase.load()


def test_surface_forms_feed_a_phrase_matcher(nlp: Language, kb: KnowledgeBase) -> None:
    exact, lower = PhraseMatcher(nlp.vocab, attr="ORTH"), PhraseMatcher(nlp.vocab, attr="LOWER")
    forms = {surface for surface, _ in kb.surface_forms()}
    exact.add("KB", list(nlp.tokenizer.pipe(sorted(f for f in forms if case_sensitive(f)))))
    lower.add("KB", list(nlp.tokenizer.pipe(sorted(f.lower() for f in forms if not case_sensitive(f)))))
    doc = nlp("Azerbaijani Foreign Minister Jeyhun Bayramov told us that the US envoy met protesters in Baku.")
    found = {doc[s:e].text for matcher in (exact, lower) for _, s, e in matcher(doc)}
    assert {"Azerbaijani", "Foreign Minister", "Jeyhun Bayramov", "US", "protesters", "Baku"} <= found
    assert "us" not in found
    assert all(kb.lookup(text) for text in found)


# --------------------------------------------------------------------------- user files

def test_user_people_file_adds_a_person(tmp_path: Path) -> None:
    path = write(tmp_path, "# my actors\n" + PEOPLE_HEADER
                 + "Leyla Testova\tTestova\tAZE\tGOV\tDeputy Foreign Minister\t2023-02-01\t\t\n")
    kb = KnowledgeBase.load([path])
    entry = kb.person("Testova", "2024-01-01")
    assert entry is not None
    assert (entry.key, entry.country, entry.office) == ("person:Leyla Testova", "AZE", "Deputy Foreign Minister")
    assert kb.lookup("Azerbaijan")[0].key == "country:AZE"  # defaults still there


def test_user_file_overrides_default_rows_of_the_same_person(tmp_path: Path) -> None:
    path = write(tmp_path, PEOPLE_HEADER + "Jeyhun Bayramov\tBayramov\tAZE\tGOV\tChief Negotiator\t2020-07-16\t\t\n")
    kb = KnowledgeBase.load([path])
    assert [e.office for e in kb.lookup("Bayramov")] == ["Chief Negotiator"]
    assert KnowledgeBase.load().person("Bayramov").office == "Foreign Minister"  # type: ignore[union-attr]


def test_user_organisation_file_adds_overrides_and_comes_first(tmp_path: Path) -> None:
    path = write(tmp_path, ORG_HEADER + "MYNGO\tCaspian Rights Watch\tCRW\tNGO\tSOC\t\t\t\n"
                 + "COE\tCouncil of Europe\tCoE\tIGO\tLEG\t\t\t\nMYPARTY\tRepublican Turkey Party\tTurkey\tCYP\tPTY\t\t\t\n")
    kb = KnowledgeBase.load([path])
    assert (first(kb, "CRW").key, first(kb, "CRW").kind) == ("org:MYNGO", "org")
    assert first(kb, "Council of Europe").sector == "LEG"
    assert first(kb, "Turkey").key == "org:MYPARTY"
    assert any(e.key == "country:TUR" for e in kb.lookup("Turkey"))


def test_example_user_file_loads(kb: KnowledgeBase) -> None:
    example = Path(__file__).resolve().parents[2] / "src" / "eventcoder" / "data" / "actors" / "example-user-actors.tsv"
    extended = KnowledgeBase.load([example])
    assert extended.person("Example", "2022-01-01") is not None


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        (PEOPLE_HEADER + "Jane Roe\t\tAZ\tGOV\t\t\t\t\n", 2, "country"),
        (PEOPLE_HEADER + "Jane Roe\t\tAZE\tGOVT\t\t\t\t\n", 2, "sector"),
        ("# comment\n" + PEOPLE_HEADER + "Jane Roe\t\tAZE\tGOV\t\t2020-13-01\t\t\n", 3, "from"),
        (PEOPLE_HEADER + "Jane Roe\t\tAZE\tGOV\t\t2021\t2020\t\n", 2, "after"),
        (PEOPLE_HEADER + "\t\tAZE\tGOV\t\t\t\t\n", 2, "name"),
        (PEOPLE_HEADER + "\nJane Roe\t\tAZE\tGOV\t\t\t\t\textra\n", 3, "cells"),
        (ORG_HEADER + "X\tSome Group\t\tAZE\t\t\t\t\n", 2, "sector"),
        ("who\twhat\n", 1, "header"),
        ("name\tcountry\tsector\tcolour\n", 1, "colour"),
    ],
)
def test_malformed_user_file_names_file_and_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DataFileError) as caught:
        KnowledgeBase.load([path])
    assert caught.value.line == line
    assert caught.value.path == str(path)
    assert reason in str(caught.value)
    assert f"{path}:{line}" in str(caught.value)


def test_missing_user_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        KnowledgeBase.load([tmp_path / "absent.tsv"])
