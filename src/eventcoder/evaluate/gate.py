"""The eval gate: floors for the headline figures on our own gold set, pinned next to its sha256.

    python -m eventcoder.evaluate.gate                 # measure and compare with the floors
    python -m eventcoder.evaluate.gate --update        # raise floors to the figures minus the margin
    python -m eventcoder.evaluate.gate --update --allow-lower   # ... and lower the ones that fell

``--update`` never lowers a floor without ``--allow-lower`` (a figure below its floor keeps the
floor, is reported, and the exit status is 1); with it, every lowered floor is printed. Updating
also re-pins the gold file's sha256. tests/test_eval_gate.py runs the same comparison.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..pipeline import Coder

DEFAULT_FLOORS = Path("eval/floors.toml")
DEFAULT_GOLD = "gold/eventcoder-gold.jsonl"  # relative to the floors file
DEFAULT_MARGIN = 0.01

HEADER = """\
# Eval gate floors (see eventcoder/evaluate/gate.py; checked by tests/test_eval_gate.py).
# Each floor is a headline figure of `eventcoder evaluate` on the gold file below, minus the margin,
# rounded down to 3 decimals. The test fails when a figure drops below its floor or when the gold
# file's sha256 differs from the pinned one.
# Rewrite with: python -m eventcoder.evaluate.gate --update   (raises floors freely; lowering one
# needs --allow-lower). Do not edit the sha256 by hand.
"""


@dataclass(slots=True)
class Floors:
    gold: str  # path of the gold file, relative to the floors file
    sha256: str
    margin: float = DEFAULT_MARGIN
    floors: dict[str, float] = field(default_factory=dict)

    def gold_path(self, floors_file: Path) -> Path:
        return (floors_file.parent / self.gold).resolve()


@dataclass(slots=True)
class Update:
    floors: dict[str, float]
    added: list[str] = field(default_factory=list)
    raised: list[tuple[str, float, float]] = field(default_factory=list)
    lowered: list[tuple[str, float, float]] = field(default_factory=list)
    refused: list[tuple[str, float, float | None]] = field(default_factory=list)  # name, floor kept, figure


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_floors(path: Path) -> Floors:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    gold = data.get("gold", {})
    return Floors(
        gold=str(gold.get("path", DEFAULT_GOLD)),
        sha256=str(gold.get("sha256", "")),
        margin=float(data.get("gate", {}).get("margin", DEFAULT_MARGIN)),
        floors={str(k): float(v) for k, v in data.get("floors", {}).items()},
    )


def dump_floors(f: Floors) -> str:
    lines = [HEADER, "[gold]", f'path = "{f.gold}"', f'sha256 = "{f.sha256}"', "", "[gate]", f"margin = {f.margin}", "",
             "[floors]"]
    lines += [f"{name} = {value:.3f}" for name, value in f.floors.items()]
    return "\n".join(lines) + "\n"


def floor_for(figure: float, margin: float) -> float:
    """The figure minus the margin, rounded down to 3 decimals, never below 0."""
    return max(0.0, math.floor((figure - margin) * 1000 + 1e-6) / 1000)


def propose(old: Mapping[str, float], figures: Mapping[str, float | None], margin: float, allow_lower: bool) -> Update:
    """New floors from measured figures: raise freely, lower only when ``allow_lower``."""
    up = Update(floors=dict(old))
    for name, figure in figures.items():
        current = old.get(name)
        if figure is None:
            if current is not None:
                up.refused.append((name, current, None))
            continue
        new = floor_for(figure, margin)
        if current is None:
            up.floors[name] = new
            up.added.append(name)
        elif new > current:
            up.floors[name] = new
            up.raised.append((name, current, new))
        elif figure < current and allow_lower:
            # Only a figure that fell below its floor lowers it; one still above keeps its floor.
            up.floors[name] = new
            up.lowered.append((name, current, new))
        elif figure < current:
            up.refused.append((name, current, figure))
    return up


def below_floor(figures: Mapping[str, float | None], floors: Mapping[str, float]) -> list[str]:
    """One message per floor the figures do not reach (a missing figure fails its floor)."""
    out = []
    for name, floor in floors.items():
        figure = figures.get(name)
        if figure is None:
            out.append(f"{name}: no figure measured (floor {floor:.3f})")
        elif figure < floor:
            out.append(f"{name}: {figure:.4f} is below its floor {floor:.3f}")
    return out


def sha_message(gold: Path, pinned: str) -> str | None:
    actual = file_sha256(gold)
    if actual == pinned:
        return None
    return (
        f"{gold} changed (sha256 {actual[:12]}..., pinned {pinned[:12] or '-'}...); re-measure and re-pin the floors "
        f"with: python -m eventcoder.evaluate.gate --update (add --allow-lower if a figure went down)"
    )


def measure(gold: Path, coder: Coder | None = None) -> dict[str, float | None]:
    """The headline figures of the events evaluation of ``gold`` (loads a Coder unless given one)."""
    from .events import evaluate_events
    from .gold import read_gold
    from .metrics import headline

    if coder is None:
        from ..pipeline import Coder

        coder = Coder()
    return headline(evaluate_events(read_gold(gold), coder))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eventcoder.evaluate.gate", description=__doc__.splitlines()[0])
    ap.add_argument("--floors", type=Path, default=DEFAULT_FLOORS, help=f"floors file (default: {DEFAULT_FLOORS})")
    ap.add_argument("--gold", help="gold file, relative to the floors file (only to create or move it)")
    ap.add_argument("--update", action="store_true", help="rewrite the floors from the current figures")
    ap.add_argument("--allow-lower", action="store_true", help="with --update: also lower floors")
    ap.add_argument("--margin", type=float, help=f"with --update: margin below the figures (default {DEFAULT_MARGIN})")
    args = ap.parse_args(argv)

    if args.floors.exists():
        pinned = load_floors(args.floors)
    elif args.update:
        pinned = Floors(gold=DEFAULT_GOLD, sha256="")
    else:
        print(f"{args.floors}: no such file (create it with --update)", file=sys.stderr)
        return 2
    if args.gold:
        pinned.gold = args.gold
    if args.margin is not None:
        pinned.margin = args.margin
    gold = pinned.gold_path(args.floors)
    if not gold.is_file():
        print(f"{gold}: no such gold file", file=sys.stderr)
        return 2
    figures = measure(gold)
    for name, figure in figures.items():
        floor = pinned.floors.get(name)
        shown = "-" if figure is None else f"{figure:.4f}"
        print(f"{name:<32} {shown:>7}   floor {'-' if floor is None else f'{floor:.3f}'}")

    if not args.update:
        problems = below_floor(figures, pinned.floors)
        if (msg := sha_message(gold, pinned.sha256)) is not None:
            problems.insert(0, msg)
        for p in problems:
            print(f"FAIL {p}")
        return 1 if problems else 0

    up = propose(pinned.floors, figures, pinned.margin, args.allow_lower)
    new_sha = file_sha256(gold)
    if new_sha != pinned.sha256:
        print(f"gold sha256 re-pinned: {new_sha}")
    args.floors.write_text(
        dump_floors(Floors(pinned.gold, new_sha, pinned.margin, up.floors)), encoding="utf-8"
    )
    for name in up.added:
        print(f"added   {name} = {up.floors[name]:.3f}")
    for name, old, new in up.raised:
        print(f"raised  {name}: {old:.3f} -> {new:.3f}")
    for name, old, new in up.lowered:
        print(f"LOWERED {name}: {old:.3f} -> {new:.3f}")
    for name, old, figure in up.refused:
        shown = "none" if figure is None else f"{figure:.4f}"
        print(f"refused to lower {name}: floor {old:.3f} kept, figure {shown} (pass --allow-lower)")
    print(f"wrote {args.floors}")
    return 1 if up.refused else 0


if __name__ == "__main__":
    sys.exit(main())
