"""Small helpers over the spaCy dependency parse, shared by the coder's modules.

Everything here is a pure function of a ``Token``; no lexicon, no actors.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "CLAUSE_DEPS",
    "RELATIVE_PRONOUNS",
    "children",
    "clause_head",
    "conjuncts_of",
    "is_passive",
    "is_to_infinitive",
    "lemma_of",
    "objects_of",
    "pobjs_of",
    "prep_children",
    "subject_of",
]

# Dependencies that start a clause of their own (a new predicate with its own arguments).
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj", "pcomp"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


# The model's lemmatizer slips on a few forms that matter here ("staged" -> "stag").
_LEMMA_FIXES = {"staged": "stage", "staging": "stage", "stages": "stage"}


def lemma_of(tok: Token) -> str:
    """The lower-case lemma, with the model's known slips mended."""
    return _LEMMA_FIXES.get(tok.lower_) or tok.lemma_.lower()


def is_to_infinitive(verb: Token) -> bool:
    """ "to impose", "to extradite": the verb has the infinitive marker "to"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def children(tok: Token, *deps: str) -> Iterator[Token]:
    """Children of ``tok`` with one of the given dependency labels."""
    wanted = set(deps)
    return (c for c in tok.children if c.dep_ in wanted)


def conjuncts_of(tok: Token) -> list[Token]:
    """``tok`` and the tokens coordinated with it ("Russia and China" -> both)."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ in {"PROPN", "NOUN", "PRON"}:
                out.append(c)
                stack.append(c)
    return out


# "were engaged in ethnic cleansing", "is involved in the fighting": a state, not a passive; the
# grammatical subject does the deed.
_STATIVE = frozenset({"engage", "involve"})


def _stative(verb: Token) -> bool:
    return verb.lemma_.lower() in _STATIVE and any(
        c.dep_ == "prep" and c.lower_ == "in" for c in verb.children)


def is_passive(verb: Token) -> bool:
    if _stative(verb):
        return False
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def prep_children(tok: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, its object) pairs hanging off ``tok``, including the passive agent "by"."""
    for c in tok.children:
        if c.dep_ in {"prep", "agent", "dative"}:
            prep = c.lower_
            if c.dep_ == "dative" and c.pos_ != "ADP":
                yield "to", c  # "gave Ukraine aid": the dative noun itself
                continue
            for o in c.children:
                if o.dep_ == "pobj":
                    yield prep, o
                elif o.dep_ == "prep" and prep in {"according", "because", "due", "ahead", "out", "outside"}:
                    for oo in o.children:
                        if oo.dep_ == "pobj":
                            yield f"{prep} {o.lower_}", oo


def pobjs_of(tok: Token, prep: str) -> list[Token]:
    return [o for p, o in prep_children(tok) if p == prep]


def objects_of(verb: Token) -> list[Token]:
    """Direct objects (with their conjuncts); for a passive verb, the passive subject."""
    direct = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    if not direct and is_passive(verb):
        direct = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not direct and verb.dep_ == "acl":
            direct = [verb.head]
    out: list[Token] = []
    for d in direct:
        out.extend(conjuncts_of(d))
    return out


def clause_head(tok: Token) -> Token:
    """The predicate whose clause ``tok`` belongs to (itself if it is a verb)."""
    t = tok
    while t.pos_ not in {"VERB", "AUX"} and t.dep_ != "ROOT" and t.head.i != t.i:
        t = t.head
    return t


def subject_of(verb: Token, _depth: int = 0) -> Token | None:
    """The agent of ``verb``: its subject, the "by" phrase of a passive, the controller of an
    infinitive ("vowed to treat"), the shared subject of a coordinated verb, or the noun a
    relative clause hangs on ("specialists who trailed")."""
    if _depth > 6:
        return None
    if is_passive(verb):
        for p, o in prep_children(verb):
            if p == "by":
                return o
        return None
    for c in verb.children:
        if c.dep_ in {"nsubj", "csubj"} or (c.dep_ == "nsubjpass" and _stative(verb)):
            if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ in {"relcl", "acl"}:
                return verb.head
            return c
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "xcomp":
        # object control ("urged Iran to stop") else subject control ("vowed to treat")
        objs = [c for c in head.children if c.dep_ in {"dobj", "obj"}]
        if objs and head.lemma_ not in {"promise", "vow", "pledge"}:
            return objs[0]
        return subject_of(head, _depth + 1)
    if verb.dep_ == "conj":
        return subject_of(head, _depth + 1)
    if verb.dep_ in {"acomp", "attr", "oprd"}:
        # "France is ready to contribute troops", "Norway is willing to send": the adjective's
        # infinitive is controlled by the copula's subject
        return subject_of(head, _depth + 1)
    if verb.dep_ in {"relcl", "acl"} and verb.tag_ in {"VBG", "VBZ", "VBP", "VBD"}:
        return head
    if verb.dep_ == "pcomp":
        # "responded ... by saying": the subject of the governing verb
        gov = head.head if head.dep_ == "prep" else head
        return subject_of(gov, _depth + 1)
    if verb.dep_ == "advcl" and (
        is_to_infinitive(verb)
        # "wrote to Bush urging him to send troops": a present participle's subject is the
        # main clause's
        or (verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children))
    ):
        return subject_of(head, _depth + 1)
    return None
