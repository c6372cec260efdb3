"""``read_articles``: every source, in order, as Article or Quarantined records; nothing dropped.

Record-level problems (and a source that does not exist, E101) come out as Quarantined records
and the read goes on; only a bad call (unknown format, E190) or a bad ``csv_columns`` setting
(E191) raises, before anything is read.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator, Sequence
from datetime import date
from typing import BinaryIO

from dyadline.articles.codes import quarantine
from dyadline.articles.html import html_record
from dyadline.articles.record import Checks, Record, finish
from dyadline.articles.seed import Header, is_convincing, split_header
from dyadline.articles.sources import (
    Source,
    decode_text,
    expand_sources,
    format_from_name,
    not_text,
    open_source,
    replay,
)
from dyadline.articles.tabular import ColumnMap, parse_columns, read_csv, read_jsonl
from dyadline.errors import InputError, UsageError
from dyadline.model import Article, Quarantined
from dyadline.settings import Settings

__all__ = ["FORMATS", "read_articles", "sniff_format"]

FORMATS = ("seed", "txt", "jsonl", "csv", "html")
HEAD_BYTES = 65536  # read first, to sniff the format and to tell text from binary
_JSON_START = re.compile(rb"\{\s*\"|\[\s*[\{\]]")
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|!--)", re.I)


def sniff_format(head: bytes) -> str:
    """The format of content whose name does not tell: jsonl, html, seed, or txt."""
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if _JSON_START.match(start):
        return "jsonl"
    if _HTML_START.match(start):
        return "html"
    text = start.decode("utf-8", "replace")
    return "seed" if is_convincing(split_header(text)) else "txt"


def read_articles(
    sources: Sequence[str],
    *,
    fmt: str | None = None,
    published: date | None = None,
    settings: Settings,
) -> Iterator[Article | Quarantined]:
    """Read ``sources`` (paths, directories, globs, "-" for stdin) as Articles, or Quarantined
    records for input that cannot be used. ``fmt`` forces a format; ``published`` dates records
    that give no date of their own."""
    if fmt is not None and fmt not in FORMATS:
        raise UsageError("E190", f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    columns = parse_columns(settings.get("csv_columns"))
    checks = Checks(published=published, day_first=settings.get("day_first"),
                    max_chars=settings.get("max_chars"),
                    min_english_ratio=settings.get("min_english_ratio"))
    return _read_all(sources, fmt, columns, checks)


def _read_all(sources: Sequence[str], fmt: str | None, columns: ColumnMap,
              checks: Checks) -> Iterator[Article | Quarantined]:
    for item in expand_sources(sources, any_name=fmt is not None):
        if isinstance(item, Quarantined):
            yield item
            continue
        try:
            with open_source(item) as stream:
                yield from _read_stream(stream, item, fmt, columns, checks)
        except (OSError, EOFError, zlib.error) as exc:  # unreadable, or a corrupt .gz
            yield quarantine("E112", f"{item.name}:1",
                             f"cannot read the file ({exc.__class__.__name__}: {exc})")


def _read_stream(stream: BinaryIO, src: Source, fmt: str | None, columns: ColumnMap,
                 checks: Checks) -> Iterator[Article | Quarantined]:
    name = src.name
    head = stream.read(HEAD_BYTES)
    if len(head) < HEAD_BYTES and not head.strip():
        yield quarantine("E102", f"{name}:1", "the file is empty" if not head else
                         "the file holds only whitespace")
        return
    problem = not_text(head, name)
    if problem is not None:
        yield problem
        return
    kind = fmt or format_from_name(src.inner_name) or sniff_format(head)
    if kind in ("jsonl", "csv"):
        lines = replay(head, stream)
        if kind == "jsonl":
            yield from read_jsonl(lines, name, columns, checks)
        else:
            delimiter = "\t" if src.inner_name.lower().endswith(".tsv") else ","
            yield from read_csv(lines, name, delimiter, columns, checks)
        return
    # whole-file formats: one article per file, read up to a bound that max_chars implies
    limit = 4 * checks.max_chars + HEAD_BYTES  # UTF-8 takes at most 4 bytes a character
    data = head + stream.read(limit + 1 - len(head))
    if len(data) > limit:
        yield quarantine("E106", f"{name}:1", f"the file has over {limit:,} bytes, more than "
                         f"max_chars ({checks.max_chars:,}) characters can take",
                         raw=data[:2000].decode("utf-8", "replace"))
        return
    text = decode_text(data, name)
    if isinstance(text, Quarantined):
        yield text
        return
    rec = _html(text, name) if kind == "html" else _seed(text, name, split=kind == "seed")
    yield rec if isinstance(rec, Quarantined) else finish(rec, checks)


def _html(text: str, name: str) -> Record | Quarantined:
    try:
        return html_record(text, name)
    except Exception as exc:  # the extractor's own failure on a malformed page: keep the page
        return quarantine("E111", f"{name}:1",
                          f"the HTML extractor failed ({exc.__class__.__name__}: {exc})", raw=text)


def _seed(text: str, name: str, *, split: bool) -> Record:
    """A seed-format record (header fields, then the body) or, unsplit, plain text."""
    header = split_header(text) if split else Header((), 0)
    first: dict[str, tuple[str, int]] = {}
    extra: list[tuple[str, str]] = []
    for key, value, line in header.fields:
        if key in first:
            extra.append((key, value))
        else:
            first[key] = (value, line)
    date_field = first.get("date")
    return Record(
        origin=name,
        body=text[header.body_start :],
        raw=text,
        date=date_field[0] if date_field else None,
        date_origin=f"{name}:{date_field[1]}" if date_field else None,
        record_id=first["id"][0] if "id" in first else None,
        title=first["title"][0] if "title" in first else None,
        url=first["url"][0] if "url" in first else None,
        source=first["source"][0] if "source" in first else None,
        meta=tuple(extra),
        quarantine_origin=f"{name}:1",
    )


def id_of_file(path: str, *, settings: Settings) -> str:
    """The id of the first article in the input file ``path`` (what ``dyadline show FILE`` shows)."""
    for record in read_articles([path], settings=settings):
        if isinstance(record, Article):
            return record.id
        raise InputError(record.code, record.reason, where=record.origin)
    raise InputError("E113", "no article in this file: give a stored article's id instead", where=path)
