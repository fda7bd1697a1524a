"""The eval gate: `eventcoder evaluate` on our own gold set must not fall below the pinned floors.

Floors and the gold file's sha256 live in eval/floors.toml; raise them (or, deliberately, lower
them) with ``python -m eventcoder.evaluate.gate --update [--allow-lower]``. Runs the real Coder over
the whole gold file once per session; needs nothing outside the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.evaluate import gate

ROOT = Path(__file__).resolve().parents[1]
FLOORS_FILE = ROOT / "eval" / "floors.toml"
PINNED = gate.load_floors(FLOORS_FILE)
GOLD = PINNED.gold_path(FLOORS_FILE)


@pytest.fixture(scope="session")
def figures() -> dict[str, float | None]:
    from eventcoder.pipeline import Coder

    return gate.measure(GOLD, Coder())


def test_gold_file_is_the_pinned_one() -> None:
    message = gate.sha_message(GOLD, PINNED.sha256)
    assert message is None, message


@pytest.mark.parametrize("name", sorted(PINNED.floors))
def test_figure_is_at_or_above_its_floor(figures: dict[str, float | None], name: str) -> None:
    problems = gate.below_floor({name: figures.get(name)}, {name: PINNED.floors[name]})
    hint = " (if the drop is intended: python -m eventcoder.evaluate.gate --update --allow-lower)"
    assert not problems, problems[0] + hint
