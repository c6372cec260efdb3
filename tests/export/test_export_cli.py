"""The export, import and plot commands: thin layers over the library, with one-line errors
and exit codes (0 done, 1 errors or quarantined lines, 2 usage)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadline.cli import main
from dyadline.export.gdelt import GDELT_COLUMNS
from dyadline.store import Store


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("args", "n", "undated"),
    [
        ([], 7, 1),
        (["--dyad", "RUS", "USA"], 4, 1),
        (["--dyad", "RUS", "USA", "--directed"], 2, 1),
        (["--actor", "Putin"], 1, 0),
        (["--since", "2022-03-01", "--until", "2022-03-31", "--quad", "4"], 1, 0),
        (["--said-by", "Kremlin"], 1, 0),
        (["--modality", "asserted"], 4, 0),
        (["--certain"], 5, 0),
        (["--code", "04"], 2, 0),
        (["--article", "b1", "--place", "UKR"], 1, 0),
    ],
)
def test_export_jsonl_to_stdout_with_filters(dbfile: str, args: list[str], n: int,
                                             undated: int) -> None:
    code, out, err = _run("export", "--db", dbfile, "--format", "jsonl", "--out", "-", *args)
    assert code == 0, err
    assert len(out.splitlines()) == n
    no_date = f" ({undated} with no date)" if undated else ""
    assert err.strip() == f"{n} events{no_date} exported as jsonl to stdout"


def test_export_gdelt_file(dbfile: str, tmp_path: Path) -> None:
    out = tmp_path / "gdelt.tsv"
    code, _, err = _run("export", "--db", dbfile, "--format", "gdelt", "--out", str(out))
    assert code == 0, err
    assert all(len(line.split("\t")) == len(GDELT_COLUMNS)
               for line in out.read_text().splitlines())


def test_export_import_cli_round_trip(dbfile: str, tmp_path: Path) -> None:
    first, again, db = tmp_path / "first.jsonl", tmp_path / "again.jsonl", tmp_path / "new.duckdb"
    assert _run("export", "--db", dbfile, "--format", "jsonl", "--out", str(first))[0] == 0
    code, _, err = _run("import", str(first), "--db", str(db))
    assert code == 0, err
    assert err.startswith("run 1: 7 lines read, 2 articles and 7 events; 2 articles stored")
    assert _run("export", "--db", str(db), "--format", "jsonl", "--out", str(again))[0] == 0
    strip = ("id", "mentions", "sources", "articles", "stories")

    def events(path: Path) -> list[str]:
        return sorted(json.dumps({k: v for k, v in json.loads(x).items() if k not in strip},
                                 sort_keys=True) for x in path.read_text().splitlines())

    assert events(again) == events(first)


def test_import_reports_bad_lines_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "coded.jsonl"
    path.write_text('{"id": "a", "events": []}\nnot json\n{"id": "b", "events": []}\n')
    db = tmp_path / "new.duckdb"
    code, _, err = _run("import", str(path), "--db", str(db))
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith(f"error: [E811] {path}:2: not JSON")
    assert "2 articles stored" in lines[1] and "1 bad lines quarantined" in lines[1]
    with Store.open(str(db), read_only=True) as store:
        assert store.counts()["quarantine"] == 1 and store.counts()["articles"] == 2


def test_plot_cli(dbfile: str, tmp_path: Path) -> None:
    out = tmp_path / "rus-usa.svg"
    code, _, err = _run("plot", "RUS", "USA", "--db", dbfile, "--out", str(out), "--by", "week",
                        "--include-uncertain")
    assert code == 0, err
    assert out.read_text().lstrip().startswith("<?xml") and "events in" in err


@pytest.mark.parametrize(
    ("args", "exit_code", "message"),
    [
        (["export", "--format", "parquet", "--out", "-"], 2, "[E804]"),
        (["export", "--format", "csv", "--out", "{tmp}/no/such/dir.csv"], 1, "[E805]"),
        (["export", "--format", "csv", "--out", "x.csv", "--since", "June"], 1, "[E803]"),
        (["export", "--format", "csv", "--out", "x.csv", "--root", "4"], 1, "[E801]"),
        (["plot", "RUS", "FRA", "--out", "{tmp}/x.png"], 1, "[E821]"),
        (["plot", "RUS", "USA", "--out", "{tmp}/x.unknown"], 2, "[E822]"),
        (["import", "{tmp}/absent.jsonl", "--db", "{tmp}/new.duckdb"], 1, "[E816]"),
    ],
)
def test_errors_are_one_line(dbfile: str, tmp_path: Path, args: list[str], exit_code: int,
                             message: str) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code, _, err = _run(*args, *([] if "--db" in args else ["--db", dbfile]))
    assert code == exit_code
    assert message in err and len(err.strip().splitlines()) == 1
