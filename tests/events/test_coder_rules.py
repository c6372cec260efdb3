"""The coder's parse rules, with fakes at the seams: a small lexicon, a word -> actor table, a
dater that returns a fixed span. What is tested is who-did-what-to-whom off the real parse."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from dyadline.events.coder import RuleCoder
from dyadline.events.modality import modality_of
from dyadline.model import Actor, Article, DateSpan, Timex


@dataclass(frozen=True)
class E:
    kind: str
    lemma: str
    code: str
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    prep: str | None = None
    target: str = "dobj"

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.lemma}|{self.particle}|{sorted(self.objects)}|{self.prep}"


ENTRIES = [
    E("verb", "congratulate", "051"),
    E("verb", "attack", "190"),
    E("verb", "meet", "040", prep="with", target="prep"),
    E("verb", "impose", "163", objects=frozenset({"sanction"}), prep="on", target="prep"),
    E("verb", "impose", "010"),
    E("verb", "cut", "161", objects=frozenset({"tie"}), prep="with", target="prep"),
    E("verb", "accuse", "112"),
    E("verb", "say", "010", target="none"),
    E("verb", "push", "125", particle="back"),
    E("verb", "treat", "010"),
    E("verb", "vow", "030", target="none"),
    E("verb", "arrest", "173"),
    E("verb", "trail", "171"),
    E("verb", "respond", "111", target="none"),
    E("verb", "criticize", "111"),
    E("verb", "visit", "042"),
    E("verb", "praise", "051"),
    E("noun", "praise", "051", target="prep"),
    E("noun", "attack", "190", prep="on", target="prep"),
    E("noun", "investigation", "090", prep="into", target="prep"),
    E("adj", "ready", "036", objects=frozenset({"cooperation"}), prep="for", target="prep"),
    E("verb", "demand", "100"),
    E("verb", "release", "0841"),
    E("verb", "urge", "020"),
    E("verb", "threaten", "130"),
    E("verb", "provide", "070", objects=frozenset({"aid"}), target="prep"),
    E("verb", "contribute", "074", objects=frozenset({"troop"}), target="prep"),
    E("verb", "upgrade", "050", objects=frozenset({"tie"}), target="prep"),
    E("noun", "appeal", "020", target="prep"),
    E("verb", "extradite", "063"),
    E("verb", "demand", "1041", objects=frozenset({"resignation"})),
    E("noun", "demonstration", "141", target="prep"),
    E("verb", "impose", "172", objects=frozenset({"restriction"}), target="prep"),
    E("verb", "impose", "1723", objects=frozenset({"curfew"}), target="prep"),
    E("verb", "demonstrate", "141", target="prep"),
    E("verb", "withdraw", "087", objects=frozenset({"troop"}), target="prep"),
    E("verb", "kill", "190"),
    E("verb", "host", "040", objects=frozenset({"talk"}), target="prep"),
    E("noun", "talk", "040", target="prep"),
    E("verb", "engage", "202", objects=frozenset({"cleansing"}), target="prep"),
]


@dataclass
class FakeLexicon:
    version: str = "test-lex"
    entries: list[E] = field(default_factory=lambda: ENTRIES)

    def _get(self, kind: str, lemma: str) -> list[E]:
        return [e for e in self.entries if e.kind == kind and e.lemma == lemma]

    def verb(self, lemma: str) -> list[E]:
        return self._get("verb", lemma)

    def noun(self, lemma: str) -> list[E]:
        return self._get("noun", lemma)

    def adj(self, lemma: str) -> list[E]:
        return self._get("adj", lemma)


@dataclass(frozen=True)
class Info:
    goldstein: float = 1.0
    quad_class: int = 1
    plover: str = "X"
    plover_mode: str | None = None


class FakeOntology:
    version = "test-ont"

    def get(self, code: str) -> Info:
        return Info()


WORDS = {
    "russia": "RUS", "ukraine": "UKR", "putin": "RUSGOV", "biden": "USAELI", "us": "USA",
    "china": "CHN", "iran": "IRN", "france": "FRA", "germany": "DEU", "police": "RUSCOP", "troops": "CHNMIL",
    "navalny": "RUSOPP", "hackers": "RUS", "specialists": "RUS", "macron": "FRAGOV",
    "merkel": "DEUGOV", "he": "RUSGOV", "them": "CHN",
}


class FakeActors:
    def __init__(self, doc) -> None:  # type: ignore[no-untyped-def]
        self.doc = doc

    def resolve(self, i: int) -> list[Actor]:
        tok = self.doc[i]
        out = []
        for t in [tok, *[c for c in tok.conjuncts if c.i > tok.i]]:
            code = WORDS.get(t.lower_)
            if code:
                out.append(Actor(code=code, country=code[:3], sector=code[3:] or None, name=None,
                                 text=t.text, start=t.idx, end=t.idx + len(t.text)))
        return out


class FakeDater:
    def date_event(self, trigger_i: int, *, report_i: int | None = None) -> tuple[DateSpan, Timex | None, str]:
        return DateSpan(date(2020, 1, 1), date(2020, 1, 1), "day", "test"), None, "test"


CODER = RuleCoder(FakeLexicon(), FakeOntology(), reporting_verbs={"say", "state", "report", "tell"})

CASES = [
    # (sentence, expected set of (source, target, code))
    ("Russia attacked Ukraine on Monday.", {("RUS", "UKR", "190")}),
    ("Ukraine was attacked by Russia.", {("RUS", "UKR", "190")}),
    ("Putin congratulated Biden on his victory.", {("RUSGOV", "USAELI", "051")}),
    ("Macron met with Merkel in Paris.", {("FRAGOV", "DEUGOV", "040")}),
    ("The US imposed sanctions on Iran.", {("USA", "IRN", "163")}),
    ("China cut ties with France.", {("CHN", "FRA", "161")}),
    ("Russia and China attacked Ukraine.", {("RUS", "UKR", "190"), ("CHN", "UKR", "190")}),
    ("Russia attacked Ukraine and Iran.", {("RUS", "UKR", "190"), ("RUS", "IRN", "190")}),
    ("Russian specialists who trailed Navalny were identified.", {("RUS", "RUSOPP", "171")}),
    ("Police arrested Navalny and Russia accused Ukraine.",
     {("RUSCOP", "RUSOPP", "173"), ("RUS", "UKR", "112")}),
    ("Biden vowed to push back Russia.", {("USAELI", "RUS", "125"), ("USAELI", None, "030")}),
    ("Biden will push back against Russia.", {("USAELI", "RUS", "125")}),
    ("The praise of Biden towards Putin was noted.", {("USAELI", "RUSGOV", "051")}),
    ("Putin said he is ready for cooperation with Biden.", {("RUSGOV", "USAELI", "036")}),
    ("Russia's attack on Ukraine continued.", {("RUS", "UKR", "190")}),
    ("Putin said Russia attacked Ukraine.", {("RUS", "UKR", "190")}),  # not also the statement
    ("Putin said nothing about Ukraine.", {("RUSGOV", None, "010")}),  # the statement, once
    ("The weather was cold in Moscow.", set()),
    # composition: a demand, threat or intent is coded by the action it is about
    ("Russia demanded that Ukraine release the prisoners.", {("RUS", "UKR", "1053")}),
    ("Russia threatened to impose sanctions on Ukraine.", {("RUS", "UKR", "1312")}),
    ("Russia will meet with Ukraine.", {("RUS", "UKR", "036")}),
    ("Russia will not meet with Ukraine.", {("RUS", "UKR", "125")}),
    # an appeal for an attack has no CAMEO code of its own: both events stay
    ("Russia urged China to attack Ukraine.", {("RUS", "CHN", "020"), ("CHN", "UKR", "190")}),
    # "said that Y must Z" is a demand on Y
    ("Russia said that Ukraine must release the prisoners.", {("RUS", "UKR", "1053")}),
    # ... even when the lexicon does not code the action: a demand all the same
    ("Russia said that China must drop its barriers.", {("RUS", "CHN", "100")}),
    # the copula's subject controls the adjective's infinitive: an intent
    ("France is ready to contribute troops to Ukraine.", {("FRA", "UKR", "0334")}),
    # the required object behind a measure of it
    ("France provided 500 tons of aid to Ukraine.", {("FRA", "UKR", "070")}),
    # a particle with a phrase of its own is a direction, not an unknown phrasal verb
    ("Russia upgraded its ties with China back up to ambassadorial level.", {("RUS", "CHN", "050")}),
    # a present participle's subject is the main clause's
    ("Russia wrote to Biden urging China to attack Ukraine.", {("RUS", "CHN", "020"), ("CHN", "UKR", "190")}),
    # a noun carried by a light verb takes the infinitive the parser hangs on that verb
    ("Russia renewed an appeal to China to extradite the suspects.", {("RUS", "CHN", "0213")}),
    # a protest is coded by what it is for, not as the demand beside it; even through the
    # lemmatizer's slip on "staged"
    ("Navalny staged demonstrations to demand Putin's resignation.", {("RUSOPP", "RUSGOV", "1411")}),
    # the parser's adjunct infinitive is still what the threat is about
    ("France threatened today to impose restrictions on China.", {("FRA", "CHN", "132")}),
    # the target's prep may hang on the object; a phrase naming only the source is skipped
    ("France provided 70 million dollars of aid for Ukraine.", {("FRA", "UKR", "070")}),
    # a phrase that names only the source is not the target: "over their ties" is China's
    ("China cut ties with them and France.", {("CHN", "FRA", "161")}),
    # a curfew is imposed on the people of the place it is in, even the source's own country
    ("Police imposed a curfew in Russia.", {("RUSCOP", "RUS", "1723")}),
    ("Russia attacked villages in Ukraine.", {("RUS", "UKR", "190")}),
    # "its troops" are the source's own: the target is where they leave
    ("China withdrew its troops from Ukraine.", {("CHN", "UKR", "087")}),
    # violence by no one named is by unidentified armed forces of the place (implied)
    ("A car bomb killed Navalny in Ukraine.", {("UKRUAF", "RUSOPP", "1832")}),
    ("Navalny was killed near Ukraine.", {("UKRUAF", "RUSOPP", "190")}),
    ("Navalny was killed.", set()),  # no place: no source, no event
    ("A storm killed Navalny in Ukraine.", set()),  # a storm is no attacker
    # violence coded by its means
    ("Russia killed Navalny in a bomb attack.", {("RUS", "RUSOPP", "183")}),
    ("A roadside bomb killed Navalny in Ukraine.", {("UKRUAF", "RUSOPP", "1833")}),
    ("Navalny was killed in a car bomb explosion in Ukraine.", {("UKRUAF", "RUSOPP", "1832")}),
    # "were engaged in" is a state: its subject did it
    ("Police were engaged in ethnic cleansing against Ukraine.", {("RUSCOP", "UKR", "202")}),
    # a threat's condition names who is threatened, wherever the parser hangs it
    ("Russia threatened to impose restrictions if Ukraine refuses.", {("RUS", "UKR", "132")}),
    # a threatened local measure is done to the place's people
    ("Russia threatened to impose a curfew in Ukraine.", {("RUS", "UKR", "1323")}),
    # "between X and Y" names the parties of a meeting or a mediation
    ("France hosted talks between Russia and Ukraine.", {("FRA", "RUS", "040"), ("FRA", "UKR", "040")}),
    # whoever travels somewhere for talks holds them
    ("Russia returned to Geneva for talks with Ukraine.", {("RUS", "UKR", "040")}),
    # a protest that names no target is against its own country's government (implied)
    ("Navalny demonstrated on Monday.", {("RUSOPP", "RUSGOV", "141")}),
    ("Navalny demonstrated against China.", {("RUSOPP", "CHN", "141")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_who_did_what_to_whom(nlp, sentence: str, expected: set[tuple[str, str | None, str]]) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    art = Article(id="t", body=sentence, published=date(2020, 1, 2))
    events = CODER.code(doc, art, FakeActors(doc), FakeDater())
    got = {(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo) for e in events}
    assert got == expected


def test_event_carries_offsets_rule_and_entry(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "It rained. Russia attacked Ukraine."
    doc = nlp(text)
    (event,) = CODER.code(doc, Article(id="t", body=text, published=None), FakeActors(doc), FakeDater())
    assert text[event.evidence.start:event.evidence.end] == event.evidence.text == "Russia attacked Ukraine."
    assert text[event.trigger.start:event.trigger.end] == "attacked"
    assert event.source is not None and text[event.source.start:event.source.end] == "Russia"
    assert event.rule.startswith("verb:active")
    assert event.lexicon_entry.startswith("verb:attack")
    assert event.lexicon_version == "test-lex"


MODALITY = [
    ("Russia did not attack Ukraine.", "attack", ("negated",)),
    ("Russia will attack Ukraine.", "attack", ("future",)),
    ("Russia vowed to attack Ukraine.", "attack", ("future",)),
    ("Russia could attack Ukraine.", "attack", ("hypothetical",)),
    ("If Russia attacks Ukraine, the West will respond.", "attack", ("hypothetical",)),
    ("Russia allegedly attacked Ukraine.", "attack", ("attributed",)),
    ("A breach which is attributed to Russian hackers was found.", "breach", ("attributed",)),
    ("Russia attacked Ukraine.", "attack", ()),
    ("Russia refused to attack Ukraine.", "attack", ("negated",)),
]


@pytest.mark.parametrize(("sentence", "lemma", "expected"), MODALITY, ids=[m[0][:40] for m in MODALITY])
def test_modality(nlp, sentence: str, lemma: str, expected: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    tok = next(t for t in doc if t.lemma_.lower() == lemma)
    assert modality_of(tok) == expected


@pytest.mark.parametrize(("enough", "expected"), [(False, set()), (True, {("", "UKR", "190")})])
def test_one_actor_enough_keeps_an_uncoded_source(nlp, enough: bool, expected: set[tuple[str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    text = "Unknown gunmen attacked Ukraine."
    doc = nlp(text)
    coder = RuleCoder(FakeLexicon(), FakeOntology(), reporting_verbs={"say"}, one_actor_enough=enough)
    events = coder.code(doc, Article(id="t", body=text, published=None), FakeActors(doc), FakeDater())
    got = {(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo) for e in events}
    assert got == expected
    for e in events:
        assert e.source is not None and e.source.text == "Unknown gunmen" and e.source.country is None


def test_an_implied_target_has_no_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Navalny demonstrated on Monday."
    doc = nlp(text)
    (event,) = CODER.code(doc, Article(id="t", body=text, published=None), FakeActors(doc), FakeDater())
    assert event.target is not None and event.target.basis == "implied:own-government"
    assert event.target.text == "" and event.target.start == event.target.end == event.trigger.start
    assert "+implied-target" in event.rule


def test_an_attributive_participle_is_not_a_predicate(nlp) -> None:  # type: ignore[no-untyped-def]
    from dyadline.events.predicates import find_predicates

    doc = nlp("Russia rejected the proposed changes.")
    assert doc[3].dep_ == "amod"  # the parse this test is about
    lemmas = [p.token.lemma_ for p in find_predicates(doc[:], FakeLexicon(entries=[*ENTRIES, E("verb", "propose", "020"), E("verb", "reject", "120")]))]
    assert lemmas == ["reject"]
