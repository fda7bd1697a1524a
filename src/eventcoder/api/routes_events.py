"""/api/events: the filtered list, one event in its article, and corrections."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from ..store import Correction, EntityChange, EventFilters, EventStore, PlaceChange
from .database import Database
from .params import event_filters
from .schemas import MAX_ID, CorrectionIn, CorrectionOut, EntityIn, ErrorOut, EventDetail, EventPage, Order, PlaceIn
from .security import require_write
from .spans import event_spans

router = APIRouter(prefix="/api/events", tags=["events"])
EventId = Annotated[str, Path(max_length=MAX_ID, description="the event's id")]
NOT_FOUND = {404: {"model": ErrorOut, "description": "no event with this id"}}


def database(request: Request) -> Database:
    return request.app.state.database


@router.get("", response_model=EventPage, summary="List events, filtered, sorted and paged")
def list_events(
    db: Annotated[Database, Depends(database)],
    filters: Annotated[EventFilters, Depends(event_filters)],
    sort: Annotated[Order, Query(description="date (newest first), date-asc, mentions, ingested, goldstein...")] = "date",  # type: ignore[valid-type]
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
) -> dict[str, Any]:
    with db.reader() as store:
        events, total = store.page_events(filters, limit=limit, offset=offset, order=sort)
    return {"total": total, "limit": limit, "offset": offset, "events": events}


def detail(store: EventStore, event_id: str) -> dict[str, Any]:
    """The event view: the record, the original and the audit trail, the article text and the spans."""
    event = store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    article = event.pop("article")
    mentions = event.pop("mentions", [])
    record_article = {k: article.get(k) for k in ("id", "source", "url", "published")}
    event["article"] = record_article
    original = store.original(event_id)
    if original is not None:
        original.update(corrected=False, not_event=False)
    return {
        "event": event,
        "original": original,
        "corrections": store.corrections(event_id),
        "article": {k: article.get(k) for k in ("id", "title", "source", "url", "published", "text")},
        "spans": event_spans(event, article.get("text") or ""),
        "mentions": mentions,
    }


@router.get("/{event_id}", response_model=EventDetail, responses=NOT_FOUND,
            summary="One event with its article text, highlight spans and corrections")
def get_event(db: Annotated[Database, Depends(database)], event_id: EventId) -> dict[str, Any]:
    with db.reader() as store:
        return detail(store, event_id)


@router.get("/{event_id}/corrections", response_model=list[CorrectionOut], responses=NOT_FOUND,
            summary="The audit trail of one event, oldest first")
def get_corrections(db: Annotated[Database, Depends(database)], event_id: EventId) -> list[dict[str, Any]]:
    with db.reader() as store:
        if store.con.execute("SELECT 1 FROM events WHERE id = ?", [event_id]).fetchone() is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        return store.corrections(event_id)


def _cleared(model: EntityIn | PlaceIn | None, names: tuple[str, ...]) -> dict[str, str | None]:
    """Field values for the store: omitted -> None (keep), explicit null -> "" (clear)."""
    if model is None:
        return {}
    given = model.model_fields_set
    return {n: ("" if getattr(model, n) is None else getattr(model, n)) if n in given else None for n in names}


def to_correction(body: CorrectionIn) -> Correction:
    given = body.model_fields_set
    mode = ("" if body.mode is None else body.mode) if "mode" in given else None
    place = PlaceChange(**_cleared(body.place, ("name", "country"))) if "place" in given else None
    if "place" in given and body.place is None:
        place = PlaceChange("", "")
    entities: dict[str, EntityChange | tuple[EntityChange, ...]] = {}
    for role in ("actor", "recipient"):
        if role in given:
            value = getattr(body, role)
            if value is None:
                entities[role] = ()
            elif isinstance(value, list):
                entities[role] = tuple(EntityChange(**_cleared(v, ("name", "country", "sector"))) for v in value)
            else:
                entities[role] = EntityChange(**_cleared(value, ("name", "country", "sector")))
    return Correction(
        event_type=body.event_type, mode=mode, factuality=body.factuality, date=body.date, place=place,
        actor=entities.get("actor"), recipient=entities.get("recipient"), not_event=body.not_event,
        note=body.note, author=body.author,
    )


@router.post("/{event_id}/corrections", response_model=EventDetail, status_code=201,
             responses={**NOT_FOUND, 422: {"model": ErrorOut, "description": "a value the ontology does not allow"}},
             dependencies=[Depends(require_write)], summary="Correct an event (write endpoint)")
def post_correction(db: Annotated[Database, Depends(database)], event_id: EventId, body: CorrectionIn) -> dict[str, Any]:
    correction = to_correction(body)
    with db.writer() as store:
        if store.correct_event(event_id, correction) is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        return detail(store, event_id)
