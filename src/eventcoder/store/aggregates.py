"""Counts over filtered events: a time series for a pair of countries, the actor network, places, actors.

Every query starts from `EventFilters.where()` (fixed SQL fragments, values as
parameters), so it sees what the event list sees: canonical events, corrected values,
"not an event" left out.  Cooperation is quad classes 1-2, conflict 3-4.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import duckdb

from ..errors import UsageError
from .queries import EventFilters

INTERVALS = ("day", "week", "month", "year")
ROLES = ("actor", "recipient", "any")
_TRUNC = {name: f"date_trunc('{name}', day)" for name in INTERVALS}  # code constants
_COUNTS = (
    "count(*), count(*) FILTER (quad_class IN (1, 2)), count(*) FILTER (quad_class IN (3, 4)), "
    "avg(goldstein), coalesce(sum(goldstein), 0)"
)


def _and(where: str, condition: str) -> str:
    return f"{where} AND {condition}" if where else f" WHERE {condition}"


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def period_label(start: date, interval: str) -> str:
    """2023-11-04 (day), 2023-W44 (ISO week), 2023-11 (month), 2023 (year)."""
    if interval == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    return start.isoformat()[: {"day": 10, "month": 7, "year": 4}[interval]]


def _periods(first: date, last: date, interval: str) -> Iterator[date]:
    current = first
    while current <= last:
        yield current
        if interval == "day":
            current += timedelta(days=1)
        elif interval == "week":
            current += timedelta(days=7)
        elif interval == "month":
            current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
        else:
            current = date(current.year + 1, 1, 1)


def series(
    con: duckdb.DuckDBPyConnection,
    actor: str,
    recipient: str,
    interval: str = "month",
    both_directions: bool = True,
    filters: EventFilters | None = None,
) -> list[dict[str, Any]]:
    """Events between two countries per period (every period from the first to the last, empty ones too)."""
    if interval not in INTERVALS:
        raise UsageError(f"unknown interval {interval!r}: choose one of {', '.join(INTERVALS)}")
    where, params = (filters or EventFilters()).where()
    a, r = f"|{actor.strip().upper()}|", f"|{recipient.strip().upper()}|"
    pair = "(contains(actor_key, ?) AND contains(recipient_key, ?))"
    if both_directions:
        where = _and(where, f"({pair} OR {pair})")
        params += [a, r, r, a]
    else:
        where = _and(where, pair)
        params += [a, r]
    where = _and(where, "day IS NOT NULL")
    sql = f"SELECT {_TRUNC[interval]} AS period, {_COUNTS} FROM events{where} GROUP BY 1 ORDER BY 1"
    rows = {_day(row[0]): row[1:] for row in con.execute(sql, params).fetchall()}
    if not rows:
        return []
    points = []
    for start in _periods(min(rows), max(rows), interval):
        events, cooperation, conflict, mean, total = rows.get(start, (0, 0, 0, None, 0.0))
        points.append({
            "period": period_label(start, interval), "start": start.isoformat(), "events": int(events),
            "cooperation": int(cooperation), "conflict": int(conflict),
            "goldstein_mean": round(float(mean), 3) if mean is not None else None,
            "goldstein_sum": round(float(total), 3),
        })
    return points


def _codes(key: str | None) -> list[str]:
    """The countries of a country key ``|AZE|TUR|`` (see `rows.country_key`)."""
    return [c for c in (key or "").split("|") if c]


@dataclass(frozen=True, slots=True)
class PairCounts:
    """The network before shaping: counts per (actor country, recipient country) and per country."""

    pairs: dict[tuple[str, str], tuple[int, int, int, float, int]]  # events, coop, conflict, sum, n scores
    totals: dict[str, int]


def pair_counts(con: duckdb.DuckDBPyConnection, filters: EventFilters) -> PairCounts:
    """Events per directed country pair (each event once per pair) and per country.

    Events are grouped by their country keys in SQL (a few thousand groups for a million
    events), then each group is spread over its country pairs here.
    """
    where, params = filters.where()
    where = _and(where, "actor_key <> '||' AND recipient_key <> '||'")
    sql = (
        "SELECT actor_key, recipient_key, count(*), count(*) FILTER (quad_class IN (1, 2)), "
        "count(*) FILTER (quad_class IN (3, 4)), coalesce(sum(goldstein), 0), count(goldstein) "
        f"FROM events{where} GROUP BY 1, 2"
    )
    pairs: dict[tuple[str, str], list[float]] = {}
    totals: dict[str, int] = {}
    for actor_key, recipient_key, n, coop, conf, gsum, gcount in con.execute(sql, params).fetchall():
        actors, recipients = _codes(actor_key), _codes(recipient_key)
        for country in set(actors) | set(recipients):
            totals[country] = totals.get(country, 0) + n
        for a in actors:
            for r in recipients:
                acc = pairs.setdefault((a, r), [0, 0, 0, 0.0, 0])
                acc[0] += n
                acc[1] += coop
                acc[2] += conf
                acc[3] += gsum
                acc[4] += gcount
    return PairCounts({k: (int(v[0]), int(v[1]), int(v[2]), float(v[3]), int(v[4])) for k, v in pairs.items()},
                      totals)


def shape_network(counts: PairCounts, min_events: int = 1, limit: int = 200) -> dict[str, list[dict[str, Any]]]:
    """The `limit` edges with most events (at least `min_events`) and their nodes.

    A node's count is the events it takes part in over all edges (not only the kept ones).
    An event whose actor and recipient share a country gives a self-loop edge.
    """
    kept = sorted((item for item in counts.pairs.items() if item[1][0] >= min_events),
                  key=lambda item: (-item[1][0], item[0]))[:limit]
    edges = [
        {"source": a, "target": r, "events": n, "cooperation": coop, "conflict": conf,
         "goldstein_mean": round(gsum / gcount, 3) if gcount else None}
        for (a, r), (n, coop, conf, gsum, gcount) in kept
    ]
    totals = counts.totals
    names = sorted({e["source"] for e in edges} | {e["target"] for e in edges}, key=lambda c: (-totals[c], c))
    return {"nodes": [{"id": c, "events": totals[c]} for c in names], "edges": edges}


def network(
    con: duckdb.DuckDBPyConnection, filters: EventFilters, min_events: int = 1, limit: int = 200
) -> dict[str, list[dict[str, Any]]]:
    """The actor network: directed country -> country edges with counts, and their nodes."""
    return shape_network(pair_counts(con, filters), min_events, limit)


def places(con: duckdb.DuckDBPyConnection, filters: EventFilters, limit: int = 1000) -> list[dict[str, Any]]:
    """Places with coordinates and how many matching events happened there, most first."""
    where, params = filters.where()
    where = _and(where, "place_lat IS NOT NULL AND place_lon IS NOT NULL")
    sql = (
        "SELECT place_name, place_country, place_lat, place_lon, count(*) AS n "
        f"FROM events{where} GROUP BY ALL ORDER BY n DESC, place_name LIMIT ?"
    )
    rows = con.execute(sql, [*params, int(limit)]).fetchall()
    return [{"name": n, "country": c, "lat": lat, "lon": lon, "events": int(k)} for n, c, lat, lon, k in rows]


def actors(
    con: duckdb.DuckDBPyConnection, role: str = "any", limit: int = 100, filters: EventFilters | None = None
) -> list[dict[str, Any]]:
    """Countries (and PLOVER codes) by how many events they take part in, as `role` (grouped by country keys)."""
    if role not in ROLES:
        raise UsageError(f"unknown role {role!r}: choose one of {', '.join(ROLES)}")
    where, params = (filters or EventFilters()).where()
    keys = {"actor": "actor_key, ''", "recipient": "'', recipient_key", "any": "actor_key, recipient_key"}[role]
    counts: dict[str, int] = {}
    for actor_key, recipient_key, n in con.execute(
        f"SELECT {keys}, count(*) FROM events{where} GROUP BY 1, 2", params
    ).fetchall():
        for country in set(_codes(actor_key)) | set(_codes(recipient_key)):
            counts[country] = counts.get(country, 0) + n
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[: int(limit)]
    return [{"country": c, "events": n} for c, n in ranked]
