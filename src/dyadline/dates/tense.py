"""Tense and aspect of a predicate from the spaCy parse: past, present, future, modal.

Past tense and perfects ("has met", "had met") are *past*; present simple and progressive are
*present*; "will", "shall", "be going to" and the complement of an intention verb ("plans to
visit", "vowed to treat": the visit and the treating) are *future*; other modals ("could",
"may", "would") are *modal*. An eventive noun takes the tense of the verb that governs it,
unless a past participle modifies it ("the outreach made by ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadline.dates.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["INTENT_LEMMAS", "tense_of"]

INTENT_LEMMAS = words("""plan intend vow pledge promise aim seek hope want expect agree decide
threaten prepare propose offer schedule set vote resolve undertake commit mean wish""")
_MODALS = words("can could may might must should ought would")
_FUTURE = frozenset({"will", "shall", "'ll", "wo", "’ll"})


def _aux(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass")]


def tense_of(tok: Token, depth: int = 0) -> str:
    """``past``, ``present``, ``future``, ``modal`` or ``unknown`` for the predicate ``tok``."""
    if depth > 6:
        return "unknown"
    if tok.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "PRON"):
        if tok.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "acl" and c.tag_ == "VBN" for c in tok.children):
            return "past"  # "the outreach made by the Kremlin"
        head = tok.head
        while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        return tense_of(head, depth + 1) if head.pos_ in ("VERB", "AUX") else "unknown"
    auxes = _aux(tok)
    words = [a.lower_ for a in auxes]
    if any(w in _FUTURE for w in words):
        return "future"
    if any(w in _MODALS for w in words):
        return "modal"
    if tok.dep_ == "xcomp":
        head = tok.head
        if head.lemma_ == "go" and head.tag_ == "VBG":
            return "future"  # "is going to sign"
        if head.lemma_ in INTENT_LEMMAS or head.lower_ in ("due", "scheduled", "set", "poised"):
            return "future"
        if "to" in words or tok.tag_ == "VB":
            return tense_of(head, depth + 1)
    if tok.dep_ in ("acomp", "attr") and tok.head.pos_ in ("AUX", "VERB"):
        return tense_of(tok.head, depth + 1)
    if any(a.lemma_ == "have" for a in auxes) and tok.tag_ == "VBN":
        return "past"  # present or past perfect: before publication
    be = [a for a in auxes if a.lemma_ == "be"]
    if be:
        tag = be[0].tag_
        if tag == "VBD":
            return "past"
        if tag in ("VBZ", "VBP"):
            return "present"
        if tag == "VBN":
            return "past"  # "has been held"
    if any(a.lower_ == "did" for a in auxes):
        return "past"
    if any(a.lower_ in ("do", "does") for a in auxes):
        return "present"
    if tok.tag_ == "VBD":
        return "past"
    if tok.tag_ in ("VBZ", "VBP"):
        return "present"
    if tok.tag_ in ("VBG", "VBN", "VB") and tok.head.i != tok.i:
        return tense_of(tok.head, depth + 1)
    return "unknown"
