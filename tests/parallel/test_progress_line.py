"""The progress line: drawn on a terminal only, with articles, events, rate and ETA; erased at the end."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from eventcoder.cli.main import main
from eventcoder.progress import Progress, duration, estimate_articles


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_terminal_shows_articles_events_rate_and_eta() -> None:
    term, clock = Terminal(), Clock()
    progress = Progress(term, total=100, clock=clock, interval=0, width=200)
    progress.update(articles=1, events=2)
    clock.now += 10
    progress.update(articles=19, events=40, failed=1)
    line = term.getvalue().split("\r")[-1]
    assert line == "[####................] 21/100 articles  42 events  1 failed  2.0 articles/s  ETA 40s\x1b[K"


def test_without_a_total_it_counts_and_shows_elapsed_time() -> None:
    term, clock = Terminal(), Clock()
    progress = Progress(term, clock=clock, interval=0, width=200)
    clock.now += 65
    progress.update(articles=3)
    assert term.getvalue().split("\r")[-1] == "3 articles  0 events  -- articles/s  1m05s elapsed\x1b[K"


@pytest.mark.parametrize(("stream", "enabled"), [(io.StringIO(), None), (Terminal(), False)])
def test_pipes_and_quiet_get_nothing(stream: io.StringIO, enabled: bool | None) -> None:
    progress = Progress(stream, enabled=enabled, interval=0)
    progress.update(articles=5, events=5)
    progress.tick_in_background()
    progress.close()
    assert stream.getvalue() == ""
    assert progress.articles == 5  # still counting


def test_closing_erases_the_line_and_later_draws_do_nothing() -> None:
    term = Terminal()
    progress = Progress(term, interval=0, width=80)
    progress.update(articles=1)
    progress.close()
    assert term.getvalue().endswith("\r\x1b[K")
    progress.draw()
    assert term.getvalue().endswith("\r\x1b[K")


@pytest.mark.parametrize("stream", [Terminal(), io.StringIO()])
def test_a_message_gets_a_line_of_its_own_above_the_progress_line(stream: io.StringIO) -> None:
    progress = Progress(stream, clock=Clock(), interval=0, width=80)
    progress.update(articles=1)
    progress.write("eventcoder: a1: empty article")
    assert stream.getvalue().split("\r\x1b[K")[-1] == "eventcoder: a1: empty article\n"
    progress.update(articles=1)
    assert stream.getvalue().endswith("2 articles  0 events  -- articles/s  0s elapsed\x1b[K") is stream.isatty()


def test_the_line_fits_the_terminal() -> None:
    term = Terminal()
    Progress(term, total=10**9, interval=0, width=30).update(articles=10**6, events=10**7)
    assert max(len(part.removesuffix("\x1b[K")) for part in term.getvalue().split("\r")) <= 29


@pytest.mark.parametrize(("seconds", "text"), [(0, "0s"), (59.6, "1m00s"), (3725, "1h02m")])
def test_durations(seconds: float, text: str) -> None:
    assert duration(seconds) == text


def test_the_total_is_estimated_from_lines_rows_and_files(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": 1}\n{"id": 2}\n{"id": 3}', encoding="utf-8")
    (tmp_path / "b.csv").write_text("id,text\n1,x\n2,y\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("hello", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an input\n", encoding="utf-8")
    assert estimate_articles([str(tmp_path / "a.jsonl")]) == 3
    assert estimate_articles([str(tmp_path)]) == 6
    assert estimate_articles([str(tmp_path), "-"]) is None


def test_serial_code_draws_progress_on_a_terminal_unless_quiet(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for quiet in (False, True):
        term = Terminal()
        monkeypatch.setattr("sys.stderr", term)
        status = main(["code", str(corpus), "--format", "jsonl", *(["--quiet"] if quiet else [])])
        assert status == 1
        shown = term.getvalue()
        assert ("articles/s" in shown) is not quiet
        assert shown.rsplit("\x1b[K", 1)[-1].splitlines()[0].startswith("eventcoder: empty-one")
    capsys.readouterr()
