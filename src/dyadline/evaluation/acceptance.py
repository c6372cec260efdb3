"""Score coded events against an acceptance file (the format of shared/acceptance/seed.yaml).

Matching rules, as the file states them: an expected event is matched by a produced event whose
evidence sentence contains the first 40 characters of the expected evidence (case-insensitive),
whose source and target fit the expected country and sector ("any" accepts anything; lists
accept any member), whose CAMEO code fits one of the expected codes (a two-digit entry is a root,
a longer one matches that code and its children), and whose date span overlaps the expected
interval, excluding the publication day where the interval excludes it. Each produced event
matches at most one expected event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from dyadline.errors import InputError
from dyadline.model import Actor, CodedArticle, Event

__all__ = ["AcceptanceResult", "load_acceptance", "score_acceptance"]


def _as_list(v: Any) -> list[str]:
    if v is None:
        return ["any"]
    if isinstance(v, list):
        return [str(x) for x in v]
    return [str(v)]


def _day(v: Any) -> date | None:
    if v is None:
        return None
    return v if isinstance(v, date) else date.fromisoformat(str(v))


def _actor_fits(actor: Actor | None, spec: dict[str, Any] | None) -> bool:
    if spec is None:
        return True
    countries, sectors = _as_list(spec.get("country")), _as_list(spec.get("sector"))
    if actor is None:
        return "any" in countries and "any" in sectors
    country_ok = "any" in countries or actor.country in countries
    sector_ok = "any" in sectors or (actor.sector or "") in sectors
    return country_ok and sector_ok


def _code_fits(cameo: str, codes: Sequence[str]) -> bool:
    return any(cameo.startswith(str(c)) for c in codes)


def _date_fits(event: Event, spec: dict[str, Any] | None, published: date | None) -> bool:
    span = event.date
    if span.start is None and span.end is None:
        return False  # an event with no date at all does not match
    if spec is None:
        return True
    lo, hi = _day(spec.get("start")), _day(spec.get("end"))
    overlaps = (span.end is None or lo is None or span.end >= lo) and (
        span.start is None or hi is None or span.start <= hi
    )
    if not overlaps:
        return False
    if published is not None and lo is not None and hi is not None and not (lo <= published <= hi):
        return not span.contains(published)
    return True


def _evidence_fits(event: Event, evidence: str) -> bool:
    return evidence[:40].lower() in event.evidence.text.lower()


def event_fits(event: Event, expected: dict[str, Any], published: date | None) -> bool:
    return (
        _evidence_fits(event, expected["evidence"])
        and _actor_fits(event.source, expected.get("source"))
        and _actor_fits(event.target, expected.get("target"))
        and _code_fits(event.cameo, _as_list(expected.get("codes")))
        and _date_fits(event, expected.get("date"), published)
    )


@dataclass
class AcceptanceResult:
    matched: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    optional_matched: list[str] = field(default_factory=list)
    must_not: list[tuple[str, str]] = field(default_factory=list)  # (rule, "ok"|"VIOLATED"|"unchecked")
    resolutions: list[tuple[str, str]] = field(default_factory=list)  # (mention, "ok"|"wrong: ...")
    flags: list[tuple[str, str]] = field(default_factory=list)
    near_misses: dict[str, list[str]] = field(default_factory=dict)  # expected id -> why candidates failed

    @property
    def expected(self) -> int:
        return len(self.matched) + len(self.missed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "matched": len(self.matched),
            "expected": self.expected,
            "matched_ids": self.matched,
            "missed_ids": self.missed,
            "optional_matched": self.optional_matched,
            "must_not": [{"rule": r, "status": s} for r, s in self.must_not],
            "resolutions": [{"mention": m, "status": s} for m, s in self.resolutions],
            "flags": [{"mention": m, "status": s} for m, s in self.flags],
            "near_misses": self.near_misses,
        }


def load_acceptance(path: str | Path) -> tuple[dict[str, Any], Path]:
    """The acceptance file and the article it names (resolved relative to the file)."""
    p = Path(path)
    try:
        spec = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError("E110", f"cannot read acceptance file ({exc}): check the path and YAML",
                         where=str(p)) from None
    if not isinstance(spec, dict) or "article" not in spec or "events" not in spec:
        raise InputError("E110", "not an acceptance file: it needs 'article' and 'events'", where=str(p))
    return spec, (p.parent / spec["article"]).resolve()


def _why_not(event: Event, expected: dict[str, Any], published: date | None) -> str:
    parts = []
    if not _actor_fits(event.source, expected.get("source")):
        parts.append(f"source {event.source.code if event.source else None}")
    if not _actor_fits(event.target, expected.get("target")):
        parts.append(f"target {event.target.code if event.target else None}")
    if not _code_fits(event.cameo, _as_list(expected.get("codes"))):
        parts.append(f"code {event.cameo}")
    if not _date_fits(event, expected.get("date"), published):
        d = event.date
        parts.append(f"date {d.start}..{d.end} ({d.basis})")
    return f"{event.cameo} {event.source.code if event.source else '-'}->" \
           f"{event.target.code if event.target else '-'}: " + ", ".join(parts)


def _check_must_not(rule: str, events: Sequence[Event], expected: list[dict[str, Any]],
                    published: date | None) -> str:
    """Machine-check the must_not sentences whose form we can read; others stay 'unchecked'."""
    m = re.search(r"source is '([^']+)' coded to a country", rule)
    if m:
        phrase = m.group(1).lower()
        bad = [e for e in events if e.source and phrase in e.source.text.lower() and e.source.country]
        return "VIOLATED" if bad else "ok"
    m = re.search(r"source ([A-Z]{3})\b.*\bfor (\w+)", rule)
    if m:
        country, name = m.group(1), m.group(2).lower()
        actors: list[Actor] = [a for e in events for a in (e.source, e.target) if a is not None]
        flagged = [a for a in actors if a.country == country and name in (a.text + " " + (a.name or "")).lower()]
        return "VIOLATED" if flagged else "ok"
    m = re.search(r"dated (\d{4}-\d{2}-\d{2}) whose evidence is", rule)
    if m:
        day = date.fromisoformat(m.group(1))
        # every expected event whose interval excludes that day: no fitting event may include it
        for exp in expected:
            d = exp.get("date") or {}
            lo, hi = _day(d.get("start")), _day(d.get("end"))
            if lo and hi and not (lo <= day <= hi):
                for e in events:
                    if _evidence_fits(e, exp["evidence"]) and e.date.contains(day) and \
                            (e.date.start is not None or e.date.end is not None):
                        return "VIOLATED"
        return "ok"
    return "unchecked"


def score_acceptance(spec: dict[str, Any], coded: CodedArticle) -> AcceptanceResult:
    published = _day(spec.get("published")) or coded.article.published
    events = list(coded.events)
    result = AcceptanceResult()
    used: set[int] = set()
    for group, sink_ok, sink_miss in (
        (spec.get("events") or [], result.matched, result.missed),
        (spec.get("optional_events") or [], result.optional_matched, None),
    ):
        for exp in group:
            hit = next((i for i, e in enumerate(events) if i not in used and event_fits(e, exp, published)), None)
            if hit is not None:
                used.add(hit)
                sink_ok.append(exp["id"])
            elif sink_miss is not None:
                sink_miss.append(exp["id"])
                result.near_misses[exp["id"]] = [
                    _why_not(e, exp, published) for e in events if _evidence_fits(e, exp["evidence"])
                ]
    for rule in spec.get("must_not") or []:
        result.must_not.append((rule, _check_must_not(rule, events, spec.get("events") or [], published)))
    mentions = list(coded.mentions) + [a for e in events for a in (e.source, e.target) if a]
    for res in spec.get("resolutions") or []:
        text, want = res["mention"], res["resolves_to"]
        found = [a for a in mentions if a.text.lower() == text.lower() or text.lower() in a.text.lower()]
        if not found:
            result.resolutions.append((text, "not found"))
            continue
        a = found[0]
        if isinstance(want, dict):
            ok = a.country == want.get("country") and (a.sector or "") == want.get("sector")
        else:
            ok = (a.name or "") == want
        result.resolutions.append((text, "ok" if ok else f"wrong: {a.code} {a.name}"))
    for fl in spec.get("flags") or []:
        kind = fl.get("kind")
        hits = [f for f in coded.flags if fl["mention"].lower() in (f.mention or "").lower()]
        if kind == "none_required":
            result.flags.append((fl["mention"], "ok (none required)" if not hits else "ok (flagged)"))
        else:
            ok = any(f.kind == kind for f in hits)
            result.flags.append((fl["mention"], "ok" if ok else "missing"))
    return result
