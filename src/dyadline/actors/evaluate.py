"""Measure actor resolution against PLOVER gold records (``plover_record.source/target``).

For each gold actor: find its ``actorText`` in the sentence, take the noun phrase there (the
head the text sits in: 'Hungarian' in 'Senior Hungarian and Romanian officials' is the phrase
'officials'), resolve it with ``ArticleActors`` on the one-sentence doc as of ``day``, and
compare country and sector. Gold codes are PLOVER-era: a few CAMEO country codes (JAP, ITL)
and PLOVER sectors (JRN = journalists, MED = health) are mapped to what dyadline writes.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyadline.actors.resolve import ArticleActors
from dyadline.errors import InputError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from dyadline.actors.kb import KnowledgeBase
    from dyadline.model import Actor

__all__ = ["GoldResult", "evaluate_gold"]

# CAMEO country codes that differ from ISO 3166 alpha-3 (and one typo in the gold file).
CAMEO_COUNTRY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "GER": "DEU",
                 "SUD": "SDN", "UK": "GBR"}
# PLOVER sector codes -> the CAMEO-style codes dyadline writes.
PLOVER_SECTOR = {"JRN": "MED", "MED": "HLH", "CIV": "CVL", "INS": "REB", "SEP": "REB",
                 "MOS": "REL", "CHR": "REL", "JEW": "REL", "HIN": "REL", "BUD": "REL"}
SAME_SECTOR = {"INS": "REB", "SEP": "REB"}


@dataclass
class GoldResult:
    """Counts, accuracies and every miss."""

    day: date
    gold: int = 0  # gold actors
    located: int = 0  # whose actorText was found in the sentence
    resolved: int = 0  # for which the resolver returned an actor
    country_ok: int = 0
    sector_total: int = 0  # located gold actors with a sector
    sector_ok: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def country_accuracy(self) -> float:
        return self.country_ok / self.located if self.located else 0.0

    @property
    def sector_accuracy(self) -> float:
        return self.sector_ok / self.sector_total if self.sector_total else 0.0

    def miss_types(self) -> Counter[str]:
        return Counter(m["kind"] for m in self.misses)

    def to_dict(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(), "gold_actors": self.gold, "located": self.located,
            "resolved": self.resolved, "country_correct": self.country_ok,
            "country_accuracy": round(self.country_accuracy, 4),
            "sector_gold": self.sector_total, "sector_correct": self.sector_ok,
            "sector_accuracy": round(self.sector_accuracy, 4),
            "miss_types": dict(self.miss_types()), "misses": self.misses,
        }


def _gold_country(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    return CAMEO_COUNTRY.get(code, code)


def _gold_sector(sector: str | None) -> str | None:
    if not sector or not sector[:3].isalpha():
        return None
    s = sector[:3].upper()
    if s == "REL":
        return "REL"
    s = PLOVER_SECTOR.get(s, s)
    return None if s in ("SOC",) else s


def _locate(text: str, actor_text: str) -> tuple[int, int] | None:
    pieces = [p.strip() for p in actor_text.split("...") if p.strip()]
    if not pieces:
        return None
    piece = " ".join(pieces[-1].split())
    for hay, needle in ((text, piece), (text.lower(), piece.lower())):
        at = hay.find(needle)
        if at >= 0:
            return at, at + len(needle)
    squeezed = " ".join(text.split())
    at = squeezed.lower().find(piece.lower())
    return (at, at + len(piece)) if at >= 0 and squeezed == text else None


def _phrase_head(doc: Doc, start: int, end: int) -> Token | None:
    toks = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    if not toks:
        return None
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside or t.head.i == t.i] or toks
    nominal = [t for t in heads if t.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM")]
    tok = (nominal or heads)[-1]
    if tok.pos_ == "ADP":  # 'in central Baghdad': the place, not the preposition
        tok = next((c for c in tok.children if c.dep_ == "pobj"), tok)
    # a modifier marked alone ('Hungarian' in 'Hungarian officials'): its noun phrase
    while tok.head.i != tok.i and tok.head.i not in inside and (
            (tok.dep_ in ("amod", "compound", "nmod", "nn") and tok.head.pos_ in ("NOUN", "PROPN"))
            or (tok.dep_ == "conj" and tok.head.dep_ in ("amod", "compound", "nmod"))):
        tok = tok.head
    return tok


def _pick(actors: list[Actor], kb: KnowledgeBase, actor_text: str,
          span: tuple[int, int]) -> Actor | None:
    """The returned actor the gold text marks: one whose mention overlaps it; among several
    (coordination), the one whose country the marked words name."""
    near = [a for a in actors if a.start < span[1] and a.end > span[0]]
    if len(near) > 1:
        ws = actor_text.replace("...", " ").split()
        named = {kb.country(" ".join(ws[a:b])) for a in range(len(ws))
                 for b in range(a + 1, min(len(ws), a + 3) + 1)} - {None}
        for a in near:
            if a.country in named:
                return a
    return near[0] if near else None


def evaluate_gold(path: str | Path, nlp: Language, kb: KnowledgeBase,
                  day: date = date(2000, 1, 1)) -> GoldResult:
    """Country and sector accuracy of actor resolution on a PLOVER gold JSONL file."""
    path = Path(path)
    result = GoldResult(day=day)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError("E101", f"cannot read the gold file ({exc.__class__.__name__}): check "
                         "the path", where=str(path)) from None
    records = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            pr = rec["plover_record"]
            text = rec["text"]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise InputError("E103", "not a PLOVER gold record (want text and plover_record)",
                             where=f"{path.name}:{n}") from None
        gold = [(role, g) for role in ("source", "target")
                for g in (pr.get(role) if isinstance(pr.get(role), list) else [pr.get(role)])
                if isinstance(g, dict) and g.get("actorText")]
        if gold:
            records.append((rec, text, gold))
    docs = nlp.pipe(text for _, text, _ in records)
    for (rec, text, gold), doc in zip(records, docs, strict=True):
        actors = ArticleActors(doc, day, kb)
        for role, g in gold:
            result.gold += 1
            want_c, want_s = _gold_country(g.get("code")), _gold_sector(g.get("sector"))
            miss = {"id": rec.get("id"), "role": role, "actor_text": g["actorText"],
                    "gold": f"{want_c or ''}{g.get('sector') or ''}", "sentence": text}
            span = _locate(text, g["actorText"])
            head = _phrase_head(doc, *span) if span else None
            if head is None:
                result.misses.append({**miss, "kind": "not located", "got": ""})
                continue
            result.located += 1
            got = _pick(actors.resolve(head.i), kb, g["actorText"], span) if span else None
            if got is not None:
                result.resolved += 1
            got_code = got.code if got else ""
            miss["got"] = got_code
            miss["basis"] = got.basis if got else ""
            if got is not None and (got.country == want_c or (
                    want_c == "NGO" and got.country is None and got.sector == "NGO")):
                result.country_ok += 1
            else:
                result.misses.append({**miss, "kind": "no actor" if got is None else
                                      ("country" if got.country else "no country")})
            if want_s:
                result.sector_total += 1
                mine = SAME_SECTOR.get(got.sector or "", got.sector) if got else None
                if mine == SAME_SECTOR.get(want_s, want_s):
                    result.sector_ok += 1
                elif got is not None and got.country == want_c:
                    result.misses.append({**miss, "kind": "sector"})
    return result
