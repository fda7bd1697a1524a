"""Throughput of `eventcoder code` against spaCy's own `nlp.pipe` on the same texts.

    .venv/bin/python benchmarks/throughput.py [--corpus PATH ...] [--limit N] [--model NAME]

Reads real news from ../shared/corpora (skips when absent), parses the same texts
with the bare spaCy pipeline (`nlp.pipe`, the same model, same batch size) and with
the whole coder (`Coder.code_many`: cleaning, parsing, mentions, events, dates,
places), and prints words per second for both and their ratio. Each side runs once
after a warm-up batch; model loading is excluded from both timings. This is a
benchmark, not a test: it never fails, it reports.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = [
    ROOT.parent / "shared" / "corpora" / "guardian-syria-2017-2019.jsonl",
    ROOT.parent / "shared" / "corpora" / "bbc-news-2004-2005.jsonl",
]


def read_texts(paths: list[Path], limit: int) -> list[dict]:
    rows: list[dict] = []
    for path in paths:
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as f:
            for line in f:
                rows.append(json.loads(line))
                if len(rows) >= limit:
                    return rows
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, action="append", help="JSONL corpus (id, text); repeatable")
    ap.add_argument("--limit", type=int, default=600, help="articles to code (default 600)")
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)

    rows = read_texts(args.corpus or DEFAULT_CORPORA, args.limit)
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

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch):
        pass
    spacy_s = time.perf_counter() - t0

    articles = (
        Article(id=str(r.get("id", i)), text=t, published=(r.get("published") or None) and str(r["published"])[:10])
        for i, (r, t) in enumerate(zip(rows, texts))
    )
    t0 = time.perf_counter()
    n_events = 0
    for item in coder.code_many(articles):
        if isinstance(item, tuple):
            n_events += len(item[1])
    coder_s = time.perf_counter() - t0

    spacy_wps = words / spacy_s
    coder_wps = words / coder_s
    print(f"articles {len(texts)}  words {words}  events {n_events}  model {coder.settings.model}")
    print(f"spaCy nlp.pipe    {spacy_wps:10.0f} words/s  ({spacy_s:.1f} s)")
    print(f"eventcoder code   {coder_wps:10.0f} words/s  ({coder_s:.1f} s)")
    print(f"ratio (eventcoder / spaCy) {coder_wps / spacy_wps:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
