"""Opening a database: migrations in order, older and newer files, read-only use."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from dyadline.errors import StoreError
from dyadline.store import EventQuery, Store, events
from dyadline.store.sql.migrations import MIGRATIONS, MIGRATIONS_TABLE

NAMES = [name for name, _ in MIGRATIONS]


def _old_file(path: Path, upto: int) -> None:
    """A database as an older dyadline left it: only the first ``upto`` migrations."""
    con = duckdb.connect(str(path))
    con.execute(MIGRATIONS_TABLE)
    for name, statements in MIGRATIONS[:upto]:
        for statement in statements:
            con.execute(statement)
        con.execute("INSERT INTO migrations VALUES (?, ?)", [name, datetime(2024, 1, 1)])
    con.close()


def test_a_new_database_has_every_migration_in_order() -> None:
    with Store.open(":memory:") as s:
        assert s.migrations() == NAMES
        assert sorted(NAMES) == NAMES


def test_an_older_file_is_upgraded_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _old_file(path, 1)
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO store_meta VALUES ('note', 'kept')")
    con.close()
    with Store.open(str(path)) as s:
        assert s.migrations() == NAMES
        assert s.fetch("SELECT value FROM store_meta WHERE key = 'note'") == [{"value": "kept"}]
        assert s.counts()["events"] == 0


def test_read_only_open_of_an_older_file_says_how_to_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _old_file(path, 2)
    with pytest.raises(StoreError) as err:
        Store.open(str(path), read_only=True)
    assert err.value.code == "E703" and NAMES[2] in err.value.message


def test_a_file_from_a_newer_dyadline_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    Store.open(str(path)).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO migrations VALUES ('9999_from_the_future', now())")
    con.close()
    with pytest.raises(StoreError) as err:
        Store.open(str(path))
    assert err.value.code == "E702" and "upgrade dyadline" in err.value.message


@pytest.mark.parametrize(
    ("setup", "read_only", "code"),
    [
        ("missing", True, "E701"),
        ("no-folder", False, "E701"),
        ("foreign", False, "E706"),
        ("not-duckdb", False, "E706"),
        ("memory", True, "E701"),
    ],
)
def test_open_errors(tmp_path: Path, setup: str, read_only: bool, code: str) -> None:
    path = str(tmp_path / "x.duckdb")
    if setup == "no-folder":
        path = str(tmp_path / "nope" / "x.duckdb")
    elif setup == "foreign":
        con = duckdb.connect(path)
        con.execute("CREATE TABLE something (x INTEGER)")
        con.close()
    elif setup == "not-duckdb":
        Path(path).write_text("id,text\n1,hello\n")
    elif setup == "memory":
        path = ":memory:"
    with pytest.raises(StoreError) as err:
        Store.open(path, read_only=read_only)
    assert err.value.code == code


def test_readers_open_read_only_and_cannot_write(tmp_path: Path, ev, art) -> None:
    path = str(tmp_path / "r.duckdb")
    with Store.open(path) as w:
        w.write([art("a1", (ev(),))], run_id=None)
    with Store.open(path, read_only=True) as r1, Store.open(path, read_only=True) as r2:
        assert len(events(r1)) == len(events(r2)) == 1
        assert events(r1, EventQuery(text="foreign minister"))[0].id == 1
        for attempt in (lambda: r1.write([art("a2")], run_id=None),
                        lambda: r1.start_run({}), lambda: r1.refresh_text_index()):
            with pytest.raises(StoreError) as err:
                attempt()
            assert err.value.code == "E705"
