"""`eventcoder serve` refuses what would be unsafe before it binds anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.cli.main import main


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::"])
def test_a_non_loopback_host_needs_a_token_file(host: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(tmp_path / "e.duckdb"), "--host", host]) == 2
    assert "without a token" in capsys.readouterr().err
    assert not (tmp_path / "e.duckdb").exists()


@pytest.mark.parametrize(("content", "message"), [(None, "cannot read"), ("short", "too short")])
def test_a_missing_or_weak_token_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    token = tmp_path / "token.txt"
    if content is not None:
        token.write_text(content, encoding="utf-8")
    assert main(["serve", "--db", str(tmp_path / "e.duckdb"), "--host", "0.0.0.0", "--token-file", str(token)]) == 2
    assert message in capsys.readouterr().err
