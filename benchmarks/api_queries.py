"""Latency of the HTTP API on one million synthetic events: p50/p95 over real HTTP requests.

    .venv/bin/python benchmarks/api_queries.py [--events N] [--repeat N] [--db PATH]

Builds the database with the generator of `benchmarks/store_queries.py` (imported, not
copied), then fills what that generator leaves empty and the API's views read: quad
classes and Goldstein scores from the ontology, a place (one of a few hundred synthetic
towns with coordinates) for 60% of the events, and one article row per article id.
With --db PATH an existing file with N events is reused (built there otherwise, and kept).

The server runs in its own process (`create_app` under uvicorn, as `eventcoder serve`
runs it); this process sends `--repeat` requests per query with random values (after a
warm-up) over one keep-alive HTTP connection and prints p50/p95/max in milliseconds,
end to end (JSON included).  The target is p95 < 100 ms.  The server caches stats,
actors, network and places results (per parameters) until its next write: the
parameterless ones are timed cold (with a since-date before every event: a new cache key
each time, the whole aggregation each time) and warm (the server warms them at start-up
and after each write); the filtered ones, with random values, are nearly all cold.
A benchmark, not a test: it reports, never fails.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import store_queries  # noqa: E402  (the 1M-event generator)
from store_queries import COUNTRIES, DAYS, START, TYPES  # noqa: E402

from eventcoder.events.ontology import Ontology  # noqa: E402
from eventcoder.store import EventStore  # noqa: E402

SERVER = (
    "import sys, uvicorn\n"
    "from eventcoder.api import create_app\n"
    "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')\n"
)
TOWNS = 300


def _case(column: str, values: dict[str, Any]) -> str:
    """A CASE expression over code constants (event types and their ontology values)."""
    whens = " ".join(f"WHEN '{k}' THEN {v}" for k, v in values.items())
    return f"CASE {column} {whens} END"


def enrich(store: EventStore) -> None:
    """Fill the columns the generator leaves empty: quad class, Goldstein, places; add article rows."""
    ontology = Ontology.load()
    quad = {t: ontology.quad_class(t) for t in TYPES}
    gold = {t: ontology.goldstein_for(t, None, None) or 0.0 for t in TYPES}
    con = store.con
    con.execute(
        f"UPDATE events SET quad_class = {_case('event_type', quad)}, goldstein = {_case('event_type', gold)}, "
        "place_name = CASE WHEN seq % 10 < 6 THEN 'Town ' || (seq * 7919 % ?) END, "
        "place_country = CASE WHEN seq % 10 < 6 THEN actor_countries[1] END, "
        "place_lat = CASE WHEN seq % 10 < 6 THEN ((seq * 7919 % ?) * 0.5) - 70 END, "
        "place_lon = CASE WHEN seq % 10 < 6 THEN ((seq * 7919 % ?) * 1.1) - 170 END",
        [TOWNS, TOWNS, TOWNS],
    )
    con.execute(
        "INSERT INTO articles (id, source, published, text, sha256, canonical_id, num_events, ingested_at) "
        "SELECT article_id, 'Synthetic Wire', min(published), 'synthetic sentence', article_id, article_id, "
        "count(*), TIMESTAMP '2025-01-01 00:00:00' FROM events GROUP BY article_id"
    )
    con.execute("CHECKPOINT")


def build(path: Path, n: int) -> None:
    started = time.perf_counter()
    with EventStore.open(path) as store:
        store.con.execute("SET enable_progress_bar = false")
        store_queries.load(store, n)
        enrich(store)
    print(f"built {n:,} events in {time.perf_counter() - started:.0f} s into {path}", flush=True)


def ready(path: Path, n: int) -> bool:
    if not path.exists():
        return False
    with EventStore.open(path) as store:
        count = store.con.execute("SELECT count(*), count(place_lat) FROM events").fetchone()
    return bool(count and count[0] == n and count[1] > 0)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def measure(name: str, runs: list[float]) -> str:
    ms = sorted(r * 1000 for r in runs)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    flag = "" if p95 < 100 else "  (over 100 ms)"
    return f"{name:<40} {len(ms):>5} {statistics.median(ms):8.1f} {p95:8.1f} {ms[-1]:8.1f}{flag}"


def queries(rng: random.Random, ids: list[str]) -> dict[str, Callable[[], tuple[str, dict[str, Any]]]]:
    top = COUNTRIES[:20]
    early = (START - timedelta(days=n) for n in itertools.count(1))
    fresh = (d.isoformat() for d in early)

    def span(days: int) -> dict[str, str]:
        start = START + timedelta(days=rng.randrange(DAYS - days))
        return {"since": start.isoformat(), "until": (start + timedelta(days=days)).isoformat()}

    def pair() -> dict[str, Any]:
        a, r = rng.sample(top, 2)
        return {"actor": a, "recipient": r}

    return {
        "list: actor": lambda: ("/api/events", {"actor": rng.choice(top)}),
        "list: type + 30 days": lambda: ("/api/events", {"event_type": rng.choice(TYPES), **span(30)}),
        "list: pair + quad class": lambda: ("/api/events", {**pair(), "quad_class": rng.randint(1, 4)}),
        "list: actor sector + place text": lambda: ("/api/events", {"actor_sector": "GOV",
                                                                    "place": f"town {rng.randrange(TOWNS)}"}),
        "list: name text + year": lambda: ("/api/events", {"actor_name": rng.choice(top)[:2], **span(365)}),
        "list: sentence text (no match)": lambda: ("/api/events", {"q": f"nothing {rng.random()}"}),
        "list: sort goldstein, actor": lambda: ("/api/events", {"sort": "goldstein", "actor": rng.choice(top)}),
        "list: page deep (offset 1k-200k)": lambda: ("/api/events", {"offset": rng.randrange(1_000, 200_000)}),
        "list: page deep, actor": lambda: ("/api/events", {"actor": rng.choice(top[:5]),
                                                           "offset": rng.randrange(1_000, 20_000)}),
        "event detail": lambda: (f"/api/events/{rng.choice(ids)}", {}),
        "series: pair by month": lambda: ("/api/series", pair()),
        "series: pair by week, 2 years": lambda: ("/api/series", {**pair(), "interval": "week", **span(730)}),
        # a since-date before every event is a new cache key: the whole aggregation runs every time
        "network: all (cold)": lambda: ("/api/network", {"since": next(fresh)}),
        "network: all (warm)": lambda: ("/api/network", {}),
        "network: type": lambda: ("/api/network", {"event_type": rng.choice(TYPES)}),
        "network: actor + year": lambda: ("/api/network", {"actor": rng.choice(top), **span(365)}),
        "places: all (cold)": lambda: ("/api/places", {"since": next(fresh)}),
        "places: all (warm)": lambda: ("/api/places", {}),
        "places: actor": lambda: ("/api/places", {"actor": rng.choice(top)}),
        "places: type + year": lambda: ("/api/places", {"event_type": rng.choice(TYPES), **span(365)}),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--db", type=Path, help="database to reuse or build and keep (default: a temporary file)")
    args = parser.parse_args()
    folder = None
    if args.db is None:
        folder = tempfile.mkdtemp(prefix="eventcoder-api-bench-")
        path = Path(folder) / "bench.duckdb"
    else:
        path = args.db
    if ready(path, args.events):
        print(f"reusing {path} ({args.events:,} events)")
    elif path.exists():
        sys.exit(f"{path} exists but is not a {args.events:,}-event benchmark database; give another --db")
    else:
        build(path, args.events)
    with EventStore.open(path) as store:  # before the server holds the file: ids, and the unwarmed views' cost
        store.con.execute("SET enable_progress_bar = false")
        ids = [r[0] for r in store.con.execute(
            "SELECT id FROM events WHERE is_canonical USING SAMPLE 2000 ROWS").fetchall()]
        unwarmed = []
        for name, compute in (("stats", store.stats), ("actors", store.actors), ("network", store.network),
                              ("places", store.places)):
            started = time.perf_counter()
            compute()
            unwarmed.append(f"{name} {(time.perf_counter() - started) * 1000:.0f} ms")
        print("in-process, uncached, once: " + ", ".join(unwarmed))
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(path), str(port)], env={**os.environ})
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            deadline = time.monotonic() + 120
            while True:
                try:
                    client.get("/openapi.json")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        sys.exit("the server did not start")
                    time.sleep(0.2)
            print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
            print(f"{'query (HTTP, 50 events a page)':<40} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
            rng = random.Random(7)
            table = queries(rng, ids)
            for make in table.values():  # warm-up
                for _ in range(3):
                    url, params = make()
                    client.get(url, params=params).raise_for_status()
            for name, make in {**table, "stats (warm)": lambda: ("/api/stats", {}),
                               "actors (warm)": lambda: ("/api/actors", {"role": "any"})}.items():
                runs = []
                for _ in range(args.repeat):
                    url, params = make()
                    started = time.perf_counter()
                    client.get(url, params=params).raise_for_status()
                    runs.append(time.perf_counter() - started)
                print(measure(name, runs), flush=True)
            print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if folder is not None:
            for file in Path(folder).iterdir():
                file.unlink()
            Path(folder).rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
