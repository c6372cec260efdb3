"""Read, code and store articles: what ``dyadline ingest`` does.

Articles whose content is already stored are skipped before parsing. Each batch is coded and
then written in one transaction, so an interrupted ingest (even kill -9) loses at most the batch
in flight and a re-run stores it without duplicating anything. Bad records are written to the
quarantine table with their reason, and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any

from dyadline.coding import split_records
from dyadline.model import Article, CodedArticle, Quarantined
from dyadline.pipeline import Pipeline
from dyadline.settings import Settings

__all__ = ["IngestSummary", "ingest"]


@dataclass
class IngestSummary:
    read: int = 0  # articles read
    skipped: int = 0  # already stored: not parsed again
    coded: int = 0
    events: int = 0
    failed: int = 0  # the coder failed on them (kept in quarantine)
    quarantined: int = 0  # unreadable records (kept in quarantine)
    store: dict[str, int] = field(default_factory=dict)  # the store's own counts
    run_id: int | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.quarantined or self.failed else 0

    def line(self) -> str:
        s = self.store
        return (f"run {self.run_id}: {self.read} articles read, {self.skipped} already stored, "
                f"{self.coded} coded ({self.events} events; {s.get('events', 0)} new events, "
                f"{s.get('merged', 0)} merged into known ones), {s.get('near_duplicates', 0)} "
                f"near-duplicates linked, {self.quarantined} records quarantined, "
                f"{self.failed} failed")


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def ingest(
    sources: Sequence[str],
    db: str,
    *,
    settings: Settings,
    fmt: str | None = None,
    published: date | None = None,
    warn: Callable[[str], None] = lambda _msg: None,
    progress: Callable[[IngestSummary], None] = lambda _s: None,
    pipeline: Pipeline | None = None,
    batch_size: int | None = None,
) -> IngestSummary:
    """Ingest ``sources`` into the database ``db``; returns what happened."""
    from dyadline.articles import content_hash, read_articles
    from dyadline.store import Store, WriteSummary

    pipe = pipeline or Pipeline(settings)
    summary = IngestSummary()
    totals = WriteSummary()
    size = batch_size or max(8, settings.batch_size * 2)
    with Store.open(db, dedup_threshold=settings.dedup_threshold) as store:
        args: dict[str, Any] = {"sources": list(sources), "format": fmt, "published": published}
        summary.run_id = store.start_run(args)
        pending_bad: list[Quarantined] = []

        def bad(q: Quarantined) -> None:
            summary.quarantined += 1
            warn(f"warning: [{q.code}] {q.origin}: {q.reason}")
            pending_bad.append(q)

        records = read_articles(sources, fmt=fmt, published=published, settings=settings)
        for batch in _batches(split_records(records, bad), size):
            summary.read += len(batch)
            known = store.known(content_hash(a.body) for a in batch)
            fresh = [a for a in batch if content_hash(a.body) not in known]
            summary.skipped += len(batch) - len(fresh)
            coded: list[CodedArticle] = []
            for c in pipe.code_articles(fresh):
                coded.append(c)
                if c.error:
                    summary.failed += 1
                    warn(f"warning: {c.article.origin}: {c.error}")
                else:
                    summary.coded += 1
                    summary.events += len(c.events)
            totals = totals + store.write(coded, pending_bad, run_id=summary.run_id)
            pending_bad.clear()
            summary.store = totals.to_dict()
            progress(summary)
        if pending_bad:
            totals = totals + store.write([], pending_bad, run_id=summary.run_id)
        summary.store = totals.to_dict()
        store.finish_run(summary.run_id, totals)
    return summary
