"""Events as rows of the GDELT 2.0 event table: 61 tab-separated columns in GDELT's order,
no header. docs/export.md says which columns are filled and how."""

from __future__ import annotations

import re
from datetime import date

from dyadline.export.countries import country_name, fips_code
from dyadline.model import NON_STATE, Actor, Place
from dyadline.store import ArticleRef, StoredEvent

__all__ = ["GDELT_COLUMNS", "fraction_date", "gdelt_row", "geo_type"]

_ACTOR_COLUMNS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                  "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_COLUMNS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
                "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR_COLUMNS),
    *(f"Actor2{c}" for c in _ACTOR_COLUMNS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO_COLUMNS),
    *(f"Actor2Geo_{c}" for c in _GEO_COLUMNS),
    *(f"ActionGeo_{c}" for c in _GEO_COLUMNS),
    "DATEADDED", "SOURCEURL",
)

_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _clean(value: object) -> str:
    """A field value with tabs and line breaks turned into single spaces."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def _number(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def fraction_date(day: date) -> str:
    """GDELT's FractionDate: the year plus ((month - 1) * 30 + day) / 365, four decimals."""
    return f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"


def _actor(actor: Actor | None) -> list[str]:
    if actor is None or not actor.code:
        return [""] * len(_ACTOR_COLUMNS)
    country = actor.country if actor.country and actor.country not in NON_STATE else None
    type1 = actor.sector or (actor.country if actor.country in NON_STATE else None)
    name = (actor.name or _THE.sub("", actor.text)).upper()
    return [_clean(actor.code), _clean(name), _clean(country), _clean(actor.org), "", "", "",
            _clean(type1), "", ""]


def geo_type(place: Place) -> int:
    """1 country, 2 US state, 3 US city or landmark, 4 other city or landmark, 5 other
    first-level division; 0 for the features GDELT has no class for (region, sea, continent)."""
    us = place.country == "USA"
    if place.feature == "country":
        return 1
    if place.feature == "admin1":
        return 2 if us else 5
    if place.feature in ("city", "landmark"):
        return 3 if us else 4
    return 0


def _geo(place: Place | None) -> list[str]:
    if place is None:
        return ["0"] + [""] * (len(_GEO_COLUMNS) - 1)
    fips, country = fips_code(place.country), country_name(place.country)
    kind = geo_type(place)
    if kind == 1:
        full = country or place.name
        feature = fips
    else:
        full = ", ".join(p for p in (place.name, country) if p)
        feature = str(place.geonameid) if place.geonameid is not None else ""
    return [str(kind), _clean(full), fips, "", "", _number(place.lat), _number(place.lon),
            feature]


def _source_url(stored: StoredEvent, ref: ArticleRef | None) -> str:
    if ref is not None and ref.url:
        return _clean(ref.url)
    outlet = f" ({ref.outlet})" if ref is not None and ref.outlet else ""
    return _clean(f"dyadline article {stored.event.article_id}{outlet}")


def gdelt_row(stored: StoredEvent, ref: ArticleRef | None) -> list[str]:
    """The 61 fields of one event (strings; empty for what dyadline does not code)."""
    ev = stored.event
    day = ev.date.start if ev.date.start is not None else ev.date.end
    when = (["", "", "", ""] if day is None else
            [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), fraction_date(day)])
    is_root = int(ref is not None and ev.evidence.start < ref.lead_end)
    added = ref.ingested_at.strftime("%Y%m%d%H%M%S") if ref and ref.ingested_at else ""
    return [
        str(stored.id), *when,
        *_actor(ev.source), *_actor(ev.target),
        str(is_root), ev.cameo, ev.cameo[:3], ev.cameo[:2], str(ev.quad_class),
        _number(ev.goldstein), str(stored.mentions), str(stored.sources), str(stored.articles),
        "",  # AvgTone: dyadline does not score tone
        *_geo(None), *_geo(None), *_geo(ev.place),
        added, _source_url(stored, ref),
    ]
