"""HTML pages: the main text through trafilatura (offline), title and date from the page's metadata.

The body is the extracted text, one block per paragraph separated by a blank line, without the
headline when it repeats the title; event offsets refer to this text, not to the HTML. The date is
the publication date the page's metadata gives (htmldate, without searching the text, where a date
would more likely be an event's): a page without one gets ``published`` None.
"""

from __future__ import annotations

from dyadline.articles.codes import quarantine
from dyadline.articles.record import Record
from dyadline.model import Quarantined

__all__ = ["html_record"]

_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}


def html_record(page: str, name: str) -> Record | Quarantined:
    """The record of one HTML page, or E111 when it has no main text."""
    from trafilatura import bare_extraction  # heavy: imported when a page is read

    doc = bare_extraction(page, with_metadata=True, include_comments=False, include_tables=False,
                          favor_recall=True, date_extraction_params=_DATE_PARAMS)
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        return quarantine("E111", f"{name}:1", "no main text found in the page", raw=page)
    title = getattr(doc, "title", None) or None
    blocks = [line.strip() for line in text.split("\n") if line.strip()]
    if title and blocks and blocks[0] == title.strip():
        blocks = blocks[1:] or blocks
    meta = tuple((key, str(value)) for key in ("author", "hostname", "description")
                 if (value := getattr(doc, key, None)))
    return Record(origin=name, body="\n\n".join(blocks), raw=page,
                  date=getattr(doc, "date", None) or None, date_origin=f"{name}:1",
                  title=title, url=getattr(doc, "url", None) or None,
                  source=getattr(doc, "sitename", None) or None, meta=meta,
                  quarantine_origin=f"{name}:1")
