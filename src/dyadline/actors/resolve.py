"""Actor resolution inside one article: ``ArticleActors(doc, published, kb)``.

``resolve(i)`` reads the noun phrase headed at token ``i`` (its own words through
``describe.read_phrase``), then what the parse hangs on it: coordinated phrases ('Russia and the
US'), of-phrases ('officials of the US', 'president of Armenia', 'a number of leaders'), place
phrases ('rebels in the Ivory Coast', 'students throughout Indonesia', 'guerrillas operating in
Macedonia'), where the clause of a group with no country happens ('ethnic Albanians demonstrated
in Serbia'), appositions ('the director-general of RUSI, Karin von Hippel'), and, for pronouns
and bare titles, the article so far ('he', 'the President-elect').
The whole article is read once, in order, the first time anything is asked.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from dyadline.actors.describe import Reading, read_phrase, segment
from dyadline.actors.placing import (
    CLAUSE_PREPS,
    FLEEING_ACLS,
    PLACE_PREPS,
    PLACING_ACLS,
    Placing,
    located,
)
from dyadline.actors.records import COUNTRY_LIKE, surname_of
from dyadline.actors.text import key
from dyadline.actors.view import Tok, View
from dyadline.model import Actor, Flag

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dyadline.actors.kb import KnowledgeBase

Token = Tok

__all__ = ["ArticleActors"]

LEFT_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss", "case", "nummod", "quantmod",
                       "punct", "predet", "npadvmod", "advmod", "flat", "cc", "conj", "nn"})
SKIP_SCAN = frozenset({"compound", "flat", "amod", "nn"})
TIME_ENTS = frozenset({"DATE", "TIME"})  # heads that are dates are no actors
CALENDAR = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "day", "eve", "week", "year", "month", "quarter"})
COUNTING_DEPS = frozenset({"nummod", "quantmod", "npadvmod"})  # a number counting a noun
# Sectors of a state's own organs: their heads are the country's office holders.
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})
ORG_PREPS = frozenset({"at", "with", "for"})
PARTITIVE = frozenset({"number", "group", "thousand", "hundred", "dozen", "score", "million",
                       "some", "many", "most", "all", "few", "several", "majority", "handful",
                       "couple", "part", "bunch", "team", "member", "one", "each", "none",
                       "any", "both", "rest", "tens", "hundreds", "thousands", "dozens"})
PLACE_NOUNS = frozenset({"town", "city", "village", "region", "province", "district", "capital",
                         "state", "area", "port", "enclave", "county", "suburb", "camp"})
SHORT_ORG_REFS = frozenset({"group", "organisation", "organization", "movement", "alliance",
                            "bloc", "agency", "body", "militia"})
PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "they": "pl", "them": "pl", "their": "pl", "theirs": "pl", "themselves": "pl",
    "it": "it", "its": "it", "itself": "it",
}
_WINDOW = 3  # sentences a pronoun looks back


@dataclass(slots=True)
class _Mention:
    i: int
    sent: int
    weight: int
    reading: Reading
    start: int
    end: int
    head: int  # the verb (or noun) the phrase depends on


def _weight(tok: Token) -> int:
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return 3
    if tok.dep_ in ("poss", "dobj", "agent") or (
            tok.dep_ == "pobj" and tok.head.lower_ in ("of", "by")):
        return 2
    return 1


def _clause_verb(tok: Token) -> int:
    t = tok
    while t.dep_ in ("pobj", "prep", "poss", "conj", "appos") and t.head.i != t.i:
        t = t.head
    return t.head.i


class ArticleActors(Placing):
    """The actors of one article (a spaCy Doc of its body) as of its publication date."""

    view: View  # the parse, read once by _scan before anything else

    def __init__(self, doc: Doc, published: date | None, kb: KnowledgeBase) -> None:
        self.doc = doc
        self.text = ""
        self.day = published
        self.kb = kb
        self._cache: dict[int, list[tuple[Reading, int, int]]] = {}
        self._records: list[_Mention] = []
        self._names: dict[str, Reading] = {}
        self._flags: dict[int, Flag] = {}
        self._scanned = False

    # -- public --------------------------------------------------------------------------
    def resolve(self, token_i: int) -> list[Actor]:
        """The actor(s) the phrase headed at ``token_i`` denotes; [] if none can be coded."""
        self._scan()
        return [self._actor(r, s, e) for r, s, e in self._readings(token_i)]

    @property
    def mentions(self) -> list[Actor]:
        """Every actor mention in the article, in order (coded or named ones)."""
        self._scan()
        return [self._actor(m.reading, m.start, m.end) for m in self._records
                if m.reading.kind != "none" and (m.reading.code or m.reading.name)]

    @property
    def flags(self) -> list[Flag]:
        """Contradictions between the text and the knowledge base."""
        self._scan()
        return [self._flags[k] for k in sorted(self._flags)]

    # -- context used by describe.read_phrase --------------------------------------------
    def earlier_person(self, name_key: str) -> Reading | None:
        return self._names.get(name_key)

    # -- scanning ------------------------------------------------------------------------
    def _scan(self) -> None:
        if self._scanned:
            return
        self._scanned = True
        v = View(self.doc)
        self.view = v
        self.text = v.string()
        scan_pos = ("NOUN", "PROPN", "PRON", "NUM")
        for i in range(len(v)):
            if v.pos[i] not in scan_pos or v.dep[i] in SKIP_SCAN:
                continue
            if v.pos[i] == "PRON" and v.text[i].lower() not in PRONOUNS:
                continue
            if v.pos[i] == "NUM" and v.dep[i] in COUNTING_DEPS:
                continue  # '33' of '33-year-old', 'five' of 'five men': the noun is read
            if v.ent[i] in TIME_ENTS and v.pos[i] != "PRON" and _is_calendar_word(v.text[i]) \
                    and key(v.text[i]) not in self._names:
                continue  # 'Jan.', 'Wednesday', 'last year'; but 'May' after 'Theresa May'
            if i >= 2 and v.text[i - 1] == "-" and not v.ws[i - 1] and not v.ws[i - 2] \
                    and v.head[i] == i - 2:
                continue  # the second half of 'director-general'
            t = v[i]
            found = self._readings(t.i, conj=False)
            for r, s, e in found:
                self._remember(t, self._enrich(r), s, e)
            if not found and t.pos_ == "NOUN" and t.dep_ in ("nsubj", "nsubjpass", "dobj"):
                self._records.append(_Mention(t.i, self.view.sent[t.i], _weight(t),
                                              Reading("none"), t.idx, t.idx + len(t), -1))

    def _enrich(self, r: Reading) -> Reading:
        """A name read before the phrase that introduced it was (an apposition read first)."""
        if r.kind == "person" and r.name and not r.code and not r.person_id:
            known = self._names.get(key(r.name))
            if known is not None and known.code:
                return replace(known, basis="coref-name")
        return r

    def _remember(self, tok: Token, r: Reading, start: int, end: int) -> None:
        self._records.append(_Mention(tok.i, self.view.sent[tok.i], _weight(tok), r, start,
                                      end, _clause_verb(tok)))
        if r.kind == "person" and r.name and not r.basis.startswith("pronoun"):
            forms = {key(r.name), key(surname_of(r.name))}
            p = self.kb.person(r.person_id) if r.person_id else None
            if p:
                forms |= {key(a) for a in p.aliases} | {key(surname_of(a)) for a in p.aliases}
            for f in forms:
                self._names.setdefault(f, r)
        if r.contradiction and tok.i not in self._flags:
            kb_r, text_r = r.contradiction
            text = self.text[start:end]
            self._flags[tok.i] = Flag(
                "contradiction",
                f"'{text}' ties {r.name or 'this actor'} to {text_r.split()[0]}, but the "
                f"knowledge base reads {kb_r.split()[0]}: coded as the knowledge base says",
                mention=text, start=start, end=end, readings=(kb_r, text_r))

    def _actor(self, r: Reading, start: int, end: int) -> Actor:
        return Actor(code=r.code, country=r.country, sector=r.sector, name=r.name,
                     text=self.text[start:end], start=start, end=end, basis=r.basis,
                     org=r.org)

    # -- one phrase ----------------------------------------------------------------------
    def _readings(self, i: int, *, conj: bool = True) -> list[tuple[Reading, int, int]]:
        """The phrase at ``i``; with ``conj`` also the phrases coordinated with it."""
        out = list(self._base(i))
        tok = self.view[i]
        if conj and tok.pos_ != "PRON":
            for c in tok.children:
                if c.dep_ == "conj" and c.i > tok.i:
                    out += self._readings(c.i, conj=True)
        return out

    def _base(self, i: int) -> list[tuple[Reading, int, int]]:
        if i in self._cache:
            return self._cache[i]
        self._cache[i] = []  # guards against cycles in odd parses
        tok = self.view[i]
        if tok.dep_ in ("compound", "flat") and tok.pos_ == "PROPN" and tok.head.pos_ == "PROPN" \
                and tok.head.i > tok.i:
            out = self._base(tok.head.i)
        elif tok.pos_ == "PRON" or tok.lower_ in PRONOUNS:
            out = self._pronoun(tok)
        else:
            out = self._phrase(tok)
        self._cache[i] = out
        return out

    def _words(self, tok: Token) -> tuple[list[Token], frozenset[int], list[Token]]:
        """The phrase's tokens (left modifiers, head, hyphenated parts) and the possessor's."""
        v, i = tok.view, tok.i
        toks: set[int] = {i}
        poss: set[int] = set()
        for c in v.children[i]:
            if c < i and v.dep[c] in LEFT_DEPS:
                sub = [k for k in v[c].descendant_ids() if k < i]
                toks.update(sub)
                if v.dep[c] == "poss":
                    poss.update(sub)
        ext = [tok]
        j = i
        while j + 2 < v.n and v.ws[j] == "" and v.text[j + 1] == "-" and v.ws[j + 1] == "":
            toks.update((j + 1, j + 2))
            ext.append(v[j + 2])
            j += 2
        lo = min(toks)
        span = [k for k in range(lo, max(toks) + 1) if k in toks or
                (lo < k < i and v.dep[k] in ("punct", "cc"))]
        # keep the phrase contiguous: drop a left part cut off by a clause in between
        while len(span) > 1 and span[1] - span[0] > 1:
            span = span[1:]
        return [v[k] for k in span], frozenset(poss), ext

    def _name_extension(self, tok: Token, toks: list[Token]) -> tuple[list[Token], int]:
        """'Liberation Tigers' + 'of Tamil Eelam': a known name that runs through an of-phrase.
        Returns the longer token list and the prep's index (-1 when there is none)."""
        for prep in tok.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "for") or prep.i != tok.i + 1:
                continue
            sub = list(prep.subtree)
            if sub[-1].i - prep.i + 1 != len(sub) or not any(t.text[:1].isupper() for t in sub):
                continue
            for first in range(len(toks)):  # 'the United States Department of Justice'
                if not toks[first].text[:1].isupper():
                    continue
                text = "".join(t.text + t.whitespace_ for t in toks[first:] + sub).strip()
                if any(h.kind in ("org", "country", "person") for h in self.kb.names(key(text))):
                    return toks + sub, prep.i
            # a title that runs through an of-phrase: 'Secretary of State', 'head of state'
            for n in range(len(toks)):
                words = toks[n:] + sub
                if self.kb.terms(key("".join(t.text + t.whitespace_ for t in words[:-1])
                                     + words[-1].lemma_)):
                    return toks + sub, prep.i
        return self._surface_name(tok, toks), -1

    def _surface_name(self, tok: Token, toks: list[Token]) -> list[Token]:
        """A known organisation's long name that the parser cut ('National Union' + 'for the
        Total Independence of Angola' hung on another word): read on the surface, longest
        first, within the sentence."""
        v = self.view
        nxt = tok.i + 1
        if nxt >= len(v) or v.text[nxt].lower() not in ("of", "for") or \
                not tok.text[:1].isupper() or nxt in v.children[tok.i]:
            return toks
        first = next((t for t in toks if t.text[:1].isupper()), None)
        if first is None:
            return toks
        stem = "".join(t.text + t.whitespace_ for t in toks[toks.index(first):])
        sent = self.view.sent[tok.i]
        last = min(len(v), nxt + self.kb.max_words)
        while last > nxt and v.sent[last - 1] != sent:
            last -= 1
        for end in range(last, nxt + 1, -1):
            tail = [v[k] for k in range(nxt, end)]
            if not tail[-1].text[:1].isupper():
                continue
            text = stem + "".join(t.text + t.whitespace_ for t in tail[:-1]) + tail[-1].text
            if any(h.kind == "org" for h in self.kb.names(key(text))):
                return toks + tail
        return toks

    def _glued(self, tok: Token) -> list[Token] | None:
        """'SPLM/A' split by the tokenizer into 'SPLM', '/', 'A': the whole, when it is a known
        name."""
        v = self.view
        lo = hi = tok.i
        while lo >= 2 and v[lo - 1].text == "/" and not v[lo - 1].whitespace_ \
                and not v[lo - 2].whitespace_:
            lo -= 2
        while hi + 2 < len(v) and v[hi + 1].text == "/" and not v[hi].whitespace_ \
                and not v[hi + 1].whitespace_:
            hi += 2
        if lo == hi:
            return None
        run = [v[k] for k in range(lo, hi + 1)]
        text = "".join(t.text + t.whitespace_ for t in run).strip()
        if any(h.kind in ("org", "country", "person") for h in self.kb.names(key(text))):
            return run
        return None

    def _worth_reading(self, tok: Token) -> bool:
        """False for a common noun with nothing that could make it an actor ('the week')."""
        v, i, terms = tok.view, tok.i, self.kb.terms
        if v.text[i][:1].isupper() or v.pos[i] == "NUM" or v.lemma[i].lower() in PARTITIVE:
            return True
        if terms(key(v.lemma[i])):
            return True
        if not v.ws[i] and i + 1 < v.n and v.text[i + 1] == "-":
            return True
        return any(v.text[k][:1].isupper() or terms(key(v.lemma[k]))
                   for c in v.children[i] if c < i and v.dep[c] in LEFT_DEPS
                   for k in v[c].descendant_ids())

    def _phrase(self, tok: Token) -> list[tuple[Reading, int, int]]:
        if not self._worth_reading(tok):
            return []
        toks, poss, ext = self._words(tok)
        toks, consumed = self._name_extension(tok, toks)
        text = self.view.text
        if (tok.i and text[tok.i - 1] == "/") or (tok.i + 1 < len(text) and text[tok.i + 1] == "/"):
            toks = self._glued(tok) or toks
        words = [self.view.word(t.i) for t in toks]
        pos_idx = frozenset(n for n, t in enumerate(toks) if t.i in poss)
        head = next(n for n, t in enumerate(toks) if t.i == tok.i)
        segs = segment(self.kb, words, pos_idx)
        readings = read_phrase(self.kb, words, segs, head, self.day, self)
        if not readings and tok.lemma_.lower() in PLACE_NOUNS:
            pobj = next((c for p in tok.rights if p.dep_ == "prep" and p.lower_ == "of"
                         for c in p.children if c.dep_ == "pobj"), None)
            found = self._readings(pobj.i, conj=False) if pobj is not None else []
            if found and found[0][0].kind == "country":  # 'the capital city of Algiers'
                readings = [replace(found[0][0], sector=None, basis="place")]
        place_of = tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
            tok.head.head.lemma_.lower() in PLACE_NOUNS
        if place_of and tok.text[:1].isupper() and \
                all(r.kind == "person" and not r.person_id for r in readings):
            iso = self.kb.city(tok.text, place=True)  # 'the town of Cizre' is a place
            readings = [Reading("country", iso, basis="city")] if iso else []
        if not readings and not self._may_gain(tok, ext):
            return []
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if toks[0].lower_ in ("'s",):
            start = tok.idx
        readings = self._right_context(tok, ext, readings, consumed)
        anchor = _partitive_anchor(tok)
        if anchor is not tok and readings:
            readings = self._anchor_context(anchor, readings)
        if readings and any(r.country is None and r.kind == "group" for r in readings):
            readings = self._clause_place(tok, anchor, readings)
        if readings and readings[0].basis in ("capital", "city", "region"):
            readings = self._as_place(tok, readings, place_of)
        out: list[tuple[Reading, int, int]] = []
        for r in readings:
            if r.needs_focus:
                r = self._focus(tok, r)
            elif (r.kind == "group" and r.definite and r.country is None and r.sector is None
                  and tok.lemma_.lower() in SHORT_ORG_REFS and not r.plural):
                r = self._short_ref(tok, r)
            out.append((r, start, end))
        return out

    # -- what the parse hangs on the head -------------------------------------------------
    def _may_gain(self, tok: Token, ext: list[Token]) -> bool:
        """Whether the right context can make an actor of a phrase that is none by its own
        words: a part of something ('thousands of Nigerians') or an apposition ('the
        chairman, Jane Doe')."""
        v = tok.view
        kids = [c for t in ext for c in v.children[t.i] if c > tok.i]
        if any(v.dep[c] == "appos" for c in kids):
            return True
        return (tok.lemma_.lower() in PARTITIVE or tok.pos_ == "NUM") and any(
            v.dep[c] == "prep" and v.text[c].lower() == "of" for c in kids)

    def _right_context(self, tok: Token, ext: list[Token], readings: list[Reading],
                       consumed: int = -1) -> list[Reading]:
        children = [c for t in ext for c in t.children if c.i > tok.i and c.i != consumed]
        for prep in [c for c in children if c.dep_ == "prep"]:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            found = self._readings(pobj.i, conj=False)
            if not found:
                continue
            rp = found[0][0]
            p = prep.lower_
            if p == "of" and rp.kind == "country" and readings and \
                    readings[0].basis == "country-national":
                readings = [located(r, rp.country or "") for r in readings]
            elif p == "of":
                readings = self._of(tok, readings, rp)
                readings = self._reattach_appos(pobj, rp, readings)
            elif p in PLACE_PREPS and rp.country and rp.country not in COUNTRY_LIKE and (
                    rp.kind == "country" or (p == "from" and rp.kind in ("group", "org"))):
                readings = [located(r, rp.country) for r in readings]
            elif p in ORG_PREPS and rp.kind == "org" and rp.country and \
                    rp.country not in COUNTRY_LIKE:
                readings = [replace(r, country=r.country or rp.country)
                            if r.kind in ("person", "group") and not r.person_id else r
                            for r in readings]
        for acl in [c for c in children if c.dep_ == "acl"]:
            lemma = acl.lemma_.lower()
            preps = [p for p in acl.children if p.dep_ == "prep"]
            if lemma in PLACING_ACLS:  # 'a group based in Trinidad', 'Palestinians living in Gaza'
                c = next((x for p in preps if p.lower_ in CLAUSE_PREPS
                          if (x := self._place_country(p))), None)
            elif lemma in FLEEING_ACLS:  # 'refugees fleeing (the civil war in) Liberia'
                c = next((x for p in preps if p.lower_ in ("from", "in")
                          if (x := self._place_country(p))), None) or next(
                    (x for o in acl.children if o.dep_ == "dobj" for p in o.children
                     if p.dep_ == "prep" and p.lower_ == "in" if (x := self._place_country(p))),
                    None)
            else:
                continue
            if c:
                readings = [replace(r, country=r.country or c) if r.kind == "org" else
                            located(r, c) for r in readings]
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner is not None and any(r.country is None and r.kind in ("group",) and r.sector
                                     for r in readings):
            found = self._readings(owner.i, conj=False)  # 'their forces': whose forces
            whose = found[0][0].country if found else None
            if whose and whose not in COUNTRY_LIKE:
                readings = [replace(r, country=whose, needs_focus=False,
                                    basis=f"{r.basis}+owner")
                            if r.country is None and r.kind == "group" else r for r in readings]
        for ap in [c for c in children if c.dep_ == "appos"]:
            found = self._readings(ap.i, conj=False)
            if found and readings:
                readings = [_merge(readings[0], found[0][0]), *readings[1:]]
            elif found and found[0][0].person_id:
                readings = [found[0][0]]
        return readings

    def _of(self, tok: Token, readings: list[Reading], rp: Reading) -> list[Reading]:
        lemma = tok.lemma_.lower()
        if not readings:
            if (lemma in PARTITIVE or tok.pos_ == "NUM") and rp.kind != "person":
                if rp.kind == "country" and rp.plural and rp.basis == "country-national":
                    rp = replace(rp, kind="group", sector="CVL")  # 'thousands of Nigerians'
                return [replace(rp, basis=f"partitive:{rp.basis}")]
            return readings
        out = []
        for r in readings:
            if r.person_id or r.kind in ("country", "org"):
                out.append(r)
                continue
            if r.country is None and r.sector is None and r.name is None and r.kind != "person":
                if rp.kind == "person":  # 'supporters of Ben Bella' are not Ben Bella
                    out.append(replace(r, country=rp.country if rp.country not in COUNTRY_LIKE
                                       else None, basis=f"of-person:{rp.basis}"))
                else:
                    out.append(replace(rp, basis=f"partitive:{rp.basis}"))
                continue
            if (r.role and rp.person_id and self.day is not None
                    and any(s.role == r.role for s in self.kb.spells_on(rp.person_id, self.day))):
                out.append(replace(rp, basis="appositive-of"))
                continue
            country = r.country or rp.country
            org = r.org or (rp.org if rp.country in COUNTRY_LIKE else None)
            sector = r.sector
            if r.weak_sector and rp.sector and not rp.person_id and rp.kind in ("org", "group"):
                sector = rp.sector
            # the head of a national body that is no state organ ('president of the ANC',
            # 'president of a pro-Trump group') is of that body's sector, not its country's office
            body = rp.kind in ("org", "group") and not org and rp.sector not in STATE_SECTORS \
                and not r.country
            if body and r.role:
                sector = rp.sector
            new = replace(r, country=country, org=org, sector=sector, needs_focus=False,
                          weak_sector=r.weak_sector and sector == r.sector)
            if r.role and not r.plural and not r.name and country and self.day is not None \
                    and not body:
                holders = self.kb.holders(org or country, r.role, self.day)
                if len(holders) == 1:
                    from dyadline.actors.describe import person_reading

                    new = person_reading(self.kb, holders[0].person_id, self.day,
                                         basis="kb:role-holder")
            out.append(new)
        return out

    def _reattach_appos(self, pobj: Token, rp: Reading, readings: list[Reading]) -> list[Reading]:
        """'the director-general of RUSI, Karin von Hippel': a name the parse hung on the
        of-object belongs to the head when the object is no person itself."""
        if not readings or readings[0].person_id or readings[0].kind not in ("person", "group") \
                or readings[0].plural:
            return readings
        for ap in pobj.children:
            if ap.dep_ != "appos":
                continue
            found = self._readings(ap.i, conj=False)
            if not found:
                continue
            ra = found[0][0]
            r = readings[0]
            if rp.kind != "person" and ra.kind == "person" and ra.name and not r.name:
                return [_merge(r, ra), *readings[1:]]
            if (ra.person_id and ra.person_id != rp.person_id and ra.country == r.country
                    and ra.sector == r.sector):
                return [replace(ra, basis="appositive-reattached"), *readings[1:]]
        return readings

    # -- the article so far ------------------------------------------------------------------
    def _before(self, tok: Token) -> list[_Mention]:
        limit = tok.i
        sent = self.view.sent[tok.i]
        return [m for m in self._records if m.i < limit and sent - m.sent <= _WINDOW]

    def _pronoun(self, tok: Token) -> list[tuple[Reading, int, int]]:
        kind = PRONOUNS.get(tok.lower_)
        if kind is None:
            return []
        verb = _clause_verb(tok)
        sent = self.view.sent[tok.i]
        best: tuple[int, int, _Mention] | None = None
        for m in self._before(tok):
            r = m.reading
            if r.kind == "none" and kind == "it":
                pass  # a closer thing than any actor: 'it' is probably that thing
            elif not (r.code or r.name) or r.basis == "modifier" or not _agrees(kind, r):
                continue
            if (tok.dep_ in ("dobj", "pobj") and m.head == verb and not tok.lower_.endswith("self")
                    and self.view[m.i].dep_ in ("nsubj", "nsubjpass")):
                continue  # "Putin praised him": him is not Putin
            score = m.weight - 2 * (sent - m.sent)
            cand = (score, m.i, m)
            if best is None or cand[:2] > best[:2]:
                best = cand
        if best is None or best[2].reading.kind == "none":
            return []
        m = best[2]
        group = [(m.reading, m.start, m.end)]
        if kind == "pl" and not m.reading.plural:  # 'Russia and the US ... they': all of them
            group = [g for g in self._readings(m.i, conj=True) if g[0].kind != "none"] or group
        return [(replace(r, basis=f"pronoun:{self.text[s:e]}", contradiction=None,
                         definite=False), tok.idx, tok.idx + len(tok.text)) for r, s, e in group]

    def _focus_countries(self, tok: Token) -> list[str]:
        seen: dict[str, None] = {}
        for m in reversed(self._before(tok)):
            c = m.reading.country
            if c and c not in COUNTRY_LIKE and m.reading.basis != "modifier":
                seen.setdefault(c, None)
        return list(seen)

    def _focus(self, tok: Token, r: Reading) -> Reading:
        """A title or body with no country ('the President-elect', 'the government')."""
        if r.role and self.day is not None and not r.name:
            for m in reversed(self._before(tok)):
                pid = m.reading.person_id
                if pid and any(s.role == r.role for s in self.kb.spells_on(pid, self.day)):
                    return replace(m.reading, basis="focus:role-holder", definite=True)
            for c in self._focus_countries(tok):
                holders = self.kb.holders(c, r.role, self.day)
                if len(holders) == 1:
                    from dyadline.actors.describe import person_reading

                    return person_reading(self.kb, holders[0].person_id, self.day,
                                          basis="focus:role-holder")
        countries = self._focus_countries(tok)
        if countries:
            return replace(r, country=countries[0], needs_focus=False, basis="focus:country")
        return replace(r, needs_focus=False)

    def _short_ref(self, tok: Token, r: Reading) -> Reading:
        for m in reversed(self._before(tok)):
            if m.reading.kind == "org" and m.reading.code:
                return replace(m.reading, basis=f"short-ref:{self.text[m.start:m.end]}")
        return r


def _is_calendar_word(text: str) -> bool:
    """A word a date is made of ('Jan.', 'Wednesday', 'year', '2019'), not a name the parser
    swept into a date ('Monday in Magnitogorsk')."""
    return text.islower() or text[:1].isdigit() or text.lower().rstrip(".") in CALENDAR


def _partitive_anchor(tok: Token) -> Token:
    """'thousands' for 'students' in 'Tens of thousands of students': the phrase that carries
    the part's place and clause."""
    t = tok
    while t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i != t.head.i and (
            t.head.head.lemma_.lower() in PARTITIVE or t.head.head.pos_ == "NUM"):
        t = t.head.head
    return t


def _agrees(kind: str, r: Reading) -> bool:
    if kind in ("m", "f"):
        return r.kind == "person" and not r.plural and r.gender != ("f" if kind == "m" else "m")
    if kind == "pl":
        return r.plural or r.kind in ("group", "country", "org")
    return r.kind in ("country", "org", "group") and not r.plural


def _merge(a: Reading, b: Reading) -> Reading:
    """One phrase and its apposition: a known person wins; else name from one, code from
    the other."""
    if a.person_id:
        return a
    if b.person_id:
        return replace(b, basis=f"{b.basis}+appos")
    if a.kind == "group" and a.basis.startswith("term:") and b.kind == "org" and b.code and \
            b.basis == "kb:org" and a.country in (None, b.country):
        return replace(b, basis=f"{b.basis}+appos")  # the main rebel group, the FDD
    if (a.kind == "person" and b.kind == "person") or (
            a.kind == "person" and a.name and b.kind == "group" and not b.plural):
        name = a.name or b.name
        return replace(a, name=name, country=a.country or b.country,
                       sector=a.sector or b.sector, basis=f"{a.basis}+appos",
                       gender=a.gender or b.gender)
    return a
