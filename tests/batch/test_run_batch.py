"""run_batch on a small local cluster (worker threads of this process, the real pipeline):
the store ends as the single-process ingest leaves it, a failed shard loses nothing else, and
a re-run merges the parts an interrupted run left without coding them again."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dyadline.articles import read_articles
from dyadline.batch import code_shard, coding_fingerprint, part_name, run_batch, shard_key, slices
from dyadline.batch.shards import Shard
from dyadline.cli import main
from dyadline.errors import ConfigError, ModelError
from dyadline.ingest import ingest
from dyadline.settings import Settings, load_settings
from dyadline.store import Store

pytestmark = pytest.mark.slow

# Our own sentences. Articles 7 and 8 report one meeting in nearly the same words (one story,
# one event with two reports); article 9 repeats article 2 word for word under another id.
LAVROV = ("Russian Foreign Minister Sergei Lavrov met Turkish Foreign Minister Mevlut Cavusoglu "
          "in Ankara on Wednesday to discuss the fighting in northern Syria. The two ministers "
          "spoke for three hours and agreed to keep their military officers in close contact, "
          "officials from both delegations said after the meeting. Turkey and Russia back "
          "opposite sides in the conflict but have cooperated on several local truces this year.")
ARTICLES = [
    ("t1", "2021-10-20", "Russian President Vladimir Putin met Chinese President Xi Jinping in "
                         "Moscow on Tuesday. The two leaders signed an energy agreement."),
    ("t2", "2021-10-20", "Ukrainian forces shelled Russian positions near Donetsk on Monday, the "
                         "Ukrainian military said."),
    ("t3", "2021-10-20", "The United States imposed sanctions on Iran on Friday. Iran condemned "
                         "the decision."),
    ("t4", "2021-10-20", "German Chancellor Angela Merkel visited France last week. French "
                         "President Emmanuel Macron praised Germany."),
    ("t5", "2021-10-21", "Israel accused Hamas of firing rockets at Tel Aviv on Sunday."),
    ("t6", None, "Turkey threatened to expel ten Western ambassadors on Saturday."),
    ("t7", "2021-11-04", LAVROV),
    ("t8", "2021-11-04", LAVROV.replace("this year", "over the past year")),
    ("t9", "2021-10-20", "Ukrainian forces shelled Russian positions near Donetsk on Monday, the "
                         "Ukrainian military said."),
]
SIZE = 2


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("input") / "news.jsonl"
    lines = [json.dumps({"id": i, "date": d, "text": t, "source": f"Outlet {n % 3}"})
             for n, (i, d, t) in enumerate(ARTICLES)]
    path.write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def settings() -> Settings:
    return load_settings(environ={}, overrides={"dask_processes": False, "dask_workers": 1,
                                                "shard_size": SIZE})


def _snapshot(db: str) -> dict[str, Any]:
    with Store.open(db, read_only=True) as s:
        return {
            "counts": {k: v for k, v in s.counts().items() if k != "runs"},
            "events": s.fetch("SELECT * FROM events ORDER BY id"),
            "reports": s.fetch("SELECT * EXCLUDE (run_id) FROM reports ORDER BY id"),
            "articles": s.fetch("SELECT * EXCLUDE (ingested_at, run_id) FROM articles ORDER BY id"),
            "quarantine": s.fetch("SELECT origin, code, reason FROM quarantine ORDER BY origin"),
        }


def _dyads(snapshot: dict[str, Any]) -> Counter[tuple[Any, ...]]:
    return Counter((e["source_code"], e["cameo"], e["target_code"], e["date_start"],
                    e["date_end"], e["n_mentions"], e["n_articles"]) for e in snapshot["events"])


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, source: str, settings: Settings,
              pipeline: Any) -> dict[str, Any]:
    """The store after the single-process ingest of the same input."""
    db = str(tmp_path_factory.mktemp("ingest") / "ingest.duckdb")
    ingest([source], db, settings=settings, pipeline=pipeline)
    snap = _snapshot(db)
    assert snap["counts"]["articles"] == 8 and snap["counts"]["quarantine"] == 1
    assert any(e["n_mentions"] == 2 for e in snap["events"]), "t7/t8 should merge into one event"
    return snap


def test_batch_stores_what_the_single_process_ingest_stores(
        tmp_path: Path, source: str, settings: Settings, reference: dict[str, Any]) -> None:
    db = str(tmp_path / "batch.duckdb")
    summary = run_batch([source], db, settings=settings)
    # five slices; the last holds only t9, a repeat of t2, and the broken line: no task for it
    assert (summary.read, summary.skipped, summary.shards, summary.reused) == (9, 1, 4, 0)
    assert (summary.coded, summary.quarantined, summary.failed, summary.failures) == (8, 1, 0, [])
    assert summary.events == reference["counts"]["reports"]
    assert _snapshot(db) == reference
    assert not Path(f"{db}.parts").exists()  # merged parts are removed

    again = run_batch([source], db, settings=settings)
    assert (again.read, again.skipped, again.shards, again.coded) == (9, 9, 0, 0)
    assert _snapshot(db) == reference


def test_a_failed_shard_loses_nothing_of_the_others_and_a_rerun_completes_it(
        tmp_path: Path, source: str, settings: Settings, reference: dict[str, Any]) -> None:
    db, parts = str(tmp_path / "batch.duckdb"), tmp_path / "parts"
    second = list(slices(read_articles([source], settings=settings), SIZE))[1]
    key = shard_key(coding_fingerprint(settings), second.articles, second.quarantined)
    blocker = parts / part_name(1, key)
    blocker.mkdir(parents=True)  # a folder where the worker must write shard 1's part

    summary = run_batch([source], db, settings=settings, parts_dir=parts)
    assert [(f.index, f.articles, f.origins) for f in summary.failures] == [
        (1, 2, f"{source}:3 .. {source}:4")]
    assert "E762" in summary.failures[0].error and summary.exit_code == 1
    with Store.open(db, read_only=True) as s:
        stored = {r["id"] for r in s.fetch("SELECT id FROM articles")}
    assert stored == {"t1", "t2", "t5", "t6", "t7", "t8"}  # t9 repeats t2: not stored twice

    blocker.rmdir()
    rerun = run_batch([source], db, settings=settings, parts_dir=parts)
    assert (rerun.shards, rerun.coded, rerun.failures) == (1, 2, [])
    snap = _snapshot(db)
    assert snap["counts"] == reference["counts"]
    assert _dyads(snap) == _dyads(reference)


def test_an_article_longer_than_spacys_default_limit_is_coded_when_max_chars_allows_it(
        tmp_path: Path, nlp: Any) -> None:
    # the pipeline raises spaCy's max_length to the max_chars setting, so the readers' limit
    # is the only one: an article they let through is coded, on a worker as in ingest
    settings = load_settings(environ={}, overrides={
        "dask_processes": False, "dask_workers": 1, "shard_size": 3,
        "max_chars": nlp.max_length + 100})
    long_text = "Officials met in the capital for talks. " * (nlp.max_length // 40 + 1)
    assert len(long_text) > nlp.max_length
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": i, "date": "2021-10-20", "text": t}) for i, t in
                             [("t1", ARTICLES[0][2]), ("long", long_text), ("t3", ARTICLES[2][2])]))
    db = str(tmp_path / "batch.duckdb")
    summary = run_batch([str(src)], db, settings=settings)
    assert (summary.coded, summary.failed, summary.failures) == (3, 0, [])
    with Store.open(db, read_only=True) as s:
        assert {r["id"] for r in s.fetch("SELECT id FROM articles")} == {"t1", "long", "t3"}
        assert s.fetch("SELECT origin FROM quarantine") == []


def test_a_rerun_merges_the_parts_an_interrupted_run_left(
        tmp_path: Path, source: str, settings: Settings, reference: dict[str, Any]) -> None:
    db, parts = str(tmp_path / "batch.duckdb"), tmp_path / "parts"
    parts.mkdir()
    fingerprint = coding_fingerprint(settings)
    for sl in list(slices(read_articles([source], settings=settings), SIZE))[:3]:
        shard = Shard(sl.index, shard_key(fingerprint, sl.articles, sl.quarantined),
                      sl.articles, sl.quarantined)
        path = parts / part_name(sl.index, shard.key)
        outcome = code_shard(shard, dict(settings.values), str(path), fingerprint)
        assert outcome.error is None and outcome.articles == len(sl.articles)

    summary = run_batch([source], db, settings=settings, parts_dir=parts)
    assert (summary.reused, summary.shards, summary.coded) == (3, 1, 8)
    assert _snapshot(db) == reference
    assert not parts.exists()


@pytest.mark.parametrize(("override", "word"), [
    ({"shard_size": 0}, "shard_size"),
    ({"dask_workers": -1}, "dask_workers"),
])
def test_bad_batch_settings_stop_before_any_work(tmp_path: Path, source: str,
                                                 override: dict[str, int], word: str) -> None:
    settings = load_settings(environ={}, overrides=override)
    with pytest.raises(ConfigError) as err:
        run_batch([source], str(tmp_path / "x.duckdb"), settings=settings)
    assert err.value.code == "E961" and word in str(err.value)
    assert not (tmp_path / "x.duckdb").exists()


def test_a_pipeline_the_workers_cannot_build_stops_the_run_with_its_own_error(
        tmp_path: Path, source: str, settings: Settings) -> None:
    broken = settings.replace(model=str(tmp_path / "no-such-model"))
    with pytest.raises(ModelError) as err:
        run_batch([source], str(tmp_path / "x.duckdb"), settings=broken)
    assert err.value.code == "E201" and "no-such-model" in str(err.value)
    with Store.open(str(tmp_path / "x.duckdb"), read_only=True) as s:
        assert s.counts()["articles"] == 0


def test_the_batch_command_reports_a_run_and_its_quarantine(tmp_path: Path, source: str,
                                                            reference: dict[str, Any]) -> None:
    db = str(tmp_path / "cli.duckdb")
    result = CliRunner(env={"DYADLINE_DASK_PROCESSES": "false", "DYADLINE_CONFIG": None}).invoke(
        main, ["batch", source, "--db", db, "--workers", "1", "--shard-size", "4"])
    assert result.exit_code == 1, result.output  # the broken line was quarantined
    assert f"warning: [E108] {source}:10" in result.stderr
    assert "run 1 on 1 Dask workers: 9 articles read, 1 already stored, 2 shards coded" in result.stderr
    assert _dyads(_snapshot(db)) == _dyads(reference)
