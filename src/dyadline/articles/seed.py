"""The seed format: ``key value`` header fields, then the body.

The fields (``date``, ``title``, ``source``, ``url``, ``id``; lower case, an optional colon after
the key) stand either on the body's first line (`` date 2020-12-15 After six weeks ...``), or on
lines of their own at the top, or both. On one line, segments are separated by two or more spaces
or a tab; a date value ends where the date (with a clock time, if one follows) ends and a URL at
its first space, so one space suffices after them. The header ends at the first segment that is
not a field, or at a blank line. The body is everything from the first non-blank character after
the header, exactly as in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyadline.articles.pubdate import PublishedDateError, parse_published

__all__ = ["FIELD_KEYS", "Header", "is_convincing", "split_header"]

FIELD_KEYS = ("date", "title", "source", "url", "id")
_FIELD = re.compile(r"(?P<key>" + "|".join(FIELD_KEYS) + r"):? (?P<value>\S.*)", re.S)
_GAP = re.compile(r"[ \t]{2,}|\t")  # separates segments on one line
_BLANK = " \t\r\n\f\v"
_TOKEN = re.compile(r"\S+")
# After a date, a clock time may follow (14:30, 3:05), then "p.m." and a zone (+0000, UTC, EST).
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?,?")
_AFTER_CLOCK = re.compile(
    r"[ap]\.?m\.?,?|[+-]\d{2}:?\d{2}|\(?(?:Z|UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|"
    r"CEST|EET|EEST|MSK|IST|JST)\)?,?",
    re.I,
)
_MAX_DATE_TOKENS = 6


@dataclass(frozen=True, slots=True)
class Header:
    """The fields found, in order, each with the (1-based) line it stood on; ``body_start`` is
    the offset of the body in the text (0 when there is no header)."""

    fields: tuple[tuple[str, str, int], ...]
    body_start: int

    def first(self, key: str) -> tuple[str, int] | None:
        """(value, line) of the first field named ``key``."""
        for k, value, line in self.fields:
            if k == key:
                return value, line
        return None


def _skip(text: str, pos: int, chars: str) -> int:
    while pos < len(text) and text[pos] in chars:
        pos += 1
    return pos


def _date_shaped(value: str) -> bool:
    try:
        parse_published(value)
    except PublishedDateError as exc:
        return exc.impossible
    return True


def _value_end(text: str, start: int, seg_end: int, key: str) -> int:
    """Where a field's value ends: a URL at the first space; a date after the shortest prefix
    shaped like a date, plus a clock time and its a.m./zone if one follows; others at ``seg_end``."""
    tokens = list(_TOKEN.finditer(text, start, seg_end))
    if key == "url" and tokens:
        return tokens[0].end()
    if key != "date":
        return seg_end
    for n in range(1, min(len(tokens), _MAX_DATE_TOKENS) + 1):
        if _date_shaped(text[start : tokens[n - 1].end()]):
            end = tokens[n - 1].end()
            rest = tokens[n:]
            if rest and _CLOCK.fullmatch(rest[0].group()):
                end = rest[0].end()
                for tok in rest[1:3]:
                    if not _AFTER_CLOCK.fullmatch(tok.group()):
                        break
                    end = tok.end()
            return end
    return seg_end


def split_header(text: str) -> Header:
    """The header fields at the top of ``text`` and where its body starts."""
    fields: list[tuple[str, str, int]] = []
    pos = _skip(text, 0, _BLANK)
    line_no = text.count("\n", 0, pos) + 1
    while pos < len(text):
        line_end = text.find("\n", pos)
        if line_end < 0:
            line_end = len(text)
        while pos < line_end:  # the segments of this line: fields, then perhaps the body
            gap = _GAP.search(text, pos, line_end)
            seg_end = gap.start() if gap else line_end
            m = _FIELD.fullmatch(text, pos, seg_end)
            if m is None:
                return Header(tuple(fields), pos if fields else 0)
            value_end = _value_end(text, m.start("value"), seg_end, m["key"])
            fields.append((m["key"], text[m.start("value") : value_end].strip(), line_no))
            pos = _skip(text, value_end, " \t\r")
        # the line held only fields: the header goes on to the next line unless it is blank
        pos, line_no = line_end + 1, line_no + 1
        next_end = text.find("\n", pos)
        if not text[pos : len(text) if next_end < 0 else next_end].strip():
            break
        pos = _skip(text, pos, " \t")
    if not fields:
        return Header((), 0)
    return Header(tuple(fields), _skip(text, min(pos, len(text)), _BLANK))


def is_convincing(header: Header) -> bool:
    """Whether a header is clearly meant as one (for sniffing plain text): a date with digits in
    it, a URL, or at least two fields. One ``title ...`` line alone is just text."""
    date = header.first("date")
    url = header.first("url")
    return (
        (date is not None and any(c.isdigit() for c in date[0]))
        or (url is not None and url[0].startswith(("http://", "https://")))
        or len(header.fields) >= 2
    )
