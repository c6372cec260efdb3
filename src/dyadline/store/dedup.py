"""Deduplication rules: near-duplicate articles (MinHash/LSH) and when two reports are one event.

Articles: word 3-shingles of the lower-cased body, a 128-permutation MinHash (datasketch,
scheme ``affine32``), and LSH bands chosen by datasketch for the ``dedup_threshold``
setting; candidates sharing a band are confirmed by their estimated Jaccard similarity.

Events: two reports are the same event only when all of these hold (false merges are worse
than duplicates, so anything uncertain stays apart):

- both have a coded source and a coded target, and the codes are equal;
- the CAMEO roots are equal;
- the same stance: the modalities other than ``attributed`` are equal (a negated report never
  merges with an asserted one);
- both date spans are closed (no open end) and no coarser than a month, their granularities
  are at most one step apart (day~week, week~month; not day~month), and the spans overlap.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import MinHash, MinHashLSH

from dyadline.errors import ConfigError
from dyadline.model import Event

__all__ = [
    "NUM_PERM",
    "SHINGLE",
    "LshParams",
    "Span",
    "band_buckets",
    "event_key",
    "granularity_rank",
    "lsh_params",
    "signature",
    "similarity",
    "span_distance",
    "spans_agree",
    "stance",
]

NUM_PERM = 128
SHINGLE = 3
SCHEME = "affine32"
_WORD = re.compile(r"\w+")

# Granularity -> precision rank; spans above MAX_MERGE_RANK never merge.
_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "year": 4, "decade": 5,
         "century": 6}
MAX_MERGE_RANK = 2


@dataclass(frozen=True, slots=True)
class LshParams:
    """How signatures are banded: ``bands`` bands of ``rows`` hash values each."""

    threshold: float
    bands: int
    rows: int

    def describe(self) -> str:
        return f"threshold={self.threshold};num_perm={NUM_PERM};bands={self.bands};rows={self.rows};" \
               f"shingle={SHINGLE};scheme={SCHEME}"


@functools.cache
def lsh_params(threshold: float) -> LshParams:
    """Band parameters for a Jaccard threshold (datasketch's optimum for equal error weights)."""
    if not 0.0 < threshold < 1.0:
        raise ConfigError("E709", f"dedup_threshold must be between 0 and 1 (exclusive), got "
                          f"{threshold}: set it to e.g. 0.8")
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return LshParams(threshold, int(lsh.b), int(lsh.r))


def _shingles(body: str) -> list[bytes]:
    words = _WORD.findall(body.lower())
    if len(words) < SHINGLE:
        return [" ".join(words).encode()] if words else []
    return list({" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)})


def signature(body: str) -> np.ndarray | None:
    """The MinHash values of a body (uint32), or None when it has no words."""
    shingles = _shingles(body)
    if not shingles:
        return None
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch(shingles)
    return np.asarray(mh.hashvalues, dtype=np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / float(len(a))


def band_buckets(sig: np.ndarray, params: LshParams) -> list[tuple[int, int]]:
    """(band, bucket) pairs: a 64-bit hash of each band's slice of the signature."""
    out = []
    for band in range(params.bands):
        chunk = sig[band * params.rows:(band + 1) * params.rows].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "little", signed=True)))
    return out


@dataclass(frozen=True, slots=True)
class Span:
    start: date | None
    end: date | None
    granularity: str


def granularity_rank(span: Span) -> int | None:
    """Precision rank of a span (0 = a day); None when it has an open end."""
    if span.start is None or span.end is None or span.granularity == "open":
        return None
    if span.granularity in _RANK:
        return _RANK[span.granularity]
    width = (span.end - span.start).days + 1
    for rank, limit in enumerate((1, 7, 31, 92, 366)):
        if width <= limit:
            return rank
    return 5


def spans_agree(a: Span, b: Span) -> bool:
    """Closed, fine enough, of neighbouring granularity, and overlapping (see module doc)."""
    ra, rb = granularity_rank(a), granularity_rank(b)
    if ra is None or rb is None or ra > MAX_MERGE_RANK or rb > MAX_MERGE_RANK or abs(ra - rb) > 1:
        return False
    assert a.start and a.end and b.start and b.end
    return a.start <= b.end and b.start <= a.end


def span_distance(a: Span, b: Span) -> tuple[int, int]:
    """Sort key among agreeing candidates: granularity step, then days between starts."""
    ra, rb = granularity_rank(a) or 0, granularity_rank(b) or 0
    days = abs((a.start - b.start).days) if a.start and b.start else 0
    return (abs(ra - rb), days)


def stance(modality: Sequence[str]) -> tuple[str, ...]:
    """The modalities that decide whether two reports can be one event."""
    return tuple(sorted(set(modality) - {"attributed"}))


def event_key(event: Event) -> tuple[str, str, str] | None:
    """(source code, target code, root) when the event may merge at all, else None."""
    src = event.source.code if event.source else ""
    tgt = event.target.code if event.target else ""
    if not src or not tgt:
        return None
    span = Span(event.date.start, event.date.end, event.date.granularity)
    rank = granularity_rank(span)
    if rank is None or rank > MAX_MERGE_RANK:
        return None
    return (src, tgt, event.root)
