"""Counts over filtered events: a time series for a pair of countries, the actor network, places, actors.

Every query starts from `EventFilters.where()` (fixed SQL fragments, values as
parameters), so it sees what the event list sees: canonical events, corrected values,
"not an event" left out.  Cooperation is quad classes 1-2, conflict 3-4.
"""

from __future__ import annotations

from collections.abc import Iterator
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


_CODES = "string_split(trim({}, '|'), '|')"  # a country key's countries, in SQL (see `_codes`)
# Events grouped by their country keys (a few thousand groups for a million events), each
# group spread over its directed country pairs (every event once per pair) and over its
# countries (every event once per country); the kept edges come back with both ends' totals.
_NETWORK = f"""
WITH groups AS (
  SELECT actor_key, recipient_key, count(*) AS n, count(*) FILTER (quad_class IN (1, 2)) AS coop,
         count(*) FILTER (quad_class IN (3, 4)) AS conf, sum(goldstein) AS gsum, count(goldstein) AS gcount
  FROM events{{where}} GROUP BY 1, 2),
edges AS (
  SELECT a, r, sum(n) AS n, sum(coop) AS coop, sum(conf) AS conf, sum(gsum) AS gsum, sum(gcount) AS gcount
  FROM groups, unnest({_CODES.format('actor_key')}) AS actors(a), unnest({_CODES.format('recipient_key')}) AS recipients(r)
  GROUP BY a, r HAVING sum(n) >= ? ORDER BY n DESC, a, r LIMIT ?),
totals AS (
  SELECT country, sum(n) AS n FROM groups,
    unnest(list_distinct(list_concat({_CODES.format('actor_key')}, {_CODES.format('recipient_key')}))) AS countries(country)
  GROUP BY country)
SELECT e.a, e.r, e.n, e.coop, e.conf, e.gsum, e.gcount, ta.n, tr.n
FROM edges e JOIN totals ta ON ta.country = e.a JOIN totals tr ON tr.country = e.r
ORDER BY e.n DESC, e.a, e.r"""


def network(
    con: duckdb.DuckDBPyConnection, filters: EventFilters, min_events: int = 1, limit: int = 200
) -> dict[str, list[dict[str, Any]]]:
    """The actor network: the `limit` directed country -> country edges with most events (at least `min_events`).

    A node's count is the events it takes part in over all edges (not only the kept ones).
    An event whose actor and recipient share a country gives a self-loop edge.  All the
    counting happens in SQL, so only the kept edges reach Python.
    """
    where, params = filters.where()
    where = _and(where, "actor_key <> '||' AND recipient_key <> '||'")
    rows = con.execute(_NETWORK.format(where=where), [*params, int(min_events), int(limit)]).fetchall()
    edges, totals = [], {}
    for a, r, n, coop, conf, gsum, gcount, a_total, r_total in rows:
        edges.append({"source": a, "target": r, "events": int(n), "cooperation": int(coop), "conflict": int(conf),
                      "goldstein_mean": round(float(gsum) / gcount, 3) if gcount else None})
        totals[a], totals[r] = int(a_total), int(r_total)
    names = sorted(totals, key=lambda c: (-totals[c], c))
    return {"nodes": [{"id": c, "events": totals[c]} for c in names], "edges": edges}


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
