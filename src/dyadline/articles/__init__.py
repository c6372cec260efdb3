"""Stage 1: input files -> Article records (or Quarantined ones, with a coded reason).

Formats: the seed format (``key value`` header, then the body), plain text, JSON Lines, CSV/TSV
and HTML pages, each optionally gzipped; from paths, directories, globs or stdin. See docs/input.md.
"""

from __future__ import annotations

from dyadline.articles.codes import CODES, InputCode
from dyadline.articles.ids import article_id, content_hash
from dyadline.articles.language import english_ratio
from dyadline.articles.pubdate import PublishedDateError, parse_published
from dyadline.articles.reader import FORMATS, id_of_file, read_articles, sniff_format
from dyadline.articles.tabular import parse_columns

__all__ = [
    "CODES",
    "FORMATS",
    "InputCode",
    "PublishedDateError",
    "article_id",
    "content_hash",
    "english_ratio",
    "id_of_file",
    "parse_columns",
    "parse_published",
    "read_articles",
    "sniff_format",
]
