"""find_timexes beyond the table: the windowed scan, forward resolution, TIMEX3 mods."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from dyadline.dates import find, find_timexes, reanchor, timex_mod

TABLE = Path(__file__).with_name("timex_table.tsv")
D = date.fromisoformat


def _full_scan(monkeypatch: pytest.MonkeyPatch, text: str, dct: date | None) -> list:
    """find_timexes with every rule run over the whole text instead of around its anchors."""
    with monkeypatch.context() as m:
        m.setattr(find, "_matches", lambda rule, t, hits: rule.pattern.finditer(t))
        return find_timexes(text, dct)


def test_anchor_windows_lose_nothing_on_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    with TABLE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    text = " ".join(r["text"] for r in rows)  # one long text, so windows meet and merge
    assert find_timexes(text, D("2020-12-15")) == _full_scan(monkeypatch, text, D("2020-12-15"))


def test_anchor_windows_lose_nothing_on_real_news(monkeypatch: pytest.MonkeyPatch,
                                                  shared: Path) -> None:
    lines = (shared / "corpus" / "wikinews_2019_2020.jsonl").read_text(encoding="utf-8")
    for line in lines.splitlines()[:40]:
        art = json.loads(line)
        dct = D(art["date"])
        assert find_timexes(art["text"], dct) == _full_scan(monkeypatch, art["text"], dct)


@pytest.mark.parametrize(("text", "dct", "expr", "past", "future"), [
    ("They will meet on Thursday.", "2020-12-15", "Thursday", "2020-12-10", "2020-12-17"),
    ("They will meet on Tuesday.", "2020-12-15", "Tuesday", "2020-12-15", "2020-12-15"),
    ("The vote is in March.", "2020-12-15", "March", "2020-03", "2021-03"),
    ("The vote is in December.", "2020-12-15", "December", "2020-12", "2020-12"),
    ("The vote is in late January.", "2020-12-15", "late January", "2020-01", "2021-01"),
    ("They return on Jan. 3.", "2020-12-15", "Jan. 3", "2021-01-03", "2021-01-03"),
    ("The plan starts on 1 October.", "2020-12-15", "1 October", "2020-10-01", "2021-10-01"),
    ("The plan starts on 1 March.", "2020-12-15", "1 March", "2021-03-01", "2021-03-01"),
    ("Talks resume in the spring.", "2020-12-15", "the spring", "2020-SP", "2021-SP"),
    ("Results come in the second quarter.", "2020-12-15", "the second quarter", "2020-Q2", "2021-Q2"),
    ("They meet over the weekend.", "2020-12-15", "the weekend", "2020-W50-WE", "2020-W51-WE"),
    ("They will meet next Tuesday.", "2020-12-15", "next Tuesday", "2020-12-22", "2020-12-22"),
    ("They met last week.", "2020-12-15", "last week", "2020-W50", "2020-W50"),
    ("It ends on December 15, 2019.", "2020-12-15", "December 15, 2019", "2019-12-15", "2019-12-15"),
])
def test_reanchor_forward(text: str, dct: str, expr: str, past: str, future: str) -> None:
    t = next(t for t in find_timexes(text, D(dct)) if t.text == expr)
    assert t.value == past
    forward = reanchor(t, text, D(dct), future=True)
    assert (forward.text, forward.start, forward.value) == (expr, t.start, future)
    if past != future:
        assert forward.span is not None and forward.span.end is not None
        assert forward.span.end >= D(dct)


@pytest.mark.parametrize(("text", "expr", "mod"), [
    ("It happened in late October.", "late October", "END"),
    ("It happened at the end of the year.", "the end of the year", "END"),
    ("It happened in early 2019.", "early 2019", "START"),
    ("It happened in mid-March.", "mid-March", "MID"),
    ("It happened in the early 1990s.", "the early 1990s", "START"),
    ("It happened in October.", "October", None),
    ("It happened on Tuesday.", "Tuesday", None),
    ("It lasted six weeks.", "six weeks", None),
])
def test_timex_mod(text: str, expr: str, mod: str | None) -> None:
    t = next(t for t in find_timexes(text, D("2020-12-15")) if t.text == expr)
    assert timex_mod(t) == mod


def test_offsets_point_into_the_text() -> None:
    text = "On Tuesday, late October, and since 2016: the past six weeks.\n\nYesterday it rained."
    found = find_timexes(text, D("2020-12-15"))
    assert [t.text for t in found] == ["Tuesday", "late October", "2016", "the past six weeks",
                                       "Yesterday"]
    assert all(text[t.start:t.end] == t.text for t in found)


def test_non_ascii_text_keeps_offsets() -> None:
    text = "İstanbul’s mayor — who spoke on Tuesday — resigned in “late October”."
    found = find_timexes(text, D("2020-12-15"))
    assert [text[t.start:t.end] for t in found] == ["Tuesday", "late October"]
