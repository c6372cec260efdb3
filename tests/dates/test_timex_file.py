"""dates.timex_file and the ``dyadline timex`` command: bad lines are reported, the rest goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadline.cli import main
from dyadline.dates import timex_file
from dyadline.errors import InputError, UsageError

LINES = [
    '{"id": "a", "dct": "2020-12-15", "text": "Putin spoke on Tuesday about late October."}',
    "not json at all",
    '{"id": "c", "text": "No date here on Monday."}',
    '{"id": "d", "dct": "15/12/2020", "text": "Bad date."}',
    "",
    '{"id": "e", "dct": "2020-12-15", "text": "Signed on 05/12/2020."}',
    '{"id": "f", "dct": "2020-12-15T08:00:00Z", "text": 42}',
]


@pytest.fixture
def infile(tmp_path: Path) -> Path:
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return p


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_timex_file_writes_every_line_and_reports_bad_ones(infile: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    summary = timex_file(infile, out)
    assert (summary.lines, summary.ok, summary.failed, summary.timexes) == (6, 2, 4, 3)
    rows = _rows(out)
    assert [r["id"] for r in rows] == ["a", None, "c", "d", "e", "f"]
    assert [t["text"] for t in rows[0]["timexes"]] == ["Tuesday", "late October"]
    assert rows[0]["timexes"][1]["span"] == {"start": "2020-10-21", "end": "2020-10-31",
                                             "granularity": "span", "basis": "fuzzy"}
    assert "error" not in rows[0]
    codes = [r["error"][:6] for r in rows if "error" in r]
    assert codes == ["[E501]", "[E502]", "[E502]", "[E503]"]
    assert summary.errors[0].startswith(f"[E501] {infile}:2: ")
    assert summary.errors[2].startswith(f"[E502] {infile}:4: ")
    assert rows[4]["timexes"][0]["value"] == "2020-05-12"


def test_timex_file_day_first(infile: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    timex_file(infile, out, day_first=True)
    assert _rows(out)[4]["timexes"][0]["value"] == "2020-12-05"


def test_timex_file_missing_input_and_bad_output(tmp_path: Path, infile: Path) -> None:
    with pytest.raises(InputError) as err:
        timex_file(tmp_path / "nope.jsonl", tmp_path / "out.jsonl")
    assert err.value.code == "E504"
    with pytest.raises(UsageError) as err2:
        timex_file(infile, tmp_path / "no" / "such" / "dir" / "out.jsonl")
    assert err2.value.code == "E505"


def test_cli_timex(infile: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["timex", str(infile), "--out", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 4
    assert f"{infile}:2" in errors[0]
    assert len(_rows(out)) == 6


def test_cli_timex_clean_file_exits_0(tmp_path: Path) -> None:
    src, out = tmp_path / "ok.jsonl", tmp_path / "out.jsonl"
    src.write_text(LINES[0] + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["timex", str(src), "--out", str(out), "--day-first"])
    assert result.exit_code == 0, result.output
    assert _rows(out)[0]["timexes"][0]["value"] == "2020-12-15"


def test_cli_timex_missing_input_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["timex", str(tmp_path / "nope.jsonl"), "--out",
                                       str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert "[E504]" in result.stderr
