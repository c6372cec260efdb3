"""Where input comes from: paths, directories (recursive), globs and stdin; opening them
(gzip transparently) and turning their bytes into text, or into the reason they are not text.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from dyadline.articles.codes import quarantine
from dyadline.model import Quarantined

__all__ = [
    "EXTENSIONS",
    "Source",
    "decode_text",
    "expand_sources",
    "format_from_name",
    "looks_binary",
    "not_text",
    "open_source",
    "replay",
    "utf8_problem",
]

STDIN = "-"
STDIN_NAME = "<stdin>"
GZIP_MAGIC = b"\x1f\x8b"

# File name endings a directory is searched for, and the format each implies (None: sniff the
# content). Any file named explicitly is read whatever its name.
EXTENSIONS: dict[str, str | None] = {
    ".txt": None, ".text": None,
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl", ".json": None,
    ".csv": "csv", ".tsv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: ``name`` is what origins show; ``path`` is None for stdin."""

    name: str
    path: Path | None

    @property
    def inner_name(self) -> str:
        """The name without a trailing .gz: what the format is guessed from."""
        return self.name[:-3] if self.name.lower().endswith(".gz") else self.name


def format_from_name(name: str) -> str | None:
    """The format a file name implies, or None when the content must decide."""
    return EXTENSIONS.get(os.path.splitext(name)[1].lower())


def _known(name: str) -> bool:
    inner = name[:-3] if name.lower().endswith(".gz") else name
    return os.path.splitext(inner)[1].lower() in EXTENSIONS


def _walk(root: Path, any_name: bool) -> Iterator[Source | Quarantined]:
    """Files under ``root`` sorted by path, hidden files and directories skipped."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found += [Path(dirpath) / f for f in filenames if not f.startswith(".")]
    for path in sorted(found, key=lambda p: p.parts):
        if any_name or _known(path.name):
            yield Source(str(path), path)
        else:
            ext = path.suffix or "(none)"
            yield quarantine("E113", f"{path}:1", f"extension {ext} is not an input format "
                             "(.txt .jsonl .csv .tsv .html, optionally .gz)")


def expand_sources(sources: Sequence[str], *, any_name: bool = False) -> Iterator[Source | Quarantined]:
    """Each file to read, in order, once; a Quarantined (E101) for a source that names nothing.

    ``any_name``: read every file found in a directory (a format was given), not only known
    extensions."""
    seen: set[str] = set()

    def once(item: Source | Quarantined) -> Iterator[Source | Quarantined]:
        if isinstance(item, Source) and item.path is not None:
            key = os.path.realpath(item.path)
            if key in seen:
                return
            seen.add(key)
        yield item

    for raw in sources:
        if raw == STDIN:
            yield Source(STDIN_NAME, None)
            continue
        path = Path(raw)
        if path.is_dir():
            for item in _walk(path, any_name):
                yield from once(item)
        elif path.exists():
            yield from once(Source(raw, path))
        elif any(c in raw for c in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield quarantine("E101", raw, f"no file matches the pattern {raw!r}")
            for match in matches:
                mpath = Path(match)
                items = _walk(mpath, any_name) if mpath.is_dir() else iter([Source(match, mpath)])
                for item in items:
                    yield from once(item)
        else:
            yield quarantine("E101", raw, f"no such file or directory: {raw!r}")


class _Prefixed(io.RawIOBase):
    """A stream that replays ``head`` (already read for sniffing) before the rest of ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head.nbytes:
            n = min(len(buffer), self._head.nbytes)
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def replay(head: bytes, rest: BinaryIO) -> BinaryIO:
    """A buffered stream of ``head`` (bytes already read) followed by the rest of ``rest``."""
    return cast(BinaryIO, io.BufferedReader(_Prefixed(head, rest)))


@contextmanager
def open_source(source: Source) -> Iterator[BinaryIO]:
    """The source's bytes, gunzipped when they start with the gzip magic (whatever the name).

    Raises OSError when the file cannot be opened; stdin is read but not closed."""
    with ExitStack() as stack:
        if source.path is not None:
            raw: BinaryIO = stack.enter_context(open(source.path, "rb"))
        else:
            raw = sys.stdin.buffer
        head = raw.read(2)
        buffered = stack.enter_context(io.BufferedReader(_Prefixed(head, raw)))
        if head == GZIP_MAGIC:
            yield cast(BinaryIO, stack.enter_context(gzip.GzipFile(fileobj=buffered, mode="rb")))
        else:
            yield cast(BinaryIO, buffered)


def looks_binary(data: bytes) -> bool:
    """NUL bytes (outside UTF-16/32 text) or many control characters: not a text file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16/32 with a byte-order mark: text, in the wrong encoding
    if b"\x00" in data:
        return not _utf16_pattern(data)
    controls = sum(1 for b in data if b < 32 and b not in b"\t\n\r\f\v\x1b")
    return controls > max(8, len(data) // 20)


def _utf16_pattern(data: bytes) -> bool:
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    return len(sample) >= 8 and (odd.count(0) > len(odd) * 0.6 or even.count(0) > len(even) * 0.6)


def _guess_encoding(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_pattern(data):
        return "UTF-16"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return None  # bytes Windows-1252 leaves undefined: some other 8-bit encoding
    return "cp1252" if any(0x80 <= b <= 0x9F for b in data) else "latin1"


def utf8_problem(data: bytes, error: UnicodeDecodeError, where: str) -> tuple[str, str]:
    """(what, fix) for bytes that are not UTF-8: the first bad byte and a guessed encoding."""
    bad = data[error.start : error.start + 1].hex().upper()
    guess = _guess_encoding(data)
    names = {"cp1252": "Windows-1252", "latin1": "Latin-1 (ISO-8859-1)"}
    what = f"not UTF-8 (byte 0x{bad})"
    if guess is None:
        return what, f"find its encoding (file -i) and convert: iconv -f ENCODING -t utf-8 {where}"
    return (f"{what}; it looks like {names.get(guess, guess)}",
            f"convert it: iconv -f {guess} -t utf-8 {where} > converted")


def not_text(head: bytes, name: str) -> Quarantined | None:
    """Why bytes (a file's start) are not UTF-8 text as a whole, or None: binary (E103), or
    UTF-16/32 (E104, which UTF-8 decoding alone would not notice without a byte-order mark)."""
    if looks_binary(head):
        return quarantine("E103", f"{name}:1", "binary content (NUL or control bytes)",
                          raw=head[:200].decode("latin1"))
    if _guess_encoding(head) in ("UTF-16", "UTF-32"):
        enc = _guess_encoding(head)
        return quarantine("E104", f"{name}:1", f"not UTF-8: it looks like {enc}",
                          f"convert it: iconv -f {enc} -t utf-8 {name} > converted",
                          raw=head[:200].decode("latin1"))
    return None


def decode_text(data: bytes, name: str) -> str | Quarantined:
    """UTF-8 bytes as text without the byte-order mark, or why they are not text.

    ``name`` is the file name the Quarantined origin uses (":line" is added)."""
    problem = not_text(data[:65536], name)
    if problem is not None:
        return problem
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        what, fix = utf8_problem(data, exc, name)
        line = data[: exc.start].count(b"\n") + 1
        return quarantine("E104", f"{name}:{line}", what, fix,
                          raw=data[:2000].decode("utf-8", "replace"))
    return text.removeprefix("\ufeff")
