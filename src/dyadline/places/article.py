"""What is read once per parsed article for placing its events: the dateline ("MOSCOW
(Reuters) -"), where the first sentence ends, and the place names it mentions, which are the
evidence for choosing between readings of an ambiguous name (docs/places.md)."""

from __future__ import annotations

import itertools
import re
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyadline.places.gazetteer import Gazetteer, PlaceCandidate
from dyadline.places.names import key
from dyadline.places.resolve import Evidence, resolve_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["PLACE_LABELS", "Article", "Dateline", "article", "article_evidence", "find_dateline",
           "trim"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SUBNATIONAL_WORDS = frozenset({"governor", "gubernatorial", "county", "counties", "statehouse",
                               "legislature", "lieutenant"})
SUBNATIONAL_PAIRS = frozenset({("senate", "race"), ("senate", "seat"), ("state", "senate"),
                               ("state", "senator"), ("state", "house"), ("state", "legislature"),
                               ("state", "capitol"), ("house", "race")})
DATELINE_TOKENS = 40  # a dateline lies within the first tokens of the body
_DATELINE = re.compile(
    r"""\A\s*
    (?P<place>[A-Z][A-Za-z.'’\- ]{1,40}?)(?:/[A-Z][A-Za-z.'’\- ]{1,40}?)*   # MOSCOW, NEW YORK
    (?:\s*,\s*(?P<qualifier>[A-Z][A-Za-z.'’\- ]{1,30}?))?                  # , Ukraine
    (?:\s*,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?))?  # , Dec 5
    \s*(?:\((?P<agency>[A-Za-z][A-Za-z .&\-]{1,30})\))?                    # (Reuters)
    \s*[-–—]{1,2}\s""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place a report was filed from: "MOSCOW (Reuters) -"."""

    text: str
    start: int
    end: int
    qualifier: str | None
    body_start: int  # where the article's own text begins, after the dash


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the very start of an article body, if it has one."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    place = match.group("place").strip()
    if match.group("agency") is None and not (place.isupper() and len(place) >= 3):
        return None  # without "(Agency)", only an all-capitals place counts ("WASHINGTON -")
    start = match.start("place")
    return Dateline(text=place, start=start, end=start + len(place),
                    qualifier=(match.group("qualifier") or "").strip() or None,
                    body_start=match.end())


def trim(span: Span) -> Span:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "'s", "’s"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in ("'s", "’s")
                           or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


class Article:
    """What is read once per parsed article, for all its events: the dateline, where the first
    sentence ends, and (on first need) the place names."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.dateline = find_dateline(doc[:DATELINE_TOKENS].text)
        self.first_sentence_end = 0
        if self.dateline is not None:
            after = next((t for t in doc if t.idx >= self.dateline.body_start), None)
            self.first_sentence_end = after.sent.end if after is not None else 0
        self._mentions: list[_Mention] | None = None

    def evidence(self, name: str, sentence: Span | None) -> Evidence:
        """The evidence for a reading of ``name`` (a lookup key) said in ``sentence``."""
        if self._mentions is None:
            self._mentions = _mentions(self.doc, self.gazetteer, self.dateline)
        return _evidence(self._mentions, name, sentence)


# Articles already read, by their Doc; an entry goes when its Doc does.
_ARTICLES: weakref.WeakKeyDictionary[Doc, Article] = weakref.WeakKeyDictionary()


def article(doc: Doc, gazetteer: Gazetteer) -> Article:
    """The Article for ``doc``, read once and kept while ``doc`` lives."""
    found = _ARTICLES.get(doc)
    if found is None or found.gazetteer is not gazetteer:
        found = _ARTICLES[doc] = Article(doc, gazetteer)
    return found


@dataclass(frozen=True, slots=True)
class _Mention:
    """A place name in the article: its key, its reading on its own, and the reading its
    qualifier fixes ("Paris, Texas"), if it has one."""

    name: str
    alone: PlaceCandidate | None
    qualified: PlaceCandidate | None


def _mentions(doc: Doc, gazetteer: Gazetteer, dateline: Dateline | None) -> list[_Mention]:
    found: list[_Mention] = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        span = trim(ent)
        if len(span) == 0:
            continue
        following = doc[span.end:span.end + 2]
        qualified = None
        if len(following) == 2 and following[0].text == "," \
                and following[1].ent_type_ in PLACE_LABELS:
            qualified = resolve_text(gazetteer, span.text, qualifier=following[1].text)
        found.append(_Mention(key(span.text), resolve_text(gazetteer, span.text), qualified))
    if dateline is not None:
        reading = resolve_text(gazetteer, dateline.text, qualifier=dateline.qualifier,
                               features=("city",))
        found.append(_Mention(key(dateline.text), None if dateline.qualifier else reading,
                              reading if dateline.qualifier else None))
    return found


def _evidence(mentions: list[_Mention], name: str, sentence: Span | None) -> Evidence:
    places = [m.qualified or m.alone for m in mentions if m.name != name]
    return Evidence(
        places=tuple(p for p in places if p is not None),
        qualified=tuple(m.qualified for m in mentions if m.name == name and m.qualified),
        subnational=_speaks_subnational(sentence))


def article_evidence(doc: Doc, gazetteer: Gazetteer, *, exclude: str = "",
                     sentence: Span | None = None) -> Evidence:
    """What ``doc`` says about where it is, for choosing a reading of the name ``exclude``
    (a lookup key): its other place names each read on their own (and its dateline), readings
    of ``exclude`` that a qualifier fixes elsewhere ("Paris, Texas"), and whether ``sentence``
    speaks of a governor, a county or a Senate race."""
    dateline = find_dateline(doc[:DATELINE_TOKENS].text)
    return _evidence(_mentions(doc, gazetteer, dateline), key(exclude), sentence)


def _speaks_subnational(sentence: Span | None) -> bool:
    if sentence is None:
        return False
    words = [t.lower_ for t in sentence]
    if SUBNATIONAL_WORDS.intersection(words):
        return True
    return any(pair in SUBNATIONAL_PAIRS for pair in itertools.pairwise(words))
