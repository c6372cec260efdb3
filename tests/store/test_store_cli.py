"""The events, show and timeline commands: thin layers over the store's queries."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadline.cli import main
from dyadline.store import Store


@pytest.fixture
def dbfile(tmp_path: Path, ev, art) -> str:
    path = str(tmp_path / "cli.duckdb")
    with Store.open(path) as s:
        s.write([
            art("met", (ev(source_name="Vladimir Putin", said_by="the Kremlin"),), source="A"),
            art("shelling", (ev("RUSMIL", "UKRMIL", "190", date(2022, 3, 1), date(2022, 3, 1)),
                             ev("UKRMIL", "RUSMIL", "193", date(2022, 3, 8), date(2022, 3, 8))),
                source="B"),
        ], run_id=None)
    return path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("args", "cameos"),
    [
        ([], ["040", "190", "193"]),
        (["--actor", "UKR"], ["190", "193"]),
        (["--dyad", "UKR", "RUS", "--directed"], ["193"]),
        (["--root", "19", "--since", "2022-03-05"], ["193"]),
        (["--said-by", "Kremlin"], ["040"]),
        (["--article", "shelling", "--order", "-date", "--limit", "1"], ["193"]),
    ],
)
def test_events_json(dbfile: str, args: list[str], cameos: list[str]) -> None:
    code, out, err = _run("events", "--db", dbfile, "--format", "json", *args)
    assert code == 0, err
    assert [e["cameo"] for e in json.loads(out)] == cameos


def test_events_csv_and_table(dbfile: str) -> None:
    code, out, _ = _run("events", "--db", dbfile, "--format", "csv", "--actor", "putin")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 1
    assert rows[0]["source_code"] == "RUSGOV" and rows[0]["mentions"] == "1"
    code, out, _ = _run("events", "--db", dbfile)
    assert code == 0 and "RUSMIL" in out and "3 events" in out


def test_show(dbfile: str) -> None:
    code, out, _ = _run("show", "shelling", "--db", dbfile)
    assert code == 0
    for needle in ("Title shelling", "190", "RUSMIL", "2022-03-01", "basis: explicit",
                   "rule: test-rule", "lexicon entry: test:190", "confidence: 0.80"):
        assert needle in out
    code, out, _ = _run("show", "met", "--db", dbfile, "--format", "json")
    assert json.loads(out)["events"][0]["said_by"]["text"] == "the Kremlin"


def test_timeline(dbfile: str) -> None:
    code, out, _ = _run("timeline", "RUS", "UKR", "--db", dbfile, "--by", "week",
                        "--since", "2022-02-28", "--until", "2022-03-13", "--format", "json")
    assert code == 0
    assert [(r["period"], r["events"]) for r in json.loads(out)] == [
        ("2022-02-28", 1), ("2022-03-07", 1)]
    code, out, _ = _run("timeline", "RUS", "UKR", "--db", dbfile, "--by", "month", "--format", "csv")
    assert out.splitlines()[0].startswith("period,events,verbal_cooperation")


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["show", "nope"], 1, "[E802]"),
        (["events", "--root", "4"], 1, "[E801]"),
        (["events", "--since", "yesterday"], 1, "[E803]"),
        (["timeline", "RUS", "UKR", "--by", "year"], 2, "year"),
    ],
)
def test_errors_are_one_line_with_exit_code(dbfile: str, args: list[str], code: int,
                                            needle: str) -> None:
    got, _, err = _run(*args, "--db", dbfile)
    assert got == code and needle in err


def test_missing_database(tmp_path: Path) -> None:
    code, _, err = _run("events", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1 and "[E701]" in err and "ingest" in err
