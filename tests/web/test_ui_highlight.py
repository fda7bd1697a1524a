"""The highlighter (static/js/highlight.js) run in the browser: marks nest, crossing spans are cut, text is kept."""

from __future__ import annotations

from typing import Any

import pytest
from web_helpers import Session, needs_browser

pytestmark = needs_browser

TEXT = "Before. Russian forces attacked Kharkiv on Tuesday, officials said. After."
SENTENCE = (8, 67)

RENDER = """([text, spans]) => import('/static/js/highlight.js').then(({highlighted}) => {
  const box = document.createElement('div');
  box.append(highlighted(text, spans));
  const roles = {};
  for (const m of box.querySelectorAll('[data-role]')) (roles[m.dataset.role] ||= []).push(m.textContent);
  return {text: box.textContent, roles, html: box.innerHTML,
          depth: Math.max(0, ...[...box.querySelectorAll('mark')].map(m => { let d = 0; for (let p = m; p !== box; p = p.parentNode) d++; return d; }))};
})"""


def span(role: str, word: str, nth: int = 0) -> dict[str, Any]:
    start = TEXT.index(word)
    for _ in range(nth):
        start = TEXT.index(word, start + 1)
    return {"role": role, "start": start, "end": start + len(word)}


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        # disjoint marks inside the sentence
        ([span("actor", "Russian forces"), span("trigger", "attacked"), span("recipient", "Kharkiv"),
          span("date", "Tuesday")],
         {"actor": ["Russian forces"], "trigger": ["attacked"], "recipient": ["Kharkiv"], "date": ["Tuesday"]}),
        # one span equal to another: both are kept, one inside the other
        ([span("recipient", "Kharkiv"), span("place", "Kharkiv")], {"recipient": ["Kharkiv"], "place": ["Kharkiv"]}),
        # a span inside another
        ([span("actor", "Russian forces"), span("place", "Russian")], {"actor": ["Russian forces"], "place": ["Russian"]}),
        # crossing spans: the second is cut at the first's end
        ([span("actor", "forces attacked"), span("trigger", "attacked Kharkiv")],
         {"actor": ["forces attacked"], "trigger": ["attacked", " Kharkiv"]}),
    ],
)
def test_spans_become_marks_holding_exactly_their_text(web: Session, spans: list[dict], expected: dict) -> None:
    web.open("/", ready="events")
    sentence = {"role": "sentence", "start": SENTENCE[0], "end": SENTENCE[1]}
    out = web.page.evaluate(RENDER, [TEXT, [sentence, *spans]])
    assert out["text"] == TEXT
    assert out["roles"].pop("sentence") == [TEXT[slice(*SENTENCE)]]
    assert out["roles"] == expected


@pytest.mark.parametrize(
    "spans",
    [
        [{"role": "actor", "start": -5, "end": 3}],  # clipped to the text
        [{"role": "actor", "start": 10, "end": 500}],
        [{"role": "actor", "start": 30, "end": 10}],  # empty: dropped
        [{"role": "actor", "start": "x", "end": 4}],
    ],
)
def test_bad_spans_never_lose_or_repeat_text(web: Session, spans: list[dict]) -> None:
    web.open("/", ready="events")
    out = web.page.evaluate(RENDER, [TEXT, spans])
    assert out["text"] == TEXT
    assert "<script" not in out["html"]
