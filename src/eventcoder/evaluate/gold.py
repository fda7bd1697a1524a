"""Reading event gold files: the PLOVER gold-record form and eventcoder's own form, into one typed form.

Both forms are JSONL, one record per line, and may be mixed in one file; the form is detected per
record:

- **PLOVER gold-record form** (``gold`` key, one event): ``{id, text, published, gold: {event_type,
  mode, context[], actor: [{text, country, sector}], recipient: [...], trigger_text, event_loc}}``.
  It labels no factuality, attribution or date, so those fields are ``None`` here and not scored;
  ``""`` codes (country, sector, mode) mean "none given" and become ``None``; the legacy
  country codes JAP, ITL and VTN (not ISO 3166) are read as JPN, ITA and VNM.
- **eventcoder form** (``events`` key, a list, possibly empty): see eval/gold/README.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from ..events.ontology import Ontology
from ..types import FACTUALITY_VALUES

PLOVER = "plover"
EVENTCODER = "eventcoder"


@lru_cache(maxsize=1)
def plover_types() -> tuple[str, ...]:
    """The 16 PLOVER event types, in the ontology's order."""
    return tuple(Ontology.load().types)


@dataclass(frozen=True, slots=True)
class GoldEntity:
    text: str
    country: str | None  # None: not given ("" in the file)
    sector: str | None


@dataclass(frozen=True, slots=True)
class GoldPlace:
    text: str | None
    country: str | None
    country_labelled: bool  # False when the form gives no country (PLOVER); True with None means "no country" (a sea)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    event_type: str
    mode: str | None
    context: tuple[str, ...]
    trigger: str
    actor: tuple[GoldEntity, ...]
    recipient: tuple[GoldEntity, ...]
    factuality: str | None = None  # None: not labelled
    attribution: str | None = None
    attribution_labelled: bool = False
    date: str | None = None
    date_precision: str | None = None
    event_loc: GoldPlace | None = None


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    published: str | None
    events: tuple[GoldEvent, ...]
    form: str  # PLOVER | EVENTCODER


def read_gold(path: str | Path) -> list[GoldRecord]:
    """Every record of an event gold file; raises `DataFileError` naming the line of a bad record."""
    return list(iter_gold(path))


def json_lines(path: str | Path) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) for each non-empty line of a JSONL gold file."""
    name = str(path)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(name, None, f"cannot read gold file ({exc})") from exc
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(name, lineno, f"not valid JSON ({exc.msg})") from exc


def iter_gold(path: str | Path) -> Iterator[GoldRecord]:
    name = str(path)
    seen: set[str] = set()
    for lineno, obj in json_lines(path):
        try:
            record = parse_gold_record(obj)
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise DataFileError(name, lineno, f"not a gold record: {exc}") from exc
        if record.id in seen:
            raise DataFileError(name, lineno, f"duplicate id {record.id!r}")
        seen.add(record.id)
        yield record


def parse_gold_record(obj: Any) -> GoldRecord:
    """One record in either form (raises KeyError/TypeError/ValueError with the reason)."""
    if not isinstance(obj, Mapping):
        raise TypeError("a record must be a JSON object")
    rid, text = str(obj["id"]), obj["text"]
    if not isinstance(text, str) or not text:
        raise ValueError("'text' must be a non-empty string")
    published = obj.get("published") or None
    if "gold" in obj:
        return GoldRecord(rid, text, published, (_plover_event(obj["gold"]),), PLOVER)
    if "events" in obj:
        events = obj["events"]
        if not isinstance(events, list):
            raise TypeError("'events' must be a list")
        return GoldRecord(rid, text, published, tuple(_own_event(e) for e in events), EVENTCODER)
    raise KeyError("neither 'gold' (PLOVER form) nor 'events' (eventcoder form)")


def _opt(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {value!r}")
    return value.strip() or None


def _event_type(value: Any) -> str:
    if value not in plover_types():
        raise ValueError(f"unknown event_type {value!r}")
    return str(value)


# Country codes in older PLOVER gold records that are not ISO 3166 alpha-3 (no ISO code is
# assigned to these letters) but plainly name a state: read as the ISO code the project uses.
LEGACY_COUNTRY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def _country(value: Any) -> str | None:
    code = _opt(value)
    return LEGACY_COUNTRY_CODES.get(code, code) if code else code


def _entities(items: Any) -> tuple[GoldEntity, ...]:
    if items is None:
        return ()
    if not isinstance(items, Sequence) or isinstance(items, str):
        raise TypeError("actor/recipient must be a list")
    return tuple(GoldEntity(str(e.get("text") or ""), _country(e.get("country")), _opt(e.get("sector"))) for e in items)


def _context(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value else ()
    return tuple(str(c) for c in value)


def _plover_event(g: Mapping[str, Any]) -> GoldEvent:
    loc = g.get("event_loc")
    place = None
    if isinstance(loc, Mapping) and (loc.get("name") or loc.get("text")):
        country = _opt(loc.get("country"))
        place = GoldPlace(_opt(loc.get("name") or loc.get("text")), country, country is not None)
    return GoldEvent(
        event_type=_event_type(g["event_type"]),
        mode=_opt(g.get("mode")),
        context=_context(g.get("context")),
        trigger=str(g.get("trigger_text") or ""),
        actor=_entities(g.get("actor")),
        recipient=_entities(g.get("recipient")),
        event_loc=place,
    )


def _own_event(e: Mapping[str, Any]) -> GoldEvent:
    factuality = e.get("factuality")
    if factuality is not None and factuality not in FACTUALITY_VALUES:
        raise ValueError(f"unknown factuality {factuality!r}")
    loc = e.get("event_loc")
    place = None
    if isinstance(loc, Mapping):
        place = GoldPlace(_opt(loc.get("text")), _opt(loc.get("country")), "country" in loc)
    return GoldEvent(
        event_type=_event_type(e["event_type"]),
        mode=_opt(e.get("mode")),
        context=_context(e.get("context")),
        trigger=str(e.get("trigger") or ""),
        actor=_entities(e.get("actor")),
        recipient=_entities(e.get("recipient")),
        factuality=factuality,
        attribution=_opt(e.get("attribution")),
        attribution_labelled="attribution" in e,
        date=_opt(e.get("date")),
        date_precision=_opt(e.get("date_precision")),
        event_loc=place,
    )
