"""Which browser packages of the web UI are missing (a wheel install ships no node_modules)."""

from __future__ import annotations

import json
from pathlib import Path

from eventcoder.api.app import missing_web_packages


def _web(tmp_path: Path, installed: list[str]) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"d3": "7.9.2", "world-atlas": "2.0.2"}}))
    for name in installed:
        (tmp_path / "node_modules" / name).mkdir(parents=True)
        (tmp_path / "node_modules" / name / "package.json").write_text("{}")
    return tmp_path


def test_the_installed_checkout_has_every_package() -> None:
    assert missing_web_packages() == []


def test_missing_packages_are_named(tmp_path: Path) -> None:
    assert missing_web_packages(_web(tmp_path, ["d3"])) == ["world-atlas"]
    assert missing_web_packages(_web(tmp_path / "none", [])) == ["d3", "world-atlas"]
