"""The ``dyadline actors`` commands: thin edges over the knowledge base."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadline.cli import main


@pytest.mark.parametrize(("args", "want"), [
    (["Putin", "--on", "2020-12-15"], "RUSGOV     person   Vladimir Putin (head_of_state)"),
    (["Biden", "--on", "2020-10-20"], "USAELI     person   Joe Biden"),
    (["the Kremlin"], "RUSGOV     metonym"),
    (["Russian President", "--on", "2010-01-01"], "Dmitry Medvedev (head_of_state)"),
    (["Iraqi troops"], "IRQMIL     sector"),
])
def test_lookup(args: list[str], want: str) -> None:
    result = CliRunner().invoke(main, ["actors", "lookup", *args])
    assert result.exit_code == 0, result.output
    assert want in result.output


def test_lookup_json() -> None:
    result = CliRunner().invoke(main, ["actors", "lookup", "Peskov", "--on", "2020-12-15",
                                       "--json"])
    assert result.exit_code == 0
    row = json.loads(result.output.splitlines()[0])
    assert (row["code"], row["name"], row["role"]) == ("RUSGOV", "Dmitry Peskov", "spokesperson")


def test_lookup_nothing_found() -> None:
    result = CliRunner().invoke(main, ["actors", "lookup", "Qwxz Plonk"])
    assert result.exit_code == 1
    assert "no reading of 'Qwxz Plonk'" in result.output


def test_lookup_bad_date_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["actors", "lookup", "Putin", "--on", "15/12/2020"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_validate_packaged() -> None:
    result = CliRunner().invoke(main, ["actors", "validate"], env={"DYADLINE_ACTORS_FILE": ""})
    assert result.exit_code == 0, result.output


def test_validate_reports_each_problem(tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text("text\tcountry\tsector\tnote\nKremlin Palace\tRUX\tGOV\t\n"
                    "Old Square\tRUS\tGOB\t\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["actors", "validate", str(user)])
    assert result.exit_code == 1
    assert "[E304] mine.tsv:2: unknown country code 'RUX'" in result.output
    assert "[E305] mine.tsv:3: unknown sector 'GOB'" in result.output
    assert "2 problem(s)" in result.output


def test_actors_file_setting_is_used(tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text("text\tcountry\tsector\tnote\nOld Square\tRUS\tGOV\tmine\n",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["actors", "lookup", "Old Square"],
                                env={"DYADLINE_ACTORS_FILE": str(user)})
    assert result.exit_code == 0, result.output
    assert result.output.startswith("RUSGOV")
