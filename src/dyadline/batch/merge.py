"""The merge step of a batch run: parts into the store, in shard order, by this process alone.

Each shard's part is written in one transaction through ``Store.write`` (the single writer
``ingest`` uses), so the store ends as a single-process ingest of the same input leaves it. A
shard whose task failed is recorded as a ``ShardFailure`` and the rest goes on; a pipeline the
workers cannot build stops the run with its own error.
"""

from __future__ import annotations

import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyadline import errors
from dyadline.batch.parts import read_part
from dyadline.batch.worker import Outcome
from dyadline.errors import ConfigError, DyadlineError
from dyadline.model import Quarantined

if TYPE_CHECKING:
    from distributed import Future

    from dyadline.store import Store

__all__ = ["BatchSummary", "Merger", "Pending", "ShardFailure"]


@dataclass(frozen=True, slots=True)
class ShardFailure:
    """A shard whose articles were not coded in this run (a re-run retries them)."""

    index: int
    articles: int
    origins: str
    error: str

    def line(self) -> str:
        return (f"[E761] shard {self.index} ({self.articles} articles, {self.origins}) failed: "
                f"{self.error}: its articles are not stored; run the same command again to "
                "retry them")


@dataclass
class BatchSummary:
    read: int = 0  # articles read
    skipped: int = 0  # already stored (or earlier in this run): not coded again
    shards: int = 0  # shards coded by the workers in this run
    reused: int = 0  # parts an interrupted run had written, merged without coding again
    coded: int = 0
    events: int = 0
    failed: int = 0  # the coder failed on them (kept in quarantine)
    quarantined: int = 0  # unreadable records (kept in quarantine)
    failures: list[ShardFailure] = field(default_factory=list)
    store: dict[str, int] = field(default_factory=dict)  # the store's own counts
    run_id: int | None = None
    workers: int = 0  # worker threads of the cluster when the run started

    @property
    def exit_code(self) -> int:
        return 1 if self.quarantined or self.failed or self.failures else 0

    def line(self) -> str:
        s = self.store
        return (f"run {self.run_id} on {self.workers} Dask workers: {self.read} articles read, "
                f"{self.skipped} already stored, {self.shards} shards coded, {self.reused} "
                f"parts reused, {self.coded} coded ({self.events} events; {s.get('events', 0)} "
                f"new events, {s.get('merged', 0)} merged into known ones), "
                f"{self.quarantined} records quarantined, {self.failed} failed, "
                f"{len(self.failures)} shards failed")


@dataclass
class Pending:
    """One slice waiting for its merge: a task, a reused part, or quarantined records only."""

    index: int
    hashes: list[str]
    articles: int = 0
    origins: str = ""
    future: Future | None = None
    path: Path | None = None
    quarantined: tuple[Quarantined, ...] = ()

    def done(self) -> bool:
        return self.future is None or self.future.done()


def _setup_error(outcome: Outcome) -> DyadlineError:
    """The error that kept the workers from building the pipeline, as its own class."""
    cls = getattr(errors, outcome.error_class or "", None)
    if isinstance(cls, type) and issubclass(cls, DyadlineError) and outcome.error_code:
        return cls(outcome.error_code, outcome.error_message or "", where=outcome.error_where)
    return ConfigError("E963", f"the Dask workers cannot build the pipeline ({outcome.error}): "
                       "check that dyadline and its spaCy model are installed where the workers "
                       "run, with the same versions as here")


class Merger:
    """Merges items into the store in shard order (one transaction each) and keeps count."""

    def __init__(self, store: Store, run_id: int, summary: BatchSummary, keep: bool,
                 warn: Callable[[str], None], progress: Callable[[BatchSummary], None]) -> None:
        from dyadline.store import WriteSummary

        self.store, self.run_id, self.summary, self.keep = store, run_id, summary, keep
        self.warn, self.progress = warn, progress
        self.totals: WriteSummary = WriteSummary()
        self.queue: deque[Pending] = deque()
        self.pending: Counter[str] = Counter()  # content hashes of items not merged yet
        self.changed = threading.Event()  # set whenever a task ends

    def add(self, item: Pending) -> None:
        self.queue.append(item)
        self.pending.update(item.hashes)

    def _release(self, hashes: Iterable[str]) -> None:
        for h in hashes:
            self.pending[h] -= 1
            if self.pending[h] <= 0:
                del self.pending[h]

    def running(self) -> list[Future]:
        return [i.future for i in self.queue if i.future is not None and not i.future.done()]

    def track(self, future: Future) -> None:
        """Submit-side: wake ``wait_any`` when ``future`` ends, however it ends."""
        future.add_done_callback(lambda _f: self.changed.set())

    def wait_any(self, futures: Sequence[Future]) -> None:
        """Block until one of ``futures`` has ended."""
        while not any(f.done() for f in futures):
            self.changed.wait(timeout=1.0)
            self.changed.clear()

    def drain(self, *, wait: bool) -> None:
        """Merge the items at the head of the queue that are ready (all of them if ``wait``)."""
        while self.queue:
            head = self.queue[0]
            if not head.done():
                if not wait:
                    return
                assert head.future is not None
                self.wait_any([head.future])
            self.queue.popleft()
            self._merge(head)
            self._release(head.hashes)
            self.progress(self.summary)

    def cancel(self) -> None:
        for item in self.queue:
            if item.future is not None:
                item.future.cancel()

    def _write(self, coded: Sequence[Any], quarantined: Sequence[Quarantined]) -> None:
        self.totals = self.totals + self.store.write(coded, quarantined, run_id=self.run_id)
        self.summary.store = self.totals.to_dict()

    def _merge(self, item: Pending) -> None:
        path = item.path
        if item.future is not None:
            outcome = self._outcome(item)
            if outcome is None:
                return
            path = Path(outcome.path) if outcome.path else None
        if path is None:  # quarantined records only
            self._count_quarantined(item.quarantined)
            self._write([], item.quarantined)
            return
        try:
            part = read_part(path)
        except DyadlineError as exc:
            path.unlink(missing_ok=True)  # the next run codes the shard anew
            self._fail(item, str(exc))
            return
        self._count_quarantined(part.quarantined)
        for c in part.coded:
            if c.error:
                self.summary.failed += 1
                self.warn(f"warning: {c.article.origin}: {c.error}")
            else:
                self.summary.coded += 1
                self.summary.events += len(c.events)
        self._write(part.coded, part.quarantined)
        if not self.keep:
            path.unlink(missing_ok=True)

    def _outcome(self, item: Pending) -> Outcome | None:
        """The task's outcome; None (after recording it) when the shard failed."""
        assert item.future is not None
        if item.future.status != "finished":
            exc = item.future.exception() if item.future.status == "error" else None
            what = f"{exc.__class__.__name__}: {exc}" if exc else f"task {item.future.status}"
            self._fail(item, what)
            return None
        outcome: Outcome = item.future.result()
        if outcome.setup:
            self.cancel()
            raise _setup_error(outcome)
        if outcome.error:
            self._fail(item, outcome.error)
            return None
        return outcome

    def _fail(self, item: Pending, error: str) -> None:
        failure = ShardFailure(item.index, item.articles, item.origins, error)
        self.summary.failures.append(failure)
        self.warn(f"error: {failure.line()}")
        if item.quarantined:  # read on this machine: stored even though the shard failed
            self._count_quarantined(item.quarantined)
            self._write([], item.quarantined)

    def _count_quarantined(self, records: Iterable[Quarantined]) -> None:
        self.summary.quarantined += sum(1 for _ in records)


