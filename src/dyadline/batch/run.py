"""``run_batch``: code articles on a Dask cluster, then merge the parts into the store in order.

The client reads the input, skips what the store already holds, and submits one task per shard.
Workers write Parquet parts; only this process writes the database (DuckDB takes one writer),
one transaction per part, in shard order, so the store ends as a single-process ingest of the
same input leaves it. A failed shard is reported and the rest goes on; a re-run codes what is
missing and merges the parts an interrupted run left behind without coding them again.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dyadline.batch.merge import BatchSummary, Merger, Pending, ShardFailure
from dyadline.batch.parts import part_name, read_part_meta
from dyadline.batch.shards import Shard, coding_fingerprint, shard_key, slices
from dyadline.batch.worker import code_shard
from dyadline.errors import ConfigError, DyadlineError, StoreError
from dyadline.model import Article, Quarantined
from dyadline.settings import Settings

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["LOCAL_WORKER_CONFIG", "BatchSummary", "ShardFailure", "run_batch"]

# Dask starts worker processes with MALLOC_TRIM_THRESHOLD_=65536; on spaCy's parsing that cost
# a quarter more CPU per article (benchmarks/batch_throughput.py), so local workers go without.
LOCAL_WORKER_CONFIG = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


def _check(settings: Settings, shard_size: int) -> None:
    if shard_size < 1:
        raise ConfigError("E961", f"shard_size is {shard_size}: give 1 or more articles per "
                          "shard (--shard-size, the 'shard_size' setting)")
    if settings.dask_workers < 0:
        raise ConfigError("E961", f"dask_workers is {settings.dask_workers}: give the number "
                          "of local workers (--workers), or 0 for one per CPU core")


@contextmanager
def _client(settings: Settings, scheduler: str) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, or of a local cluster started for the run."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=30, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ConfigError("E962", f"cannot reach the Dask scheduler at {scheduler} "
                              f"({exc.__class__.__name__}: {exc}): start it ('dask scheduler' "
                              "and 'dask worker ADDRESS' on each machine), or leave --scheduler "
                              "out to run a local cluster") from None
        with client:
            yield client
        return
    workers = settings.dask_workers or os.cpu_count() or 1
    with dask.config.set(LOCAL_WORKER_CONFIG), \
            LocalCluster(n_workers=workers, threads_per_worker=1,
                         processes=settings.dask_processes, dashboard_address=":0",
                         silence_logs=logging.ERROR) as cluster, \
            Client(cluster, set_as_default=False) as client:
        yield client


def _sweep(parts: Path) -> None:
    """Remove the parts left in the folder (after a run that merged everything)."""
    for p in [*parts.glob("part-*.parquet"), *parts.glob("part-*.tmp")]:
        p.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # not empty: files that are not ours stay
        parts.rmdir()


def _reusable(path: Path) -> bool:
    """A part an earlier run wrote, complete and readable; a broken one is removed."""
    if not path.is_file():
        return False
    try:
        read_part_meta(path)
    except DyadlineError:
        path.unlink(missing_ok=True)
        return False
    return True


def run_batch(
    sources: Sequence[str],
    db: str,
    *,
    settings: Settings,
    scheduler: str | None = None,
    shard_size: int | None = None,
    parts_dir: str | Path | None = None,
    fmt: str | None = None,
    published: date | None = None,
    warn: Callable[[str], None] = lambda _msg: None,
    progress: Callable[[BatchSummary], None] = lambda _s: None,
) -> BatchSummary:
    """Code ``sources`` on Dask and store them in ``db``; returns what happened.

    ``scheduler`` (default: the ``dask_scheduler`` setting) is the address of a running
    scheduler; without one a local cluster of ``dask_workers`` workers runs for the call.
    ``shard_size`` and ``parts_dir`` default to the ``shard_size`` and ``batch_parts_dir``
    settings (the latter to ``DB.parts`` beside the database)."""
    from dyadline.articles import content_hash, read_articles
    from dyadline.store import Store

    size = settings.shard_size if shard_size is None else int(shard_size)
    address = settings.dask_scheduler if scheduler is None else scheduler
    _check(settings, size)
    summary = BatchSummary()
    fingerprint = coding_fingerprint(settings)
    values = dict(settings.values)
    keep = bool(settings.batch_keep_parts)
    with ExitStack() as stack:
        folder = parts_dir or settings.batch_parts_dir
        if not folder:
            folder = (stack.enter_context(tempfile.TemporaryDirectory(
                prefix="dyadline-parts-", ignore_cleanup_errors=True))
                      if db == ":memory:" else f"{db}.parts")
        parts = Path(folder).resolve()
        try:
            parts.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError("E762", f"cannot create the parts folder {parts} "
                             f"({exc.strerror or exc}): give a writable folder with the "
                             "'batch_parts_dir' setting") from None
        records = read_articles(sources, fmt=fmt, published=published, settings=settings)
        store = stack.enter_context(Store.open(db, dedup_threshold=settings.dedup_threshold))
        client = stack.enter_context(_client(settings, address))
        summary.workers = sum(client.nthreads().values())
        limit = max(2, 2 * summary.workers)
        summary.run_id = store.start_run({
            "sources": list(sources), "format": fmt, "published": published,
            "batch": {"scheduler": address or "local", "workers": summary.workers,
                      "shard_size": size}})
        merger = Merger(store, summary.run_id, summary, keep, warn, progress)

        def noted(recs: Iterable[Article | Quarantined]) -> Iterator[Article | Quarantined]:
            for rec in recs:
                if isinstance(rec, Quarantined):
                    warn(f"warning: [{rec.code}] {rec.origin}: {rec.reason}")
                yield rec

        for sl in slices(noted(records), size):
            summary.read += len(sl.articles)
            hashes = [content_hash(a.body) for a in sl.articles]
            known = store.known(hashes)
            fresh: list[Article] = []
            fresh_hashes: list[str] = []
            for article, h in zip(sl.articles, hashes, strict=True):
                if h in known or merger.pending[h] > 0 or h in fresh_hashes:
                    summary.skipped += 1
                else:
                    fresh.append(article)
                    fresh_hashes.append(h)
            if not fresh:
                if sl.quarantined:
                    merger.add(Pending(sl.index, [], quarantined=sl.quarantined))
                merger.drain(wait=False)
                continue
            shard = Shard(sl.index, shard_key(fingerprint, fresh, sl.quarantined), tuple(fresh),
                          sl.quarantined)
            path = parts / part_name(sl.index, shard.key)
            item = Pending(sl.index, fresh_hashes, len(fresh), shard.origins(),
                         quarantined=sl.quarantined)
            if _reusable(path):
                summary.reused += 1
                item.path = path
            else:
                summary.shards += 1
                item.future = client.submit(code_shard, shard, values, str(path), fingerprint,
                                            pure=False,
                                            key=f"dyadline-shard-{sl.index}-{uuid.uuid4().hex}")
                merger.track(item.future)
            merger.add(item)
            merger.drain(wait=False)
            while len(running := merger.running()) >= limit:
                merger.wait_any(running)
                merger.drain(wait=False)
        merger.drain(wait=True)
        summary.store = merger.totals.to_dict()
        store.finish_run(summary.run_id, merger.totals)
        if not summary.failures and not keep:
            _sweep(parts)
    return summary
