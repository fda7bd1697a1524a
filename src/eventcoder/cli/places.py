"""`eventcoder places PATH...`: every toponym of each article, resolved against the gazetteer.

A thin shell over `eventcoder.geo.find_places`, parsing with the `Coder`'s spaCy pipeline through
`nlp.pipe`; the article's country mentions bias ambiguous names exactly as in `eventcoder code`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TextIO

from ..errors import ArticleError
from ..ingest import read_paths
from ..ingest.clean import prepare_article
from ..types import Article, ArticleFailure
from .code import report_failure

FORMATS = ("jsonl", "table")
PLACE_COLUMNS = ("entity_text", "name", "country", "admin1", "feature_code", "lat", "lon", "score")

DESCRIPTION = """\
Find every place name (toponym) in news articles and resolve it against the offline
GeoNames gazetteer. Demonyms and adjectives that name a place ("Turkish") count as
toponyms of that place.

PATH is read as by `eventcoder code`: a .txt, .jsonl or .csv file, a directory of
them, or - for standard input. Output: one record per toponym with article (id),
entity_text, span [start, end), name, geonameid, lat, lon, country (ISO alpha-3),
admin1, feature_code and score (0-1).

A bad article is reported on stderr with its id and the reason; the others go on.
Exit status: 0 all articles read, 1 some failed, 2 usage error."""


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """Input and output options shared by `places` and `dates`."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, or - for standard input")
    parser.add_argument(
        "--published", metavar="YYYY-MM-DD", help="publication date for articles that carry none of their own"
    )
    parser.add_argument("--source", metavar="NAME", help="source (outlet) for articles that name none")
    parser.add_argument(
        "--format", choices=FORMATS, help="output format (default: table on a terminal, jsonl otherwise)"
    )
    parser.add_argument("--model", metavar="NAME", help="installed spaCy pipeline to use instead of the default")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary line at the end")


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "places",
        help="find and resolve the place names in news articles",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_common_arguments(parser)
    return parser


def parsed_articles(coder: Any, items: Iterable[Article | ArticleFailure]) -> Iterator[tuple[Article, Any] | ArticleFailure]:
    """(article, spaCy Doc) pairs through `nlp.pipe`, failures passed through in order."""
    pending: list[ArticleFailure] = []

    def ready() -> Iterator[Article]:
        for item in items:
            if isinstance(item, ArticleFailure):
                pending.append(item)
                continue
            try:
                yield prepare_article(item, coder.settings.max_article_bytes)
            except ArticleError as exc:
                pending.append(ArticleFailure(exc.article_id, exc.reason, exc.where))

    docs = coder.nlp.pipe(((a.text, a) for a in ready()), as_tuples=True, batch_size=coder.settings.batch_size)
    for doc, article in docs:
        while pending:
            yield pending.pop(0)
        yield article, doc
    while pending:
        yield pending.pop(0)


def drive(
    args: argparse.Namespace,
    records_of: Callable[[Any, Article, Any], list[dict[str, Any]]],
    columns: Sequence[str],
    noun: str,
) -> int:
    """Read, parse and print one record per item found; shared by `places` and `dates`."""
    stdin = sys.stdin.buffer if "-" in args.paths else None
    items = read_paths(args.paths, published=args.published, source=args.source, stdin=stdin)
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    fmt = args.format or ("table" if out.isatty() else "jsonl")

    from ..pipeline import Coder  # imported here: loading spaCy is slow, --help should not be

    coder = Coder(model=args.model)
    read = found = failed = 0
    for item in parsed_articles(coder, items):
        if isinstance(item, ArticleFailure):
            failed += 1
            report_failure(item)
            continue
        article, doc = item
        try:
            recs = records_of(coder, article, doc)
        except ArticleError as exc:
            failed += 1
            report_failure(ArticleFailure(exc.article_id, exc.reason, exc.where))
            continue
        write_records(out, fmt, article, recs, columns)
        out.flush()
        read += 1
        found += len(recs)
    out.flush()
    if not args.quiet:
        arts = "article" if read == 1 else "articles"
        print(f"eventcoder: {read} {arts} read, {found} {noun}{'' if found == 1 else 's'}, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


def write_records(out: TextIO, fmt: str, article: Article, recs: list[dict[str, Any]], columns: Sequence[str]) -> None:
    if fmt == "jsonl":
        for r in recs:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    out.write(f"== {article.id}" + (f" ({article.published})" if article.published else "") + "\n")
    rows = [["span", *columns]] + [[f"{r['span'][0]}-{r['span'][1]}", *(_cell(r.get(c)) for c in columns)] for r in recs]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        out.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() + "\n")
    out.write("\n")


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value)


def place_records(coder: Any, article: Article, doc: Any) -> list[dict[str, Any]]:
    from ..geo import find_places

    out = []
    for p in find_places(doc, coder.gazetteer):
        out.append({"article": {"id": article.id}, **p.to_dict(with_score=True)})
    return out


def run(args: argparse.Namespace) -> int:
    return drive(args, place_records, PLACE_COLUMNS, "toponym")
