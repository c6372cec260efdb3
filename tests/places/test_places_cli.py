"""``dyadline places``: resolve a name, validate a places file, locate an event."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dyadline.cli import main
from dyadline.places import Gazetteer


@pytest.fixture
def run(gazetteer: Gazetteer, gazetteer_cache: Path) -> Any:
    """Invoke the CLI with the session's gazetteer cache (nothing written to ~/.cache)."""
    runner = CliRunner()
    env = {"XDG_CACHE_HOME": str(gazetteer_cache.parent)}

    def invoke(*args: str) -> Any:
        return runner.invoke(main, list(args), env=env)

    return invoke


@pytest.mark.parametrize(("args", "code", "out"), [
    (("places", "resolve", "Paris, Texas"), 0, "Paris (city, USA) 33.66094, -95.55551"),
    (("places", "resolve", "Tripoli", "--context", "lbn"), 0, "Tripoli (city, LBN)"),
    (("places", "resolve", "the Kremlin"), 0, "Kremlin (landmark, RUS)"),
    (("places", "resolve", "Russian"), 1, ""),
])
def test_resolve(run: Any, args: tuple[str, ...], code: int, out: str) -> None:
    result = run(*args)
    assert result.exit_code == code, result.output
    assert result.stdout.startswith(out)
    if code:
        assert "no place for 'Russian'" in result.stderr


def test_resolve_json_and_all(run: Any) -> None:
    result = run("places", "resolve", "Georgia", "--context", "GEO", "--json")
    assert json.loads(result.stdout)["country"] == "GEO"
    result = run("places", "resolve", "Georgia", "--all")
    lines = result.stdout.splitlines()
    assert [line.split()[1:3] for line in lines[:2]] == [["admin1", "USA"], ["country", "GEO"]]


def test_validate(run: Any, tmp_path: Path) -> None:
    good = tmp_path / "good.tsv"
    good.write_text("name\talt_names\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tnote\n"
                    "Camp Nowhere\t\tlandmark\tUKR\t\t48.5\t35.0\t0\t\n", encoding="utf-8")
    result = run("places", "validate", str(good))
    assert (result.exit_code, result.stdout.strip()) == (0, f"ok: {good}: 1 places")
    bad = tmp_path / "bad.tsv"
    bad.write_text(good.read_text(encoding="utf-8").replace("48.5", "north"), encoding="utf-8")
    result = run("places", "validate", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: [E607] {bad}:2: lat 'north' is not a number")


def test_locate(run: Any, nlp: Any) -> None:
    text = "Police detained dozens of protesters outside the parliament in Minsk."
    result = run("places", "locate", text, "--trigger", "detained")
    assert result.exit_code == 0, result.output
    place = json.loads(result.stdout)
    assert (place["name"], place["country"], text[place["start"]:place["end"]]) == (
        "Minsk", "BLR", "Minsk")
    result = run("places", "locate", "Russia attacked Ukraine.", "--trigger", "attacked")
    assert result.exit_code == 1
    result = run("places", "locate", "Russia attacked Ukraine.", "--trigger", "bombed")
    assert result.exit_code == 2
    assert "[E611]" in result.stderr
