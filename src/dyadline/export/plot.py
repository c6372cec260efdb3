"""A figure of a dyad's events over time, for a paper: counts per quad class as bars
(cooperation above the zero line, conflict below; verbal hatched, material solid, so it reads
in greyscale) and the Goldstein mean on a second axis. Drawn with matplotlib's Agg canvas,
without pyplot's global state."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from dyadline.errors import QueryError, UsageError
from dyadline.export.countries import country_name
from dyadline.store import Store, TimelineRow, dyad_timeline

__all__ = ["PERIODS", "PlotSummary", "actor_label", "plot_dyad"]

PERIODS = ("week", "month")

# (timeline field, legend label, colour, hatch, hatch colour); cooperation is drawn up,
# conflict down. Light/dark and the hatches keep the four apart in greyscale.
_QUADS = (
    ("verbal_cooperation", "Verbal cooperation (quad 1)", "#9ecae1", "////", "#333333"),
    ("material_cooperation", "Material cooperation (quad 2)", "#08519c", "", "#333333"),
    ("verbal_conflict", "Verbal conflict (quad 3)", "#fcae91", "\\\\", "#333333"),
    ("material_conflict", "Material conflict (quad 4)", "#a50f15", "xxx", "#f2f2f2"),
)
_CODE = re.compile(r"^[A-Z]{3}[A-Z0-9]*$")


@dataclass(frozen=True, slots=True)
class PlotSummary:
    out: str
    events: int  # events (or reports, with count_reports) in the figure
    periods: int
    first: date  # the first and last day counted
    last: date

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["first"], d["last"] = self.first.isoformat(), self.last.isoformat()
        return d


def as_day(value: date | str | None, what: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise QueryError("E803", f"{what} {value!r} is not a date: write it as YYYY-MM-DD") from None


def actor_label(value: str) -> str:
    """``Russia (RUS)`` for a country code, ``RUSGOV (Russia)`` for a longer code, else the
    value as given."""
    if _CODE.match(value):
        name = country_name(value[:3])
        if name:
            return f"{name} ({value})" if len(value) == 3 else f"{value} ({name})"
    return value


def _window(rows: Sequence[TimelineRow], by: str, since: date | None,
            until: date | None) -> tuple[date, date]:
    """The days counted: the asked window, else the first to the last day of the periods."""
    last = rows[-1].period
    end = (last + timedelta(days=6) if by == "week"
           else date(last.year + last.month // 12, last.month % 12 + 1, 1) - timedelta(days=1))
    return since or rows[0].period, until or end


def _window_text(first: date, last: date) -> str:
    a, b = (f"{d.day} {d.strftime('%b %Y')}" for d in (first, last))
    return a if a == b else f"{a} – {b}"


def _note(n: int, count_reports: bool, include_uncertain: bool) -> str:
    from dyadline import __version__

    what = "reports" if count_reports else "events"
    counted = ("every report of an event counted" if count_reports
               else "deduplicated events, each counted once")
    stance = ("negated and hypothetical events included" if include_uncertain
              else "negated and hypothetical events left out")
    return (f"Source: dyadline {__version__}, {n:,} {what}.\n{counted[0].upper()}{counted[1:]} "
            f"on the first day of its date span; {stance}.")


def _check_out(out: Path) -> str:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    kinds = FigureCanvasAgg.get_supported_filetypes()
    kind = out.suffix.lower().lstrip(".")
    if kind not in kinds:
        raise UsageError("E822", f"cannot tell the image format from {str(out)!r}: end the "
                         f"file name with one of {', '.join('.' + k for k in sorted(kinds))}")
    if not out.parent.is_dir():
        raise QueryError("E823", f"the folder of {out} does not exist: create it first")
    return kind


def _draw(rows: Sequence[TimelineRow], a: str, b: str, by: str, directed: bool,
          window: tuple[date, date], note: str) -> Any:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    fig = Figure(figsize=(8.0, 5.0), layout="constrained")
    ax = fig.add_subplot()
    days = 7 if by == "week" else 30
    width = days * 0.8  # matplotlib's date unit is the day
    x = [float(date2num(datetime(r.period.year, r.period.month, r.period.day))) for r in rows]
    up = [0.0] * len(rows)
    down = [0.0] * len(rows)
    handles = []
    for key, label, colour, hatch, hatch_colour in _QUADS:
        values = [float(getattr(r, key)) for r in rows]
        conflict = key.endswith("conflict")
        base = down if conflict else up
        heights = [-v for v in values] if conflict else values
        bars = ax.bar(x, heights, width=width, bottom=base, align="edge", color=colour,
                      hatch=hatch, hatchcolor=hatch_colour, edgecolor="#333333", linewidth=0.4, label=label, zorder=2)
        handles.append(bars)
        for i, h in enumerate(heights):
            base[i] += h
    top = max([*up, 1.0])
    bottom = max([-d for d in down] + [1.0])
    limit = max(top, bottom) * 1.12
    ax.set_ylim(-limit, limit)
    ax.axhline(0, color="black", linewidth=0.8, zorder=3)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=8, integer=True, symmetric=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{abs(v):g}"))
    unit = "week" if by == "week" else "month"
    ax.set_ylabel(f"Events per {unit}\n(cooperation above 0, conflict below)")
    ax.set_xlabel("Week (starting Monday)" if by == "week" else "Month")
    locator = AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.set_xlim(x[0] - days * 0.3, x[-1] + days * 1.1)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6, zorder=0)
    ax.spines["top"].set_visible(False)

    g = ax.twinx()
    means = [r.goldstein_mean if r.goldstein_mean is not None else float("nan") for r in rows]
    centres = [d + width / 2 for d in x]
    (line,) = g.plot(centres, means, color="black", linestyle="--", linewidth=1.2, marker="o",
                     markersize=3.5, label="Mean Goldstein score (right axis)", zorder=4)
    g.set_ylim(-10.5, 10.5)
    g.set_yticks([-10, -5, 0, 5, 10])
    g.set_ylabel("Mean Goldstein score")
    g.spines["top"].set_visible(False)

    arrow = "→" if directed else "↔"
    unit_title = "week" if by == "week" else "month"
    ax.set_title(f"{actor_label(a)} {arrow} {actor_label(b)}\nevents per {unit_title}, "
                 f"{_window_text(*window)}", fontsize=11)
    legend = ax.legend(handles=[*handles, line], loc="upper center",
                       bbox_to_anchor=(0.5, -0.16), ncol=3, fontsize=8, frameon=False)
    ax.annotate(note, xy=(0.0, 0.0), xycoords=("axes fraction", legend), xytext=(0, -4),
                textcoords="offset points", fontsize=7, color="#444444", ha="left", va="top")
    return fig


def plot_dyad(store: Store, a: str, b: str, out: str | Path, *, by: str = "month",
              since: date | str | None = None, until: date | str | None = None,
              directed: bool = False, count_reports: bool = False,
              include_uncertain: bool = False, dpi: int = 200) -> PlotSummary:
    """Draw the events between ``a`` and ``b`` per week or month into ``out`` (.png, .pdf,
    .svg ...). Raises QueryError when there is nothing to draw."""
    if by not in PERIODS:
        raise UsageError("E821", f"period {by!r} is not one of {', '.join(PERIODS)}")
    path = Path(out)
    kind = _check_out(path)
    rows = dyad_timeline(store, a, b, by=by, since=since, until=until, directed=directed,
                         count_reports=count_reports, include_uncertain=include_uncertain)
    n = sum(r.events for r in rows)
    if n == 0:
        window = "" if since is None and until is None else f" from {since or '…'} to {until or '…'}"
        raise QueryError("E821", f"no events between {a} and {b}{window} to plot: check the "
                         f"actors with 'dyadline events --dyad {a} {b}'")
    first, last = _window(rows, by, as_day(since, "since"), as_day(until, "until"))
    fig = _draw(rows, a, b, by, directed, (first, last),
                _note(n, count_reports, include_uncertain))
    try:
        fig.savefig(path, format=kind, dpi=dpi, bbox_inches="tight", pad_inches=0.12)
    except OSError as exc:
        raise QueryError("E823", f"cannot write {path}: {exc.strerror or exc}") from None
    return PlotSummary(out=str(path), events=n, periods=len(rows), first=first, last=last)
