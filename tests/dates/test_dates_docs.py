"""docs/dates.md documents every error code of the stage, the command and the public API."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import dyadline.dates
from dyadline.dates.files import CODES

DOC = (Path(__file__).resolve().parents[2] / "docs" / "dates.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_is_in_the_table(code: str) -> None:
    assert re.search(rf"^\| {code} \| .+ \| .+ \|$", DOC, re.M), f"{code} is not documented"


def test_no_undeclared_code_is_documented() -> None:
    assert set(re.findall(r"^\| (E5\d\d) \|", DOC, re.M)) == set(CODES)


@pytest.mark.parametrize("name", dyadline.dates.__all__)
def test_public_names_are_documented(name: str) -> None:
    assert f"`{name}" in DOC or f"{name}(" in DOC, f"{name} is not in docs/dates.md"


def test_the_command_is_documented() -> None:
    assert "dyadline timex IN.jsonl --out OUT.jsonl" in DOC
