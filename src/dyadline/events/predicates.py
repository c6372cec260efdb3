"""Find event predicates in a sentence and pick the lexicon entry that codes each one.

A predicate is a verb, an eventive noun ("praise", "investigation", "outreach") or a predicative
adjective ("ready for cooperation"). The most specific lexicon entry wins: one that names the
object and the preposition beats one that names only the object, which beats the bare lemma.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from dyadline.events.syntax import conjuncts_of, is_passive, lemma_of, prep_children

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Entry", "LexiconView", "Predicate", "find_predicates", "specificity"]


class Entry(Protocol):
    """What the coder needs of a lexicon entry (events.lexicon.LexEntry satisfies it)."""

    @property
    def kind(self) -> str: ...
    @property
    def lemma(self) -> str: ...
    @property
    def particle(self) -> str | None: ...
    @property
    def objects(self) -> frozenset[str]: ...
    @property
    def prep(self) -> str | None: ...
    @property
    def code(self) -> str: ...
    @property
    def target(self) -> str: ...
    @property
    def key(self) -> str: ...


class LexiconView(Protocol):
    """The lookups the coder makes (events.lexicon.Lexicon satisfies it)."""

    version: str

    def verb(self, lemma: str) -> Sequence[Entry]: ...
    def noun(self, lemma: str) -> Sequence[Entry]: ...
    def adj(self, lemma: str) -> Sequence[Entry]: ...


@dataclass(frozen=True, slots=True)
class Predicate:
    """A token that triggers an event, with the entry that codes it."""

    token: Token
    entry: Entry
    kind: str  # verb | noun | adj
    object_token: Token | None  # the token that satisfied the entry's required object, if any


def specificity(entry: Entry) -> int:
    return 4 * bool(entry.objects) + 2 * bool(entry.prep) + bool(entry.particle)


def _object_lemmas(tok: Token) -> dict[str, Token]:
    """Lemmas a light-verb entry may require: direct objects, passive subjects, attributes,
    and for adjectives and nouns the objects of their prepositions ("ready for cooperation")."""
    out: dict[str, Token] = {}
    cands: list[Token] = []
    for c in tok.children:
        if c.dep_ in {"dobj", "obj", "attr", "oprd", "acomp"} or (
            c.dep_ == "nsubjpass" and is_passive(tok)
        ):
            cands.extend(conjuncts_of(c))
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        cands.append(tok.head)  # "sanctions imposed on Russia"
    for _, o in prep_children(tok):
        cands.extend(conjuncts_of(o))
    # the verb of a to-infinitive: "ready to negotiate", "declined to comment", "urged X to release"
    cands.extend(c for c in tok.children if c.dep_ == "xcomp")
    if tok.pos_ in {"NOUN", "PROPN"}:  # a noun's kind is in its modifiers: "data breach", "air strike"
        cands.extend(c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"})
    # a measure of the thing: "25,000 tons of food aid", "$50,000 worth of goods", "a batch of
    # vaccines" (after the head itself, so the head wins when both are listed)
    cands += [o for c in list(cands) if c.pos_ in {"NOUN", "NUM", "SYM"}
              for p, o in prep_children(c) if p == "of"]
    for c in cands:
        out.setdefault(c.lemma_.lower(), c)
        out.setdefault(c.lower_, c)
    return out


def _preps(tok: Token, obj: Token | None) -> set[str]:
    found = {p for p, _ in prep_children(tok)}
    if obj is not None:
        found |= {p for p, _ in prep_children(obj)}
    for c in tok.children:  # "cut ties with": the prep may hang on the object
        if c.dep_ in {"dobj", "obj"}:
            found |= {p for p, _ in prep_children(c)}
    return found


def best_entry(tok: Token, entries: Iterable[Entry]) -> tuple[Entry, Token | None] | None:
    """The most specific entry whose conditions the token's dependents satisfy."""
    entries = list(entries)
    known_particles = {e.particle for e in entries if e.particle}
    # a particle with a phrase of its own is a direction, not part of a phrasal verb
    # ("upgraded ties back up to ambassadorial level")
    particles = {c.lower_ for c in tok.children
                 if c.dep_ == "prt" and not any(g.dep_ == "prep" for g in c.children)}
    if particles and not (particles & known_particles):
        return None  # "carry out", "give up": a phrasal verb the lexicon does not know
    # the parser often labels a particle as an adverb ("push back"): accept the known ones
    particles |= {c.lower_ for c in tok.children if c.dep_ == "advmod" and c.lower_ in known_particles}
    objects = _object_lemmas(tok)
    best: tuple[int, Entry, Token | None] | None = None
    for e in entries:
        if e.particle and e.particle not in particles:
            continue
        if not e.particle and particles & known_particles:
            continue
        obj_tok: Token | None = None
        if e.objects:
            hits = [objects[o] for o in e.objects if o in objects]
            if not hits:
                continue
            obj_tok = min(hits, key=lambda t: t.i)  # the first in the text: never set order
        if e.prep and e.prep not in _preps(tok, obj_tok):
            continue
        score = specificity(e)
        if best is None or score > best[0]:
            best = (score, e, obj_tok)
    return (best[1], best[2]) if best else None


def _kind(tok: Token) -> str | None:
    if tok.pos_ == "VERB" and tok.dep_ in {"amod", "compound"}:
        return None  # an attributive participle describes a noun: "proposed changes"
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in {"aux", "auxpass"}):
        return "verb"
    if tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.ent_type_ == ""):
        return "noun"
    if tok.pos_ == "ADJ" and tok.dep_ in {"acomp", "ROOT", "conj", "xcomp"}:
        return "adj"
    return None


def find_predicates(sent: Span, lexicon: LexiconView) -> Iterator[Predicate]:
    """Every token of the sentence that a lexicon entry codes, with that entry."""
    for tok in sent:
        kind = _kind(tok)
        if kind is None:
            continue
        lemma = lemma_of(tok)
        if kind == "verb":
            entries = lexicon.verb(lemma)
        elif kind == "noun":
            entries = lexicon.noun(lemma) or lexicon.noun(tok.lower_)
        else:
            entries = lexicon.adj(lemma)
        if not entries:
            continue
        match = best_entry(tok, entries)
        if match is None:
            continue
        entry, obj_tok = match
        if entry.code == "-":  # the most specific reading is marked as no event
            continue
        yield Predicate(token=tok, entry=entry, kind=kind, object_token=obj_tok)
