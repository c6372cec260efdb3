"""The bundled sample in examples/: our own short articles about real events, in every format."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from dyadline.model import Article

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_the_sample_reads_cleanly(read) -> None:
    records = read(EXAMPLES)
    articles = [r for r in records if isinstance(r, Article)]
    assert articles == records, [r for r in records if not isinstance(r, Article)]
    assert len(articles) >= 12
    for a in articles:
        words = len(a.body.split())
        assert 150 <= words <= 400, (a.origin, words)
        assert a.published is not None and date(2010, 1, 1) <= a.published <= date(2023, 12, 31)
        assert a.title and a.source and a.language == "en", a.origin
    assert len({a.id for a in articles}) == len(articles)


def test_the_sample_shows_off_every_format(read) -> None:
    kinds = Counter(Path(a.origin.split(":")[0]).suffix for a in read(EXAMPLES))
    assert kinds[".txt"] >= 6 and kinds[".jsonl"] >= 2 and kinds[".csv"] >= 1 and kinds[".html"] >= 1


def test_file_names_carry_the_publication_date(read) -> None:
    for a in read(EXAMPLES):
        name = Path(a.origin.split(":")[0]).name
        if name[:4].isdigit():
            assert name.startswith(a.published.isoformat()), a.origin  # type: ignore[union-attr]


def test_the_sample_is_our_own_writing_not_shared_files(shared: Path) -> None:
    shared_names = {p.name for p in shared.rglob("*") if p.is_file()}
    assert not shared_names & {p.name for p in EXAMPLES.iterdir()}
