"""The writer interface every output format implements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ..types import Article, Event


class EventWriter:
    """Writes event records to a text stream, one article's events at a time.

    `write` may be called for articles with no events (the table view lists them);
    `close` finishes the output (e.g. the closing bracket of a JSON array) but does
    not close the stream.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.started = False

    def write(self, article: Article, events: Sequence[Event]) -> None:
        if not self.started:
            self.started = True
            self.begin()
        for event in events:
            self.write_event(event)

    def close(self) -> None:
        if not self.started:
            self.started = True
            self.begin()
        self.end()

    def begin(self) -> None:
        """Anything printed before the first record (a header, an opening bracket)."""

    def write_event(self, event: Event) -> None:
        raise NotImplementedError

    def end(self) -> None:
        """Anything printed after the last record."""
