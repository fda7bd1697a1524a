"""Stored events as CSV: the columns of `eventcoder code --format csv`, then the store's own.

The shared columns have the same names and meaning as `csv_out.HEADER` (lists joined
with ``;``, actor and recipient columns aligned position by position); after them come
``corrected`` (``true`` when an analyst corrected the event: its values are the corrected
ones), ``article_url``, ``canonical_id``, ``num_mentions``, ``num_sources`` and ``num_articles``.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TextIO

from .csv_out import HEADER as CODE_HEADER
from .csv_out import SEP


def _join(values: Sequence[Any]) -> str:
    return SEP.join("" if v is None else str(v) for v in values)


def _cell(value: Any) -> Any:
    return "" if value is None else value


def _entities(rec: dict[str, Any], role: str, key: str) -> str:
    people = rec.get(role) or []
    if key == "name":
        return _join([e.get("name") or e.get("entity_text") for e in people])
    return _join([e.get(key) for e in people])


def _loc(rec: dict[str, Any], key: str) -> Any:
    loc = rec.get("event_loc") or {}
    if key == "name":
        return _cell(loc.get("name") or loc.get("entity_text"))
    return _cell(loc.get(key))


def _speaker(rec: dict[str, Any]) -> str:
    speaker = (rec.get("attribution") or {}).get("speaker") or {}
    return speaker.get("name") or speaker.get("entity_text") or ""


_GETTERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "id": lambda r: r["id"],
    "article_id": lambda r: r["article"]["id"],
    "article_source": lambda r: _cell(r["article"].get("source")),
    "article_published": lambda r: _cell(r["article"].get("published")),
    "event_type": lambda r: r["event_type"],
    "mode": lambda r: _cell(r.get("mode")),
    "context": lambda r: _join(r.get("context") or []),
    "cameo": lambda r: _cell(r.get("cameo")),
    "quad_class": lambda r: _cell(r.get("quad_class")),
    "goldstein": lambda r: _cell(r.get("goldstein")),
    "actor_name": lambda r: _entities(r, "actor", "name"),
    "actor_country": lambda r: _entities(r, "actor", "country"),
    "actor_sector": lambda r: _entities(r, "actor", "sector"),
    "recipient_name": lambda r: _entities(r, "recipient", "name"),
    "recipient_country": lambda r: _entities(r, "recipient", "country"),
    "recipient_sector": lambda r: _entities(r, "recipient", "sector"),
    "date": lambda r: _cell(r.get("date")),
    "date_precision": lambda r: _cell(r.get("date_precision")),
    "event_loc_name": lambda r: _loc(r, "name"),
    "event_loc_country": lambda r: _loc(r, "country"),
    "event_loc_lat": lambda r: _loc(r, "lat"),
    "event_loc_lon": lambda r: _loc(r, "lon"),
    "trigger": lambda r: r["trigger"]["text"],
    "factuality": lambda r: r["factuality"],
    "attribution_speaker": _speaker,
    "confidence": lambda r: _cell(r.get("confidence")),
    "evidence": lambda r: _cell(r.get("evidence")),
    "sentence": lambda r: r["sentence"]["text"],
    "corrected": lambda r: "true" if r.get("corrected") else "false",
    "article_url": lambda r: _cell(r["article"].get("url")),
    "canonical_id": lambda r: _cell(r.get("canonical_id")),
    "num_mentions": lambda r: _cell(r.get("num_mentions")),
    "num_sources": lambda r: _cell(r.get("num_sources")),
    "num_articles": lambda r: _cell(r.get("num_articles")),
}

HEADER: tuple[str, ...] = (*CODE_HEADER, "corrected", "article_url", "canonical_id", "num_mentions", "num_sources", "num_articles")


def flatten_record(rec: dict[str, Any]) -> list[Any]:
    """The CSV row of one stored event record, in `HEADER` order."""
    return [_GETTERS[name](rec) for name in HEADER]


def write_store_csv(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(HEADER)
    count = 0
    for rec in records:
        writer.writerow(flatten_record(rec))
        count += 1
    return count
