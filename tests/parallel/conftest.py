"""Fixtures for the parallel runner: a corpus we wrote, its serial results, one Dask cluster per module.

The real `Coder` comes from the session fixture `coder` (tests/conftest.py); the
cluster's workers build their own from the same defaults.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from parallel_helpers import write_corpus

from eventcoder.ingest import read_paths


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 articles, one empty article and one malformed line."""
    return write_corpus(tmp_path_factory.mktemp("corpus") / "corpus.jsonl")


@pytest.fixture(scope="session")
def serial(coder, corpus: Path) -> list:
    """What the serial path (`Coder.code_many`) makes of the corpus, in order."""
    return list(coder.code_many(read_paths([str(corpus)])))


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A two-process LocalCluster for one test module; yields its scheduler address."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    ) as local:
        yield local.scheduler_address
