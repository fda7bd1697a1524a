"""How much place and date resolution add to the time of `eventcoder code`.

    .venv/bin/python benchmarks/places_dates_speed.py [--corpus PATH ...] [--limit N] [--profile N]

Parses real news from ../shared/corpora once with the Coder's spaCy pipeline (`nlp.pipe`), then
times, on the same parsed docs, the stages of `Coder._events`: actor mentions, `find_dates`,
`find_places` (with the mentions' countries as hints, as the Coder does) and event extraction.
Prints each stage's seconds and the share of dates + places in the whole of `code` (parse +
all stages); the bar in issue 4 is at most 15%.  `--profile N` prints the N most expensive
functions of find_places + find_dates under cProfile.  Skips when the corpora are absent.
A benchmark, not a test: it never fails, it reports.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from corpus import DEFAULT_CORPORA, read_rows  # benchmarks/corpus.py
BAR = 0.15


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, action="append", help="JSONL corpus (id, text[, published]); repeatable")
    ap.add_argument("--limit", type=int, default=600, help="articles (default 600)")
    ap.add_argument("--model", default=None)
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="print the N costliest functions of geo+dates")
    args = ap.parse_args(argv)
    rows = read_rows(args.corpus or DEFAULT_CORPORA, args.limit)
    if not rows:
        print("no corpus found (../shared/corpora absent): skipping", file=sys.stderr)
        return 0

    from eventcoder.dates import find_dates
    from eventcoder.geo import find_places
    from eventcoder.ingest.clean import clean_text
    from eventcoder.pipeline import Coder
    from eventcoder.types import Article

    coder = Coder(model=args.model)
    articles = [
        Article(id=str(r.get("id", i)), text=clean_text(r["text"]), published=r.get("published"))
        for i, r in enumerate(rows)
    ]
    words = sum(len(a.text.split()) for a in articles)
    list(coder.nlp.pipe([a.text for a in articles[:8]]))  # warm-up
    t0 = time.perf_counter()
    docs = list(coder.nlp.pipe([a.text for a in articles], batch_size=coder.settings.batch_size))
    t_parse = time.perf_counter() - t0

    # Warm the lazily built parts (gazetteer, date grammar, patterns) outside the timings.
    m0 = coder.mentions.find(docs[0], articles[0].published)
    find_dates(docs[0], articles[0].published)
    find_places(docs[0], coder.gazetteer, country_hints=m0.countries())

    t_mentions = t_dates = t_places = t_events = 0.0
    n_dates = n_places = 0
    for article, doc in zip(articles, docs):
        a = time.perf_counter()
        mentions = coder.mentions.find(doc, article.published)
        b = time.perf_counter()
        dates = find_dates(doc, article.published)
        c = time.perf_counter()
        places = find_places(doc, coder.gazetteer, country_hints=mentions.countries())
        d = time.perf_counter()
        coder.extractor.extract(doc, article, mentions, dates, places)
        e = time.perf_counter()
        t_mentions += b - a
        t_dates += c - b
        t_places += d - c
        t_events += e - d
        n_dates += len(dates)
        n_places += len(places)

    total = t_parse + t_mentions + t_dates + t_places + t_events
    rest = t_mentions + t_events
    n = len(articles)
    print(f"{n} articles, {words} words; {n_places} toponyms, {n_dates} date expressions")
    for name, secs in (
        ("spaCy parse (nlp.pipe)", t_parse), ("actor mentions", t_mentions), ("find_dates", t_dates),
        ("find_places", t_places), ("event extraction", t_events),
    ):
        print(f"  {name:<24} {secs:7.2f} s  {1000 * secs / n:7.2f} ms/article  {100 * secs / total:5.1f}% of code")
    share = (t_dates + t_places) / total
    print(f"dates + places: {t_dates + t_places:.2f} s = {100 * share:.1f}% of code "
          f"({100 * (t_dates + t_places) / t_parse:.1f}% of parsing, "
          f"{100 * (t_dates + t_places) / max(rest, 1e-9):.1f}% of mentions + events); bar {100 * BAR:.0f}%: "
          f"{'met' if share <= BAR else 'NOT met'}")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for article, doc in zip(articles, docs):
            find_dates(doc, article.published)
            find_places(doc, coder.gazetteer)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
