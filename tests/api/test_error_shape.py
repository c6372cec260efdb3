"""Every failed request answers one JSON shape: {"error": {"code", "message", "where"}}."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any

import pytest

from dyadline.api.context import ApiContext
from dyadline.api.errors import http_status
from dyadline.errors import (
    ConfigError,
    DataFileError,
    DyadlineError,
    QueryError,
    StoreError,
    UsageError,
)

BAD_REQUESTS = [
    # (what, method, path, status, code, where)
    ("unknown endpoint", "GET", "/api/nothing", 404, "E852", "/api/nothing"),
    ("wrong method", "POST", "/api/events", 405, "E853", "/api/events"),
    ("not a number", "GET", "/api/events?quad=four", 400, "E851", "query.quad"),
    ("event id not a number", "GET", "/api/events/abc", 400, "E851", "path.event_id"),
    ("flag not a flag", "GET", "/api/events?certain=maybe", 400, "E851", "query.certain"),
    ("half a dyad", "GET", "/api/events?dyad=RUS", 400, "E851", "query.dyad"),
    ("three in a dyad", "GET", "/api/events?dyad=RUS,USA,UKR", 400, "E851", "query.dyad"),
    ("timeline without b", "GET", "/api/timeline?a=RUS", 400, "E851", "query.b"),
    ("bad quad value", "GET", "/api/events?quad=7", 400, "E801", None),
    ("bad order", "GET", "/api/events?order=loudness", 400, "E801", None),
    ("limit too big", "GET", "/api/events?limit=100000", 400, "E801", None),
    ("bad modality", "GET", "/api/events?modality=perhaps", 400, "E801", None),
    ("bad period", "GET", "/api/timeline?a=RUS&b=UKR&by=year", 400, "E801", None),
    ("bad role", "GET", "/api/actors/top?role=bystander", 400, "E801", None),
    ("profile of a name", "GET", "/api/actors/putin", 400, "E801", None),
    ("bad date", "GET", "/api/events?since=March", 400, "E803", None),
    ("window backwards", "GET", "/api/dyads/top?since=2022-01-01&until=2021-01-01", 400, "E803",
     None),
    ("no such event", "GET", "/api/events/9999", 404, "E802", None),
    ("no such article", "GET", "/api/articles/not-there", 404, "E802", None),
]


def assert_shape(body: Any) -> dict[str, Any]:
    assert isinstance(body, dict) and set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"code", "message", "where"}
    assert isinstance(err["message"], str) and len(err["message"]) > 10
    return dict(err)


@pytest.mark.parametrize(("method", "path", "status", "code", "where"),
                         [r[1:] for r in BAD_REQUESTS], ids=[r[0] for r in BAD_REQUESTS])
def test_bad_requests_share_one_shape(client, method: str, path: str, status: int, code: str,  # type: ignore[no-untyped-def]
                                      where: str | None) -> None:
    r = client.request(method, path)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    err = assert_shape(r.json())
    assert err["code"] == code
    assert err["where"] == where


def test_missing_database_is_503_with_the_store_message(make_client, tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = make_client(tmp_path / "missing.duckdb")  # creating the app opens nothing
    r = c.get("/api/health")
    assert r.status_code == 503
    err = assert_shape(r.json())
    assert err["code"] == "E701" and "ingest" in err["message"]


class _BrokenPool:
    """A pool whose store fails the way a bug would (a fake at the seam)."""

    path = "broken.duckdb"

    @contextmanager
    def store(self) -> Any:
        raise RuntimeError("boom")
        yield

    def close(self) -> None:
        pass


def test_unexpected_errors_keep_the_shape(client) -> None:  # type: ignore[no-untyped-def]
    ctx: ApiContext = client.app.state.dyadline
    client.app.state.dyadline = ApiContext(_BrokenPool(), ctx.settings, ctx.templates)  # type: ignore[arg-type]
    r = client.get("/api/events")
    assert r.status_code == 500
    err = assert_shape(r.json())
    assert err["code"] == "E859" and "RuntimeError" in err["message"] and "boom" not in err["message"]


@pytest.mark.parametrize(("path", "status", "code"), [
    ("/no/such/page", 404, "E852"),
    ("/articles/not-there", 404, "E802"),
    ("/actors/putin", 400, "E801"),
])
def test_pages_show_the_same_fields_as_html(client, path: str, status: int, code: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(path)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert f"[{code}]" in r.text


@pytest.mark.parametrize(("error", "status"), [
    (QueryError("E802", "x"), 404),
    (QueryError("E801", "x"), 400),
    (QueryError("E803", "x"), 400),
    (UsageError("E903", "x"), 400),
    (ConfigError("E902", "x"), 400),
    (StoreError("E701", "x"), 503),
    (StoreError("E703", "x"), 503),
    (StoreError("E710", "x"), 500),
    (DataFileError("E301", "x"), 500),
    (DyadlineError("E854", "x"), 500),
])
def test_status_of_each_error_class(error: DyadlineError, status: int) -> None:
    assert http_status(error) == status
