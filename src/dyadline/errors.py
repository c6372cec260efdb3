"""One exception tree for dyadline, with stable, searchable codes.

    DyadlineError                 every error dyadline raises on purpose
    ├── UsageError                a bad option or argument (CLI exit code 2)
    ├── ConfigError               a bad setting or settings file            E9xx
    ├── ModelError                the spaCy model cannot be loaded          E2xx
    ├── DataFileError             a broken row in a data file (file, line)  E3xx/E4xx/E6xx
    ├── InputError                a record that cannot be read (file, line) E1xx
    ├── StoreError                the database cannot be opened or written  E7xx
    └── QueryError                a query or export that cannot be answered E8xx

Code ranges: E1xx input records, E2xx NLP model, E3xx actors, E4xx events/lexicons,
E5xx dates, E6xx places, E7xx store, E8xx queries/exports/API, E9xx settings and usage.
Every message says what is wrong and how to fix it; ``str(err)`` is the one-line form
``[E101] path:3: ... : fix``. Only the edges (CLI, HTTP API) turn these into output.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DataFileError",
    "DyadlineError",
    "InputError",
    "ModelError",
    "QueryError",
    "StoreError",
    "UsageError",
]


class DyadlineError(Exception):
    """Base class. ``code`` is stable (E101); ``message`` says what and how to fix it."""

    code: str = "E000"

    def __init__(self, code: str, message: str, *, where: str | None = None) -> None:
        self.code = code
        self.message = message
        self.where = where
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        return f"[{self.code}] {where}{self.message}"

    def __reduce__(self) -> tuple[type, tuple[str, str], dict[str, str | None]]:
        # picklable, so that errors cross process boundaries (nlp.pipe workers, Dask)
        return (type(self), (self.code, self.message), {"where": self.where})

    def to_dict(self) -> dict[str, str | None]:
        """The one JSON error shape of the HTTP API."""
        return {"code": self.code, "message": self.message, "where": self.where}


class UsageError(DyadlineError):
    """A bad option or argument."""


class ConfigError(DyadlineError):
    """A bad setting, settings file or environment variable."""


class ModelError(DyadlineError):
    """The spaCy model named by the settings cannot be loaded."""


class DataFileError(DyadlineError):
    """A broken row in a data file (lexicon, actor file, ontology): names file and line."""


class InputError(DyadlineError):
    """An input record that cannot be read: names file and line, is quarantined, batch goes on."""


class StoreError(DyadlineError):
    """The database cannot be opened, migrated or written."""


class QueryError(DyadlineError):
    """A query, export or import that cannot be answered as asked."""
