"""The single writer: one batch of coded articles into the database, inside the caller's
transaction. Exact duplicates are skipped, URL versions linked, near-duplicates clustered
into stories, and reports of the same event merged (rules in ``dedup``)."""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from dyadline.model import CodedArticle, Event, Flag, Quarantined
from dyadline.store import dedup
from dyadline.store.rows import event_row, outlet_of, timex_row
from dyadline.store.sql import writes as sql

__all__ = ["WriteSummary", "content_hash", "write_batch"]

_CODE = re.compile(r"^\[(E\d{3})\]")
_RAW_LIMIT = 10_000  # characters of a failed article's body kept in quarantine


@dataclass(frozen=True, slots=True)
class WriteSummary:
    """What one ``Store.write`` call (or a whole run, added up) did."""

    articles: int = 0  # new articles stored
    duplicates: int = 0  # skipped: the same content is already stored (or twice in the batch)
    versions: int = 0  # stored as a new version of a URL already stored
    near_duplicates: int = 0  # stored and linked into the story of an earlier article
    id_conflicts: int = 0  # stored under a suffixed id: the id was taken by other content
    events: int = 0  # new deduplicated events
    merged: int = 0  # reports that joined an event already known
    reports: int = 0  # event reports stored (one per coded event of a new article)
    quarantined: int = 0  # new quarantine rows (failed articles and unreadable records)

    def __add__(self, other: WriteSummary) -> WriteSummary:
        return WriteSummary(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


def content_hash(body: str) -> str:
    """The article identity used for exact duplicates: ``dyadline.articles.content_hash``
    (sha256 of the whitespace-normalised body), imported here only when first needed."""
    from dyadline.articles import content_hash as articles_content_hash

    return articles_content_hash(body)


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Bulk insert through an Arrow table (columns matched by name)."""
    if not rows:
        return
    rel = f"_new_{table}"
    con.register(rel, pa.Table.from_pylist(rows))
    try:
        con.execute(sql.INSERT_BY_NAME.format(table=table, rel=rel))
    finally:
        con.unregister(rel)


def _column(con: duckdb.DuckDBPyConnection, query: str, params: Sequence[Any] = ()) -> list[Any]:
    return [r[0] for r in con.execute(query, list(params)).fetchall()]


def _quarantine_row(origin: str, code: str, reason: str, raw: str, run_id: int | None,
                    now: datetime) -> dict[str, Any]:
    key = hashlib.sha256("\x00".join((origin, code, reason, raw)).encode("utf-8")).hexdigest()
    return {"key": key, "origin": origin, "code": code, "reason": reason, "raw": raw,
            "run_id": run_id, "at": now}


class _Stories:
    """Union-find over story ids; stories already in the database win as representatives."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.stored: set[str] = set()

    def find(self, s: str) -> str:
        root = s
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        self.parent[s] = root
        return root

    def union(self, a: str, b: str) -> str:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        keep, drop = sorted((ra, rb), key=lambda s: (s not in self.stored, s))
        self.parent[drop] = keep
        return keep


@dataclass(slots=True)
class _New:
    """One article to store, with what the writer decided about it."""

    coded: CodedArticle
    hash: str
    id: str
    url_version: int = 1
    supersedes: str | None = None
    document_id: str = ""
    story: str = ""
    sig: np.ndarray | None = None
    buckets: list[tuple[int, int]] = field(default_factory=list)
    conflict: bool = False


def write_batch(con: duckdb.DuckDBPyConnection, coded: Sequence[CodedArticle],
                quarantined: Sequence[Quarantined], *, run_id: int | None, lsh: dedup.LshParams,
                now: datetime) -> WriteSummary:
    """Write one batch; the caller holds the transaction."""
    q_rows = [_quarantine_row(q.origin, q.code, q.reason, q.raw, run_id, now) for q in quarantined]
    ok: list[CodedArticle] = []
    for ca in coded:
        if ca.error:
            m = _CODE.match(ca.error)
            q_rows.append(_quarantine_row(ca.article.origin or ca.article.id,
                                          m.group(1) if m else "E707", ca.error,
                                          ca.article.body[:_RAW_LIMIT], run_id, now))
        else:
            ok.append(ca)
    news, duplicates = _new_articles(con, ok)
    versions = _link_versions(con, news)
    near, story_events = _cluster(con, news, lsh)
    events, merged, reports = _events(con, news, run_id)
    _insert_articles(con, news, run_id, now)
    _insert(con, "events", events)
    _insert(con, "reports", reports)
    touched = {r["event_id"] for r in reports} | story_events
    if touched:
        con.execute(sql.UPDATE_EVENT_COUNTS, [sorted(touched)])
    known_q = set(_column(con, sql.KNOWN_QUARANTINE, [[r["key"] for r in q_rows]])) if q_rows else set()
    fresh_q: dict[str, dict[str, Any]] = {}
    for r in q_rows:
        if r["key"] not in known_q:
            fresh_q.setdefault(r["key"], r)
    _insert(con, "quarantine", list(fresh_q.values()))
    return WriteSummary(
        articles=len(news), duplicates=duplicates, versions=versions, near_duplicates=near,
        id_conflicts=sum(n.conflict for n in news), events=len(events), merged=merged,
        reports=len(reports), quarantined=len(fresh_q),
    )


def _new_articles(con: duckdb.DuckDBPyConnection,
                  ok: Sequence[CodedArticle]) -> tuple[list[_New], int]:
    """The articles not stored yet (by content hash), with ids made unique."""
    hashes = [content_hash(ca.article.body) for ca in ok]
    seen = set(_column(con, sql.KNOWN_HASHES, [hashes])) if hashes else set()
    picked: list[tuple[CodedArticle, str]] = []
    for ca, h in zip(ok, hashes, strict=True):
        if h not in seen:
            seen.add(h)
            picked.append((ca, h))
    ids = [ca.article.id for ca, _ in picked]
    used = set(_column(con, sql.USED_IDS, [ids])) if ids else set()
    news = []
    for ca, h in picked:
        aid, conflict = ca.article.id, False
        if aid in used:
            aid, conflict = f"{ca.article.id}~{h[:10]}", True
        used.add(aid)
        news.append(_New(coded=ca, hash=h, id=aid, document_id=aid, story=aid, conflict=conflict))
    return news, len(ok) - len(picked)


def _link_versions(con: duckdb.DuckDBPyConnection, news: list[_New]) -> int:
    """A changed body at a known URL is the next version of it."""
    urls = sorted({n.coded.article.url for n in news if n.coded.article.url})
    latest: dict[str, tuple[str, int, str]] = {}
    if urls:
        for url, aid, version, doc in con.execute(sql.LATEST_VERSIONS, [urls]).fetchall():
            latest[url] = (aid, version, doc)
    count = 0
    for n in news:
        url = n.coded.article.url
        if not url:
            continue
        if url in latest:
            prev_id, prev_version, doc = latest[url]
            n.url_version, n.supersedes, n.document_id = prev_version + 1, prev_id, doc
            count += 1
        latest[url] = (n.id, n.url_version, n.document_id)
    return count


def _cluster(con: duckdb.DuckDBPyConnection, news: list[_New],
             lsh: dedup.LshParams) -> tuple[int, set[int]]:
    """Assign story ids by near-duplicate search; returns (linked articles, events to recount)."""
    band_rows: list[dict[str, Any]] = []
    for i, n in enumerate(news):
        n.sig = dedup.signature(n.coded.article.body)
        if n.sig is not None:
            n.buckets = dedup.band_buckets(n.sig, lsh)
            band_rows.extend({"idx": i, "band": b, "bucket": k} for b, k in n.buckets)
    stored: dict[int, list[tuple[np.ndarray, str]]] = defaultdict(list)
    if band_rows:
        rel = "_new_bands"
        con.register(rel, pa.Table.from_pylist(band_rows))
        try:
            for idx, _aid, blob, story in con.execute(sql.BAND_MATCHES.format(rel=rel)).fetchall():
                stored[idx].append((np.frombuffer(blob, dtype=np.uint32), story))
        finally:
            con.unregister(rel)
    stories = _Stories()
    for matches in stored.values():
        stories.stored.update(s for _, s in matches)
    buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
    linked = 0
    for i, n in enumerate(news):
        if n.sig is None:
            continue
        earlier = {j for key in n.buckets for j in buckets[key]}
        candidates = list(stored.get(i, [])) + [(news[j].sig, news[j].story) for j in earlier]
        hits = [(dedup.similarity(n.sig, sig), story) for sig, story in candidates
                if sig is not None and dedup.similarity(n.sig, sig) >= lsh.threshold]
        if hits:
            linked += 1
            hits.sort(key=lambda h: -h[0])
            n.story = stories.find(hits[0][1])
            for _, story in hits[1:]:
                n.story = stories.union(n.story, story)
        for key in n.buckets:
            buckets[key].append(i)
    for n in news:
        n.story = stories.find(n.story)
    renamed: dict[str, list[str]] = defaultdict(list)
    for s in stories.stored:
        if stories.find(s) != s:
            renamed[stories.find(s)].append(s)
    recount: set[int] = set()
    for keep, drops in renamed.items():
        recount.update(_column(con, sql.EVENTS_OF_STORIES, [drops]))
        con.execute(sql.MERGE_STORIES, [keep, drops])
    return linked, recount


def _events(con: duckdb.DuckDBPyConnection, news: list[_New],
            run_id: int | None) -> tuple[list[dict[str, Any]], int, list[dict[str, Any]]]:
    """Report rows for every coded event, and the new events they do not merge into."""
    items: list[tuple[_New, int, Event]] = [(n, k, ev) for n in news
                                             for k, ev in enumerate(n.coded.events)]
    keys = [dedup.event_key(ev) for _, _, ev in items]
    candidates = _stored_candidates(con, items, keys)
    next_event = int(_column(con, sql.MAX_ID.format(table="events"))[0]) + 1
    next_report = int(_column(con, sql.MAX_ID.format(table="reports"))[0]) + 1
    batch: dict[tuple[str, str, str], list[tuple[int, dedup.Span, tuple[str, ...]]]] = defaultdict(list)
    events: list[dict[str, Any]] = []
    reports: list[dict[str, Any]] = []
    merged = 0
    for idx, ((n, k, ev), key) in enumerate(zip(items, keys, strict=True)):
        row = event_row(ev)
        span = dedup.Span(ev.date.start, ev.date.end, ev.date.granularity)
        mine = dedup.stance(ev.modality)
        event_id: int | None = None
        if key is not None:
            pool = candidates.get(idx, []) + batch[key]
            agree = [(dedup.span_distance(span, s), eid) for eid, s, st in pool
                     if st == mine and dedup.spans_agree(span, s)]
            if agree:
                event_id = min(agree)[1]
                merged += 1
        if event_id is None:
            event_id = next_event
            next_event += 1
            events.append({**row, "id": event_id, "article_id": n.id, "n_mentions": 0,
                           "n_sources": 0, "n_articles": 0, "n_stories": 0})
            if key is not None:
                batch[key].append((event_id, span, mine))
        reports.append({**row, "id": next_report, "event_id": event_id, "article_id": n.id,
                        "n": k, "outlet": outlet_of(n.coded.article), "run_id": run_id})
        next_report += 1
    return events, merged, reports


def _stored_candidates(con: duckdb.DuckDBPyConnection, items: Sequence[tuple[_New, int, Event]],
                       keys: Sequence[tuple[str, str, str] | None],
                       ) -> dict[int, list[tuple[int, dedup.Span, tuple[str, ...]]]]:
    """Stored events each mergeable report might join (same codes and root, overlapping)."""
    rows = [{"idx": i, "source_code": key[0], "target_code": key[1], "root": key[2],
             "date_start": ev.date.start, "date_end": ev.date.end}
            for i, ((_, _, ev), key) in enumerate(zip(items, keys, strict=True)) if key is not None]
    out: dict[int, list[tuple[int, dedup.Span, tuple[str, ...]]]] = defaultdict(list)
    if not rows:
        return out
    rel = "_new_keys"
    con.register(rel, pa.Table.from_pylist(rows))
    try:
        result = con.execute(sql.MERGE_CANDIDATES.format(rel=rel)).fetchall()
    finally:
        con.unregister(rel)
    for idx, eid, start, end, gran, modality in result:
        out[idx].append((int(eid), dedup.Span(start, end, gran), dedup.stance(modality or ())))
    return out


def _insert_articles(con: duckdb.DuckDBPyConnection, news: Iterable[_New], run_id: int | None,
                     now: datetime) -> None:
    articles: list[dict[str, Any]] = []
    sentences: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    flags: list[dict[str, Any]] = []
    timexes: list[dict[str, Any]] = []
    sigs: list[dict[str, Any]] = []
    bands: list[dict[str, Any]] = []
    for n in news:
        a = n.coded.article
        articles.append({
            "id": n.id, "content_hash": n.hash, "url": a.url, "source": a.source,
            "outlet": outlet_of(a), "title": a.title, "published": a.published, "body": a.body,
            "origin": a.origin, "language": a.language,
            "meta": json.dumps([list(p) for p in a.meta]) if a.meta else None,
            "url_version": n.url_version, "supersedes": n.supersedes,
            "document_id": n.document_id, "story_id": n.story, "ingested_at": now,
            "run_id": run_id,
        })
        sentences.extend({"article_id": n.id, "n": i, "start": s, "end": e}
                         for i, (s, e) in enumerate(n.coded.sentences))
        mentions.extend({"article_id": n.id, "n": i, "code": m.code, "country": m.country,
                         "sector": m.sector, "org": m.org, "name": m.name, "text": m.text,
                         "start": m.start, "end": m.end, "basis": m.basis}
                        for i, m in enumerate(n.coded.mentions))
        article_flags = list(n.coded.flags)
        if n.conflict:
            article_flags.append(_conflict_flag(a.id, n.id))
        flags.extend({"article_id": n.id, "n": i, "kind": f.kind, "message": f.message,
                      "mention": f.mention, "start": f.start, "end": f.end,
                      "readings": list(f.readings)}
                     for i, f in enumerate(article_flags))
        timexes.extend(timex_row(n.id, i, t) for i, t in enumerate(n.coded.timexes))
        if n.sig is not None:
            sigs.append({"article_id": n.id, "minhash": n.sig.tobytes()})
            bands.extend({"band": b, "bucket": k, "article_id": n.id} for b, k in n.buckets)
    _insert(con, "articles", articles)
    for table, rows in (("sentences", sentences), ("mentions", mentions), ("flags", flags),
                        ("timexes", timexes), ("signatures", sigs), ("lsh_bands", bands)):
        _insert(con, table, rows)


def _conflict_flag(given: str, stored: str) -> Flag:
    return Flag(kind="id_conflict",
                message=f"the id '{given}' was already used by an article with other content; "
                        f"this one is stored as '{stored}'",
                mention=given)
