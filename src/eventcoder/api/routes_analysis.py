"""Counts for the charts: actors, a pair's time series, the actor network, places, and the store's stats.

Stats, actors, the network (per set of filters and limits) and the places (per set of
filters; the limit is applied after) are cached until the app's next write: the server is
the database's only writer.  `warm` computes the unfiltered ones in the background at start-up and after
each write, so the UI's first views never wait for a full scan.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query

from ..store import EventFilters
from .database import Database
from .params import event_filters
from .routes_events import database
from .schemas import CODE_PATTERN, ActorCount, NetworkOut, PlaceCount, SeriesOut

router = APIRouter(prefix="/api", tags=["analysis"])
MAX_ACTORS = 1000
MAX_PLACES = 10_000
NETWORK_LIMITS = (200, 50)  # the network view's and the timeline's pair list's requests


def warm(db: Database) -> None:
    """Compute the whole-database views the UI opens first (the cache keys the routes use)."""
    everything = EventFilters()
    db.cached(("stats",), lambda store: store.stats())
    db.cached(("actors", "any"), lambda store: store.actors("any", MAX_ACTORS))
    for limit in NETWORK_LIMITS:
        db.cached(("network", everything, 1, limit), lambda store, limit=limit: store.network(everything, 1, limit))
    db.cached(("places", everything), lambda store: store.places(everything, MAX_PLACES))


@router.get("/actors", response_model=list[ActorCount], summary="Countries by number of events")
def get_actors(
    db: Annotated[Database, Depends(database)],
    role: Annotated[Literal["actor", "recipient", "any"], Query()] = "any",
    limit: Annotated[int, Query(ge=1, le=MAX_ACTORS)] = 100,
) -> list[dict[str, Any]]:
    rows = db.cached(("actors", role), lambda store: store.actors(role, MAX_ACTORS))
    return rows[:limit]


@router.get("/series", response_model=SeriesOut, summary="Events between two countries over time")
def get_series(
    db: Annotated[Database, Depends(database)],
    actor: Annotated[str, Query(pattern=CODE_PATTERN, description="country code")],
    recipient: Annotated[str, Query(pattern=CODE_PATTERN, description="country code")],
    interval: Annotated[Literal["day", "week", "month", "year"], Query()] = "month",
    both_directions: Annotated[bool, Query(description="also events from recipient to actor")] = True,
    since: Annotated[date | None, Query()] = None,
    until: Annotated[date | None, Query()] = None,
) -> dict[str, Any]:
    filters = EventFilters(since=since.isoformat() if since else None, until=until.isoformat() if until else None)
    with db.reader() as store:
        points = store.series(actor, recipient, interval, both_directions, filters)
    return {"actor": actor.upper(), "recipient": recipient.upper(), "interval": interval, "points": points}


@router.get("/network", response_model=NetworkOut, summary="Who acts on whom: country to country edges")
def get_network(
    db: Annotated[Database, Depends(database)],
    filters: Annotated[EventFilters, Depends(event_filters)],
    min_events: Annotated[int, Query(ge=1, le=1_000_000_000)] = 1,
    limit: Annotated[int, Query(ge=1, le=5000, description="edges with most events")] = 200,
) -> dict[str, Any]:
    return db.cached(("network", filters, min_events, limit), lambda store: store.network(filters, min_events, limit))


@router.get("/places", response_model=list[PlaceCount], summary="Event locations with counts")
def get_places(
    db: Annotated[Database, Depends(database)],
    filters: Annotated[EventFilters, Depends(event_filters)],
    limit: Annotated[int, Query(ge=1, le=MAX_PLACES)] = 1000,
) -> list[dict[str, Any]]:
    rows = db.cached(("places", filters), lambda store: store.places(filters, MAX_PLACES))
    return rows[:limit]


@router.get("/stats", summary="What the database holds (the counts of `eventcoder stats`)")
def get_stats(db: Annotated[Database, Depends(database)]) -> dict[str, Any]:
    return db.cached(("stats",), lambda store: store.stats())
