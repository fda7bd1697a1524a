"""Reading the store: filters, paging, order, stats; values only ever as parameters."""

from __future__ import annotations

import pytest

from eventcoder.errors import UsageError
from eventcoder.store import EventFilters, EventStore


def kinds(events: list[dict]) -> list[tuple[str, str | None]]:
    return [(e["event_type"], e["date"]) for e in events]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (EventFilters(actor="RUS"), [("ASSAULT", "2024-03-12")]),
        (EventFilters(actor="tur", recipient="AZE"), [("CONSULT", "2024-03-11")]),
        (EventFilters(recipient="UKR", factuality="reported"), [("ASSAULT", "2024-03-12")]),
        (EventFilters(event_type="PROTEST"), [("PROTEST", None)]),
        # undated events are dated by their article's publication for --since/--until
        (EventFilters(since="2024-04-01"), [("PROTEST", None), ("COERCE", "2024-04-02")]),
        (EventFilters(since="2024-03-12", until="2024-03-12"), [("ASSAULT", "2024-03-12")]),
        (EventFilters(min_mentions=2), [("CONSULT", "2024-03-11")]),
        (EventFilters(actor="AZE' OR 1=1 --"), []),
    ],
)
def test_filters(filled: EventStore, filters: EventFilters, expected: list) -> None:
    assert sorted(kinds(filled.query_events(filters)), key=str) == sorted(expected, key=str)


def test_canonical_only_by_default_and_every_report_on_request(filled: EventStore) -> None:
    canonical = filled.query_events(limit=None)
    every = filled.query_events(EventFilters(canonical_only=False), limit=None)
    assert len(every) == len(canonical) + 1
    assert filled.count_events() == len(canonical)


def test_limit_offset_and_order(filled: EventStore) -> None:
    newest = filled.query_events(limit=None)
    assert [e["id"] for e in filled.query_events(limit=2, offset=1)] == [e["id"] for e in newest[1:3]]
    days = [e["date"] or e["article"]["published"] for e in newest]
    assert days == sorted(days, reverse=True)
    assert filled.query_events(order="mentions", limit=1)[0]["num_mentions"] == 2


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"filters": EventFilters(since="last week")}, "bad --since"),
        ({"filters": EventFilters(factuality="probably")}, "bad factuality"),
        ({"order": "random()"}, "unknown order"),
    ],
)
def test_bad_query_values_are_usage_errors(filled: EventStore, kwargs: dict, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        filled.query_events(**kwargs)


def test_stats_counts_everything(filled: EventStore) -> None:
    stats = filled.stats()
    assert stats["articles"] == 3 and stats["duplicate_articles"] == 0
    assert stats["events"] == stats["canonical_events"] + 1
    assert stats["mentions"] == stats["events"]
    assert stats["events_with_several_mentions"] == 1
    assert stats["runs"] == stats["runs_finished"] == 1
    assert stats["event_types"]["CONSULT"] >= 1
    assert stats["published_from"] == "2024-03-15" and stats["published_to"] == "2024-04-02"
