"""Source and target of a predicate, read off the dependency parse.

Returns the head tokens of the candidate source and target phrases (several, best first) and the
name of the rule that found them; the coder asks the actor resolver who each phrase denotes and
keeps the first candidate that resolves.

Verbs: subject (or the "by" phrase of a passive, the controller of "vowed to treat", the noun a
relative clause hangs on), and the object or the entry's preposition ("impose sanctions on X").
Nouns: possessor, compound or adjectival modifier, "by"/"of" phrase for the source ("Russia's
attack", "a CNN investigation", "praise of Trump towards Putin"), the entry's preposition or
on/against/towards/with/to/into for the target; a noun that is the object of a light verb takes
that verb's subject ("Russia launched an attack on Ukraine").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyadline.events.predicates import Predicate
from dyadline.events.syntax import (
    conjuncts_of,
    is_passive,
    lemma_of,
    objects_of,
    prep_children,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Arguments", "arguments_of"]

# Prepositions that introduce a target when the lexicon entry does not name one.
TARGET_PREPS = ("against", "on", "towards", "toward", "to", "with", "into", "at", "for", "over")
# A noun event the subject of these verbs suffered or answered is an event *against* that subject.
VICTIM_VERBS = frozenset({"respond", "react", "suffer", "recover", "face", "endure", "sustain"})
# Verbs of going somewhere "for talks": their subject holds the talks.
TRAVEL_VERBS = frozenset({"return", "travel", "go", "come", "arrive", "fly", "head", "gather",
                          "convene", "meet", "sit", "assemble"})
# Verbs that only carry an eventive noun ("launch an attack", "hold talks", "make an outreach").
LIGHT_VERBS = frozenset({
    "launch", "carry", "conduct", "hold", "make", "stage", "mount", "give", "take", "issue",
    "offer", "deliver", "have", "begin", "start", "continue", "resume", "open", "lead", "order",
    "announce", "unleash", "step", "impose", "extend", "renew", "repeat", "reiterate", "submit",
    "present", "file", "lodge", "send", "voice", "express", "register", "table", "put",
})


@dataclass(frozen=True, slots=True)
class Arguments:
    sources: tuple[Token, ...]  # candidate source heads, best first
    targets: tuple[Token, ...]  # candidate target heads, best first
    rule: str


def _verb_targets(pred: Predicate) -> list[Token]:
    tok, entry = pred.token, pred.entry
    out: list[Token] = []
    objs = [o for o in objects_of(tok) if pred.object_token is None or o.i != pred.object_token.i]
    if is_passive(tok) and tok.dep_ != "acl":
        objs = [o for o in tok.children if o.dep_ == "nsubjpass"]
        objs = [c for o in objs for c in conjuncts_of(o)]
    preps = list(prep_children(tok))
    carrier = pred.object_token
    owners: list[Token] = []
    if carrier is not None:  # "cut ties with X", "impose sanctions on X": prep on the object
        preps += list(prep_children(carrier))
        if carrier.dep_ == "pobj":  # "ready for cooperation and contacts with X"
            for c in conjuncts_of(carrier):
                preps += list(prep_children(c))
        if carrier.pos_ in {"VERB", "AUX"}:  # "prepared to lift the ban on X"
            for o in objects_of(carrier):
                objs.append(o)
                preps += list(prep_children(o))
            preps += list(prep_children(carrier))
        else:
            # whose the required object is: "rejected North Korea's demand", "a Senegalese
            # plan", "demands from Shona rebels"; or the object itself ("summoned Niger's
            # ambassador")
            # ... but not "its troops", "their peacekeeping force": the source's own
            own = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in carrier.children)
            owners = [] if own else [carrier]
            owners += [c for c in carrier.children
                       if c.dep_ == "poss" or (c.dep_ in {"compound", "amod"} and c.pos_ in {"PROPN", "ADJ"})]
            owners += [o for p, o in prep_children(carrier) if p in {"of", "by", "from"}]
    if entry.prep:
        out += [o for p, o in preps if p == entry.prep]
    if entry.target in {"dobj", "iobj", "dative"} or not entry.prep:
        out += objs
        out += [o for p, o in preps if p == "to" and entry.target in {"iobj", "dative"}]
    if entry.target != "none":
        out += [o for p, o in preps if p in TARGET_PREPS and o not in out]
        # "provide 70 million dollars of aid for Romania": the prep hangs on the object
        out += [o for d in objs for p, o in prep_children(d) if p in TARGET_PREPS and o not in out]
        out += [o for o in owners if o not in out]
        out += [o for p, o in preps if p == "from" and o not in out]  # "withdraw from Lebanon"
    return out


def _noun_sources(noun: Token, target_found: bool, poss_is_target: bool = False) -> list[Token]:
    out: list[Token] = []
    for c in noun.children:
        if (c.dep_ == "poss" and not poss_is_target) or (
            c.dep_ in {"compound", "amod", "nmod"} and c.pos_ in {"PROPN", "ADJ"}
        ):
            out.append(c)
    for p, o in prep_children(noun):
        if p == "by" or (p == "of" and target_found) or p == "from":
            out.append(o)
    for acl in (c for c in noun.children if c.dep_ == "acl"):  # "outreach made by the Kremlin"
        for p, o in prep_children(acl):
            if p == "by":
                out.append(o)
    head = noun.head
    if noun.dep_ in {"dobj", "obj"} and lemma_of(head) in LIGHT_VERBS:
        s = subject_of(head)
        if s is not None:
            out.append(s)
    if noun.dep_ == "pobj" and head.lower_ == "for" and lemma_of(head.head) in TRAVEL_VERBS:
        s = subject_of(head.head)  # "negotiators return to Geneva for talks"
        if s is not None:
            out.append(s)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and lemma_of(head.head) in LIGHT_VERBS:
        s = subject_of(head.head)
        if s is not None:
            out.append(s)
    # "a breach which is attributed to Russian hackers": the perpetrator named by attribution
    for rel in (c for c in noun.children if c.dep_ in {"relcl", "acl"}):
        if rel.lemma_ in {"attribute", "blame"}:
            out += [o for p, o in prep_children(rel) if p in {"to", "on"}]
    return out


def _noun_targets(pred: Predicate) -> list[Token]:
    noun, entry = pred.token, pred.entry
    out: list[Token] = []
    if entry.target == "poss":  # "Navalny's arrest": the possessor is who it was done to
        out += [c for c in noun.children if c.dep_ == "poss"]
    preps = list(prep_children(noun))
    for p, o in list(preps):  # "praise of Trump towards Putin": the parser hangs it on Trump
        if p == "of":
            preps += [(p2, o2) for p2, o2 in prep_children(o) if p2 != "of"]
    for acl in (c for c in noun.children if c.dep_ == "acl"):
        preps += list(prep_children(acl))
    if entry.prep:
        out += [o for p, o in preps if p == entry.prep]
    out += [o for p, o in preps if p in TARGET_PREPS and o not in out]
    if entry.target != "none":
        # "an investigation which identified X": the relative clause names who it was about
        for rel in (c for c in noun.children if c.dep_ == "relcl"):
            out += [o for o in objects_of(rel) if o.i != noun.i]
        # the subject of "respond to a breach" is the one the breach was against
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_ in VICTIM_VERBS:
            s = subject_of(head.head)
            if s is not None:
                out.append(s)
    return out


def arguments_of(pred: Predicate) -> Arguments:
    tok = pred.token
    if pred.kind == "verb":
        subj = subject_of(tok)
        return Arguments(
            sources=tuple(conjuncts_of(subj)) if subj is not None else (),
            targets=tuple(_verb_targets(pred)),
            rule="verb:passive" if is_passive(tok) else "verb:active",
        )
    if pred.kind == "adj":
        # "he is ready for cooperation with X": the copula's subject; the target via the prep
        cop = tok.head if tok.dep_ == "acomp" else tok
        subj = subject_of(cop)
        return Arguments(
            sources=tuple(conjuncts_of(subj)) if subj is not None else (),
            targets=tuple(_verb_targets(pred)),
            rule="adj:predicative",
        )
    targets = _noun_targets(pred)
    # "praise of Trump towards Putin": "of" is the agent when another phrase gives the target;
    # "the killing of civilians": otherwise "of" is the patient.
    of_objs = [o for p, o in prep_children(tok) if p == "of"]
    sources = _noun_sources(tok, target_found=bool(targets), poss_is_target=pred.entry.target == "poss")
    if not targets:
        targets = of_objs
    return Arguments(sources=tuple(sources), targets=tuple(targets), rule="noun:eventive")
