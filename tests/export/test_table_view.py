"""table output: a compact view for people on a terminal."""

from __future__ import annotations

import io

import pytest

from eventcoder.export import open_writer
from eventcoder.types import Article, Event


def render(events: list[Event], width: int = 100, article: Article | None = None) -> str:
    article = article or (events[0].article if events else Article("lima-1.txt", "x", "2023-11-04", "Wire Ñ"))
    out = io.StringIO()
    writer = open_writer("table", out, width=width)
    writer.write(article, events)
    writer.close()
    return out.getvalue()


def test_table_shows_who_did_what_to_whom_when_where(events: list[Event]) -> None:
    text = render(events, width=120)
    assert text.splitlines()[0] == "lima-1.txt  (published 2023-11-04, Wire Ñ)"
    assert "CONSULT/visit" in text
    assert "Ana Reyes [PER GOV] → President of Chile [CHL GOV]" in text
    assert "2023-11-03 · Santiago [CHL] · asserted · “met”" in text
    assert "Peru [PER GOV], officials [GOV] → Bolivia [BOL]" in text
    assert "reported by officials · “accused”" in text


@pytest.mark.parametrize("width", [80, 100, 120])
def test_table_lines_fit_the_terminal(events: list[Event], width: int) -> None:
    assert all(len(line) <= width for line in render(events, width).splitlines())


def test_table_lists_an_article_without_events() -> None:
    assert render([]) == "lima-1.txt  (published 2023-11-04, Wire Ñ)\n  (no events)\n"
