"""`eventcoder events`: list stored events, filtered (a thin shell over `EventStore.query_events`).

Also holds the options the store commands share (--db and the event filters).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from ..export.store_csv import write_store_csv
from ..store import DB_ENV, DEFAULT_DB, ORDERS, EventFilters, EventStore, default_db_path
from ..types import FACTUALITY_VALUES

FORMATS = ("table", "jsonl", "csv")
_WIDTH = 110


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", default=str(default_db_path()), metavar="PATH",
        help=f"DuckDB database file (default: ${DB_ENV}, else ./{DEFAULT_DB})",
    )


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters")
    group.add_argument("--actor", metavar="CODE", help="an actor's country (ISO alpha-3, or IGO, NGO...)")
    group.add_argument("--recipient", metavar="CODE", help="a recipient's country")
    group.add_argument("--type", dest="event_type", metavar="TYPE", help="PLOVER event type, e.g. CONSULT")
    group.add_argument("--since", metavar="YYYY-MM-DD", help="event date on or after (undated: publication date)")
    group.add_argument("--until", metavar="YYYY-MM-DD", help="event date on or before")
    group.add_argument("--factuality", choices=FACTUALITY_VALUES, help="asserted, negated, reported, ...")
    group.add_argument("--source", metavar="NAME", help="the outlet that published the article")
    group.add_argument("--min-mentions", type=int, metavar="N", help="canonical events reported at least N times")
    group.add_argument(
        "--all", action="store_true", help="every stored report, not one row per canonical event"
    )
    group.add_argument(
        "--include-not-events", action="store_true",
        help="also events an analyst marked as not an event (left out by default)",
    )
    group.add_argument("--order", choices=tuple(ORDERS), default="date", help="sort order (default: date, newest first)")


def filters_from_args(args: argparse.Namespace) -> EventFilters:
    return EventFilters(
        actor=args.actor, recipient=args.recipient, event_type=args.event_type, since=args.since,
        until=args.until, factuality=args.factuality, source=args.source, min_mentions=args.min_mentions,
        canonical_only=not args.all, include_not_events=args.include_not_events,
    )


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "events",
        help="list stored events (one per real-world event), filtered",
        description="List events from the database, one row per canonical event (--all: every report).",
    )
    add_db_argument(parser)
    add_filter_arguments(parser)
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="at most N events (default 50)")
    parser.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N events")
    parser.add_argument(
        "--format", choices=FORMATS, help="output format (default: table on a terminal, jsonl otherwise)"
    )
    return parser


def run(args: argparse.Namespace) -> int:
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    fmt = args.format or ("table" if out.isatty() else "jsonl")
    with EventStore.open(args.db, read_only=True) as store:
        records = store.query_events(filters_from_args(args), limit=max(0, args.limit), offset=max(0, args.offset),
                                     order=args.order)
    if fmt == "jsonl":
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
    elif fmt == "csv":
        write_store_csv(records, out)
    else:
        write_table(records, out)
    return 0


def write_table(records: Sequence[dict[str, Any]], out: TextIO, width: int = _WIDTH) -> None:
    """Two lines per event: date, type and who; then where, factuality, counts, trigger and id."""
    if not records:
        out.write("(no events)\n")
        return
    for rec in records:
        kind = f"{rec['event_type']}/{rec['mode']}" if rec.get("mode") else rec["event_type"]
        who = _entities(rec.get("actor") or []) or "?"
        if rec.get("recipient"):
            who += " → " + _entities(rec["recipient"])
        date = rec.get("date") or f"({(rec.get('article') or {}).get('published') or 'undated'})"
        out.write(_fit(f"{date:<12} {kind:<22} {who}", width) + "\n")
        details = []
        loc = rec.get("event_loc")
        if loc:
            place = loc.get("name") or loc.get("entity_text")
            details.append(f"{place} [{loc['country']}]" if loc.get("country") else place)
        details.append(rec.get("factuality") or "")
        if rec.get("corrected"):
            details.append("not an event (corrected)" if rec.get("not_event") else "corrected")
        if rec.get("is_canonical"):
            details.append(f"{rec['num_mentions']} mentions, {rec['num_sources']} sources")
        details.append(f"“{' '.join(rec['trigger']['text'].split())}”")
        details.append(rec["id"])
        out.write(_fit("             " + " · ".join(d for d in details if d), width) + "\n")


def _entities(entities: Sequence[dict[str, Any]]) -> str:
    labels = []
    for e in entities:
        codes = " ".join(c for c in (e.get("country"), e.get("sector")) if c)
        name = e.get("name") or e.get("entity_text") or "?"
        labels.append(f"{name} [{codes}]" if codes else name)
    return ", ".join(labels)


def _fit(line: str, width: int) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"
