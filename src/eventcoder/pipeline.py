"""The driver: read ─▶ clean ─▶ parse ─▶ mentions ─▶ events ─▶ dates ─▶ places ─▶ records.

`Coder` loads the spaCy model, the knowledge base, the patterns and the
gazetteer once, then codes articles one at a time (`code_article`) or in
batches through `nlp.pipe` (`code_many`).  A bad article raises
`ArticleError` (or is yielded as an `ArticleFailure` from `code_many`); it
never stops the batch.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from spacy.tokens import Doc

from .actors.kb import KnowledgeBase
from .actors.mentions import MentionFinder
from .config import Settings, load_settings
from .dates import find_dates
from .errors import ArticleError
from .events.discards import Discards
from .events.extract import EventExtractor
from .events.ontology import Ontology
from .events.patterns import PatternTable
from .geo import Gazetteer, find_places
from .ingest.clean import prepare_article
from .nlp.model import load_model
from .nlp.tokens import release, remember_text
from .types import Article, ArticleFailure, Event

log = logging.getLogger(__name__)


class Coder:
    """Codes news text into PLOVER event records.

    >>> coder = Coder()                                  # doctest: +SKIP
    >>> events = coder.code(text, published="2023-11-04")  # doctest: +SKIP
    """

    def __init__(
        self,
        model: str | None = None,
        actor_files: Sequence[str | os.PathLike[str]] = (),
        pattern_files: Sequence[str | os.PathLike[str]] = (),
        **overrides: Any,
    ) -> None:
        self.settings: Settings = load_settings(model=model, **overrides)
        self.nlp = load_model(self.settings.model)
        self.kb = KnowledgeBase.load(tuple(actor_files))
        self.ontology = Ontology.load()
        self.patterns = PatternTable.load(tuple(pattern_files))
        self.gazetteer = Gazetteer.load()
        self.mentions = MentionFinder(self.nlp, self.kb)
        self.extractor = EventExtractor(self.patterns, self.ontology, self.kb, Discards(self.nlp))

    # -- single article ---------------------------------------------------------------
    def code(
        self,
        text: str,
        published: str | None = None,
        source: str | None = None,
        id: str = "text",
        url: str | None = None,
        title: str | None = None,
    ) -> list[Event]:
        """Code one text; raises `ArticleError` when the text cannot be coded."""
        article = Article(id=id, text=text, published=published, source=source, url=url, title=title)
        return self.code_article(article)

    def code_article(self, article: Article) -> list[Event]:
        article = prepare_article(article, self.settings.max_article_bytes)
        return self._events(article, self.nlp(article.text))

    # -- batches ----------------------------------------------------------------------
    def code_many(
        self, items: Iterable[Article | ArticleFailure]
    ) -> Iterator[tuple[Article, list[Event]] | ArticleFailure]:
        """Code a stream of articles through `nlp.pipe`; failures pass through in order."""
        pending: list[ArticleFailure] = []
        ready = self._prepared(items, pending)
        docs = self.nlp.pipe(
            ((a.text, a) for a in ready), as_tuples=True, batch_size=self.settings.batch_size
        )
        for doc, article in docs:
            while pending:
                yield pending.pop(0)
            try:
                yield article, self._events(article, doc)
            except ArticleError as exc:
                yield ArticleFailure(exc.article_id, exc.reason, exc.where)
        while pending:
            yield pending.pop(0)

    def _prepared(
        self, items: Iterable[Article | ArticleFailure], failures: list[ArticleFailure]
    ) -> Iterator[Article]:
        """Clean and check each article; failures go to `failures` for the caller to report."""
        for item in items:
            if isinstance(item, ArticleFailure):
                failures.append(item)
                continue
            try:
                yield prepare_article(item, self.settings.max_article_bytes)
            except ArticleError as exc:
                failures.append(ArticleFailure(exc.article_id, exc.reason, exc.where))

    # -- the stages after parsing --------------------------------------------------------
    def _events(self, article: Article, doc: Doc) -> list[Event]:
        remember_text(doc, article.text)  # the stages read doc.text; spaCy would rebuild it on every read
        try:
            mentions = self.mentions.find(doc, article.published)
            dates = find_dates(doc, article.published)
            # The gazetteer weighs the article's own country mentions itself; country_hints are for
            # outside knowledge (e.g. the outlet's country), which we do not have here.
            places = find_places(doc, self.gazetteer)
            events = self.extractor.extract(doc, article, mentions, dates, places)
            return [e for e in events if e.confidence >= self.settings.min_confidence]
        finally:
            release(doc)  # the stages' per-doc caches refer to the doc: drop them so it is freed at once


def code_text(text: str, published: str | None = None, **kwargs: Any) -> list[Event]:
    """Convenience: code one text with a default `Coder` (loaded once per process)."""
    return _default_coder().code(text, published=published, **kwargs)


_DEFAULT: list[Coder] = []


def _default_coder() -> Coder:
    if not _DEFAULT:
        _DEFAULT.append(Coder())
    return _DEFAULT[0]
