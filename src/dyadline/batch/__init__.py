"""The same pipeline driven by Dask over shards (``dyadline batch``).

    from dyadline.batch import run_batch
    summary = run_batch(["news/*.jsonl"], "news.duckdb", settings=load_settings())

Workers code shards of articles into Parquet parts (``batch.parts``); this process alone
merges the parts into the DuckDB store, one transaction per part, in input order. See
docs/batch.md.
"""

from __future__ import annotations

from dyadline.batch.parts import Part, part_name, read_part, write_part
from dyadline.batch.run import BatchSummary, ShardFailure, run_batch
from dyadline.batch.shards import Shard, Slice, coding_fingerprint, shard_key, slices
from dyadline.batch.worker import Outcome, code_shard, pipeline_for

__all__ = [
    "BatchSummary",
    "Outcome",
    "Part",
    "Shard",
    "ShardFailure",
    "Slice",
    "code_shard",
    "coding_fingerprint",
    "part_name",
    "pipeline_for",
    "read_part",
    "run_batch",
    "shard_key",
    "slices",
    "write_part",
]
