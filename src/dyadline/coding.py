"""Code articles to JSON lines without storing them (what ``dyadline code`` does).

Bad records are not dropped: each becomes a line with ``error`` set (and a one-line warning
through the ``warn`` callback), and the rest of the batch goes on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from dyadline.model import Article, CodedArticle, Quarantined
from dyadline.pipeline import Pipeline
from dyadline.settings import Settings

__all__ = ["CodeSummary", "code_to_jsonl", "split_records"]


@dataclass
class CodeSummary:
    articles: int = 0
    events: int = 0
    quarantined: int = 0
    failed: int = 0

    @property
    def exit_code(self) -> int:
        return 1 if self.quarantined or self.failed else 0

    def line(self) -> str:
        return (f"{self.articles} articles coded, {self.events} events, "
                f"{self.quarantined} records quarantined, {self.failed} failed")


def split_records(
    records: Iterable[Article | Quarantined],
    on_bad: Callable[[Quarantined], None],
) -> Iterator[Article]:
    """Pass articles on; hand each quarantined record to ``on_bad`` as it comes."""
    for rec in records:
        if isinstance(rec, Quarantined):
            on_bad(rec)
        else:
            yield rec


@contextmanager
def _open_out(out: str | Path) -> Iterator[IO[str]]:
    if str(out) == "-":
        yield sys.stdout
    else:
        with open(out, "w", encoding="utf-8") as fh:
            yield fh


def quarantine_line(q: Quarantined) -> dict[str, object]:
    return {"id": q.origin, "events": [], "flags": [], "error": f"[{q.code}] {q.reason}"}


def code_to_jsonl(
    sources: Sequence[str],
    out: str | Path,
    *,
    settings: Settings,
    fmt: str | None = None,
    published: date | None = None,
    warn: Callable[[str], None] = lambda _msg: None,
    pipeline: Pipeline | None = None,
) -> CodeSummary:
    """Read ``sources``, code every article, write one JSON line per record to ``out``."""
    from dyadline.articles import read_articles

    pipe = pipeline or Pipeline(settings)
    summary = CodeSummary()
    with _open_out(out) as fh:
        def bad(q: Quarantined) -> None:
            summary.quarantined += 1
            warn(f"warning: [{q.code}] {q.origin}: {q.reason}")
            fh.write(json.dumps(quarantine_line(q), ensure_ascii=False) + "\n")

        articles = split_records(read_articles(sources, fmt=fmt, published=published, settings=settings), bad)
        for coded in pipe.code_articles(articles):
            write_coded(fh, coded, summary, warn)
    return summary


def write_coded(fh: IO[str], coded: CodedArticle, summary: CodeSummary,
                warn: Callable[[str], None]) -> None:
    if coded.error:
        summary.failed += 1
        warn(f"warning: {coded.article.origin}: {coded.error}")
    else:
        summary.articles += 1
        summary.events += len(coded.events)
        for flag in coded.flags:
            if flag.kind == "no_publication_date":
                warn(f"warning: {coded.article.origin}: {flag.message}")
    fh.write(json.dumps(coded.to_dict(), ensure_ascii=False) + "\n")
