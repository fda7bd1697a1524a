"""`eventcoder code PATH...`: code articles into event records (a thin shell over `Coder.code_many`)."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
from typing import Any

from ..errors import UsageError
from ..export import FORMATS, open_writer
from ..ingest import read_paths
from ..types import ArticleFailure

log = logging.getLogger(__name__)

DESCRIPTION = """\
Code news articles into PLOVER event records.

PATH is a .txt file (one article; its id is the file name), a .jsonl file (one
article per line: id, text, and optional published, source, url, title), a .csv
file with the same columns and a header row, a directory of such files (read
recursively), or - for standard input (JSONL if every line starts with {,
otherwise one text article).

A bad article (empty, binary, not UTF-8, over the size limit, a malformed line) is
reported on stderr with its id and the reason; the others are still coded.
Exit status: 0 all articles coded, 1 some failed, 2 usage error."""


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "code",
        help="code news articles into event records",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, or - for standard input")
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
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary line at the end")
    return parser


def run(args: argparse.Namespace) -> int:
    stdin = sys.stdin.buffer if "-" in args.paths else None
    items = read_paths(args.paths, published=args.published, source=args.source, stdin=stdin)
    for option, files in (("--actors", args.actors), ("--patterns", args.patterns)):
        for path in files:
            if not os.path.isfile(path):
                raise UsageError(f"{option} {path}: no such file")
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    fmt = args.format or ("table" if out.isatty() else "jsonl")

    from ..pipeline import Coder  # imported here: loading spaCy is slow, --help should not be

    coder = Coder(model=args.model, actor_files=args.actors, pattern_files=args.patterns)
    log.debug("coder ready (model %s); writing %s", coder.settings.model, fmt)
    width = shutil.get_terminal_size((100, 24)).columns if out.isatty() else None
    writer = open_writer(fmt, out, width=width)
    coded = events = failed = 0
    for item in coder.code_many(items):
        if isinstance(item, ArticleFailure):
            failed += 1
            report_failure(item)
            continue
        article, article_events = item
        writer.write(article, article_events)
        out.flush()
        coded += 1
        events += len(article_events)
    writer.close()
    out.flush()
    if not args.quiet:
        print(f"eventcoder: {summary(coded, events, failed)}", file=sys.stderr)
    return 1 if failed else 0


def report_failure(failure: ArticleFailure) -> None:
    """One line on stderr: ``eventcoder: <article_id> (<where>): <reason>``."""
    where = f" ({failure.where})" if failure.where and failure.where != failure.article_id else ""
    print(f"eventcoder: {failure.article_id}{where}: {failure.reason}", file=sys.stderr, flush=True)


def summary(coded: int, events: int, failed: int) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}" if n == 1 else f"{n} {word}s"

    return f"{plural(coded, 'article')} coded, {plural(events, 'event')}, {failed} failed"
