"""Running the pipeline on Dask: partitions of the input coded by worker processes; no NLP logic here.

`run_parallel` / `ParallelRun` (run.py) stream partitions (partition.py) to a local
or remote cluster (cluster.py); each worker builds one `Coder` from a `CoderSpec`
(spec.py, worker.py) and may write each partition as Parquet (parquet.py).
"""

from __future__ import annotations

from typing import Any

from .cluster import ClusterOptions
from .partition import Partition, PartitionResult, partitions
from .run import ParallelResults, ParallelRun, run_parallel
from .spec import CoderSpec

_PARQUET_NAMES = frozenset({"ARTICLE_SCHEMA", "EVENT_SCHEMA", "partition_paths", "write_partition"})


def __getattr__(name: str) -> Any:
    """The Parquet names, imported on first use: pyarrow is needed only by runs that write Parquet."""
    if name in _PARQUET_NAMES:
        from . import parquet

        return getattr(parquet, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "ARTICLE_SCHEMA",
    "EVENT_SCHEMA",
    "ClusterOptions",
    "CoderSpec",
    "ParallelResults",
    "ParallelRun",
    "Partition",
    "PartitionResult",
    "partition_paths",
    "partitions",
    "run_parallel",
    "write_partition",
]
