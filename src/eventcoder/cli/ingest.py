"""`eventcoder ingest PATH_OR_URL...`: code articles and store them in the event database (thin shell over `ingest_paths`)."""

from __future__ import annotations

import argparse
import contextlib
import glob
import logging
import os
import sys
import tempfile
from typing import Any

from ..errors import UsageError
from ..progress import Progress
from ..store import DB_ENV, DEFAULT_DB, BatchCounts, EventStore, ingest_paths
from ..types import ArticleFailure
from .code import add_cluster_arguments, failure_line, parallel_run, wants_cluster
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

With --workers N the articles are coded on a local Dask cluster of N worker
processes: each writes its partitions as Parquet files (events-NNNNNN.parquet,
articles-NNNNNN.parquet) into a temporary directory beside the database, or into
--parquet DIR to keep them, and the partitions are loaded from those files into the
database in input order.  With --scheduler ADDRESS (an existing cluster) the results
come back over the network, unless --parquet names a directory that the workers
and this machine share.  The database is the same either way.

On a terminal a progress line (articles, events, rate, ETA) is shown on stderr;
--quiet hides it and the summary.
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
    parser.add_argument(
        "--parquet",
        metavar="DIR",
        help="with --workers/--scheduler: keep the partitions' Parquet files in DIR (shared with the workers)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress line and no summary line")
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

    parallel = wants_cluster(args)  # --workers N / --scheduler ADDRESS: code on Dask
    if args.parquet is not None and not parallel:
        raise UsageError("--parquet needs --workers or --scheduler")
    if args.parquet is not None and glob.glob(os.path.join(glob.escape(args.parquet), "*-[0-9]*.parquet")):
        raise UsageError(f"--parquet {args.parquet} already holds partition files: give a new or empty directory")
    with EventStore.open(args.db) as store, contextlib.ExitStack() as stack:
        if parallel:
            coder = stack.enter_context(parallel_run(args, **parquet_options(args, stack)))
        else:
            from ..pipeline import Coder  # imported here: loading spaCy is slow, --help should not be

            coder = Coder(model=args.model, actor_files=args.actors, pattern_files=args.patterns)
        progress = stack.enter_context(Progress(sys.stderr, enabled=not args.quiet))
        progress.count_in_background(args.paths)
        progress.tick_in_background()
        stored = BatchCounts()

        def on_batch(counts: BatchCounts) -> None:
            stored.add(counts)
            progress.update(counts.articles_stored + counts.already_stored, counts.events, counts.failures)
            log.info("committed: %d articles, %d events stored so far", stored.articles_stored, stored.events)

        def on_failure(failure: ArticleFailure) -> None:
            progress.write(failure_line(failure))

        summary = ingest_paths(
            store, coder, args.paths, published=args.published, source=args.source,
            batch_size=args.batch_size, on_batch=on_batch, on_failure=on_failure, stdin=stdin,
        )
        progress.close()
    if not args.quiet:
        c = summary.counts
        print(
            f"eventcoder: {c.articles_stored} articles stored ({c.duplicates} duplicates), "
            f"{summary.already_stored} already stored, {c.events} events ({c.canonical_events} new canonical), "
            f"{c.failures} failed; database {args.db}",
            file=sys.stderr,
        )
    return 1 if summary.failed else 0


def parquet_options(args: argparse.Namespace, stack: contextlib.ExitStack) -> dict[str, Any]:
    """How a cluster's results reach the database: from Parquet files, or (remote, no --parquet) over the network.

    A local cluster's workers write each partition as Parquet into --parquet DIR or a
    temporary directory beside the database (removed with `stack`), and the results are
    read back from those files.  A remote cluster's workers may not share this machine's
    files, so without --parquet their results come back with each partition.
    """
    out_dir = args.parquet
    if out_dir is None and args.scheduler is not None:
        return {}
    if out_dir is None:
        parent = os.path.dirname(os.path.abspath(args.db))
        out_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix=".eventcoder-partitions-", dir=parent))
    return {"out_dir": out_dir, "collect": False, "read_back": True}
