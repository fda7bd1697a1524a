"""Writing one batch of coded articles in one transaction: duplicates found, events merged, counts kept.

`write_batch` runs inside ``BEGIN``/``COMMIT`` (the caller's `EventStore.ingest`), so a
batch is stored whole or not at all; a process killed half-way leaves the database as
it was after the previous batch.  All values travel as query parameters.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb

from ..ingest.clean import clean_text
from ..ingest.dedup import THRESHOLD, Fingerprint, fingerprint, similarity
from ..types import Article, ArticleFailure, Event
from .matching import MatchInfo, best_match, info_for, place_key
from .rows import (
    ARTICLE_COLUMNS,
    ENTITY_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    article_key,
    as_date,
    entity_rows,
    event_row,
    mention_row,
)

Coded = tuple[Article, list[Event]]


@dataclass(slots=True)
class BatchCounts:
    """What one batch (or a whole run) added."""

    articles_stored: int = 0
    already_stored: int = 0
    duplicates: int = 0
    events: int = 0
    canonical_events: int = 0
    failures: int = 0

    def add(self, other: BatchCounts) -> None:
        for f in dataclasses.fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def as_dict(self) -> dict[str, int]:
        return dataclasses.asdict(self)


@dataclass(slots=True)
class _Pending:
    articles: list[tuple[Any, ...]] = field(default_factory=list)
    minhash: list[tuple[Any, ...]] = field(default_factory=list)
    lsh: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    entities: list[tuple[Any, ...]] = field(default_factory=list)
    mentions: list[tuple[Any, ...]] = field(default_factory=list)
    affected: set[str] = field(default_factory=set)


def write_batch(
    con: duckdb.DuckDBPyConnection,
    batch: Sequence[Coded | ArticleFailure],
    run_id: str,
    input_ids: Mapping[str, str] | None = None,
) -> BatchCounts:
    """Store one batch (the caller holds the transaction); returns what was added."""
    counts = BatchCounts()
    now = datetime.now(UTC).replace(tzinfo=None)
    coded: list[tuple[Article, list[Event], str]] = []
    for item in batch:
        if isinstance(item, ArticleFailure):
            counts.failures += 1
            _record_failure(con, item, run_id, now)
            continue
        article, events = item
        # spans refer to the clean text the coder parsed (a no-op for articles from `code_many`)
        article = dataclasses.replace(article, text=clean_text(article.text))
        key = article_key(article)
        coded.append((dataclasses.replace(article, id=key), _keyed_events(events, article.id, key), article.id))
    stored = _existing_ids(con, [a.id for a, _, _ in coded])
    fresh: list[tuple[Article, list[Event], str]] = []
    for article, events, original_id in coded:
        if article.id in stored:
            counts.already_stored += 1
        else:
            stored.add(article.id)
            fresh.append((article, events, original_id))
    if fresh:
        _store_articles(con, fresh, run_id, now, counts, input_ids or {})
    con.execute(
        "UPDATE runs SET articles_stored = articles_stored + ?, already_stored = already_stored + ?, "
        "duplicates = duplicates + ?, events = events + ?, canonical_events = canonical_events + ?, "
        "failures = failures + ? WHERE id = ?",
        [counts.articles_stored, counts.already_stored, counts.duplicates, counts.events,
         counts.canonical_events, counts.failures, run_id],
    )
    return counts


def _keyed_events(events: list[Event], original_id: str, key: str) -> list[Event]:
    """Events under ids unique in the store: kept when the article was coded under its store id."""
    seen: set[str] = set()
    out: list[Event] = []
    for event in events:
        if original_id != key:
            new_id = hashlib.sha256(f"{key}\x00{event.id}".encode()).hexdigest()[:20]
            event = dataclasses.replace(event, id=new_id)
        if event.id not in seen:
            seen.add(event.id)
            out.append(event)
    return out


def _existing_ids(con: duckdb.DuckDBPyConnection, ids: list[str]) -> set[str]:
    if not ids:
        return set()
    rows = con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()
    return {r[0] for r in rows}


def _record_failure(con: duckdb.DuckDBPyConnection, failure: ArticleFailure, run_id: str, now: datetime) -> None:
    """One row per distinct (article, where, reason): re-reading the same bad input adds nothing."""
    con.execute(
        "INSERT INTO ingest_failures (run_id, source, article_id, reason, recorded_at) "
        "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM ingest_failures "
        "WHERE article_id = ? AND source IS NOT DISTINCT FROM ? AND reason = ?)",
        [run_id, failure.where, failure.article_id, failure.reason, now,
         failure.article_id, failure.where, failure.reason],
    )


def _store_articles(
    con: duckdb.DuckDBPyConnection,
    fresh: list[tuple[Article, list[Event], str]],
    run_id: str,
    now: datetime,
    counts: BatchCounts,
    input_ids: Mapping[str, str],
) -> None:
    prints = {a.id: fingerprint(a.text) for a, _, _ in fresh}
    by_sha = _canonical_by_sha(con, [p.sha256 for p in prints.values()])
    lsh = _lsh_candidates(con, [b for p in prints.values() for b in p.buckets])
    canon = _canonical_events(con, {info_for(e, a.id).match_key for a, evs, _ in fresh for e in evs} - {None})
    pending = _Pending()
    order = 0
    for article, events, original_id in fresh:
        fp = prints[article.id]
        canonical_id, kind, score = _article_canonical(article.id, fp, by_sha, lsh)
        duplicate = kind is not None
        counts.articles_stored += 1
        counts.duplicates += duplicate
        by_sha.setdefault(fp.sha256, canonical_id)
        for bucket in fp.buckets:
            lsh[bucket].append((article.id, canonical_id, fp.signature))
            pending.lsh.append((bucket, article.id))
        pending.minhash.append((article.id, fp.signature))
        input_id = input_ids.get(article.id, original_id)
        values = {
            "id": article.id, "input_id": input_id, "source": article.source, "url": article.url,
            "title": article.title, "published": as_date(article.published), "text": article.text,
            "sha256": fp.sha256, "canonical_id": canonical_id, "duplicate_kind": kind, "similarity": score,
            "num_events": len(events), "ingested_at": now, "run_id": run_id,
        }
        pending.articles.append(tuple(values[c] for c in ARTICLE_COLUMNS))
        for event in events:
            order += 1
            match = info_for(event, article.id, order=order)
            found = best_match(match, canon.get(match.match_key, ())) if match.match_key else None
            if duplicate:
                event_canonical = found.event_id if found else None
            else:
                event_canonical = found.event_id if found else event.id
                if found is None:
                    counts.canonical_events += 1
                    if match.match_key:
                        canon[match.match_key].append(match)
                pending.affected.add(event_canonical)
            counts.events += 1
            pending.events.append(event_row(
                event, article, run_id=run_id, canonical_id=event_canonical, from_duplicate=duplicate,
                match=match, now=now,
            ))
            pending.entities.extend(entity_rows(event))
            if event_canonical is not None:
                pending.mentions.append(mention_row(event, article, event_canonical, duplicate, run_id))
    _insert(con, pending)


def _article_canonical(
    article_id: str, fp: Fingerprint, by_sha: dict[str, str], lsh: dict[int, list[tuple[str, str, bytes]]]
) -> tuple[str, str | None, float | None]:
    """(canonical article id, duplicate kind or None, similarity)."""
    if fp.sha256 in by_sha:
        return by_sha[fp.sha256], "exact", 1.0
    best: tuple[float, str] | None = None
    for bucket in fp.buckets:
        for other_id, other_canonical, signature in lsh.get(bucket, ()):
            if other_id == article_id:
                continue
            score = similarity(fp.signature, signature)
            if score >= THRESHOLD and (best is None or score > best[0]):
                best = (score, other_canonical)
    if best is None:
        return article_id, None, None
    return best[1], "near", round(best[0], 4)


def _canonical_by_sha(con: duckdb.DuckDBPyConnection, hashes: list[str]) -> dict[str, str]:
    rows = con.execute(
        "SELECT sha256, canonical_id FROM articles WHERE sha256 IN (SELECT unnest(?::VARCHAR[])) ORDER BY seq",
        [hashes],
    ).fetchall()
    found: dict[str, str] = {}
    for sha, canonical in rows:
        found.setdefault(sha, canonical)
    return found


def _lsh_candidates(con: duckdb.DuckDBPyConnection, buckets: list[int]) -> defaultdict[int, list[tuple[str, str, bytes]]]:
    rows = con.execute(
        "SELECT l.bucket, l.article_id, a.canonical_id, m.signature FROM article_lsh l "
        "JOIN articles a ON a.id = l.article_id JOIN article_minhash m ON m.article_id = l.article_id "
        "WHERE l.bucket IN (SELECT unnest(?::BIGINT[])) ORDER BY a.seq",
        [buckets],
    ).fetchall()
    found: defaultdict[int, list[tuple[str, str, bytes]]] = defaultdict(list)
    for bucket, article_id, canonical, signature in rows:
        found[bucket].append((article_id, canonical, bytes(signature)))
    return found


def _canonical_events(con: duckdb.DuckDBPyConnection, keys: set[str | None]) -> defaultdict[str, list[MatchInfo]]:
    found: defaultdict[str, list[MatchInfo]] = defaultdict(list)
    if not keys:
        return found
    rows = con.execute(
        "SELECT id, article_id, match_key, date_start, date_end, date_precision, place_geonameid, place_name, "
        "actor_sectors, recipient_sectors, seq FROM events "
        "WHERE is_canonical AND match_key IN (SELECT unnest(?::VARCHAR[])) ORDER BY seq",
        [sorted(k for k in keys if k)],
    ).fetchall()
    for (event_id, article_id, key, start, end, precision, geonameid, place_name,
         actor_sectors, recipient_sectors, seq) in rows:
        found[key].append(MatchInfo(
            event_id=event_id, article_id=article_id, match_key=key, date_start=start, date_end=end,
            date_precision=precision, place=place_key(geonameid, place_name),
            actor_sectors=frozenset(s for s in actor_sectors or () if s),
            recipient_sectors=frozenset(s for s in recipient_sectors or () if s),
            order=-1_000_000_000 + int(seq),
        ))
    return found


def bulk_insert(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Insert rows in one statement, through an Arrow table (row-by-row inserts are ~100x slower)."""
    import pyarrow as pa

    data = pa.table({name: pa.array([row[i] for row in rows]) for i, name in enumerate(columns)})
    view = f"_incoming_{table}"
    con.register(view, data)
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM {view}")
    finally:
        con.unregister(view)


def _insert(con: duckdb.DuckDBPyConnection, pending: _Pending) -> None:
    tables = (
        ("articles", ARTICLE_COLUMNS, pending.articles),
        ("article_minhash", ("article_id", "signature"), pending.minhash),
        ("article_lsh", ("bucket", "article_id"), pending.lsh),
        ("events", EVENT_COLUMNS, pending.events),
        ("entities", ENTITY_COLUMNS, pending.entities),
        ("event_mentions", MENTION_COLUMNS, pending.mentions),
    )
    for table, columns, rows in tables:
        if rows:
            bulk_insert(con, table, columns, rows)
    if pending.affected:
        con.execute(
            "UPDATE events SET num_mentions = c.mentions, num_articles = c.articles, num_sources = c.sources "
            "FROM (SELECT canonical_id, count(*) AS mentions, count(DISTINCT article_id) AS articles, "
            "count(DISTINCT source_key) AS sources FROM event_mentions "
            "WHERE NOT from_duplicate AND canonical_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY canonical_id) AS c "
            "WHERE events.id = c.canonical_id",
            [sorted(pending.affected)],
        )
