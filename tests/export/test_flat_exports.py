"""Parquet, CSV and JSONL exports: the same flat columns, every field of the contract, the
Parquet dataset partitioned by the event's month, and Parquet read back equal to the CSV."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.dataset as pads
import pytest

from dyadline.export import export_events
from dyadline.export.flat import COLUMNS, CSV_SCHEMA, SCHEMA, flat_row
from dyadline.store import EventQuery, Store, events


def _parquet(path: Path) -> pa.Table:
    dataset = pads.dataset(path, format="parquet", partitioning="hive")
    return dataset.to_table().sort_by("id")


def _csv(path: Path) -> pa.Table:
    return pacsv.read_csv(
        path,
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(column_types=CSV_SCHEMA, strings_can_be_null=True,
                                             quoted_strings_can_be_null=False),
    )


def _nested_keys(d: dict[str, Any], prefix: str = "") -> set[str]:
    keys: set[str] = set()
    for k, v in d.items():
        keys |= _nested_keys(v, f"{prefix}{k}_") if isinstance(v, dict) else {f"{prefix}{k}"}
    return keys


def test_flat_columns_hold_every_field_of_the_contract(filled: Store) -> None:
    # The first event has every optional record (source, target, place, said_by with actor).
    full = events(filled, EventQuery(order="id"))[0]
    assert full.event.place and full.event.said_by and full.event.said_by.actor
    assert _nested_keys(full.to_dict()) == set(COLUMNS)
    row = flat_row(full)
    assert row["said_by_actor_name"] == "Kremlin" and row["place_geonameid"] == 524901
    assert row["date_start"].isoformat() == "2021-06-16" and row["modality"] == []


def test_absent_records_give_null_columns(filled: Store) -> None:
    (igo,) = events(filled, EventQuery(actor="IGOUNO"))
    row = flat_row(igo)
    assert row["source_org"] == "UNO"
    assert all(row[c] is None for c in COLUMNS if c.startswith(("target_", "place_", "said_by")))


def test_parquet_reads_back_equal_to_the_csv(filled: Store, tmp_path: Path) -> None:
    export_events(filled, tmp_path / "pq", "parquet")
    export_events(filled, tmp_path / "events.csv", "csv")
    parquet = _parquet(tmp_path / "pq")
    csv = _csv(tmp_path / "events.csv")
    assert parquet.num_rows == csv.num_rows == 7
    months = parquet.column("month")
    joined = pa.array([";".join(m) for m in parquet.column("modality").to_pylist()])
    parquet = parquet.drop_columns(["month"]).set_column(
        SCHEMA.get_field_index("modality"), "modality", joined).cast(CSV_SCHEMA)
    assert parquet.equals(csv.sort_by("id"))
    assert set(months.to_pylist()) == {"2021-06", "2021-07", "2022-02", "2022-03", "2022-04", None}


def test_parquet_partitions_by_the_month_of_the_event(filled: Store, tmp_path: Path) -> None:
    summary = export_events(filled, tmp_path / "pq", "parquet")
    parts = sorted(p.name for p in (tmp_path / "pq").iterdir())
    assert parts == ["month=2021-06", "month=2021-07", "month=2022-02", "month=2022-03",
                     "month=2022-04", "month=__HIVE_DEFAULT_PARTITION__"]
    assert summary.files == 6 and summary.undated == 1
    table = _parquet(tmp_path / "pq")
    assert table.schema.field("modality").type == pa.list_(pa.string())
    assert table.schema.field("date_start").type == pa.date32()
    # the open-start event (ends 2022-02-28) is filed under its end's month
    opened = table.filter(pc.equal(table.column("cameo"), "163"))
    assert opened.column("month").to_pylist() == ["2022-02"]
    assert opened.column("date_start").to_pylist() == [None]
    uncertain = table.filter(pc.equal(table.column("cameo"), "061"))
    assert uncertain.column("modality").to_pylist() == [["future", "hypothetical"]]


def test_jsonl_is_the_event_contract_with_article_and_counts(filled: Store,
                                                              tmp_path: Path) -> None:
    export_events(filled, tmp_path / "events.jsonl", "jsonl")
    lines = [json.loads(x) for x in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert [x["id"] for x in lines] == sorted(x["id"] for x in lines)
    first = lines[0]
    assert first == events(filled, EventQuery(order="id"))[0].to_dict()
    assert (first["article_id"], first["mentions"], first["sources"]) == ("a1", 2, 2)
    assert {"articles", "stories", "evidence", "said_by", "date"} <= set(first)


@pytest.mark.parametrize(
    ("query", "cameos"),
    [
        (EventQuery(dyad=("RUS", "USA")), ["040", "051", "112", "163"]),
        (EventQuery(dyad=("RUS", "USA"), directed=True), ["040", "051"]),
        (EventQuery(since="2022-01-01"), ["040", "061", "163", "190"]),
        (EventQuery(root="19"), ["190"]),
        (EventQuery(include_uncertain=False), ["040", "040", "112", "163", "190"]),
    ],
)
def test_filters_select_the_events_exported(filled: Store, tmp_path: Path, query: EventQuery,
                                            cameos: list[str]) -> None:
    out = tmp_path / "sel.csv"
    summary = export_events(filled, out, "csv", query)
    got = sorted(_csv(out).column("cameo").to_pylist())
    assert got == cameos and summary.events == len(cameos)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "gdelt", "parquet"])
def test_small_batches_give_the_same_output(filled: Store, tmp_path: Path, fmt: str) -> None:
    whole, pieces = tmp_path / "whole", tmp_path / "pieces"
    export_events(filled, whole, fmt)
    export_events(filled, pieces, fmt, batch_size=2)
    if fmt == "parquet":
        assert _parquet(whole).equals(_parquet(pieces))
    else:
        assert whole.read_bytes() == pieces.read_bytes()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "gdelt", "parquet"])
def test_an_empty_selection_still_writes_a_readable_file(filled: Store, tmp_path: Path,
                                                         fmt: str) -> None:
    out = tmp_path / "none"
    summary = export_events(filled, out, fmt, EventQuery(root="20"))
    assert summary.events == 0
    if fmt == "csv":
        assert _csv(out).num_rows == 0 and _csv(out).column_names == list(COLUMNS)
    elif fmt == "parquet":
        assert _parquet(out).num_rows == 0 and "cameo" in _parquet(out).column_names
    else:
        assert out.read_text() == ""
