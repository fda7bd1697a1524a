"""The places stage: every toponym of a parsed document, resolved against the gazetteer."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ..nlp.tokens import doc_text
from ..types import Place
from .find import find_mentions
from .gazetteer import Gazetteer
from .resolve import resolve_mentions


def find_places(doc: Doc, gazetteer: Gazetteer | None = None, country_hints: Sequence[str] = ()) -> list[Place]:
    """Every toponym in ``doc``, resolved, in text order; ``doc.text[s:e] == place.entity_text``.

    ``country_hints`` (ISO alpha-3 codes, e.g. the source's country) bias ambiguous names.
    """
    gaz = gazetteer or Gazetteer.load()
    mentions = find_mentions(doc, gaz)
    return resolve_mentions(mentions, doc_text(doc), gaz, country_hints)
