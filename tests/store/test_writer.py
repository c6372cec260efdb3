"""The single writer: idempotence, versions, near-duplicate stories, quarantine, atomicity."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from dyadline.errors import StoreError
from dyadline.model import DateSpan, Flag, Quarantined
from dyadline.store import Store, article_detail

_CONTENT_TABLES = ("articles", "sentences", "mentions", "flags", "events", "reports",
                   "quarantine", "signatures", "lsh_bands")


def _batch(ev, art):
    return [
        art("a1", (ev(), ev(cameo="190", target="UKRMIL")),
            flags=(Flag("contradiction", "two dates", "Monday", 0, 6, ("2021-06-14", "2021-06-15")),)),
        art("a2", (ev(),), source="Second Outlet"),
        art("a3", ()),
    ]


def test_ingesting_the_same_batch_twice_changes_nothing(store: Store, ev, art) -> None:
    bad = [Quarantined("in.jsonl:7", "E103", "not JSON: fix the line", "{oops")]
    first = store.write(_batch(ev, art), bad, run_id=None)
    before = store.counts()
    second = store.write(_batch(ev, art), bad, run_id=None)
    assert first.articles == 3 and first.reports == 3 and first.events == 2 and first.quarantined == 1
    assert second.articles == 0 and second.duplicates == 3 and second.quarantined == 0
    assert second.reports == 0 and second.events == 0
    assert {t: store.counts()[t] for t in _CONTENT_TABLES} == {t: before[t] for t in _CONTENT_TABLES}


def test_known_reports_stored_hashes(store: Store, ev, art) -> None:
    from dyadline.store.writer import content_hash

    ca = art("a1", (ev(),))
    h = content_hash(ca.article.body)
    assert store.known([h, "0" * 64]) == set()
    store.write([ca], run_id=None)
    assert store.known([h, "0" * 64]) == {h}
    # whitespace changes do not make a new article
    reflowed = dataclasses.replace(ca, article=dataclasses.replace(
        ca.article, id="other", body=ca.article.body.replace(" ", "\n  ")))
    assert store.write([reflowed], run_id=None).duplicates == 1


def test_changed_url_is_a_new_version_linked_to_the_old(store: Store, art, body) -> None:
    url = "https://news.example/a"
    store.write([art("v1", body=body("x"), url=url)], run_id=None)
    s = store.write([art("v2", body=body("x") + " Correction appended.", url=url)], run_id=None)
    s3 = store.write([art("v3", body=body("x") + " Second correction.", url=url)], run_id=None)
    assert (s.versions, s3.versions) == (1, 1)
    v3 = article_detail(store, "v3")
    assert (v3.url_version, v3.supersedes, v3.document_id) == (3, "v2", "v1")


def test_id_taken_by_other_content_gets_a_suffix_and_a_flag(store: Store, art, body) -> None:
    store.write([art("same-id", body=body("one"))], run_id=None)
    s = store.write([art("same-id", body=body("two"))], run_id=None)
    assert s.id_conflicts == 1 and s.articles == 1
    (row,) = store.fetch("SELECT id FROM articles WHERE id <> 'same-id'")
    assert row["id"].startswith("same-id~")
    assert [f.kind for f in article_detail(store, row["id"]).flags] == ["id_conflict"]


def test_failed_articles_are_quarantined_not_stored(store: Store, art) -> None:
    failed = art("bad", error="[E106] article is longer than max_chars: raise max_chars")
    uncoded = art("bad2", error="something unexpected")
    s = store.write([failed, uncoded], run_id=None)
    assert s.articles == 0 and s.quarantined == 2
    rows = store.fetch("SELECT code, origin FROM quarantine ORDER BY code")
    assert rows == [{"code": "E106", "origin": "test.jsonl:bad"},
                    {"code": "E707", "origin": "test.jsonl:bad2"}]
    assert store.known([]) == set()


def test_a_failing_batch_stores_nothing(store: Store, ev, art) -> None:
    broken = ev()
    broken = dataclasses.replace(broken, date=DateSpan(date(2021, 1, 1), date(2021, 1, 1),
                                                       None, "x"))  # type: ignore[arg-type]
    with pytest.raises(StoreError) as err:
        store.write([art("ok", (ev(),)), art("broken", (broken,))], run_id=None)
    assert err.value.code == "E704"
    assert store.counts()["articles"] == 0 and store.counts()["events"] == 0
    assert store.write([art("ok", (ev(),))], run_id=None).articles == 1


def test_runs_are_recorded(store: Store, art) -> None:
    run = store.start_run({"sources": ["x.jsonl"], "batch_size": 2})
    total = store.write([art("a1")], run_id=run) + store.write([art("a2")], run_id=run)
    store.finish_run(run, total)
    (row,) = store.fetch("SELECT * FROM runs")
    assert row["finished"] is not None and '"articles": 2' in row["counts"]
    assert store.fetch("SELECT DISTINCT run_id FROM articles") == [{"run_id": run}]
    with pytest.raises(StoreError, match="E708"):
        store.finish_run(run + 5, total)


def _wire_copy(text: str) -> str:
    """A syndicated copy: new dateline and credit, one sentence edited."""
    return "LONDON (Wire) - " + text.replace("talks", "negotiations", 1) + " (Reporting by staff)"


def test_near_duplicates_join_one_story_across_writes_and_reopen(tmp_path: Path, art,
                                                                 body) -> None:
    path = str(tmp_path / "s.duckdb")
    original = body("story", words=300)
    with Store.open(path) as s:
        s.write([art("orig", body=original)], run_id=None)
        s.write([art("other", body=body("unrelated", words=300))], run_id=None)
    with Store.open(path) as s:
        summary = s.write([art("copy", body=_wire_copy(original), source="Wire")], run_id=None)
        assert summary.near_duplicates == 1
        stories = {r["id"]: r["story_id"] for r in s.fetch("SELECT id, story_id FROM articles")}
    assert stories == {"orig": "orig", "copy": "orig", "other": "other"}


def test_near_duplicates_within_one_batch(store: Store, art, body) -> None:
    text = body("batch", words=300)
    store.write([art("x1", body=text), art("x2", body=_wire_copy(text))], run_id=None)
    assert article_detail(store, "x2").story_id == "x1"
    assert article_detail(store, "x1").same_story == ("x2",)


def test_a_bridge_article_merges_two_stories(ev, art, body) -> None:
    common = body("bridge", words=300).split()
    left = " ".join(w if i % 25 != 5 else "alpha" for i, w in enumerate(common))
    right = " ".join(w if i % 25 != 17 else "beta" for i, w in enumerate(common))
    with Store.open(":memory:", dedup_threshold=0.7) as store:
        store.write([art("l", (ev(),), body=left, source="L")], run_id=None)
        store.write([art("r", (ev(),), body=right, source="R")], run_id=None)
        assert store.fetch("SELECT n_stories FROM events") == [{"n_stories": 2}]
        # close to both (about 0.77 and 0.81), while they are 0.63 apart: one story now
        assert store.write([art("both", body=" ".join(common))], run_id=None).near_duplicates == 1
        stories = {r["story_id"] for r in store.fetch("SELECT story_id FROM articles")}
        assert stories == {"l"}
        assert store.fetch("SELECT n_stories FROM events") == [{"n_stories": 1}]


def test_changing_the_threshold_rebands_stored_signatures(tmp_path: Path, art, body) -> None:
    path = str(tmp_path / "t.duckdb")
    text = body("loose", words=200)
    loose = " ".join(w if i % 6 else "changed" for i, w in enumerate(text.split()))
    with Store.open(path, dedup_threshold=0.9) as s:
        s.write([art("first", body=text)], run_id=None)
        assert s.write([art("second", body=loose)], run_id=None).near_duplicates == 0
    with Store.open(path, dedup_threshold=0.3) as s:
        bands = s.counts()["lsh_bands"]
        assert bands == 2 * s.lsh.bands
        assert s.write([art("third", body=loose + " more")], run_id=None).near_duplicates == 1
