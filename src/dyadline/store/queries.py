"""Named read queries over the event database: events, their reports, one article.

The CLI and the HTTP API are thin layers over these functions; every result is a frozen
record with ``to_dict`` for JSON.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dyadline.errors import QueryError
from dyadline.model import MODALITIES, Actor, Article, Event, Flag
from dyadline.store.db import Store
from dyadline.store.rows import (
    article_from_row,
    as_date,
    event_from_row,
    flag_from_row,
    mention_from_row,
)
from dyadline.store.sql import reads as sql

__all__ = [
    "MAX_LIMIT",
    "ArticleDetail",
    "EventQuery",
    "Report",
    "StoredEvent",
    "article_detail",
    "count_events",
    "event_reports",
    "events",
    "get_event",
]

MAX_LIMIT = 10_000
_CAMEO = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events to list. Every filter is optional; filters combine with AND.

    ``actor``/``dyad`` values follow the actor rule (``RUS`` = codes starting with RUS;
    ``Putin`` = name or text contains it). ``since``/``until`` select events whose
    date span overlaps the window. ``said_by``, ``outlet``, ``article`` and ``text`` match any
    report of the event. ``modality`` is one of ``negated``, ``attributed``, ``future``,
    ``hypothetical`` or ``asserted`` (no modality)."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    directed: bool = False
    cameo: str | None = None  # a code and its children: "04" , "042", "0421"
    root: str | None = None
    quad: int | None = None
    since: date | str | None = None
    until: date | str | None = None
    said_by: str | None = None
    place_country: str | None = None
    outlet: str | None = None
    modality: str | None = None
    article: str | None = None
    text: str | None = None
    include_uncertain: bool = True
    limit: int = 100
    offset: int = 0
    order: str = "date"


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """One deduplicated event: its first report's reading, and how often it was reported."""

    id: int
    event: Event  # as read from the first article that reported it (event.article_id)
    mentions: int  # reports
    sources: int  # distinct outlets
    articles: int  # distinct articles (versions of one URL count once)
    stories: int  # distinct near-duplicate clusters

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "article_id": self.event.article_id, **self.event.to_dict(),
                "mentions": self.mentions, "sources": self.sources, "articles": self.articles,
                "stories": self.stories}


@dataclass(frozen=True, slots=True)
class Report:
    """One article's report of an event (offsets are into that article's body)."""

    id: int
    event_id: int
    outlet: str | None
    event: Event
    event_mentions: int  # how many reports the deduplicated event has in all
    event_sources: int

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "event_id": self.event_id, "article_id": self.event.article_id,
                "outlet": self.outlet, **self.event.to_dict(),
                "event_mentions": self.event_mentions, "event_sources": self.event_sources}


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    """An article as stored, with everything read from it."""

    article: Article
    url_version: int
    supersedes: str | None
    document_id: str
    story_id: str
    ingested_at: datetime
    run_id: int | None
    sentences: tuple[tuple[int, int], ...]
    mentions: tuple[Actor, ...]
    flags: tuple[Flag, ...]
    reports: tuple[Report, ...]
    same_story: tuple[str, ...]  # other articles of its near-duplicate cluster (up to 20)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.article.to_dict(),
            "url_version": self.url_version, "supersedes": self.supersedes,
            "document_id": self.document_id, "story_id": self.story_id,
            "ingested_at": self.ingested_at.isoformat(), "run_id": self.run_id,
            "sentences": [list(s) for s in self.sentences],
            "mentions": [m.to_dict() for m in self.mentions],
            "flags": [f.to_dict() for f in self.flags],
            "events": [r.to_dict() for r in self.reports],
            "same_story": list(self.same_story),
        }


def _date(value: date | str | None, what: str) -> date | None:
    try:
        return as_date(value, what)
    except ValueError as exc:
        raise QueryError("E803", str(exc)) from None


def _where(store: Store, q: EventQuery) -> sql.Where:
    """Validate ``q`` and turn it into conditions on ``events``."""
    where = sql.Where()
    if q.actor:
        src, sp = sql.actor_match("source", q.actor)
        tgt, tp = sql.actor_match("target", q.actor)
        where.add(f"({src} OR {tgt})", *sp, *tp)
    if q.dyad:
        if len(q.dyad) != 2 or not all(q.dyad):
            raise QueryError("E801", f"a dyad is two actors, got {q.dyad!r}: give e.g. RUS USA")
        clause, params = sql.dyad_match(q.dyad[0], q.dyad[1], q.directed)
        where.add(clause, *params)
    if q.cameo:
        if not _CAMEO.match(q.cameo):
            raise QueryError("E801", f"CAMEO code {q.cameo!r} is not 2 to 4 digits: e.g. 042")
        where.add("starts_with(cameo, ?)", q.cameo)
    if q.root:
        if not re.fullmatch(r"\d{2}", q.root):
            raise QueryError("E801", f"CAMEO root {q.root!r} is not two digits: e.g. 04")
        where.add("root = ?", q.root)
    if q.quad is not None:
        if q.quad not in (1, 2, 3, 4):
            raise QueryError("E801", f"quad class {q.quad} is not 1, 2, 3 or 4")
        where.add("quad_class = ?", q.quad)
    since, until = _date(q.since, "since"), _date(q.until, "until")
    if since and until and since > until:
        raise QueryError("E803", f"since {since} is after until {until}: swap them")
    sql.overlap(where, since, until)
    if q.said_by:
        if sql.code_like(q.said_by):
            where.add(sql.in_reports("starts_with(said_by_code, ?)"), q.said_by)
        else:
            where.add(sql.in_reports("said_by_text ILIKE ? ESCAPE '\\'"),
                      sql.like_pattern(q.said_by))
    if q.place_country:
        where.add("place_country = ?", q.place_country.upper())
    if q.outlet:
        where.add(sql.in_reports("lower(outlet) = lower(?)"), q.outlet)
    if q.modality:
        if q.modality == "asserted":
            where.add("len(modality) = 0")
        elif q.modality in MODALITIES:
            where.add("list_contains(modality, ?)", q.modality)
        else:
            raise QueryError("E801", f"modality {q.modality!r} is not one of "
                             f"{', '.join((*MODALITIES, 'asserted'))}")
    if q.article:
        where.add(sql.in_reports("article_id = ?"), q.article)
    if q.text and q.text.strip():
        if store.text_index_fresh():
            where.add(sql.TEXT_FTS, q.text)
        else:
            words = q.text.split()
            where.add(sql.in_reports(" AND ".join(["evidence_text ILIKE ? ESCAPE '\\'"] * len(words))),
                      *[sql.like_pattern(w) for w in words])
    if not q.include_uncertain:
        where.add("NOT uncertain")
    return where


def _stored(row: dict[str, Any]) -> StoredEvent:
    return StoredEvent(id=int(row["id"]), event=event_from_row(row), mentions=row["n_mentions"],
                       sources=row["n_sources"], articles=row["n_articles"],
                       stories=row["n_stories"])


def events(store: Store, query: EventQuery | None = None) -> list[StoredEvent]:
    """The events matching ``query``, in its order, one page (``limit``/``offset``)."""
    q = query or EventQuery()
    if q.order not in sql.ORDERS:
        raise QueryError("E801", f"order {q.order!r} is not one of {', '.join(sql.ORDERS)}")
    if not 1 <= q.limit <= MAX_LIMIT or q.offset < 0:
        raise QueryError("E801", f"limit must be 1..{MAX_LIMIT} and offset >= 0, got "
                         f"{q.limit} and {q.offset}")
    page, params = sql.page_ids(_where(store, q), q.order, q.limit, q.offset)
    ids = [r["id"] for r in store.fetch(page, params)]
    if not ids:
        return []
    rows = {r["id"]: r for r in store.fetch(sql.events_by_id(len(ids)), ids)}
    return [_stored(rows[i]) for i in ids]


def count_events(store: Store, query: EventQuery | None = None) -> int:
    """How many events match ``query`` (ignoring limit, offset and order)."""
    query_sql, params = sql.count(_where(store, query or EventQuery()))
    return int(store.fetch(query_sql, params)[0]["n"])


def get_event(store: Store, event_id: int) -> StoredEvent:
    rows = store.fetch(sql.events_by_id(1), [event_id])
    if not rows:
        raise QueryError("E802", f"no event with id {event_id}: list ids with 'dyadline events'")
    return _stored(rows[0])


def _report(row: dict[str, Any]) -> Report:
    return Report(id=int(row["id"]), event_id=int(row["event_id"]), outlet=row["outlet"],
                  event=event_from_row(row), event_mentions=row["event_mentions"],
                  event_sources=row["event_sources"])


def event_reports(store: Store, event_id: int) -> list[Report]:
    """Every report of one event, oldest first."""
    return [_report(r) for r in store.fetch(sql.EVENT_REPORTS, [event_id])]


def article_detail(store: Store, article_id: str) -> ArticleDetail:
    """One stored article with its sentences, actor mentions, flags and event reports."""
    rows = store.fetch(sql.ARTICLE, [article_id])
    if not rows:
        raise QueryError("E802", f"no article with id {article_id!r} in {store.path}: list "
                         "article ids with 'dyadline events --format json'")
    row = rows[0]
    return ArticleDetail(
        article=article_from_row(row),
        url_version=row["url_version"],
        supersedes=row["supersedes"],
        document_id=row["document_id"],
        story_id=row["story_id"],
        ingested_at=row["ingested_at"],
        run_id=row["run_id"],
        sentences=tuple((r["start"], r["end"]) for r in store.fetch(sql.ARTICLE_SENTENCES,
                                                                     [article_id])),
        mentions=tuple(mention_from_row(r) for r in store.fetch(sql.ARTICLE_MENTIONS,
                                                                [article_id])),
        flags=tuple(flag_from_row(r) for r in store.fetch(sql.ARTICLE_FLAGS, [article_id])),
        reports=tuple(_report(r) for r in store.fetch(sql.ARTICLE_REPORTS, [article_id])),
        same_story=tuple(r["id"] for r in store.fetch(sql.SAME_STORY,
                                                      [article_id, article_id, 20])),
    )
