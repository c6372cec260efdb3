"""Check a user's actor file (``dyadline actors validate FILE``): every problem, with its line."""

from __future__ import annotations

import re
from pathlib import Path

from dyadline.actors.kb import DATA_DIR
from dyadline.actors.loader import load_tables
from dyadline.errors import DataFileError

__all__ = ["validate_file"]

_WHERE = re.compile(r"^(.*?):(\d+)$")


def _order(err: DataFileError) -> tuple[str, int]:
    m = _WHERE.match(err.where or "")
    return (m.group(1), int(m.group(2))) if m else (err.where or "", 0)


def validate_file(path: str | Path | None, data_dir: Path = DATA_DIR) -> list[DataFileError]:
    """Every problem of the packaged data and of the user file at ``path`` (none: []), in file
    and line order."""
    tables = load_tables(data_dir, Path(path) if path else None, strict=False)
    return sorted(tables.problems, key=_order)
