"""Reads for exports and imports: every matching event in id order, in batches (with the
facts an export needs about the article that first reported it), and which article ids are
already stored."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dyadline.errors import QueryError
from dyadline.store.db import Store
from dyadline.store.queries import EventQuery, StoredEvent
from dyadline.store.queries import _stored as stored_event
from dyadline.store.queries import _where as event_where
from dyadline.store.sql import bulk as sql

__all__ = ["ArticleRef", "iter_events", "iter_events_with_articles", "stored_article_ids"]


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """What an export needs to know about the article that first reported an event."""

    id: str
    url: str | None
    outlet: str | None
    published: date | None
    ingested_at: datetime | None  # UTC
    lead_end: int  # where the body's first paragraph ends (character offset)


def _size(batch_size: int) -> int:
    if batch_size < 1:
        raise QueryError("E801", f"batch_size must be at least 1, got {batch_size}")
    return batch_size


def iter_events(store: Store, query: EventQuery | None = None, *, batch_size: int = 5000,
                order: str = "id") -> Iterator[list[StoredEvent]]:
    """Every event matching ``query`` in lists of up to ``batch_size``, in id order, or with
    ``order="day"`` by the day each is counted on (undated last), then id.

    The query's filters apply; its ``limit``, ``offset`` and ``order`` do not."""
    if order not in sql.BULK_ORDERS:
        raise QueryError("E801", f"order {order!r} is not one of {', '.join(sql.BULK_ORDERS)}")
    q, params = sql.events_in_order(event_where(store, query or EventQuery()), order)
    for rows in store.fetch_batches(q, params, _size(batch_size)):
        yield [stored_event(r) for r in rows]


def _ref(row: dict[str, Any]) -> ArticleRef:
    return ArticleRef(id=row["article_id"], url=row["article_url"],
                      outlet=row["article_outlet"], published=row["article_published"],
                      ingested_at=row["article_ingested_at"],
                      lead_end=int(row["article_lead_end"] or 0))


def iter_events_with_articles(store: Store, query: EventQuery | None = None, *,
                              batch_size: int = 5000,
                              ) -> Iterator[list[tuple[StoredEvent, ArticleRef]]]:
    """As ``iter_events``, each event with the article that first reported it."""
    q, params = sql.events_with_articles(event_where(store, query or EventQuery()))
    for rows in store.fetch_batches(q, params, _size(batch_size)):
        yield [(stored_event(r), _ref(r)) for r in rows]


def stored_article_ids(store: Store, ids: Iterable[str]) -> set[str]:
    """The given article ids that are already stored."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return set()
    return {r["id"] for r in store.fetch(sql.STORED_ARTICLE_IDS, [wanted])}
