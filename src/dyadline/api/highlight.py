"""Cut an article body into segments marked as evidence, trigger or actor mention.

Marks may nest and overlap (a mention inside an evidence sentence, two events read from one
sentence); each segment carries every mark that covers it. Offsets outside the body are
clamped, empty marks dropped, so a damaged offset never breaks the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from dyadline.store import ArticleDetail

__all__ = ["Mark", "Segment", "article_marks", "segments"]


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # evidence | focus | trigger | mention | uncoded
    label: str = ""  # shown on hover
    anchor: str = ""  # an element id placed where the mark starts


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kinds: tuple[str, ...]  # sorted, without repeats
    labels: tuple[str, ...]
    anchors: tuple[str, ...]

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)


def segments(body: str, marks: Iterable[Mark]) -> list[Segment]:
    """The body as consecutive segments; joined, their texts give the body back."""
    n = len(body)
    kept = []
    for m in marks:
        start, end = max(0, min(m.start, n)), max(0, min(m.end, n))
        if start < end:
            kept.append(Mark(start, end, m.kind, m.label, m.anchor))
    cuts = sorted({0, n, *(m.start for m in kept), *(m.end for m in kept)})
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        covering = [m for m in kept if m.start <= a and b <= m.end]
        kinds = tuple(sorted({m.kind for m in covering}))
        labels = tuple(dict.fromkeys(m.label for m in covering if m.label))
        anchors = tuple(dict.fromkeys(m.anchor for m in covering if m.anchor and m.start == a))
        last = out[-1] if out else None
        if last and not anchors and last.kinds == kinds and last.labels == labels:
            out[-1] = Segment(last.text + body[a:b], kinds, labels, last.anchors)
        else:
            out.append(Segment(body[a:b], kinds, labels, anchors))
    return out


def _ok(body: str, start: int, end: int, text: str) -> bool:
    """Whether an offset pair really points at ``text`` (damaged offsets are not drawn)."""
    return 0 <= start < end <= len(body) and (not text or body[start:end] == text)


def article_marks(detail: ArticleDetail, focus_event: int | None = None) -> Sequence[Mark]:
    """Evidence sentences, triggers and actor mentions of a stored article.

    The evidence of ``focus_event`` is marked ``focus``; the first report of each event gets
    the anchor ``event-ID``, every report ``report-ID``."""
    body = detail.article.body
    marks: list[Mark] = []
    seen_events: set[int] = set()
    for r in detail.reports:
        e = r.event
        label = f"event {r.event_id}: CAMEO {e.cameo}"
        if _ok(body, e.evidence.start, e.evidence.end, e.evidence.text):
            if r.event_id not in seen_events:
                marks.append(Mark(e.evidence.start, e.evidence.end, "evidence", label,
                                  f"event-{r.event_id}"))
            marks.append(Mark(e.evidence.start, e.evidence.end, "evidence", label,
                              f"report-{r.id}"))
            if r.event_id == focus_event:
                marks.append(Mark(e.evidence.start, e.evidence.end, "focus", label))
        seen_events.add(r.event_id)
        if _ok(body, e.trigger.start, e.trigger.end, e.trigger.text):
            marks.append(Mark(e.trigger.start, e.trigger.end, "trigger",
                              f"trigger of event {r.event_id}"))
    for m in detail.mentions:
        if _ok(body, m.start, m.end, m.text):
            kind = "mention" if m.code else "uncoded"
            label = " ".join(x for x in (m.code or "uncoded", m.name or "") if x)
            marks.append(Mark(m.start, m.end, kind, label))
    return marks
