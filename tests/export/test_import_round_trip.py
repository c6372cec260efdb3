"""Importing coded events: the output of 'dyadline code' and of 'export --format jsonl' load
back, and export again to the same events; bad lines are quarantined and the rest goes on."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dyadline.errors import InputError
from dyadline.export import export_events, import_events
from dyadline.export.importer import imported_body
from dyadline.model import CodedArticle, Event
from dyadline.store import Store, article_detail, events

# The id and the counts depend on the database the events are in (see docs/export.md).
COUNTS = ("id", "mentions", "sources", "articles", "stories")


def contract_lines(path: Path) -> list[dict[str, Any]]:
    """The exported events without id and counts, in a stable order."""
    rows = [{k: v for k, v in json.loads(line).items() if k not in COUNTS}
            for line in path.read_text(encoding="utf-8").splitlines()]
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))


def _export(store: Store, path: Path) -> list[dict[str, Any]]:
    export_events(store, path, "jsonl")
    return contract_lines(path)


def test_export_import_export_gives_the_same_events(filled: Store, tmp_path: Path) -> None:
    first = _export(filled, tmp_path / "first.jsonl")
    with Store.open(":memory:") as fresh:
        summary = import_events([tmp_path / "first.jsonl"], fresh)
        again = _export(fresh, tmp_path / "again.jsonl")
    assert summary.exit_code == 0 and summary.bad_lines == 0
    assert (summary.lines, summary.articles, summary.events) == (7, 2, 7)
    assert again == first


def test_counts_are_recomputed_from_what_was_imported(filled: Store, tmp_path: Path) -> None:
    export_events(filled, tmp_path / "first.jsonl", "jsonl")
    with Store.open(":memory:") as fresh:
        import_events([tmp_path / "first.jsonl"], fresh)
        met = [e for e in events(fresh) if e.event.cameo == "040" and e.event.source
               and e.event.source.code == "RUSGOV"]
    # two reports (a1, a2) in the original database; only a1's reading was exported
    assert [(m.mentions, m.sources, m.articles) for m in met] == [(1, 1, 1)]


def _code_lines(articles: list[CodedArticle], path: Path) -> Path:
    path.write_text("".join(json.dumps(c.to_dict()) + "\n" for c in articles), encoding="utf-8")
    return path


def test_code_output_imports_and_exports_as_ingested(tmp_path: Path,
                                                     build: Callable[..., CodedArticle],
                                                     ev: Callable[..., Event]) -> None:
    from datetime import date

    articles = [
        build("c1", (ev(), ev("USAGOV", "RUSGOV", "112", at=200))),
        build("c2", (ev("RUSMIL", "UKRMIL", "190", date(2022, 3, 1), date(2022, 3, 1)),)),
        build("c3", ()),  # read, nothing coded
    ]
    with Store.open(":memory:") as ingested:
        ingested.write(articles, run_id=None)
        expected = _export(ingested, tmp_path / "ingested.jsonl")
    with Store.open(":memory:") as imported:
        summary = import_events([_code_lines(articles, tmp_path / "coded.jsonl")], imported)
        got = _export(imported, tmp_path / "imported.jsonl")
        detail = article_detail(imported, "c1")
    assert got == expected
    assert (summary.articles, summary.events, summary.written.articles) == (3, 3, 3)
    assert detail.article.published == date(2021, 6, 17)  # from the coded line
    for report in detail.reports:  # the stand-in body holds the evidence at its offsets
        e = report.event.evidence
        assert detail.article.body[e.start:e.end] == e.text
    assert "only the sentences its events were read from are kept" in detail.article.body
    assert len(detail.mentions) == 4 and len(detail.sentences) == 2


def test_importing_twice_or_into_the_source_database_adds_nothing(
        store: Store, rich: list[CodedArticle], tmp_path: Path) -> None:
    store.write(rich, run_id=None)
    export_events(store, tmp_path / "e.jsonl", "jsonl")
    before = store.counts()
    summary = import_events([tmp_path / "e.jsonl"], store)
    assert summary.already_stored == 2 and summary.written.articles == 0
    after = store.counts()
    assert {k: after[k] for k in ("articles", "events", "reports")} == \
        {k: before[k] for k in ("articles", "events", "reports")}


def test_events_of_one_article_are_gathered_across_the_file(tmp_path: Path, filled: Store) -> None:
    lines = (tmp_path / "e.jsonl")
    export_events(filled, lines, "jsonl")
    rows = lines.read_text().splitlines()
    lines.write_text("\n".join(reversed(rows)) + "\n\n")  # any order, a blank line at the end
    with Store.open(":memory:") as fresh:
        summary = import_events([lines], fresh)
        assert {s.event.article_id for s in events(fresh)} == {"a1", "b1"}
    assert (summary.articles, summary.written.articles, summary.events) == (2, 2, 7)


GOOD = {"id": "g1", "published": "2021-06-17", "events": [], "flags": [], "error": None}


def _event_dict(**changes: Any) -> dict[str, Any]:
    from dyadline.model import DateSpan, Evidence

    base = Event(article_id="", source=None, target=None, cameo="040", quad_class=1,
                 goldstein=1.0, plover="CONSULT", date=DateSpan(None, None, "open", "none"),
                 evidence=Evidence("They met.", 0, 9), trigger=Evidence("met", 5, 8)).to_dict()
    base.update(changes)
    return base


# (line, code, words of the message): each bad line between good ones
BAD_LINES = [
    ("{not json", "E811", "not JSON"),
    ("[1, 2]", "E812", "not an object"),
    ('{"title": "x"}', "E812", "neither a coded article"),
    (json.dumps({**GOOD, "id": ""}), "E813", "'id' must be a non-empty string"),
    (json.dumps({**GOOD, "published": "17/06/2021"}), "E813", "not a date"),
    (json.dumps({**GOOD, "events": [{"cameo": "040"}]}), "E813", "missing field"),
    (json.dumps({**GOOD, "events": [_event_dict(cameo=42)]}), "E813", "not a string"),
    (json.dumps({**GOOD, "events": [_event_dict(cameo="4a")]}), "E813", "2 to 4 digits"),
    (json.dumps({**GOOD, "events": [_event_dict(quad_class=7)]}), "E813", "quad_class 7"),
    (json.dumps({**GOOD, "events": [_event_dict(goldstein="high")]}), "E813", "wrong type"),
    (json.dumps({**GOOD, "events": [_event_dict(goldstein=-12.5)]}), "E813", "outside -10..10"),
    (json.dumps({**GOOD, "events": [_event_dict(confidence=7)]}), "E813", "confidence 7"),
    (json.dumps({**GOOD, "events": [_event_dict(modality=["maybe"])]}), "E813", "'maybe'"),
    (json.dumps({**GOOD, "events": [_event_dict(date={"start": "2021-02-01",
                                                      "end": "2021-01-01",
                                                      "granularity": "span",
                                                      "basis": "x"})]}),
     "E813", "after it ends"),
    (json.dumps({**GOOD, "events": [_event_dict(evidence={"text": "x", "start": 2_000_000,
                                                          "end": 2_000_001})]}),
     "E815", "max_chars"),
    (json.dumps({**_event_dict(), "article_id": 5}), "E813", "'article_id'"),
    (json.dumps({**GOOD, "id": "ok"}), "E814", "already read as a coded article"),
]


@pytest.fixture(scope="module")
def bad_import(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One import of a file with a good line, every bad line, and a good line last."""
    path = tmp_path_factory.mktemp("bad") / "in.jsonl"
    good = json.dumps({**GOOD, "id": "ok", "events": [_event_dict()]})
    last = json.dumps({**GOOD, "id": "later", "events": []})
    path.write_text("\n".join([good, *(line for line, _, _ in BAD_LINES), last]) + "\n")
    messages: list[str] = []
    with Store.open(":memory:") as store:
        summary = import_events([path], store, warn=messages.append)
        counts = store.counts()
        rows = store.fetch("SELECT origin, code, reason, raw FROM quarantine ORDER BY origin")
    return {"path": path, "summary": summary, "messages": messages, "counts": counts,
            "rows": {r["origin"]: r for r in rows}}


def test_the_rest_goes_on(bad_import: dict[str, Any]) -> None:
    summary, counts = bad_import["summary"], bad_import["counts"]
    assert summary.bad_lines == len(BAD_LINES) == len(bad_import["messages"])
    assert summary.exit_code == 1
    assert (summary.articles, counts["articles"], counts["events"]) == (2, 2, 1)
    assert counts["quarantine"] == len(BAD_LINES)


@pytest.mark.parametrize(("n", "case"), list(enumerate(BAD_LINES, start=2)))
def test_a_bad_line_is_reported_and_quarantined(bad_import: dict[str, Any], n: int,
                                                case: tuple[str, str, str]) -> None:
    line, code, words = case
    where = f"{bad_import['path']}:{n}"
    (message,) = [m for m in bad_import["messages"] if f"] {where}: " in m]
    assert message.startswith(f"error: [{code}] {where}: ") and words in message
    assert "\n" not in message
    row = bad_import["rows"][where]
    assert (row["code"], row["raw"]) == (code, line) and row["reason"] in message


def test_a_line_that_is_not_utf8_is_quarantined(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "caf\xe9", "events": []}\n' + json.dumps({**GOOD, "events": []})
                     .encode() + b"\n")
    messages: list[str] = []
    with Store.open(":memory:") as store:
        summary = import_events([path], store, warn=messages.append)
    assert summary.bad_lines == 1 and summary.written.articles == 1
    assert messages[0].startswith(f"error: [E811] {path}:1: not UTF-8")


def test_articles_the_coder_failed_on_go_to_the_quarantine(tmp_path: Path) -> None:
    failed = {"id": "input.jsonl:4", "events": [], "flags": [],
              "error": "[E103] input.jsonl:4: the record has no text: give it a 'text' field"}
    path = tmp_path / "coded.jsonl"
    path.write_text(json.dumps(failed) + "\n" + json.dumps({**GOOD, "events": []}) + "\n")
    messages: list[str] = []
    with Store.open(":memory:") as store:
        summary = import_events([path], store, warn=messages.append)
        rows = store.fetch("SELECT origin, code FROM quarantine")
    assert summary.failed == 1 and summary.exit_code == 1 and summary.written.articles == 1
    assert rows == [{"origin": f"{path}:1", "code": "E103"}]
    assert messages[0].startswith(f"warning: {path}:1: article 'input.jsonl:4' was not coded")


def test_a_missing_file_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with Store.open(":memory:") as store:
        with pytest.raises(InputError) as err:
            import_events([tmp_path / "nope.jsonl"], store)
        assert err.value.code == "E816" and store.counts()["runs"] == 0


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], "[dyadline import"),
        ([("Ab.", 0)], "Ab.\n\n[dyadline import"),
        ([("Ab.", 4), ("Cd.", 0)], "Cd. Ab.\n\n[dyadline import"),
    ],
)
def test_imported_body(spans: list[tuple[str, int]], expected: str) -> None:
    from dyadline.model import DateSpan, Evidence

    evs = [Event("x", None, None, "040", 1, 1.0, "", DateSpan(None, None, "open", "none"),
                 Evidence(t, s, s + len(t)), Evidence(t, s, s + 1)) for t, s in spans]
    body = imported_body("x", evs)
    assert body.startswith(expected) and "article x" in body
