"""The ``dyadline`` group and the edge: library errors become one line and an exit code.

Errors raised by the library (``DyadlineError``) become one line on stderr and exit code 1;
usage errors exit 2. Imports of the heavy stages happen inside the commands, so that
``dyadline --help`` stays fast.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from dyadline import __version__
from dyadline.errors import DyadlineError, UsageError
from dyadline.settings import Settings, load_settings

F = TypeVar("F", bound=Callable[..., Any])


def edge(func: F) -> F:
    """Translate library errors into a one-line message and an exit code (1; 2 for usage)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UsageError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        except DyadlineError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def settings_from(ctx: click.Context, **overrides: Any) -> Settings:
    """The settings of this invocation: --config file, environment, then command options."""
    base: Settings = ctx.find_root().obj["settings"]
    return base.replace(**overrides) if any(v is not None for v in overrides.values()) else base


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dyadline")
@click.option("--config", type=click.Path(dir_okay=False), default=None,
              help="A TOML settings file (default: ./dyadline.toml or $DYADLINE_CONFIG).")
@click.pass_context
def main(ctx: click.Context, config: str | None) -> None:
    """dyadline: who did what to whom, when, where, and according to whom."""
    try:
        ctx.obj = {"settings": load_settings(config=config)}
    except DyadlineError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)



