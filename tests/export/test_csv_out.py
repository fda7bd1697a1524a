"""csv output: one flat row per event, readable by the csv module."""

from __future__ import annotations

import csv
import io

from eventcoder.export import open_writer
from eventcoder.export.csv_out import HEADER
from eventcoder.types import Article, Event


def rows(events: list[Event]) -> list[dict[str, str]]:
    out = io.StringIO()
    writer = open_writer("csv", out)
    writer.write(events[0].article if events else Article("empty", "text"), events)
    writer.close()
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_csv_parses_back_with_one_row_per_event(events: list[Event]) -> None:
    meet, accuse = rows(events)
    assert meet["id"] == "ev-1" and accuse["id"] == "ev-2"
    assert meet["article_id"] == "lima-1.txt" and meet["article_source"] == "Wire Ñ"
    assert (meet["event_type"], meet["mode"], meet["context"]) == ("CONSULT", "visit", "diplomatic")
    assert (meet["cameo"], meet["quad_class"], meet["goldstein"]) == ("043", "1", "2.8")
    assert (meet["actor_name"], meet["actor_country"], meet["actor_sector"]) == ("Ana Reyes", "PER", "GOV")
    assert (meet["recipient_name"], meet["recipient_country"]) == ("President of Chile", "CHL")
    assert (meet["date"], meet["date_precision"]) == ("2023-11-03", "day")
    assert (meet["event_loc_name"], meet["event_loc_country"]) == ("Santiago", "CHL")
    assert (float(meet["event_loc_lat"]), float(meet["event_loc_lon"])) == (-33.45694, -70.64827)
    assert (meet["trigger"], meet["factuality"], meet["attribution_speaker"]) == ("met", "asserted", "")
    assert (meet["confidence"], meet["evidence"]) == ("0.912", "pattern:meet-with")
    assert meet["sentence"] == events[0].sentence.text


def test_csv_joins_compound_actors_position_by_position(events: list[Event]) -> None:
    accuse = rows(events)[1]
    assert accuse["actor_name"] == "Peru;officials"
    assert accuse["actor_country"] == "PER;"
    assert accuse["actor_sector"] == "GOV;GOV"
    assert accuse["attribution_speaker"] == "officials"


def test_csv_leaves_missing_values_empty_and_quotes_odd_text(events: list[Event]) -> None:
    accuse = rows(events)[1]
    assert accuse["mode"] == "" and accuse["context"] == "" and accuse["date"] == ""
    assert accuse["event_loc_name"] == "" and accuse["event_loc_lat"] == ""
    assert accuse["sentence"] == 'Peru accused Bolivia of "hostile", unlawful acts, officials said.'


def test_csv_header_comes_even_without_events() -> None:
    assert rows([]) == []
    out = io.StringIO()
    writer = open_writer("csv", out)
    writer.close()
    assert out.getvalue() == ",".join(HEADER) + "\n"
