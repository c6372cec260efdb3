"""Where an export may go, and that a failed export leaves nothing half-written behind."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from dyadline.errors import QueryError, UsageError
from dyadline.export import export_events
from dyadline.model import CodedArticle
from dyadline.store import Store


@pytest.mark.parametrize(
    ("fmt", "make", "out", "error", "code"),
    [
        ("yaml", None, "x.yaml", UsageError, "E804"),
        ("parquet", None, "-", UsageError, "E804"),
        ("csv", None, "no/such/folder/x.csv", QueryError, "E805"),
        ("parquet", "file", "taken", QueryError, "E806"),
        ("parquet", "full-dir", "taken", QueryError, "E806"),
        ("csv", "dir", "taken", QueryError, "E806"),
    ],
)
def test_bad_targets_are_refused_before_writing(filled: Store, tmp_path: Path, fmt: str,
                                                make: str | None, out: str,
                                                error: type[Exception], code: str) -> None:
    target = tmp_path / out
    if make == "file":
        target.write_text("keep me")
    elif make in ("dir", "full-dir"):
        target.mkdir()
        if make == "full-dir":
            (target / "keep.txt").write_text("keep me")
    with pytest.raises(error) as err:
        export_events(filled, out if out == "-" else target, fmt)
    assert err.value.code == code  # type: ignore[attr-defined]
    assert sorted(p.name for p in tmp_path.iterdir()) == ([out] if make else [])


def test_an_empty_folder_may_receive_a_parquet_export(filled: Store, tmp_path: Path) -> None:
    (tmp_path / "pq").mkdir()
    assert export_events(filled, tmp_path / "pq", "parquet").events == 7


class DiskFullStore(Store):
    """A store whose event reads fail after the first batch, as a full disk would."""

    def fetch_batches(self, query: str, params: Sequence[Any] = (),
                      size: int = 5000) -> Iterator[list[dict[str, Any]]]:
        batches = super().fetch_batches(query, params, size)
        yield next(batches)
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "gdelt", "parquet"])
def test_a_failed_export_leaves_no_partial_output(tmp_path: Path, fmt: str,
                                                  rich: list[CodedArticle]) -> None:
    with DiskFullStore.open(":memory:") as store:
        store.write(rich, run_id=None)
        with pytest.raises(QueryError) as err:
            export_events(store, tmp_path / "out", fmt, batch_size=2)
    assert err.value.code == "E807" and "No space left on device" in err.value.message
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_whole(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    out.write_text("old\n" * 100)
    export_events(filled, out, "jsonl")
    lines = out.read_text().splitlines()
    assert len(lines) == 7 and all(line.startswith('{"id": ') for line in lines)
