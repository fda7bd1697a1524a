"""Loading the spaCy pipeline once per process, with our tokenizer repairs."""

from __future__ import annotations

import functools
import logging
import re
from importlib import resources

import spacy
from spacy.language import Language

from ..errors import ModelNotFoundError

log = logging.getLogger(__name__)


def _domain_pattern() -> re.Pattern[str]:
    raw = resources.files("eventcoder.data").joinpath("nlp/domain-suffixes.txt").read_text(encoding="utf-8")
    tlds = [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]
    return re.compile(r"^[A-Za-z][A-Za-z0-9-]*\.(?:" + "|".join(map(re.escape, tlds)) + r")$", re.IGNORECASE)


def _keep_outlet_names_whole(nlp: Language) -> None:
    """Make "News.Az" one token: the small model otherwise ends a sentence at its dot."""
    domain = _domain_pattern()
    previous = nlp.tokenizer.token_match

    def token_match(text: str):  # spaCy calls this with each candidate substring
        m = domain.match(text)
        if m:
            return m
        return previous(text) if previous else None

    nlp.tokenizer.token_match = token_match


@functools.lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or path (never downloads)."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFoundError(name) from exc
    _keep_outlet_names_whole(nlp)
    log.debug("loaded spaCy model %s with pipes %s", name, nlp.pipe_names)
    return nlp
