"""The seed format: header fields on the first line or on lines of their own, then the body."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from dyadline.articles.seed import is_convincing, split_header
from dyadline.model import Article


def test_the_seed_article_parses(read, shared: Path) -> None:
    seed = shared / "seed" / "000_438d2bf8bcbd74dd.txt"
    [article] = read(seed)
    assert isinstance(article, Article)
    assert article.published == date(2020, 12, 15)
    assert article.body.startswith("After six weeks of waiting from the election day")
    text = seed.read_text(encoding="utf-8")
    assert text.endswith(article.body)  # the body is the text after the header, unchanged
    assert article.origin == str(seed)
    assert article.language == "en"


@pytest.mark.parametrize(
    ("text", "fields", "body"),
    [
        # the seed's own form: leading space, date, one space, the body on the same line
        (" date 2020-12-15 After six weeks.\n\nMore.", [("date", "2020-12-15")],
         "After six weeks.\n\nMore."),
        # two or more spaces between segments, several fields on the first line
        ("date 2020-12-15  title Putin writes  source CBS  The body.",
         [("date", "2020-12-15"), ("title", "Putin writes"), ("source", "CBS")], "The body."),
        # header lines, a blank line, then the body
        ("date 2020-12-15\ntitle A title here\nsource Wire\nurl https://x.org/a\n\nBody\n",
         [("date", "2020-12-15"), ("title", "A title here"), ("source", "Wire"),
          ("url", "https://x.org/a")], "Body\n"),
        # header lines straight into the body, no blank line
        ("date 2020-12-15\nsource Wire\nThe body starts here.", [("date", "2020-12-15"),
                                                                 ("source", "Wire")],
         "The body starts here."),
        # a colon after the key, CRLF line ends, leading blank lines
        ("\r\n date: 2020-12-15\r\n\r\nBody\r\n", [("date", "2020-12-15")], "Body\r\n"),
        # a date with time and zone, then the body after one space
        ("date Dec 15, 2020 3:05 p.m. EST NATO said so.", [("date", "Dec 15, 2020 3:05 p.m. EST")],
         "NATO said so."),
        ("date 2020-12-15 NATO said so.", [("date", "2020-12-15")], "NATO said so."),
        ("date 2019-12-13 PM Boris Johnson won.", [("date", "2019-12-13")], "PM Boris Johnson won."),
        ("date 2020-12-15 14:30 UTC Talks began.", [("date", "2020-12-15 14:30 UTC")], "Talks began."),
        ("date 15 December 2020 The talks", [("date", "15 December 2020")], "The talks"),
        # an impossible date is still read as the header's date (and quarantined later)
        ("date 2020-13-45 The talks", [("date", "2020-13-45")], "The talks"),
        # a URL ends at the first space
        ("url https://x.org/a The talks", [("url", "https://x.org/a")], "The talks"),
        # an id field
        ("id wire-7\ndate 2020-12-15\n\nBody", [("id", "wire-7"), ("date", "2020-12-15")], "Body"),
        # no header at all: the whole text is the body
        ("Plain text, no header.", [], "Plain text, no header."),
        # keys are lower case: "Source" starts a sentence
        ("Source material was scarce.", [], "Source material was scarce."),
        # a blank line ends the header even if a field-like line follows
        ("date 2020-12-15\n\ntitle not a header\nBody", [("date", "2020-12-15")],
         "title not a header\nBody"),
    ],
)
def test_split_header(text: str, fields: list[tuple[str, str]], body: str) -> None:
    header = split_header(text)
    assert [(k, v) for k, v, _line in header.fields] == fields
    assert text[header.body_start :] == body


@pytest.mark.parametrize(
    ("text", "convincing"),
    [
        ("date 2020-12-15 Body", True),
        ("url https://example.org/a Body", True),
        ("title Talks\nsource Wire\n\nBody", True),
        ("title of the piece is plain text", False),  # one title line alone is just text
        ("date night in Paris was a success", False),  # a "date" with no digits in it
        ("Plain text.", False),
    ],
)
def test_is_convincing(text: str, convincing: bool) -> None:
    assert is_convincing(split_header(text)) is convincing


def test_header_fields_reach_the_article(read, tmp_path: Path, english: str) -> None:
    text = (f"date 2021-06-16\ntitle Summit in Geneva\nsource Wire\nurl https://example.org/g\n"
            f"title A second title\n\n{english}\n")
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert (article.published, article.title, article.source, article.url) == (
        date(2021, 6, 16), "Summit in Geneva", "Wire", "https://example.org/g")
    assert article.meta == (("title", "A second title"),)  # a repeated field is kept, not lost
    assert article.body == english + "\n"
    assert text[text.index(english):] == article.body


def test_header_line_numbers_name_the_date(read, tmp_path: Path, english: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(f"title Talks\ndate 2020-02-30\n\n{english}", encoding="utf-8")
    [record] = read(path)
    assert (record.code, record.origin) == ("E105", f"{path}:2")


_KEYS = ("date", "title", "source", "url", "id")
_body = (
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1)
    .filter(lambda b: not b[0].isspace())
    .filter(lambda b: not b.startswith(tuple(f"{k} " for k in _KEYS) + tuple(f"{k}:" for k in _KEYS)))
)


@hsettings(max_examples=300, deadline=None)
@given(body=_body, day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
       form=st.sampled_from(["one_line", "one_space", "lines", "lines_no_blank"]))
def test_any_body_round_trips(body: str, day: date, form: str) -> None:
    prefix = {
        "one_line": f" date {day.isoformat()}  ",
        "one_space": f" date {day.isoformat()} ",
        "lines": f"date {day.isoformat()}\ntitle Some title\nsource Wire\n\n",
        "lines_no_blank": f"date {day.isoformat()}\nsource Wire\n",
    }[form]
    if form == "lines_no_blank" and split_header(body).fields:
        return  # the body's first line would itself read as a field
    if form == "one_space" and re.match(r"\d{1,2}:\d{2}", body):
        return  # after one space, a clock time is read as the date's time (documented)
    text = prefix + body
    header = split_header(text)
    assert text[header.body_start :] == body
    assert header.first("date") == (day.isoformat(), 1)


@hsettings(max_examples=100, deadline=None)
@given(body=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                    min_size=1).filter(lambda b: b.strip() and not b[0].isspace()
                                       and not split_header(b).fields))
def test_any_body_round_trips_through_the_reader(body: str, tmp_path_factory) -> None:
    from dyadline.articles import read_articles
    from dyadline.settings import load_settings

    path = tmp_path_factory.mktemp("seed") / "a.txt"
    path.write_bytes(("date 2020-12-15\n\n" + body).encode("utf-8"))
    lenient = load_settings(environ={}, overrides={"min_english_ratio": 0.0})
    [record] = list(read_articles([str(path)], settings=lenient))
    if isinstance(record, Article):
        assert record.body == body
        assert record.published == date(2020, 12, 15)
    else:  # only what the checks refuse: control characters read as binary
        assert record.code == "E103"
