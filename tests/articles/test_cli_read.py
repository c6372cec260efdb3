"""``dyadline read``: articles as JSON lines on stdout, quarantined records on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadline.cli import main


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_read_prints_articles(runner: CliRunner, tmp_path: Path, english: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"date 2020-12-15\ntitle Talks\n\n{english}", encoding="utf-8")
    result = runner.invoke(main, ["read", str(path)])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)
    assert (row["published"], row["title"], row["body"]) == ("2020-12-15", "Talks", english)
    assert "1 articles read, 0 quarantined" in result.stderr


def test_read_from_stdin_with_a_date(runner: CliRunner, english: str) -> None:
    result = runner.invoke(main, ["read", "-", "--date", "Dec 15, 2020", "--no-body"], input=english)
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)
    assert row["published"] == "2020-12-15" and "body" not in row


def test_read_reports_quarantined_records_and_fails(runner: CliRunner, tmp_path: Path,
                                                    english: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text(english, encoding="utf-8")
    result = runner.invoke(main, ["read", str(good), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1  # the good article is still written
    assert f"quarantined: [E101] {tmp_path / 'missing.txt'}: no such file" in result.stderr
    assert "1 have no publication date" in result.stderr


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["read", "x", "--date", "2020-13-01"], "impossible date"),
        (["read", "x", "--format", "xml"], "'xml' is not one of"),
    ],
)
def test_read_usage_errors_exit_2(runner: CliRunner, args: list[str], says: str) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert says in result.stderr


def test_bad_csv_columns_setting_exits_1(runner: CliRunner, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYADLINE_CSV_COLUMNS", "headline")
    result = runner.invoke(main, ["read", str(tmp_path)])
    assert result.exit_code == 1
    assert "[E191]" in result.stderr
