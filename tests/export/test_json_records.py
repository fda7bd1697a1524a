"""jsonl and json output print exactly Event.to_dict()."""

from __future__ import annotations

import io
import json

from eventcoder.export import open_writer
from eventcoder.types import Article, Event


def render(fmt: str, events: list[Event], articles: int = 1) -> str:
    out = io.StringIO()
    writer = open_writer(fmt, out)
    for _ in range(articles):
        writer.write(events[0].article if events else Article("empty", "text"), events)
    writer.close()
    return out.getvalue()


def test_jsonl_line_round_trips_to_exactly_to_dict(events: list[Event]) -> None:
    lines = render("jsonl", events).splitlines()
    assert [json.loads(line) for line in lines] == [e.to_dict() for e in events]


def test_jsonl_keeps_non_ascii_and_one_record_per_line(events: list[Event]) -> None:
    text = render("jsonl", events)
    assert "Wire Ñ" in text and "\\u" not in text
    assert text.endswith("\n") and text.count("\n") == len(events)


def test_json_is_one_valid_array_of_the_records(events: list[Event]) -> None:
    text = render("json", events, articles=2)
    assert json.loads(text) == [e.to_dict() for e in events] * 2


def test_json_without_events_is_an_empty_array(events: list[Event]) -> None:
    assert json.loads(render("json", [])) == []
    assert render("jsonl", []) == ""
