"""The store reads exports and imports use: every matching event in id order and in batches,
the first-reporting article's facts, and which article ids are stored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from dyadline.errors import QueryError
from dyadline.model import Article, CodedArticle, Event
from dyadline.store import (
    EventQuery,
    Store,
    events,
    iter_events,
    iter_events_with_articles,
    stored_article_ids,
)


@pytest.mark.parametrize(
    "query",
    [EventQuery(), EventQuery(dyad=("RUS", "USA")), EventQuery(since="2022-01-01"),
     EventQuery(include_uncertain=False), EventQuery(root="20")],
)
@pytest.mark.parametrize("size", [1, 3, 5000])
def test_iter_events_is_events_in_id_order(filled: Store, query: EventQuery, size: int) -> None:
    batches = list(iter_events(filled, query, batch_size=size))
    assert all(0 < len(b) <= size for b in batches)
    got = [s for b in batches for s in b]
    whole = events(filled, EventQuery(**{**_fields(query), "order": "id", "limit": 10_000}))
    assert got == whole


def _fields(q: EventQuery) -> dict[str, object]:
    return {f: getattr(q, f) for f in q.__slots__}


def test_other_queries_may_run_between_batches(filled: Store) -> None:
    seen = []
    for batch in iter_events(filled, batch_size=2):
        seen.extend(batch)
        assert stored_article_ids(filled, ["a1", "zz"]) == {"a1"}
    assert len(seen) == 7


def test_a_bad_query_or_batch_size_is_refused(filled: Store) -> None:
    with pytest.raises(QueryError):
        next(iter_events(filled, EventQuery(root="x")))
    with pytest.raises(QueryError):
        next(iter_events(filled, batch_size=0))


def test_events_come_with_their_first_article(filled: Store) -> None:
    pairs = [p for b in iter_events_with_articles(filled) for p in b]
    assert [s.id for s, _ in pairs] == sorted(s.id for s, _ in pairs)
    refs = {s.event.article_id: ref for s, ref in pairs}
    assert refs["a1"].url == "https://news.example/a1" and refs["a1"].outlet == "Example Post"
    assert refs["a1"].published == date(2021, 6, 17) and refs["a1"].ingested_at is not None
    assert refs["b1"].url is None and refs["b1"].outlet is None and refs["b1"].published is None


@pytest.mark.parametrize(
    ("body", "lead_end"),
    [
        ("Première phrase, déjà 😀 ici.\n\nSecond paragraph.", 28),
        ("\n\n  Lead after blank lines.\n \nNext.", 27),
        ("One paragraph\nwrapped over lines.", 33),
        ("Everything in one line.", 23),
    ],
)
def test_the_lead_paragraph_ends_at_the_first_blank_line(
        store: Store, ev: Callable[..., Event], body: str, lead_end: int) -> None:
    event = Event(**{**{s: getattr(ev(), s) for s in Event.__slots__}, "article_id": "x"})
    store.write([CodedArticle(Article("x", body, date(2021, 1, 1)), events=(event,))],
                run_id=None)
    ((_, ref),) = next(iter_events_with_articles(store))
    assert ref.lead_end == lead_end
    assert len(body[:lead_end].rstrip()) == len(body[:lead_end])


def test_stored_article_ids(filled: Store) -> None:
    assert stored_article_ids(filled, []) == set()
    assert stored_article_ids(filled, ["a1", "b1", "a1", "nope"]) == {"a1", "b1"}
