"""A stand-in `Coder` for testing the command line without the NLP stages.

`fake_coder` replaces the `eventcoder.pipeline` module for one test: every article
becomes one CONSULT event whose trigger is the article's first word, so the CLI's
reading, reporting, formats and exit statuses can be checked in-process.  The
subprocess tests in test_cli_code.py use the real Coder.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

import pytest

from eventcoder.config import load_settings
from eventcoder.errors import ArticleError, DataFileError, ModelNotFoundError
from eventcoder.ingest.clean import prepare_article
from eventcoder.types import Article, ArticleFailure, Entity, Event, TextRef


class FakeCoder:
    instances: ClassVar[list[FakeCoder]] = []

    def __init__(self, model: str | None = None, actor_files: Any = (), pattern_files: Any = ()) -> None:
        if model == "no_such_model":
            raise ModelNotFoundError(model)
        for path in pattern_files:
            if "broken" in str(path):
                raise DataFileError(str(path), 3, "pattern has no 'event_type'")
        self.settings = load_settings(model=model)
        self.model, self.actor_files, self.pattern_files = model, list(actor_files), list(pattern_files)
        FakeCoder.instances.append(self)

    def code_many(self, items: Iterable[Article | ArticleFailure]) -> Iterator[Any]:
        for item in items:
            if isinstance(item, ArticleFailure):
                yield item
                continue
            try:
                article = prepare_article(item, 1_000_000)
            except ArticleError as exc:
                yield ArticleFailure(exc.article_id, exc.reason, exc.where)
                continue
            yield article, [one_event(article)]


def one_event(article: Article) -> Event:
    word = article.text.split()[0]
    first = TextRef(word, (0, len(word)))
    actor = Entity(word, (0, len(word)), name=word, country="NOR", sector="GOV")
    return Event(
        id=f"{article.id}#0", event_type="CONSULT", mode="meet", context=(), cameo="040", quad_class=1,
        goldstein=1.0, actor=(actor,), recipient=(), trigger=first,
        sentence=TextRef(article.text, (0, len(article.text)), 0),
        factuality="asserted", attribution=None, confidence=1.0, evidence="fake", article=article,
        date=article.published, date_precision="day" if article.published else None,
    )


@pytest.fixture
def fake_coder(monkeypatch: pytest.MonkeyPatch) -> type[FakeCoder]:
    module = types.ModuleType("eventcoder.pipeline")
    module.Coder = FakeCoder  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "eventcoder.pipeline", module)
    FakeCoder.instances = []
    return FakeCoder
