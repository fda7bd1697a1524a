"""Where to highlight an event in its article: sentence, trigger, actors, recipients, date and place.

Spans are character offsets into the article's clean text (as stored; the same offsets
as the record's and the ``entities`` table's).  A span is used when it lies in the text
and quotes what the record says it quotes; otherwise (a corrected name, a record without
a span) the quoted text is looked for in the event's sentence, then anywhere in the
article.  What cannot be found is left out: every span returned satisfies
``text[start:end] == span["text"]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def _valid(text: str, span: Any) -> tuple[int, int] | None:
    if not isinstance(span, (list, tuple)) or len(span) != 2:
        return None
    start, end = span
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        return start, end
    return None


def _search(text: str, needle: str, start: int, end: int) -> tuple[int, int] | None:
    at = text.find(needle, start, end)
    if at >= 0:
        return at, at + len(needle)
    window = text[start:end]
    folded = window.casefold()
    if len(folded) == len(window):  # offsets survive case folding
        at = folded.find(needle.casefold())
        if at >= 0:
            return start + at, start + at + len(needle)
    return None


def locate(text: str, span: Any, quoted: Sequence[str | None], sentence: tuple[int, int] | None) -> tuple[int, int] | None:
    """The span of the first of `quoted` found: at `span`, else in the sentence, else in the article."""
    found = _valid(text, span)
    wanted = [q for q in quoted if q and q.strip()]
    if found and (not wanted or text[found[0]:found[1]] in wanted):
        return found
    if sentence:
        for needle in wanted:
            hit = _search(text, needle, *sentence)
            if hit:
                return hit
    for needle in wanted:
        hit = _search(text, needle, 0, len(text))
        if hit:
            return hit
    return None


def event_spans(record: dict[str, Any], text: str) -> list[dict[str, Any]]:
    """The highlight spans of one event record in its article text, in reading order per role."""
    out: list[dict[str, Any]] = []
    sentence_ref = record.get("sentence") or {}
    sentence = locate(text, sentence_ref.get("span"), [sentence_ref.get("text")], None)

    def add(role: str, span: Any, *quoted: str | None) -> None:
        found = locate(text, span, list(quoted), sentence)
        if found:
            out.append({"role": role, "start": found[0], "end": found[1], "text": text[found[0]:found[1]]})

    if sentence:
        out.append({"role": "sentence", "start": sentence[0], "end": sentence[1], "text": text[sentence[0]:sentence[1]]})
    trigger = record.get("trigger") or {}
    add("trigger", trigger.get("span"), trigger.get("text"))
    for role in ("actor", "recipient"):
        for entity in record.get(role) or []:
            add(role, entity.get("span"), entity.get("entity_text"), entity.get("name"))
    if record.get("date_text") or record.get("date_span"):
        add("date", record.get("date_span"), record.get("date_text"))
    loc = record.get("event_loc") or {}
    if loc:
        add("place", loc.get("span"), loc.get("entity_text"), loc.get("name"))
    return out
