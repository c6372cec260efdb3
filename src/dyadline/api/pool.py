"""Read-only database connections for the request handlers, one ``Store`` per request.

A ``Store`` holds one DuckDB connection and is used by one request (one thread) at a time.
By default each request opens the file read-only and closes it when done, so nothing holds
the file between requests and ``dyadline ingest`` can write to it then. With ``keep_open``
idle stores are kept for the next request instead (faster; the file stays locked against
writers until ``close``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from dyadline.store import Store

__all__ = ["StorePool"]


class StorePool:
    """Hands out read-only ``Store`` objects for ``path``; opens nothing until asked."""

    def __init__(self, path: str, *, dedup_threshold: float | None = None,
                 keep_open: bool = False) -> None:
        self.path = path
        self.dedup_threshold = dedup_threshold
        self.keep_open = keep_open
        self._idle: list[Store] = []
        self._lock = threading.Lock()
        self._closed = False

    def _take(self) -> Store:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return Store.open(self.path, read_only=True, dedup_threshold=self.dedup_threshold)

    def _give_back(self, store: Store) -> None:
        if self.keep_open:
            with self._lock:
                if not self._closed:
                    self._idle.append(store)
                    return
        store.close()

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A store for the duration of one request (raises ``StoreError`` if it cannot open)."""
        store = self._take()
        try:
            yield store
        finally:
            self._give_back(store)

    @property
    def idle(self) -> int:
        """How many open stores wait for a request (always 0 unless ``keep_open``)."""
        with self._lock:
            return len(self._idle)

    def close(self) -> None:
        """Close the idle stores; stores in use are closed when their request ends."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for store in idle:
            store.close()
