"""Pick one reading of a place name: qualifier, then context, then prominence.

The rule, in order (docs/places.md has examples):

1. **Qualifier.** "Paris, Texas", "Birmingham, Alabama", "Washington, D.C.": only readings
   inside the qualifier's place. "Washington state", "Idlib province": only readings of that
   kind. A qualifier that is a place but holds no reading of the name gives the qualifier's
   place itself (coarser, but true).
2. **Context countries** (the caller's): readings in those countries.
3. **The article** (``Evidence``): the same name qualified elsewhere in it; then the readings
   whose country holds the most of the other places it names, or failing that borders them
   (Atlanta makes Georgia the state, Tbilisi or Russia the country); words like "governor" or
   "Senate race" in the sentence favour a state or province.
4. **Prominence**: the population, national capitals counted five times, a city named through
   one of its GeoNames alternate names (foreign or former: "Kiev", "Odessa") a fifth; such an
   alternate name is not used at all when the name is also one of our own places, a country or
   a continent ("White House" is not Casablanca). Within one country a city beats a state or
   province of the same name (New York, Washington) unless the area is more than ten times as
   prominent (Quebec).

Steps 2 and 3 may only promote a reading at least 1/30 as prominent as the most prominent one
(1/5 when the only link is a bordering country): a story about Texas that names Paris still
means Paris, France; with Lebanon in context, Tripoli is the Lebanese city. Demonyms and
country adjectives ("Russian") are not places.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from dyadline.model import Place
from dyadline.places.gazetteer import Gazetteer, PlaceCandidate, load_gazetteer
from dyadline.places.names import key, split_feature_word, strip_direction

__all__ = ["COMPARABLE", "Evidence", "choose", "resolve_place", "resolve_text"]

COMPARABLE = 30  # context may promote readings down to 1/COMPARABLE of the top prominence
NEIGHBOUR_COMPARABLE = 5  # a bordering country's mention promotes only near equals
CITY_OVER_AREA = 10  # a city beats a same-named area in its country up to this ratio


@dataclass(frozen=True, slots=True)
class Evidence:
    """What an article says about where it is, for choosing between readings."""

    places: tuple[PlaceCandidate, ...] = ()  # other places it names, each read on its own
    qualified: tuple[PlaceCandidate, ...] = ()  # readings of this name fixed by a qualifier
    subnational: bool = False  # the sentence speaks of a governor, a Senate race, a county ...


def _inside(candidate: PlaceCandidate, area: PlaceCandidate) -> bool:
    if area.country is None or candidate.country != area.country or candidate is area:
        return False
    if area.feature == "country":
        return True
    if area.admin1 is not None:
        return candidate.admin1 == area.admin1 and candidate.feature not in ("admin1", "country")
    return candidate.feature not in ("admin1", "country", "region")


def _comparable(pool: Sequence[PlaceCandidate]) -> list[PlaceCandidate]:
    top = max(c.prominence for c in pool)
    return [c for c in pool if c.prominence * COMPARABLE >= top]


def _link(candidate: PlaceCandidate, others: Sequence[PlaceCandidate],
          neighbours: Collection[str]) -> tuple[int, int]:
    """(other places in the candidate's country, other places in a bordering country)."""
    same_country = bordering = 0
    for other in others:
        if other.country is None:
            continue
        if other.country == candidate.country:
            same_country += 1
        elif other.country in neighbours:
            bordering += 1
    return same_country, bordering


def _narrow(pool: list[PlaceCandidate], keep: list[PlaceCandidate]) -> list[PlaceCandidate]:
    return keep if keep else pool


def choose(candidates: Sequence[PlaceCandidate], gazetteer: Gazetteer, *,
           features: Collection[str] = (), within: Sequence[PlaceCandidate] = (),
           context_countries: Collection[str] = (),
           evidence: Evidence | None = None) -> PlaceCandidate | None:
    """The reading to use among ``candidates``, by the rule in the module docstring.

    ``features`` restricts the kind of place ("Washington state"); ``within`` holds the readings
    of a qualifier ("Texas" in "Paris, Texas"): None is returned when no candidate lies inside."""
    pool = list(candidates)
    if not pool:
        return None
    if features:
        pool = _narrow(pool, [c for c in pool if c.feature in features])
    if within:
        pool = [c for c in pool if any(_inside(c, area) for area in within)]
        if not pool:
            return None
    if any(not c.alias and c.feature != "city" for c in pool):
        pool = [c for c in pool if not c.alias]  # "White House" is not Casablanca
    comparable = _comparable(pool)
    if context_countries:
        pool = _narrow(pool, [c for c in comparable if c.country in context_countries])
    if evidence is not None:
        fixed = {(c.name, c.country, c.admin1, c.feature) for c in evidence.qualified}
        pool = _narrow(pool, [c for c in pool if (c.name, c.country, c.admin1, c.feature) in fixed])
        if evidence.places and len(pool) > 1:
            top = max(c.prominence for c in pool)
            scored = [(_link(c, evidence.places, gazetteer.neighbours(c.country or "")), c)
                      for c in _comparable(pool)]
            best = max(score for score, _ in scored)
            if best[0]:
                pool = [c for score, c in scored if score == best]
            elif best[1]:  # only a bordering country: weaker, so only between near equals
                near = [c for score, c in scored
                        if score == best and c.prominence * NEIGHBOUR_COMPARABLE >= top]
                pool = _narrow(pool, near)
        if evidence.subnational:
            pool = _narrow(pool, [c for c in pool if c.feature == "admin1"])
    best_reading = max(pool, key=lambda c: c.prominence)
    if best_reading.feature == "admin1":
        cities = [c for c in pool if c.feature == "city" and c.country == best_reading.country
                  and c.prominence * CITY_OVER_AREA > best_reading.prominence]
        if cities:
            return max(cities, key=lambda c: c.prominence)
    return best_reading


def _clean(text: str) -> str:
    text = text.strip().strip(".,;:!?\"“”()[]").strip()
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.rstrip("'’").strip()


def _spellings(name: str) -> list[tuple[str, tuple[str, ...]]]:
    """(name, features) to try in order: as written, without a trailing feature word
    ("Idlib province"), without a leading direction ("northern Syria"), both."""
    tries: list[tuple[str, tuple[str, ...]]] = [(name, ())]
    split = split_feature_word(name)
    if split:
        tries.append(split)
    bare = strip_direction(name)
    if bare:
        tries.append((bare, ()))
        split = split_feature_word(bare)
        if split:
            tries.append(split)
    return tries


def resolve_text(gazetteer: Gazetteer, text: str, *, context_countries: Collection[str] = (),
                 qualifier: str | None = None, features: Collection[str] = (),
                 evidence: Evidence | None = None) -> PlaceCandidate | None:
    """The reading of a place name as written, with its qualifier; None when unknown.
    ``features`` prefers readings of those kinds (a dateline names a city)."""
    name = _clean(text)
    if not key(name):
        return None
    if qualifier is None and "," in name and not gazetteer.lookup(name):
        head, _, tail = name.rpartition(",")
        name, qualifier = _clean(head), _clean(tail)
    within = gazetteer.lookup(qualifier) if qualifier else []
    for spelling, kinds in _spellings(name):
        candidates = gazetteer.lookup(spelling)
        if candidates:
            found = choose(candidates, gazetteer, features=kinds or features, within=within,
                           context_countries=context_countries, evidence=evidence)
            if found is not None:
                return found
            break  # the name is known, but not inside its qualifier: fall back to the qualifier
    else:
        if qualifier is None:
            return _trailing_qualifier(gazetteer, name, context_countries, evidence)
    if within:
        return choose(within, gazetteer, context_countries=context_countries)
    return None


def _trailing_qualifier(gazetteer: Gazetteer, name: str, context_countries: Collection[str],
                        evidence: Evidence | None) -> PlaceCandidate | None:
    """ "Washington DC", "Kirkuk Iraq": a qualifier written without its comma."""
    words = name.split()
    for n in (1, 2):
        if len(words) <= n:
            break
        head, tail = " ".join(words[:-n]), " ".join(words[-n:])
        within = [c for c in gazetteer.lookup(tail) if c.feature in ("country", "admin1")]
        candidates = gazetteer.lookup(head) if within else []
        if candidates:
            found = choose(candidates, gazetteer, within=within,
                           context_countries=context_countries, evidence=evidence)
            if found is not None:
                return found
    return None


def resolve_place(text: str, *, context_countries: Collection[str] = (),
                  qualifier: str | None = None, gazetteer: Gazetteer | None = None) -> Place | None:
    """The place a name stands for, or None when the gazetteer does not know it.

    ``text`` may carry its own qualifier ("Paris, Texas") or feature word ("Washington state");
    ``context_countries`` (ISO alpha-3) are countries the text is known to be about. The
    Place's ``text`` is ``text`` and its offsets are 0 and ``len(text)``."""
    found = resolve_text(gazetteer or load_gazetteer(), text,
                         context_countries=context_countries, qualifier=qualifier)
    return found.to_place(text, 0, len(text)) if found is not None else None
