"""`eventcoder export`: write stored events as Parquet, PLOVER JSONL, GDELT-style TSV or CSV (a thin shell over `EventStore.export`)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import UsageError
from ..export.store_formats import STORE_FORMATS
from ..store import EventStore
from .events import add_db_argument, add_filter_arguments, filters_from_args

DESCRIPTION = """\
Export events from the database.  Formats: parquet (typed columns and the full
record), plover-jsonl (the PLOVER codebook's field names), gdelt-tsv (GDELT 2.0's 61
event columns, no header), csv (the columns of `eventcoder code --format csv` plus
mention counts), jsonl (the stored records).  One row per canonical event unless --all.
Corrected events are written with their corrected values and marked as corrected
(except in gdelt-tsv, whose columns are fixed); events marked as not events are left
out unless --include-not-events.
--out - writes a text format to standard output."""


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "export",
        help="export stored events (parquet, plover-jsonl, gdelt-tsv, csv)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--format", required=True, choices=STORE_FORMATS, help="output format")
    parser.add_argument("--out", required=True, metavar="PATH", help="output file (- for standard output)")
    add_db_argument(parser)
    add_filter_arguments(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary line at the end")
    return parser


def run(args: argparse.Namespace) -> int:
    if args.out == "-" and args.format == "parquet":
        raise UsageError("parquet cannot be written to standard output: give --out PATH")
    with EventStore.open(args.db, read_only=True) as store:
        if args.out == "-":
            out = sys.stdout
            if hasattr(out, "reconfigure"):
                out.reconfigure(encoding="utf-8")
            count = store.export(args.format, out, filters_from_args(args), order=args.order)
        else:
            count = store.export(args.format, args.out, filters_from_args(args), order=args.order)
    if not args.quiet:
        where = "standard output" if args.out == "-" else args.out
        print(f"eventcoder: {count} events written to {where} ({args.format})", file=sys.stderr)
    return 0
