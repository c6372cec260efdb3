"""Render query results for a terminal (rich), as JSON or as CSV. Returns; never prints."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from dyadline.model import Actor, DateSpan
from dyadline.store.queries import ArticleDetail, Report, StoredEvent
from dyadline.store.timeline import TimelineRow

__all__ = ["FORMATS", "article_view", "events_table", "flatten", "timeline_table", "to_csv",
           "to_json"]

FORMATS = ("table", "json", "csv")
_QUADS = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}


def flatten(d: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts to ``a_b`` keys; lists to ``;``-joined strings (for CSV)."""
    out: dict[str, Any] = {}
    for key, value in d.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(flatten(value, f"{name}_"))
        elif isinstance(value, list):
            out[name] = ";".join(json.dumps(v) if isinstance(v, (dict, list)) else str(v)
                                 for v in value)
        else:
            out[name] = value
    return out


def to_json(records: Sequence[Any]) -> str:
    return json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=2, default=str)


def to_csv(records: Sequence[Any]) -> str:
    """CSV with a header; the columns of the first record (nested fields flattened)."""
    rows = [flatten(r.to_dict()) for r in records]
    buf = io.StringIO()
    if not rows:
        return ""
    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(row))
    writer = csv.DictWriter(buf, fieldnames=list(names), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def _actor(a: Actor | None) -> str:
    if a is None:
        return "-"
    label = a.code or "?"
    return f"{label} ({a.name})" if a.name else f"{label} «{a.text}»"


def _span(d: DateSpan) -> str:
    start = d.start.isoformat() if d.start else "…"
    end = d.end.isoformat() if d.end else "…"
    when = start if start == end else f"{start}..{end}"
    return f"{when} {d.granularity}"


def events_table(found: Sequence[StoredEvent], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False)
    for name in ("id", "date", "source", "code", "target", "quad", "gs", "reports", "said by",
                 "evidence"):
        fixed = name in ("id", "date", "code", "quad", "gs")
        table.add_column(name, overflow="fold", no_wrap=fixed, min_width=10 if name == "date" else None)
    for s in found:
        e = s.event
        mods = f" [{','.join(e.modality)}]" if e.modality else ""
        table.add_row(
            str(s.id), _span(e.date), _actor(e.source), f"{e.cameo}{mods}", _actor(e.target),
            str(e.quad_class), f"{e.goldstein:+.1f}",
            f"{s.mentions} ({s.sources} src)", e.said_by.text if e.said_by else "",
            e.evidence.text if len(e.evidence.text) <= 160 else e.evidence.text[:157] + "...",
        )
    return table


def timeline_table(rows: Sequence[TimelineRow], title: str | None = None) -> Table:
    table = Table(title=title)
    for name in ("period", "events", "v.coop", "m.coop", "v.confl", "m.confl", "goldstein",
                 "mean", "imprecise"):
        table.add_column(name, justify="left" if name == "period" else "right", no_wrap=True)
    for r in rows:
        table.add_row(r.period.isoformat(), str(r.events), str(r.verbal_cooperation),
                      str(r.material_cooperation), str(r.verbal_conflict),
                      str(r.material_conflict), f"{r.goldstein_sum:+.1f}",
                      "" if r.goldstein_mean is None else f"{r.goldstein_mean:+.2f}",
                      str(r.imprecise))
    return table


def _highlighted_body(detail: ArticleDetail) -> Text:
    body = Text(detail.article.body)
    for m in detail.mentions:
        body.stylize("underline cyan" if m.code else "underline", m.start, m.end)
    for r in detail.reports:
        ev = r.event
        body.stylize("on grey23", ev.evidence.start, ev.evidence.end)
        body.stylize("bold yellow", ev.trigger.start, ev.trigger.end)
    return body


def _report_lines(n: int, r: Report, code_names: Mapping[str, str]) -> Text:
    e = r.event
    name = code_names.get(e.cameo, "")
    head = Text(f"{n}. ", style="bold")
    head.append(f"{e.cameo}", style="bold yellow")
    head.append(f" {name}" if name else "")
    head.append(f"  {_QUADS.get(e.quad_class, e.quad_class)}, Goldstein {e.goldstein:+.1f}")
    if e.plover:
        head.append(f", PLOVER {e.plover}{'/' + e.plover_mode if e.plover_mode else ''}")
    lines = [
        head,
        Text(f"   {_actor(e.source)} -> {_actor(e.target)}"),
        Text(f"   date: {_span(e.date)} (basis: {e.date.basis}"
             f"{', from «' + e.date_text + '»' if e.date_text else ''})"),
        Text(f"   modality: {', '.join(e.modality) or 'asserted'};  said by: "
             f"{(e.said_by.text + (' = ' + e.said_by.actor.code if e.said_by.actor and e.said_by.actor.code else '')) if e.said_by else '-'};"
             f"  confidence: {e.confidence:.2f}"),
        Text(f"   rule: {e.rule or '-'};  lexicon entry: {e.lexicon_entry or '-'};  "
             f"versions: coder {e.coder_version or '?'}, lexicon {e.lexicon_version or '?'}, "
             f"actors {e.actors_version or '?'}"),
        Text(f"   event {r.event_id}: {r.event_mentions} report(s) from {r.event_sources} "
             f"source(s)", style="dim"),
    ]
    if e.place:
        lines.insert(3, Text(f"   place: {e.place.name} ({e.place.country or '?'})"))
    return Text("\n").join(lines)


def article_view(detail: ArticleDetail,
                 code_names: Mapping[str, str] | None = None) -> RenderableType:
    """The article with its evidence highlighted, its actors and every event read from it.

    ``code_names`` maps CAMEO codes to their names, when the caller has the ontology."""
    a = detail.article
    header = Text(f"{a.id}", style="bold")
    header.append(f"  {a.title}" if a.title else "")
    meta = [f"published {a.published.isoformat() if a.published else 'unknown'}"]
    if a.source or a.url:
        meta.append(" ".join(x for x in (a.source, a.url) if x))
    if detail.url_version > 1:
        meta.append(f"version {detail.url_version} (supersedes {detail.supersedes})")
    if detail.same_story:
        meta.append(f"story {detail.story_id}: also {', '.join(detail.same_story)}")
    parts: list[RenderableType] = [header, Text("; ".join(meta), style="dim"), Text(""),
                                   _highlighted_body(detail), Text("")]
    if detail.mentions:
        actors = Table(title="actors", title_justify="left")
        for name in ("text", "code", "name", "offsets", "basis"):
            actors.add_column(name)
        for m in detail.mentions:
            actors.add_row(m.text, m.code or "-", m.name or "", f"{m.start}-{m.end}", m.basis)
        parts.append(actors)
    parts.append(Text(f"events ({len(detail.reports)})", style="bold"))
    parts.extend(_report_lines(i, r, code_names or {}) for i, r in enumerate(detail.reports, 1))
    if detail.flags:
        parts.append(Text("flags", style="bold"))
        parts.extend(Text(f"  {f.kind}: {f.message}") for f in detail.flags)
    return Group(*parts)
