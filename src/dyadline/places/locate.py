"""Where an event happened, when the sentence says so: ``event_place(doc, trigger_i)``.

The place comes from a locative phrase attached to the event's predicate or its clause, read
off the dependency parse, or from the article's dateline. In order:

1. a locative preposition on the predicate: "clashed *in Kyiv*", "detained protesters *outside
   the parliament in Minsk*", "*near the border with Syria*", "10 km *south of Idlib*";
2. for an eventive noun, the verb that carries it ("held *talks* ... *in Geneva*"); "visited
   *Kabul*", "a visit *to Beijing*", "evacuated the wounded *from Gorazde*", "imposed *a curfew
   in Cizre*";
3. a locative phrase on the subject or the agent ("*a bombing near Samarra* killed ...",
   "*protesters in Minsk* demanded"), or on the site or people the predicate acts on
   ("attacked *targets in Ukraine*", "met *Putin in the Kremlin*");
4. the dateline ("MOSCOW (Reuters) -"), for events in the article's first sentence only.

"in", "near", "outside", "across", "around", "within", "along", "off" ... take any place; "at"
and "on" only a landmark, sea or site ("at the UN headquarters", "on Red Square"), so that
"aimed at Russia" and "sanctions on Iran" are not places. The object must be a place: a spaCy
GPE, LOC or FAC entity or a gazetteer name written as a proper noun; "in the election" is not.
A country named as an actor is not a place ("Russia attacked Ukraine" has none), and nothing is
guessed from the first place an article names. A named place the gazetteer does not know is
returned with feature "unresolved" and no country or coordinates.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from dyadline.model import Place
from dyadline.places.article import PLACE_LABELS, article, trim
from dyadline.places.gazetteer import Gazetteer, PlaceCandidate, load_gazetteer
from dyadline.places.names import FEATURE_WORDS, key
from dyadline.places.resolve import Evidence, resolve_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["EventPlacer", "event_place"]

# Prepositions that put an event somewhere, whatever the place.
LOCATIVE = frozenset({"in", "near", "outside", "inside", "across", "throughout", "around",
                      "within", "off", "along", "beside", "nearby", "amid", "among"})
# Prepositions that do so only with a landmark or a site ("at the embassy", "on Red Square").
SITE_ONLY = frozenset({"at", "on"})
DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                        "southwest", "outside", "near", "close"})
# Entity labels under which a capitalised gazetteer name is still read as a place: spaCy
# tags towns as NORP ("near the town of Samarra"), and after a locative preposition seats of
# power and towns as ORG or PERSON ("met in the Kremlin", "south of Idlib").
LOOSE_LABELS = frozenset({"", "NORP"})
STRONG_LABELS = LOOSE_LABELS | {"ORG", "PERSON"}
# Objects whose location is the event's: "met Putin in the Kremlin", "arrested protesters in
# Minsk" (not "criticized the war in Syria").
PEOPLE = frozenset({
    "people", "person", "civilian", "civilians", "soldier", "soldiers", "troops", "protester",
    "protesters", "demonstrator", "demonstrators", "journalist", "journalists", "official",
    "officials", "diplomat", "diplomats", "leader", "leaders", "man", "men", "woman", "women",
    "child", "children", "student", "students", "activist", "activists", "worker", "workers",
    "refugee", "refugees", "migrant", "migrants", "prisoner", "prisoners", "hostage",
    "hostages", "fighter", "fighters", "militant", "militants", "rebel", "rebels", "police",
    "policeman", "policemen", "officer", "officers", "ambassador", "minister", "ministers",
    "counterpart", "president", "delegation", "delegates", "envoy", "residents", "villagers",
    "supporters", "opponents", "members", "suspects", "suspect", "dissident", "dissidents"})
# Nouns that name a kind of place: "the city of Kirkuk", "the Kirkuk region", "Iraq's north".
PLACE_TYPES = frozenset({
    "city", "town", "village", "capital", "province", "region", "district", "state", "county",
    "territory", "area", "outskirts", "suburb", "suburbs", "coast", "island", "islands",
    "peninsula", "enclave", "port", "street", "streets", "heart", "center", "centre", "north",
    "south", "east", "west", "part", "parts", "border", "frontier", "governorate", "oblast",
    "neighborhood", "neighbourhood", "municipality", "strip", "valley", "desert", "mountains",
    "waters", "sea", "gulf", "strait", "bay", "camp", "prefecture", "countryside", "zone",
    "sector", "quarter", "districts", "provinces", "regions", "areas", "towns", "villages",
    "cities"})
# Nouns for sites an action can be located by: "targets in Ukraine", "a Moscow court".
SITES = PLACE_TYPES | frozenset({
    "target", "targets", "position", "positions", "base", "bases", "headquarters", "embassy",
    "consulate", "office", "offices", "parliament", "palace", "compound", "prison", "jail",
    "court", "courthouse", "hospital", "school", "university", "mosque", "church", "temple",
    "synagogue", "market", "airport", "airbase", "checkpoint", "crossing", "facility",
    "facilities", "plant", "site", "home", "homes", "house", "houses", "residence", "hotel",
    "stadium", "building", "buildings", "bridge", "road", "highway", "square", "park",
    "station", "ship", "vessel", "tanker", "convoy", "outpost", "warehouse", "ministry",
    "refinery", "port", "harbor", "harbour", "mine", "field", "fields", "retreat", "resort",
    "estate", "venue", "hall", "arena", "cathedral", "shrine", "monastery", "barracks"})
# Verbs whose object's location is the event's: "held talks in Geneva", "imposed a curfew in
# Cizre" (unlike "criticized the war in Syria", where it is the topic).
LIGHT_VERBS = frozenset({"hold", "stage", "conduct", "carry", "launch", "organize", "organise",
                         "host", "convene", "attend", "mount", "declare", "impose", "lift",
                         "enforce", "extend", "begin", "start", "resume", "halt", "suspend",
                         "violate", "break", "establish", "set", "open", "close", "build"})
# Events that happen where they leave from: "evacuated the wounded from Gorazde".
LEAVING_WORDS = frozenset({"evacuate", "evacuation", "withdraw", "withdrawal", "pull", "retreat",
                           "flee", "airlift", "expel", "expulsion", "escape"})
VISIT_VERBS = frozenset({"visit", "tour"})
TRAVEL_WORDS = frozenset({"visit", "trip", "journey", "tour", "travel", "fly", "go", "come",
                          "head", "return", "arrive", "voyage", "mission"})
EVENT_NOUNS = frozenset({"visit", "trip", "tour", "summit", "talks", "meeting", "meetings",
                         "conference", "rally", "protest", "protests", "ceremony", "negotiations",
                         "session", "forum", "parade", "funeral", "election", "vote"})
MAX_DEPTH = 4


class EventPlacer(Protocol):
    """The stage's seam: ``event_place`` is one; a test or a user may plug in another."""

    def __call__(self, doc: Doc, trigger_i: int, *, context_countries: Collection[str] = (),
                 gazetteer: Gazetteer | None = None) -> Place | None: ...


@dataclass(frozen=True, slots=True)
class _Found:
    candidate: PlaceCandidate | None  # None: a named place the gazetteer does not know
    text: str
    start: int
    end: int

    def to_place(self) -> Place:
        if self.candidate is not None:
            return self.candidate.to_place(self.text, self.start, self.end)
        return Place(name=self.text, country=None, lat=None, lon=None, feature="unresolved",
                     text=self.text, start=self.start, end=self.end)


class _Locator:
    """Finds the place of one event in one parsed article."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, context_countries: Collection[str]):
        self.doc = doc
        self.gazetteer = gazetteer
        self.context = frozenset(context_countries)
        self.article = article(doc, gazetteer)

    # -- names -------------------------------------------------------------------------------
    def _evidence(self, name: str, sentence: Span | None) -> Evidence:
        return self.article.evidence(name, sentence)

    def _resolve(self, span: Span, qualifier: str | None) -> PlaceCandidate | None:
        return resolve_text(self.gazetteer, span.text, qualifier=qualifier,
                            context_countries=self.context,
                            evidence=self._evidence(key(span.text), span.sent))

    def _qualifier(self, token: Token) -> str | None:
        """ "Paris, Texas" (appos), "East Timor's capital Dili" (possessive of the head)."""
        for child in token.children:
            if child.dep_ in ("appos", "npadvmod", "conj") and child.i > token.i \
                    and self.doc[child.i - 1].text == "," and child.ent_type_ in PLACE_LABELS:
                return trim(self._entity(child) or self.doc[child.i:child.i + 1]).text
        head = token.head if token.dep_ in ("appos", "compound") else token
        for child in head.children:
            if child.dep_ == "poss" and child.ent_type_ in PLACE_LABELS:
                return trim(self._entity(child) or self.doc[child.i:child.i + 1]).text
        return None

    def _entity(self, token: Token) -> Span | None:
        for ent in self.doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
        return None

    def _place_at(self, token: Token, prep: str = "") -> _Found | None:
        """``token`` as (part of) a place name; ``prep`` is the preposition it is the object of
        ("" when it is not), which makes a capitalised gazetteer name a place even under an
        ORG or PERSON tag."""
        if token.pos_ == "PRON":
            return None
        entity = self._entity(token)
        label = entity.label_ if entity is not None else ""
        if entity is not None and label in PLACE_LABELS:
            span = trim(entity)
            if len(span) == 0:
                return None
            qualifier = self._qualifier(span.root)
            if span.end < len(self.doc) and self.doc[span.end].lower_ in FEATURE_WORDS:
                span = self.doc[span.start:span.end + 1]  # "Washington state", "Idlib province"
            candidate = self._resolve(span, qualifier)
            return self._accept(_Found(candidate, span.text, span.start_char, span.end_char),
                                prep, label)
        allowed = STRONG_LABELS if prep else LOOSE_LABELS
        if token.pos_ != "PROPN" or not token.text[:1].isupper() or label not in allowed:
            return self._landmark(token, prep)
        for span in self._name_spans(token, entity):
            if span.text in self.gazetteer:
                candidate = self._resolve(span, self._qualifier(token))
                if candidate is not None:
                    return self._accept(_Found(candidate, span.text, span.start_char,
                                               span.end_char), prep, label)
        return None

    def _name_spans(self, token: Token, entity: Span | None) -> Iterator[Span]:
        """The spans ``token`` may name a place with, longest first: its entity ("the
        Kremlin"), then its proper-noun compounds ("New York"), then itself."""
        if entity is not None:
            trimmed = trim(entity)
            if len(trimmed):
                yield trimmed
            return  # not a part of "the Affordable Care Act", not "Act"
        first = token.i
        while first > token.sent.start and self.doc[first - 1].pos_ == "PROPN" \
                and self.doc[first - 1].dep_ == "compound":
            first -= 1
        for start in range(first, token.i + 1):
            yield self.doc[start:token.i + 1]

    def _landmark(self, token: Token, prep: str) -> _Found | None:
        """A site named with its compounds: "the UN headquarters", "Kabul airport"."""
        return self._with_compounds(token, ("landmark",))

    def _with_compounds(self, token: Token, features: tuple[str, ...]) -> _Found | None:
        """A name made of ``token`` and its compounds, read as one of ``features``: "Kabul
        airport" (a landmark), "the Donetsk region" (an oblast, not the city)."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        left = [c for c in token.lefts if c.dep_ == "compound"]
        if not left:
            return None
        span = self.doc[left[0].i:token.i + 1]
        readings = [c for c in self.gazetteer.lookup(span.text) if c.feature in features]
        if not readings:
            return None
        return _Found(max(readings, key=lambda c: c.prominence), span.text, span.start_char,
                      span.end_char)

    def _accept(self, found: _Found, prep: str, label: str) -> _Found | None:
        """ "at" and "on" take landmarks and seas, not countries or cities ("aimed at Russia")."""
        if prep not in SITE_ONLY:
            return found
        if found.candidate is None:
            return found if label == "FAC" else None
        return found if found.candidate.feature in ("landmark", "sea") else None

    # -- phrases -----------------------------------------------------------------------------
    def _in_phrase(self, token: Token, prep: str, depth: int) -> _Found | None:
        """The place named by the object of a preposition (or a site noun), looking inside
        "the city of X", "East Timor's capital Dili", "headquarters in New York"."""
        found = self._place_at(token, prep)
        if found is not None or depth <= 0:
            return found
        lemma = token.lemma_.lower()
        if lemma in PLACE_TYPES or token.lower_ in PLACE_TYPES:
            found = self._with_compounds(token, ("admin1", "region", "city"))
            if found is not None:  # "the Donetsk region", "the Kurdistan region"
                return found
            # the most specific name first: "the West Bank city *of Hebron*", "capital *Dili*"
            for child in sorted(token.children, key=lambda c: c.dep_ not in ("appos", "prep")):
                if child.dep_ in ("appos", "compound", "nmod", "npadvmod"):
                    found = self._place_at(child)
                    if found is not None and found.candidate is not None \
                            and found.candidate.feature in ("sea", "continent"):
                        found = None  # "the Mediterranean town" is not the sea
                elif child.dep_ == "prep" and (child.lower_ == "of" or (
                        child.lower_ == "with" and lemma in ("border", "frontier"))):
                    found = self._objects(child, child.lower_, depth - 1)
                else:
                    found = None
                if found is not None:
                    return found
        if lemma in SITES or token.lower_ in SITES:
            for child in token.children:
                if child.dep_ == "compound":
                    found = self._place_at(child)
                    if found is not None:
                        return found
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in LOCATIVE | SITE_ONLY:
                found = self._objects(child, child.lower_, depth - 1)
                if found is not None:
                    return found
        return None

    def _objects(self, prep: Token, name: str, depth: int) -> _Found | None:
        for obj in prep.children:
            if obj.dep_ in ("pobj", "pcomp"):
                found = self._in_phrase(obj, name, depth)
                if found is not None:
                    return found
            elif obj.dep_ == "prep" and obj.lower_ in ("of", "to"):  # "outside of", "close to"
                found = self._objects(obj, obj.lower_, depth)
                if found is not None:
                    return found
        return None

    def _locative(self, head: Token, depth: int = MAX_DEPTH, *, travel: bool = False,
                  leaving: bool = False) -> _Found | None:
        """A locative phrase attached to ``head``, nearest first."""
        children = sorted(head.children, key=lambda c: abs(c.i - head.i))
        for child in children:
            word = child.lower_
            if child.dep_ in ("prep", "agent") and word in LOCATIVE | SITE_ONLY:
                found = self._objects(child, word, depth)
            elif child.dep_ == "prep" and word == "to" and travel:
                found = self._objects(child, "to", depth)
            elif child.dep_ == "prep" and word == "from" and leaving:
                found = self._objects(child, "from", depth)
            elif child.dep_ == "prep" and word == "with":  # "clashed with rebels near X"
                found = next((f for f in (self._locative(o, depth - 1)
                                          for o in child.children if o.dep_ == "pobj") if f),
                             None)
            elif child.dep_ == "prep" and word == "during":
                found = self._during(child, depth)
            elif child.dep_ in ("advmod", "prep", "npadvmod") and word in DIRECTIONS:
                found = self._objects(child, word, depth)  # "south of Idlib", "outside of Basra"
            else:
                found = None
            if found is not None:
                return found
        return None

    def _during(self, prep: Token, depth: int) -> _Found | None:
        """ "during a visit to Beijing", "during talks in Geneva"."""
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.lemma_.lower() in EVENT_NOUNS:
                travel = obj.lemma_.lower() in TRAVEL_WORDS
                found = self._locative(obj, depth - 1, travel=travel)
                if found is not None:
                    return found
        return None

    def _sites(self, head: Token) -> Iterator[Token]:
        """Objects located where the event is: sites ("targets") and people ("Putin")."""
        for child in head.children:
            if child.dep_ not in ("dobj", "obj"):
                continue
            words = {child.lemma_.lower(), child.lower_}
            if words & (SITES | PEOPLE) or child.ent_type_ in ("PERSON", "NORP"):
                yield child

    def _about(self, noun: Token) -> _Found | None:
        """Where the people or things a subject names are: "protesters in Minsk", "guerrillas
        operating in Macedonia", "thousands of people in Minsk"."""
        found = self._locative(noun, MAX_DEPTH - 1)
        if found is not None:
            return found
        for child in noun.children:
            if child.dep_ == "acl":  # "operating in", "based in", "stationed in"
                found = self._locative(child, MAX_DEPTH - 1)
            elif child.dep_ == "prep" and child.lower_ == "of" and noun.dep_ != "pobj":
                found = next((self._about(o) for o in child.children if o.dep_ == "pobj"), None)
            else:
                found = None
            if found is not None:
                return found
        return None

    def find(self, trigger: Token) -> _Found | None:
        lemma = trigger.lemma_.lower()
        travel = lemma in TRAVEL_WORDS
        leaving = lemma in LEAVING_WORDS
        found = self._locative(trigger, travel=travel, leaving=leaving)
        if found is not None:
            return found
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in (
                "dobj", "nsubj", "nsubjpass", "attr", "obj"):
            found = self._locative(trigger.head, travel=travel, leaving=leaving)
            if found is not None:  # "held talks ... in Geneva"
                return found
        if trigger.pos_ in ("VERB", "AUX"):
            for child in trigger.children:
                if child.dep_ in ("dobj", "obj") and lemma in VISIT_VERBS:
                    found = self._place_at(child)  # "visited Kabul"
                elif child.dep_ in ("dobj", "obj") and lemma in LIGHT_VERBS:
                    found = self._locative(child)  # "staged a protest outside the parliament"
                else:
                    found = None
                if found is not None:
                    return found
        for child in trigger.children:  # "a bombing near Samarra killed", "killed by a device
            if child.dep_ in ("nsubj", "nsubjpass"):  # outside Basra"
                found = self._about(child)
            elif child.dep_ == "agent":
                found = next((f for f in (self._about(o)
                                          for o in child.children if o.dep_ == "pobj") if f),
                             None)
            else:
                found = None
            if found is not None:
                return found
        for site in self._sites(trigger):  # "attacked targets in Ukraine", "met Putin in X"
            found = self._locative(site, MAX_DEPTH - 1)
            if found is not None:
                return found
        return None

    def from_dateline(self, trigger: Token) -> _Found | None:
        dateline = self.article.dateline
        if dateline is None or trigger.sent.end > self.article.first_sentence_end:
            return None  # only the events of the first sentence happen at the dateline
        candidate = resolve_text(self.gazetteer, dateline.text, qualifier=dateline.qualifier,
                                 features=("city",), context_countries=self.context,
                                 evidence=self._evidence(key(dateline.text), None))
        if candidate is None:
            return None
        return _Found(candidate, dateline.text, dateline.start, dateline.end)


def event_place(doc: Doc, trigger_i: int, *, context_countries: Collection[str] = (),
                gazetteer: Gazetteer | None = None) -> Place | None:
    """The place where the event whose predicate (verb or eventive noun) is ``doc[trigger_i]``
    happened, when the sentence (or, for the first sentence, the dateline) says so; else None.

    ``doc`` is the spaCy parse of the article body; the Place's offsets are character offsets
    into it. ``context_countries`` (ISO alpha-3) help choose between readings of a name."""
    locator = _Locator(doc, gazetteer or load_gazetteer(), context_countries)
    trigger = doc[trigger_i]
    found = locator.find(trigger) or locator.from_dateline(trigger)
    return found.to_place() if found is not None else None
