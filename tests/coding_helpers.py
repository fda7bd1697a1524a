"""Helpers for tests that code a sentence and look at the events of one type (tests/ is on sys.path)."""

from __future__ import annotations

# the publication date the actor and event tests give articles unless a test names another
PUBLISHED = "2024-03-15"


def events_of_type(coder, text, event_type, published=None):
    """The events of `event_type` coded from `text`; fails the test when there are none."""
    events = [e for e in coder.code(text, published=published) if e.event_type == event_type]
    assert events, f"no {event_type} coded in {text!r}"
    return events


def events_published(coder, text, event_type, published=PUBLISHED):
    """`events_of_type` for an article published on `PUBLISHED` unless told otherwise."""
    return events_of_type(coder, text, event_type, published)
