"""The JSON endpoints under ``/api``: each opens the store, calls one query, returns its dicts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from dyadline import __version__
from dyadline.api.context import Ctx
from dyadline.api.params import Flag, Opt, Window, event_query, window
from dyadline.store import (
    EventQuery,
    actor_profile,
    article_detail,
    count_events,
    dyad_timeline,
    event_reports,
    events,
    get_event,
    top_actors,
    top_dyads,
)

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["events"])

Json = dict[str, Any]
Limit = Annotated[int, Query(description="How many rows (1-10000).")]


@router.get("/health", summary="The server is up and its database can be read")
def health(c: Ctx) -> Json:
    with c.pool.store() as store:
        counts = store.counts()
        migrations = store.migrations()
    return {"status": "ok", "version": __version__, "db": c.pool.path,
            "articles": counts["articles"], "events": counts["events"],
            "reports": counts["reports"], "quarantined": counts["quarantine"],
            "migrations": migrations}


@router.get("/events", summary="Deduplicated events, filtered, one page at a time")
def list_events(c: Ctx, q: Annotated[EventQuery, Depends(event_query)]) -> Json:
    with c.pool.store() as store:
        found = events(store, q)
        total = count_events(store, q)
    return {"total": total, "limit": q.limit, "offset": q.offset,
            "events": [e.to_dict() for e in found]}


@router.get("/events/{event_id}", summary="One event with every report of it")
def one_event(c: Ctx, event_id: int) -> Json:
    with c.pool.store() as store:
        found = get_event(store, event_id)
        reports = event_reports(store, event_id)
    return {"event": found.to_dict(), "reports": [r.to_dict() for r in reports]}


@router.get("/articles/{article_id:path}",
            summary="One article: text, sentences, actor mentions, flags, events with evidence")
def one_article(c: Ctx, article_id: str) -> Json:
    with c.pool.store() as store:
        return article_detail(store, article_id).to_dict()


@router.get("/timeline", summary="Events between two actors per day, week or month")
def timeline(
    c: Ctx,
    a: Annotated[str, Query(description="One actor: a code prefix (RUS) or a name.")],
    b: Annotated[str, Query(description="The other actor.")],
    w: Annotated[Window, Depends(window)],
    by: Annotated[Opt, Query(description="day, week or month (default week).")] = None,
    directed: Annotated[Flag, Query(description="Only a as source and b as target.")] = None,
) -> Json:
    count_reports, uncertain = c.count_reports(w.count_reports), c.include_uncertain(
        w.include_uncertain)
    with c.pool.store() as store:
        rows = dyad_timeline(store, a, b, by=by or "week", since=w.since, until=w.until,
                             directed=bool(directed), count_reports=count_reports,
                             include_uncertain=uncertain)
    return {"a": a, "b": b, "by": by or "week", "directed": bool(directed),
            "since": w.since, "until": w.until, "count_reports": count_reports,
            "include_uncertain": uncertain, "rows": [r.to_dict() for r in rows]}


@router.get("/actors/top", summary="The actor codes in the most events in a window")
def actors_top(
    c: Ctx,
    w: Annotated[Window, Depends(window)],
    limit: Limit = 20,
    role: Annotated[str, Query(description="any, source or target.")] = "any",
) -> Json:
    with c.pool.store() as store:
        rows = top_actors(store, w.since, w.until, limit, role=role,
                          count_reports=c.count_reports(w.count_reports),
                          include_uncertain=c.include_uncertain(w.include_uncertain))
    return {"since": w.since, "until": w.until, "role": role,
            "actors": [r.to_dict() for r in rows]}


@router.get("/dyads/top", summary="The pairs of actor codes with the most events in a window")
def dyads_top(
    c: Ctx,
    w: Annotated[Window, Depends(window)],
    limit: Limit = 20,
    directed: Annotated[Flag, Query(description="Keep source -> target apart.")] = None,
) -> Json:
    with c.pool.store() as store:
        rows = top_dyads(store, w.since, w.until, limit, directed=bool(directed),
                         count_reports=c.count_reports(w.count_reports),
                         include_uncertain=c.include_uncertain(w.include_uncertain))
    return {"since": w.since, "until": w.until, "directed": bool(directed),
            "dyads": [r.to_dict() for r in rows]}


@router.get("/actors/{code}", summary="Roles, names, partners and event mix of an actor code")
def actor(
    c: Ctx,
    code: str,
    since: Annotated[Opt, Query(description="First day counted (YYYY-MM-DD).")] = None,
    until: Annotated[Opt, Query(description="Last day counted (YYYY-MM-DD).")] = None,
    limit: Annotated[int, Query(description="Rows per list (1-10000).")] = 10,
    include_uncertain: Annotated[Flag, Query(description="Count negated and hypothetical "
                                                         "events.")] = None,
) -> Json:
    with c.pool.store() as store:
        return actor_profile(store, code, since, until, limit,
                             include_uncertain=c.include_uncertain(include_uncertain)).to_dict()
