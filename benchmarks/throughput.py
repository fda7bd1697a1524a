"""Throughput of `eventcoder code` against spaCy's own `nlp.pipe` on the same texts.

    .venv/bin/python benchmarks/throughput.py [--corpus PATH ...] [--limit N] [--model NAME]

Reads real news from ../shared/corpora (skips when absent), parses the same texts
with the bare spaCy pipeline (`nlp.pipe`, the same model, same batch size) and with
the whole coder (`Coder.code_many`: cleaning, parsing, mentions, events, dates,
places), and prints words per second for both and their ratio (wall clock and CPU
time, the latter less disturbed by other programs), and the share of the coder's CPU
time spent in the stages after parsing. Each side runs once after a warm-up batch;
model loading is excluded from both timings. This is a benchmark, not a test: it never
fails, it reports.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

from corpus import DEFAULT_CORPORA, read_rows  # benchmarks/corpus.py


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, action="append", help="JSONL corpus (id, text); repeatable")
    ap.add_argument("--limit", type=int, default=600, help="articles to code (default 600)")
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)

    rows = read_rows(args.corpus or DEFAULT_CORPORA, args.limit)
    if not rows:
        print("no corpus found (../shared/corpora absent): skipping", file=sys.stderr)
        return 0

    from eventcoder import Article, Coder
    from eventcoder.ingest.clean import clean_text

    coder = Coder(model=args.model)
    nlp = coder.nlp
    texts = [clean_text(r["text"]) for r in rows]
    words = sum(len(t.split()) for t in texts)
    batch = coder.settings.batch_size

    # Warm up both paths on a few texts (lazy loading, caches).
    list(nlp.pipe(texts[:8], batch_size=batch))
    list(coder.code_many(Article(id=f"warm{i}", text=t) for i, t in enumerate(texts[:8])))

    load0 = os.getloadavg()[0]
    t0, c0 = time.perf_counter(), time.thread_time()
    for _ in nlp.pipe(texts, batch_size=batch):
        pass
    spacy_s, spacy_cpu = time.perf_counter() - t0, time.thread_time() - c0

    # The stages after parsing (mentions, events, dates, places), timed inside the whole run.
    stages_cpu = 0.0
    stages = coder._events

    def timed_stages(article: Article, doc: Any) -> Any:
        nonlocal stages_cpu
        c = time.thread_time()
        try:
            return stages(article, doc)
        finally:
            stages_cpu += time.thread_time() - c

    coder._events = timed_stages  # type: ignore[method-assign]

    articles = (
        Article(id=str(r.get("id", i)), text=t, published=(r.get("published") or None) and str(r["published"])[:10])
        for i, (r, t) in enumerate(zip(rows, texts))
    )
    t0, c0 = time.perf_counter(), time.thread_time()
    n_events = 0
    for item in coder.code_many(articles):
        if isinstance(item, tuple):
            n_events += len(item[1])
    coder_s, coder_cpu = time.perf_counter() - t0, time.thread_time() - c0
    load1 = os.getloadavg()[0]

    spacy_wps = words / spacy_s
    coder_wps = words / coder_s
    print(f"articles {len(texts)}  words {words}  events {n_events}  model {coder.settings.model}")
    print(f"spaCy nlp.pipe    {spacy_wps:10.0f} words/s  ({spacy_s:.1f} s)")
    print(f"eventcoder code   {coder_wps:10.0f} words/s  ({coder_s:.1f} s)")
    print(f"ratio (eventcoder / spaCy) {coder_wps / spacy_wps:.2f} wall, {spacy_cpu / coder_cpu:.2f} CPU time")
    print(f"stages after parsing: {100 * stages_cpu / coder_cpu:.1f} % of eventcoder's CPU time "
          f"({100 * stages_cpu / spacy_cpu:.1f} % of spaCy's)")
    print(f"load average {load0:.1f} before, {load1:.1f} after, on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
