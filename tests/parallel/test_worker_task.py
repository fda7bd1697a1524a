"""The task a worker runs: one Coder per process, bad articles failing alone, Parquet when asked."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from parallel_helpers import failures, lines

from eventcoder.errors import ModelNotFoundError
from eventcoder.ingest import read_paths
from eventcoder.parallel import CoderSpec, Partition
from eventcoder.parallel import worker as worker_module
from eventcoder.parallel.worker import CoderSetupError, code_items, code_partition, coder_for
from eventcoder.types import Article, ArticleFailure


@pytest.fixture
def cached(coder, monkeypatch: pytest.MonkeyPatch) -> CoderSpec:
    """The default spec, with this process's cache already holding the session's Coder."""
    spec = CoderSpec()
    monkeypatch.setattr(worker_module, "_CODERS", {spec.key(): (coder, threading.Lock())})
    return spec


def test_a_partition_codes_like_the_serial_path(cached: CoderSpec, corpus: Path, serial) -> None:
    items = tuple(read_paths([str(corpus)]))
    result = code_partition(cached, Partition(0, items))
    assert lines(result.items) == lines(serial)
    assert result.failures == tuple(failures(serial))
    assert (result.articles, result.events) == (30, len(lines(serial)))


def test_not_collecting_returns_counts_and_files_only(cached: CoderSpec, corpus: Path, tmp_path: Path) -> None:
    items = tuple(read_paths([str(corpus)]))[:6]
    result = code_partition(cached, Partition(7, items), out_dir=str(tmp_path), collect=False)
    assert result.items == ()
    assert [Path(f).name for f in result.files] == ["events-000007.parquet", "articles-000007.parquet"]
    assert [f.article_id for f in result.failures] == ["empty-one"]


def test_the_coder_is_built_once_per_process_and_spec(cached: CoderSpec, coder) -> None:
    assert coder_for(cached)[0] is coder
    assert coder_for(CoderSpec.of(model=None))[0] is coder  # equal specs share the cache key


def test_a_missing_model_is_a_setup_error_that_survives_pickling(monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    monkeypatch.setattr(worker_module, "_CODERS", {})
    with pytest.raises(CoderSetupError) as caught:
        coder_for(CoderSpec(model="xx_no_such_pipeline"))
    again = pickle.loads(pickle.dumps(caught.value))
    assert again.kind == ModelNotFoundError.__name__
    assert "'xx_no_such_pipeline' is not installed" in str(again)


class Poisoned:
    """The real Coder, except that one article makes it raise an unexpected error."""

    def __init__(self, coder, poison: str) -> None:
        self.coder, self.poison = coder, poison

    def code_many(self, items):
        for item in items:
            if isinstance(item, Article) and item.id == self.poison:
                raise RuntimeError("boom")
        return self.coder.code_many(items)


def test_an_unexpected_error_fails_only_its_article(coder, corpus: Path, serial) -> None:
    items = list(read_paths([str(corpus)]))
    results = code_items(Poisoned(coder, "art-03"), items)
    (poisoned,) = [r for r in results if isinstance(r, ArticleFailure) and r.article_id == "art-03"]
    assert poisoned.reason == "internal error: RuntimeError: boom"
    expected = [r for r in serial if isinstance(r, ArticleFailure) or r[0].id != "art-03"]
    assert lines(results) == lines(expected)
    assert len(failures(results)) == len(failures(serial)) + 1
