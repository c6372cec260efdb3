"""The event database: opening, migrating, the single writer's entry points, the text index.

One process writes at a time (DuckDB locks the file); any number may read a file that nobody
is writing, with ``Store.open(path, read_only=True)``.
"""

from __future__ import annotations

import importlib.metadata
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from dyadline import __version__
from dyadline.errors import StoreError
from dyadline.model import CodedArticle, Quarantined
from dyadline.settings import SETTINGS
from dyadline.store import dedup
from dyadline.store.sql import writes as sql
from dyadline.store.sql.migrations import MIGRATIONS, MIGRATIONS_TABLE
from dyadline.store.writer import WriteSummary, write_batch

__all__ = ["Store"]

_TABLES = ("articles", "sentences", "mentions", "flags", "timexes", "events", "reports",
           "quarantine", "runs", "signatures", "lsh_bands")
_LSH_KEY = "lsh"
_TEXT_INDEX_KEY = "text_index_max_report"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _default_threshold() -> float:
    return float(next(s.default for s in SETTINGS if s.name == "dedup_threshold"))


def _fts_extension() -> str | None:
    """The full-text-search extension shipped by the duckdb-ext-fts wheel, if installed."""
    try:
        files = importlib.metadata.files("duckdb-ext-fts") or []
    except importlib.metadata.PackageNotFoundError:
        return None
    wanted = f"v{duckdb.__version__}"
    for f in files:
        if f.name == "fts.duckdb_extension" and wanted in f.parts:
            path = Path(str(f.locate()))
            if path.is_file():
                return str(path)
    return None


def _load_fts(con: duckdb.DuckDBPyConnection) -> bool:
    path = _fts_extension()
    for statement in ([f"LOAD '{path}'"] if path else []) + ["LOAD fts"]:
        try:
            con.execute(statement)
            return True
        except duckdb.Error:
            continue
    return False


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    if path != ":memory:":
        p = Path(path)
        if read_only and not p.is_file():
            raise StoreError("E701", f"no database at {path}: ingest articles first "
                             "('dyadline ingest ... --db FILE') or check the path")
        if not read_only and not p.parent.is_dir():
            raise StoreError("E701", f"the folder of {path} does not exist: create it first")
    elif read_only:
        raise StoreError("E701", "an in-memory database cannot be opened read-only: give a file")
    config: dict[str, str | bool | int | float | list[str]] = {
        "autoinstall_known_extensions": False}
    try:
        return duckdb.connect(path, read_only=read_only, config=config)
    except duckdb.IOException as exc:
        text = str(exc)
        if "lock" in text.lower():
            raise StoreError("E701", f"{path} is being written by another process: wait for it "
                             "to finish (DuckDB allows one writer, and readers only while "
                             f"nobody writes) [{text.splitlines()[0]}]") from None
        raise StoreError("E706", f"{path} is not a DuckDB database dyadline can open: "
                         f"{text.splitlines()[0]}") from None
    except duckdb.Error as exc:
        raise StoreError("E706", f"cannot open {path}: {str(exc).splitlines()[0]}") from None


class Store:
    """A dyadline event database. Open with ``Store.open``; use as a context manager."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool,
                 lsh: dedup.LshParams) -> None:
        self._con = con
        self.path = path
        self.read_only = read_only
        self.lsh = lsh
        self._fts: bool | None = None

    @property
    def fts(self) -> bool:
        """Whether DuckDB's full-text-search extension is available (loaded on first use)."""
        if self._fts is None:
            self._fts = _load_fts(self._con)
        return self._fts

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str, *, read_only: bool = False,
             dedup_threshold: float | None = None) -> Store:
        """Open (creating and migrating when writable) the database at ``path``.

        ``":memory:"`` gives a private in-memory database. ``dedup_threshold`` defaults to
        the setting's declared default."""
        lsh = dedup.lsh_params(_default_threshold() if dedup_threshold is None
                               else float(dedup_threshold))
        con = _connect(str(path), read_only)
        try:
            _migrate(con, str(path), read_only)
            store = cls(con, str(path), read_only, lsh)
            if not read_only:
                store._check_lsh()
        except BaseException:
            con.close()
            raise
        return store

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def migrations(self) -> list[str]:
        """Names of the migrations applied to this database, in order."""
        return [r[0] for r in self._con.execute(sql.APPLIED_MIGRATIONS).fetchall()]

    # -- reading helpers (used by the query modules) ---------------------------------------

    def fetch(self, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a query as dicts keyed by column name."""
        try:
            cur = self._con.execute(query, list(params))
            names = [d[0] for d in cur.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        except duckdb.Error as exc:
            raise StoreError("E710", f"query failed: {str(exc).splitlines()[0]}: this is a "
                             "bug in dyadline or a damaged database; please report it") from None

    def fetch_batches(self, query: str, params: Sequence[Any] = (),
                      size: int = 5000) -> Iterator[list[dict[str, Any]]]:
        """Rows of a query as dicts, ``size`` at a time, read as they come (for exports).

        The query runs on its own cursor, so other queries may run between batches."""
        cur = self._con.cursor()
        try:
            cur.execute(query, list(params))
            names = [d[0] for d in cur.description or ()]
            while rows := cur.fetchmany(size):
                yield [dict(zip(names, row, strict=True)) for row in rows]
        except duckdb.Error as exc:
            raise StoreError("E710", f"query failed: {str(exc).splitlines()[0]}: this is a "
                             "bug in dyadline or a damaged database; please report it") from None
        finally:
            cur.close()

    def counts(self) -> dict[str, int]:
        """Row count of every table."""
        return {t: int(self._con.execute(sql.COUNT_ROWS.format(table=t)).fetchone()[0])  # type: ignore[index]
                for t in _TABLES}

    def text_index_fresh(self) -> bool:
        """True when the full-text index exists, can be used, and covers every report."""
        if not self._con.execute(sql.TEXT_INDEX_EXISTS).fetchone()[0] or not self.fts:  # type: ignore[index]
            return False
        built = self._meta(_TEXT_INDEX_KEY)
        current = self._con.execute(sql.MAX_ID.format(table="reports")).fetchone()[0]  # type: ignore[index]
        return built is not None and int(built) == int(current)

    # -- writing ---------------------------------------------------------------------------

    def start_run(self, args: Mapping[str, Any]) -> int:
        """Record the start of an ingest run; returns its id."""
        self._writable()
        with self._transaction():
            run_id = int(self._con.execute(sql.MAX_ID.format(table="runs")).fetchone()[0]) + 1  # type: ignore[index]
            self._con.execute(sql.INSERT_RUN, [run_id, _now(), json.dumps(dict(args), default=str,
                                                                           sort_keys=True),
                                               __version__])
        return run_id

    def finish_run(self, run_id: int, summary: WriteSummary | Mapping[str, int]) -> None:
        """Record the end of a run with its counts, and bring the text index up to date."""
        self._writable()
        counts = summary.to_dict() if isinstance(summary, WriteSummary) else dict(summary)
        with self._transaction():
            if not self._con.execute(sql.RUN_EXISTS, [run_id]).fetchone()[0]:  # type: ignore[index]
                raise StoreError("E708", f"no ingest run with id {run_id}: call start_run first")
            self._con.execute(sql.FINISH_RUN, [_now(), json.dumps(counts, sort_keys=True), run_id])
        self.refresh_text_index()

    def known(self, content_hashes: Iterable[str]) -> set[str]:
        """The given content hashes that are already stored."""
        hashes = list(dict.fromkeys(content_hashes))
        if not hashes:
            return set()
        return {r[0] for r in self._con.execute(sql.KNOWN_HASHES, [hashes]).fetchall()}

    def write(self, coded: Sequence[CodedArticle], quarantined: Sequence[Quarantined] = (), *,
              run_id: int | None) -> WriteSummary:
        """Store one batch in one transaction: all of it, or (on error) none of it."""
        self._writable()
        with self._transaction():
            return write_batch(self._con, coded, quarantined, run_id=run_id, lsh=self.lsh,
                               now=_now())

    def refresh_text_index(self) -> bool:
        """Rebuild the full-text index over report evidence; False when FTS is unavailable."""
        self._writable()
        if not self.fts:
            return False
        if self.text_index_fresh():
            return True
        current = int(self._con.execute(sql.MAX_ID.format(table="reports")).fetchone()[0])  # type: ignore[index]
        try:
            self._con.execute(sql.TEXT_INDEX)
            self._con.execute(sql.SET_META, [_TEXT_INDEX_KEY, str(current)])
        except duckdb.Error as exc:
            raise StoreError("E704", f"cannot build the text index: {str(exc).splitlines()[0]}; "
                             "text queries fall back to plain matching") from None
        return True

    # -- internals -------------------------------------------------------------------------

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("E705", f"{self.path} is open read-only: open it without "
                             "read_only to write")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._con.begin()
        try:
            yield
        except BaseException as exc:
            self._con.rollback()
            if isinstance(exc, duckdb.Error):
                raise StoreError("E704", f"write failed and was rolled back, nothing of this "
                                 f"batch was stored: {str(exc).splitlines()[0]}") from None
            raise
        self._con.commit()

    def _meta(self, key: str) -> str | None:
        row = self._con.execute(sql.GET_META, [key]).fetchone()
        return None if row is None else str(row[0])

    def _check_lsh(self) -> None:
        """Re-band the stored signatures when the dedup threshold changed since last time."""
        wanted = self.lsh.describe()
        if self._meta(_LSH_KEY) == wanted:
            return
        with self._transaction():
            self._con.execute(sql.DELETE_BANDS)
            rows: list[dict[str, Any]] = []
            for aid, blob in self._con.execute(sql.SIGNATURES).fetchall():
                sig = np.frombuffer(blob, dtype=np.uint32)
                rows.extend({"band": b, "bucket": k, "article_id": aid}
                            for b, k in dedup.band_buckets(sig, self.lsh))
            if rows:
                self._con.register("_new_lsh_bands", pa.Table.from_pylist(rows))
                try:
                    self._con.execute(sql.INSERT_BY_NAME.format(table="lsh_bands",
                                                                rel="_new_lsh_bands"))
                finally:
                    self._con.unregister("_new_lsh_bands")
            self._con.execute(sql.SET_META, [_LSH_KEY, wanted])


def _migrate(con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
    """Apply the missing migrations in order (each in its own transaction)."""
    known = [name for name, _ in MIGRATIONS]
    has_table = con.execute(sql.HAS_TABLE, ["migrations"]).fetchone()[0]  # type: ignore[index]
    if not has_table:
        others = con.execute("SELECT count(*) FROM duckdb_tables()").fetchone()[0]  # type: ignore[index]
        if others:
            raise StoreError("E706", f"{path} is a DuckDB database but not a dyadline one (it "
                             "has no migrations table): give another --db file")
        if read_only:
            raise StoreError("E701", f"{path} is an empty database: ingest articles first")
        con.execute(MIGRATIONS_TABLE)
    applied = [r[0] for r in con.execute(sql.APPLIED_MIGRATIONS).fetchall()]
    unknown = sorted(set(applied) - set(known))
    if unknown:
        raise StoreError("E702", f"{path} was written by a newer dyadline (migrations "
                         f"{', '.join(unknown)} are unknown to this one): upgrade dyadline "
                         "('pip install -U dyadline') or use another --db file")
    missing = [(name, stmts) for name, stmts in MIGRATIONS if name not in applied]
    if missing and read_only:
        raise StoreError("E703", f"{path} was written by an older dyadline and needs "
                         f"migrations {', '.join(n for n, _ in missing)}: open it once for "
                         "writing (e.g. run 'dyadline ingest' on it) to upgrade it")
    for name, statements in missing:
        con.begin()
        try:
            for statement in statements:
                con.execute(statement)
            con.execute(sql.RECORD_MIGRATION, [name, _now()])
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError("E703", f"migration {name} failed on {path}: "
                             f"{str(exc).splitlines()[0]}; the database is unchanged by it") from None
        con.commit()
