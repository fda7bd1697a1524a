"""Reading the store: event filters, event lists, one event in context, and the counts.

Filters become a WHERE clause of fixed SQL fragments with ``?`` placeholders; user values
only ever travel as parameters.  Dates filter on the event's date (its first day), or
on the article's publication date for an undated event.  Corrected events are read with
their corrected values (``"corrected": true``); events an analyst marked as not events
are left out unless `EventFilters.include_not_events`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date
from typing import TYPE_CHECKING, Any

import duckdb

from ..errors import UsageError
from ..types import FACTUALITY_VALUES

if TYPE_CHECKING:
    import pyarrow as pa

# order name -> ORDER BY clause (code constants only)
ORDERS = {
    "date": "day DESC NULLS LAST, id",
    "date-asc": "day ASC NULLS LAST, id",
    "mentions": "num_mentions DESC, day DESC NULLS LAST, id",
    "ingested": "seq DESC",
    "goldstein": "goldstein DESC NULLS LAST, day DESC NULLS LAST, id",
    "goldstein-asc": "goldstein ASC NULLS LAST, day DESC NULLS LAST, id",
}

# filter field -> SQL condition with one placeholder
_CONDITIONS = {
    "actor": "contains(actor_key, ?)",  # actor_key is '|AZE|TUR|' (migration 0002)
    "recipient": "contains(recipient_key, ?)",
    "event_type": "event_type = ?",
    "mode": "mode = ?",
    "since": "day >= ?",
    "until": "day <= ?",
    "factuality": "factuality = ?",
    "source": "source = ?",
    "article_id": "article_id = ?",
    "place_country": "place_country = ?",
    "min_mentions": "num_mentions >= ?",
    "quad_class": "quad_class = ?",
    "actor_sector": "list_contains(actor_sectors, ?)",
    "recipient_sector": "list_contains(recipient_sectors, ?)",
    # case-insensitive substrings (contains(): no wildcards to escape)
    "actor_name": "contains(lower(array_to_string(actor_names, ' | ')), ?)",
    "recipient_name": "contains(lower(array_to_string(recipient_names, ' | ')), ?)",
    "place": "contains(lower(place_name), ?)",
    "q": "contains(lower(sentence_text), ?)",
}

_RECORD_COLUMNS = (
    "record, canonical_id, is_canonical, from_duplicate, num_mentions, num_sources, num_articles, ingested_at, "
    "corrected, not_event"
)


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Which events to read; None means any.  `canonical_only` (default) gives one row per real-world event."""

    actor: str | None = None  # country code of any actor (ISO alpha-3 or a PLOVER code such as IGO)
    recipient: str | None = None
    event_type: str | None = None
    mode: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    factuality: str | None = None
    source: str | None = None
    article_id: str | None = None
    place_country: str | None = None
    min_mentions: int | None = None
    canonical_only: bool = True
    quad_class: int | None = None  # 1-4
    actor_sector: str | None = None  # PLOVER sector code of any actor
    recipient_sector: str | None = None
    actor_name: str | None = None  # substring of any actor's name, case-insensitive
    recipient_name: str | None = None
    place: str | None = None  # substring of the place name, case-insensitive
    q: str | None = None  # substring of the sentence, case-insensitive
    include_not_events: bool = False  # events an analyst marked "not an event"

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (or "") and its parameters."""
        conditions = ["is_canonical"] if self.canonical_only else []
        if not self.include_not_events:
            conditions.append("NOT not_event")
        params: list[Any] = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _CONDITIONS and value is not None:
                conditions.append(_CONDITIONS[f.name])
                params.append(self._value(f.name, value))
        return (" WHERE " + " AND ".join(conditions) if conditions else ""), params

    @staticmethod
    def _value(name: str, value: Any) -> Any:
        if name in ("since", "until"):
            try:
                return date.fromisoformat(str(value))
            except ValueError:
                raise UsageError(f"bad --{name} date {value!r}: expected YYYY-MM-DD") from None
        if name in ("actor", "recipient"):
            return f"|{str(value).strip().upper()}|"
        if name in ("event_type", "place_country", "actor_sector", "recipient_sector"):
            return str(value).strip().upper()
        if name in ("actor_name", "recipient_name", "place", "q"):
            return " ".join(str(value).split()).lower()
        if name == "quad_class" and value not in (1, 2, 3, 4):
            raise UsageError(f"bad quad class {value!r}: choose 1, 2, 3 or 4")
        if name == "factuality" and value not in FACTUALITY_VALUES:
            raise UsageError(f"bad factuality {value!r}: choose one of {', '.join(FACTUALITY_VALUES)}")
        return value


def order_clause(order: str) -> str:
    if order not in ORDERS:
        raise UsageError(f"unknown order {order!r}: choose one of {', '.join(ORDERS)}")
    return ORDERS[order]


def stored_record(row: tuple[Any, ...]) -> dict[str, Any]:
    """An event record with the store's fields: canonical_id and GDELT-style counts."""
    (record, canonical_id, is_canonical, from_duplicate, mentions, sources, articles, ingested_at,
     corrected, not_event) = row
    out: dict[str, Any] = json.loads(record)
    out["corrected"] = bool(corrected)
    out["not_event"] = bool(not_event)
    out["canonical_id"] = canonical_id
    out["is_canonical"] = bool(is_canonical)
    out["from_duplicate"] = bool(from_duplicate)
    out["num_mentions"], out["num_sources"], out["num_articles"] = mentions, sources, articles
    out["ingested_at"] = ingested_at.isoformat(timespec="seconds") if ingested_at else None
    return out


def select_events(filters: EventFilters, order: str) -> tuple[str, list[Any]]:
    where, params = filters.where()
    return f"SELECT {_RECORD_COLUMNS} FROM events{where} ORDER BY {order_clause(order)}", params


def query_events(
    con: duckdb.DuckDBPyConnection, filters: EventFilters, limit: int | None, offset: int, order: str
) -> list[dict[str, Any]]:
    sql, params = select_events(filters, order)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    elif offset:
        sql += " OFFSET ?"
        params.append(int(offset))
    return [stored_record(row) for row in con.execute(sql, params).fetchall()]


# orders whose first key has few distinct values: deep pages are found by counting per value first
_FIRST_KEY = {
    "date": ("day", "DESC"),
    "date-asc": ("day", "ASC"),
    "goldstein": ("goldstein", "DESC"),
    "goldstein-asc": ("goldstein", "ASC"),
}
DEEP_OFFSET = 2000


def page_events(
    con: duckdb.DuckDBPyConnection, filters: EventFilters, limit: int, offset: int, order: str
) -> tuple[list[dict[str, Any]], int]:
    """One page of event records and the total number matching.

    A deep page (offset >= `DEEP_OFFSET`) in date or Goldstein order is not found by sorting
    every row before it: the rows are counted per day (or score) first, which tells which
    days the page lies in and gives the total; only those days' rows are then sorted.
    """
    order_clause(order)
    if offset >= DEEP_OFFSET and order in _FIRST_KEY:
        return _deep_page(con, filters, limit, offset, order)
    events = query_events(con, filters, limit, offset, order)
    if 0 < len(events) < limit or (not events and not offset):  # the last page: no need to count
        return events, offset + len(events)
    return events, count_events(con, filters)


def _deep_page(
    con: duckdb.DuckDBPyConnection, filters: EventFilters, limit: int, offset: int, order: str
) -> tuple[list[dict[str, Any]], int]:
    column, direction = _FIRST_KEY[order]
    where, params = filters.where()
    groups = con.execute(
        f"SELECT {column}, count(*) FROM events{where} GROUP BY 1 ORDER BY 1 {direction} NULLS LAST", params
    ).fetchall()
    total = sum(n for _, n in groups)
    before, seen, chosen = 0, 0, []
    for value, n in groups:
        if seen + n <= offset:
            seen += n
            before = seen
            continue
        chosen.append(value)
        seen += n
        if seen >= offset + limit:
            break
    if not chosen:
        return [], total
    values = [v for v in chosen if v is not None]
    ranges, extra = [], []
    if values:
        ranges.append(f"{column} BETWEEN ? AND ?")
        extra += [min(values), max(values)]
    if len(values) < len(chosen):
        ranges.append(f"{column} IS NULL")
    condition = "(" + " OR ".join(ranges) + ")"
    where = f"{where} AND {condition}" if where else f" WHERE {condition}"
    # ids first (sorting narrow rows), then the records by id (index look-ups)
    sql = f"SELECT id FROM events{where} ORDER BY {order_clause(order)} LIMIT ? OFFSET ?"
    ids = [r[0] for r in con.execute(sql, [*params, *extra, int(limit), int(offset - before)]).fetchall()]
    if not ids:
        return [], total
    marks = ", ".join("?" * len(ids))
    rows = con.execute(f"SELECT {_RECORD_COLUMNS}, id FROM events WHERE id IN ({marks})", ids).fetchall()
    by_id = {row[-1]: stored_record(row[:-1]) for row in rows}
    return [by_id[i] for i in ids if i in by_id], total


def iter_events(
    con: duckdb.DuckDBPyConnection, filters: EventFilters, order: str, chunk: int = 2048
) -> Iterator[dict[str, Any]]:
    """All matching events, streamed in chunks (on a cursor of its own)."""
    sql, params = select_events(filters, order)
    cursor = con.cursor()
    try:
        result = cursor.execute(sql, params)
        while rows := result.fetchmany(chunk):
            for row in rows:
                yield stored_record(row)
    finally:
        cursor.close()


def arrow_events(
    con: duckdb.DuckDBPyConnection, filters: EventFilters, order: str, columns: tuple[str, ...], chunk: int = 65536
) -> pa.RecordBatchReader:
    """Matching events as an Arrow stream of the given (code-constant) columns."""
    where, params = filters.where()
    sql = f"SELECT {', '.join(columns)} FROM events{where} ORDER BY {order_clause(order)}"
    return con.cursor().sql(sql, params=params).to_arrow_reader(chunk)


def count_events(con: duckdb.DuckDBPyConnection, filters: EventFilters) -> int:
    where, params = filters.where()
    row = con.execute(f"SELECT count(*) FROM events{where}", params).fetchone()
    return int(row[0]) if row else 0


def event_detail(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event with its article (full text) and every mention of its canonical event."""
    row = con.execute(f"SELECT {_RECORD_COLUMNS} FROM events WHERE id = ?", [event_id]).fetchone()
    if row is None:
        return None
    event = stored_record(row)
    event["article"] = article_detail(con, event["article"]["id"]) or event["article"]
    event["mentions"] = mentions_of(con, event["canonical_id"]) if event["canonical_id"] else []
    return event


def mentions_of(con: duckdb.DuckDBPyConnection, canonical_id: str) -> list[dict[str, Any]]:
    rows = con.execute(
        "SELECT m.event_id, m.article_id, a.source, a.url, a.title, a.published, m.from_duplicate, "
        "m.sentence_index, m.sentence_start, m.sentence_end, m.trigger_start, m.trigger_end, "
        "substr(a.text, m.sentence_start + 1, m.sentence_end - m.sentence_start), "
        "substr(a.text, m.trigger_start + 1, m.trigger_end - m.trigger_start) "
        "FROM event_mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE m.canonical_id = ? ORDER BY a.seq, m.sentence_start",
        [canonical_id],
    ).fetchall()
    return [
        {
            "event_id": r[0], "article_id": r[1], "source": r[2], "url": r[3], "title": r[4],
            "published": r[5].isoformat() if r[5] else None, "from_duplicate": bool(r[6]),
            "sentence": {"text": r[12], "span": [r[8], r[9]], "index": r[7]},
            "trigger": {"text": r[13], "span": [r[10], r[11]]},
        }
        for r in rows
    ]


def article_detail(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    row = con.execute(
        "SELECT id, input_id, source, url, title, published, text, sha256, canonical_id, duplicate_kind, "
        "similarity, num_events, ingested_at, run_id FROM articles WHERE id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        return None
    keys = ("id", "input_id", "source", "url", "title", "published", "text", "sha256", "canonical_id",
            "duplicate_kind", "similarity", "num_events", "ingested_at", "run_id")
    out = dict(zip(keys, row, strict=True))
    out["published"] = out["published"].isoformat() if out["published"] else None
    out["ingested_at"] = out["ingested_at"].isoformat(timespec="seconds") if out["ingested_at"] else None
    return out


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[Any, ...]:
    rows = con.execute(sql).fetchall()
    return tuple(rows[0])


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Counts over the whole database (one query per table)."""
    articles = _one(con, (
        "SELECT count(*), count(*) FILTER (duplicate_kind IS NOT NULL), "
        "count(*) FILTER (duplicate_kind = 'exact'), count(*) FILTER (duplicate_kind = 'near'), "
        "count(DISTINCT source), min(published), max(published) FROM articles"
    ))
    events = _one(con, (
        "SELECT count(*), count(*) FILTER (is_canonical), count(*) FILTER (from_duplicate), "
        "count(*) FILTER (is_canonical AND num_mentions > 1), min(day), max(day) FROM events"
    ))
    corrected = _one(con, "SELECT count(*) FILTER (corrected), count(*) FILTER (not_event) FROM events")
    mentions = _one(con, "SELECT count(*) FILTER (NOT from_duplicate) FROM event_mentions")
    entities = _one(con, "SELECT count(*) FROM entities")
    failures = _one(con, "SELECT count(*) FROM ingest_failures")
    runs = _one(con, (
        "SELECT count(*), count(*) FILTER (status = 'finished'), count(*) FILTER (status <> 'finished'), "
        "max(started) FROM runs"
    ))
    types = con.execute(
        "SELECT event_type, count(*) FROM events WHERE is_canonical GROUP BY event_type ORDER BY 2 DESC, 1"
    ).fetchall()
    return {
        "articles": articles[0],
        "canonical_articles": articles[0] - articles[1],
        "duplicate_articles": articles[1],
        "exact_duplicates": articles[2],
        "near_duplicates": articles[3],
        "sources": articles[4],
        "published_from": _iso(articles[5]),
        "published_to": _iso(articles[6]),
        "events": events[0],
        "canonical_events": events[1],
        "events_from_duplicates": events[2],
        "events_with_several_mentions": events[3],
        "corrected_events": corrected[0],
        "not_events": corrected[1],
        "mentions": mentions[0],
        "entities": entities[0],
        "event_dates_from": _iso(events[4]),
        "event_dates_to": _iso(events[5]),
        "failures": failures[0],
        "runs": runs[0],
        "runs_finished": runs[1],
        "runs_unfinished": runs[2],
        "last_run": runs[3].isoformat(timespec="seconds") if runs[3] else None,
        "event_types": dict(types),
    }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
