"""The packaged PLOVER ontology and CAMEO crosswalk."""

from __future__ import annotations

import pytest

from eventcoder.events.ontology import Ontology

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@pytest.fixture(scope="module")
def ont() -> Ontology:
    return Ontology.load()


def test_load_is_cached(ont: Ontology) -> None:
    assert Ontology.load() is ont


def test_has_the_sixteen_plover_types(ont: Ontology) -> None:
    assert tuple(ont.types) == PLOVER_TYPES


@pytest.mark.parametrize("plover_type", PLOVER_TYPES)
def test_every_type_has_quad_class_and_a_representative_cameo_of_that_type(ont: Ontology, plover_type: str) -> None:
    assert ont.quad_class(plover_type) in (1, 2, 3, 4)
    code = ont.default_cameo(plover_type)
    assert code is not None
    info = ont.cameo(code)
    assert info is not None and info.plover_type == plover_type


@pytest.mark.parametrize(
    ("plover_type", "quad"),
    [("AGREE", 1), ("CONSULT", 1), ("COOPERATE", 2), ("RETREAT", 2), ("ACCUSE", 3), ("THREATEN", 3),
     ("PROTEST", 4), ("SANCTION", 4), ("ASSAULT", 4)],
)
def test_quad_class_follows_the_manuals_type_sections(ont: Ontology, plover_type: str, quad: int) -> None:
    assert ont.quad_class(plover_type) == quad


def test_only_cooperate_aid_and_sanction_require_a_recipient(ont: Ontology) -> None:
    assert {t for t, info in ont.types.items() if info.requires_recipient} == {"COOPERATE", "AID", "SANCTION"}


@pytest.mark.parametrize(
    ("plover_type", "mode"),
    [("CONSULT", "visit"), ("RETREAT", "resign"), ("ACCUSE", "allege"), ("PROTEST", "riot"),
     ("MOBILIZE", "troops"), ("COERCE", "martial-law"), ("ASSAULT", "heavy-weapons")],
)
def test_modes_come_from_the_manuals_tables(ont: Ontology, plover_type: str, mode: str) -> None:
    assert ont.is_mode(plover_type, mode)


def test_request_and_reject_share_modes_and_agree_has_none(ont: Ontology) -> None:
    assert ont.types["REQUEST"].modes == ont.types["REJECT"].modes == ("assist", "change", "yield", "meet")
    assert ont.types["AGREE"].modes == ()


def test_contexts_and_sectors(ont: Ontology) -> None:
    assert len(ont.contexts) == 37
    assert {"military", "pro_democracy", "human_rights", "cbrn", "trafficking"} <= set(ont.contexts)
    assert {"GOV", "MIL", "REB", "COP", "CVL", "PRE"} <= set(ont.sectors)


@pytest.mark.parametrize(
    ("code", "plover_type", "mode", "contexts", "goldstein", "cameo_quad"),
    [
        ("042", "CONSULT", "visit", (), 1.9, 1),
        ("057", "SUPPORT", None, ("diplomatic",), 8.0, 1),
        ("073", "AID", None, ("human_security",), 7.4, 2),  # crosswalk 'humanitarian' normalised
        ("0874", "RETREAT", "withdraw", ("military",), 10.0, 2),
        ("141", "PROTEST", "demo", (), -6.5, 4),
        ("163", "SANCTION", "discontinue", ("economic",), -8.0, 4),  # crosswalk quirk corrected
        ("173", "COERCE", "arrest", ("legal",), -5.0, 4),
        ("190", "ASSAULT", None, ("military",), -10.0, 4),
        ("010", None, None, (), 0.0, 1),  # public statements: dropped by PLOVER
    ],
)
def test_crosswalk_lookup(
    ont: Ontology, code: str, plover_type: str | None, mode: str | None, contexts: tuple[str, ...],
    goldstein: float, cameo_quad: int,
) -> None:
    info = ont.cameo(code)
    assert info is not None
    assert (info.plover_type, info.mode, info.contexts, info.goldstein, info.quad_class) == (
        plover_type, mode, contexts, goldstein, cameo_quad)
    assert info.description


def test_unknown_cameo_code_is_none(ont: Ontology) -> None:
    assert ont.cameo("999") is None


def test_every_crosswalk_row_uses_the_manuals_names(ont: Ontology) -> None:
    for code in ont.cameo_codes():
        info = ont.cameo(code)
        assert info is not None
        if info.plover_type is not None:
            assert info.plover_type in ont.types, code
            assert info.mode is None or ont.is_mode(info.plover_type, info.mode), code
        assert set(info.contexts) <= set(ont.contexts), code


@pytest.mark.parametrize(
    ("plover_type", "mode", "code"),
    [("CONSULT", None, "040"), ("CONSULT", "visit", "042"), ("ASSAULT", None, "190"), ("ACCUSE", None, "112"),
     ("PROTEST", None, "141"), ("MOBILIZE", "troops", "154"),
     ("CONSULT", "multilateral", "040")],  # no CAMEO code for that mode: the type's code
)
def test_default_cameo(ont: Ontology, plover_type: str, mode: str | None, code: str) -> None:
    assert ont.default_cameo(plover_type, mode) == code


def test_goldstein_prefers_the_known_cameo_code(ont: Ontology) -> None:
    assert ont.goldstein_for("CONSULT", "visit", "043") == ont.cameo("043").goldstein  # type: ignore[union-attr]
    assert ont.goldstein_for("CONSULT", "visit", None) == 1.9
    assert ont.goldstein_for("ASSAULT", None, "999") == -10.0


def test_plover_scores(ont: Ontology) -> None:
    assert ont.plover_score("CONSULT", "visit") == 4.0
    assert ont.plover_score("ACCUSE") == -3.0  # the manual's '+3' sign typo corrected
    assert ont.plover_score("AGREE", "no-such-mode") == 2.5
