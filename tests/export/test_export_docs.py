"""docs/export.md documents every GDELT column, every flat column, every error code the
export package raises, and every option of its commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyadline.cli import main
from dyadline.export.flat import COLUMNS
from dyadline.export.gdelt import GDELT_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")
SOURCES = "\n".join(p.read_text(encoding="utf-8")
                    for p in (ROOT / "src" / "dyadline" / "export").glob("*.py"))


def _gdelt_documented(column: str) -> bool:
    if f"`{column}`" in DOC:
        return True
    # grouped rows: `Actor1Geo_*`, `Actor2…`, or a range listing the names
    prefix = re.match(r"^(Actor[12]Geo_|ActionGeo_|Actor2)", column)
    return bool(prefix) and (f"`{prefix.group(1)}*`" in DOC or f"`{prefix.group(1)}…`" in DOC)


@pytest.mark.parametrize("column", GDELT_COLUMNS)
def test_every_gdelt_column_is_documented(column: str) -> None:
    assert _gdelt_documented(column), column


@pytest.mark.parametrize("column", COLUMNS)
def test_every_flat_column_is_documented(column: str) -> None:
    assert f"`{column}`" in DOC


@pytest.mark.parametrize("code", sorted(set(re.findall(r'"(E8\d\d)"', SOURCES))))
def test_every_error_code_is_documented(code: str) -> None:
    assert f"| {code} |" in DOC


@pytest.mark.parametrize("command", ["export", "import", "plot"])
def test_every_option_is_documented(command: str) -> None:
    assert f"dyadline {command}" in DOC
    for param in main.commands[command].params:
        for opt in (*param.opts, *param.secondary_opts):
            if opt.startswith("--"):
                assert f"{opt}" in DOC, f"{command} {opt}"
