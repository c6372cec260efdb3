"""The README's Python example runs as written (on the bundled examples, into a temp file)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_readme_python_example_runs(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    code = code.replace('"articles/"', repr(str(ROOT / "examples"))).replace(
        '"news.duckdb"', repr(str(tmp_path / "news.duckdb")))
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert '"events"' in out or "'events'" in out
    assert (tmp_path / "news.duckdb").exists()


def test_public_names_are_not_shadowed_by_submodules() -> None:
    import importlib
    import types

    import dyadline

    for sub in ("pipeline", "ingest", "coding", "store", "events", "actors", "dates", "places"):
        importlib.import_module(f"dyadline.{sub}")
    for name in dyadline.__all__:
        assert not isinstance(getattr(dyadline, name), types.ModuleType), name
