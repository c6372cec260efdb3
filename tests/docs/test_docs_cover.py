"""The docs say what the code does: every setting, command and error code is documented."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from dyadline.cli import main
from dyadline.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    out = []
    for name, cmd in group.commands.items():
        full = f"{prefix}{name}"
        out.append(full)
        if isinstance(cmd, click.Group):
            out += _commands(cmd, f"{full} ")
    return out


@pytest.mark.parametrize("name", [s.name for s in SETTINGS])
def test_every_setting_is_documented(name: str) -> None:
    assert f"`{name}`" in (DOCS / "settings.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", _commands(main))
def test_every_command_is_documented(command: str) -> None:
    assert f"dyadline {command}" in (DOCS / "cli.md").read_text(encoding="utf-8")


def _codes_in_source() -> list[str]:
    codes: set[str] = set()
    for path in (ROOT / "src" / "dyadline").rglob("*.py"):
        codes |= set(re.findall(r'"(E\d{3})"', path.read_text(encoding="utf-8")))
    return sorted(codes)


@pytest.mark.parametrize("code", _codes_in_source())
def test_every_error_code_is_documented(code: str) -> None:
    docs = "\n".join(p.read_text(encoding="utf-8") for p in DOCS.glob("*.md"))
    assert code in docs


def test_readme_starts_with_the_two_commands() -> None:
    head = (ROOT / "README.md").read_text(encoding="utf-8").split("\n\n")[1]
    assert "make run" in head and "make test" in head


def test_doc_links_resolve() -> None:
    for md in [ROOT / "README.md", *DOCS.glob("*.md")]:
        for target in re.findall(r"\]\(([^)#:]+\.md)\)", md.read_text(encoding="utf-8")):
            assert (md.parent / target).exists(), f"{md.name} links to missing {target}"
