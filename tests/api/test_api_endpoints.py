"""The JSON endpoints over the hand-built database (see conftest): one table of requests."""

from __future__ import annotations

from typing import Any

import pytest

MET, SHELL, FIGHT, ACCUSE, DENY = ("RUSGOV>USAGOV:040", "RUSMIL>UKRMIL:190", "UKRMIL>RUSMIL:193",
                                   "UKRGOV>RUSGOV:112", "RUSMIL>UKR:190")


def labels(body: dict[str, Any]) -> list[str]:
    return [f"{e['source']['code']}>{e['target']['code']}:{e['cameo']}" for e in body["events"]]


def periods(body: dict[str, Any]) -> list[tuple[str, int, int, int]]:
    return [(r["period"], r["events"], r["verbal_conflict"], r["material_conflict"])
            for r in body["rows"]]


EVENT_LISTS = [
    ("everything, by date", "/api/events", [MET, DENY, SHELL, ACCUSE, FIGHT]),
    ("newest first", "/api/events?order=-date", [FIGHT, ACCUSE, SHELL, DENY, MET]),
    ("actor code prefix", "/api/events?actor=UKR", [DENY, SHELL, ACCUSE, FIGHT]),
    ("actor by name", "/api/events?actor=biden", [MET]),
    ("dyad as two values", "/api/events?dyad=UKRMIL&dyad=RUSMIL", [SHELL, FIGHT]),
    ("dyad as A,B", "/api/events?dyad=UKRMIL,RUSMIL", [SHELL, FIGHT]),
    ("directed dyad", "/api/events?dyad=UKRMIL&dyad=RUSMIL&directed=true", [FIGHT]),
    ("cameo code and children", "/api/events?code=19", [DENY, SHELL, FIGHT]),
    ("root", "/api/events?root=11", [ACCUSE]),
    ("quad class", "/api/events?quad=3", [ACCUSE]),
    ("date window overlaps", "/api/events?since=2022-03-15&until=2022-04-30", [ACCUSE]),
    ("said by", "/api/events?said_by=kremlin", [MET]),
    ("outlet of any report", "/api/events?outlet=outlet%20b", [MET]),
    ("modality", "/api/events?modality=negated", [DENY]),
    ("asserted only", "/api/events?modality=asserted", [MET, SHELL, FIGHT]),
    ("certain only", "/api/events?certain=true&root=19", [SHELL, FIGHT]),
    ("article of any report", "/api/events?article=geneva-2", [MET]),
    ("words in the evidence", "/api/events?text=artillery%20river", [SHELL]),
    ("empty values are not filters", "/api/events?quad=&actor=&dyad=&dyad=", [MET, DENY, SHELL,
                                                                              ACCUSE, FIGHT]),
    ("a page", "/api/events?limit=2&offset=1", [DENY, SHELL]),
]


@pytest.mark.parametrize(("path", "expected"), [r[1:] for r in EVENT_LISTS],
                         ids=[r[0] for r in EVENT_LISTS])
def test_event_lists(client, path: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert labels(r.json()) == expected


def test_event_list_reports_total_and_page(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/events?limit=2&offset=1").json()
    assert (body["total"], body["limit"], body["offset"], len(body["events"])) == (5, 2, 1, 2)


def _event_id(client, label: str) -> int:  # type: ignore[no-untyped-def]
    body = client.get("/api/events").json()
    return next(e["id"] for e in body["events"]
                if f"{e['source']['code']}>{e['target']['code']}:{e['cameo']}" == label)


def test_one_event_has_every_report(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"/api/events/{_event_id(client, MET)}").json()
    assert body["event"]["mentions"] == 2 and body["event"]["sources"] == 2
    assert sorted((r["article_id"], r["outlet"]) for r in body["reports"]) == [
        ("geneva", "Outlet A"), ("geneva-2", "Outlet B")]
    said = {r["article_id"]: (r["said_by"] or {}).get("text") for r in body["reports"]}
    assert said == {"geneva": "the Kremlin", "geneva-2": None}


def test_article_has_mentions_and_evidence_offsets(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/articles/shelling").json()
    text = body["body"]
    assert body["id"] == "shelling" and body["source"] == "Outlet A"
    assert [e["cameo"] for e in body["events"]] == ["190", "193", "112"]
    for e in body["events"]:
        ev = e["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        assert text[e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]
    mentions = {m["text"]: m["code"] for m in body["mentions"]}
    assert mentions["Kyiv"] == "UKRGOV" and mentions["officials"] == ""
    for m in body["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]


TIMELINES = [
    ("month, certain only", "/api/timeline?a=RUS&b=UKR&by=month&since=2022-02-01&until=2022-03-31",
     [("2022-02-01", 0, 0, 0), ("2022-03-01", 3, 1, 2)]),
    ("uncertain counted", "/api/timeline?a=RUS&b=UKR&by=month&since=2022-02-01&until=2022-03-31"
     "&include_uncertain=true", [("2022-02-01", 1, 0, 1), ("2022-03-01", 3, 1, 2)]),
    ("directed", "/api/timeline?a=UKR&b=RUS&by=month&directed=true", [("2022-03-01", 2, 1, 1)]),
    ("weeks start on Monday", "/api/timeline?a=RUSMIL&b=UKRMIL&by=week",
     [("2022-02-28", 2, 0, 2)]),
    ("reports counted", "/api/timeline?a=RUS&b=USA&by=day&count_reports=true",
     [("2021-06-16", 2, 0, 0)]),
    ("names match", "/api/timeline?a=Putin&b=Biden&by=month", [("2021-06-01", 1, 0, 0)]),
]


@pytest.mark.parametrize(("path", "expected"), [r[1:] for r in TIMELINES],
                         ids=[r[0] for r in TIMELINES])
def test_timelines(client, path: str, expected: list[tuple[str, int, int, int]]) -> None:  # type: ignore[no-untyped-def]
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert periods(r.json()) == expected


def test_timeline_echoes_its_question(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/timeline?a=RUS&b=UKR").json()
    assert {k: body[k] for k in ("a", "b", "by", "directed", "count_reports",
                                 "include_uncertain")} == {
        "a": "RUS", "b": "UKR", "by": "week", "directed": False, "count_reports": False,
        "include_uncertain": False}
    march = body["rows"][0]
    assert march["goldstein_sum"] == -22.0 and march["imprecise"] == 1  # the month-long accusation


def test_settings_give_the_count_defaults(make_client, db_file) -> None:  # type: ignore[no-untyped-def]
    c = make_client(db_file, include_uncertain=True)
    body = c.get("/api/timeline?a=RUS&b=UKR&by=month&since=2022-02-01&until=2022-02-28").json()
    assert body["include_uncertain"] is True and periods(body) == [("2022-02-01", 1, 0, 1)]


TOPS = [
    ("top actors", "/api/actors/top?limit=3", "actors",
     [("RUSGOV", 2), ("RUSMIL", 2), ("UKRMIL", 2)]),
    ("top actors as target, uncertain too", "/api/actors/top?role=target&include_uncertain=true",
     "actors", [("RUSGOV", 1), ("RUSMIL", 1), ("UKR", 1), ("UKRMIL", 1), ("USAGOV", 1)]),
    ("top actors in a window", "/api/actors/top?since=2021-01-01&until=2021-12-31", "actors",
     [("RUSGOV", 1), ("USAGOV", 1)]),
    ("top dyads", "/api/dyads/top", "dyads",
     [("RUSMIL|UKRMIL", 2), ("RUSGOV|UKRGOV", 1), ("RUSGOV|USAGOV", 1)]),
    ("top dyads directed", "/api/dyads/top?directed=true&limit=2", "dyads",
     [("RUSGOV|USAGOV", 1), ("RUSMIL|UKRMIL", 1)]),
]


def _top(body: dict[str, Any], key: str) -> list[tuple[str, int]]:
    if key == "actors":
        return [(r["code"], r["total"]) for r in body[key]]
    return [(f"{r['a']}|{r['b']}", r["events"]) for r in body[key]]


@pytest.mark.parametrize(("path", "key", "expected"), [r[1:] for r in TOPS],
                         ids=[r[0] for r in TOPS])
def test_top_lists(client, path: str, key: str, expected: list[tuple[str, int]]) -> None:  # type: ignore[no-untyped-def]
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert _top(r.json(), key) == expected


def test_actor_profile(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/actors/RUS?include_uncertain=true").json()
    assert (body["code"], body["as_source"], body["as_target"]) == ("RUS", 3, 2)
    assert (body["first_day"], body["last_day"]) == ("2021-06-16", "2022-03-02")
    assert {r["key"]: r["n"] for r in body["codes"]} == {"RUSGOV": 2, "RUSMIL": 3}


def test_health_counts_the_database(client, db_file) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["db"] == str(db_file)
    assert (body["articles"], body["events"], body["reports"], body["quarantined"]) == (4, 5, 6, 0)
    assert body["migrations"]


def test_openapi_lists_every_endpoint(client) -> None:  # type: ignore[no-untyped-def]
    paths = set(client.get("/openapi.json").json()["paths"])
    assert paths == {"/api/health", "/api/events", "/api/events/{event_id}",
                     "/api/articles/{article_id}", "/api/timeline", "/api/actors/top",
                     "/api/dyads/top", "/api/actors/{code}"}
