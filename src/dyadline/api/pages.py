"""The dashboard's HTML pages: a dyad timeline with top actors and dyads, an event table
with filters, one article with its evidence highlighted, one actor's profile.

Each handler gathers its data from the store queries with one read-only store, then renders
a template. A bad filter (E8xx) is shown on the page beside the form, with status 400.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from dyadline.api.charts import busy_range, timeline_figure
from dyadline.api.context import ApiContext, Ctx
from dyadline.api.highlight import article_marks, segments
from dyadline.api.params import Flag, Opt, OptInt, Window, event_query, window
from dyadline.api.views import period_end
from dyadline.errors import DyadlineError, QueryError
from dyadline.store import (
    EventQuery,
    actor_profile,
    article_detail,
    count_events,
    dyad_timeline,
    events,
    top_actors,
    top_dyads,
)

__all__ = ["render", "render_error", "router"]

router = APIRouter(include_in_schema=False)


def render(c: ApiContext, request: Request, name: str, status: int = 200,
           **context: Any) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    response: HTMLResponse = c.templates.TemplateResponse(
        request, name, {"root": root, "db_path": c.pool.path, **context}, status_code=status)
    return response


def render_error(request: Request, err: DyadlineError, status: int) -> HTMLResponse:
    c: ApiContext = request.app.state.dyadline
    return render(c, request, "error.html", status, error=err, http_status=status)


def _overlap(a: str, b: str) -> bool:
    """Codes match by prefix, so USA and USAGOV (or USAGOV twice) would count one side twice."""
    return a.startswith(b) or b.startswith(a)


def _summary(rows: list[Any]) -> dict[str, Any]:
    total = sum(r.events for r in rows)
    gsum = sum(r.goldstein_sum for r in rows)
    return {
        "events": total,
        "cooperation": sum(r.verbal_cooperation + r.material_cooperation for r in rows),
        "conflict": sum(r.verbal_conflict + r.material_conflict for r in rows),
        "goldstein_mean": gsum / total if total else None,
        "imprecise": sum(r.imprecise for r in rows),
        "periods": len(rows),
    }


@router.get("/", response_class=HTMLResponse)
def dashboard(
    request: Request, c: Ctx, w: Annotated[Window, Depends(window)],
    a: Opt = None, b: Opt = None, by: Opt = None, directed: Flag = None,
) -> HTMLResponse:
    by = by or "month"
    count_reports = c.count_reports(w.count_reports)
    uncertain = c.include_uncertain(w.include_uncertain)
    data: dict[str, Any] = {"a": a, "b": b, "by": by, "directed": bool(directed), "w": w,
                            "count_reports": count_reports, "include_uncertain": uncertain,
                            "rows": [], "dyads": [], "actors": [], "recent": [],
                            "recent_total": 0, "auto": False, "problem": None}
    status = 200
    with c.pool.store() as store:
        data["counts"] = store.counts()
        data["suggest"] = top_actors(store, limit=80, count_reports=False,
                                     include_uncertain=True)
        try:
            if bool(a) != bool(b):
                raise QueryError("E851", "a timeline needs two actors: fill in both A and B",
                                 where="query.a" if not a else "query.b")
            data["dyads"] = top_dyads(store, w.since, w.until, 10, count_reports=count_reports,
                                      include_uncertain=uncertain)
            data["actors"] = top_actors(store, w.since, w.until, 10,
                                        count_reports=count_reports,
                                        include_uncertain=uncertain)
            if not a:
                pick = next((d for d in data["dyads"] if not _overlap(d.a, d.b)), None)
                if pick is not None:
                    a, b, data["auto"] = pick.a, pick.b, True
                    data.update(a=a, b=b)
            if a and b:
                data["rows"] = dyad_timeline(store, a, b, by=by, since=w.since, until=w.until,
                                             directed=bool(directed),
                                             count_reports=count_reports,
                                             include_uncertain=uncertain)
                q = EventQuery(dyad=(a, b), directed=bool(directed), since=w.since,
                               until=w.until, include_uncertain=uncertain, order="-date",
                               limit=10)
                data["recent"] = events(store, q)
                data["recent_total"] = count_events(store, q)
        except QueryError as exc:
            data["problem"], status = exc, 400
    rows = data["rows"]
    if rows:
        arrow = "→" if directed else "↔"
        data["zoom"] = busy_range(rows)
        data["figure"] = timeline_figure(rows, by, f"{a} {arrow} {b}, events per {by}",
                                         zoom=data["zoom"])
        data["periods"] = [[r.period.isoformat(), period_end(r.period, by).isoformat()]
                           for r in rows]
    data["summary"] = _summary(rows)
    return render(c, request, "dashboard.html", status, page="dashboard", **data)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, c: Ctx) -> HTMLResponse:
    params = request.query_params
    status, problem, found, total = 200, None, [], 0
    try:
        limit = _int(params.get("limit"), "limit")
        q = event_query(
            actor=params.get("actor") or None, dyad=params.getlist("dyad") or None,
            directed=_flag(params.get("directed")), code=params.get("code") or None,
            root=params.get("root") or None, quad=_int(params.get("quad"), "quad"),
            since=params.get("since") or None, until=params.get("until") or None,
            said_by=params.get("said_by") or None, outlet=params.get("outlet") or None,
            place=params.get("place") or None, modality=params.get("modality") or None,
            text=params.get("text") or None, article=params.get("article") or None,
            certain=_flag(params.get("certain")), order=params.get("order") or None,
            limit=50 if limit is None else limit,
            offset=_int(params.get("offset"), "offset"))
    except QueryError as exc:
        q, problem, status = EventQuery(limit=50), exc, 400
    if problem is None:
        with c.pool.store() as store:
            try:
                found, total = events(store, q), count_events(store, q)
            except QueryError as exc:
                problem, status = exc, 400
    dyad_form = ([*params.getlist("dyad"), "", ""])[:2]
    return render(c, request, "events.html", status, page="events", q=q, events=found,
                  total=total, problem=problem, params=params, dyad=dyad_form)


def _int(value: str | None, name: str) -> int | None:
    if value is None or not value.strip():
        return None
    try:
        return int(value)
    except ValueError:
        raise QueryError("E851", f"parameter '{name}' wants a whole number, got {value!r}",
                         where=f"query.{name}") from None


def _flag(value: str | None) -> bool:
    """A checkbox: on when sent as 1, true, on or yes."""
    return (value or "").strip().lower() in ("1", "true", "on", "yes")


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(
    request: Request, c: Ctx, article_id: str,
    event: Annotated[OptInt, Query(description="An event to highlight.")] = None,
) -> HTMLResponse:
    with c.pool.store() as store:
        detail = article_detail(store, article_id)
    parts = segments(detail.article.body, article_marks(detail, focus_event=event))
    events_seen = sorted({r.event_id for r in detail.reports})
    return render(c, request, "article.html", page="article", d=detail, parts=parts,
                  focus=event, n_events=len(events_seen))


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(request: Request, c: Ctx, code: str,
               w: Annotated[Window, Depends(window)]) -> HTMLResponse:
    uncertain = c.include_uncertain(w.include_uncertain)
    with c.pool.store() as store:
        profile = actor_profile(store, code, w.since, w.until, 15, include_uncertain=uncertain)
    return render(c, request, "actor.html", page="actor", p=profile, w=w)
