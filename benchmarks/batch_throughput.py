"""Throughput of ``dyadline batch`` on a local Dask cluster against the single-process ingest.

    .venv/bin/python benchmarks/batch_throughput.py [--limit 200] [--workers 2] [--shard-size 20]

Takes the first LIMIT/2 articles of each file of ../shared/corpus, then times, each into a new
database: the single-process ingest (cold: with loading the pipeline; warm: pipeline loaded),
``run_batch`` with a local cluster of WORKERS processes started by the call (cold: cluster
start and one pipeline load per worker included), and ``run_batch`` on a cluster whose
workers have loaded their pipelines already (warm). Prints articles/s, CPU time and peak
memory, and how many stored event reports are identical to the ingest's. Wall times depend on
what else the machine runs: the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from dyadline.batch import run_batch
from dyadline.batch.run import LOCAL_WORKER_CONFIG
from dyadline.batch.shards import coding_fingerprint
from dyadline.batch.worker import pipeline_for, settings_key
from dyadline.ingest import ingest
from dyadline.model import Article
from dyadline.pipeline import Pipeline
from dyadline.settings import Settings, load_settings
from dyadline.store import Store

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def sample(limit: int, out: Path) -> int:
    files = sorted(CORPUS.glob("*.jsonl"))
    per_file = -(-limit // max(1, len(files)))
    lines: list[str] = []
    for f in files:
        with f.open(encoding="utf-8") as fh:
            lines.extend(line for _, line in zip(range(per_file), fh, strict=False))
    lines = lines[:limit]
    out.write_text("".join(lines), encoding="utf-8")
    return sum(len(json.loads(x)["text"].split()) for x in lines)


def events_of(db: str) -> list[tuple[object, ...]]:
    with Store.open(db, read_only=True) as s:
        rows = s.fetch("SELECT * EXCLUDE (id, run_id) FROM reports ORDER BY id")
    return [tuple(r.values()) for r in rows]


def compare(name: str, db: str, reference: list[tuple[object, ...]]) -> None:
    mine = events_of(db)
    same = sum(1 for a, b in zip(mine, reference, strict=False) if a == b)
    print(f"  {name}: {len(mine)} event reports, {same} identical to the ingest's "
          f"({len(reference)}) in content and order")


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM; ru_maxrss survives exec, so a spawned
    worker would report its parent's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def warm(pipe: Pipeline) -> bool:
    """Code one article, so that every resource the pipeline loads lazily is loaded."""
    text = "The Russian foreign minister met his Turkish counterpart in Ankara on Monday."
    return bool(list(pipe.code_articles([Article("warm", text, date(2021, 1, 1))])))


def warm_worker(key: object) -> bool:
    return warm(pipeline_for(key))  # type: ignore[arg-type]


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def timed(label: str, n: int, fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    result = fn()
    secs = time.perf_counter() - t0
    print(f"{label:58} {secs:7.1f} s  {n / secs:6.2f} articles/s", flush=True)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--shard-size", type=int, default=20)
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    import dask
    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "sample.jsonl"
        words = sample(args.limit, src)
        n = args.limit
        settings: Settings = load_settings(overrides={
            "dask_workers": args.workers, "shard_size": args.shard_size, "places_cache": True})
        print(f"{n} articles, {words} words; {args.workers} workers, shard size "
              f"{args.shard_size}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")

        def single(db: str, pipe: Pipeline | None = None) -> None:
            ingest([str(src)], db, settings=settings, pipeline=pipe)

        timed("ingest, one process, cold (pipeline load included)", n,
              lambda: single(f"{tmp}/ingest_cold.duckdb"))
        pipe = Pipeline(settings)
        warm(pipe)
        cpu0 = cpu_seconds()
        timed("ingest, one process, warm", n, lambda: single(f"{tmp}/ingest.duckdb", pipe))
        print(f"  CPU time {cpu_seconds() - cpu0:.1f} s; peak memory {peak_mb():.0f} MB")

        cold = timed(f"batch, new local cluster of {args.workers} processes, cold", n,
                     lambda: run_batch([str(src)], f"{tmp}/batch_cold.duckdb", settings=settings))
        print(f"  {cold.line()}")

        with dask.config.set(LOCAL_WORKER_CONFIG), \
                LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                             dashboard_address=":0", silence_logs=logging.ERROR) as cluster, \
                Client(cluster, set_as_default=False) as client:
            key = settings_key(dict(settings.values), coding_fingerprint(settings))
            client.run(warm_worker, key)
            before, cpu0 = client.run(cpu_seconds), cpu_seconds()
            summary = timed(f"batch, running cluster of {args.workers} processes, warm", n,
                            lambda: run_batch([str(src)], f"{tmp}/batch.duckdb",
                                              settings=settings, scheduler=cluster.scheduler_address))
            after, here = client.run(cpu_seconds), cpu_seconds() - cpu0
            rss = client.run(peak_mb)
        print(f"  {summary.line()}")
        print("  CPU time per worker: " + ", ".join(f"{after[w] - before[w]:.1f} s" for w in after)
              + f"; this process (reading, scheduler, merge): {here:.1f} s")
        print("  peak memory per worker: " + ", ".join(f"{v:.0f} MB" for v in rss.values()))
        reference = events_of(f"{tmp}/ingest.duckdb")
        compare("batch, cold", f"{tmp}/batch_cold.duckdb", reference)
        compare("batch, warm", f"{tmp}/batch.duckdb", reference)
        print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
