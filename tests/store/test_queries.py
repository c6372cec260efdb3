"""The read queries, table-driven over one small hand-made database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from dyadline.errors import QueryError
from dyadline.store import (
    EventQuery,
    Store,
    actor_profile,
    article_detail,
    count_events,
    dyad_timeline,
    event_reports,
    events,
    get_event,
    top_actors,
    top_dyads,
)

D = date


@pytest.fixture
def db(ev, art) -> Iterator[Store]:
    """Six events; the first reported twice (by two outlets)."""
    batch = [
        art("met", (ev("RUSGOV", "USAGOV", "040", D(2021, 6, 16), D(2021, 6, 16),
                       source_name="Vladimir Putin", said_by="the Kremlin", place="Geneva"),),
            source="Outlet A", url="https://a.example/1"),
        art("met-again", (ev("RUSGOV", "USAGOV", "040", D(2021, 6, 16), D(2021, 6, 16),
                             source_name="Vladimir Putin"),), source="Outlet B"),
        art("shelling", (ev("RUSMIL", "UKRMIL", "190", D(2022, 3, 1), D(2022, 3, 1)),
                         ev("UKRMIL", "RUSMIL", "193", D(2022, 3, 2), D(2022, 3, 2)),
                         ev("RUSGOV", "UKRGOV", "112", D(2022, 3, 1), D(2022, 3, 31), "month",
                            ("attributed",), said_by="Kyiv officials")),
            source="Outlet A"),
        art("denial", (ev("RUSGOV", "UKRGOV", "190", D(2022, 2, 20), D(2022, 2, 20),
                          modality=("negated",)),), source="Outlet C"),
        art("undated", (ev("CHNGOV", "USAGOV", "036", None, None, "open"),), source="Outlet B"),
    ]
    with Store.open(":memory:") as s:
        s.write(batch, run_id=None)
        yield s


def _labels(found) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"{e.event.source.code}>{e.event.target.code}:{e.event.cameo}" for e in found]


MET, SHELL, FIGHT, ACCUSE, DENY, CHN = ("RUSGOV>USAGOV:040", "RUSMIL>UKRMIL:190",
                                        "UKRMIL>RUSMIL:193", "RUSGOV>UKRGOV:112",
                                        "RUSGOV>UKRGOV:190", "CHNGOV>USAGOV:036")

QUERIES = [
    ("everything by date", EventQuery(), [MET, DENY, SHELL, ACCUSE, FIGHT, CHN]),
    ("newest first", EventQuery(order="-date"), [FIGHT, ACCUSE, SHELL, DENY, MET, CHN]),
    ("actor code prefix", EventQuery(actor="UKR"), [DENY, SHELL, ACCUSE, FIGHT]),
    ("actor full code", EventQuery(actor="UKRMIL"), [SHELL, FIGHT]),
    ("actor by name", EventQuery(actor="putin"), [MET]),
    ("undirected dyad", EventQuery(dyad=("UKRMIL", "RUSMIL")), [SHELL, FIGHT]),
    ("directed dyad", EventQuery(dyad=("UKRMIL", "RUSMIL"), directed=True), [FIGHT]),
    ("cameo code", EventQuery(cameo="19"), [DENY, SHELL, FIGHT]),
    ("cameo exact", EventQuery(cameo="193"), [FIGHT]),
    ("root", EventQuery(root="11"), [ACCUSE]),
    ("quad class", EventQuery(quad=4), [DENY, SHELL, FIGHT]),
    ("date overlap catches the month span", EventQuery(since="2022-03-15", until="2022-04-01"), [ACCUSE]),
    ("date window", EventQuery(since="2022-01-01", until="2022-03-01"), [DENY, SHELL, ACCUSE]),
    ("undated never matches a window", EventQuery(since="2000-01-01"), [MET, DENY, SHELL, ACCUSE, FIGHT]),
    ("said by text", EventQuery(said_by="kremlin"), [MET]),
    ("place country", EventQuery(place_country="gen"), [MET]),
    ("outlet of any report", EventQuery(outlet="outlet b"), [MET, CHN]),
    ("modality", EventQuery(modality="negated"), [DENY]),
    ("asserted only", EventQuery(modality="asserted"), [MET, SHELL, FIGHT, CHN]),
    ("certain only", EventQuery(include_uncertain=False, root="19"), [SHELL, FIGHT]),
    ("article of any report", EventQuery(article="met-again"), [MET]),
    ("text", EventQuery(text="artillery shelled"), [DENY, SHELL]),
    ("text and filter", EventQuery(text="artillery", modality="asserted"), [SHELL]),
    ("limit and offset", EventQuery(limit=2, offset=1), [DENY, SHELL]),
    ("most reported first", EventQuery(order="-mentions", limit=1), [MET]),
    ("combined", EventQuery(actor="RUS", quad=4, since="2022-03-01"), [SHELL, FIGHT]),
]


@pytest.mark.parametrize(("label", "query", "expected"), QUERIES, ids=[q[0] for q in QUERIES])
def test_events(db: Store, label: str, query: EventQuery, expected: list[str]) -> None:
    assert _labels(events(db, query)) == expected
    if query.limit == 100 and query.offset == 0:
        assert count_events(db, query) == len(expected)


@pytest.mark.parametrize("fts", [True, False], ids=["fts", "ilike-fallback"])
def test_text_search_with_and_without_the_index(db: Store, fts: bool) -> None:
    if fts:
        assert db.refresh_text_index() and db.text_index_fresh()
    else:
        db._fts = False  # as where the extension cannot be loaded
        assert not db.text_index_fresh()
    assert _labels(events(db, EventQuery(text="Vienna"))) == [MET]
    assert _labels(events(db, EventQuery(text="ceasefire front"))) == [ACCUSE]


def test_a_stale_text_index_is_not_used(db: Store, ev, art) -> None:
    db.refresh_text_index()
    db.write([art("later", (ev("ISRGOV", "USAGOV", "040"),))], run_id=None)
    assert not db.text_index_fresh()
    assert len(events(db, EventQuery(text="Vienna"))) == 2


@pytest.mark.parametrize(
    ("query", "code"),
    [(EventQuery(quad=5), "E801"), (EventQuery(root="4"), "E801"), (EventQuery(cameo="x"), "E801"),
     (EventQuery(order="random"), "E801"), (EventQuery(limit=0), "E801"),
     (EventQuery(modality="maybe"), "E801"), (EventQuery(since="June 2021"), "E803"),
     (EventQuery(since="2022-01-02", until="2022-01-01"), "E803"),
     (EventQuery(dyad=("RUS", "")), "E801")],
)
def test_bad_queries_say_what_to_fix(db: Store, query: EventQuery, code: str) -> None:
    with pytest.raises(QueryError) as err:
        events(db, query)
    assert err.value.code == code


def test_stored_event_keeps_the_full_contract(db: Store) -> None:
    (met,) = events(db, EventQuery(actor="putin"))
    d = met.to_dict()
    assert (d["mentions"], d["sources"], d["articles"]) == (2, 2, 2)
    assert d["said_by"]["text"] == "the Kremlin" and d["place"]["name"] == "Geneva"
    assert d["rule"] == "test-rule" and d["lexicon_entry"] == "test:040"
    assert d["date"] == {"start": "2021-06-16", "end": "2021-06-16", "granularity": "day",
                         "basis": "explicit"}
    assert get_event(db, met.id) == met
    reports = event_reports(db, met.id)
    assert [(r.event.article_id, r.outlet) for r in reports] == [("met", "Outlet A"),
                                                                 ("met-again", "Outlet B")]
    with pytest.raises(QueryError, match="E802"):
        get_event(db, 999)


def test_article_detail(db: Store) -> None:
    d = article_detail(db, "shelling")
    assert d.article.source == "Outlet A" and d.url_version == 1 and d.supersedes is None
    assert [r.event.cameo for r in d.reports] == ["190", "193", "112"]
    assert all(r.event.article_id == "shelling" for r in d.reports)
    assert d.to_dict()["events"][2]["modality"] == ["attributed"]
    with pytest.raises(QueryError, match="E802"):
        article_detail(db, "nope")


def _series(rows) -> list[tuple[str, int, int, int]]:  # type: ignore[no-untyped-def]
    return [(r.period.isoformat(), r.events, r.material_conflict, r.imprecise) for r in rows]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"by": "month"}, [("2022-03-01", 3, 2, 0)]),
        ({"by": "month", "include_uncertain": True}, [("2022-02-01", 1, 1, 0), ("2022-03-01", 3, 2, 0)]),
        ({"by": "week"}, [("2022-02-28", 3, 2, 1)]),
        ({"by": "day", "since": "2022-03-01", "until": "2022-03-03"},
         [("2022-03-01", 2, 1, 1), ("2022-03-02", 1, 1, 0), ("2022-03-03", 0, 0, 0)]),
        ({"by": "week", "directed": True}, [("2022-02-28", 2, 1, 1)]),
        ({"by": "month", "since": "2022-03-02"}, [("2022-03-01", 1, 1, 0)]),
    ],
)
def test_dyad_timeline(db: Store, kwargs: dict, expected: list) -> None:
    assert _series(dyad_timeline(db, "RUS", "UKR", **kwargs)) == expected


def test_timeline_counts_reports_and_goldstein(db: Store) -> None:
    (events_row,) = dyad_timeline(db, "USA", "RUS", by="month")
    (reports_row,) = dyad_timeline(db, "USA", "RUS", by="month", count_reports=True)
    assert (events_row.events, reports_row.events) == (1, 2)
    assert (events_row.goldstein_sum, reports_row.goldstein_sum) == (1.0, 2.0)
    assert events_row.goldstein_mean == reports_row.goldstein_mean == 1.0
    assert dyad_timeline(db, "USA", "CHN") == []  # its only event has no date
    with pytest.raises(QueryError, match="E801"):
        dyad_timeline(db, "USA", "RUS", by="year")


def test_top_actors_and_dyads(db: Store) -> None:
    actors = top_actors(db, limit=3)
    assert [(a.code, a.total) for a in actors] == [("RUSGOV", 2), ("RUSMIL", 2), ("UKRMIL", 2)]
    assert actors[0].name == "Vladimir Putin"
    assert [(a.code, a.as_source) for a in top_actors(db, role="source", limit=2)] == [
        ("RUSGOV", 2), ("RUSMIL", 1)]
    dyads = top_dyads(db, limit=2)
    assert [(d.a, d.b, d.events, d.conflict) for d in dyads] == [("RUSMIL", "UKRMIL", 2, 2),
                                                                ("RUSGOV", "UKRGOV", 1, 1)]
    directed = top_dyads(db, directed=True, since="2022-01-01", include_uncertain=True, limit=5)
    assert {(d.a, d.b) for d in directed} == {("RUSMIL", "UKRMIL"), ("UKRMIL", "RUSMIL"),
                                              ("RUSGOV", "UKRGOV")}


def test_actor_profile(db: Store) -> None:
    p = actor_profile(db, "RUS", include_uncertain=True)
    assert (p.as_source, p.as_target) == (4, 1)
    assert p.codes == (("RUSGOV", 3), ("RUSMIL", 2))
    assert p.names == (("Vladimir Putin", 1),)
    assert dict(p.partners) == {"UKRMIL": 2, "USAGOV": 1, "UKRGOV": 2}
    assert p.roots_as_source == (("04", 1), ("11", 1), ("19", 2))
    assert (p.first_day, p.last_day) == (D(2021, 6, 16), D(2022, 3, 2))
    assert p.to_dict()["codes"][0] == {"key": "RUSGOV", "n": 3}
    with pytest.raises(QueryError, match="E801"):
        actor_profile(db, "russia")
