"""Fixtures for the evaluation tests: the real Coder (spaCy model included), loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.pipeline import Coder

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
