"""Partitioned Parquet output: one events file and one articles file per partition, written atomically.

``events-000012.parquet`` holds the event records of partition 12 (exactly
`Event.to_dict()`, nested as Arrow structs and lists, with a fixed schema so every
partition reads as one table: ``duckdb.read_parquet('out/events-*.parquet')``);
``articles-000012.parquet`` holds its coded articles (id, source, url, title,
published, clean text, number of events) and is written last, so a partition is
complete when its articles file exists.  Each file is written to a hidden temporary
name in the same directory and moved into place with `os.replace`: a reader never
sees half a file, and a partition coded twice (a retry) just replaces it.
`read_partition` reads a partition back as (Article, events) pairs whose records
(`Event.to_dict()`) are those written.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..types import Article, Attribution, Entity, Event, Place, TextRef

_SPAN = pa.list_(pa.int64())
ENTITY = pa.struct(
    [
        ("entity_text", pa.string()),
        ("span", _SPAN),
        ("name", pa.string()),
        ("country", pa.string()),
        ("sector", pa.string()),
        ("office", pa.string()),
        ("identifier_id", pa.string()),
    ]
)
PLACE = pa.struct(
    [
        ("entity_text", pa.string()),
        ("span", _SPAN),
        ("name", pa.string()),
        ("geonameid", pa.int64()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("country", pa.string()),
        ("admin1", pa.string()),
        ("feature_code", pa.string()),
    ]
)
EVENT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("event_type", pa.string()),
        ("mode", pa.string()),
        ("context", pa.list_(pa.string())),
        ("cameo", pa.string()),
        ("quad_class", pa.int64()),
        ("goldstein", pa.float64()),
        ("actor", pa.list_(ENTITY)),
        ("recipient", pa.list_(ENTITY)),
        ("date", pa.string()),
        ("date_precision", pa.string()),
        ("date_text", pa.string()),
        ("date_span", _SPAN),
        ("event_loc", PLACE),
        ("trigger", pa.struct([("text", pa.string()), ("span", _SPAN)])),
        ("sentence", pa.struct([("text", pa.string()), ("span", _SPAN), ("index", pa.int64())])),
        ("factuality", pa.string()),
        ("attribution", pa.struct([("speaker", ENTITY), ("cue", pa.string()), ("cue_span", _SPAN)])),
        ("confidence", pa.float64()),
        ("evidence", pa.string()),
        (
            "article",
            pa.struct([("id", pa.string()), ("source", pa.string()), ("url", pa.string()), ("published", pa.string())]),
        ),
    ]
)
ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("published", pa.string()),
        ("text", pa.string()),
        ("events", pa.int64()),
    ]
)


def partition_paths(out_dir: str | os.PathLike[str], index: int) -> tuple[Path, Path]:
    """The (events, articles) file paths of partition `index`."""
    root = Path(out_dir)
    return root / f"events-{index:06d}.parquet", root / f"articles-{index:06d}.parquet"


def write_partition(
    out_dir: str | os.PathLike[str], index: int, coded: Sequence[tuple[Article, Sequence[Event]]], tag: str = ""
) -> tuple[str, str]:
    """Write partition `index` (events, then articles) atomically; returns both paths."""
    events_path, articles_path = partition_paths(out_dir, index)
    events_path.parent.mkdir(parents=True, exist_ok=True)
    records = [event.to_dict() for _, events in coded for event in events]
    write_atomic(pa.Table.from_pylist(records, schema=EVENT_SCHEMA), events_path, tag)
    rows = [
        {
            "id": a.id,
            "source": a.source,
            "url": a.url,
            "title": a.title,
            "published": a.published,
            "text": a.text,
            "events": len(events),
        }
        for a, events in coded
    ]
    write_atomic(pa.Table.from_pylist(rows, schema=ARTICLE_SCHEMA), articles_path, tag)
    return str(events_path), str(articles_path)


def read_partition(events_path: str | os.PathLike[str], articles_path: str | os.PathLike[str]) -> list[
    tuple[Article, list[Event]]
]:
    """The coded articles of one partition, in order, with their events (the inverse of `write_partition`).

    Each event's record (`Event.to_dict()`) equals the one written; what the record does
    not hold is not restored (`Event.extra`, `Entity.kind`, `Place.score`).
    """
    rows = pq.read_table(articles_path, schema=ARTICLE_SCHEMA).to_pylist()
    records = pq.read_table(events_path, schema=EVENT_SCHEMA).to_pylist()
    out: list[tuple[Article, list[Event]]] = []
    start = 0
    for row in rows:
        article = Article(
            id=row["id"], text=row["text"], published=row["published"], source=row["source"], url=row["url"],
            title=row["title"],
        )
        end = start + row["events"]
        out.append((article, [event_from_record(r, article) for r in records[start:end]]))
        start = end
    if start != len(records):
        raise ValueError(f"{events_path}: {len(records)} events, but {articles_path} accounts for {start}")
    return out


def event_from_record(record: dict[str, Any], article: Article) -> Event:
    """The `Event` whose `to_dict()` is `record` (an `EVENT_SCHEMA` row), for `article`."""
    trigger, sentence, attribution = record["trigger"], record["sentence"], record["attribution"]
    return Event(
        id=record["id"],
        event_type=record["event_type"],
        mode=record["mode"],
        context=tuple(record["context"] or ()),
        cameo=record["cameo"],
        quad_class=record["quad_class"],
        goldstein=record["goldstein"],
        actor=tuple(_entity(e) for e in record["actor"] or ()),
        recipient=tuple(_entity(e) for e in record["recipient"] or ()),
        trigger=TextRef(trigger["text"], _span(trigger["span"])),
        sentence=TextRef(sentence["text"], _span(sentence["span"]), sentence["index"]),
        factuality=record["factuality"],
        attribution=None if attribution is None else Attribution(
            _entity(attribution["speaker"]) if attribution["speaker"] is not None else None,
            attribution["cue"],
            _span(attribution["cue_span"]),
        ),
        confidence=record["confidence"],
        evidence=record["evidence"],
        article=article,
        date=record["date"],
        date_precision=record["date_precision"],
        date_text=record["date_text"],
        date_span=_span(record["date_span"]) if record["date_span"] is not None else None,
        event_loc=_place(record["event_loc"]) if record["event_loc"] is not None else None,
    )


def _span(value: list[int]) -> tuple[int, int]:
    return (value[0], value[1])


def _entity(d: dict[str, Any]) -> Entity:
    return Entity(
        d["entity_text"], _span(d["span"]), d["name"], d["country"], d["sector"], d["office"], d["identifier_id"]
    )


def _place(d: dict[str, Any]) -> Place:
    return Place(
        d["entity_text"], _span(d["span"]), d["name"], d["geonameid"], d["lat"], d["lon"], d["country"],
        d["admin1"], d["feature_code"],
    )


def write_atomic(table: pa.Table, path: Path, tag: str = "") -> None:
    """Write `table` to a hidden temporary file beside `path`, fsync it, then `os.replace` it into place.

    `tag` goes into the temporary name (``.events-000012.parquet.<tag>.<random>.tmp``)
    so a run can sweep the leftovers of its own killed writers (`remove_temporaries`).
    """
    tmp = path.with_name(f".{path.name}.{tag or 'run'}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        with open(tmp, "wb") as f:
            pq.write_table(table, f, compression="zstd")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def remove_temporaries(out_dir: str | os.PathLike[str], tag: str) -> int:
    """Delete the temporary files a run tagged `tag` left behind (its writers that were killed)."""
    root = Path(out_dir)
    if not root.is_dir():
        return 0
    removed = 0
    for tmp in root.glob(f".*.parquet.{tag}.*.tmp"):
        tmp.unlink(missing_ok=True)
        removed += 1
    return removed
