"""What runs on a Dask worker: one `Coder` per process (built once, cached), and coding one partition.

`code_partition` is the task the client submits.  The Coder is cached in this module
per worker process, keyed by the sha256 of its `CoderSpec`, so a worker loads spaCy
once however many partitions it codes.  A bad article fails alone exactly as in
`Coder.code_many`; should the batch itself raise an unexpected error, the partition
is coded again article by article so that only the culprit fails (with the error as
its reason) and the run goes on.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import EventcoderError
from ..types import ArticleFailure
from .partition import Item, Partition, PartitionResult, Result, partitions
from .spec import CoderSpec

if TYPE_CHECKING:
    from ..pipeline import Coder

log = logging.getLogger(__name__)

BATCH_CHARS = 50_000  # characters of text per Coder batch on a worker (memory bound, see code_partition)

_LOCK = threading.Lock()
_CODERS: dict[str, tuple[Coder, threading.Lock]] = {}


class CoderSetupError(Exception):
    """A worker could not build its Coder (model not installed, malformed data file).

    Carries the original error's class name and message as plain strings, so it
    survives the trip back to the client (the catalogue's errors take other arguments).
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(kind, message)
        self.kind = kind
        self.message = message

    def __str__(self) -> str:
        return self.message


def coder_for(spec: CoderSpec) -> tuple[Coder, threading.Lock]:
    """This process's Coder for `spec` (built on first use) and the lock that serialises its use."""
    key = spec.key()
    with _LOCK:
        entry = _CODERS.get(key)
        if entry is None:
            started = time.perf_counter()
            try:
                coder = spec.build()
            except EventcoderError as exc:
                raise CoderSetupError(type(exc).__name__, str(exc)) from None
            log.debug("pid %d: coder ready in %.1f s", os.getpid(), time.perf_counter() - started)
            entry = _CODERS[key] = (coder, threading.Lock())
    return entry


def code_partition(
    spec: CoderSpec,
    partition: Partition,
    out_dir: str | None = None,
    collect: bool = True,
    tag: str = "",
    batch_chars: int = BATCH_CHARS,
) -> PartitionResult:
    """Code one partition; write its Parquet files when `out_dir` is given; return the results.

    The partition goes through the Coder in batches of about `batch_chars` characters:
    spaCy's parser holds features for every token of a batch at once, so this bounds
    a worker's memory whatever the articles' lengths (64 long articles in one
    `nlp.pipe` batch take 1.6 GB; 50,000 characters, about 0.3 GB over the model).
    """
    started = time.perf_counter()
    coder, lock = coder_for(spec)
    results: list[Result] = []
    with lock:  # one Coder is not shared by two threads of a multi-threaded worker at once
        for batch in partitions(partition.items, size=len(partition.items) or 1, max_chars=batch_chars):
            results.extend(code_items(coder, batch.items))
    coded = [r for r in results if not isinstance(r, ArticleFailure)]
    failures = tuple(r for r in results if isinstance(r, ArticleFailure))
    failure_at = tuple(i for i, r in enumerate(results) if isinstance(r, ArticleFailure))
    files: tuple[str, ...] = ()
    if out_dir is not None:
        from .parquet import write_partition  # pyarrow only for runs that write Parquet

        files = write_partition(out_dir, partition.index, coded, tag)
    return PartitionResult(
        index=partition.index,
        items=tuple(results) if collect else (),
        articles=len(coded),
        events=sum(len(events) for _, events in coded),
        failures=failures,
        files=tuple(files),
        host=socket.gethostname(),
        pid=os.getpid(),
        seconds=time.perf_counter() - started,
        failure_at=failure_at,
    )


def code_items(coder: Coder, items: Sequence[Item]) -> list[Result]:
    """`coder.code_many(items)`, falling back to one article at a time if the batch raises."""
    try:
        return list(coder.code_many(items))
    except Exception:  # noqa: BLE001 - recorded below, article by article
        log.warning("a batch of %d items raised; coding them one by one", len(items), exc_info=True)
    results: list[Result] = []
    for item in items:
        if isinstance(item, ArticleFailure):
            results.append(item)
            continue
        try:
            results.extend(coder.code_many([item]))
        except Exception as exc:  # noqa: BLE001 - one bad article fails alone, with the reason
            log.warning("article %s raised", item.id, exc_info=True)
            results.append(ArticleFailure(item.id, f"internal error: {type(exc).__name__}: {exc}"))
    return results


__all__ = ["CoderSetupError", "code_items", "code_partition", "coder_for"]
