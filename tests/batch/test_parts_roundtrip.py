"""Parquet parts give back exactly the records a worker wrote (no NLP needed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dyadline.batch import read_part, write_part
from dyadline.errors import StoreError
from dyadline.model import (
    Actor,
    Article,
    Attribution,
    CodedArticle,
    DateSpan,
    Event,
    Evidence,
    Flag,
    Place,
    Quarantined,
    Timex,
)

BODY = ("Kremlin spokesman Dmitry Peskov said on Tuesday that Russia would not attend the "
        "talks in Genève. «Non», he added.")
KREMLIN = Actor("RUSGOV", "RUS", "GOV", "Dmitry Peskov", "Kremlin spokesman Dmitry Peskov", 0, 30,
                "kb:person-role")


def _event(**changes: object) -> Event:
    fields: dict[str, object] = dict(
        article_id="a1", source=KREMLIN, target=None, cameo="0831", quad_class=1, goldstein=-0.7,
        plover="", date=DateSpan(date(2021, 3, 2), date(2021, 3, 2), "day", "relative"),
        evidence=Evidence(BODY[:89], 0, 89), trigger=Evidence("attend", 70, 76),
    )
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


FULL_EVENT = _event(
    target=Actor("", None, None, None, "the talks", 77, 86),
    said_by=Attribution("said", 31, 35, Actor("RUSGOV", "RUS", "GOV", None, "Kremlin", 0, 7,
                                              "metonym", org=None)),
    modality=("negated", "attributed", "future"), confidence=0.123456789,
    place=Place("Geneva", "CHE", 46.20222, 6.14569, "city", "Genève", 90, 96, 2660646),
    plover_mode="verbal", rule="svo", lexicon_entry="attend:verb", date_text="on Tuesday",
    coder_version="rules-3", lexicon_version="lex-7", actors_version="kb-2",
)
OPEN_EVENT = _event(date=DateSpan(None, date(2021, 3, 1), "open", "before_publication"),
                    target=Actor("IGOUNO", "IGO", None, "United Nations", "the UN", 5, 11,
                                 org="UNO"))

CASES = {
    "events, flags, mentions, timexes": CodedArticle(
        article=Article("a1", BODY, date(2021, 3, 3), title="Kremlin «no»", url="https://x.test/1",
                        source="Wire", origin="in.jsonl:1", language="en",
                        meta=(("section", "world"), ("byline", ""))),
        events=(FULL_EVENT, OPEN_EVENT),
        flags=(Flag("contradiction", "two readings", "Peskov", 18, 30, ("RUSGOV", "RUSMED")),
               Flag("truncated", "the text ends mid-sentence")),
        mentions=(KREMLIN, Actor("", None, None, None, "he", 100, 102, "pronoun")),
        timexes=(Timex("on Tuesday", 37, 47, "2021-03-02", "DATE",
                       DateSpan(date(2021, 3, 2), date(2021, 3, 2), "day", "relative")),
                 Timex("six weeks", 0, 9, "P6W", "DURATION", None)),
        sentences=((0, 89), (90, 104)),
    ),
    "no date, nothing found": CodedArticle(
        article=Article("a2", "Nothing happened.", None, origin="in.jsonl:2"),
        flags=(Flag("no_publication_date", "no date"),),
        sentences=((0, 17),),
    ),
    "coder failure": CodedArticle(
        article=Article("a3", "Broken text.", date(2020, 1, 1), origin="in.jsonl:3"),
        error="[E401] coding failed (KeyError: 'x'): please report this article",
    ),
}
QUARANTINED = (Quarantined("in.jsonl:4", "E108", "not JSON: write one object per line", "{oops"),
               Quarantined("in.jsonl:5", "E109", "no text: give the text", ""))


@pytest.mark.parametrize("name", list(CASES))
def test_a_part_gives_back_the_coded_article_it_was_written_with(tmp_path: Path, name: str) -> None:
    path = write_part(tmp_path / "p.parquet", [CASES[name]], QUARANTINED, meta={"shard": 3})
    part = read_part(path)
    assert part.coded == (CASES[name],)
    assert part.quarantined == QUARANTINED
    assert part.meta["shard"] == 3
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_a_part_keeps_the_order_of_its_articles(tmp_path: Path) -> None:
    coded = list(CASES.values())
    part = read_part(write_part(tmp_path / "p.parquet", coded[::-1]))
    assert [c.article.id for c in part.coded] == ["a3", "a2", "a1"]


def test_the_seed_article_survives_a_part(tmp_path: Path, seed_coded: CodedArticle) -> None:
    assert seed_coded.events, "the seed article should give events"
    part = read_part(write_part(tmp_path / "seed.parquet", [seed_coded]))
    assert part.coded == (seed_coded,)


@pytest.mark.parametrize("damage", ["truncated", "not a part"])
def test_a_damaged_part_is_named_with_a_fix(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "p.parquet"
    if damage == "truncated":
        write_part(path, list(CASES.values()))
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    else:
        pq.write_table(pa.table({"n": [1]}), path)
    with pytest.raises(StoreError) as err:
        read_part(path)
    assert err.value.code == "E763"
    assert str(path) in str(err.value) and "run the batch again" in str(err.value)


def test_a_part_that_cannot_be_written_says_where(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        write_part(tmp_path / "missing" / "p.parquet", [CASES["coder failure"]])
    assert err.value.code == "E762" and "batch_parts_dir" in str(err.value)
