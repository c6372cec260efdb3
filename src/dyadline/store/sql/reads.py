"""The read queries: builders that turn query parameters into (SQL, parameters).

Actor matching is the same everywhere: an all-capitals value (``RUS``, ``RUSGOV``, ``IGOUNO``)
matches actor codes starting with it (so a country code matches every actor of that country,
whose codes all start with it); anything else matches the actor's name or its text in the
article, case-insensitively, as a substring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "ARTICLE",
    "ARTICLE_FLAGS",
    "ARTICLE_MENTIONS",
    "ARTICLE_REPORTS",
    "ARTICLE_SENTENCES",
    "EVENT_REPORTS",
    "ORDERS",
    "PERIODS",
    "SAME_STORY",
    "TEXT_FTS",
    "Where",
    "actor_match",
    "code_like",
    "count",
    "dyad_match",
    "events_by_id",
    "in_reports",
    "like_pattern",
    "overlap",
    "page_ids",
    "profile_queries",
    "timeline",
    "top_actors",
    "top_dyads",
]

_CODE = re.compile(r"^[A-Z]{3}[A-Z0-9]*$")

ORDERS = {
    "date": "day ASC NULLS LAST, id ASC",
    "-date": "day DESC NULLS LAST, id DESC",
    "goldstein": "goldstein ASC, id ASC",
    "-goldstein": "goldstein DESC, id DESC",
    "mentions": "n_mentions ASC, id ASC",
    "-mentions": "n_mentions DESC, id DESC",
    "confidence": "confidence ASC, id ASC",
    "-confidence": "confidence DESC, id DESC",
    "id": "id ASC",
    "-id": "id DESC",
}

# Period -> (date_trunc part, interval added to a period start to reach the next one).
PERIODS = {"day": ("day", "INTERVAL 1 DAY"), "week": ("week", "INTERVAL 7 DAY"),
           "month": ("month", "INTERVAL 1 MONTH")}


def code_like(value: str) -> bool:
    return bool(_CODE.match(value))


def like_pattern(value: str) -> str:
    """``%value%`` with LIKE's wildcards in ``value`` escaped (ESCAPE '\\')."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass
class Where:
    """Conditions joined by AND, with their parameters in order."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "TRUE"


def actor_match(side: str, value: str) -> tuple[str, list[Any]]:
    """Condition: the ``side`` ('source' or 'target') actor matches ``value``."""
    if code_like(value):
        return f"starts_with({side}_code, ?)", [value]
    pat = like_pattern(value)
    return (f"({side}_name ILIKE ? ESCAPE '\\' OR {side}_text ILIKE ? ESCAPE '\\')", [pat, pat])


def dyad_match(a: str, b: str, directed: bool) -> tuple[str, list[Any]]:
    """Condition: source~a and target~b (or either way round when not directed)."""
    sa, pa = actor_match("source", a)
    tb, pb = actor_match("target", b)
    clause, params = f"({sa} AND {tb})", pa + pb
    if not directed:
        sb, pb2 = actor_match("source", b)
        ta, pa2 = actor_match("target", a)
        clause, params = f"({clause} OR ({sb} AND {ta}))", params + pb2 + pa2
    return clause, params


def overlap(where: Where, since: date | None, until: date | None) -> None:
    """Events whose date span overlaps [since, until]; an open end reaches any date, but an
    event with no date at all never matches a date filter."""
    if since is None and until is None:
        return
    where.add("day IS NOT NULL")
    if since is not None:
        where.add("(date_end IS NULL OR date_end >= ?)", since)
    if until is not None:
        where.add("(date_start IS NULL OR date_start <= ?)", until)


def in_reports(condition: str) -> str:
    """Events with at least one report meeting ``condition`` (a condition on ``reports``)."""
    return f"id IN (SELECT event_id FROM reports WHERE {condition})"


TEXT_FTS = ("id IN (SELECT r.event_id FROM (SELECT id, event_id, "
            "fts_main_reports.match_bm25(id, ?, conjunctive := 1) AS score FROM reports) r "
            "WHERE r.score IS NOT NULL)")


def page_ids(where: Where, order: str, limit: int, offset: int) -> tuple[str, list[Any]]:
    return (f"SELECT id FROM events WHERE {where.sql()} ORDER BY {ORDERS[order]} "
            f"LIMIT ? OFFSET ?", [*where.params, limit, offset])


def count(where: Where) -> tuple[str, list[Any]]:
    return f"SELECT count(*) AS n FROM events WHERE {where.sql()}", list(where.params)


def events_by_id(n: int) -> str:
    """All columns of ``n`` events given by id (a literal IN list, so the id index is used)."""
    return f"SELECT * FROM events WHERE id IN ({', '.join('?' * n)})"


ARTICLE = "SELECT * FROM articles WHERE id = ?"
ARTICLE_MENTIONS = "SELECT * FROM mentions WHERE article_id = ? ORDER BY n"
ARTICLE_FLAGS = "SELECT * FROM flags WHERE article_id = ? ORDER BY n"
ARTICLE_SENTENCES = 'SELECT "start", "end" FROM sentences WHERE article_id = ? ORDER BY n'
_REPORT_COUNTS = """
SELECT r.*, e.n_mentions AS event_mentions, e.n_sources AS event_sources,
       e.n_articles AS event_articles, e.n_stories AS event_stories
FROM reports r JOIN events e ON e.id = r.event_id
"""
ARTICLE_REPORTS = _REPORT_COUNTS + "WHERE r.article_id = ? ORDER BY r.n"
EVENT_REPORTS = _REPORT_COUNTS + "WHERE r.event_id = ? ORDER BY r.id"
SAME_STORY = """
SELECT id FROM articles WHERE story_id = (SELECT story_id FROM articles WHERE id = ?) AND id <> ?
ORDER BY published NULLS LAST, id LIMIT ?
"""


def _weight(count_reports: bool) -> str:
    return "n_mentions" if count_reports else "1"


def timeline(by: str, where: Where, count_reports: bool) -> tuple[str, list[Any]]:
    """Per period: events (or reports) per quad class, Goldstein sum, and how many counted
    events have a span reaching beyond their period (imprecise)."""
    part, step = PERIODS[by]
    w = _weight(count_reports)
    query = f"""
    SELECT period,
           sum(w) AS events,
           sum(CASE WHEN quad_class = 1 THEN w ELSE 0 END) AS verbal_cooperation,
           sum(CASE WHEN quad_class = 2 THEN w ELSE 0 END) AS material_cooperation,
           sum(CASE WHEN quad_class = 3 THEN w ELSE 0 END) AS verbal_conflict,
           sum(CASE WHEN quad_class = 4 THEN w ELSE 0 END) AS material_conflict,
           sum(goldstein * w) AS goldstein_sum,
           sum(CASE WHEN date_start IS NULL OR date_end IS NULL
                         OR date_end >= CAST(period + {step} AS DATE) THEN w ELSE 0 END)
               AS imprecise
    FROM (SELECT CAST(date_trunc('{part}', day) AS DATE) AS period, {w} AS w, quad_class,
                 goldstein, date_start, date_end
          FROM events WHERE {where.sql()})
    GROUP BY period ORDER BY period
    """
    return query, list(where.params)


def top_actors(where: Where, role: str, limit: int, count_reports: bool) -> tuple[str, list[Any]]:
    w = _weight(count_reports)
    sides = []
    if role in ("any", "source"):
        sides.append(f"SELECT source_code AS code, source_name AS name, {w} AS as_source, "
                     f"0 AS as_target FROM events WHERE {where.sql()} AND source_code <> ''")
    if role in ("any", "target"):
        sides.append(f"SELECT target_code AS code, target_name AS name, 0 AS as_source, "
                     f"{w} AS as_target FROM events WHERE {where.sql()} AND target_code <> ''")
    params = list(where.params) * len(sides)
    query = f"""
    SELECT code, mode(name) AS name, sum(as_source) AS as_source, sum(as_target) AS as_target,
           sum(as_source) + sum(as_target) AS total
    FROM ({" UNION ALL ".join(sides)})
    GROUP BY code ORDER BY total DESC, code LIMIT ?
    """
    return query, [*params, limit]


def top_dyads(where: Where, directed: bool, limit: int,
              count_reports: bool) -> tuple[str, list[Any]]:
    w = _weight(count_reports)
    a, b = ("source_code", "target_code") if directed else (
        "least(source_code, target_code)", "greatest(source_code, target_code)")
    query = f"""
    SELECT {a} AS a, {b} AS b, sum({w}) AS events, sum(goldstein * {w}) / sum({w}) AS goldstein_mean,
           sum(CASE WHEN quad_class IN (1, 2) THEN {w} ELSE 0 END) AS cooperation,
           sum(CASE WHEN quad_class IN (3, 4) THEN {w} ELSE 0 END) AS conflict
    FROM events
    WHERE {where.sql()} AND source_code <> '' AND target_code <> ''
    GROUP BY ALL ORDER BY events DESC, a, b LIMIT ?
    """
    return query, [*where.params, limit]


def profile_queries(code: str, where: Where, limit: int) -> dict[str, tuple[str, list[Any]]]:
    """The queries behind an actor profile; each returns (key, n) rows or one summary row."""
    src = f"starts_with(source_code, ?) AND {where.sql()}"
    tgt = f"starts_with(target_code, ?) AND {where.sql()}"
    sp, tp = [code, *where.params], [code, *where.params]
    both = f"""(SELECT 'source' AS role, source_code AS code, source_name AS name,
                       source_text AS text, target_code AS partner, root, day
                FROM events WHERE {src}
                UNION ALL
                SELECT 'target', target_code, target_name, target_text, source_code, root, day
                FROM events WHERE {tgt})"""
    params = sp + tp
    return {
        "summary": (f"SELECT count(*) FILTER (WHERE role = 'source') AS as_source, "
                    f"count(*) FILTER (WHERE role = 'target') AS as_target, "
                    f"min(day) AS first_day, max(day) AS last_day FROM {both}", params),
        "codes": (f"SELECT code AS key, count(*) AS n FROM {both} GROUP BY 1 "
                  f"ORDER BY n DESC, key LIMIT ?", [*params, limit]),
        "names": (f"SELECT name AS key, count(*) AS n FROM {both} WHERE name IS NOT NULL "
                  f"GROUP BY 1 ORDER BY n DESC, key LIMIT ?", [*params, limit]),
        "texts": (f"SELECT text AS key, count(*) AS n FROM {both} WHERE text IS NOT NULL "
                  f"GROUP BY 1 ORDER BY n DESC, key LIMIT ?", [*params, limit]),
        "partners": (f"SELECT partner AS key, count(*) AS n FROM {both} WHERE partner <> '' "
                     f"GROUP BY 1 ORDER BY n DESC, key LIMIT ?", [*params, limit]),
        "roots_as_source": (f"SELECT root AS key, count(*) AS n FROM {both} "
                            f"WHERE role = 'source' GROUP BY 1 ORDER BY key", params),
        "roots_as_target": (f"SELECT root AS key, count(*) AS n FROM {both} "
                            f"WHERE role = 'target' GROUP BY 1 ORDER BY key", params),
    }
