"""Control: how often does news with no political content yield a violent or coercive event?

    .venv/bin/python benchmarks/control_bbc.py [--corpus PATH] [--limit N] [--top 30] [--json]

Codes the BBC News 2004-2005 articles of the categories sport, entertainment and tech and prints
the share of articles yielding any *asserted* ASSAULT, COERCE, THREATEN, SANCTION or MOBILIZE
event (issue 3's floor: at most 10%), per category and overall; then the most common offending
triggers and the worst offending sentences (highest confidence first), to study. Skips (exit 0)
when the corpus is absent. Exit 1 when the share is above the floor. Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

DEFAULT_CORPUS = Path("/work/shared/corpora/bbc-news-2004-2005.jsonl")
CATEGORIES = ("sport", "entertainment", "tech")
HOSTILE = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE"})
FLOOR = 0.10


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--categories", nargs="+", default=list(CATEGORIES))
    ap.add_argument("--limit", type=int, default=None, help="at most N articles per category")
    ap.add_argument("--top", type=int, default=30, help="offending sentences to list")
    ap.add_argument("--model", default=None)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} not found")
        return 0

    from eventcoder.pipeline import Coder
    from eventcoder.types import Article, ArticleFailure

    per_cat: dict[str, list[dict]] = {c: [] for c in args.categories}
    for line in args.corpus.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            if rec.get("category") in per_cat and (args.limit is None or len(per_cat[rec["category"]]) < args.limit):
                per_cat[rec["category"]].append(rec)
    category_of = {r["id"]: c for c, recs in per_cat.items() for r in recs}

    coder = Coder(model=args.model)
    articles = [Article(id=r["id"], text=r["text"], published=r.get("published"), title=r.get("title"))
                for recs in per_cat.values() for r in recs]
    t0 = time.perf_counter()
    flagged: Counter[str] = Counter()
    flagged_with_actor = 0  # articles that stay flagged when events without an actor are ignored
    actorless = 0  # offending events with no actor at all
    total: Counter[str] = Counter()
    failed = 0
    offences: list[tuple[float, str, str, str, str, str]] = []  # confidence, id, type, mode, trigger, sentence
    triggers: Counter[str] = Counter()
    for item in coder.code_many(articles):
        if isinstance(item, ArticleFailure):
            failed += 1
            continue
        article, events = item
        cat = category_of[article.id]
        total[cat] += 1
        bad = [e for e in events if e.event_type in HOSTILE and e.factuality == "asserted"]
        if bad:
            flagged[cat] += 1
            flagged_with_actor += any(e.actor for e in bad)
            actorless += sum(not e.actor for e in bad)
        for e in bad:
            offences.append((e.confidence, article.id, e.event_type, e.mode or "-", e.trigger.text, e.sentence.text))
            triggers[f"{e.event_type} {e.trigger.text.lower()}"] += 1
    seconds = time.perf_counter() - t0

    n_all, f_all = sum(total.values()), sum(flagged.values())
    share = f_all / n_all if n_all else 0.0
    figures = {
        "articles": n_all,
        "flagged": f_all,
        "share": round(share, 4),
        "floor": FLOOR,
        "per_category": {c: {"articles": total[c], "flagged": flagged[c],
                             "share": round(flagged[c] / total[c], 4) if total[c] else None} for c in args.categories},
        "offending_events": len(offences),
        "offending_events_without_actor": actorless,
        "share_ignoring_actorless_events": round(flagged_with_actor / n_all, 4) if n_all else None,
        "failed": failed,
        "seconds": round(seconds, 1),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"articles with an asserted {'/'.join(sorted(HOSTILE))} event (floor <= {FLOOR:.0%})")
        for c in args.categories:
            pc = figures["per_category"][c]
            print(f"  {c:<14} {pc['flagged']:>4}/{pc['articles']:<4} {pc['share'] or 0:.3f}")
        print(f"  {'all':<14} {f_all:>4}/{n_all:<4} {share:.3f}   ({failed} failed, {seconds:.0f}s)")
        print(f"  {actorless} of {len(offences)} offending events have no actor; ignoring those, the share would be "
              f"{figures['share_ignoring_actorless_events']:.3f}")
        print("\nmost common offending triggers")
        for trig, n in triggers.most_common(25):
            print(f"  {n:>4}  {trig}")
        print(f"\nworst offending sentences (top {args.top} by confidence)")
        for conf, aid, etype, mode, trig, sent in sorted(offences, key=lambda o: (-o[0], o[1]))[: args.top]:
            print(f"  {conf:.2f} {aid} {etype}/{mode} [{trig}] {' '.join(sent.split())[:220]}")
    return 0 if share <= FLOOR else 1


if __name__ == "__main__":
    sys.exit(main())
