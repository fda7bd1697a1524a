"""The eval gate's floors: raising is free, lowering needs --allow-lower, the gold file is pinned by sha256."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.evaluate import gate
from eventcoder.evaluate.gate import Floors, below_floor, dump_floors, floor_for, load_floors, propose


@pytest.mark.parametrize(("figure", "floor"), [(0.5718, 0.561), (0.6, 0.59), (0.005, 0.0), (1.0, 0.99)])
def test_floor_is_figure_minus_margin_rounded_down(figure: float, floor: float) -> None:
    assert floor_for(figure, 0.01) == pytest.approx(floor)


def test_propose_raises_adds_and_keeps() -> None:
    up = propose({"a": 0.5, "b": 0.5, "c": 0.5}, {"a": 0.7, "b": 0.505, "c": 0.51, "d": 0.3}, 0.01, allow_lower=False)
    assert up.floors == {"a": 0.69, "b": 0.5, "c": 0.5, "d": 0.29}
    assert up.raised == [("a", 0.5, 0.69)] and up.added == ["d"]
    assert up.lowered == [] and up.refused == []  # b and c are within the margin: kept, not refused


def test_propose_refuses_to_lower_without_the_flag() -> None:
    up = propose({"a": 0.5, "b": 0.5}, {"a": 0.4, "b": None}, 0.01, allow_lower=False)
    assert up.floors == {"a": 0.5, "b": 0.5}
    assert up.refused == [("a", 0.5, 0.4), ("b", 0.5, None)] and up.lowered == []


def test_propose_lowers_with_the_flag() -> None:
    up = propose({"a": 0.5, "b": 0.5}, {"a": 0.4, "b": 0.8}, 0.01, allow_lower=True)
    assert up.floors == {"a": 0.39, "b": 0.79}
    assert up.lowered == [("a", 0.5, 0.39)] and up.raised == [("b", 0.5, 0.79)] and up.refused == []


def test_below_floor_reports_drops_and_missing_figures() -> None:
    assert below_floor({"a": 0.5, "b": 0.49, "c": None}, {"a": 0.5, "b": 0.5, "c": 0.1, "d": 0.2}) == [
        "b: 0.4900 is below its floor 0.500",
        "c: no figure measured (floor 0.100)",
        "d: no figure measured (floor 0.200)",
    ]


def test_floors_file_round_trips(tmp_path: Path) -> None:
    f = Floors("gold/x.jsonl", "ab" * 32, 0.02, {"micro_f1": 0.561, "f1_AGREE": 0.5})
    path = tmp_path / "floors.toml"
    path.write_text(dump_floors(f), encoding="utf-8")
    assert load_floors(path) == f
    assert f.gold_path(path) == (tmp_path / "gold" / "x.jsonl").resolve()


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """A floors file over a small gold file, with `measure` replaced by figures the test sets."""
    (tmp_path / "gold").mkdir()
    gold_file = tmp_path / "gold" / "g.jsonl"
    gold_file.write_text('{"id": "1", "text": "x", "events": []}\n', encoding="utf-8")
    floors = tmp_path / "floors.toml"
    floors.write_text(dump_floors(Floors("gold/g.jsonl", gate.file_sha256(gold_file), 0.01,
                                         {"micro_f1": 0.5, "macro_f1": 0.4})), encoding="utf-8")
    state: dict[str, object] = {"floors": floors, "gold": gold_file, "figures": {}}
    monkeypatch.setattr(gate, "measure", lambda gold, coder=None: state["figures"])
    return state


def test_update_raises_and_repins_the_sha(workspace: dict, capsys: pytest.CaptureFixture[str]) -> None:
    workspace["gold"].write_text('{"id": "2", "text": "y", "events": []}\n', encoding="utf-8")
    workspace["figures"] = {"micro_f1": 0.7, "macro_f1": 0.405}
    assert gate.main(["--floors", str(workspace["floors"]), "--update"]) == 0
    f = load_floors(workspace["floors"])
    assert f.floors == {"micro_f1": 0.69, "macro_f1": 0.4}
    assert f.sha256 == gate.file_sha256(workspace["gold"])
    assert "raised  micro_f1: 0.500 -> 0.690" in capsys.readouterr().out


def test_update_refuses_to_lower_unless_allowed(workspace: dict, capsys: pytest.CaptureFixture[str]) -> None:
    workspace["figures"] = {"micro_f1": 0.3, "macro_f1": 0.6}
    assert gate.main(["--floors", str(workspace["floors"]), "--update"]) == 1
    assert load_floors(workspace["floors"]).floors == {"micro_f1": 0.5, "macro_f1": 0.59}
    assert "refused to lower micro_f1" in capsys.readouterr().out
    assert gate.main(["--floors", str(workspace["floors"]), "--update", "--allow-lower"]) == 0
    assert load_floors(workspace["floors"]).floors == {"micro_f1": 0.29, "macro_f1": 0.59}
    assert "LOWERED micro_f1: 0.500 -> 0.290" in capsys.readouterr().out


def test_check_fails_on_a_drop_and_on_a_changed_gold_file(workspace: dict, capsys: pytest.CaptureFixture[str]) -> None:
    workspace["figures"] = {"micro_f1": 0.55, "macro_f1": 0.45}
    assert gate.main(["--floors", str(workspace["floors"])]) == 0
    workspace["figures"] = {"micro_f1": 0.45, "macro_f1": 0.45}
    assert gate.main(["--floors", str(workspace["floors"])]) == 1
    assert "FAIL micro_f1: 0.4500 is below its floor 0.500" in capsys.readouterr().out
    workspace["figures"] = {"micro_f1": 0.55, "macro_f1": 0.45}
    workspace["gold"].write_text('{"id": "3", "text": "z", "events": []}\n', encoding="utf-8")
    assert gate.main(["--floors", str(workspace["floors"])]) == 1
    assert "re-pin the floors" in capsys.readouterr().out
