"""The event record as JSON: one per line (`jsonl`) or one array (`json`).

Both print exactly `Event.to_dict()` (the record of DESIGN.md), UTF-8 unescaped.
"""

from __future__ import annotations

import json
from typing import Any

from ..types import Event
from .base import EventWriter


def dumps(record: dict[str, Any]) -> str:
    """One record as compact JSON text (non-ASCII kept as is)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


class JsonlWriter(EventWriter):
    """One JSON object per line."""

    def write_event(self, event: Event) -> None:
        self.stream.write(dumps(event.to_dict()) + "\n")


class JsonWriter(EventWriter):
    """One JSON array, streamed: a record per line between the brackets."""

    def begin(self) -> None:
        self.count = 0
        self.stream.write("[")

    def write_event(self, event: Event) -> None:
        self.stream.write(("\n" if self.count == 0 else ",\n") + dumps(event.to_dict()))
        self.count += 1

    def end(self) -> None:
        self.stream.write("\n]\n" if self.count else "]\n")
