"""One record as a reader found it, and the checks every format shares before it becomes an Article:
text present, date readable, length within ``max_chars``, English enough."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dyadline.articles.codes import quarantine
from dyadline.articles.ids import article_id
from dyadline.articles.language import ENGLISH_BAR, english_ratio
from dyadline.articles.pubdate import PublishedDateError, parse_published
from dyadline.model import Article, Quarantined

__all__ = ["Checks", "Record", "finish"]


@dataclass(frozen=True, slots=True)
class Checks:
    """What the checks need from the settings and the call, resolved once per read."""

    published: date | None  # for records that give no date
    day_first: bool
    max_chars: int
    min_english_ratio: float


@dataclass(frozen=True, slots=True)
class Record:
    """Fields as read (strings, not yet checked). ``date_origin`` is where the date stood."""

    origin: str
    body: str
    raw: str
    date: str | None = None
    date_origin: str | None = None
    record_id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    meta: tuple[tuple[str, str], ...] = ()
    quarantine_origin: str | None = None  # origin for a quarantine, if it differs ("path:1")


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def finish(rec: Record, checks: Checks) -> Article | Quarantined:
    """The Article for ``rec``, or the first problem with it as a Quarantined record."""
    where = rec.quarantine_origin or rec.origin
    if not rec.body.strip():
        return quarantine("E102", where, "no article text", raw=rec.raw)
    published = checks.published
    if rec.date is not None and rec.date.strip():
        try:
            published = parse_published(rec.date, day_first=checks.day_first)
        except PublishedDateError as exc:
            return quarantine("E105", rec.date_origin or where, str(exc), exc.fix, raw=rec.raw)
    if len(rec.body) > checks.max_chars:
        return quarantine("E106", where,
                          f"the article has {len(rec.body):,} characters, over max_chars "
                          f"({checks.max_chars:,})", raw=rec.raw)
    ratio, words = english_ratio(rec.body)
    if ratio is not None and ratio < checks.min_english_ratio:
        return quarantine("E107", where,
                          f"does not read as English (English ratio {ratio:.2f} over {words} words, "
                          f"under min_english_ratio {checks.min_english_ratio:g})", raw=rec.raw)
    return Article(
        id=article_id(rec.body, rec.record_id),
        body=rec.body,
        published=published,
        title=_clean(rec.title),
        url=_clean(rec.url),
        source=_clean(rec.source),
        origin=rec.origin,
        language="en" if ratio is not None and ratio >= ENGLISH_BAR else None,
        meta=rec.meta,
    )
