"""(7) The event database: DuckDB schema and migrations, the single writer, named read queries.

    from dyadline.store import Store, EventQuery, events, dyad_timeline

    with Store.open("events.duckdb", read_only=True) as store:
        for e in events(store, EventQuery(dyad=("RUS", "UKR"), since="2022-01-01")):
            ...
"""

from __future__ import annotations

from dyadline.store.bulk import (
    ArticleRef,
    iter_events,
    iter_events_with_articles,
    stored_article_ids,
)
from dyadline.store.db import Store
from dyadline.store.queries import (
    ArticleDetail,
    EventQuery,
    Report,
    StoredEvent,
    article_detail,
    count_events,
    event_reports,
    events,
    get_event,
)
from dyadline.store.timeline import (
    ActorCount,
    ActorProfile,
    DyadCount,
    TimelineRow,
    actor_profile,
    dyad_timeline,
    top_actors,
    top_dyads,
)
from dyadline.store.writer import WriteSummary

__all__ = [
    "ActorCount",
    "ActorProfile",
    "ArticleDetail",
    "ArticleRef",
    "DyadCount",
    "EventQuery",
    "Report",
    "Store",
    "StoredEvent",
    "TimelineRow",
    "WriteSummary",
    "actor_profile",
    "article_detail",
    "count_events",
    "dyad_timeline",
    "event_reports",
    "events",
    "get_event",
    "iter_events",
    "iter_events_with_articles",
    "stored_article_ids",
    "top_actors",
    "top_dyads",
]
