"""The statements behind exports and imports: every matching event in id order (optionally
with facts about the article that first reported it), and which article ids are stored."""

from __future__ import annotations

from typing import Any

from dyadline.store.sql.reads import Where

__all__ = ["BULK_ORDERS", "STORED_ARTICLE_IDS", "events_in_order", "events_with_articles"]

# "day": the day an event is counted on (undated events last), then id.
BULK_ORDERS = {"id": "id", "day": "day NULLS LAST, id"}


def events_in_order(where: Where, order: str = "id") -> tuple[str, list[Any]]:
    return (f"SELECT * FROM events WHERE {where.sql()} ORDER BY {BULK_ORDERS[order]}",
            list(where.params))


# The lead paragraph ends at the first blank line after some text; a body without a blank
# line is one paragraph. (DuckDB's length counts code points, as Python's offsets do.)
_LEAD_END = r"""
coalesce(nullif(length(regexp_extract(a.body, '(?s)^(\s*\S.*?)\n[ \t\r]*\n', 1)), 0),
         length(a.body))
"""


def events_with_articles(where: Where) -> tuple[str, list[Any]]:
    """Events in id order with ``article_url``, ``article_outlet``, ``article_published``,
    ``article_ingested_at`` and ``article_lead_end`` of the article that first reported each."""
    query = f"""
    SELECT ev.*, a.url AS article_url, a.outlet AS article_outlet,
           a.published AS article_published, a.ingested_at AS article_ingested_at,
           {_LEAD_END} AS article_lead_end
    FROM (SELECT * FROM events WHERE {where.sql()}) ev
    LEFT JOIN articles a ON a.id = ev.article_id
    ORDER BY ev.id
    """
    return query, list(where.params)


STORED_ARTICLE_IDS = "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))"
