"""`eventcoder stats`: what the event database holds (a thin shell over `EventStore.stats`)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..store import EventStore
from .events import add_db_argument


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "stats",
        help="counts of articles, duplicates, events, mentions, failures and runs in the database",
        description="Counts of what the event database holds.",
    )
    add_db_argument(parser)
    parser.add_argument("--format", choices=("table", "json"), default="table", help="output format (default table)")
    return parser


def run(args: argparse.Namespace) -> int:
    with EventStore.open(args.db, read_only=True) as store:
        stats = store.stats()
    out = sys.stdout
    if args.format == "json":
        out.write(json.dumps(stats, ensure_ascii=False, indent=2) + "\n")
        return 0
    types = stats.pop("event_types")
    width = max(len(k) for k in stats)
    for key, value in stats.items():
        out.write(f"{key.replace('_', ' '):<{width}}  {'' if value is None else value}\n")
    if types:
        out.write("canonical events by type:\n")
        for name, count in types.items():
            out.write(f"  {name:<{width - 2}}  {count}\n")
    return 0
