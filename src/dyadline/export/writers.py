"""Write stored events out: GDELT-style TSV, Parquet (partitioned by month), CSV or JSONL.

Events are read in batches (in id order; for Parquet by day, one month's file after another),
so an export of any size runs in bounded memory.
Output goes to a temporary name beside ``out`` and is renamed when complete: a failed export
leaves nothing half-written behind.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from itertools import groupby
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from dyadline.errors import QueryError, UsageError
from dyadline.export import flat
from dyadline.export.gdelt import gdelt_row
from dyadline.store import (
    EventQuery,
    Store,
    StoredEvent,
    iter_events,
    iter_events_with_articles,
)

__all__ = ["FORMATS", "ExportSummary", "export_events"]

FORMATS = ("gdelt", "parquet", "csv", "jsonl")
HIVE_NULL = "__HIVE_DEFAULT_PARTITION__"  # the Hive folder name of a null partition key


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What an export wrote."""

    format: str
    out: str
    events: int
    undated: int  # events with no date at all (empty GDELT dates; month partition null)
    files: int  # files written (Parquet: one per month)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def line(self) -> str:
        undated = f" ({self.undated} with no date)" if self.undated else ""
        where = "stdout" if self.out == "-" else self.out
        files = f" in {self.files} files" if self.format == "parquet" else ""
        return f"{self.events} events{undated} exported as {self.format} to {where}{files}"


class _Count:
    def __init__(self) -> None:
        self.events = 0
        self.undated = 0

    def add(self, batch: list[StoredEvent]) -> None:
        self.events += len(batch)
        self.undated += sum(1 for s in batch
                            if s.event.date.start is None and s.event.date.end is None)


def _partial(path: Path) -> Path:
    return path.with_name(f".{path.name}.partial")


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _check_target(out: str, fmt: str) -> Path | None:
    """The output path (None for stdout), after checking it can be written."""
    if out == "-":
        if fmt == "parquet":
            raise UsageError("E804", "a Parquet export is a folder of files and cannot go to "
                             "stdout: give --out FOLDER")
        return None
    path = Path(out)
    if not path.parent.is_dir():
        raise QueryError("E805", f"the folder of {out} does not exist: create it first")
    if fmt == "parquet" and path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise QueryError("E806", f"{out} exists and is not an empty folder: a Parquet export "
                         "writes a new folder; remove it or give another --out")
    if fmt != "parquet" and path.is_dir():
        raise QueryError("E806", f"{out} is a folder: give a file name for a {fmt} export")
    return path


@contextmanager
def _sink(path: Path | None, binary: bool) -> Iterator[IO[Any]]:
    """The stream to write to: stdout, or a temporary file renamed to ``path`` on success."""
    if path is None:
        sys.stdout.flush()
        yield sys.stdout.buffer if binary else sys.stdout
        return
    tmp = _partial(path)
    try:
        with open(tmp, "wb" if binary else "w", encoding=None if binary else "utf-8",
                  newline=None if binary else "\n") as fh:
            yield fh
        tmp.replace(path)
    except BaseException:
        _remove(tmp)
        raise


def _write_jsonl(batches: Iterator[list[StoredEvent]], path: Path | None, count: _Count) -> int:
    with _sink(path, binary=False) as fh:
        for batch in batches:
            count.add(batch)
            fh.write("".join(json.dumps(s.to_dict(), ensure_ascii=False) + "\n" for s in batch))
    return 1


def _write_csv(batches: Iterator[list[StoredEvent]], path: Path | None, count: _Count) -> int:
    with _sink(path, binary=True) as fh:
        header = True
        for batch in batches:
            count.add(batch)
            buf = io.BytesIO()
            pacsv.write_csv(flat.csv_table(batch), buf,
                            write_options=pacsv.WriteOptions(include_header=header))
            fh.write(buf.getvalue())
            header = False
        if header:  # no events: still write the header
            buf = io.BytesIO()
            pacsv.write_csv(flat.CSV_SCHEMA.empty_table(), buf)
            fh.write(buf.getvalue())
    return 1


def _write_gdelt(store: Store, query: EventQuery | None, path: Path | None, count: _Count,
                 batch_size: int) -> int:
    with _sink(path, binary=False) as fh:
        for batch in iter_events_with_articles(store, query, batch_size=batch_size):
            count.add([s for s, _ in batch])
            fh.write("".join("\t".join(gdelt_row(s, ref)) + "\n" for s, ref in batch))
    return 1


class _Partitions:
    """Parquet files under ``month=YYYY-MM/`` folders, written one month at a time (events
    arrive ordered by day), in row groups of up to ``ROW_GROUP`` rows: memory stays bounded."""

    ROW_GROUP = 65_536

    def __init__(self, root: Path) -> None:
        self.root = root
        self.month: str | None = None
        self.writer: pq.ParquetWriter | None = None
        self.pending: list[pa.Table] = []
        self.rows = 0
        self.files = 0

    def add(self, month: str | None, table: pa.Table) -> None:
        if self.writer is None or month != self.month:
            self.close()
            folder = self.root / f"month={month or HIVE_NULL}"
            folder.mkdir(parents=True, exist_ok=True)
            self.writer = pq.ParquetWriter(folder / "part-0.parquet", flat.SCHEMA)
            self.month = month
            self.files += 1
        self.pending.append(table)
        self.rows += table.num_rows
        if self.rows >= self.ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.writer is not None and self.pending:
            self.writer.write_table(pa.concat_tables(self.pending),
                                    row_group_size=self.ROW_GROUP)
        self.pending, self.rows = [], 0

    def close(self) -> None:
        self._flush()
        if self.writer is not None:
            self.writer.close()
            self.writer = None


def _write_parquet(batches: Iterator[list[StoredEvent]], path: Path, count: _Count) -> int:
    tmp = _partial(path)
    _remove(tmp)
    tmp.mkdir()
    parts = _Partitions(tmp)
    try:
        for batch in batches:
            count.add(batch)
            for month, group in groupby(batch, key=flat.event_month):
                parts.add(month, flat.table(list(group)))
        parts.close()
        if count.events == 0:  # an empty dataset still says what its columns are
            pq.write_table(flat.SCHEMA.empty_table(), tmp / "part-0.parquet")
            parts.files = 1
        if path.exists():
            path.rmdir()  # checked empty before the export started
        tmp.replace(path)
    except BaseException:
        parts.close()
        _remove(tmp)
        raise
    return parts.files


def export_events(store: Store, out: str | Path, fmt: str, query: EventQuery | None = None, *,
                  batch_size: int = 5000) -> ExportSummary:
    """Write the events matching ``query`` (all when None) to ``out`` in format ``fmt``.

    ``out`` is a file (``-`` for stdout) for ``gdelt``, ``csv`` and ``jsonl``, and a new
    folder for ``parquet``. The query's filters apply; its limit, offset and order do not."""
    if fmt not in FORMATS:
        raise UsageError("E804", f"export format {fmt!r} is not one of {', '.join(FORMATS)}")
    target = str(out)
    path = _check_target(target, fmt)
    count = _Count()
    try:
        if fmt == "gdelt":
            files = _write_gdelt(store, query, path, count, batch_size)
        else:
            order = "day" if fmt == "parquet" else "id"  # Parquet: one month after another
            batches = iter_events(store, query, batch_size=batch_size, order=order)
            writers: dict[str, Callable[..., int]] = {"jsonl": _write_jsonl, "csv": _write_csv,
                                                       "parquet": _write_parquet}
            files = writers[fmt](batches, path, count)
    except OSError as exc:
        raise QueryError("E807", f"cannot write {target}: {exc.strerror or exc}: check the "
                         "path, its permissions and the free space") from None
    return ExportSummary(format=fmt, out=target, events=count.events, undated=count.undated,
                         files=files)
