"""The dyad figure: what it says (title, axes, legend, source note) and that it is written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from dyadline import __version__
from dyadline.errors import QueryError, UsageError
from dyadline.export import plot_dyad
from dyadline.export.plot import _draw, _note, _window, actor_label
from dyadline.store import Store, dyad_timeline


@pytest.mark.parametrize(
    ("value", "label"),
    [("RUS", "Russia (RUS)"), ("USAGOV", "USAGOV (United States)"), ("Putin", "Putin"),
     ("IGOUNO", "IGOUNO"), ("XYZ", "XYZ")],
)
def test_actor_label(value: str, label: str) -> None:
    assert actor_label(value) == label


@pytest.mark.parametrize(
    ("by", "since", "until", "title_window", "periods"),
    [
        ("month", None, None, "1 Jan 2020 – 30 Nov 2021", 23),
        ("month", "2020-03-10", "2020-05-31", "10 Mar 2020 – 31 May 2020", 3),
        ("week", "2021-01-04", "2021-01-31", "4 Jan 2021 – 31 Jan 2021", 4),
    ],
)
def test_the_figure_says_what_it_shows(timeline: Store, by: str, since: str | None,
                                       until: str | None, title_window: str,
                                       periods: int) -> None:
    store = timeline
    rows = dyad_timeline(store, "RUS", "USA", by=by, since=since, until=until)
    n = sum(r.events for r in rows)
    window = _window(rows, by, date.fromisoformat(since) if since else None,
                     date.fromisoformat(until) if until else None)
    fig = _draw(rows, "RUS", "USA", by, False, window, _note(n, False, False))
    ax, goldstein = fig.axes
    assert len(rows) == periods
    assert ax.get_title() == (f"Russia (RUS) ↔ United States (USA)\nevents per {by}, "
                              f"{title_window}")
    assert ax.get_ylabel().startswith(f"Events per {by}")
    assert ax.get_xlabel() in ("Month", "Week (starting Monday)")
    assert goldstein.get_ylabel() == "Mean Goldstein score"
    assert goldstein.get_ylim() == (-10.5, 10.5)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["Verbal cooperation (quad 1)", "Material cooperation (quad 2)",
                      "Verbal conflict (quad 3)", "Material conflict (quad 4)",
                      "Mean Goldstein score (right axis)"]
    (note,) = [t.get_text() for t in ax.texts]
    assert note.startswith(f"Source: dyadline {__version__}, {n:,} events.")
    # cooperation is drawn above zero, conflict below, and each bar has a hatch or not by kind
    containers = ax.containers
    assert all(b.get_height() >= 0 for c in containers[:2] for b in c)
    assert all(b.get_height() <= 0 for c in containers[2:] for b in c)
    assert [bool(c[0].get_hatch()) for c in containers] == [True, False, True, True]


def test_a_png_is_written(timeline: Store, tmp_path: Path) -> None:
    store = timeline
    out = tmp_path / "rus-usa.png"
    summary = plot_dyad(store, "RUS", "USA", out, by="month", directed=True)
    assert summary.events == sum(r.events for r in dyad_timeline(store, "RUS", "USA",
                                                                 by="month", directed=True))
    with Image.open(out) as img:
        assert img.format == "PNG" and img.width > 1200 and img.height > 800
    assert (summary.first, summary.last) == (date(2020, 1, 1), date(2021, 11, 30))


@pytest.mark.parametrize(
    ("kwargs", "error", "code"),
    [
        ({"out": "x.docx"}, UsageError, "E822"),
        ({"out": "missing/x.png"}, QueryError, "E823"),
        ({"by": "day"}, UsageError, "E821"),
        ({"since": "2030-01-01", "until": "2030-12-31"}, QueryError, "E821"),
        ({"a": "FRA"}, QueryError, "E821"),
        ({"since": "March"}, QueryError, "E803"),
    ],
)
def test_what_cannot_be_drawn_is_refused(filled: Store, tmp_path: Path, kwargs: dict[str, str],
                                         error: type[Exception], code: str) -> None:
    args = {"a": "RUS", "b": "USA", "out": "x.png", **kwargs}
    out = tmp_path / args.pop("out")
    with pytest.raises(error) as err:
        plot_dyad(filled, args.pop("a"), args.pop("b"), out, **args)  # type: ignore[arg-type]
    assert err.value.code == code  # type: ignore[attr-defined]
    assert not out.exists()
