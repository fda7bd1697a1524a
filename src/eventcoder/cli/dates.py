"""`eventcoder dates PATH...`: every date expression of each article, resolved to a TimeML value.

A thin shell over `eventcoder.dates.find_dates`, parsing with the `Coder`'s spaCy pipeline through
`nlp.pipe`; relative expressions are resolved against the article's publication date.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..types import Article
from .places import add_common_arguments, drive

DATE_COLUMNS = ("text", "value", "precision")

DESCRIPTION = """\
Find every date expression in news articles and resolve it against the article's
publication date ("last Tuesday", "next month", "March 3").

PATH is read as by `eventcoder code`: a .txt, .jsonl or .csv file, a directory of
them, or - for standard input. Output: one record per expression with article (id),
text, span [start, end), value in TimeML form (2013-03-22, 2013-W11, 2013-03,
2013-Q1, 2013, PRESENT_REF, or a duration such as P3D; null when a relative
expression has no publication date to anchor it) and precision (day, week, month,
quarter, year, or null).

A bad article is reported on stderr with its id and the reason; the others go on.
Exit status: 0 all articles read, 1 some failed, 2 usage error."""


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "dates",
        help="find and resolve the date expressions in news articles",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_common_arguments(parser)
    return parser


def date_records(coder: Any, article: Article, doc: Any) -> list[dict[str, Any]]:
    from ..dates import find_dates

    return [{"article": {"id": article.id}, **d.to_dict()} for d in find_dates(doc, article.published)]


def run(args: argparse.Namespace) -> int:
    return drive(args, date_records, DATE_COLUMNS, "date expression")
