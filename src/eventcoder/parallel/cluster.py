"""Connecting to Dask: a LocalCluster of worker processes on this machine, or an existing scheduler."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from ..errors import UsageError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ClusterOptions:
    """Where to run: `workers` local processes, or the Dask scheduler at `scheduler`.

    `log_level` is the level below which Dask's own log records are dropped, in the
    worker processes of a local cluster and in this process (Dask's `silence_logs`);
    command-line front ends pass ERROR unless asked to be verbose.
    """

    workers: int | None = None
    scheduler: str | None = None
    log_level: int = logging.WARNING
    connect_timeout: float | None = None  # seconds; None: Dask's distributed.comm.timeouts.connect

    def check(self) -> None:
        if self.workers is not None and self.scheduler is not None:
            raise UsageError("give either --workers or --scheduler, not both")
        if self.workers is None and self.scheduler is None:
            raise UsageError("give --workers N (a local cluster) or --scheduler ADDRESS (an existing one)")
        if self.workers is not None and self.workers < 1:
            raise UsageError(f"--workers must be at least 1, not {self.workers}")
        if self.scheduler is not None and not self.scheduler.strip():
            raise UsageError("--scheduler needs an address, e.g. tcp://scheduler.example.org:8786")


# Dask settings for a local cluster (read by the scheduler, nannies and workers when they start).
# Each of its processes otherwise wakes every 20-500 ms for housekeeping that only a dashboard or a
# large shared cluster needs: measured idle, a 2-worker cluster then burns ~10% of one core (client
# 5%, each worker 2%), ~2% with these, CPU taken from the parsing workers on a small machine.
LOCAL_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,  # the statistical profiler feeds only the dashboard
    "distributed.admin.system-monitor.interval": "2s",  # CPU/memory/IO samples for the dashboard (500ms)
    "distributed.admin.tick.interval": "1s",  # event-loop latency watchdog (20ms)
    "distributed.worker.memory.monitor-interval": "500ms",  # memory-limit checks (100ms)
}


def open_client(options: ClusterOptions) -> tuple[Any, Any]:
    """A connected `distributed.Client` and the LocalCluster it started (None for an existing scheduler).

    A local cluster has `workers` processes with one thread each (spaCy is not made
    faster by threads), no dashboard (nothing to serve offline; no port to clash), no
    worker profiler and slower housekeeping timers (`LOCAL_CONFIG`), and Dask's
    default memory limits.  Raises `UsageError` when the scheduler cannot be
    reached.
    """
    options.check()
    from distributed import Client, LocalCluster  # imported here: only parallel runs need Dask

    if options.scheduler is not None:
        try:
            timeout = options.connect_timeout
            client = Client(options.scheduler, **({"timeout": timeout} if timeout is not None else {}))
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {options.scheduler}: {exc}") from None
        log.debug("connected to %s (%d workers)", options.scheduler, len(client.scheduler_info()["workers"]))
        return client, None
    import dask

    with dask.config.set(LOCAL_CONFIG):
        cluster = LocalCluster(
            n_workers=options.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # the scheduler still serves HTTP (health, metrics): any free port, never a clash on 8787
            silence_logs=options.log_level,
        )
    try:
        client = Client(cluster)
    except BaseException:
        cluster.close()
        raise
    log.debug("local cluster of %d worker processes at %s", options.workers, cluster.scheduler_address)
    return client, cluster


def worker_threads(client: Any) -> int:
    """Threads across the cluster's workers now (at least 1, so a window can be sized before any joins)."""
    workers = client.scheduler_info().get("workers", {})
    return max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))
