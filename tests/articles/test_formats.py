"""Each input format, compression, stdin, directories and globs."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from dyadline.articles import FORMATS, article_id, parse_columns, read_articles, sniff_format
from dyadline.errors import ConfigError, UsageError
from dyadline.model import Article, Quarantined


def _articles(records: list[Article | Quarantined]) -> list[Article]:
    assert all(isinstance(r, Article) for r in records), [r for r in records if isinstance(r, Quarantined)]
    return [r for r in records if isinstance(r, Article)]


def test_plain_text_is_all_body(read, tmp_path: Path, english: str) -> None:
    path = tmp_path / "note.txt"
    path.write_text(english + "\n\nSecond paragraph.\n", encoding="utf-8")
    [article] = _articles(read(path))
    assert article.body == english + "\n\nSecond paragraph.\n"
    assert article.published is None  # no date anywhere: the pipeline leaves event dates open
    assert article.origin == str(path)


def test_published_dates_plain_text(read, tmp_path: Path, english: str) -> None:
    path = tmp_path / "note.txt"
    path.write_text(english, encoding="utf-8")
    [article] = _articles(read(path, published=date(2021, 1, 17)))
    assert article.published == date(2021, 1, 17)


def test_published_does_not_override_a_record_date(read, tmp_path: Path, english: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"date 2020-12-15\n\n{english}", encoding="utf-8")
    [article] = _articles(read(path, published=date(2021, 1, 17)))
    assert article.published == date(2020, 12, 15)


def test_jsonl(read, tmp_path: Path, english: str) -> None:
    path = tmp_path / "wire.jsonl"
    rows = [
        {"id": "w-1", "date": "2020-12-15", "title": "One", "text": english, "url": "https://x.org/1",
         "source": "Wire", "section": "world", "tags": ["a", "b"]},
        {"date": "Dec 16, 2020", "text": english + " Again."},
        {"id": 7, "text": english + " Third."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows[:2]) + "\n\n" + json.dumps(rows[2]) + "\n",
                    encoding="utf-8")
    one, two, three = _articles(read(path))
    assert (one.id, one.published, one.title, one.url, one.source, one.body) == (
        "w-1", date(2020, 12, 15), "One", "https://x.org/1", "Wire", english)
    assert one.meta == (("section", "world"), ("tags", '["a", "b"]'))
    assert (one.origin, two.origin, three.origin) == (f"{path}:1", f"{path}:2", f"{path}:4")
    assert two.id == article_id(english + " Again.")  # no id given: from the content
    assert two.published == date(2020, 12, 16)
    assert (three.id, three.published) == ("7", None)  # kept without a date


def test_csv(read, tmp_path: Path, english: str) -> None:
    path = tmp_path / "wire.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "date", "title", "text", "url", "source", "desk"])
        writer.writerow(["c-1", "15 December 2020", "One", english + "\n\nWith a second paragraph, "
                         "a comma and \"quotes\".", "", "Wire", "Moscow"])
        writer.writerow(["c-2", "", "Two", english, "", "", ""])
    one, two = _articles(read(path))
    assert one.body == english + "\n\nWith a second paragraph, a comma and \"quotes\"."
    assert (one.id, one.published, one.title, one.url, one.source) == (
        "c-1", date(2020, 12, 15), "One", None, "Wire")
    assert one.meta == (("desk", "Moscow"),)
    assert one.origin == f"{path}:2"
    assert two.origin == f"{path}:5"  # the first row spans lines 2-4
    assert (two.published, two.source) == (None, None)


def test_tsv_and_mapped_columns(read, settings, tmp_path: Path, english: str) -> None:
    path = tmp_path / "wire.tsv"
    path.write_text(f"Headline\tBody\tPublished\nTalks\t{english}\t05/12/2020\n", encoding="utf-8")
    mapped = settings.replace(csv_columns="title=Headline,text=Body,date=Published", day_first=True)
    [article] = _articles(list(read_articles([str(path)], settings=mapped)))
    assert (article.title, article.body, article.published) == ("Talks", english, date(2020, 12, 5))


def test_columns_map_jsonl_keys_too(settings, tmp_path: Path, english: str) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"content": english, "pubDate": "2020-12-15", "guid": "g1"}) + "\n",
                    encoding="utf-8")
    mapped = settings.replace(csv_columns="text=content,date=pubDate,id=guid")
    [article] = _articles(list(read_articles([str(path)], settings=mapped)))
    assert (article.id, article.published, article.body) == ("g1", date(2020, 12, 15), english)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("id=id,date=date,title=title,text=text,url=url,source=source",
         {"id": "id", "date": "date", "title": "title", "text": "text", "url": "url", "source": "source"}),
        ("text=body", {"text": "body", "date": "date", "id": "id"}),
        (" text = Body Text , date = ", {"text": "Body Text", "date": None}),
        ("", {"text": "text"}),
    ],
)
def test_parse_columns(spec: str, expected: dict[str, str | None]) -> None:
    columns = parse_columns(spec)
    for field, column in expected.items():
        assert columns.get(field) == column


@pytest.mark.parametrize(
    ("spec", "says"),
    [
        ("body", "is not field=column"),
        ("headline=title", "unknown field 'headline'"),
        ("text=a,text=b", "names 'text' twice"),
        ("text=", "the text field needs a column"),
    ],
)
def test_bad_csv_columns_raise_before_reading(settings, spec: str, says: str) -> None:
    with pytest.raises(ConfigError) as err:
        read_articles(["nothing-read-yet"], settings=settings.replace(csv_columns=spec))
    assert err.value.code == "E191" and says in str(err.value)


def test_unknown_format_raises(settings) -> None:
    with pytest.raises(UsageError) as err:
        read_articles(["x"], fmt="xml", settings=settings)
    assert err.value.code == "E190" and "seed, txt, jsonl, csv, html" in str(err.value)


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Council votes | Example</title>
<meta property="og:title" content="Council votes on Ukraine">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2022-02-25T21:30:00Z">
</head><body><nav>Home | World | Sport</nav><article><h1>Council votes on Ukraine</h1>
<p>{english}</p><p>Russia vetoed the draft resolution on Friday, and China, India and the United Arab
Emirates abstained, diplomats said after the vote in New York.</p></article>
<footer>Copyright Example Wire</footer></body></html>"""


def test_html(read, tmp_path: Path, english: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(english=english), encoding="utf-8")
    [article] = _articles(read(path))
    assert article.title == "Council votes on Ukraine"
    assert article.published == date(2022, 2, 25)
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0] == english  # the headline is the title, not part of the body
    assert paragraphs[1].startswith("Russia vetoed the draft resolution on Friday")
    assert "Home | World" not in article.body and "Copyright" not in article.body


def test_html_without_date_metadata(read, tmp_path: Path, english: str) -> None:
    path = tmp_path / "page.htm"
    page = f"<html><body><article><p>{english} It happened on 3 March 2021.</p></article></body></html>"
    path.write_text(page, encoding="utf-8")
    [article] = _articles(read(path))
    assert article.published is None  # a date in the text is not taken for the publication date


def test_gzip_is_read_transparently(read, tmp_path: Path, english: str) -> None:
    jsonl = tmp_path / "wire.jsonl.gz"
    with gzip.open(jsonl, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g", "date": "2020-12-15", "text": english}) + "\n")
    seed = tmp_path / "a.txt.gz"
    seed.write_bytes(gzip.compress(f"date 2020-12-15\n\n{english}".encode()))
    one, two = _articles(read(jsonl, seed))
    assert (one.id, one.origin) == ("g", f"{jsonl}:1")
    assert (two.body, two.published) == (english, date(2020, 12, 15))


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    ("data", "fmt", "gz", "published", "expected"),
    [
        (b"date 2020-12-15\n\n{english}", None, False, date(2020, 12, 15), "{english}"),
        (b"{english}", None, False, None, "{english}"),
        (b'{{"text": "{english}", "date": "2020-12-15"}}\n', None, False, date(2020, 12, 15),
         "{english}"),
        (b"text,date\n\"{english}\",2020-12-15\n", "csv", False, date(2020, 12, 15), "{english}"),
        (b"date 2020-12-15\n\n{english}", None, True, date(2020, 12, 15), "{english}"),  # gzipped
        (b"date 2020-12-15 {english}", "txt", False, None, "date 2020-12-15 {english}"),
    ],
)
def test_stdin(read, monkeypatch: pytest.MonkeyPatch, english: str, data: bytes, fmt: str | None,
               gz: bool, published: date | None, expected: str) -> None:
    raw = data.decode().format(english=english).encode()
    monkeypatch.setattr(sys, "stdin", _Stdin(gzip.compress(raw) if gz else raw))
    [article] = _articles(read("-", fmt=fmt))
    assert article.body == expected.format(english=english)
    assert article.published == published
    assert article.origin.startswith("<stdin>")


def test_directories_are_read_recursively_in_order(read, tmp_path: Path, english: str) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for rel in ("a.txt", "b/z.txt", "b/c/m.txt", ".hidden/h.txt", ".dot.txt"):
        (tmp_path / rel).write_text(f"date 2020-12-15\n\n{english} ({rel})", encoding="utf-8")
    (tmp_path / "b" / "notes.pdf").write_bytes(b"%PDF-1.4")
    records = read(tmp_path)
    origins = [r.origin for r in records]
    assert origins == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c" / "m.txt"),
                       f"{tmp_path / 'b' / 'notes.pdf'}:1", str(tmp_path / "b" / "z.txt")]
    assert [r.body.endswith(f"({rel})") for r, rel in zip(
        [records[0], records[1], records[3]], ["a.txt", "b/c/m.txt", "b/z.txt"], strict=True)
        if isinstance(r, Article)] == [True, True, True]
    skipped = records[2]
    assert isinstance(skipped, Quarantined) and skipped.code == "E113" and ".pdf" in skipped.reason


def test_globs_and_duplicates(read, tmp_path: Path, english: str) -> None:
    for name in ("one.txt", "two.txt", "three.jsonl"):
        (tmp_path / name).write_text(f"date 2020-12-15\n\n{english} {name}", encoding="utf-8")
    records = read(f"{tmp_path}/*.txt", tmp_path / "one.txt", f"{tmp_path}/**/*.txt")
    assert [r.origin for r in records] == [str(tmp_path / "one.txt"), str(tmp_path / "two.txt")]


def test_same_input_same_ids(read, tmp_path: Path, english: str) -> None:
    seed = tmp_path / "a.txt"
    seed.write_text(f"date 2020-12-15\ntitle T\n\n{english}", encoding="utf-8")
    plain = tmp_path / "b.txt"
    plain.write_text(english + "\n", encoding="utf-8")
    first = [r.id for r in _articles(read(seed, plain))]
    again = [r.id for r in _articles(read(seed, plain))]
    assert first == again
    assert first[0] == first[1]  # the same body, whatever the header or trailing whitespace


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b'{"text": "x"}', "jsonl"),
        (b'\xef\xbb\xbf  {"id": 1}', "jsonl"),
        (b'[{"text": "x"}]', "jsonl"),
        (b"[Reuters] The minister said", "txt"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"<html lang='en'>", "html"),
        (b"<p>not a page</p>", "txt"),
        (b" date 2020-12-15 After six weeks", "seed"),
        (b"title Talks\nsource Wire\n\nBody", "seed"),
        (b"The minister said", "txt"),
    ],
)
def test_sniff_format(head: bytes, fmt: str) -> None:
    assert sniff_format(head) == fmt
    assert fmt in FORMATS


def test_format_can_be_forced(read, tmp_path: Path, english: str) -> None:
    path = tmp_path / "wire.dat"
    path.write_text(json.dumps({"text": english}) + "\n", encoding="utf-8")
    [article] = _articles(read(path, fmt="jsonl"))
    assert article.origin == f"{path}:1"
    [unsniffed] = _articles(read(path))  # named explicitly: sniffed from the content
    assert unsniffed.body == english
