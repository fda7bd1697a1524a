"""Derive src/eventcoder/data/events/discards.tsv from PETRARCH-2's Phoenix.discards.txt
plus our own list (tools/discards_manual/*.txt).

    python tools/derive_discards.py /work/shared/reference

Phoenix lines: `PHRASE  # comment`, '+' marks a story-level discard. We drop the
temporal entries ("WEEKS LATER", "YEARS AGO": not signs of a non-political story),
bare years and the historical person names (people from 1914-1971 lists), keeping
sport, entertainment and disaster phrases.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/eventcoder/data/events/discards.tsv"
TEMPORAL = re.compile(r"\b(LATER|AGO|19\d\d|20\d\d)\b")

HEADER = """\
# Discard phrases: a sentence (scope 'sentence') or a whole article (scope 'article') that
# contains one of these is sport, entertainment, technology or other non-political copy,
# and its events are not coded ("Arsenal attacked down the left").
# Sources: PETRARCH-2 Phoenix.discards.txt (openeventdata/petrarch2, MIT), filtered by
# tools/derive_discards.py (temporal phrases and bare years dropped), and phrases written by
# the eventcoder project (tools/discards_manual/, MIT). Matching is case-insensitive on tokens.
# Known problems: Phoenix entries were collected for 2000s wire copy and include dated names;
# a political sentence that mentions a sports event ("after the World Cup final, police
# arrested fans") is discarded too.
scope\tphrase\tsource
"""


def main(reference: str) -> None:
    rows: dict[str, tuple[str, str]] = {}
    for raw in Path(reference, "Phoenix.discards.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.isdigit() or TEMPORAL.search(line.upper()):
            continue
        scope = "article" if line.startswith("+") else "sentence"
        phrase = re.sub(r"\s+", " ", line.lstrip("+").strip().replace("_", " ")).lower()
        if len(phrase) >= 4:
            rows.setdefault(phrase, (scope, "phoenix"))
    for path in sorted((ROOT / "tools/discards_manual").glob("*.txt")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            scope = "article" if line.startswith("+") else "sentence"
            rows[line.lstrip("+").strip().lower()] = (scope, "eventcoder")
    with OUT.open("w", encoding="utf-8") as f:
        f.write(HEADER)
        for phrase, (scope, source) in sorted(rows.items()):
            f.write(f"{scope}\t{phrase}\t{source}\n")
    print(f"wrote {len(rows)} phrases to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
