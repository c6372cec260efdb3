"""The hand-written table of temporal expressions (tests/dates/timex_table.tsv).

Each row: a sentence, its publication date (``-`` for none), the expression that must be found
(``-``: nothing at all may be found), its TIMEX3 value, its interval (``-`` for an open end or no
interval), its type, and options (``day_first``).
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from dyadline.dates import find_timexes

TABLE = Path(__file__).with_name("timex_table.tsv")


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _day(s: str) -> date | None:
    return None if s == "-" else date.fromisoformat(s)


ROWS = _rows()


def test_table_is_large_and_has_negative_rows() -> None:
    assert len(ROWS) >= 200
    assert sum(r["expression"] == "-" for r in ROWS) >= 30


@pytest.mark.parametrize("row", ROWS, ids=[f"{i + 2}:{r['text'][:40]}" for i, r in enumerate(ROWS)])
def test_timex_table(row: dict[str, str]) -> None:
    dct = _day(row["dct"])
    found = find_timexes(row["text"], dct, day_first="day_first" in row["options"])
    if row["expression"] == "-":
        assert found == [], f"expected nothing, found {[t.text for t in found]}"
        return
    hits = [t for t in found if t.text == row["expression"]]
    assert hits, f"{row['expression']!r} not found; found {[(t.text, t.value) for t in found]}"
    t = hits[0]
    assert row["text"][t.start:t.end] == t.text
    assert (t.value, t.kind) == (row["value"], row["type"])
    if row["start"] == "-" and row["end"] == "-":
        assert t.span is None
    else:
        assert t.span is not None
        assert (t.span.start, t.span.end) == (_day(row["start"]), _day(row["end"]))
