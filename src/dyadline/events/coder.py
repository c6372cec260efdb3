"""The rule-based event coder: predicates x arguments x actors -> coded events.

For each sentence: find the predicates the lexicon codes, read their source and target off the
parse, ask the actor resolver who those phrases denote, and build one Event per (source,
target) pair, with its date (from the dater), place, modality, who the article cites for it,
and the rule and lexicon entry behind it. Reporting verbs ("said", "stated") are frames, not
events: their statement is coded only when the sentence reports nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from dyadline.errors import DyadlineError
from dyadline.events.arguments import LIGHT_VERBS, arguments_of
from dyadline.events.attribution import Frame, phrase_span, report_frames
from dyadline.events.compose import (
    GENERIC_VIOLENCE,
    PROTESTS,
    by_means,
    compose,
    governs,
    protest_for,
    theme_of,
)
from dyadline.events.modality import DEFAULT_CUES, modality_of
from dyadline.events.predicates import LexiconView, Predicate, find_predicates, specificity
from dyadline.events.syntax import (
    is_to_infinitive,
    lemma_of,
    objects_of,
    prep_children,
    subject_of,
)
from dyadline.model import (
    NON_STATE,
    Actor,
    Article,
    Attribution,
    DateSpan,
    Event,
    Evidence,
    Place,
    Timex,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["CODER_VERSION", "ActorLookup", "Dater", "EventCoder", "OntologyView", "RuleCoder"]

CODER_VERSION = "dyadline-rules-0.2.0"

# Lemmas whose target, when the text names none, is whoever they answer: the source of the
# event just before ("Biden tagged Russia as a threat and Peskov responded ...").
RESPONSIVE = frozenset({"respond", "reply", "retort", "react", "counter", "rebuff", "hit"})


class ActorLookup(Protocol):
    """Who the phrase headed at a token denotes (actors.ArticleActors satisfies it)."""

    def resolve(self, token_i: int) -> list[Actor]: ...


class Dater(Protocol):
    """The date of the event at a predicate (dates.EventDater satisfies it)."""

    def date_event(
        self, trigger_i: int, *, report_i: int | None = None
    ) -> tuple[DateSpan, Timex | None, str]: ...


class CodeInfo(Protocol):
    @property
    def goldstein(self) -> float: ...
    @property
    def quad_class(self) -> int: ...
    @property
    def plover(self) -> str: ...
    @property
    def plover_mode(self) -> str | None: ...


class OntologyView(Protocol):
    version: str

    def get(self, code: str) -> CodeInfo: ...


class EventCoder(Protocol):
    """A pluggable coder: a Doc of the article body in, events out."""

    version: str

    def code(
        self,
        doc: Doc,
        article: Article,
        actors: ActorLookup,
        dater: Dater,
        placer: Callable[[int], Place | None] | None = None,
    ) -> list[Event]: ...


@dataclass(frozen=True, slots=True)
class _Candidate:
    pred: Predicate
    sources: tuple[Actor, ...]
    targets: tuple[Actor | None, ...]
    rule: str
    weak: bool  # a statement by a reporting verb: kept only if the sentence has nothing else
    code: str  # the entry's code, or the composed one ("demanded that X end curbs": 1051)
    about: Predicate | None = None  # the embedded action a governing predicate was composed with


def _complements(tok: Token) -> list[Token]:
    """Heads of what a governing predicate is about: its complement clause, or the action noun
    it takes ("demanded the release of", "called for an end to")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in {"xcomp", "ccomp", "dobj", "obj"} or (
            c.dep_ == "acl" and tok.pos_ == "NOUN"  # "an appeal to Belgium to extradite"
        ) or (
            # "threatened today to impose": the parser may take the infinitive for an adjunct
            c.dep_ == "advcl" and is_to_infinitive(c)
        ):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in {"for", "to", "on", "of"}:  # "accused X of violating"
            out += [o for o in c.children if o.dep_ in {"pobj", "pcomp"}]
    if tok.pos_ == "NOUN" and tok.dep_ in {"dobj", "obj"} and lemma_of(tok.head) in LIGHT_VERBS:
        # "renewed an appeal to Belgium to extradite": the parser hangs the infinitive on the
        # verb that carries the noun
        out += [c for c in tok.head.children if c.dep_ in {"advcl", "xcomp"} and is_to_infinitive(c)]
    return out


def _purposes(tok: Token) -> list[Token]:
    """What a protest is for: its purpose clause ("to demand", "calling for", "demanding"),
    hung on the protest or on the verb that carries the protest noun ("staged rallies to ...")."""
    heads = [tok]
    if tok.pos_ == "NOUN" and tok.dep_ in {"dobj", "obj", "pobj"}:
        heads.append(tok.head if tok.dep_ != "pobj" else tok.head.head)
    out: list[Token] = []
    for h in heads:
        out += [c for c in h.children if c.dep_ in {"advcl", "xcomp", "acl", "conj"} and c.pos_ == "VERB"]
        out += [o for c in h.children if c.dep_ == "prep" and c.lower_ in {"for", "against", "over"}
                for o in c.children if o.dep_ in {"pobj", "pcomp"}]
    return out


# Events done to a place's people when no party is named: protests (14), easing or imposing
# administrative measures (081, 0351, 1051, 1241, 132, 172), withdrawals (087: "evacuate the
# settlements in Gaza"), force postures (15), repression (17)
# and violence (18, 19, 20: "killed 23 people in Tel Aviv").
_LOCAL_PREFIXES = ("14", "081", "0351", "087", "1051", "1241", "132", "15", "17", "18", "19", "20")


def _local(code: str) -> bool:
    return code.startswith(_LOCAL_PREFIXES)


def _locatives(pred: Predicate, *, near: bool = False) -> list[Token]:
    """Where the event happened: "in"/"at"/"across"/"throughout" phrases on the predicate, on
    the object that completes its entry, and on its direct objects; with ``near`` also "near"
    phrases and those on its subject ("a bombing near the town of Samarra")."""
    heads = [pred.token, *objects_of(pred.token)]
    if pred.object_token is not None:
        heads.append(pred.object_token)
    preps = {"in", "at", "across", "throughout"}
    if near:
        preps |= {"near", "outside", "outside of", "around"}
        subj = next((c for c in pred.token.children if c.dep_ == "nsubj"), None)
        heads += [subj] if subj is not None else []
        # "killed in a car bomb explosion in Beirut": the place may hang on the means
        heads += [o for p, o in prep_children(pred.token) if p in {"in", "by"}]
    return [o for h in heads for p, o in prep_children(h) if p in preps]


def _implied(country: str, sector: str, at: int, basis: str) -> Actor:
    """An actor the event implies rather than names: no text, a zero-length span at ``at``."""
    return Actor(code=f"{country}{sector}", country=country, sector=sector, name=None, text="",
                 start=at, end=at, basis=basis)


# Subjects that name how, not who ("a roadside bombing killed", "gunmen shot"); a hurricane or a
# crash is not an attack, so the list is closed.
_MEANS_OF_VIOLENCE = frozenset({
    "bomb", "bombing", "blast", "explosion", "explosive", "device", "ied", "mine", "minefield",
    "landmine", "rocket", "missile", "shell", "shelling", "mortar", "grenade", "gunfire", "shot",
    "gunman", "gunmen", "attacker", "assailant", "sniper", "bomber", "militant", "insurgent",
    "attack", "ambush", "airstrike", "strike", "drone", "shooting", "shooter", "raid", "assault",
    "car", "truck", "booby", "projectile", "artillery", "barrage", "salvo", "volley",
})


def _means_words(pred: Predicate, subjects: tuple[Token, ...]) -> set[str]:
    """Words that may name how violence was done: the subject and its modifiers, and the
    objects of "in"/"with"/"by"/"using" on the predicate with theirs."""
    heads = list(subjects) + [o for p, o in prep_children(pred.token) if p in {"in", "with", "by"}]
    heads += [c for c in pred.token.children if c.dep_ == "advcl" and c.lemma_ == "use"
              for c in objects_of(c)]
    # the head and the words before it in its phrase ("a car bomb explosion")
    return {t.lemma_.lower() for h in heads for t in h.doc[h.left_edge.i:h.i + 1]}


def _condition_subjects(pred: Predicate) -> tuple[Token, ...]:
    """Subjects of the "if"/"unless" clauses within a threat (the parser may hang the clause
    on any verb of what is threatened)."""
    out: list[Token] = []
    for c in pred.token.subtree:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"}
                                     for m in c.children):
            subj = subject_of(c)
            out += [subj] if subj is not None else []
    return tuple(out)


def _unattributed(pred: Predicate, subjects: tuple[Token, ...]) -> bool:
    """Violence whose doer the sentence does not name: a passive with no agent, or a subject
    that is a thing or a nameless noun ("a car bomb", "an explosion", "gunmen")."""
    code = pred.entry.code
    if pred.kind != "verb" or code[:2] not in {"18", "19", "20"} or code[:3] in {"191", "192"}:
        return False  # a noun's missing owner is not a missing doer; blockades and occupations
    return all(s.pos_ == "NOUN" and s.lemma_.lower() in _MEANS_OF_VIOLENCE for s in subjects)


def _modal(tok: Token) -> bool:
    """ "would meet", "may halt": a modal on the predicate itself, not an if-clause."""
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in tok.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in {"would", "could", "may", "might", "'d"}
               for c in tok.children)


def _uncoded(head: Token) -> Actor:
    span = phrase_span(head)
    return Actor(code="", country=None, sector=None, name=None, text=span.text,
                 start=span.start_char, end=span.end_char, basis="uncoded")


def _obliged(tok: Token) -> bool:
    """ "must return", "should withdraw", "has to end": an obligation put on the subject."""
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ in {"must", "should"}:
            return True
    head = tok.head
    return tok.dep_ == "xcomp" and head.lemma_ in {"have", "need"} and head.i != tok.i


def _future_family(code: str, *, negated: bool) -> str | None:
    root = code[:2]
    if root in {"04", "05", "06", "07", "08"}:
        return "12" if negated else "03"
    if root in {"14", "15", "16", "17", "18", "19", "20"} and not negated:
        return "13"
    return None


def _appositions(head: Token) -> list[Token]:
    """Other phrases that name the actor when ``head`` itself does not resolve: its apposition
    (which the parser may hang on the "of" object), then its possessor or "of" object
    ("support Turkey's efforts", "the efforts of Turkey")."""
    out = [c for c in head.children if c.dep_ == "appos"]
    of_objs = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj"]
    for o in of_objs:
        out += [c for c in o.children if c.dep_ == "appos"]
    if head.pos_ == "NOUN":
        # whose it is: "Turkey's efforts", "the efforts of Turkey", "calls by Belarus's rulers",
        # "an offer from Afghanistan", "a Senegalese peace plan"
        out += [c for c in head.children if c.dep_ == "poss"]
        out += of_objs
        out += [o for p in head.children if p.dep_ == "prep" and p.lower_ in {"by", "from"}
                for o in p.children if o.dep_ == "pobj"]
        out += [c for c in head.children if c.dep_ in {"amod", "compound"} and c.pos_ in {"ADJ", "PROPN"}]
    return out


def _coded(actors: list[Actor]) -> list[Actor]:
    return [a for a in actors if a.country]


class RuleCoder:
    """Dependency-parse rules over the event lexicon (see docs/coder.md)."""

    def __init__(
        self,
        lexicon: LexiconView,
        ontology: OntologyView,
        *,
        reporting_verbs: Collection[str],
        modality_cues: Mapping[str, str] = DEFAULT_CUES,
        actors_version: str = "",
        min_confidence: float = 0.0,
        one_actor_enough: bool = False,
    ) -> None:
        self.lexicon = lexicon
        self.ontology = ontology
        self.reporting_verbs = frozenset(reporting_verbs)
        self.cues = modality_cues
        self.actors_version = actors_version
        self.min_confidence = min_confidence
        self.one_actor_enough = one_actor_enough
        self.version = CODER_VERSION

    # -- per sentence -------------------------------------------------------------------
    def _resolve_first(self, actors: ActorLookup, heads: tuple[Token, ...],
                       exclude: Collection[str] = ()) -> list[Actor]:
        """The actors of the first head that resolves to someone not in ``exclude`` (the
        source's own codes, when looking for a target: "over their ties with Israel")."""
        for h in heads:
            found = [a for a in _coded(actors.resolve(h.i)) if a.code not in exclude]
            if found:
                return found
            # "the main political opponent of Putin, the opposition leader of Alexey Navalny":
            # a description that does not resolve is named by its apposition, which the parser
            # may hang on the description's "of" object.
            for alt in _appositions(h):
                found = [a for a in _coded(actors.resolve(alt.i)) if a.code not in exclude]
                if found:
                    return found
        return []

    def _compose(self, preds: list[Predicate]) -> tuple[dict[int, tuple[str, Predicate]], set[int]]:
        """Governing predicates composed with the action they are about: token -> (code, about);
        and the tokens of the actions so consumed (they are not events of their own)."""
        by_tok = {p.token.i: p for p in preds}
        composed: dict[int, tuple[str, Predicate]] = {}
        consumed: set[int] = set()
        for p in preds:
            if p.entry.code in PROTESTS and p.token.i not in consumed:
                # "staged demonstrations to demand reforms", "rallied calling for independence"
                for child in _purposes(p.token):
                    about = by_tok.get(child.i)
                    code = protest_for(p.entry.code, about.entry.code) if about is not None else None
                    if about is not None and code is not None and self._known(code):
                        composed[p.token.i] = (code, about)
                        consumed.add(child.i)
                        break
                continue
            family = governs(p.entry.code)
            statement = p.entry.code == "010" and p.token.lemma_.lower() in self.reporting_verbs
            if family is None and not statement:
                continue
            for child in _complements(p.token):
                about = by_tok.get(child.i)
                if about is None and child.pos_ in {"VERB", "AUX"}:
                    # "promised to continue military aid": the action is the object of an
                    # uncoded verb of continuing, giving or carrying out
                    about = next((by_tok[c.i] for c in child.children
                                  if c.dep_ in {"dobj", "obj"} and c.i in by_tok), None)
                    child = about.token if about is not None else child
                if about is None or child.i in consumed or about.token.i == p.token.i:
                    continue
                if statement:
                    # "Russia said that Sudan must return the helicopter": a demand
                    if not _obliged(about.token):
                        continue
                    family = "10"
                assert family is not None
                code = compose(family, about.entry.code)
                if code is not None and self._known(code):
                    composed[p.token.i] = (code, about)
                    consumed.add(child.i)
                    break
        return composed, consumed

    def _known(self, code: str) -> bool:
        try:
            self.ontology.get(code)
        except DyadlineError:
            return False
        return True

    def _candidates(self, sent: Span, actors: ActorLookup, previous: list[Actor]) -> list[_Candidate]:
        out: list[_Candidate] = []
        preds = list(find_predicates(sent, self.lexicon))
        composed, consumed = self._compose(preds)
        # a noun that only completes a verb's entry ("impose a naval blockade") is not a
        # second event
        carried = {p.object_token.i for p in preds if p.object_token is not None}
        for pred in preds:
            if pred.token.i in consumed or pred.token.i in carried:
                continue
            lemma = pred.token.lemma_.lower()
            weak = lemma in self.reporting_verbs and pred.entry.code == "010"
            args = arguments_of(pred)
            sources = self._resolve_first(actors, args.sources)
            own = {a.code for a in sources}
            targets: list[Actor | None] = list(self._resolve_first(actors, args.targets, own))
            rule = args.rule
            if not sources and _unattributed(pred, args.sources):
                # "a roadside bombing near Samarra killed a U.S. soldier", "a journalist was
                # killed in Beirut": violence by no one named is by unidentified armed forces
                # of the place (CAMEO's UAF); implied, so without text
                place = [a for a in self._resolve_first(actors, tuple(_locatives(pred, near=True)))
                         if a.country and a.country not in NON_STATE]
                if place:
                    sources = [_implied(place[0].country or "", "UAF", pred.token.idx,
                                        "implied:unidentified-attackers")]
                    rule += "+implied-source"
            if not sources:
                # GDELT's rule: one coded actor is enough. The source keeps its text, uncoded
                # ("Judge Alejandro Rivera opened investigations against Chilean officials").
                if not (self.one_actor_enough and targets and args.sources):
                    continue
                sources = [_uncoded(args.sources[0])]
            code, about = pred.entry.code, None
            if pred.token.i in composed:
                code, about = composed[pred.token.i]
                rule += "+composed"
                weak = False
                if not targets:
                    # who is asked or refused: the subject of the action ("demanded that the US
                    # cancel plans"), else the action's own target ("threatened to cut off
                    # electricity to Nakhichevan", "agreed to lift embargoes on Iran")
                    about_args = arguments_of(about)
                    addressee: list[Actor | None] = [
                        a for a in self._resolve_first(actors, about_args.sources) if a.code not in own]
                    targets = addressee or list(self._resolve_first(actors, about_args.targets, own))
            if about is None and code in GENERIC_VIOLENCE:
                # "wounded two soldiers in a bomb attack", "suicide bombers killed 23 people"
                specific = by_means(code, _means_words(pred, args.sources))
                if specific != code and self._known(specific):
                    code, rule = specific, rule + "+means"
            if weak and about is None:
                # "declared that China must drop barriers": an obligation put on another actor
                # is a demand on it, even when the lexicon does not code the action
                for child in _complements(pred.token):
                    subj = subject_of(child) if child.pos_ in {"VERB", "AUX"} and _obliged(child) else None
                    found = [a for a in self._resolve_first(actors, (subj,)) if a.code not in own] if subj else []
                    if found:
                        code, weak, targets = "100", False, list(found)
                        rule += "+obliged"
                        break
            if not targets and about is None and governs(pred.entry.code):
                # "demanded that the DPRK forsake its nuclear program": the one asked, even when
                # the action is not one the lexicon codes
                for child in _complements(pred.token):
                    if child.pos_ in {"VERB", "AUX"}:
                        subj = subject_of(child)
                        if subj is not None:
                            found = [a for a in self._resolve_first(actors, (subj,)) if a.code not in own]
                            if found:
                                targets = list(found)
                                rule += "+addressee"
                                break
            if not targets and lemma in RESPONSIVE:
                answered = [a for a in previous if a.country not in {s.country for s in sources}]
                if answered:
                    targets = [answered[-1]]
                    rule += "+responds-to-previous"
            src_codes = {(s.code, s.name) for s in sources}
            src_countries = {s.country for s in sources}
            # not the source itself, nor its own bare country ("Trump vowed to withdraw the
            # United States from ..."): a domestic event needs a sector on the other side
            targets = [t for t in targets if t is not None and (t.code, t.name) not in src_codes
                       and not (t.country in src_countries and t.code == t.country)]
            if not targets:
                # no party named: the ones the event's structure or its place implies
                found, how = self._implied_targets(actors, pred, about, code, sources, own)
                targets, rule = list(found), rule + how
            if not targets:
                targets = [None]
            out.append(_Candidate(pred, tuple(sources), tuple(targets), rule, weak, code, about))
            previous.extend(sources)
        strong = [c for c in out if not c.weak]
        # A statement is the frame of the events reported inside it ("Putin stated that he is
        # ready ..."): drop it when it frames one or shares its source; keep it otherwise.
        kept = [
            c for c in out if c.weak and not any(
                s.pred.token.i in {t.i for t in c.pred.token.subtree}
                or {a.code for a in s.sources} & {a.code for a in c.sources}
                for s in strong)
        ]
        return strong + kept[:1]

    def _implied_targets(self, actors: ActorLookup, pred: Predicate, about: Predicate | None,
                         code: str, sources: list[Actor], own: set[str]) -> tuple[list[Actor], str]:
        """Targets for an event that names none, and the rule that found them (see
        docs/coder.md): the parties "between" which a meeting is held, a threat's condition,
        the people of the place of a local event, a protest's own government."""
        if code[:2] == "04" or theme_of(code) in {"meet", "mediate"}:
            # "a mediation mission between Syria and Arafat", "host a meeting between X and Y"
            heads = [pred.token] + ([about.token] if about is not None else [])
            heads += [h.head for h in list(heads) if h.dep_ in {"dobj", "pobj"}]
            parties = [o for h in heads for t in (h, *objects_of(h))
                       for p, o in prep_children(t) if p == "between"]
            found = [a for a in self._resolve_first(actors, tuple(parties)) if a.code not in own]
            if found:
                return found, "+between"
        if code[:2] == "13":
            # "threatened to halt the talks if the United States goes ahead": a condition
            # names who is threatened
            found = [a for a in self._resolve_first(actors, _condition_subjects(pred))
                     if a.code not in own]
            if found:
                return found, "+condition-target"
        if _local(code):
            # a curfew, a crackdown, a protest: done to the people of the place it is in
            # ("lifted a curfew in Montenegro", "demonstrated in Serbia", "threatened to
            # institute a curfew in Algiers")
            where = _locatives(pred) + (_locatives(about) if about is not None else [])
            found = [a for a in self._resolve_first(actors, tuple(where)) if a.code not in own]
            if found:
                return found, "+locative-target"
        if code.startswith("14"):
            # a protest that names no target is against the authorities of its own
            # country (CAMEO's convention); the actor is implied, so it has no text
            found = [_implied(s.country, "GOV", pred.token.idx, "implied:own-government")
                     for s in sources[:1] if s.country and s.country not in NON_STATE
                     and s.sector != "GOV"]
            if found:
                return found, "+implied-target"
        return [], ""

    # -- attribution ----------------------------------------------------------------------
    def _said_by(self, frames: list[Frame], actors: ActorLookup) -> Attribution | None:
        cited = [f for f in frames if f.speaker is not None]
        if not cited:
            return None
        speaker = cited[-1].speaker  # the outermost frame is the one the article cites
        assert speaker is not None
        span = phrase_span(speaker)
        resolved = _coded(actors.resolve(speaker.i))
        if not resolved:
            for c in speaker.children:  # "a Kremlin readout"
                if c.dep_ in {"compound", "amod", "poss"}:
                    resolved = _coded(actors.resolve(c.i))
                    if resolved:
                        break
        return Attribution(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            actor=resolved[0] if resolved else None,
        )

    # -- the article ----------------------------------------------------------------------
    def code(
        self,
        doc: Doc,
        article: Article,
        actors: ActorLookup,
        dater: Dater,
        placer: Callable[[int], Place | None] | None = None,
    ) -> list[Event]:
        events: list[Event] = []
        previous: list[Actor] = []
        for sent in doc.sents:
            best: dict[tuple[str, str, str], Event] = {}
            for cand in self._candidates(sent, actors, previous):
                for event in self._events_of(cand, sent, article, actors, dater, placer):
                    # one event per dyad and root in a sentence: keep the most confident
                    key = (_actor_key(event.source), _actor_key(event.target), event.root)
                    if key not in best or event.confidence > best[key].confidence:
                        best[key] = event
            # an event with no target adds nothing beside the same one with its target
            targeted = {(k[0], k[2]) for k in best if k[1]}
            kept = [e for k, e in best.items() if k[1] or (k[0], k[2]) not in targeted]
            events.extend(sorted(kept, key=lambda e: e.trigger.start))
        return [e for e in events if e.confidence >= self.min_confidence]

    def _events_of(
        self,
        cand: _Candidate,
        sent: Span,
        article: Article,
        actors: ActorLookup,
        dater: Dater,
        placer: Callable[[int], Place | None] | None,
    ) -> list[Event]:
        pred = cand.pred
        tok = pred.token
        code, rule = cand.code, cand.rule
        frames = report_frames(tok, self.reporting_verbs)
        inner = next((f for f in frames if f.kind == "verb" and f.verb.i != tok.i), None)
        span, timex, basis = dater.date_event(tok.i, report_i=inner.verb.i if inner else None)
        said_by = self._said_by([f for f in frames if f.verb.i != tok.i], actors)
        modality = modality_of(tok, self.cues)
        if cand.about is None and (
            ("future" in modality and "hypothetical" not in modality) or _modal(tok)
        ):
            # "will release the hostages": an intent (03), a refusal (12) or a threat (13),
            # expressed when it was said, not a future action
            family = _future_family(code, negated="negated" in modality)
            intent = compose(family, code) if family else None
            if intent is not None and self._known(intent):
                code, rule = intent, rule + "+intent"
                modality = tuple(m for m in modality if m not in {"future", "negated", "hypothetical"})
                if inner is not None:
                    span, timex, basis = dater.date_event(inner.verb.i)
                else:
                    span, timex, basis = (DateSpan(None, article.published, "open", "before_publication"),
                                          None, "statement")
        info = self.ontology.get(code)
        place = placer(tok.i) if placer else None
        evidence = Evidence(sent.text, sent.start_char, sent.end_char)
        trigger_end = tok.idx + len(tok.text)
        if pred.object_token is not None and pred.object_token.i > tok.i:
            o = pred.object_token
            trigger_end = o.idx + len(o.text)
        trigger = Evidence(article.body[tok.idx:trigger_end], tok.idx, trigger_end)
        out: list[Event] = []
        for src in cand.sources:
            for tgt in cand.targets:
                conf = self._confidence(cand, src, tgt, modality)
                event = Event(
                    article_id=article.id,
                    source=src,
                    target=tgt,
                    cameo=code,
                    quad_class=info.quad_class,
                    goldstein=info.goldstein,
                    plover=info.plover,
                    plover_mode=info.plover_mode,
                    date=span,
                    date_text=timex.text if timex else None,
                    evidence=evidence,
                    trigger=trigger,
                    said_by=said_by,
                    modality=modality,
                    confidence=conf,
                    place=place,
                    rule=f"{rule}{'+statement' if cand.weak else ''};date:{basis}",
                    lexicon_entry=pred.entry.key,
                    coder_version=self.version,
                    lexicon_version=self.lexicon.version,
                    actors_version=self.actors_version,
                )
                out.append(event)
        return out

    @staticmethod
    def _confidence(cand: _Candidate, src: Actor, tgt: Actor | None, modality: tuple[str, ...]) -> float:
        base = {"verb": 0.75, "adj": 0.6, "noun": 0.55}[cand.pred.kind]
        if specificity(cand.pred.entry) >= 4:
            base += 0.1
        if cand.weak:
            base = 0.4
        if tgt is None and cand.pred.entry.target != "none":
            base -= 0.15
        for actor in (src, tgt):
            if actor is not None and "pronoun" in actor.basis:
                base -= 0.1
        if "hypothetical" in modality:
            base -= 0.2
        if cand.about is not None:
            base += 0.05  # a governing predicate that says what it is about
        # the main clause reports the main event; deeply embedded predicates are less certain
        depth = sum(1 for _ in cand.pred.token.ancestors)
        base -= 0.02 * min(depth, 5)
        tok = cand.pred.token
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.pos_ == "VERB":
            base -= 0.1  # "rioted, setting fire to mattresses": how, not what
        return max(0.05, min(0.95, base))


def _actor_key(actor: Actor | None) -> str:
    return f"{actor.code}|{actor.name or ''}" if actor is not None else ""
