"""The wiring of the stages: articles -> nlp -> actors -> events -> dates/places -> CodedArticle.

``Pipeline`` loads every resource once (spaCy model, actor knowledge base, lexicon, ontology) and
codes articles in batches through ``nlp.pipe``. It never writes anywhere: storing is the store's
job (``dyadline.store``), so the same pipeline serves ``dyadline code``, ``dyadline ingest``, the
evaluation, and the Dask workers of ``dyadline.batch``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyadline.model import NON_STATE, Article, CodedArticle, DateSpan, Flag, Place, Timex
from dyadline.settings import Settings, load_settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from dyadline.actors import KnowledgeBase
    from dyadline.events.coder import ActorLookup, RuleCoder

__all__ = ["Pipeline", "code_articles"]



@dataclass(frozen=True, slots=True)
class Versions:
    coder: str
    lexicon: str
    actors: str
    model: str


class Pipeline:
    """Code articles into events. Resources load on first use, once per pipeline."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()

    # -- resources (loaded lazily: building a Pipeline does no work) ------------------------
    @functools.cached_property
    def nlp(self) -> Language:
        from dyadline.nlp import load_nlp

        nlp = load_nlp(self.settings.model)
        # the readers quarantine articles over max_chars; anything shorter must parse
        nlp.max_length = max(nlp.max_length, self.settings.max_chars + 1)
        return nlp

    @functools.cached_property
    def kb(self) -> KnowledgeBase:
        from dyadline.actors import load_kb

        return load_kb(self.settings)

    @functools.cached_property
    def coder(self) -> RuleCoder:
        from dyadline.events.coder import RuleCoder
        from dyadline.events.lexicon import load_lexicon
        from dyadline.events.ontology import load_ontology

        lexicon = load_lexicon(self.settings.lexicon_file or None)
        return RuleCoder(
            lexicon,
            load_ontology(),
            reporting_verbs=lexicon.reporting_verbs,
            modality_cues=lexicon.modality_cues,
            actors_version=self.kb.version,
            min_confidence=self.settings.min_confidence,
            one_actor_enough=self.settings.one_actor_enough,
        )

    @property
    def versions(self) -> Versions:
        from dyadline.nlp import model_version

        return Versions(self.coder.version, self.coder.lexicon.version, self.kb.version,
                        model_version(self.settings.model))

    # -- coding -----------------------------------------------------------------------------
    def code_doc(self, doc: Doc, article: Article) -> CodedArticle:
        """Code one parsed article (``doc`` is the parse of ``article.body``)."""
        from dyadline.actors import ArticleActors
        from dyadline.dates import EventDater, find_timexes
        from dyadline.places import event_place, gazetteer_for

        flags: list[Flag] = []
        if article.published is None:
            flags.append(Flag("no_publication_date",
                              "the article has no publication date: event dates are left open; "
                              "give one with --date or a 'date' field"))
        timexes = find_timexes(article.body, article.published, day_first=self.settings.day_first)
        actors = ArticleActors(doc, article.published, self.kb)

        def term_of(timex: Timex, _doc: Doc, _i: int) -> DateSpan | None:
            return self._term_of(timex, doc, actors, article)

        dater = EventDater(doc, timexes, article.published, term_of=term_of)
        mentions = actors.mentions
        context = {a.country for a in mentions if a.country and a.country not in NON_STATE}

        gazetteer = gazetteer_for(self.settings)

        def placer(i: int) -> Place | None:
            return event_place(doc, i, context_countries=context, gazetteer=gazetteer)

        events = self.coder.code(doc, article, actors, dater, placer)
        return CodedArticle(
            article=article,
            events=tuple(events),
            flags=tuple(flags) + tuple(actors.flags),
            mentions=tuple(mentions),
            timexes=tuple(timexes),
            sentences=tuple((s.start_char, s.end_char) for s in doc.sents),
        )

    def _term_of(self, timex: Timex, doc: Doc, actors: ActorLookup, article: Article) -> DateSpan | None:
        """"during his term", "when she was secretary of state": the term of the person the
        expression names or refers to, current at publication or the latest before it."""
        if article.published is None:
            return None
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            return None
        resolve = actors.resolve
        role = _role_named(timex.text)
        for tok in span:
            if tok.tag_ in {"PRP$", "PRP"} or tok.pos_ == "PROPN":
                for actor in resolve(tok.i):
                    if actor.name:
                        for person in self.kb.people(actor.name):
                            term = self.kb.recent_term(person.person_id, article.published, role)
                            if term is not None:
                                return term
        return None

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code articles in batches through ``nlp.pipe``; one CodedArticle per article, in order.

        An article the coder fails on comes back with ``error`` set; the rest go on."""
        pairs = ((a.body, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True,
                                           batch_size=self.settings.batch_size,
                                           n_process=self.settings.n_process):
            try:
                yield self.code_doc(doc, article)
            except Exception as exc:  # one bad article must not stop the batch
                yield CodedArticle(article=article,
                                   error=f"[E420] coding failed ({exc.__class__.__name__}: {exc}): "
                                         "please report this article")


# Titles in a role-tied expression ("when he was foreign minister") and the role they name;
# the first match wins, so longer titles come first.
_ROLE_TITLES = (
    ("vice president", "vice_president"), ("vice-president", "vice_president"),
    ("prime minister", "head_of_government"), ("premier", "head_of_government"),
    ("chancellor", "head_of_government"), ("foreign minister", "foreign_minister"),
    ("foreign secretary", "foreign_minister"), ("secretary of state", "foreign_minister"),
    ("defence minister", "defence_minister"), ("defense minister", "defence_minister"),
    ("defense secretary", "defence_minister"), ("defence secretary", "defence_minister"),
    ("spokesman", "spokesperson"), ("spokeswoman", "spokesperson"),
    ("press secretary", "spokesperson"), ("president", "head_of_state"),
)


def _role_named(text: str) -> str | None:
    low = text.lower()
    return next((role for title, role in _ROLE_TITLES if title in low), None)



def code_articles(articles: Iterable[Article], settings: Settings | None = None) -> Iterator[CodedArticle]:
    """Code articles with a fresh pipeline (convenience for the Python API)."""
    return Pipeline(settings).code_articles(articles)
