"""`eventcoder evaluate GOLD.jsonl`: score the coder against labelled data (a thin shell over eventcoder.evaluate)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import Any

from ..errors import UsageError

log = logging.getLogger(__name__)

TASKS = ("events", "places", "dates")

DESCRIPTION = """\
Score eventcoder against a labelled gold file and print the figures.

--task events (default): GOLD is JSONL in the PLOVER gold-record form (a `gold`
object holding one event) or eventcoder's own form (an `events` list, see
eval/gold/README.md), detected per record. Reports per-type precision, recall and
F1 (micro and macro), a confusion matrix, and on matched events the accuracy of
actor/recipient country and sector, mode, factuality, date, place and attribution;
no-event precision on records without events; and for PLOVER records whether the
top (highest-confidence) event has the gold type and the gold countries.

--task places: GOLD holds `toponyms` [{span, text, lat, lon, geonameid, country}]:
share found (span overlap), precision, share resolved within 161 km, mean error.
--task dates: GOLD holds `timexes` [{span, text, type, value}]: share of DATE
expressions found and found with the exact TimeML value, precision.

--errors adds every miss, false alarm and wrong field, with the text, to study.
Exit status: 0 scored, 1 some texts could not be coded, 2 usage error."""


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "evaluate",
        help="score the coder against a labelled gold file",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("gold", metavar="GOLD.jsonl", help="labelled gold file (JSONL)")
    parser.add_argument("--task", choices=TASKS, default="events", help="what to score (default: events)")
    parser.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    parser.add_argument("--errors", action="store_true", help="also list every miss, false alarm and wrong field")
    parser.add_argument("--model", metavar="NAME", help="installed spaCy pipeline to use instead of the default")
    parser.add_argument("--limit", type=int, metavar="N", help="score only the first N records")
    return parser


def run(args: argparse.Namespace) -> int:
    from .. import evaluate as ev

    if not os.path.isfile(args.gold):
        raise UsageError(f"{args.gold}: no such file")
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit must be a positive number")
    readers = {"events": ev.read_gold, "places": ev.read_places, "dates": ev.read_dates}
    records = readers[args.task](args.gold)[: args.limit]

    from ..pipeline import Coder  # imported here: loading spaCy is slow, --help should not be

    coder = Coder(model=args.model)
    log.debug("coder ready (model %s); scoring %d records", coder.settings.model, len(records))
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    failures = 0
    if args.task == "events":
        scores: Any = ev.evaluate_events(records, coder)
        failures = len(scores.failures)
        table = ev.report.events_table
    elif args.task == "places":
        scores, table = ev.evaluate_places(records, coder), ev.report.places_table
    else:
        scores, table = ev.evaluate_dates(records, coder), ev.report.dates_table
    if args.format == "json":
        print(ev.report.to_json(scores, with_errors=args.errors, gold=args.gold, model=coder.settings.model), file=out)
    else:
        print(table(scores, args.gold, with_errors=args.errors), file=out)
    out.flush()
    return 1 if failures else 0
