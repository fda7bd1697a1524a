"""Exports of the event store, read back by the tools users have (pyarrow, DuckDB, pandas)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from eventcoder.export.gdelt_tsv import GDELT_COLUMNS, gdelt_row, write_gdelt_tsv
from eventcoder.export.plover_jsonl import plover_record
from eventcoder.store import EventFilters, EventStore, ingest_paths

WIRE = ("Turkish Foreign Minister Hakan Fidan met his Azerbaijani counterpart Jeyhun Bayramov in Baku on Monday. "
        "Russian forces attacked Kharkiv on Tuesday.")
OTHER = "Turkey's foreign minister Hakan Fidan held talks with Azerbaijan's Jeyhun Bayramov in Baku on Monday."


@pytest.fixture(scope="module")
def db(coder, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    corpus = folder / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": WIRE, "published": "2024-03-15", "source": "Wire", "url": "https://wire.example/a"},
        {"id": "b", "text": OTHER, "published": "2024-03-14", "source": "Paper", "url": "https://paper.example/b"},
    ]) + "\n", encoding="utf-8")
    path = folder / "events.duckdb"
    with EventStore.open(path) as store:
        ingest_paths(store, coder, [str(corpus)])
    return path


def export(db: Path, fmt: str, out: Path, **filters: object) -> int:
    with EventStore.open(db, read_only=True) as store:
        return store.export(fmt, out, EventFilters(**filters))  # type: ignore[arg-type]


def test_parquet_reads_back_in_pyarrow_and_duckdb(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert export(db, "parquet", out) == 2
    table = pq.read_table(out)
    assert table.num_rows == 2
    assert str(table.schema.field("date_start").type) == "date32[day]"
    assert str(table.schema.field("actor_countries").type).startswith("list<")
    (meeting,) = duckdb.sql(
        "SELECT event_type, actor_countries, num_mentions, num_sources, record FROM read_parquet(?) "
        "WHERE event_type = 'CONSULT'", params=[str(out)]
    ).fetchall()
    assert meeting[:4] == ("CONSULT", ["TUR"], 2, 2)
    assert json.loads(meeting[4])["trigger"]["text"] == "met"


def test_gdelt_tsv_has_gdelts_61_columns_in_order(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    export(db, "gdelt-tsv", out)
    codes = {name: pa.string() for name in ("EventCode", "EventBaseCode", "EventRootCode", "DATEADDED")}
    table = pacsv.read_csv(
        out,
        read_options=pacsv.ReadOptions(column_names=list(GDELT_COLUMNS)),
        parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False),
        convert_options=pacsv.ConvertOptions(column_types=codes),
    )
    assert (table.num_rows, table.num_columns) == (2, 61)
    (meeting,) = [row for row in table.to_pylist() if row["EventCode"] == "040"]
    assert (meeting["SQLDATE"], meeting["MonthYear"], meeting["Year"]) == (20240311, 202403, 2024)
    assert (meeting["Actor1Code"], meeting["Actor1CountryCode"], meeting["Actor2CountryCode"]) == ("TURGOV", "TUR", "AZE")
    assert (meeting["EventRootCode"], meeting["QuadClass"], meeting["NumMentions"], meeting["NumArticles"]) == ("04", 1, 2, 2)
    assert meeting["ActionGeo_FullName"] == "Baku, Baki, Azerbaijan" and meeting["ActionGeo_Type"] == 4
    assert meeting["ActionGeo_CountryCode"] == "AJ"  # FIPS 10-4, as GDELT: not ISO's AZ
    assert meeting["SOURCEURL"] == "https://wire.example/a" and len(str(meeting["DATEADDED"])) == 14
    assert list(GDELT_COLUMNS[:5]) == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_plover_jsonl_uses_the_codebook_field_names(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    export(db, "plover-jsonl", out, event_type="CONSULT")
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for field in ("id", "date", "actor", "recipient", "event", "event_loc", "event_text", "quad_code", "mode",
                  "context", "text_info", "cite_info", "event_type", "story_id", "publication_date"):
        assert field in record, field
    assert record["event"] == ["CONSULT"] and record["date"] == "2024-03-11"
    actor = record["actor"][0]
    assert (actor["code"], actor["sector"], actor["entity_text"]) == ("TUR", "GOV", "Turkish Foreign Minister Hakan Fidan")
    assert record["event_loc"]["resolved_place"] == "Baku" and record["event_loc"]["feature_class"] == "P"
    assert record["link"] == record["id"] and record["num_sources"] == 2


def test_csv_has_the_code_columns_plus_counts(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    export(db, "csv", out, actor="RUS")
    relation = duckdb.read_csv(str(out), header=True, all_varchar=True)
    rows = [dict(zip(relation.columns, r, strict=True)) for r in relation.fetchall()]
    assert [r["event_type"] for r in rows] == ["ASSAULT"]
    assert rows[0]["actor_country"] == "RUS" and rows[0]["num_mentions"] == "1"
    assert relation.columns[-5:] == ["article_url", "canonical_id", "num_mentions", "num_sources", "num_articles"]


def test_a_failed_export_leaves_no_file(db: Path, tmp_path: Path) -> None:
    from eventcoder.errors import UsageError

    with pytest.raises(UsageError):
        export(db, "parquet", tmp_path / "missing-folder" / "x.parquet")
    assert not list(tmp_path.iterdir())


def record(**overrides: object) -> dict:
    base = {
        "id": "0123456789abcdef0123", "event_type": "CONSULT", "mode": None, "cameo": "043", "quad_class": 1,
        "goldstein": 2.8, "date": "2024-03", "date_precision": "month",
        "actor": [{"entity_text": "the UN", "name": "United Nations", "country": "IGO", "sector": None}],
        "recipient": [], "event_loc": {"entity_text": "Austin", "name": "Austin", "country": "USA",
                                       "admin1": "Texas", "lat": 30.27, "lon": -97.74, "geonameid": 4671654,
                                       "feature_code": "PPLA"},
        "sentence": {"text": "x", "span": [0, 1], "index": 2},
        "article": {"id": "a", "source": "Wire", "url": None, "published": "2024-03-15"},
        "num_mentions": 1, "num_sources": 1, "num_articles": 1, "ingested_at": "2024-03-16T12:30:00",
    }
    return {**base, **overrides}


def test_gdelt_mapping_of_groups_places_and_coarse_dates() -> None:
    row = dict(zip(GDELT_COLUMNS, gdelt_row(record()), strict=True))
    assert row["GLOBALEVENTID"] == int("0123456789abcde", 16)
    assert row["SQLDATE"] == "20240315"  # month precision: dated by publication, as GDELT does
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1KnownGroupCode"]) == ("IGO", "", "IGO")
    assert row["Actor2Code"] == "" and row["IsRootEvent"] == 0
    assert (row["ActionGeo_Type"], row["ActionGeo_FullName"]) == (3, "Austin, Texas, United States")
    assert row["ActionGeo_CountryCode"] == "US"
    assert row["DATEADDED"] == "20240316123000" and row["SOURCEURL"] == "Wire"


def test_gdelt_values_never_break_the_line_or_the_columns() -> None:
    stream = io.StringIO()
    nasty = record(article={"id": "a", "source": "Tab\there\nand newline", "url": None, "published": None})
    write_gdelt_tsv([nasty], stream)
    (line,) = stream.getvalue().splitlines()
    assert len(line.split("\t")) == 61


def test_plover_date_falls_back_to_publication_for_coarse_dates() -> None:
    out = plover_record(record())
    assert (out["date"], out["date_precision"], out["event_date"]) == ("2024-03-15", "publication", "2024-03")
