"""Query latency of the event store on one million synthetic events.

    .venv/bin/python benchmarks/store_queries.py [--events N] [--repeat N] [--db PATH] [--keep]

Creates a fresh DuckDB file with the store's schema (`EventStore.open`), bulk-loads N
synthetic events (default 1,000,000) from Arrow tables with INSERT ... SELECT (the
JSON records built by DuckDB; sorted by date, as an ingest that follows the news lays
them out), reopens the file read-only as `eventcoder events` does, then runs the
common queries through `EventStore.query_events` — the path the CLI, the API and the
web UI use, JSON records included — `--repeat` times each with random values:

* by actor:            --actor X                     (newest 50 canonical events)
* by type and dates:   --type T --since D --until D+30
* by country pair:     --actor X --recipient Y
* counting:            count of canonical events of one type in one year

and prints p50/p95/max in milliseconds.  A benchmark, not a test: it reports, never fails.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventcoder.store import EventFilters, EventStore  # noqa: E402
from eventcoder.store.rows import EVENT_COLUMNS  # noqa: E402

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
COUNTRIES = (
    "USA", "RUS", "UKR", "CHN", "ISR", "PSE", "IRN", "SYR", "TUR", "GBR", "FRA", "DEU", "IND", "PAK", "AFG", "IRQ",
    "SAU", "EGY", "YEM", "LBN", "JPN", "KOR", "PRK", "AZE", "ARM", "GEO", "BLR", "POL", "NGA", "ETH", "SDN", "SSD",
    "SOM", "KEN", "COD", "MLI", "BFA", "NER", "LBY", "TUN", "DZA", "MAR", "VEN", "COL", "BRA", "MEX", "ARG", "CHL",
    "PER", "CUB", "HTI", "MMR", "THA", "PHL", "IDN", "MYS", "VNM", "AUS", "NZL", "CAN", "ITA", "ESP", "GRC", "SRB",
    "IGO", "UNO", "NGO",
)
SECTORS = ("GOV", "MIL", "REB", "CVL", "POL", "JUD", "MED", "BUS", "COP", "EDU")
START = date(2015, 1, 1)
DAYS = 3650
BATCH = 250_000


def synthetic(n: int, seed: int, offset: int, first_day: int = 0, last_day: int = DAYS) -> pa.Table:
    """`n` raw events: skewed countries (Zipf-like), uniform types, dates in [first_day, last_day), sorted."""
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, len(COUNTRIES) + 1) ** 1.1
    weights /= weights.sum()
    countries = np.array(COUNTRIES)
    recipient = countries[rng.choice(len(COUNTRIES), n, p=weights)]
    days = np.sort(rng.integers(first_day, max(first_day + 1, last_day), n))
    canonical = rng.random(n) < 0.7
    return pa.table({
        "idx": pa.array(np.arange(offset, offset + n, dtype="int64")),
        "actor": pa.array(countries[rng.choice(len(COUNTRIES), n, p=weights)]),
        "recipient": pa.array(recipient, mask=rng.random(n) >= 0.8),
        "event_type": pa.array(np.array(TYPES)[rng.integers(0, len(TYPES), n)]),
        "sector": pa.array(np.array(SECTORS)[rng.integers(0, len(SECTORS), n)]),
        "day": pa.array(np.array(START, dtype="datetime64[D]") + days),
        "canonical": pa.array(canonical),
        "mentions": pa.array(np.where(canonical, rng.geometric(0.5, n), 0).astype("int32")),
    })


# How each stored column is made from a raw synthetic row, in SQL (so the million JSON
# records are built by DuckDB, not by a Python loop).
_ENTITY = "json_object('entity_text', {c}, 'span', [0, 3], 'name', {c}, 'country', {c}, 'sector', {s}, " \
    "'office', NULL, 'identifier_id', NULL)"
_EXPRESSIONS = {
    "id": "printf('%020x', idx)",
    "article_id": "'a' || (idx // 3)",
    "run_id": "'bench'",
    "canonical_id": "printf('%020x', CASE WHEN canonical THEN idx ELSE greatest(idx - 1, 0) END)",
    "is_canonical": "canonical",
    "from_duplicate": "false",
    "event_type": "event_type",
    "context": "[]::VARCHAR[]",
    "date": "strftime(day, '%Y-%m-%d')",
    "date_precision": "'day'",
    "date_start": "day",
    "date_end": "day",
    "day": "day",
    "factuality": "'asserted'",
    "confidence": "0.9",
    "evidence": "'synthetic'",
    "actor_countries": "[actor]",
    "actor_sectors": "[sector]",
    "actor_names": "[actor]",
    "actor_key": "'|' || actor || '|'",
    "recipient_key": "CASE WHEN recipient IS NULL THEN '||' ELSE '|' || recipient || '|' END",
    "recipient_countries": "CASE WHEN recipient IS NULL THEN []::VARCHAR[] ELSE [recipient] END",
    "recipient_sectors": "CASE WHEN recipient IS NULL THEN []::VARCHAR[] ELSE [NULL::VARCHAR] END",
    "recipient_names": "CASE WHEN recipient IS NULL THEN []::VARCHAR[] ELSE [recipient] END",
    "trigger_text": "'met'",
    "trigger_start": "4",
    "trigger_end": "7",
    "sentence_index": "0",
    "sentence_start": "0",
    "sentence_end": "18",
    "sentence_text": "'synthetic sentence'",
    "source": "'Synthetic Wire'",
    "published": "day",
    "ingested_at": "TIMESTAMP '2025-01-01 00:00:00'",
    "num_mentions": "mentions",
    "num_sources": "least(mentions, 3)",
    "num_articles": "mentions",
    "record": (
        "json_object('id', printf('%020x', idx), 'event_type', event_type, 'mode', NULL, 'context', [], "
        "'cameo', NULL, 'quad_class', NULL, 'goldstein', NULL, "
        "'actor', [" + _ENTITY.format(c="actor", s="sector") + "], "
        "'recipient', CASE WHEN recipient IS NULL THEN []::JSON[] ELSE [" + _ENTITY.format(c="recipient", s="NULL")
        + "] END, 'date', strftime(day, '%Y-%m-%d'), 'date_precision', 'day', 'date_text', NULL, "
        "'date_span', NULL, 'event_loc', NULL, 'trigger', json_object('text', 'met', 'span', [4, 7]), "
        "'sentence', json_object('text', 'synthetic sentence', 'span', [0, 18], 'index', 0), "
        "'factuality', 'asserted', 'attribution', NULL, 'confidence', 0.9, 'evidence', 'synthetic', "
        "'article', json_object('id', 'a' || (idx // 3), 'source', 'Synthetic Wire', 'url', NULL, "
        "'published', strftime(day, '%Y-%m-%d')))::VARCHAR"
    ),
}


def load(store: EventStore, n: int) -> float:
    """Bulk-load `n` events, one Arrow batch per INSERT ... SELECT; returns seconds."""
    targets = [c for c in (*EVENT_COLUMNS, "num_mentions", "num_sources", "num_articles") if c in _EXPRESSIONS]
    sql = (
        f"INSERT INTO events ({', '.join(targets)}) "
        f"SELECT {', '.join(_EXPRESSIONS[c] for c in targets)} FROM bench_batch ORDER BY day"
    )
    started = time.perf_counter()
    for first in range(0, n, BATCH):
        size = min(BATCH, n - first)
        # later batches are later in time, as an ingest following the news would store them
        batch = synthetic(size, seed=first, offset=first, first_day=first * DAYS // n,
                          last_day=(first + size) * DAYS // n)
        store.con.register("bench_batch", batch)
        store.con.execute(sql)
        store.con.unregister("bench_batch")
    store.con.execute("CHECKPOINT")
    return time.perf_counter() - started


def measure(name: str, runs: list[float]) -> str:
    ms = sorted(r * 1000 for r in runs)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    return f"{name:<28} p50 {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms   max {ms[-1]:7.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--db", type=Path, help="database file to create (default: a temporary file)")
    parser.add_argument("--keep", action="store_true", help="keep the database file afterwards")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="eventcoder-bench-")
    path = args.db or Path(folder) / "bench.duckdb"
    if path.exists():
        sys.exit(f"{path} exists; the benchmark needs a fresh file")
    rng = random.Random(7)
    with EventStore.open(path) as store:
        seconds = load(store, args.events)
        total = store.con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        print(f"loaded {total:,} events in {seconds:.1f} s ({total / seconds:,.0f} events/s) into {path}")
    # queried as `eventcoder events` and the API do: a fresh read-only connection
    with EventStore.open(path, read_only=True) as store:
        top = COUNTRIES[:20]
        queries = {
            "by actor": lambda: EventFilters(actor=rng.choice(top)),
            "by type and 30-day range": lambda: _type_range(rng),
            "by country pair": lambda: EventFilters(actor=rng.choice(top), recipient=rng.choice(top)),
            "by rare actor": lambda: EventFilters(actor=rng.choice(COUNTRIES[40:])),
        }
        for _ in range(5):  # warm-up
            for make in queries.values():
                store.query_events(make(), limit=50)
        for name, make in queries.items():
            runs = []
            for _ in range(args.repeat):
                filters = make()
                started = time.perf_counter()
                store.query_events(filters, limit=50)
                runs.append(time.perf_counter() - started)
            print(measure(name + " (50 newest)", runs))
        runs = []
        for _ in range(args.repeat):
            filters = _type_range(rng, days=365)
            started = time.perf_counter()
            store.count_events(filters)
            runs.append(time.perf_counter() - started)
        print(measure("count type in a year", runs))
        started = time.perf_counter()
        stats = store.stats()
        print(f"stats: {(time.perf_counter() - started) * 1000:.0f} ms ({stats['canonical_events']:,} canonical)")
    if not args.keep and args.db is None:
        for file in Path(folder).iterdir():
            file.unlink()
        Path(folder).rmdir()
    return 0


def _type_range(rng: random.Random, days: int = 30) -> EventFilters:
    start = START + timedelta(days=rng.randrange(DAYS - days))
    return EventFilters(event_type=rng.choice(TYPES), since=start.isoformat(),
                        until=(start + timedelta(days=days)).isoformat())


if __name__ == "__main__":
    sys.exit(main())
