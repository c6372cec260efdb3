"""The pure helpers behind the pages: body segments, query strings, dyads, chart data."""

from __future__ import annotations

from datetime import date

import pytest

from dyadline.api.charts import timeline_figure
from dyadline.api.highlight import Mark, segments
from dyadline.api.params import dyad_pair
from dyadline.api.views import date_span, period_end, signed, with_params
from dyadline.errors import QueryError
from dyadline.model import DateSpan
from dyadline.store import TimelineRow

BODY = "Kyiv accused Moscow. Then talks began."

SEGMENTS = [
    ("no marks", [], [(BODY, ())]),
    ("one mark", [Mark(0, 4, "mention")], [("Kyiv", ("mention",)), (BODY[4:], ())]),
    ("nested", [Mark(0, 20, "evidence"), Mark(13, 19, "mention")],
     [("Kyiv accused ", ("evidence",)), ("Moscow", ("evidence", "mention")), (".", ("evidence",)),
      (BODY[20:], ())]),
    ("overlapping", [Mark(0, 12, "evidence"), Mark(5, 19, "focus")],
     [("Kyiv ", ("evidence",)), ("accused", ("evidence", "focus")), (" Moscow", ("focus",)),
      (BODY[19:], ())]),
    ("clamped past the end", [Mark(32, 500, "trigger")], [(BODY[:32], ()), ("began.", ("trigger",))]),
    ("empty and negative dropped", [Mark(5, 5, "trigger"), Mark(-9, -1, "mention")],
     [(BODY, ())]),
    ("same mark twice", [Mark(0, 4, "mention"), Mark(0, 4, "mention")],
     [("Kyiv", ("mention",)), (BODY[4:], ())]),
]


@pytest.mark.parametrize(("marks", "expected"), [r[1:] for r in SEGMENTS],
                         ids=[r[0] for r in SEGMENTS])
def test_segments(marks: list[Mark], expected: list[tuple[str, tuple[str, ...]]]) -> None:
    got = segments(BODY, marks)
    assert [(s.text, s.kinds) for s in got] == expected
    assert "".join(s.text for s in got) == BODY


def test_segments_keep_anchors_and_labels() -> None:
    got = segments(BODY, [Mark(0, 20, "evidence", "event 4", "event-4"),
                          Mark(0, 20, "evidence", "event 4", "report-9"),
                          Mark(0, 4, "mention", "UKRGOV")])
    assert got[0].anchors == ("event-4", "report-9") and got[0].labels == ("event 4", "UKRGOV")
    assert got[0].css == "hl-evidence hl-mention"
    assert got[1].anchors == () and got[1].text == " accused Moscow."


QUERY_STRINGS = [
    ({}, {}, ""),
    ({"a": "RUS"}, {"b": "UKR"}, "?a=RUS&b=UKR"),
    ({"a": "RUS", "offset": "50"}, {"offset": 100}, "?a=RUS&offset=100"),
    ({"a": "RUS", "since": ""}, {"until": None}, "?a=RUS"),
    ({}, {"dyad": ["RUS", "USA"]}, "?dyad=RUS&dyad=USA"),
    ({"text": "cease fire"}, {}, "?text=cease+fire"),
]


@pytest.mark.parametrize(("params", "changes", "expected"), QUERY_STRINGS)
def test_with_params(params: dict[str, str], changes: dict[str, object], expected: str) -> None:
    assert with_params(params, **changes) == expected


@pytest.mark.parametrize(("values", "expected"), [
    (None, None), ([], None), (["", " "], None), (["RUS", "USA"], ("RUS", "USA")),
    (["RUS,USA"], ("RUS", "USA")), (["Vladimir Putin", "Joe Biden"], ("Vladimir Putin", "Joe Biden")),
    (["RUS", ""], "E851"), (["A,B,C"], "E851"), (["A", "B", "C"], "E851"),
])
def test_dyad_pair(values: list[str] | None, expected: object) -> None:
    if expected == "E851":
        with pytest.raises(QueryError) as err:
            dyad_pair(values)
        assert err.value.code == "E851" and err.value.where == "query.dyad"
    else:
        assert dyad_pair(values) == expected


@pytest.mark.parametrize(("span", "text"), [
    (DateSpan(date(2021, 6, 16), date(2021, 6, 16), "day", "explicit"), "2021-06-16"),
    (DateSpan(date(2021, 6, 1), date(2021, 6, 30), "month", "explicit"), "2021-06-01 – 2021-06-30"),
    (DateSpan(None, date(2021, 6, 30), "open", "before_publication"), "… – 2021-06-30"),
    (DateSpan(None, None, "open", "none"), "undated"),
    (None, "undated"),
])
def test_date_span(span: DateSpan | None, text: str) -> None:
    assert date_span(span) == text


@pytest.mark.parametrize(("start", "by", "end"), [
    (date(2022, 3, 1), "day", date(2022, 3, 1)), (date(2022, 2, 28), "week", date(2022, 3, 6)),
    (date(2024, 2, 1), "month", date(2024, 2, 29)), (date(2022, 12, 1), "month", date(2022, 12, 31)),
])
def test_period_end(start: date, by: str, end: date) -> None:
    assert period_end(start, by) == end


def test_signed() -> None:
    assert (signed(3.5), signed(-10.0), signed(None), signed(0.25, 2)) == ("+3.5", "−10.0", "—",
                                                                            "+0.25")


def test_timeline_figure_carries_the_rows() -> None:
    rows = [TimelineRow(date(2022, 2, 1), 1, 0, 0, 0, 1, -10.0, -10.0, 0),
            TimelineRow(date(2022, 3, 1), 0, 0, 0, 0, 0, 0.0, None, 0),
            TimelineRow(date(2022, 4, 1), 3, 1, 1, 1, 0, 2.0, 0.666667, 2)]
    fig = timeline_figure(rows, "month", "RUS ↔ UKR")
    traces = {t["name"]: t for t in fig["data"]}
    assert traces["Verbal cooperation"]["y"] == [0, 0, 1]
    assert traces["Material conflict"]["y"] == [1, 0, 0]
    assert traces["Goldstein mean"]["y"] == [-10.0, None, 0.666667]  # no line through empty months
    assert traces["Goldstein mean"]["yaxis"] == "y2"
    assert traces["Verbal conflict"]["x"] == ["2022-02-01", "2022-03-01", "2022-04-01"]
    assert fig["layout"]["title"]["text"] == "RUS ↔ UKR"


def _rows(counts: list[int]) -> list[TimelineRow]:
    start = date(2000, 1, 1)
    return [TimelineRow(date(start.year + i // 12, i % 12 + 1, 1), n, n, 0, 0, 0, 0.0,
                        0.0 if n else None, 0) for i, n in enumerate(counts)]


@pytest.mark.parametrize(("counts", "expected"), [
    ([1] + [0] * 30 + [20, 30, 25, 25] + [0] * 10 + [1], (31, 34)),  # two strays decades apart
    ([3, 4, 5, 3, 4, 5, 3, 4, 5, 3], None),  # spread out: show everything
    ([0, 0, 9, 0], None),  # too few periods to zoom
    ([0] * 12, None),  # nothing counted
])
def test_busy_range(counts: list[int], expected: tuple[int, int] | None) -> None:
    from dyadline.api.charts import busy_range

    assert busy_range(_rows(counts)) == expected


def test_zoomed_figure_keeps_every_row() -> None:
    rows = _rows([1] + [0] * 30 + [20, 30, 25, 25] + [0] * 10 + [1])
    fig = timeline_figure(rows, "month", "t", zoom=(31, 34))
    assert len(fig["data"][0]["x"]) == len(rows)
    start, end = fig["layout"]["xaxis"]["range"]
    assert start < "2002-08-01" < "2002-11-30" < end and start > "2002-06-01" and end < "2003-01-31"
