"""The ``dyadline`` command: thin commands that parse options, call one library function, print.

Errors raised by the library (``DyadlineError``) become one line on stderr and exit code 1;
usage errors exit 2. Commands live in one module per part of the flow and import their stage
lazily, so that ``dyadline --help`` stays fast.
"""

from __future__ import annotations

from dyadline.cli import coding, data, store  # noqa: F401 - registers the commands
from dyadline.cli.base import edge, main, settings_from

__all__ = ["edge", "main", "settings_from"]
