"""Counts over the event database: dyad timelines, top actors and dyads, actor profiles.

An event is counted on one day: the start of its date span, or its end when the start is
open; events with no date at all are never counted. By default each deduplicated event
counts once (``count_reports`` counts its reports instead), and negated or hypothetical
events are left out (``include_uncertain`` keeps them).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from dyadline.errors import QueryError
from dyadline.store.db import Store
from dyadline.store.rows import as_date
from dyadline.store.sql import reads as sql

__all__ = [
    "ActorCount",
    "ActorProfile",
    "DyadCount",
    "TimelineRow",
    "actor_profile",
    "dyad_timeline",
    "top_actors",
    "top_dyads",
]


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One period of a timeline; ``period`` is its first day (weeks start on Monday)."""

    period: date
    events: int
    verbal_cooperation: int  # quad class 1
    material_cooperation: int  # 2
    verbal_conflict: int  # 3
    material_conflict: int  # 4
    goldstein_sum: float
    goldstein_mean: float | None  # None for a period with no events
    imprecise: int  # counted here, but their date span reaches beyond this period (or is open)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["period"] = self.period.isoformat()
        return d


@dataclass(frozen=True, slots=True)
class ActorCount:
    code: str
    name: str | None  # the name seen most often with this code
    as_source: int
    as_target: int
    total: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class DyadCount:
    a: str  # the source when directed; otherwise the alphabetically first code
    b: str
    events: int
    goldstein_mean: float
    cooperation: int  # quad classes 1 and 2
    conflict: int  # quad classes 3 and 4

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """What the database knows about the actors whose code starts with ``code``."""

    code: str
    as_source: int
    as_target: int
    first_day: date | None
    last_day: date | None
    codes: tuple[tuple[str, int], ...]  # the full codes seen (roles/sectors), most frequent first
    names: tuple[tuple[str, int], ...]
    texts: tuple[tuple[str, int], ...]  # how articles wrote it
    partners: tuple[tuple[str, int], ...]  # the other side's code
    roots_as_source: tuple[tuple[str, int], ...]  # event mix by CAMEO root
    roots_as_target: tuple[tuple[str, int], ...]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("first_day", "last_day"):
            d[k] = d[k].isoformat() if d[k] else None
        for k in ("codes", "names", "texts", "partners", "roots_as_source", "roots_as_target"):
            d[k] = [{"key": key, "n": n} for key, n in d[k]]
        return d


def _window(since: date | str | None, until: date | str | None) -> tuple[date | None, date | None]:
    try:
        s, u = as_date(since, "since"), as_date(until, "until")
    except ValueError as exc:
        raise QueryError("E803", str(exc)) from None
    if s and u and s > u:
        raise QueryError("E803", f"since {s} is after until {u}: swap them")
    return s, u


def _counted(where: sql.Where, since: date | None, until: date | None,
             include_uncertain: bool) -> None:
    where.add("day IS NOT NULL")
    if since is not None:
        where.add("day >= ?", since)
    if until is not None:
        where.add("day <= ?", until)
    if not include_uncertain:
        where.add("NOT uncertain")


def _step(period: date, by: str) -> date:
    if by == "day":
        return period + timedelta(days=1)
    if by == "week":
        return period + timedelta(days=7)
    return date(period.year + period.month // 12, period.month % 12 + 1, 1)


def _first_period(day: date, by: str) -> date:
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day


def dyad_timeline(store: Store, a: str, b: str, by: str = "week", since: date | str | None = None,
                  until: date | str | None = None, directed: bool = False, *,
                  count_reports: bool = False,
                  include_uncertain: bool = False) -> list[TimelineRow]:
    """Events between ``a`` and ``b`` per period (``day``, ``week`` or ``month``).

    Periods with no events inside the window (or between the first and last event when no
    window is given) are included with zero counts."""
    if by not in sql.PERIODS:
        raise QueryError("E801", f"period {by!r} is not one of {', '.join(sql.PERIODS)}")
    if not a or not b:
        raise QueryError("E801", "a timeline needs two actors: e.g. RUS USA")
    s, u = _window(since, until)
    where = sql.Where()
    clause, params = sql.dyad_match(a, b, directed)
    where.add(clause, *params)
    _counted(where, s, u, include_uncertain)
    query, qparams = sql.timeline(by, where, count_reports)
    found = {r["period"]: r for r in store.fetch(query, qparams)}
    if not found and (s is None or u is None):
        return []
    first = _first_period(s, by) if s else min(found)
    last = _first_period(u, by) if u else max(found)
    out = []
    period = first
    while period <= last:
        r = found.get(period)
        n = int(r["events"]) if r else 0
        gsum = float(r["goldstein_sum"]) if r else 0.0
        out.append(TimelineRow(
            period=period, events=n,
            verbal_cooperation=int(r["verbal_cooperation"]) if r else 0,
            material_cooperation=int(r["material_cooperation"]) if r else 0,
            verbal_conflict=int(r["verbal_conflict"]) if r else 0,
            material_conflict=int(r["material_conflict"]) if r else 0,
            goldstein_sum=round(gsum, 6), goldstein_mean=round(gsum / n, 6) if n else None,
            imprecise=int(r["imprecise"]) if r else 0,
        ))
        period = _step(period, by)
    return out


def _limit(limit: int) -> int:
    if not 1 <= limit <= 10_000:
        raise QueryError("E801", f"limit must be 1..10000, got {limit}")
    return limit


def top_actors(store: Store, since: date | str | None = None, until: date | str | None = None,
               limit: int = 20, *, role: str = "any", count_reports: bool = False,
               include_uncertain: bool = False) -> list[ActorCount]:
    """The actor codes in the most events in the window (as source, target or either)."""
    if role not in ("any", "source", "target"):
        raise QueryError("E801", f"role {role!r} is not any, source or target")
    s, u = _window(since, until)
    where = sql.Where()
    _counted(where, s, u, include_uncertain)
    query, params = sql.top_actors(where, role, _limit(limit), count_reports)
    return [ActorCount(code=r["code"], name=r["name"], as_source=int(r["as_source"]),
                       as_target=int(r["as_target"]), total=int(r["total"]))
            for r in store.fetch(query, params)]


def top_dyads(store: Store, since: date | str | None = None, until: date | str | None = None,
              limit: int = 20, *, directed: bool = False, count_reports: bool = False,
              include_uncertain: bool = False) -> list[DyadCount]:
    """The pairs of actor codes with the most events between them in the window."""
    s, u = _window(since, until)
    where = sql.Where()
    _counted(where, s, u, include_uncertain)
    query, params = sql.top_dyads(where, directed, _limit(limit), count_reports)
    return [DyadCount(a=r["a"], b=r["b"], events=int(r["events"]),
                      goldstein_mean=round(float(r["goldstein_mean"]), 6),
                      cooperation=int(r["cooperation"]), conflict=int(r["conflict"]))
            for r in store.fetch(query, params)]


def actor_profile(store: Store, code: str, since: date | str | None = None,
                  until: date | str | None = None, limit: int = 10, *,
                  include_uncertain: bool = False) -> ActorProfile:
    """Roles, names, partners and event mix of the actors whose code starts with ``code``."""
    if not sql.code_like(code):
        raise QueryError("E801", f"actor code {code!r} is not an upper-case CAMEO-style code: "
                         "e.g. RUS or RUSGOV")
    s, u = _window(since, until)
    where = sql.Where()
    _counted(where, s, u, include_uncertain)
    queries = sql.profile_queries(code, where, _limit(limit))

    def pairs(key: str) -> tuple[tuple[str, int], ...]:
        q, p = queries[key]
        return tuple((r["key"], int(r["n"])) for r in store.fetch(q, p))

    q, p = queries["summary"]
    summary = store.fetch(q, p)[0]
    return ActorProfile(
        code=code, as_source=int(summary["as_source"]), as_target=int(summary["as_target"]),
        first_day=summary["first_day"], last_day=summary["last_day"],
        codes=pairs("codes"), names=pairs("names"), texts=pairs("texts"),
        partners=pairs("partners"), roots_as_source=pairs("roots_as_source"),
        roots_as_target=pairs("roots_as_target"),
    )
