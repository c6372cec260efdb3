"""Bad input becomes a Quarantined record with file:line, a stable code and a one-line reason
that says how to fix it; the rest of the batch goes on."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from dyadline.articles import read_articles
from dyadline.articles.codes import CODES, RAW_LIMIT
from dyadline.model import Article, Quarantined

EN = ("The foreign minister said on Monday that the talks in Geneva had been useful, and that "
      "both sides would meet again next month to discuss the ceasefire and the exchange of "
      "prisoners, according to a statement from the ministry.")
FR = ("Le ministre des Affaires étrangères a déclaré lundi que les discussions de Genève avaient "
      "été utiles et que les deux parties se retrouveraient le mois prochain pour parler du "
      "cessez-le-feu et de l'échange de prisonniers, selon un communiqué du ministère.")


def _jsonl(*objs: object) -> bytes:
    return b"".join(json.dumps(o).encode() + b"\n" for o in objs)


def _big(chars: int) -> Callable[[], bytes]:
    return lambda: f"date 2020-12-15\n\n{(EN + ' ') * (chars // len(EN) + 1)}".encode()


# (file name, content, setting overrides, code, line of the origin, words the reason must hold)
CASES: list[tuple[str, bytes | Callable[[], bytes], dict[str, object], str, int, tuple[str, ...]]] = [
    ("empty.txt", b"", {}, "E102", 1, ("empty",)),
    ("blank.txt", b"  \n\n\t \n", {}, "E102", 1, ("only whitespace",)),
    ("no-body.txt", b"date 2020-12-15\ntitle Only a header\n\n", {}, "E102", 1, ("no article text",)),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", {}, "E103", 1, ("binary",)),
    ("controls.txt", bytes(range(1, 9)) * 40, {}, "E103", 1, ("binary",)),
    ("latin1.txt", f"date 2020-12-15\n\n{EN}\nCaf\u00e9 in Gen\u00e8ve.".encode("latin-1"), {},
     "E104", 4, ("not UTF-8 (byte 0xE9)", "Latin-1", "iconv -f latin1 -t utf-8")),
    ("cp1252.txt", f"date 2020-12-15\n\n\u201cTalks\u201d {EN}".encode("cp1252"), {}, "E104", 3,
     ("Windows-1252", "iconv -f cp1252 -t utf-8")),
    ("utf16-bom.txt", f"date 2020-12-15\n\n{EN}".encode("utf-16"), {}, "E104", 1,
     ("UTF-16", "iconv -f UTF-16")),
    ("utf16-nobom.txt", f"date 2020-12-15\n\n{EN}".encode("utf-16-le"), {}, "E104", 1, ("UTF-16",)),
    ("impossible.txt", f"date 2020-13-45\n\n{EN}".encode(), {}, "E105", 1,
     ("impossible date '2020-13-45'", "YYYY-MM-DD")),
    ("one-line.txt", f" date 2021-02-29 {EN}".encode(), {}, "E105", 1, ("impossible date",)),
    ("short-year.txt", f"title T\ndate 12/15/20\n\n{EN}".encode(), {}, "E105", 2, ("two-digit year",)),
    ("day-first.txt", f"date 15/12/2020\n\n{EN}".encode(), {}, "E105", 1, ("set day_first = true",)),
    ("long.txt", _big(1_200_000), {}, "E106", 1, ("1,2", "over max_chars (1,000,000)", "split")),
    ("five-mb.txt", _big(5_000_000), {}, "E106", 1, ("bytes", "max_chars (1,000,000)")),
    ("small-limit.txt", f"date 2020-12-15\n\n{EN} {EN}".encode(), {"max_chars": 300}, "E106", 1,
     ("over max_chars (300)",)),
    ("french.txt", f"date 2020-12-15\n\n{FR}".encode(), {}, "E107", 1,
     ("does not read as English", "min_english_ratio")),
    ("broken.jsonl", _jsonl({"text": EN}) + b'{"text": "unterminated\n', {}, "E108", 2,
     ("not JSON", "column")),
    ("list-line.jsonl", b'"just a string"\n', {}, "E108", 1, ("JSON str, not an object",)),
    ("array.jsonl", json.dumps([{"text": EN}], indent=1).encode(), {}, "E108", 1,
     ("JSON array, not JSON Lines", "jq -c")),
    ("no-text.jsonl", _jsonl({"id": "x", "body": EN}), {}, "E109", 1,
     ("has no 'text' field", "id, body", "csv_columns")),
    ("number-text.jsonl", _jsonl({"text": 42}), {}, "E109", 1, ("int",)),
    ("empty-text.jsonl", _jsonl({"text": "  "}), {}, "E109", 1, ("empty 'text'",)),
    ("number-date.jsonl", _jsonl({"text": EN, "date": 20201215}), {}, "E105", 1, ("JSON int",)),
    ("bad-date.jsonl", _jsonl({"text": EN, "date": "2020-12-15"}, {"text": EN, "date": "2020-13-45"}),
     {}, "E105", 2, ("impossible date",)),
    ("nul-line.jsonl", b'{"text": "a\x00b"}\n', {}, "E103", 1, ("binary",)),
    ("latin1-line.jsonl", _jsonl({"text": EN}) + '{"text": "Caf\u00e9"}\n'.encode("latin-1"), {},
     "E104", 2, ("not UTF-8", "Latin-1")),
    ("blank.jsonl", b"\n\n   \n", {}, "E102", 1, ("only whitespace",)),
    ("no-text-column.csv", f'id,date,body\n1,2020-12-15,"{EN}"\n'.encode(), {}, "E110", 1,
     ("text ('text')", "'id', 'date', 'body'", "csv_columns")),
    ("no-date-column.csv", f'id,text\n1,"{EN}"\n'.encode(), {}, "E110", 1,
     ("date ('date')", "'date='")),
    ("ragged.csv", f'text,date\n"{EN}",2020-12-15,extra\n'.encode(), {}, "E114", 2,
     ("3 fields, the header 2", "quote fields")),
    ("latin1-row.csv", f'text,date\n"{EN}",2020-12-15\n"Caf\u00e9 {EN}",2020-12-16\n'.encode("latin-1"),
     {}, "E104", 3, ("not UTF-8",)),
    ("empty-text.csv", b"text,date\n,2020-12-15\n", {}, "E109", 2, ("'text' column is empty",)),
    ("header-only.csv", b"text,date\n", {}, "E102", 1, ("a header but no rows",)),
    ("no-text.html", b"<html><head><title>Talks</title></head><body><img src='a.png'></body></html>",
     {}, "E111", 1, ("no main text",)),
    ("corrupt.txt.gz", gzip.compress(EN.encode())[:30], {}, "E112", 1, ("cannot read", "EOFError")),
]


@pytest.mark.parametrize(("name", "content", "overrides", "code", "line", "says"), CASES,
                         ids=[c[0] for c in CASES])
def test_bad_input_is_quarantined(settings, tmp_path: Path, name: str,
                                  content: bytes | Callable[[], bytes], overrides: dict[str, object],
                                  code: str, line: int, says: tuple[str, ...]) -> None:
    path = tmp_path / name
    path.write_bytes(content() if callable(content) else content)
    good = tmp_path / "good.txt"
    good.write_text(f"date 2020-12-15\n\n{EN}", encoding="utf-8")
    records = list(read_articles([str(path), str(good)], settings=settings.replace(**overrides)))
    bad = [r for r in records if isinstance(r, Quarantined)]
    assert len(bad) == 1, bad
    [q] = bad
    assert (q.code, q.origin) == (code, f"{path}:{line}")
    for words in says:
        assert words in q.reason
    assert "\n" not in q.reason
    assert len(q.raw) <= RAW_LIMIT + 60
    # the rest of the batch goes on: the good file after the bad one is read
    assert isinstance(records[-1], Article) and records[-1].origin == str(good)


def test_every_case_uses_a_declared_code() -> None:
    assert {c[3] for c in CASES} <= set(CODES)


def test_good_records_around_a_bad_one_are_kept(read, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(_jsonl({"id": "a", "text": EN}) + b"not json\n" + _jsonl({"id": "c", "text": EN}))
    records = read(path)
    assert [(type(r).__name__, r.origin) for r in records] == [
        ("Article", f"{path}:1"), ("Quarantined", f"{path}:2"), ("Article", f"{path}:3")]
    assert isinstance(records[1], Quarantined) and records[1].raw == "not json"


@pytest.mark.parametrize(
    ("source", "says"),
    [
        ("no/such/file.txt", "no such file or directory: 'no/such/file.txt'"),
        ("no/such/*.jsonl", "no file matches the pattern 'no/such/*.jsonl'"),
    ],
)
def test_missing_sources_are_quarantined_not_raised(read, source: str, says: str) -> None:
    [q] = read(source)
    assert isinstance(q, Quarantined)
    assert (q.code, q.origin) == ("E101", source)
    assert says in q.reason and "check the path" in q.reason


def test_short_texts_are_not_judged_for_language(read, tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("date 2020-12-15\n\nLe ministre a parlé.", encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article) and article.language is None


def test_lowering_min_english_ratio_lets_other_languages_through(read, settings, tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(f"date 2020-12-15\n\n{FR}", encoding="utf-8")
    [article] = list(read_articles([str(path)], settings=settings.replace(min_english_ratio=0.0)))
    assert isinstance(article, Article) and article.language is None  # let through, not labelled "en"
