"""The news corpora the speed benchmarks read: ../shared/corpora (copyrighted, never committed).

Shared by throughput.py, places_dates_speed.py and parallel_throughput.py, which run as
scripts from this folder (so `import corpus` finds this module).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = [
    ROOT.parent / "shared" / "corpora" / "guardian-syria-2017-2019.jsonl",
    ROOT.parent / "shared" / "corpora" / "bbc-news-2004-2005.jsonl",
]


def read_rows(paths: Sequence[Path], limit: int | None, fields: Sequence[str] | None = None) -> list[dict]:
    """The first `limit` JSONL rows (all with None) of the files that exist, in order; only the
    non-empty `fields` of each row when `fields` is given."""
    rows: list[dict] = []
    for path in paths:
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                rows.append(row if fields is None else {k: row[k] for k in fields if row.get(k)})
                if limit is not None and len(rows) >= limit:
                    return rows
    return rows
