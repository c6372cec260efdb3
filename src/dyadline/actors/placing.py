"""Where an actor is: the evidence of place that gives a group of people its country, and
places named as actors.

``Placing`` is the part of ``ArticleActors`` (``resolve.py``) that reads it: the place phrase
of a whole the phrase is part of ('Tens of thousands of students throughout Indonesia'), where
the phrase's clause happens ('Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia'),
and what a city or region named in a sentence stands for ('a curfew in Abidjan': its people;
'arrived in Moscow': the place). ``located`` places one reading in a country. Only a place that
resolves to a country counts; officials, troops and visitors, and verbs of travel, meetings and
statements, never place anyone.
"""

from __future__ import annotations

from dataclasses import replace

from dyadline.actors.describe import Reading
from dyadline.actors.records import COUNTRY_LIKE
from dyadline.actors.view import Tok

__all__ = ["CLAUSE_PREPS", "FLEEING_ACLS", "LOCATIVE", "PLACE_PREPS", "PLACING_ACLS", "Placing",
           "located"]

Token = Tok

LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "across", "throughout", "inside",
                      "outside", "around", "within", "towards", "toward", "through", "via"})
PLACE_PREPS = frozenset({"in", "from", "throughout", "across", "inside", "within", "at"})
# Where a clause happens ('demonstrated on Tuesday in Serbia', 'staged rallies across Kenya').
CLAUSE_PREPS = frozenset({"in", "throughout", "across", "inside", "within", "at"})
# Participles that place their noun: 'a group based in Trinidad', 'Palestinians living in Gaza'.
PLACING_ACLS = frozenset({"base", "locate", "live", "reside", "operate", "stay", "hide"})
# Participles of flight: 'refugees fleeing (the war in) Liberia' come from there.
FLEEING_ACLS = frozenset({"flee", "escape"})
# Sectors of people who are where they act: a clause's place gives them a country. Not officials,
# troops, media or firms, who often act abroad ('officials said in Brussels').
RESIDENT_SECTORS = frozenset({"CVL", "EDU", "LAB", "AGR", "REL", "OPP", "REB", "REF", "HLH"})
# Verbs whose place says nothing of where the subject lives: travel, meetings, statements, flight.
AWAY_VERBS = frozenset({"meet", "visit", "arrive", "travel", "fly", "attend", "negotiate", "talk",
                        "sign", "confer", "say", "tell", "announce", "state", "declare", "claim",
                        "report", "seek", "flee", "escape", "take", "return", "go", "come",
                        "move", "head", "land", "reach", "cross", "enter", "speak", "hold"})
# People who are where they act only for a while: a place does not make them its people.
VISITORS = frozenset({"tourist", "pilgrim", "visitor", "passenger", "traveller", "traveler",
                      "delegate", "delegation"})
# Verbs that act on a place itself: a city they take as object stands for its people (CVL).
PLACE_VERBS = frozenset({"shell", "bomb", "bombard", "blockade", "besiege", "encircle",
                         "surround", "storm", "overrun", "capture", "seize", "occupy", "raid",
                         "rocket", "strafe", "shut", "paralyse", "paralyze", "cripple", "evacuate",
                         "rock", "flood"})


class Placing:
    """Place evidence for ``ArticleActors``: needs its ``_readings`` (the phrase at a token)."""

    def _readings(self, i: int, *, conj: bool = True) -> list[tuple[Reading, int, int]]:
        raise NotImplementedError

    def _as_place(self, tok: Token, readings: list[Reading], place_of: bool) -> list[Reading]:
        """A city or region named as a place: the place ('arrived in Moscow' is RUS); as the
        scene of what happens ('a curfew in Abidjan', 'the town of Cizre') or as what an attack
        or blockade acts on ('blockade Paris'), its people (CVL). As a subject a capital stays
        the government ('Moscow said')."""
        where = tok.head.head if place_of else tok  # 'in the town of Cizre': the town
        if where.dep_ == "dobj" and where.head.lemma_.lower() in PLACE_VERBS:
            sector: str | None = "CVL"
        elif where.dep_ == "pobj" and where.head.lower_ in LOCATIVE:
            gov = where.head.head
            sector = None if gov.lemma_.lower() in AWAY_VERBS or where.head.lower_ in (
                "to", "into", "from", "towards", "toward", "via") else "CVL"
        elif place_of:
            sector = "CVL"
        else:
            return readings
        return [replace(r, kind="country", sector=sector, basis="place") for r in readings]

    def _place_country(self, prep: Token, depth: int = 0) -> str | None:
        """The country a place phrase names ('in Serbia', 'in the northern city of Kirkuk');
        with ``depth``, also one named inside it ('in a gunbattle in southeastern Serbia')."""
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        found = self._readings(pobj.i, conj=False)
        if found:
            rp = found[0][0]
            ok = rp.kind == "country" and rp.country and rp.country not in COUNTRY_LIKE
            return rp.country if ok else None
        if depth:
            return next((c for p in pobj.children if p.dep_ == "prep" and p.lower_ == "in"
                         if (c := self._place_country(p, depth - 1))), None)
        return None

    def _anchor_context(self, anchor: Token, readings: list[Reading]) -> list[Reading]:
        """The part of a partitive takes the whole's place ('thousands of students throughout
        Indonesia') and is people ('Thousands of Nigerians from throughout the country')."""
        readings = [replace(r, kind="group", sector="CVL", basis="country-nationals")
                    if r.kind == "country" and r.plural and r.basis == "country-national" else r
                    for r in readings]
        if all(r.country for r in readings):
            return readings
        for prep in anchor.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS and prep.lower_ != "from":
                c = self._place_country(prep)
                if c:
                    return [located(r, c) if r.country is None else r for r in readings]
        return readings

    def _clause_place(self, tok: Token, subj: Token, readings: list[Reading]) -> list[Reading]:
        """A people or a group of residents with no country, subject or object of a clause that
        happens in one place: 'Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia',
        'students ... staged demonstrations in Jakarta', 'killed three ethnic Albanians in a
        gunbattle in southeastern Serbia'. Travel, meetings and statements do not count."""
        wanted = [r.kind == "group" and r.country is None and not r.needs_focus and (
                  r.sector in RESIDENT_SECTORS or r.basis == "ethnic-group") for r in readings]
        if not any(wanted) or subj.dep_ not in ("nsubj", "nsubjpass", "dobj") or \
                tok.lemma_.lower() in VISITORS or any(c.lower_ in ("foreign", "visiting")
                                                      for c in tok.lefts):
            return readings
        verb = subj.head
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in AWAY_VERBS:
            return readings
        carriers = [verb]
        if subj.dep_ != "dobj":  # 'students staged demonstrations in Jakarta'
            carriers += [c for c in verb.children if c.dep_ == "dobj"]
        for carrier in carriers:
            for prep in carrier.children:
                if prep.dep_ == "prep" and prep.lower_ in CLAUSE_PREPS:
                    c = self._place_country(prep, depth=1)
                    if c:
                        return [located(r, c) if w else r
                                for r, w in zip(readings, wanted, strict=True)]
        return readings


def located(r: Reading, country: str) -> Reading:
    """A group 'in' / 'from' a country: 'rebels in the Ivory Coast'; 'Albanians in Serbia' and
    'Palestinians living in Gaza' are people living there; a people placed by the text is
    there, whatever its homeland ('Chechens in Georgia')."""
    if r.person_id or not country:
        return r
    if r.kind == "country" and r.plural and r.basis == "country-national":
        return replace(r, kind="group", country=country, sector="CVL", basis="nationals-in")
    if r.kind == "group" and r.basis.startswith("group:") and r.text_country is None:
        return replace(r, country=country, needs_focus=False, text_country=country)
    if r.kind in ("person", "group"):
        return replace(r, country=r.country or country, needs_focus=False)
    return r
