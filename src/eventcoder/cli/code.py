"""`eventcoder code PATH...`: code articles into event records.

A thin shell over `Coder.code_many` (serially, in this process) or, with --workers or
--scheduler, over `parallel.ParallelRun` (on a Dask cluster); the output is the same.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import shutil
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..errors import UsageError
from ..export import FORMATS, open_writer
from ..ingest import read_paths
from ..progress import Progress
from ..types import Article, ArticleFailure, Event

log = logging.getLogger(__name__)

DESCRIPTION = """\
Code news articles into PLOVER event records.

PATH is a .txt file (one article; its id is the file name; a file of URLs is
fetched), a .jsonl file (one article per line: id, text, and optional published,
source, url, title), a .csv file with the same columns and a header row, an HTML
page (.html/.htm: boilerplate removed), an RSS/Atom feed (.rss/.atom/.xml), a WARC
archive (.warc/.warc.gz), a list of URLs (.urls), an http(s) URL, a directory of
such files (read recursively), or - for standard input (JSONL if every line starts
with {, otherwise one text article).

A bad article (empty, binary, not UTF-8, over the size limit, a malformed line) is
reported on stderr with its id and the reason at the end; the others are still coded.

With --workers N the articles are coded on a local Dask cluster of N worker
processes (each loads the model once); with --scheduler ADDRESS, on an existing
Dask cluster (start one with `dask scheduler` and `dask worker ADDRESS`, or
dask-jobqueue on SLURM/PBS).  Output and order are the same as without them.

On a terminal a progress line (articles, events, rate, ETA) is shown on stderr;
--quiet hides it and the summary.
Exit status: 0 all articles coded, 1 some failed, 2 usage error."""


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "code",
        help="code news articles into event records",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, URL, or - for standard input")
    parser.add_argument(
        "--published", metavar="YYYY-MM-DD", help="publication date for articles that carry none of their own"
    )
    parser.add_argument("--source", metavar="NAME", help="source (outlet) for articles that name none")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: table on a terminal, jsonl otherwise)",
    )
    parser.add_argument("--model", metavar="NAME", help="installed spaCy pipeline to use instead of the default")
    parser.add_argument(
        "--actors", action="append", default=[], metavar="FILE", help="extra actor dictionary (repeatable)"
    )
    parser.add_argument(
        "--patterns", action="append", default=[], metavar="FILE", help="extra event pattern file (repeatable)"
    )
    add_cluster_arguments(parser)
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress line and no summary (failures are still reported)"
    )
    return parser


def run(args: argparse.Namespace) -> int:
    stdin = sys.stdin.buffer if "-" in args.paths else None
    items = read_paths(args.paths, published=args.published, source=args.source, stdin=stdin)
    for option, files in (("--actors", args.actors), ("--patterns", args.patterns)):
        for path in files:
            if not os.path.isfile(path):
                raise UsageError(f"{option} {path}: no such file")
    parallel = wants_cluster(args)  # checked before anything starts
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    fmt = args.format or ("table" if out.isatty() else "jsonl")
    with contextlib.ExitStack() as stack:
        batches = _parallel(args, items, stack) if parallel else _serial(args, items)
        width = shutil.get_terminal_size((100, 24)).columns if out.isatty() else None
        writer = open_writer(fmt, out, width=width)
        progress = stack.enter_context(Progress(sys.stderr, enabled=not args.quiet))
        progress.count_in_background(args.paths)
        progress.tick_in_background()
        coded = events = 0
        failures: list[ArticleFailure] = []
        for batch in batches:
            before = (coded, events, len(failures))
            for item in batch:
                if isinstance(item, ArticleFailure):
                    failures.append(item)
                    continue
                article, article_events = item
                writer.write(article, article_events)
                coded += 1
                events += len(article_events)
            out.flush()
            progress.update(coded - before[0], events - before[1], len(failures) - before[2])
        progress.close()
    writer.close()
    out.flush()
    for failure in failures:
        report_failure(failure)
    if not args.quiet:
        print(f"eventcoder: {summary(coded, events, len(failures))}", file=sys.stderr)
    return 1 if failures else 0


Result = tuple[Article, list[Event]] | ArticleFailure


def _serial(args: argparse.Namespace, items: Iterable[Article | ArticleFailure]) -> Iterator[Sequence[Result]]:
    """Each result on its own, from a Coder in this process."""
    from ..pipeline import Coder  # imported here: loading spaCy is slow, --help should not be

    coder = Coder(model=args.model, actor_files=args.actors, pattern_files=args.patterns)
    log.debug("coder ready (model %s)", coder.settings.model)
    return ([item] for item in coder.code_many(items))


def _parallel(
    args: argparse.Namespace, items: Iterable[Article | ArticleFailure], stack: contextlib.ExitStack
) -> Iterator[Sequence[Result]]:
    """A partition's results at a time, in input order, from a Dask cluster (closed with `stack`)."""
    run = stack.enter_context(parallel_run(args))
    parts = run.code_partitions(items)
    stack.callback(parts.close)  # stop submitting before the cluster closes (e.g. on a closed pipe)
    return (part.items for part in parts)


# -- shared with other commands that code articles (e.g. ingest) ------------------------------


def add_cluster_arguments(parser: argparse.ArgumentParser) -> None:
    """--workers, --scheduler and --partition-size."""
    parser.add_argument(
        "--workers", type=int, metavar="N", help="code on a local Dask cluster of N worker processes"
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="code on an existing Dask cluster, e.g. tcp://scheduler.example.org:8786",
    )
    parser.add_argument(
        "--partition-size",
        type=int,
        default=100,
        metavar="N",
        help="articles per partition sent to a worker (with --workers/--scheduler; default 100)",
    )


def wants_cluster(args: argparse.Namespace) -> bool:
    """Whether --workers or --scheduler was given; checks them (UsageError) when so."""
    if args.workers is None and args.scheduler is None:
        return False
    from ..parallel import ClusterOptions

    ClusterOptions(workers=args.workers, scheduler=args.scheduler).check()
    return True


def parallel_run(args: argparse.Namespace, **options: Any) -> Any:
    """A `parallel.ParallelRun` for --workers/--scheduler and the coder options (enter it to start).

    It has `code_many` like `Coder`, so it can stand in for one.  Dask's own log
    records are dropped below ERROR unless -v was given.  `options` go to `ParallelRun`
    (e.g. out_dir, collect, read_back).
    """
    from ..parallel import CoderSpec, ParallelRun

    spec = CoderSpec.of(model=args.model, actor_files=args.actors, pattern_files=args.patterns)
    verbose = getattr(args, "verbose", False)
    log.debug("coding on Dask: %s", args.scheduler or f"{args.workers} local worker processes")
    return ParallelRun(
        workers=args.workers,
        scheduler=args.scheduler,
        spec=spec,
        partition_size=getattr(args, "partition_size", 100),
        log_level=logging.WARNING if verbose else logging.ERROR,
        **options,
    )


def report_failure(failure: ArticleFailure) -> None:
    """One line on stderr: ``eventcoder: <article_id> (<where>): <reason>``."""
    print(failure_line(failure), file=sys.stderr, flush=True)


def failure_line(failure: ArticleFailure) -> str:
    """``eventcoder: <article_id> (<where>): <reason>``."""
    where = f" ({failure.where})" if failure.where and failure.where != failure.article_id else ""
    return f"eventcoder: {failure.article_id}{where}: {failure.reason}"


def summary(coded: int, events: int, failed: int) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}" if n == 1 else f"{n} {word}s"

    return f"{plural(coded, 'article')} coded, {plural(events, 'event')}, {failed} failed"
