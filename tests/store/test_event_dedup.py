"""When reports of events merge into one event, and when they must not (near misses)."""

from __future__ import annotations

from datetime import date

import pytest

from dyadline.store import EventQuery, Store, events
from dyadline.store.dedup import Span, granularity_rank, spans_agree

D = date


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (Span(D(2021, 6, 16), D(2021, 6, 16), "day"), Span(D(2021, 6, 16), D(2021, 6, 16), "day"), True),
        (Span(D(2021, 6, 16), D(2021, 6, 16), "day"), Span(D(2021, 6, 17), D(2021, 6, 17), "day"), False),
        (Span(D(2021, 6, 16), D(2021, 6, 16), "day"), Span(D(2021, 6, 14), D(2021, 6, 20), "week"), True),
        (Span(D(2021, 6, 16), D(2021, 6, 16), "day"), Span(D(2021, 6, 1), D(2021, 6, 30), "month"), False),
        (Span(D(2021, 6, 14), D(2021, 6, 20), "week"), Span(D(2021, 6, 1), D(2021, 6, 30), "month"), True),
        (Span(D(2021, 6, 1), D(2021, 6, 30), "month"), Span(D(2021, 6, 1), D(2021, 6, 30), "month"), True),
        (Span(D(2021, 1, 1), D(2021, 12, 31), "year"), Span(D(2021, 1, 1), D(2021, 12, 31), "year"), False),
        (Span(None, D(2021, 6, 16), "open"), Span(None, D(2021, 6, 16), "open"), False),
        (Span(D(2021, 6, 16), None, "open"), Span(D(2021, 6, 16), D(2021, 6, 16), "day"), False),
        (Span(D(2021, 6, 16), D(2021, 6, 18), "span"), Span(D(2021, 6, 18), D(2021, 6, 18), "day"), True),
        (Span(D(2021, 6, 1), D(2021, 8, 31), "span"), Span(D(2021, 6, 18), D(2021, 6, 18), "day"), False),
    ],
)
def test_spans_agree(a: Span, b: Span, agree: bool) -> None:
    assert spans_agree(a, b) is agree
    assert spans_agree(b, a) is agree


@pytest.mark.parametrize(
    ("span", "rank"),
    [(Span(D(2021, 1, 1), D(2021, 1, 1), "day"), 0), (Span(D(2021, 1, 1), D(2021, 1, 31), "month"), 2),
     (Span(D(2021, 1, 1), D(2021, 1, 3), "span"), 1), (Span(None, D(2021, 1, 3), "open"), None),
     (Span(D(2021, 1, 1), D(2021, 3, 31), "quarter"), 3)],
)
def test_granularity_rank(span: Span, rank: int | None) -> None:
    assert granularity_rank(span) == rank


W = D(2021, 6, 16)
# (label, changes to the second report, merges?) — the first report is RUSGOV -> USAGOV 040 on W.
NEAR_MISSES = [
    ("same event", {}, True),
    ("same event, one report attributed", {"modality": ("attributed",)}, True),
    ("same event in a week span", {"start": D(2021, 6, 14), "end": D(2021, 6, 20), "granularity": "week"}, True),
    ("other CAMEO code, same root", {"cameo": "042"}, True),
    ("different target", {"target": "UKRGOV"}, False),
    ("different source", {"source": "RUSMIL"}, False),
    ("source and target swapped", {"source": "USAGOV", "target": "RUSGOV"}, False),
    ("different root", {"cameo": "051"}, False),
    ("disjoint dates", {"start": D(2021, 6, 18), "end": D(2021, 6, 18)}, False),
    ("open start", {"start": None, "granularity": "open"}, False),
    ("open end", {"end": None, "granularity": "open"}, False),
    ("month against a day", {"start": D(2021, 6, 1), "end": D(2021, 6, 30), "granularity": "month"}, False),
    ("negated against asserted", {"modality": ("negated",)}, False),
    ("hypothetical against asserted", {"modality": ("hypothetical",)}, False),
    ("uncoded target", {"target": ""}, False),
]


@pytest.mark.parametrize(("label", "change", "merges"), NEAR_MISSES, ids=[n[0] for n in NEAR_MISSES])
def test_reports_merge_only_when_they_agree(store: Store, ev, art, label: str, change: dict,
                                            merges: bool) -> None:
    first = art("a1", (ev(),), source="Outlet One")
    second = art("a2", (ev(**change),), source="Outlet Two")
    store.write([first], run_id=None)
    summary = store.write([second], run_id=None)
    found = events(store, EventQuery(limit=10, order="id"))
    if merges:
        assert summary.merged == 1 and summary.events == 0
        assert len(found) == 1
        assert (found[0].mentions, found[0].sources, found[0].articles) == (2, 2, 2)
    else:
        assert summary.merged == 0 and summary.events == 1
        assert [(e.mentions, e.sources, e.articles) for e in found] == [(1, 1, 1), (1, 1, 1)]


def test_merging_in_one_batch_equals_merging_across_batches(ev, art) -> None:
    batch = [art("a1", (ev(),), source="One"), art("a2", (ev(),), source="Two"),
             art("a3", (ev(target="UKRGOV"),), source="One")]
    with Store.open(":memory:") as one, Store.open(":memory:") as many:
        one.write(batch, run_id=None)
        for ca in batch:
            many.write([ca], run_id=None)
        shape = [[(e.event.target.code if e.event.target else "", e.mentions, e.sources)
                  for e in events(s, EventQuery(order="id"))] for s in (one, many)]
    assert shape[0] == shape[1] == [("USAGOV", 2, 2), ("UKRGOV", 1, 1)]


def test_same_article_twice_is_one_report(store: Store, ev, art) -> None:
    ca = art("a1", (ev(),))
    store.write([ca], run_id=None)
    again = store.write([ca], run_id=None)
    assert again.duplicates == 1 and again.reports == 0
    (only,) = events(store)
    assert (only.mentions, only.sources, only.articles) == (1, 1, 1)


def test_two_reports_in_one_article_count_one_article(store: Store, ev, art) -> None:
    store.write([art("a1", (ev(), ev(cameo="042")))], run_id=None)
    (only,) = events(store)
    assert (only.mentions, only.sources, only.articles) == (2, 1, 1)


def test_outlets_count_sources_and_versions_count_one_article(store: Store, ev, art, body) -> None:
    url = "https://news.example/story"
    store.write([art("a1", (ev(),), url=url, source="Same Outlet", body=body("v1"))], run_id=None)
    store.write([art("a2", (ev(),), url=url, source="Same Outlet", body=body("v1") + " Updated.")],
                run_id=None)
    store.write([art("a3", (ev(),), source="Other Outlet")], run_id=None)
    (only,) = events(store)
    assert (only.mentions, only.sources, only.articles) == (3, 2, 2)
