"""The client side: stream partitions to the cluster, a bounded number at a time, and results back.

    with ParallelRun(workers=2, spec=CoderSpec.of(model=None)) as run:
        for item in run.code(read_paths(["corpus.jsonl"])):    # (Article, events) | ArticleFailure
            ...
        run.files                                              # Parquet files written (with out_dir=)

With ``out_dir=DIR, collect=False, read_back=True`` the workers send back only their
failures and the file names, and `code` reads each partition's results from its
Parquet files (what `eventcoder ingest --workers` loads into the database).

The input is read lazily: at most `max_in_flight` partitions (default: two per worker
thread, plus two) are on the cluster at once, so the client never holds the corpus;
it reads two partitions per worker thread ahead, so that the input's last partitions
can be cut finer and the workers finish together (`partitions(tail=...)`).
Results come back in input order (`ordered=True`) or as partitions finish.  A worker
that dies costs a retry of the partitions it held (Dask reschedules them; the Parquet
files are replaced atomically); a partition that kills workers again and again (Dask's
`allowed-failures`) has its articles reported as failures and the run goes on.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any

from ..errors import EventcoderError, UsageError
from ..types import ArticleFailure
from .cluster import ClusterOptions, open_client, worker_threads
from .partition import PARTITION_CHARS, PARTITION_SIZE, Item, Partition, PartitionResult, Result, partitions
from .spec import CoderSpec
from .worker import BATCH_CHARS, CoderSetupError, code_partition

log = logging.getLogger(__name__)

WINDOW_REFRESH = 5.0  # seconds between looks at how many worker threads the cluster has
TAIL_PER_THREAD = 2  # the input's last partitions (this many per worker thread) are cut finer
_USER_ERRORS = ("ModelNotFoundError", "DataFileError", "UsageError")


class ParallelRun:
    """A connection to a Dask cluster (local or remote) that codes article streams on it."""

    def __init__(
        self,
        *,
        workers: int | None = None,
        scheduler: str | None = None,
        spec: CoderSpec | None = None,
        out_dir: str | os.PathLike[str] | None = None,
        collect: bool = True,
        read_back: bool = False,
        ordered: bool = True,
        partition_size: int = PARTITION_SIZE,
        partition_chars: int = PARTITION_CHARS,
        batch_chars: int = BATCH_CHARS,
        retries: int = 2,
        max_in_flight: int | None = None,
        tail_partitions: int | None = None,
        log_level: int = logging.WARNING,
    ) -> None:
        self.options = ClusterOptions(workers=workers, scheduler=scheduler, log_level=log_level)
        self.options.check()
        if partition_size < 1:
            raise UsageError(f"partition size must be at least 1, not {partition_size}")
        self.spec = spec if spec is not None else CoderSpec()
        self.out_dir = os.path.abspath(out_dir) if out_dir is not None else None
        if read_back and (out_dir is None or collect):
            raise UsageError("reading results back from Parquet needs an output directory and collect=False")
        self.collect = collect
        self.read_back = read_back
        self.ordered = ordered
        self.partition_size = partition_size
        self.partition_chars = partition_chars
        self.batch_chars = batch_chars
        self.retries = retries
        self.max_in_flight = max_in_flight
        self.tail_partitions = tail_partitions
        self.tag = uuid.uuid4().hex[:10]  # names this run's task keys and temporary files
        self.files: list[str] = []
        self.articles = self.events = self.failed = 0
        self.client: Any = None
        self._cluster: Any = None

    # -- connection ---------------------------------------------------------------------
    def open(self) -> ParallelRun:
        if self.client is None:
            if self.out_dir is not None:
                os.makedirs(self.out_dir, exist_ok=True)
            self.client, self._cluster = open_client(self.options)
        return self

    def close(self) -> None:
        client, cluster = self.client, self._cluster
        self.client = self._cluster = None
        try:
            if client is not None:
                client.close()
        finally:
            if cluster is not None:
                cluster.close()
            if self.out_dir is not None:
                from .parquet import remove_temporaries  # pyarrow only for runs that write Parquet

                remove_temporaries(self.out_dir, self.tag)

    def __enter__(self) -> ParallelRun:
        return self.open()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def worker_pids(self) -> dict[str, int]:
        """{worker address: process id} of the workers now connected."""
        return dict(self._require_client().run(os.getpid))

    # -- coding ---------------------------------------------------------------------------
    def code(self, items: Iterable[Item]) -> Iterator[Result]:
        """(Article, events) or ArticleFailure for each input item, in order.

        The results travel back with each partition, or (`read_back`) are read from the
        partition's Parquet files, which the workers and this process must then share;
        with neither, only the failures are yielded.
        """
        for result in self.code_partitions(items):
            if self.collect:
                yield from result.items
            elif self.read_back and result.files:
                yield from results_from_files(result)
            else:
                yield from result.failures

    code_many = code  # the batch interface of `Coder`: a ParallelRun can stand in for a Coder there

    def code_partitions(self, items: Iterable[Item]) -> Iterator[PartitionResult]:
        """One `PartitionResult` per partition of `items`, in input order unless `ordered=False`."""
        from distributed import wait

        client = self._require_client()
        threads = worker_threads(client)
        tail = self.tail_partitions if self.tail_partitions is not None else TAIL_PER_THREAD * threads
        source = partitions(items, self.partition_size, self.partition_chars, tail=tail)
        pending: dict[int, tuple[Any, Partition]] = {}
        exhausted = False
        window, sized = self.max_in_flight or 2 * threads + 2, time.monotonic()
        try:
            while True:
                if self.max_in_flight is None and time.monotonic() - sized > WINDOW_REFRESH:
                    window, sized = self._window(client), time.monotonic()  # workers may come and go
                while not exhausted and len(pending) < window:
                    part = next(source, None)
                    if part is None:
                        exhausted = True
                    else:
                        pending[part.index] = (self._submit(client, part), part)
                if not pending:
                    return
                if self.ordered:
                    index = min(pending)
                else:
                    finished = wait([f for f, _ in pending.values()], return_when="FIRST_COMPLETED").done
                    index = min(i for i, (f, _) in pending.items() if f in finished)
                future, part = pending.pop(index)
                result = self._outcome(future, part)
                future.release()
                self.files.extend(result.files)
                self.articles += result.articles
                self.events += result.events
                self.failed += len(result.failures)
                yield result
        finally:
            for future, _ in pending.values():
                future.cancel()

    def _window(self, client: Any) -> int:
        """Partitions to keep on the cluster: two per worker thread plus two, unless fixed."""
        return self.max_in_flight or 2 * worker_threads(client) + 2

    def _submit(self, client: Any, part: Partition) -> Any:
        return client.submit(
            code_partition,
            self.spec,
            part,
            self.out_dir,
            self.collect,
            self.tag,
            self.batch_chars,
            key=f"eventcoder-partition-{self.tag}-{part.index:06d}",
            retries=self.retries,
        )

    def _outcome(self, future: Any, part: Partition) -> PartitionResult:
        from distributed.scheduler import KilledWorker

        try:
            result: PartitionResult = future.result()
            return result
        except CoderSetupError as exc:
            if exc.kind in _USER_ERRORS:
                raise UsageError(f"on a Dask worker: {exc.message}") from None
            raise EventcoderError(f"on a Dask worker: {exc.message}") from None
        except KilledWorker as exc:
            log.warning("partition %d: workers died coding it (%s); its articles fail", part.index, exc)
            reason = "a Dask worker died each time it coded this article's partition"
            return lost_partition(part, reason, self.collect)
        except OSError as exc:
            raise EventcoderError(f"partition {part.index}: {exc}") from None

    def _require_client(self) -> Any:
        if self.client is None:
            raise RuntimeError("ParallelRun is not open: use it as a context manager or call open()")
        return self.client


def results_from_files(result: PartitionResult) -> Iterator[Result]:
    """A partition's results in input order: its coded articles from its Parquet files, its failures in place."""
    from .parquet import read_partition

    events_path, articles_path = result.files
    coded = iter(read_partition(events_path, articles_path))
    failures = dict(zip(result.failure_at, result.failures, strict=True))
    for position in range(result.articles + len(result.failures)):
        failure = failures.get(position)
        yield failure if failure is not None else next(coded)


def lost_partition(part: Partition, reason: str, collect: bool = True) -> PartitionResult:
    """A partition that could not be coded: each of its articles becomes a failure with `reason`."""
    failures = tuple(
        item if isinstance(item, ArticleFailure) else ArticleFailure(item.id, reason) for item in part.items
    )
    return PartitionResult(
        index=part.index, items=failures if collect else (), articles=0, events=0, failures=failures
    )


class ParallelResults(Iterator[Result]):
    """The results of `run_parallel`: iterate them; `files` lists the Parquet files written so far.

    The cluster is started on the first `next()` and closed when the results are
    exhausted, on `close()`, or on leaving a ``with`` block.
    """

    def __init__(self, run: ParallelRun, items: Iterable[Item]) -> None:
        self.run = run
        self._items = items
        self._results: Iterator[Result] | None = None

    @property
    def files(self) -> list[str]:
        return self.run.files

    def __iter__(self) -> ParallelResults:
        return self

    def __next__(self) -> Result:
        if self._results is None:
            self._results = self._generate()
        return next(self._results)

    def _generate(self) -> Iterator[Result]:
        with self.run:
            yield from self.run.code(self._items)

    def close(self) -> None:
        if self._results is not None:
            self._results.close()  # type: ignore[attr-defined]
        self.run.close()

    def __enter__(self) -> ParallelResults:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def run_parallel(
    items: Iterable[Item],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    out_dir: str | os.PathLike[str] | None = None,
    spec: CoderSpec | None = None,
    **options: Any,
) -> ParallelResults:
    """Code `items` on `workers` local processes or the cluster at `scheduler`.

    Yields (Article, events) | ArticleFailure in input order; with `out_dir`, each
    partition is also written there as Parquet (see `parallel.parquet`) and `.files`
    lists the files.  Other options are those of `ParallelRun`.
    """
    run = ParallelRun(workers=workers, scheduler=scheduler, out_dir=out_dir, spec=spec, **options)
    return ParallelResults(run, items)
