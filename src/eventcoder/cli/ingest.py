"""`eventcoder ingest PATH_OR_URL...`: code articles and store them in the event database (thin shell over `ingest_paths`)."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from typing import Any

from ..errors import UsageError
from ..store import DB_ENV, DEFAULT_DB, BatchCounts, EventStore, ingest_paths
from .code import add_cluster_arguments, parallel_run, report_failure, wants_cluster
from .events import add_db_argument

log = logging.getLogger(__name__)

# Libraries the HTML/feed readers use log every page they cannot parse at ERROR level; the
# reader already reports such a page as a failure, so their own messages only show with -v.
_CHATTY_LIBRARIES = ("trafilatura", "htmldate", "courlan", "justext", "readability")

DESCRIPTION = f"""\
Code news articles and store them, with their events, in a DuckDB database.

PATH_OR_URL is a .txt file (one article, or a list of URLs when every line is one),
a .jsonl or .csv file of articles, an HTML page, an RSS/Atom feed (.rss, .atom,
.xml), a WARC archive (.warc, .warc.gz), a .urls list, a directory of such files,
an http(s) URL (a feed, a page or a text: fetched), or - for standard input.

Ingesting is idempotent: an article already stored (same URL, or same text when it
has no URL) is skipped, so re-running a command after a crash completes it without
duplicates.  Near-duplicate articles are linked to their original; reports of the
same event are merged into one canonical event with GDELT-style mention counts.
Each batch of articles is stored in one transaction.

The database is --db, else ${DB_ENV}, else ./{DEFAULT_DB}.
Exit status: 0 all articles stored, 1 some failed (see stderr), 2 usage error."""


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "ingest",
        help="code articles and store them in the event database",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH_OR_URL", help="file, directory, URL, or - for standard input")
    add_db_argument(parser)
    parser.add_argument(
        "--published", metavar="YYYY-MM-DD", help="publication date for articles that carry none of their own"
    )
    parser.add_argument("--source", metavar="NAME", help="source (outlet) for articles that name none")
    parser.add_argument("--model", metavar="NAME", help="installed spaCy pipeline to use instead of the default")
    parser.add_argument(
        "--actors", action="append", default=[], metavar="FILE", help="extra actor dictionary (repeatable)"
    )
    parser.add_argument(
        "--patterns", action="append", default=[], metavar="FILE", help="extra event pattern file (repeatable)"
    )
    parser.add_argument(
        "--batch-size", type=int, default=32, metavar="N", help="articles stored per transaction (default 32)"
    )
    add_cluster_arguments(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary line at the end")
    return parser


def run(args: argparse.Namespace) -> int:
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    for option, files in (("--actors", args.actors), ("--patterns", args.patterns)):
        for path in files:
            if not os.path.isfile(path):
                raise UsageError(f"{option} {path}: no such file")
    stdin = sys.stdin.buffer if "-" in args.paths else None
    if not args.verbose:
        for name in _CHATTY_LIBRARIES:
            logging.getLogger(name).setLevel(logging.CRITICAL)

    from ..pipeline import Coder  # imported here: loading spaCy is slow, --help should not be

    parallel = wants_cluster(args)  # --workers N / --scheduler ADDRESS: code on Dask
    with EventStore.open(args.db) as store, contextlib.ExitStack() as stack:
        if parallel:
            coder = stack.enter_context(parallel_run(args))
        else:
            coder = Coder(model=args.model, actor_files=args.actors, pattern_files=args.patterns)
        stored = BatchCounts()

        def progress(counts: BatchCounts) -> None:
            stored.add(counts)
            log.info("committed: %d articles, %d events stored so far", stored.articles_stored, stored.events)

        summary = ingest_paths(
            store, coder, args.paths, published=args.published, source=args.source,
            batch_size=args.batch_size, on_batch=progress, on_failure=report_failure, stdin=stdin,
        )
    if not args.quiet:
        c = summary.counts
        print(
            f"eventcoder: {c.articles_stored} articles stored ({c.duplicates} duplicates), "
            f"{summary.already_stored} already stored, {c.events} events ({c.canonical_events} new canonical), "
            f"{c.failures} failed; database {args.db}",
            file=sys.stderr,
        )
    return 1 if summary.failed else 0
