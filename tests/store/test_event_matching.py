"""The rule that decides when two reports are one real-world event (store/matching.py)."""

from __future__ import annotations

from datetime import date

import pytest

from eventcoder.store.matching import MatchInfo, best_match, date_interval, match_key, same_event


def info(
    article: str = "a1",
    event_type: str = "CONSULT",
    factuality: str = "asserted",
    actors: tuple[str | None, ...] = ("TUR",),
    recipients: tuple[str | None, ...] = ("AZE",),
    when: str | None = "2024-03-11",
    precision: str | None = "day",
    place: str | None = None,
    actor_sectors: frozenset[str] = frozenset(),
    event_id: str = "e",
    order: int = 0,
) -> MatchInfo:
    interval = date_interval(when, precision)
    return MatchInfo(
        event_id=event_id, article_id=article, match_key=match_key(event_type, factuality, actors, recipients),
        date_start=interval[0] if interval else None, date_end=interval[1] if interval else None,
        date_precision=precision, place=place, actor_sectors=actor_sectors, recipient_sectors=frozenset(),
        order=order,
    )


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        (info(article="a2"), True),
        (info(article="a2", when="2024-03-12"), True),  # one day apart: reports straddle midnight
        (info(article="a2", when="2024-03-13"), False),
        (info(article="a2", when="2024-03", precision="month"), True),  # a day inside the month
        (info(article="a2", when="2024-02", precision="month"), False),
        (info(article="a2", when="2024-W11", precision="week"), True),
        (info(article="a2", when=None, precision=None), False),  # undated: never across articles
        (info(article="a2", factuality="reported"), True),  # asserted and reported are both "it happened"
        (info(article="a2", factuality="negated"), False),
        (info(article="a2", event_type="ACCUSE"), False),
        (info(article="a2", actors=("TUR", "TUR")), True),  # a set: repetition ignored
        (info(article="a2", actors=("TUR", "RUS")), False),
        (info(article="a2", recipients=()), False),
        (info(article="a2", place="gn:587084"), True),  # a place on one side only
        (info(article="a2", actor_sectors=frozenset({"GOV"})), True),  # sectors on one side only
    ],
)
def test_same_event_rule(new: MatchInfo, expected: bool) -> None:
    assert same_event(new, info()) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ({"place": "gn:1"}, {"place": "gn:2"}, False),
        ({"place": "gn:1"}, {"place": "gn:1"}, True),
        ({"actor_sectors": frozenset({"GOV"})}, {"actor_sectors": frozenset({"MIL"})}, False),
        ({"when": None, "precision": None}, {"when": None, "precision": None}, True),  # same article, both undated
        ({"when": None, "precision": None}, {}, False),
    ],
)
def test_places_sectors_and_undated_events(a: dict, b: dict, expected: bool) -> None:
    assert same_event(info(**a), info(**b)) is expected


def test_events_without_any_country_never_merge() -> None:
    assert match_key("PROTEST", "asserted", [None], []) is None
    vague = info(actors=(None,), recipients=())
    assert not same_event(vague, vague)


def test_closest_date_wins_then_the_earliest_stored() -> None:
    new = info(article="n", when="2024-03-11")
    far = info(event_id="far", when="2024-03-10", order=1)
    near = info(event_id="near", when="2024-03-11", order=2)
    twin = info(event_id="twin", when="2024-03-11", order=3)
    assert best_match(new, [far, twin, near]).event_id == "near"


@pytest.mark.parametrize(
    ("value", "precision", "interval"),
    [
        ("2024-03-11", "day", (date(2024, 3, 11), date(2024, 3, 11))),
        ("2024-W11", "week", (date(2024, 3, 11), date(2024, 3, 17))),
        ("2024-02", "month", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2024-12", "month", (date(2024, 12, 1), date(2024, 12, 31))),
        ("2024", "year", (date(2024, 1, 1), date(2024, 12, 31))),
        (None, None, None),
        ("soon", None, None),
    ],
)
def test_date_interval(value: str | None, precision: str | None, interval: tuple[date, date] | None) -> None:
    assert date_interval(value, precision) == interval
