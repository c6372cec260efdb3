"""docs/input.md documents every input code, the reader settings, the command and the sample."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyadline.articles import CODES

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "input.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_is_in_the_table(code: str) -> None:
    assert re.search(rf"^\| {code} \| .+ \| .+ \|$", DOC, re.M), f"{code} is not documented"


def test_no_undeclared_code_is_documented() -> None:
    assert set(re.findall(r"^\| (E1\d\d) \|", DOC, re.M)) == set(CODES)


@pytest.mark.parametrize("name", ["csv_columns", "day_first", "max_chars", "min_english_ratio"])
def test_reader_settings_are_documented(name: str) -> None:
    assert f"| `{name}` |" in DOC


def test_the_read_command_is_documented() -> None:
    assert "dyadline read" in DOC


def test_every_sample_file_is_listed() -> None:
    for path in (ROOT / "examples").iterdir():
        assert f"`{path.name}`" in DOC, path.name
