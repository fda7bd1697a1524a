"""Texts (written for these tests), corpus writers and the store's consistency check."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eventcoder.store import EventStore, IngestSummary, ingest_paths

WIRE = (
    "Turkish Foreign Minister Hakan Fidan met his Azerbaijani counterpart Jeyhun Bayramov in Baku on Monday. "
    "The two ministers discussed regional transport links, energy cooperation and the reopening of border "
    "crossings. Fidan said the talks had been constructive and that a new transit corridor could open next "
    "year. Bayramov thanked Turkey for its support and invited Turkish companies to invest in the rebuilding "
    "of the region. Separately, Russian forces attacked Kharkiv on Tuesday, local officials said. Emergency "
    "services worked through the night to clear debris from damaged buildings near the city centre."
)
# The same wire story as another outlet ran it: a dateline added, one sentence lightly edited.
WIRE_EDITED = "ANKARA (Wire) - " + WIRE.replace("had been constructive", "had been very constructive")
OTHER_REPORT = "Turkey's foreign minister Hakan Fidan held talks with Azerbaijan's Jeyhun Bayramov in Baku on Monday."
PROTEST = "Protesters rallied in Paris against the pension reform. Police arrested dozens of protesters in Santiago on Tuesday."


def article(id: str, text: str, **meta: Any) -> dict[str, Any]:
    return {"id": id, "text": text, "published": "2024-03-15", **meta}


def write_jsonl(path: Path, records: Sequence[dict[str, Any] | str]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def ingest(store: EventStore, coder: Any, *paths: Path, batch_size: int = 32) -> IngestSummary:
    return ingest_paths(store, coder, [str(p) for p in paths], batch_size=batch_size)


TABLES = ("articles", "article_minhash", "article_lsh", "events", "entities", "event_mentions", "ingest_failures")


def table_counts(store: EventStore) -> dict[str, int]:
    return {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def snapshot(store: EventStore) -> dict[str, Any]:
    """Everything ingest decides, independent of timing: ids, links and counts."""
    con = store.con
    return {
        "articles": sorted(con.execute("SELECT id, canonical_id, duplicate_kind, num_events FROM articles").fetchall()),
        "events": sorted(con.execute(
            "SELECT id, article_id, canonical_id, is_canonical, from_duplicate, num_mentions, num_sources, "
            "num_articles FROM events").fetchall()),
        "mentions": sorted(con.execute("SELECT event_id, canonical_id, from_duplicate FROM event_mentions").fetchall()),
        "entities": con.execute("SELECT count(*) FROM entities").fetchone()[0],
        "failures": sorted(con.execute("SELECT source, article_id, reason FROM ingest_failures").fetchall()),
    }


def check_consistent(store: EventStore) -> None:
    """The invariants every committed state must satisfy."""
    con = store.con

    def none(sql: str) -> None:
        rows = con.execute(sql).fetchall()
        assert rows == [], (sql, rows[:5])

    # every article has exactly the events it says, with their entities and fingerprints
    none("SELECT a.id FROM articles a LEFT JOIN events e ON e.article_id = a.id "
         "GROUP BY a.id, a.num_events HAVING count(e.id) <> a.num_events")
    none("SELECT e.id FROM events e LEFT JOIN articles a ON a.id = e.article_id WHERE a.id IS NULL")
    none("SELECT e.id FROM events e LEFT JOIN entities n ON n.event_id = e.id GROUP BY e.id, e.actor_countries, "
         "e.recipient_countries HAVING count(n.event_id) <> len(e.actor_countries) + len(e.recipient_countries)")
    none("SELECT a.id FROM articles a LEFT JOIN article_minhash m ON m.article_id = a.id WHERE m.article_id IS NULL")
    # canonical links point at canonical events; counts match the mentions
    none("SELECT e.id FROM events e JOIN events c ON c.id = e.canonical_id WHERE NOT c.is_canonical")
    none("SELECT e.id FROM events e WHERE e.is_canonical AND (e.canonical_id <> e.id OR e.from_duplicate)")
    none("SELECT e.id FROM events e LEFT JOIN (SELECT canonical_id, count(*) AS n, count(DISTINCT article_id) AS a "
         "FROM event_mentions WHERE NOT from_duplicate GROUP BY canonical_id) m ON m.canonical_id = e.id "
         "WHERE e.is_canonical AND (e.num_mentions <> m.n OR e.num_articles <> m.a OR m.n IS NULL)")
    none("SELECT m.event_id FROM event_mentions m LEFT JOIN events e ON e.id = m.event_id WHERE e.id IS NULL")
    # duplicates point at canonical articles
    none("SELECT a.id FROM articles a JOIN articles c ON c.id = a.canonical_id WHERE c.canonical_id <> c.id")
