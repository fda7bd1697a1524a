"""Shared fixtures: one real Coder (real spaCy model, real data files) per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def coder():
    from eventcoder import Coder

    return Coder()
