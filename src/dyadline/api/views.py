"""Small formatting helpers for the page templates (registered as Jinja filters)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from fastapi.templating import Jinja2Templates
from starlette.datastructures import QueryParams

from dyadline.model import Actor, DateSpan

__all__ = ["QUAD_NAMES", "actor_label", "date_span", "install_filters", "period_end", "signed",
           "with_params"]

QUAD_NAMES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict",
              4: "Material conflict"}


def date_span(span: DateSpan | None) -> str:
    """``2021-06-16``, ``2021-06-01 – 2021-06-30``, ``… – 2021-06-30``, or ``undated``."""
    if span is None or (span.start is None and span.end is None):
        return "undated"
    if span.start == span.end:
        return span.start.isoformat() if span.start else "undated"
    start = span.start.isoformat() if span.start else "…"
    end = span.end.isoformat() if span.end else "…"
    return f"{start} – {end}"


def actor_label(actor: Actor | None) -> str:
    if actor is None:
        return "—"
    return actor.code or f"“{actor.text}” (uncoded)"


def signed(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "—"
    return f"{value:+.{digits}f}".replace("-", "−")


def period_end(start: date, by: str) -> date:
    """The last day of the period that starts on ``start``."""
    if by == "day":
        return start
    if by == "week":
        return start + timedelta(days=6)
    nxt = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def with_params(params: QueryParams | dict[str, Any], **changes: Any) -> str:
    """A query string (``?a=1&b=2``, or empty) of ``params`` with ``changes`` applied: None
    removes a key, a list repeats it."""
    given = params.multi_items() if isinstance(params, QueryParams) else list(params.items())
    items = [(k, v) for k, v in given if k not in changes]
    items += list(changes.items())
    flat = [(k, x) for k, v in items for x in (v if isinstance(v, (list, tuple)) else [v])
            if x not in ("", None)]
    return "?" + urlencode(flat) if flat else ""


def install_filters(templates: Jinja2Templates) -> None:
    env = templates.env
    env.filters.update(span=date_span, actor=actor_label, signed=signed)
    env.globals.update(QUAD_NAMES=QUAD_NAMES, with_params=with_params)
