"""Stable article ids: the input's own id when it gives one, else a hash of the body."""

from __future__ import annotations

import hashlib

__all__ = ["article_id", "content_hash"]

ID_LENGTH = 16  # hex characters of the content hash used as an id


def content_hash(body: str) -> str:
    """sha256 hex digest of ``body`` with every run of whitespace collapsed to one space.

    Reflowed or re-indented copies of the same text hash alike; any other change does not."""
    normalised = " ".join(body.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def article_id(body: str, record_id: str | None = None) -> str:
    """``record_id`` (stripped) when the input gives a non-empty one, else 16 hex of the hash."""
    if record_id is not None and record_id.strip():
        return record_id.strip()
    return content_hash(body)[:ID_LENGTH]
