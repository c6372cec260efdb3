"""Modality of an event: negated, future (or intent), hypothetical, attributed (alleged).

Read from the predicate's own dependents and from the verbs that govern it:
"did not attack" (negated), "will meet" / "vowed to treat" (future), "if they attack" /
"could strike" (hypothetical), "allegedly attacked" / "a breach attributed to hackers" /
"accused X of attacking" (attributed). The cue words come from the lexicon's modality table
(data/lexicon/modality.tsv); the structure (which dependents and governors count) is here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["DEFAULT_CUES", "modality_of"]

# Used when the lexicon ships no modality table; the lexicon's table overrides these.
DEFAULT_CUES: Mapping[str, str] = {
    "not": "negated", "n't": "negated", "never": "negated", "no": "negated", "fail": "negated",
    "refuse": "negated", "decline": "negated", "deny": "negated", "without": "negated",
    "will": "future", "shall": "future", "'ll": "future", "plan": "future", "intend": "future",
    "vow": "future", "pledge": "future", "promise": "future", "expect": "future",
    "aim": "future", "prepare": "future", "threaten": "future", "seek": "future", "want": "future",
    "hope": "future", "set": "future", "going": "future", "ready": "future", "agree": "future",
    "if": "hypothetical", "unless": "hypothetical", "whether": "hypothetical",
    "could": "hypothetical", "would": "hypothetical", "might": "hypothetical",
    "may": "hypothetical", "should": "hypothetical", "can": "hypothetical",
    "allegedly": "attributed", "reportedly": "attributed", "purportedly": "attributed",
    "supposedly": "attributed", "alleged": "attributed", "suspected": "attributed",
    "attribute": "attributed", "accuse": "attributed", "blame": "attributed",
    "claim": "attributed", "suspect": "attributed",
}

_ORDER = ("negated", "attributed", "future", "hypothetical")


def _own_cues(tok: Token, cues: Mapping[str, str]) -> set[str]:
    found: set[str] = set()
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
            found.add("negated")
        elif c.dep_ in {"aux", "advmod", "mark", "amod"} and c.dep_ != "auxpass":
            kind = cues.get(c.lower_) or cues.get(c.lemma_.lower())
            if kind is None:
                continue
            if c.dep_ == "aux" and kind not in {"future", "hypothetical"}:
                continue
            if c.dep_ == "mark" and kind != "hypothetical":
                continue
            if c.dep_ == "amod" and kind != "attributed":
                continue
            if kind == "negated" and c.dep_ != "advmod":
                continue
            found.add(kind)
    return found


def modality_of(pred: Token, cues: Mapping[str, str] = DEFAULT_CUES) -> tuple[str, ...]:
    """The modalities of the event triggered at ``pred``, in a fixed order."""
    found = _own_cues(pred, cues)
    # Governing verbs: "did not agree to meet", "vowed to treat", "threatened to strike",
    # "if ... attack" one level up, "accused X of attacking", "is attributed to".
    tok = pred
    for _ in range(4):
        dep, head = tok.dep_, tok.head
        if head.i == tok.i:
            break
        if dep in {"xcomp", "pcomp"} or (dep == "pobj" and head.dep_ == "prep"):
            governor = head.head if dep == "pobj" or head.dep_ == "prep" else head
            kind = cues.get(governor.lemma_.lower())
            if kind is not None and kind != "hypothetical":
                found.add(kind)
            found |= {k for k in _own_cues(governor, cues) if k in {"negated", "hypothetical", "future"}}
            tok = governor
            continue
        if dep == "advcl":
            found |= {k for k in _own_cues(tok, cues) if k == "hypothetical"}
            break
        if dep == "conj":
            found |= {k for k in _own_cues(head, cues) if k in {"future", "hypothetical"}}
            tok = head
            continue
        break
    # A noun event hedged by the clause it sits in: "a breach which is attributed to hackers"
    for c in pred.children:
        if c.dep_ in {"relcl", "acl"} and cues.get(c.lemma_.lower()) == "attributed":
            found.add("attributed")
    return tuple(m for m in _ORDER if m in found)
