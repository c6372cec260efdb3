"""Plotly figures for the dashboard, built here and drawn in the browser by plotly.min.js."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from dyadline.api.views import period_end
from dyadline.store import TimelineRow

__all__ = ["QUAD_COLOURS", "QUAD_FIELDS", "busy_range", "timeline_figure"]

# Quad class -> (TimelineRow field, legend name, colour); cooperation green, conflict red.
QUAD_FIELDS = (
    ("verbal_cooperation", "Verbal cooperation", "#86c5a4"),
    ("material_cooperation", "Material cooperation", "#2e8b57"),
    ("verbal_conflict", "Verbal conflict", "#f0a35e"),
    ("material_conflict", "Material conflict", "#c0392b"),
)
QUAD_COLOURS = {i + 1: colour for i, (_, _, colour) in enumerate(QUAD_FIELDS)}

_PERIOD_FORMAT = {"day": "%d %b %Y", "week": "week of %d %b %Y", "month": "%B %Y"}


def busy_range(rows: Sequence[TimelineRow], share: float = 0.95) -> tuple[int, int] | None:
    """The first and last row of the shortest run holding ``share`` of the events, when that
    run is less than half of all rows (a few events decades away would squeeze the rest)."""
    total = sum(r.events for r in rows)
    if total == 0 or len(rows) < 8:
        return None
    need = share * total
    best: tuple[int, int] | None = None
    lo, acc = 0, 0
    for hi, r in enumerate(rows):
        acc += r.events
        while acc - rows[lo].events >= need:
            acc -= rows[lo].events
            lo += 1
        if acc >= need and (best is None or hi - lo < best[1] - best[0]):
            best = (lo, hi)
    if best is None or (best[1] - best[0] + 1) * 2 > len(rows):
        return None
    return best


def timeline_figure(rows: Sequence[TimelineRow], by: str, title: str,
                    zoom: tuple[int, int] | None = None) -> dict[str, Any]:
    """Stacked bars of events per quad class, and the Goldstein mean on a second axis.

    ``zoom`` (row indexes, see ``busy_range``) sets the initial x range; double-clicking the
    chart shows all of it. Returns the figure as plain JSON data ({"data", "layout"})."""
    import plotly.graph_objects as go

    periods = [r.period.isoformat() for r in rows]
    fig = go.Figure()
    hover = _PERIOD_FORMAT.get(by, "%d %b %Y")
    # Bars fill their period: plotly's period (ms, or M1), anchored on the first period start.
    span = {"day": 86_400_000, "week": 604_800_000}.get(by, "M1")
    anchor = {"xperiod": span, "xperiodalignment": "middle",
              **({"xperiod0": periods[0]} if periods and by != "month" else {})}
    for name, label, colour in QUAD_FIELDS:
        fig.add_bar(x=periods, y=[getattr(r, name) for r in rows], name=label,
                    marker_color=colour, **anchor, hovertemplate=f"{label}: %{{y}}<extra></extra>")
    fig.add_scatter(x=periods, y=[r.goldstein_mean for r in rows], name="Goldstein mean",
                    yaxis="y2", mode="lines+markers", connectgaps=False, **anchor,
                    line={"color": "#1f3b73", "width": 2}, marker={"size": 5},
                    hovertemplate="Goldstein mean: %{y:.2f}<extra></extra>")
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 15}},
        template="plotly_white", barmode="stack", bargap=0.15,
        margin={"l": 50, "r": 60, "t": 50, "b": 40}, height=380,
        legend={"orientation": "h", "y": -0.15, "x": 0, "traceorder": "normal"},
        xaxis={"type": "date", "hoverformat": hover},
        yaxis={"title": {"text": "events"}, "rangemode": "tozero", "gridcolor": "#eef0f3"},
        yaxis2={"title": {"text": "Goldstein mean"}, "overlaying": "y", "side": "right",
                "range": [-10.5, 10.5], "tickvals": [-10, -5, 0, 5, 10], "zeroline": True,
                "zerolinecolor": "#c9ced6", "showgrid": False},
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
              "size": 12, "color": "#24292f"},
        hovermode="x unified",
    )
    if zoom is not None:
        first, last = rows[zoom[0]].period, rows[zoom[1]].period
        pad = (period_end(last, by) - first).days * 0.03 + 1
        fig.update_xaxes(range=[(first - timedelta(days=pad)).isoformat(),
                                (period_end(last, by) + timedelta(days=pad)).isoformat()])
    out: dict[str, Any] = json.loads(fig.to_json())
    return out
