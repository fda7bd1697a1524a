"""Corrections: an analyst changes a coded event; the change is kept as an audit trail beside the original.

`apply_correction` validates a `Correction` against the ontology (PLOVER types and modes,
factuality values, country and sector codes, ISO dates), rewrites the event's columns
and its ``record`` JSON with the corrected values (the record says ``"corrected": true``),
copies the record as coded into ``original_record`` the first time (never overwritten),
replaces the event's ``entities`` rows when actors change, and writes one ``corrections``
row per changed field.  Changing the type or mode recomputes the quad class, the CAMEO
code and the Goldstein score from the ontology; the derived changes are audited too.

Values: ``None`` leaves a field as it is; an empty string clears it (``mode=""``: no
mode; ``PlaceChange("", "")``: no place; an `EntityChange` that leaves no name, country
or sector: no actor).  An actor or recipient is corrected with one `EntityChange` (the
role becomes that single entity, made from the first one coded) or a tuple of them (the
role becomes that many entities, in order, each made from the entity coded at the same
position: a compound actor keeps its parts, gains some or loses some; an empty tuple: no
actor).  A corrected entity's text span points at its name where the sentence contains
it, else at the mention the coder found.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

import duckdb

from ..errors import EventcoderError
from ..events.ontology import Ontology
from ..types import FACTUALITY_VALUES
from .matching import date_interval, match_key
from .rows import as_date, country_key

MAX_TEXT = 200  # names
MAX_NOTE = 2000
# PLOVER actor codes beside ISO 3166 alpha-3 (see eventcoder.actors.kb)
PLOVER_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS"})
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?")


class CorrectionError(EventcoderError):
    """A correction with a value the ontology does not allow, or no change at all (the message says which)."""


@dataclass(frozen=True, slots=True)
class EntityChange:
    """The corrected actor (or recipient); None keeps the current value, "" clears it."""

    name: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceChange:
    """The corrected place; None keeps the current value, "" clears it (both cleared: no place)."""

    name: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Correction:
    """One submission of changes to one event (None: unchanged)."""

    event_type: str | None = None
    mode: str | None = None  # "" = no mode
    factuality: str | None = None
    date: str | None = None  # YYYY, YYYY-MM, YYYY-MM-DD (or YYYY-Www)
    place: PlaceChange | None = None
    actor: EntityChange | tuple[EntityChange, ...] | None = None  # a tuple: every entity of the role, in order
    recipient: EntityChange | tuple[EntityChange, ...] | None = None
    not_event: bool | None = None
    note: str | None = None
    author: str | None = None


@cache
def country_codes() -> frozenset[str]:
    """Every actor/place country code eventcoder knows: ISO alpha-3, PLOVER codes, and those of the actor files."""
    import pycountry

    from ..actors.kb import default_country_codes

    from_files = {c for c in default_country_codes() if len(c) == 3 and c.isalpha() and c.isupper()}
    return frozenset({c.alpha_3 for c in pycountry.countries} | PLOVER_CODES | from_files)


def _country(value: str, what: str) -> str | None:
    code = value.strip().upper()
    if not code:
        return None
    if code not in country_codes():
        raise CorrectionError(f"unknown {what} country code {value!r}: use ISO 3166 alpha-3 (e.g. AZE) or a "
                              f"PLOVER code ({', '.join(sorted(PLOVER_CODES))})")
    return code


def _sector(value: str, what: str) -> str | None:
    code = value.strip().upper()
    if not code:
        return None
    sectors = Ontology.load().sectors
    if code not in sectors:
        raise CorrectionError(f"unknown {what} sector {value!r}: choose one of {', '.join(sorted(sectors))}")
    return code


def _text(value: str, what: str, limit: int = MAX_TEXT) -> str | None:
    text = " ".join(value.split())
    if len(text) > limit:
        raise CorrectionError(f"{what} is longer than {limit} characters")
    return text or None


def parse_date(value: str) -> tuple[str, str]:
    """An ISO date (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www) and its precision; CorrectionError otherwise."""
    text = value.strip()
    match = _DATE.fullmatch(text)
    precision = None
    if match:
        precision = "week" if match.group(4) else "day" if match.group(3) else "month" if match.group(2) else "year"
    if precision is None or date_interval(text, precision) is None:
        raise CorrectionError(f"bad date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    return text, precision


def _find(sentence: dict[str, Any], name: str | None) -> tuple[str, list[int]] | None:
    """The first occurrence of `name` in the sentence (case-insensitive), as (text, article span)."""
    text = sentence.get("text") or ""
    span = sentence.get("span")
    if not name or not span:
        return None
    at = text.casefold().find(name.casefold())
    if at < 0 or len(text.casefold()) != len(text):
        return None
    return text[at:at + len(name)], [span[0] + at, span[0] + at + len(name)]


_BLANK_ENTITY = {"entity_text": None, "span": None, "name": None, "country": None, "sector": None, "office": None,
                 "identifier_id": None}
MAX_ENTITIES = 20  # entities of one role in one correction


def _entity(current: dict[str, Any] | None, change: EntityChange, sentence: dict[str, Any], role: str) -> dict | None:
    """`current` (or a new entity) with `change` applied; None when it is left with no name, country or sector."""
    entity = dict(current or _BLANK_ENTITY)
    name = entity.get("name") if change.name is None else _text(change.name, f"{role} name")
    country = entity.get("country") if change.country is None else _country(change.country, role)
    sector = entity.get("sector") if change.sector is None else _sector(change.sector, role)
    if not (name or country or sector):
        return None
    if name != entity.get("name"):
        entity["office"] = entity["identifier_id"] = None
        found = _find(sentence, name)
        if found:
            entity["entity_text"], entity["span"] = found
        elif not entity.get("entity_text"):
            entity["entity_text"], entity["span"] = name or country, None
    entity.update(name=name, country=country, sector=sector)
    return entity


def _entities(
    current: list[dict[str, Any]], change: EntityChange | tuple[EntityChange, ...], sentence: dict[str, Any], role: str
) -> list[dict[str, Any]]:
    """The role's entities after `change` (see the module docstring): position i is changed from `current[i]`."""
    changes = (change,) if isinstance(change, EntityChange) else tuple(change)
    if len(changes) > MAX_ENTITIES:
        raise CorrectionError(f"more than {MAX_ENTITIES} {role} entities")
    entities = [_entity(current[i] if i < len(current) else None, c, sentence, role) for i, c in enumerate(changes)]
    return [e for e in entities if e is not None]


def _place(current: dict[str, Any] | None, change: PlaceChange, sentence: dict[str, Any]) -> dict[str, Any] | None:
    from ..geo import Gazetteer

    old = current or {}
    old_name = old.get("name") or old.get("entity_text")
    name = old_name if change.name is None else _text(change.name, "place name")
    if change.country is not None:
        country = _country(change.country, "place")
    else:  # a new name is looked up anywhere; the old country belonged to the old place
        country = old.get("country") if name == old_name else None
    if not name and not country:
        return None
    gazetteer = Gazetteer.load()
    entry = None
    if name:
        found = [e for e in gazetteer.candidates(name) if country is None or e.country == country]
        entry = found[0] if found else None
        if entry is not None and entry.kind in ("admin1", "admin2"):  # "Donetsk": the city, not its province
            entry = next((e for e in found if e.kind == "city" and e.country == entry.country), entry)
    elif country:
        entry = gazetteer.country(country)
        name = entry.name if entry else country
    place = {"entity_text": old.get("entity_text"), "span": old.get("span"), "name": name, "geonameid": None,
             "lat": None, "lon": None, "country": country, "admin1": None, "feature_code": None}
    if entry is not None:
        place.update(geonameid=entry.geonameid, lat=entry.lat, lon=entry.lon, country=entry.country or country,
                     admin1=entry.admin1, feature_code=entry.feature_code)
    if name != old_name:
        found = _find(sentence, name)
        if found:
            place["entity_text"], place["span"] = found
        elif not place["entity_text"]:
            place["entity_text"] = name
    return place


def corrected_record(record: dict[str, Any], change: Correction) -> tuple[dict[str, Any], list[tuple[str, Any, Any]]]:
    """The record with `change` applied, and the (field, old, new) changes; CorrectionError for bad values."""
    ontology = Ontology.load()
    new = copy.deepcopy(record)
    sentence = record.get("sentence") or {}
    if change.event_type is not None:
        event_type = change.event_type.strip().upper()
        if event_type not in ontology.types:
            raise CorrectionError(f"unknown event type {change.event_type!r}: choose one of {', '.join(ontology.types)}")
        new["event_type"] = event_type
    if change.mode is not None:
        new["mode"] = change.mode.strip().lower() or None
    elif new["event_type"] != record.get("event_type") and new.get("mode"):
        if not ontology.is_mode(new["event_type"], new["mode"]):
            new["mode"] = None  # the old type's mode means nothing for the new type
    if new.get("mode") and not ontology.is_mode(new["event_type"], new["mode"]):
        modes = ontology.types[new["event_type"]].modes
        raise CorrectionError(f"mode {new['mode']!r} is not a mode of {new['event_type']}: "
                              f"choose one of {', '.join(modes) or '(none)'}")
    if (new["event_type"], new.get("mode")) != (record.get("event_type"), record.get("mode")):
        new["quad_class"] = ontology.quad_class(new["event_type"])
        new["cameo"] = ontology.default_cameo(new["event_type"], new.get("mode"))
        new["goldstein"] = ontology.goldstein_for(new["event_type"], new.get("mode"), new["cameo"])
    if change.factuality is not None:
        if change.factuality not in FACTUALITY_VALUES:
            raise CorrectionError(f"bad factuality {change.factuality!r}: choose one of {', '.join(FACTUALITY_VALUES)}")
        new["factuality"] = change.factuality
    if change.date is not None:
        new["date"], new["date_precision"] = parse_date(change.date)
    if change.place is not None:
        new["event_loc"] = _place(record.get("event_loc"), change.place, sentence)
    for role in ("actor", "recipient"):
        entity_change = getattr(change, role)
        if entity_change is not None:
            new[role] = _entities(list(record.get(role) or []), entity_change, sentence, role)
    if change.not_event is not None:
        new["not_event"] = bool(change.not_event)
    fields = ("event_type", "mode", "cameo", "quad_class", "goldstein", "factuality", "date", "date_precision")
    changes = [(f, record.get(f), new.get(f)) for f in fields if new.get(f) != record.get(f)]
    changes += [("place", record.get("event_loc"), new.get("event_loc"))] * (new.get("event_loc") != record.get("event_loc"))
    changes += [(r, record.get(r), new.get(r)) for r in ("actor", "recipient") if new.get(r) != record.get(r)]
    if bool(new.get("not_event")) != bool(record.get("not_event")):
        changes.append(("not_event", bool(record.get("not_event")), bool(new.get("not_event"))))
    new["corrected"] = True
    return new, changes


# columns rewritten from a corrected record (code constants)
_UPDATE_COLUMNS = (
    "event_type", "mode", "cameo", "quad_class", "goldstein", "factuality", "date", "date_precision", "date_start",
    "date_end", "day", "place_name", "place_country", "place_geonameid", "place_lat", "place_lon",
    "actor_countries", "actor_sectors", "actor_names", "recipient_countries", "recipient_sectors",
    "recipient_names", "actor_key", "recipient_key", "match_key", "record", "not_event",
)


def event_columns(record: dict[str, Any], published: Any) -> dict[str, Any]:
    """The `events` columns that follow from a record (as `rows.event_row` fills them)."""
    interval = date_interval(record.get("date"), record.get("date_precision"))
    loc = record.get("event_loc") or None
    actors, recipients = record.get("actor") or [], record.get("recipient") or []
    return {
        "event_type": record["event_type"], "mode": record.get("mode"), "cameo": record.get("cameo"),
        "quad_class": record.get("quad_class"), "goldstein": record.get("goldstein"),
        "factuality": record["factuality"], "date": record.get("date"), "date_precision": record.get("date_precision"),
        "date_start": interval[0] if interval else None, "date_end": interval[1] if interval else None,
        "day": interval[0] if interval else as_date(str(published) if published else None),
        "place_name": (loc.get("name") or loc.get("entity_text")) if loc else None,
        "place_country": loc.get("country") if loc else None,
        "place_geonameid": loc.get("geonameid") if loc else None,
        "place_lat": loc.get("lat") if loc else None, "place_lon": loc.get("lon") if loc else None,
        "actor_countries": [a.get("country") for a in actors], "actor_sectors": [a.get("sector") for a in actors],
        "actor_names": [a.get("name") or a.get("entity_text") for a in actors],
        "recipient_countries": [r.get("country") for r in recipients],
        "recipient_sectors": [r.get("sector") for r in recipients],
        "recipient_names": [r.get("name") or r.get("entity_text") for r in recipients],
        "actor_key": country_key(a.get("country") for a in actors),
        "recipient_key": country_key(r.get("country") for r in recipients),
        "match_key": match_key(record["event_type"], record["factuality"], (a.get("country") for a in actors),
                               (r.get("country") for r in recipients)),
        "record": json.dumps(record, ensure_ascii=False, separators=(",", ":")),
        "not_event": bool(record.get("not_event")),
    }


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def apply_correction(
    con: duckdb.DuckDBPyConnection, event_id: str, change: Correction, now: datetime | None = None
) -> list[dict[str, Any]] | None:
    """Correct one event (the caller holds the transaction); returns the new audit rows, None for an unknown id."""
    row = con.execute("SELECT record, published FROM events WHERE id = ?", [event_id]).fetchone()
    if row is None:
        return None
    record = json.loads(row[0])
    note = _text(change.note, "note", MAX_NOTE) if change.note is not None else None
    author = _text(change.author, "author") if change.author is not None else None
    new, changes = corrected_record(record, change)
    if not changes:
        raise CorrectionError("nothing to correct: the values given are the event's current values")
    values = event_columns(new, row[1])
    assignments = ", ".join(f"{c} = ?" for c in _UPDATE_COLUMNS)
    con.execute(
        f"UPDATE events SET {assignments}, corrected = true, original_record = coalesce(original_record, ?) "
        "WHERE id = ?",
        [*(values[c] for c in _UPDATE_COLUMNS), row[0], event_id],
    )
    for role in ("actor", "recipient"):
        if any(field == role for field, _, _ in changes):
            con.execute("DELETE FROM entities WHERE event_id = ? AND role = ?", [event_id, role])
            for position, e in enumerate(new.get(role) or []):
                span = e.get("span") or [None, None]
                con.execute(
                    "INSERT INTO entities (event_id, role, position, entity_text, name, country, sector, office, "
                    "identifier_id, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [event_id, role, position, e.get("entity_text"), e.get("name"), e.get("country"),
                     e.get("sector"), e.get("office"), e.get("identifier_id"), span[0], span[1]],
                )
    when = now or datetime.now(UTC).replace(tzinfo=None)
    for field, old, value in changes:
        con.execute(
            "INSERT INTO corrections (event_id, field, old, new, note, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [event_id, field, _dumps(old), _dumps(value), note, author, when],
        )
    return corrections_of(con, event_id)


def corrections_of(con: duckdb.DuckDBPyConnection, event_id: str) -> list[dict[str, Any]]:
    """The audit trail of one event, oldest first; ``old``/``new`` as JSON values."""
    rows = con.execute(
        "SELECT id, event_id, field, old, new, note, author, created_at FROM corrections WHERE event_id = ? "
        "ORDER BY id", [event_id],
    ).fetchall()
    return [
        {"id": r[0], "event_id": r[1], "field": r[2], "old": json.loads(r[3]) if r[3] is not None else None,
         "new": json.loads(r[4]) if r[4] is not None else None, "note": r[5], "author": r[6],
         "created_at": r[7].isoformat(timespec="seconds")}
        for r in rows
    ]


def original_of(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """The record as coded, for a corrected event (None when never corrected)."""
    row = con.execute("SELECT original_record FROM events WHERE id = ?", [event_id]).fetchone()
    return json.loads(row[0]) if row and row[0] else None
