"""Running the pipeline on Dask: partitions of the input coded by worker processes; no NLP logic here.

`run_parallel` / `ParallelRun` (run.py) stream partitions (partition.py) to a local
or remote cluster (cluster.py); each worker builds one `Coder` from a `CoderSpec`
(spec.py, worker.py) and may write each partition as Parquet (parquet.py).
"""

from __future__ import annotations

from .cluster import ClusterOptions
from .parquet import ARTICLE_SCHEMA, EVENT_SCHEMA, partition_paths, write_partition
from .partition import Partition, PartitionResult, partitions
from .run import ParallelResults, ParallelRun, run_parallel
from .spec import CoderSpec

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
