"""Load coded events back into a database: the output of ``dyadline code`` (one coded article
per line) and of ``dyadline export --format jsonl`` (one event per line).

The files carry no article text. Each imported article is stored with a body made of its
events' evidence sentences at their original offsets (blanks elsewhere) and a closing note
naming the article, so ``dyadline show`` highlights the right sentences and no two imported
articles look like the same text. Articles whose id is already in the database are skipped.
A bad line is reported with its file and line, kept in the quarantine table, and the rest
goes on.

The file is read twice: once to check every line and group the events by article (an
export lists them in event order), once to build and write the articles in batches; only
line positions are kept in between, so a file of any size imports in bounded memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO

from dyadline.errors import InputError
from dyadline.export.lines import CodedLine, EventLine, read_line
from dyadline.model import Actor, Article, CodedArticle, Event, Quarantined
from dyadline.store import Store, WriteSummary, stored_article_ids

__all__ = ["ImportSummary", "import_events", "imported_body"]

_RAW_LIMIT = 10_000  # characters of a bad line kept in quarantine


@dataclass
class ImportSummary:
    """What an import did; ``written`` is the store's own account."""

    lines: int = 0  # non-blank lines read
    articles: int = 0  # articles read (from coded lines, or grouped from event lines)
    events: int = 0  # events read
    already_stored: int = 0  # articles skipped: their id is already in the database
    bad_lines: int = 0  # quarantined lines
    failed: int = 0  # coded articles whose coding had failed (kept in quarantine)
    written: WriteSummary = field(default_factory=WriteSummary)
    run_id: int | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.bad_lines or self.failed else 0

    def line(self) -> str:
        w = self.written
        return (f"run {self.run_id}: {self.lines} lines read, {self.articles} articles and "
                f"{self.events} events; {w.articles} articles stored ({w.events} new events, "
                f"{w.merged} reports merged into known events), {self.already_stored} already "
                f"in the database, {w.duplicates} duplicates skipped, {self.bad_lines} bad lines "
                f"quarantined, {self.failed} articles whose coding had failed")


def imported_body(article_id: str, events: Sequence[Event]) -> str:
    """The stand-in body of an imported article: evidence at its offsets, then a note."""
    length = max((e.evidence.start + len(e.evidence.text) for e in events), default=0)
    chars = [" "] * length
    for e in events:
        start, text = e.evidence.start, e.evidence.text
        chars[start:start + len(text)] = text
    note = (f"[dyadline import: the text of article {article_id} was not in the imported file; "
            "only the sentences its events were read from are kept, at their offsets]")
    return ("".join(chars) + "\n\n" + note) if length else note


def _mentions(events: Sequence[Event]) -> tuple[Actor, ...]:
    seen: dict[tuple[int, int, str], Actor] = {}
    for e in events:
        for a in (e.source, e.target):
            if a is not None:
                seen.setdefault((a.start, a.end, a.code), a)
    return tuple(seen[k] for k in sorted(seen))


@dataclass
class _Entry:
    """Where one article's lines are: (file index, byte offset, line number)."""

    coded: bool
    first: str  # file:line of its first line
    lines: list[tuple[int, int, int]] = field(default_factory=list)


def _lines(fh: IO[bytes]) -> Iterator[tuple[int, int, bytes]]:
    """(line number, byte offset, raw line) of every line."""
    offset = fh.tell()
    for n, raw in enumerate(fh, 1):
        yield n, offset, raw
        offset += len(raw)


def _decode(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8-sig").strip()
    except UnicodeDecodeError as exc:
        raise InputError("E811", f"not UTF-8 text (byte {exc.start + 1}): save the file as "
                         "UTF-8", where=where) from None


def _open(path: Path) -> IO[bytes]:
    try:
        return open(path, "rb")
    except OSError as exc:
        raise InputError("E816", f"cannot read the file: {exc.strerror or exc}: check the path",
                         where=str(path)) from None


class _Importer:
    def __init__(self, paths: Sequence[Path], store: Store, max_chars: int,
                 warn: Callable[[str], None], batch_size: int) -> None:
        self.paths = paths
        self.store = store
        self.max_chars = max_chars
        self.warn = warn
        self.batch_size = batch_size
        self.summary = ImportSummary()
        self.entries: dict[str, _Entry] = {}
        self.bad: list[Quarantined] = []

    def _quarantine(self, err: InputError, raw: str) -> None:
        self.summary.bad_lines += 1
        self.warn(f"error: {err}")
        self.bad.append(Quarantined(origin=err.where or "", code=err.code, reason=err.message,
                                    raw=raw[:_RAW_LIMIT]))

    def index(self) -> None:
        """First pass: check every line, group line positions by article."""
        for i, path in enumerate(self.paths):
            with _open(path) as fh:
                for n, offset, raw in _lines(fh):
                    where = f"{path}:{n}"
                    try:
                        text = _decode(raw, where)
                        if not text:
                            continue
                        self.summary.lines += 1
                        rec = read_line(text, where, self.max_chars)
                        self._place(rec, where, (i, offset, n))
                    except InputError as err:
                        self._quarantine(err, raw.decode("utf-8", "replace").rstrip("\r\n"))

    def _place(self, rec: CodedLine | EventLine, where: str, pos: tuple[int, int, int]) -> None:
        coded = isinstance(rec, CodedLine)
        entry = self.entries.get(rec.article_id)
        if entry is None:
            self.entries[rec.article_id] = _Entry(coded=coded, first=where, lines=[pos])
            return
        if coded or entry.coded:
            what = "a coded article" if entry.coded else "exported events"
            raise InputError("E814", f"article {rec.article_id!r} was already read as {what} "
                             f"from {entry.first}: keep one copy of each article (an article "
                             "comes either as one coded line or as event lines)", where=where)
        entry.lines.append(pos)

    def _article(self, aid: str, entry: _Entry, files: list[IO[bytes]]) -> CodedArticle:
        events: list[Event] = []
        coded: CodedLine | None = None
        for i, offset, n in entry.lines:
            fh = files[i]
            fh.seek(offset)
            where = f"{self.paths[i]}:{n}"
            rec = read_line(_decode(fh.readline(), where), where, self.max_chars)
            if isinstance(rec, CodedLine):
                coded = rec
                events.extend(rec.events)
            else:
                events.append(rec.event)
        if coded is not None and coded.error:
            fh = files[entry.lines[0][0]]
            fh.seek(entry.lines[0][1])
            raw = fh.readline().decode("utf-8", "replace").strip()
            article = Article(id=aid, body=raw, published=coded.published, origin=entry.first)
            return CodedArticle(article, error=coded.error)
        article = Article(id=aid, body=imported_body(aid, events),
                          published=coded.published if coded else None, origin=entry.first,
                          meta=(("imported_from", entry.first),))
        sentences = sorted({(e.evidence.start, e.evidence.start + len(e.evidence.text))
                            for e in events})
        return CodedArticle(article, events=tuple(events), flags=coded.flags if coded else (),
                            mentions=_mentions(events), sentences=tuple(sentences))

    def write(self, run_id: int) -> None:
        """Second pass: build the articles in batches and store them."""
        files = [_open(p) for p in self.paths]
        try:
            items = iter(self.entries.items())
            while batch := list(islice(items, self.batch_size)):
                known = stored_article_ids(self.store, (aid for aid, _ in batch))
                coded = []
                for aid, entry in batch:
                    self.summary.articles += 1
                    if aid in known:
                        self.summary.already_stored += 1
                        continue
                    ca = self._article(aid, entry, files)
                    self.summary.events += len(ca.events)
                    if ca.error:
                        self.summary.failed += 1
                        self.warn(f"warning: {entry.first}: article {aid!r} was not coded, "
                                  f"kept in the quarantine: {ca.error}")
                    coded.append(ca)
                self.summary.written += self.store.write(coded, self.bad, run_id=run_id)
                self.bad = []
            if self.bad:
                self.summary.written += self.store.write([], self.bad, run_id=run_id)
                self.bad = []
        finally:
            for fh in files:
                fh.close()


def import_events(paths: Sequence[str | Path], store: Store, *, max_chars: int = 1_000_000,
                  warn: Callable[[str], None] = lambda _msg: None,
                  batch_size: int = 500) -> ImportSummary:
    """Import JSONL files of coded articles or exported events into ``store`` (writable).

    Bad lines are passed to ``warn`` as one-line messages (``error: [E811] file:line: ...``)
    and quarantined; the rest goes on.
    ``max_chars`` (the setting) bounds the offsets an imported event may have."""
    files = [Path(p) for p in paths]
    for p in files:
        if not p.is_file():
            raise InputError("E816", "no such file: give the path of a JSONL file written by "
                             "'dyadline code' or 'dyadline export --format jsonl'", where=str(p))
    job = _Importer(files, store, max_chars, warn, batch_size)
    job.summary.run_id = store.start_run({"import": [str(p) for p in files]})
    job.index()
    job.write(job.summary.run_id)
    store.finish_run(job.summary.run_id, job.summary.written)
    return job.summary
