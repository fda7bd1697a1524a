"""eventcoder: news text in, PLOVER event records out — offline, auditable, scalable.

    from eventcoder import Coder
    coder = Coder()
    for event in coder.code(text, published="2023-11-04"):
        print(event.to_dict())
"""

from __future__ import annotations

import logging

from .errors import ArticleError, EventcoderError
from .types import Article, ArticleFailure, Attribution, DateExpr, Entity, Event, Place, TextRef

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str):
    # The coder pulls in spaCy; import it only when asked for.
    if name in ("Coder", "code_text"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)


__all__ = [
    "Coder",
    "code_text",
    "Article",
    "ArticleFailure",
    "Attribution",
    "DateExpr",
    "Entity",
    "Event",
    "Place",
    "TextRef",
    "EventcoderError",
    "ArticleError",
    "__version__",
]
