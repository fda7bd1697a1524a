"""A progress line for long runs: articles done (of how many), events, rate and ETA, on stderr.

It draws only on a terminal: in a pipe or a file, or with ``enabled=False``
(``--quiet``), every call is a no-op, so the command's output stays clean.

    progress = Progress(sys.stderr, enabled=not quiet)
    progress.count_in_background(paths)      # total for the bar and ETA, when it can be known
    for ...:
        progress.update(articles=1, events=n)
        progress.write("a message")          # a line of its own, above the progress line
    progress.close()                         # erases the line
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import TextIO

_BAR = 20
_COUNTED = (".jsonl", ".ndjson", ".csv", ".txt")


class Progress:
    """One self-rewriting line on a terminal; silent anywhere else."""

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        enabled: bool | None = None,
        total: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        interval: float = 0.2,
        width: int | None = None,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        tty = bool(isatty and isatty())
        self.enabled = tty if enabled is None else (enabled and tty)
        self.total = total
        self.articles = self.events = self.failed = 0
        self._clock = clock
        self._interval = interval
        self._width = width
        self._started = clock()
        self._first: tuple[float, int] | None = None  # (time, articles) at the first article
        self._drawn = 0.0
        self._shown = False
        self._lock = threading.Lock()
        self._closed = threading.Event()

    # -- counting ------------------------------------------------------------------------
    def update(self, articles: int = 0, events: int = 0, failed: int = 0) -> None:
        self.articles += articles
        self.events += events
        self.failed += failed
        if not self.enabled:
            return
        now = self._clock()
        if self._first is None and self.articles + self.failed > 0:
            self._first = (now, self.articles + self.failed)
        if now - self._drawn >= self._interval:
            self._drawn = now
            self.draw()

    def count_in_background(self, paths: Sequence[str]) -> None:
        """Estimate the number of input articles in a daemon thread; the bar and ETA appear when known."""
        if not self.enabled:
            return

        def count() -> None:
            self.total = estimate_articles(paths)

        threading.Thread(target=count, name="eventcoder-count", daemon=True).start()

    def tick_in_background(self, every: float = 1.0) -> None:
        """Redraw every `every` seconds until closed, so elapsed time and ETA move between updates."""
        if not self.enabled:
            return

        def tick() -> None:
            while not self._closed.wait(every):
                self.draw()

        self.draw()
        threading.Thread(target=tick, name="eventcoder-tick", daemon=True).start()

    # -- drawing -------------------------------------------------------------------------
    def rate(self) -> float | None:
        """Articles per second since the first article arrived (None before there is a second reading)."""
        if self._first is None:
            return None
        t0, n0 = self._first
        elapsed = self._clock() - t0
        done = self.articles + self.failed - n0
        return done / elapsed if elapsed > 0 and done > 0 else None

    def line(self) -> str:
        done = self.articles + self.failed
        total = self.total if self.total is not None and self.total >= done else None
        parts = []
        if total:
            filled = int(_BAR * done / total)
            parts.append(f"[{'#' * filled}{'.' * (_BAR - filled)}] {done:,}/{total:,} articles")
        else:
            parts.append(f"{done:,} articles")
        parts.append(f"{self.events:,} events")
        if self.failed:
            parts.append(f"{self.failed:,} failed")
        rate = self.rate()
        parts.append(f"{rate:,.1f} articles/s" if rate else "-- articles/s")
        if total and rate:
            parts.append(f"ETA {duration((total - done) / rate)}")
        else:
            parts.append(f"{duration(self._clock() - self._started)} elapsed")
        return "  ".join(parts)

    def draw(self) -> None:
        if not self.enabled:
            return
        width = self._width or shutil.get_terminal_size((100, 24)).columns
        with self._lock:
            if self._closed.is_set():
                return
            text = self.line()[: max(width - 1, 10)]
            self.stream.write("\r" + text + "\x1b[K")
            self.stream.flush()
            self._shown = True

    def write(self, text: str) -> None:
        """Print `text` as a line of its own on the stream, above the progress line (redrawn on the next tick).

        Unlike the progress line this is printed in a pipe and with ``enabled=False`` too:
        it is the command's own message (e.g. an article that failed).
        """
        with self._lock:
            if self.enabled and self._shown:
                self.stream.write("\r\x1b[K")
                self._shown = False
            self.stream.write(text + "\n")
            self.stream.flush()

    def close(self) -> None:
        """Erase the line (the caller prints its own summary); later draws do nothing."""
        with self._lock:
            self._closed.set()
            if self.enabled and self._shown:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
                self._shown = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def duration(seconds: float) -> str:
    """1h02m, 3m05s or 42s."""
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{secs}s"


def estimate_articles(paths: Sequence[str]) -> int | None:
    """About how many articles `paths` hold (lines of JSONL/CSV, one per .txt); None for standard input.

    An estimate for the progress bar only: a blank JSONL line or a multi-line CSV
    field makes it a little high.
    """
    total = 0
    for path in paths:
        if path == "-":
            return None
        if os.path.isdir(path):
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for name in filenames:
                    if not name.startswith("."):
                        total += _file_articles(os.path.join(dirpath, name))
        else:
            total += _file_articles(path)
    return total


def _file_articles(path: str) -> int:
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in _COUNTED:
        return 0
    if suffix == ".txt":
        return 1
    try:
        lines = _count_lines(path)
    except OSError:
        return 0
    return max(lines - 1, 0) if suffix == ".csv" else lines


def _count_lines(path: str) -> int:
    lines = 0
    last = b"\n"
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (0 if last == b"\n" else 1)
