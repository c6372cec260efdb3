"""Cutting the input into slices, and the keys that name their parts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dyadline.batch import Shard, coding_fingerprint, shard_key, slices
from dyadline.model import Article, Quarantined
from dyadline.settings import load_settings


def _article(i: int) -> Article:
    return Article(f"a{i}", f"Article number {i} about talks.", date(2021, 1, 1), origin=f"f:{i}")


def _bad(i: int) -> Quarantined:
    return Quarantined(f"f:{i}", "E108", "not JSON: write one object per line")


# records in reading order ("a" an article, "q" a quarantined record), shard size,
# and per slice: (articles, quarantined records)
SLICES = [
    ("aaaaa", 2, [(2, 0), (2, 0), (1, 0)]),
    ("aaaa", 2, [(2, 0), (2, 0)]),
    ("qaaqa", 2, [(2, 1), (1, 1)]),
    ("aaq", 2, [(2, 0), (0, 1)]),
    ("qq", 3, [(0, 2)]),
    ("", 3, []),
    ("aqa", 1, [(1, 0), (1, 1)]),
]


@pytest.mark.parametrize(("records", "size", "expected"), SLICES)
def test_slices_hold_size_articles_and_the_records_quarantined_among_them(
        records: str, size: int, expected: list[tuple[int, int]]) -> None:
    stream = [_article(i) if c == "a" else _bad(i) for i, c in enumerate(records)]
    got = list(slices(stream, size))
    assert [s.index for s in got] == list(range(len(expected)))
    assert [(len(s.articles), len(s.quarantined)) for s in got] == expected
    # nothing is lost or reordered
    assert [a.id for s in got for a in s.articles] == [
        r.id for r in stream if isinstance(r, Article)]
    assert [q.origin for s in got for q in s.quarantined] == [
        r.origin for r in stream if isinstance(r, Quarantined)]


BASE = load_settings(environ={})


@pytest.mark.parametrize(("override", "changes"), [
    ({"dask_workers": 7}, False),
    ({"shard_size": 3}, False),
    ({"db": "other.duckdb"}, False),
    ({"n_process": 4}, False),
    ({"min_confidence": 0.4}, True),
    ({"day_first": True}, True),
    ({"model": "/models/other"}, True),
])
def test_the_fingerprint_follows_the_settings_that_change_the_coding(
        override: dict[str, object], changes: bool) -> None:
    other = BASE.replace(**override)
    assert (coding_fingerprint(other) != coding_fingerprint(BASE)) is changes


def test_the_fingerprint_follows_the_content_of_a_user_file(tmp_path: Path) -> None:
    lexicon = tmp_path / "lex.tsv"
    lexicon.write_text("first version\n")
    settings = BASE.replace(lexicon_file=str(lexicon))
    before = coding_fingerprint(settings)
    lexicon.write_text("second version\n")
    assert coding_fingerprint(settings) != before


def test_a_shard_key_changes_with_any_field_of_its_records() -> None:
    arts = [_article(1), _article(2)]
    key = shard_key("fp", arts, [])
    assert shard_key("fp", arts, []) == key
    variants = [
        shard_key("fp2", arts, []),
        shard_key("fp", arts[:1], []),
        shard_key("fp", arts, [_bad(3)]),
        shard_key("fp", [arts[0], Article("a2", arts[1].body, None, origin="f:2")], []),
        shard_key("fp", [arts[0], Article("a2", arts[1].body + "!", date(2021, 1, 1),
                                          origin="f:2")], []),
    ]
    assert key not in variants and len(set(variants)) == len(variants)


def test_a_shard_names_where_its_records_were_read() -> None:
    shard = Shard(0, "k", (_article(1), _article(2), _article(3)), ())
    assert shard.origins() == "f:1 .. f:3"
    assert Shard(1, "k", (), (_bad(4),)).origins() == "f:4"
