"""How the app holds the database, and the ``dyadline serve`` command's failures."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from dyadline.api import StorePool, create_app
from dyadline.cli import main
from dyadline.errors import StoreError
from dyadline.settings import load_settings
from dyadline.store import Store


def test_creating_the_app_opens_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = create_app(str(tmp_path / "not-yet.duckdb"), load_settings(environ={}))
    assert app.state.dyadline.pool.idle == 0
    assert not (tmp_path / "not-yet.duckdb").exists()


def test_per_request_stores_leave_the_file_free_for_a_writer(make_client, db_file, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "copy.duckdb"
    shutil.copy(db_file, path)
    c = make_client(path)
    assert c.get("/api/health").status_code == 200
    assert c.app.state.dyadline.pool.idle == 0
    with Store.open(str(path)) as writer:  # would fail while a reader held the file
        assert writer.counts()["events"] == 5


def test_keep_db_open_reuses_one_store(make_client, db_file, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "copy.duckdb"
    shutil.copy(db_file, path)
    c = make_client(path, keep_db_open=True)
    for _ in range(3):
        assert c.get("/api/events?limit=1").status_code == 200
    pool: StorePool = c.app.state.dyadline.pool
    assert pool.idle == 1
    with pytest.raises(StoreError):  # the kept connection holds the file against writers
        Store.open(str(path))
    pool.close()
    assert pool.idle == 0
    with Store.open(str(path)) as writer:  # closed: writable again
        assert writer.counts()["articles"] == 4


def test_pool_after_close_still_answers_but_keeps_nothing(db_file) -> None:  # type: ignore[no-untyped-def]
    pool = StorePool(str(db_file), keep_open=True)
    pool.close()
    with pool.store() as store:
        assert store.read_only
    assert pool.idle == 0


def test_serve_refuses_a_missing_database(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb"),
                                       "--port", "1"])
    assert result.exit_code == 1
    assert "[E701]" in result.output and "ingest" in result.output


def test_serve_refuses_a_bad_port_setting(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.duckdb"),
                                       "--port", "eighty"])
    assert result.exit_code == 2 and "eighty" in result.output
