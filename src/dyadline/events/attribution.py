"""Who the article cites for an event: reporting frames and "according to" phrases.

"Putin stated that he is ready for cooperation, CBS News reported" has two frames around the
event "ready for cooperation": "Putin stated" (inner) and "CBS News reported" (outer). The
article cites the outermost one (CBS News), so that is the event's ``said_by``; the innermost
frame's verb dates reported events (see dates.EventDater's ``report_i``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyadline.events.syntax import prep_children, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Frame", "phrase_span", "report_frames"]

_CITING_PREPS = frozenset({"according to", "based on", "citing", "per"})


@dataclass(frozen=True, slots=True)
class Frame:
    """A reporting frame: the verb (or preposition) and the head of who is cited."""

    verb: Token
    speaker: Token | None
    kind: str  # "verb" | "according"


def phrase_span(head: Token) -> Span:
    """The noun phrase headed by ``head``, without its relative clauses and appositions:
    "A Kremlin readout", "CBS News", "officials of the US"."""
    keep = {"det", "compound", "amod", "nmod", "poss", "nummod", "case", "punct", "prep", "pobj",
            "quantmod", "advmod", "cc", "conj"}
    left = head.i
    right = head.i
    for c in head.children:
        if c.dep_ not in keep:
            continue
        if c.dep_ == "punct" and c.i > head.i:
            continue
        if c.dep_ == "prep" and c.lower_ != "of":
            continue
        sub = list(c.subtree)
        left = min(left, sub[0].i)
        right = max(right, sub[-1].i)
    doc = head.doc
    while left < right and doc[left].is_punct:
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left : right + 1]


def _according(tok: Token) -> Token | None:
    for p, o in prep_children(tok):
        if p in _CITING_PREPS:
            return o
    for c in tok.children:  # "citing officials"
        if c.dep_ in {"advcl", "prep"} and c.lower_ == "citing":
            for o in c.children:
                if o.dep_ in {"dobj", "pobj"}:
                    return o
    return None


def report_frames(pred: Token, reporting_verbs: Collection[str]) -> list[Frame]:
    """Reporting frames around ``pred``, innermost first."""
    frames: list[Frame] = []
    seen_according: set[int] = set()
    tok = pred
    while True:
        cited = _according(tok)
        if cited is not None and cited.i not in seen_according:
            seen_according.add(cited.i)
            frames.append(Frame(verb=tok, speaker=cited, kind="according"))
        head = tok.head
        if head.i == tok.i:
            break
        if tok.dep_ in {"ccomp", "parataxis", "xcomp", "advcl"} and head.lemma_.lower() in reporting_verbs:
            frames.append(Frame(verb=head, speaker=subject_of(head), kind="verb"))
        tok = head
    # A reporting verb can also hang on the event's clause as parataxis ("..., officials said")
    root = pred
    while root.head.i != root.i:  # the sentence's root, without Token.sent's rescan
        root = root.head
    in_root = any(t.i == pred.i for t in root.subtree)
    for c in root.children:
        if (c.dep_ == "parataxis" and c.lemma_.lower() in reporting_verbs and in_root
                and all(f.verb.i != c.i for f in frames)):
            frames.append(Frame(verb=c, speaker=subject_of(c), kind="verb"))
    return frames
