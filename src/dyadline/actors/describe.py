"""Read one noun phrase's own words: split them into known names and terms, then say who the
phrase denotes as of a day.

``segment`` finds, longest first, countries ('Russian', 'the US'), seats of power ('the
Kremlin'), organisations ('CNN'), people ('Putin'), sector terms and titles ('President-elect',
'troops', 'opposition'). ``read_phrase`` turns the segments into ``Reading``s: a person (by
name, or by title and country through who held the role that day), a country, a body of a
country with a sector, an organisation, or the countries modifying a non-actor noun ('Russian
meddling'). Context beyond the phrase (of-phrases, appositions, pronouns, the article's focus)
is the resolver's job (``resolve.py``).
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Protocol

from dyadline.actors.records import COUNTRY_LIKE, Resolution, SectorTerm, is_generational
from dyadline.actors.text import Word, key, phrase, words_of

if TYPE_CHECKING:
    from dyadline.actors.kb import KnowledgeBase, NameHit

__all__ = ["Reading", "Seg", "describe_text", "read_phrase", "segment"]

DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their"})
JOINERS = frozenset({"and", "or", "&", ",", "/", "-", "nor"})
PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "del", "la", "le",
                       "al", "el", "bin", "ben", "ibn", "abu", "dos", "das", "ter", "al-"})
NOT_PERSON_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                             "QUANTITY", "GPE", "LOC", "NORP", "LANGUAGE", "LAW", "EVENT"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december"})
# Nouns for bodies, not people: a name right after one names the body ('law firm Sidley Austin').
BODY_NOUNS = frozenset({
    "firm", "company", "corporation", "bank", "newspaper", "paper", "daily", "weekly",
    "magazine", "broadcaster", "agency", "group", "party", "movement", "front", "union",
    "organization", "organisation", "association", "council", "committee", "court", "tribunal",
    "militia", "network", "institute", "foundation", "charity", "tank", "airline", "website",
    "outlet", "channel", "station", "coalition", "alliance", "bloc", "faction", "conglomerate",
    "manufacturer", "university", "school", "church", "ministry", "department",
})
COUNTED = frozenset({"some", "many", "few", "several", "thousands", "hundreds", "dozens",
                     "scores", "most", "young", "angry", "ordinary"})
NOT_OF = frozenset({"anti", "pro", "non", "post", "pre"})
NAME_KINDS = ("org", "person", "metonym", "capital", "country", "region", "surname", "group")


@dataclass(frozen=True, slots=True)
class Seg:
    """Words [a, b) of a phrase and what they are."""

    kind: str  # org|person|surname|metonym|capital|country|region|group|term|name|poss|join|
    #            det|other
    a: int
    b: int
    hits: tuple[NameHit, ...] = ()
    terms: tuple[SectorTerm, ...] = ()
    poss: bool = False  # part of a possessor ("Serbia's")


@dataclass(frozen=True, slots=True)
class Reading:
    """Who a phrase denotes. ``kind``: person | group | country | org | modifier."""

    kind: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    person_id: str | None = None
    org: str | None = None
    role: str | None = None
    basis: str = ""
    plural: bool = False
    gender: str | None = None
    definite: bool = False
    needs_focus: bool = False  # a title or body with no country: the article's focus decides
    text_country: str | None = None  # the country the text ties the phrase to
    weak_sector: bool = False  # the sector came from a generic word ('leaders', 'members')
    contradiction: tuple[str, str] | None = None  # (kb reading, text reading)

    @property
    def code(self) -> str:
        if self.country in COUNTRY_LIKE:
            return f"{self.country}{self.org or ''}" if self.org else (self.country or "")
        return f"{self.country}{self.sector or ''}" if self.country else ""


class Context(Protocol):
    """What the article knows beyond the phrase (names met before, who is in focus)."""

    def earlier_person(self, name_key: str) -> Reading | None: ...


# -- segmentation -------------------------------------------------------------------------
def _caps_ok(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _name_hits(kb: KnowledgeBase, words: list[Word]) -> list[NameHit]:
    first = words[0]
    if not (first.capitalised or first.text[:1].isdigit() or (
            first.text.lower() in PARTICLES and any(w.capitalised for w in words[1:]))):
        return []
    text = phrase(words)
    hits = [h for h in kb.names(key(text)) if not h.exact_case or _caps_ok(text)]
    if not hits and all(w.capitalised and w.pos == "PROPN" for w in words) and len(words) <= 3 \
            and not kb.is_ambiguous(text):
        # a misspelt country or person the parser tags as a name ("Ethopia", "Laurent Gbago");
        # a person's name only when the parser does not know the word: 'Peters' is no
        # misspelling of Peter, 'Kennedy' none of Kenney, but 'Bouteflicka' is of Bouteflika
        if first.ent == "PERSON" and words[-1].oov:
            kinds = frozenset({"person"}) if len(words) > 1 else frozenset({"surname"})
        elif first.ent == "PERSON":
            kinds = frozenset()
        elif len(words) == 1 and first.ent in {"GPE", "NORP", "LOC", "ORG"}:
            kinds = frozenset({"country"})
        else:
            kinds = frozenset()
        hits = kb.misspelt(key(text), kinds)
    if len(words) == 1 and first.text.isupper() and len(first.text) <= 3:
        hits = [h for h in hits if h.exact_case or h.kind in ("country", "org")]
    if len(words) == 1 and (first.ent in NOT_PERSON_ENTS or first.lemma in MONTHS):
        hits = [h for h in hits if h.kind != "surname"]  # 'in May' is no Theresa May
    if first.ent == "PERSON":
        hits = [h for h in hits if h.kind != "group"]  # 'Karen Pierce' is no Karen
    return hits


def _term_hits(kb: KnowledgeBase, words: list[Word]) -> list[SectorTerm]:
    last = words[-1]
    stem = "".join(w.text + w.ws for w in words[:-1])
    found = kb.terms(key(stem + last.lemma)) or kb.terms(key(stem + last.text))
    if not found and not last.pos and last.text.lower().endswith("s"):  # plain text: plurals
        low = last.text.lower()
        for sing in (low[:-3] + "y" if low.endswith("ies") else "", low[:-2], low[:-1]):
            if sing and (found := kb.terms(key(stem + sing))):
                break
    return list(found)


def _best_name(hits: list[NameHit]) -> str:
    for kind in NAME_KINDS:
        if any(h.kind == kind for h in hits):
            return kind
    return hits[0].kind


_SEGMENT_KEY = operator.attrgetter("text", "lemma", "ws", "pos", "ent")  # what _segment reads


def segment(kb: KnowledgeBase, words: list[Word], poss: frozenset[int] = frozenset()) -> list[Seg]:
    """Split a phrase into segments, longest known name or term first (cached per KB)."""
    ck = (tuple(map(_SEGMENT_KEY, words)), poss)
    cached = kb.segment_cache.get(ck)
    if cached is not None:
        return cached
    segs = _segment(kb, words, poss)
    if len(kb.segment_cache) > 50_000:
        kb.segment_cache.clear()
    kb.segment_cache[ck] = segs
    return segs


def _reach(kb: KnowledgeBase, words: list[Word], p: int, most: int) -> int:
    """How many words from ``p`` on can still be one known name or term: a span's key grows
    word by word, so once a span's key begins no known key, no longer span can match (the
    last word may still match by its lemma: 'foreign ministers'). Words glued letter to letter
    ('gon|na') break that growth and keep the search open; a misspelt person's name (up to
    three capitalised proper nouns, the last unknown to the parser: ``_name_hits``) is looked
    up without its key, so its words stay in reach."""
    reach, text = most, ""
    for m in range(1, most):
        w = words[p + m - 1]
        text += w.text
        glued = not w.ws and w.text[-1:].isalnum() and words[p + m].text[:1].isalnum()
        if not glued and not kb.opens(key(text)):
            reach = m
            break
        text += w.ws
    if reach < 3 and words[p].ent == "PERSON":
        names = 0
        while names < min(3, most) and words[p + names].capitalised and \
                words[p + names].pos == "PROPN":
            names += 1
        reach = max([reach, *(n for n in range(2, names + 1) if words[p + n - 1].oov)])
    return reach


def _longest(kb: KnowledgeBase, words: list[Word], p: int,
             most: int) -> tuple[str, int, tuple[NameHit, ...], tuple[SectorTerm, ...]]:
    """The longest known name or term from word ``p`` on (kind, length, hits, terms), else a
    one-word name or other word. It depends only on the words within reach and whether a
    capitalised word follows, so it is cached per KB on those: the same few words recur in
    new phrases far more often than whole phrases do."""
    reach = _reach(kb, words, p, most)
    nxt_cap = p + 1 < len(words) and words[p + 1].capitalised
    ck = (tuple(map(_SEGMENT_KEY, words[p:p + reach])), nxt_cap)
    cached = kb.span_cache.get(ck)
    if cached is not None:
        return cached
    w = words[p]
    out: tuple[str, int, tuple[NameHit, ...], tuple[SectorTerm, ...]] | None = None
    for n in range(reach, 0, -1):
        span = words[p:p + n]
        if span[-1].text in ("-", "'s") or not key(span[-1].text):
            continue  # a name does not end in a hyphen, 's or a comma ('Fiji,')
        hits = _name_hits(kb, span)
        if hits and n == 1 and all(h.kind == "surname" for h in hits) and \
                _term_hits(kb, span) and nxt_cap:
            hits = []  # 'King Hassan', 'General Aoun': a title before a name
        if hits:
            kind = _best_name(hits)
            out = (kind, n, tuple(h for h in hits if h.kind == kind), ())
            break
        terms = _term_hits(kb, span)
        if terms and not (n == 1 and w.ent == "PERSON" and w.pos == "PROPN"):
            out = ("term", n, (), tuple(terms))
            break
    if out is None:
        kind = "name" if (w.capitalised and w.pos in ("PROPN", "")) or (
            w.capitalised and w.ent in ("PERSON", "ORG", "GPE", "NORP")) else "other"
        if w.text.lower() in PARTICLES and w.pos == "PROPN":
            kind = "name"
        out = (kind, 1, (), ())
    if len(kb.span_cache) > 100_000:
        kb.span_cache.clear()
    kb.span_cache[ck] = out
    return out


def _segment(kb: KnowledgeBase, words: list[Word], poss: frozenset[int]) -> list[Seg]:
    segs: list[Seg] = []
    p, n_words = 0, len(words)
    limit = kb.max_words + 2
    while p < n_words:
        w = words[p]
        low = w.text.lower()
        if low in ("'s", "'") and w.pos in ("PART", ""):
            segs.append(Seg("poss", p, p + 1, poss=True))
            p += 1
            continue
        if low in JOINERS or w.pos == "CCONJ":
            segs.append(Seg("join", p, p + 1, poss=p in poss))
            p += 1
            continue
        if low in DETERMINERS and w.pos in ("DET", "PRON", ""):
            segs.append(Seg("det", p, p + 1, poss=p in poss))
            p += 1
            continue
        kind, n, hits, terms = _longest(kb, words, p, min(limit, n_words - p))
        found = Seg(kind, p, p + n, hits, terms, poss=p in poss)
        segs.append(found)
        p = found.b
    for n in range(len(segs) - 1):  # 'Carlos' in 'Carlos Menem' is no one's surname here
        if segs[n].kind == "surname" and segs[n + 1].kind in ("name", "surname") and \
                segs[n].b == segs[n + 1].a:
            segs[n] = Seg("name", segs[n].a, segs[n].b, poss=segs[n].poss)
    for n in range(len(segs) - 1):  # 'Karen Bass', 'Christian Wulff': a given name
        if segs[n].kind == "group" and segs[n + 1].kind in ("name", "surname", "person") and \
                segs[n].b == segs[n + 1].a:
            segs[n] = Seg("name", segs[n].a, segs[n].b, poss=segs[n].poss)
    for n in range(1, len(segs)):  # 'George Papadopoulos' is not Tassos Papadopoulos
        if segs[n].kind == "surname" and segs[n - 1].kind == "name" and \
                segs[n - 1].b == segs[n].a:
            segs[n] = Seg("name", segs[n].a, segs[n].b, poss=segs[n].poss)
    for n in range(len(segs) - 1):  # 'Donald Trump Jr.', 'Trump, Jr.': the son, by name
        comma = segs[n + 1].kind == "join" and words[segs[n + 1].a].text == ","
        m = n + 2 if comma else n + 1
        if segs[n].kind in ("surname", "person") and m < len(segs) and \
                segs[m].kind == "name" and segs[m].b - segs[m].a == 1 and \
                is_generational(words[segs[m].a].text):
            for k in range(n, m):
                segs[k] = Seg("name", segs[k].a, segs[k].b, poss=segs[k].poss)
    return segs


# -- reading ------------------------------------------------------------------------------
def _head_term(terms: tuple[SectorTerm, ...]) -> SectorTerm | None:
    nouns = [t for t in terms if t.kind != "modifier"]
    pick = nouns or list(terms)
    return pick[0] if pick else None


def _is_former(seg: Seg) -> bool:
    return seg.kind == "term" and any(t.kind == "modifier" and t.sector == "ELI"
                                      for t in seg.terms)


def _mod_sector(seg: Seg) -> str | None:
    """The sector a modifier segment lends to a generic head."""
    if seg.kind == "term" and not _is_former(seg):
        for t in seg.terms:
            if t.sector and not (t.generic and t.kind != "modifier"):
                return t.sector
    if seg.kind in ("metonym", "capital") and seg.hits:
        return seg.hits[0].sector if seg.kind == "metonym" else None
    return None


def choose_person(kb: KnowledgeBase, candidates: list[str], day: date | None,
                  role: str | None = None, country: str | None = None) -> list[str]:
    """Narrow people sharing a name: by the role the text gives, office on the day, country."""
    cands = list(dict.fromkeys(candidates))
    if len(cands) <= 1 or day is None:
        return cands
    steps = []
    if role:
        steps.append(lambda pid: any(s.role == role for s in kb.spells_on(pid, day)))
    steps.append(lambda pid: bool(kb.spells_on(pid, day)))
    if country:
        steps.append(lambda pid: kb.code_on(pid, day)[0] == country)
    for keep in steps:
        narrowed = [p for p in cands if keep(p)]
        if narrowed:
            cands = narrowed
        if len(cands) == 1:
            break
    return cands


def person_reading(kb: KnowledgeBase, pid: str, day: date | None, *, former: bool = False,
                   role_hint: str | None = None, basis: str = "kb:person") -> Reading:
    p = kb.person(pid)
    assert p is not None
    country, sector = kb.code_on(pid, day)
    spell = kb.role_on(pid, day) if day else None
    org = spell.org if spell else None
    if day is None and role_hint:  # no date: the text's title is all we have
        sector = next((s.sector for s in p.spells if s.role == role_hint), "")
    if former:
        sector = "ELI"
        if country == "IGO":
            country, org = "", None
    return Reading("person", country or None, sector or None, p.name, pid, org,
                   spell.role if spell else None,
                   basis if not spell else basis + "-role", gender=p.gender)


def read_phrase(kb: KnowledgeBase, words: list[Word], segs: list[Seg], head: int,
                day: date | None, ctx: Context | None = None) -> list[Reading]:
    """Who the phrase whose head is word ``head`` denotes (several for 'Hungarian and Romanian
    officials'); empty when it is not an actor or cannot be coded without guessing."""
    hseg = next((s for s in segs if s.a <= head < s.b), None)
    if hseg is None or hseg.kind in ("poss", "join", "det"):
        return []
    mods = [s for s in segs if s.b <= hseg.a]
    hw = words[head]
    if hseg.kind == "other":  # 'Russian meddling': only what the modifiers name
        return _modifier_readings(kb, words, mods, day, ctx) if hw.pos != "PRON" else []
    plural = hw.plural
    definite = any(s.kind == "det" and words[s.a].text.lower() in ("the", "this", "that")
                   for s in mods)
    former = any(_is_former(s) for s in mods)
    title = next((t for s in reversed(mods) if s.kind == "term" for t in s.terms if t.role), None)
    if title is None:
        title = next((t for s in reversed(mods[-3:]) if s.kind == "term" for t in s.terms
                      if t.kind == "person"), None)
    countries = _countries(kb, words, mods, day, ctx)
    text_country = countries[0][0] if countries else None
    kind = hseg.kind

    if kind in ("person", "surname"):
        named = next((s.hits[0].value for s in mods if s.kind in ("country", "region")
                      and not _is_negated(words, s)), None)
        return [_read_person(kb, words, hseg, day, ctx, title, named, former)]
    if kind == "name":
        return _read_name(kb, words, segs, hseg, day, ctx, title, text_country, former, mods)
    if kind == "country" and hseg.hits[0].form in ("adjective", "national") and any(
            words[s.a].lemma == "ethnic" for s in mods):
        return [Reading("group", None, "CVL", basis="ethnic-group", plural=True,
                        definite=definite)]
    if kind == "group":
        g = kb.group(hseg.hits[0].value)
        if g is None or hw.ent == "LANGUAGE" or (
                hw.tag not in ("NNS", "NNPS") and key(hw.text) != key(g.name)):
            return []  # 'in Kurdish', 'plays the Catalan': a language or an adjective
        return [_group_reading(kb, hseg.hits[0].value, text_country, hw, definite)]
    if kind == "country":
        iso = hseg.hits[0].value
        form = hseg.hits[0].form
        if form == "national" and text_country and text_country != iso:
            # 'Bosnian Serbs', 'Kosovo Albanians': people of one nation living in another
            return [Reading("group", text_country, "CVL", basis="nationals-of", plural=True,
                            definite=definite)]
        if form == "national" and any(words[s.a].pos in ("NUM", "ADJ") or words[s.a].lemma
                                      in COUNTED for s in mods if s.kind == "other"):
            # '168 Liberians', 'young Algerians': people of the country, not its state
            return [Reading("group", iso, "CVL", basis="country-nationals", plural=True)]
        return [Reading("country", iso, basis=f"country-{form}",
                        plural=plural or form == "national", definite=definite)]
    if kind == "region":
        return [Reading("country", hseg.hits[0].value, basis="region", definite=definite)]
    if kind in ("metonym", "capital"):
        h = hseg.hits[0]
        return [Reading("group", h.value, h.sector, basis=kind, definite=definite)]
    if kind == "org":
        entry = kb.org(hseg.hits[0].value, day)
        if entry is None:
            return []
        return [_org_reading(entry.code, entry.country, entry.sector, entry.name, "kb:org",
                             plural, definite)]
    if kind == "term":
        return _read_term(kb, words, hseg, mods, day, ctx, countries, former, plural, definite)
    return []


def _group_reading(kb: KnowledgeBase, group_key: str, text_country: str | None, hw: Word,
                   definite: bool) -> Reading:
    """A people or community ('the Kurds', 'Yoruba'): the country the text names, else its
    homeland when it has one; its sector alone (CVL, or REL for a religious community)."""
    g = kb.group(group_key)
    assert g is not None
    return Reading("group", text_country or g.country, g.sector, basis=f"group:{g.name}",
                   plural=hw.tag != "NN", definite=definite, text_country=text_country)


def _org_reading(code: str, country: str | None, sector: str | None, name: str, basis: str,
                 plural: bool = False, definite: bool = False) -> Reading:
    org = code if country in COUNTRY_LIKE else None
    return Reading("org", country, sector, name, org=org, basis=basis, plural=plural,
                   definite=definite)


def _countries(kb: KnowledgeBase, words: list[Word], mods: list[Seg], day: date | None,
               ctx: Context | None) -> list[tuple[str, bool]]:
    """Countries the modifiers name, with whether each is joined to the previous one."""
    out: list[tuple[str, bool]] = []
    joined = False
    ethnic = any(words[s.a].lemma == "ethnic" for s in mods)
    for s in mods:
        iso: str | None = None
        if _is_negated(words, s):
            continue  # 'anti-Syria journalist' is no Syrian
        if s.kind == "country" and ethnic and s.hits[0].form in ("adjective", "national"):
            continue  # 'ethnic Albanians' are not Albania
        if s.kind in ("country", "metonym", "capital", "region"):
            iso = s.hits[0].value
        elif s.kind == "group":  # 'Yoruba leaders': a homeland; 'Kurdish leaders': none
            g = kb.group(s.hits[0].value)
            iso = g.country if g else None
        elif s.kind in ("person", "surname"):
            r = _read_person(kb, words, s, day, ctx, None, None, False)
            iso = r.country if r.country not in COUNTRY_LIKE else None
        elif s.kind == "org":
            entry = kb.org(s.hits[0].value, day)
            iso = entry.country if entry and entry.country not in COUNTRY_LIKE else None
        elif s.kind == "join":
            joined = True
            continue
        else:
            if s.kind not in ("det",):
                joined = False if s.kind not in ("other",) else joined
            continue
        if iso and all(iso != c for c, _ in out):
            out.append((iso, joined and bool(out)))
        joined = False
    return out


def _is_negated(words: list[Word], s: Seg) -> bool:
    return s.a >= 2 and words[s.a - 1].text == "-" and words[s.a - 2].lemma in NOT_OF


def _read_person(kb: KnowledgeBase, words: list[Word], seg: Seg, day: date | None,
                 ctx: Context | None, title: SectorTerm | None, text_country: str | None,
                 former: bool) -> Reading:
    text = phrase(words[seg.a:seg.b])
    if seg.kind == "surname" and ctx is not None:
        earlier = ctx.earlier_person(key(text))
        if earlier is not None:  # the person the article named before ('Hunter Biden')
            return replace(earlier, basis="coref-name", text_country=text_country,
                           contradiction=None)
    role = title.role if title else None
    cands = choose_person(kb, [h.value for h in seg.hits], day, role, text_country)
    if len(cands) != 1:  # several people share the name: keep it as written
        people = [kb.person(c) for c in cands]
        shared = {p.country for p in people if p}
        country = shared.pop() if len(shared) == 1 else None
        return Reading("person", text_country or country,
                       "ELI" if former else (title.sector if title else None), text,
                       basis="kb:ambiguous-person", text_country=text_country)
    r = person_reading(kb, cands[0], day, former=former, role_hint=role)
    if title is not None and not former and day is not None:
        r = _title_at_other_time(kb, cands[0], r, title, day)
    r = replace(r, text_country=text_country)
    kb_country = kb.code_on(cands[0], day)[0] if day else r.country
    p = kb.person(cands[0])
    if (text_country and p and p.country != "IGO" and kb_country
            and text_country != kb_country):
        r = replace(r, contradiction=(f"{r.code or kb_country} (knowledge base)",
                                      f"{text_country} (text)"))
    return r


def _title_at_other_time(kb: KnowledgeBase, pid: str, r: Reading, title: SectorTerm,
                         day: date) -> Reading:
    """'President Obama' in a text dated before or after his term: the text speaks of him in
    that office (an event of that time), so he is coded as he was in it; a title the KB does
    not hold for him only lends its sector when the KB has none for the day."""
    if title.role and any(s.role == title.role for s in kb.spells_on(pid, day)):
        return r
    person = kb.person(pid)
    spells = [s for s in person.spells if title.role and s.role == title.role] if person else []
    if spells:
        near = min(spells, key=lambda s: abs(((s.start or day) - day).days))
        return replace(r, country=near.country if near.country != "IGO" else r.country,
                       sector=near.sector, org=near.org, role=near.role,
                       basis="kb:title-role-other-time")
    if not r.sector and title.sector:
        return replace(r, sector=title.sector, basis="kb:person+text-title")
    return r


def _name_run(words: list[Word], segs: list[Seg], hseg: Seg) -> list[Word]:
    idx = segs.index(hseg)
    start = hseg.a
    for s in reversed(segs[:idx]):
        if s.kind == "name" or (s.kind == "other" and words[s.a].text.lower() in PARTICLES):
            start = s.a
        else:
            break
    return words[start:hseg.b]


def _read_name(kb: KnowledgeBase, words: list[Word], segs: list[Seg], hseg: Seg,
               day: date | None, ctx: Context | None, title: SectorTerm | None,
               text_country: str | None, former: bool, mods: list[Seg]) -> list[Reading]:
    run = _name_run(words, segs, hseg)
    text = phrase(run)
    ents = {w.ent for w in run}
    if len(run) > 1 and run[-1].text.lower().strip(".") in ("jr", "sr"):
        ents.add("PERSON")  # 'Trump Jr.': only a person's name takes the suffix
    # title + country + part of the name: the holder of that role that day
    if title and title.role and day is not None and not former:
        parts = {key(w.text) for w in run}
        if text_country:  # 'Russian President Vladimir': any part of the holder's name
            match = [p for p in kb.holders(text_country, title.role, day)
                     if parts & {key(x) for x in p.name.split()} or key(p.surname) in parts]
        else:  # no country: the surname must match too
            match = [p for w in run for p in kb.by_first_name(w.text)
                     if key(p.surname) in parts
                     and any(s.role == title.role for s in kb.spells_on(p.person_id, day))]
            match = list({p.person_id: p for p in match}.values())
        if len(match) == 1:
            return [replace(person_reading(kb, match[0].person_id, day,
                                           basis="kb:title+name"), text_country=text_country)]
    if ctx is not None:
        earlier = ctx.earlier_person(key(text))
        if earlier is not None:
            return [replace(earlier, basis="coref-name")]
    run_at = next(n for n, w in enumerate(words) if w is run[0])
    before = next((s for s in reversed(mods) if s.b <= run_at
                   and s.kind not in ("det", "join", "poss")), None)
    group = _head_term(before.terms) if before is not None and before.kind == "term" else None
    if group is not None and group.term.split()[-1] in BODY_NOUNS and group.sector and not title:
        # 'law firm Sidley Austin', 'the opposition newspaper La Prensa': an organisation
        return [Reading("org", text_country, group.sector, text, basis="text:named-body")]
    sector = "ELI" if former else (title.sector if title else None)
    if title is None or title.generic or sector is None:
        sector = next((_mod_sector(s) for s in reversed(mods) if _mod_sector(s)), sector)
    if "GPE" in ents or "LOC" in ents or (not title and "PERSON" not in ents
                                          and "ORG" not in ents and len(run) <= 3):
        iso = kb.city(text, place="GPE" in ents or "LOC" in ents)
        if iso:
            return [Reading("country", iso, basis="city")]
        if "GPE" in ents or "LOC" in ents:
            return []
    orgish = "ORG" in ents or "FAC" in ents
    if orgish or (not title and "PERSON" not in ents):
        if not (text_country or sector):
            return []
        kind = "org" if orgish else "group"
        return [Reading(kind, text_country, sector, text if orgish else None,
                        basis="text:unknown-org" if orgish else "text:modifiers")]
    gender = kb.gender_of(text)
    igo = next((kb.org(s.hits[0].value, day) for s in reversed(mods) if s.kind == "org"), None)
    if igo is not None and igo.country in COUNTRY_LIKE and not text_country:
        return [Reading("person", igo.country, sector or igo.sector, text, org=igo.code,
                        basis="text:unknown-person+org", gender=gender)]
    return [Reading("person", text_country, sector, text, basis="text:unknown-person",
                    gender=gender, text_country=text_country)]


def _read_term(kb: KnowledgeBase, words: list[Word], hseg: Seg, mods: list[Seg],
               day: date | None, ctx: Context | None, countries: list[tuple[str, bool]],
               former: bool, plural: bool, definite: bool) -> list[Reading]:
    term = _head_term(hseg.terms)
    if term is None:
        return []
    if term.kind == "modifier" and mods and mods[-1].kind not in ("det",):
        return _modifier_readings(kb, words, mods, day, ctx)
    sector = term.sector
    weak = False
    if term.generic or sector is None:
        lent = next((_mod_sector(s) for s in reversed(mods) if _mod_sector(s)), None)
        weak = lent is None
        sector = lent or sector
    if weak and term.kind == "person" and sector == "GOV" and any(s.kind == "group"
                                                                  for s in mods):
        sector, weak = "ELI", False  # 'Yoruba leaders', 'Kurdish leaders': not a government
    if former:
        sector = "ELI"
    orgs = [s for s in mods if s.kind == "org"]
    kind = "person" if term.kind == "person" and not plural else "group"
    if term.kind == "state":
        if countries:
            return [Reading("country", c, basis="state-noun", definite=definite)
                    for c, _ in countries[:1]]
        return [Reading("country", basis="state-noun", definite=definite,
                        needs_focus=definite and not plural)]
    for s in reversed(orgs):
        entry = kb.org(s.hits[0].value, day)
        if entry and entry.country in COUNTRY_LIKE:
            lent = sector if not term.generic else (entry.sector or sector)
            if term.role and not plural and day is not None and not former:
                holders = kb.holders(entry.code, term.role, day) or kb.holders(
                    entry.code, "igo_head", day)
                if len(holders) == 1:
                    return [person_reading(kb, holders[0].person_id, day,
                                           basis="kb:role-holder")]
            return [Reading(kind, entry.country, lent, None, org=entry.code,
                            basis="org-modifier", plural=plural, definite=definite)]
        if entry and entry.country:
            if not countries:
                countries = [(entry.country, False)]
            if term.generic or sector is None:
                sector = entry.sector or sector
    basis = f"term:{term.term}"
    if not countries:
        return [Reading(kind, None, sector, role=term.role if not plural else None,
                        basis=basis, plural=plural, definite=definite, weak_sector=weak,
                        needs_focus=definite and not plural and (
                            term.role is not None or sector == "GOV"))]
    if term.role and not plural and not former and day is not None and len(countries) == 1:
        holders = kb.holders(countries[0][0], term.role, day)
        if len(holders) == 1:
            r = person_reading(kb, holders[0].person_id, day, basis="kb:role-holder")
            return [replace(r, text_country=countries[0][0])]
    isos = [countries[0][0]] + [c for c, joined in countries[1:] if joined]
    return [Reading(kind, c, sector, role=term.role if not plural else None, basis=basis,
                    plural=plural or len(isos) > 1, definite=definite, weak_sector=weak)
            for c in isos]


def _modifier_readings(kb: KnowledgeBase, words: list[Word], mods: list[Seg], day: date | None,
                       ctx: Context | None) -> list[Reading]:
    """The actors named in front of a noun that is not an actor ('Russian meddling')."""
    out: list[Reading] = []
    for n, s in enumerate(mods):
        r: Reading | None = None
        if s.poss:
            continue  # a possessor is a phrase of its own ("Trump's praise")
        nxt = mods[n + 1] if n + 1 < len(mods) else None
        lent = _head_term(nxt.terms) if nxt is not None and nxt.kind == "term" and \
            words[nxt.b - 1].pos in ("NOUN", "PROPN", "") else None
        if s.kind in ("country", "region") and lent is not None and lent.kind != "modifier" \
                and lent.sector:
            r = Reading("group", s.hits[0].value, lent.sector, basis="modifier")
        elif s.kind in ("country", "region"):
            r = Reading("country", s.hits[0].value, basis="modifier")
        elif s.kind in ("metonym", "capital"):
            r = Reading("group", s.hits[0].value, s.hits[0].sector, basis="modifier")
        elif s.kind == "group":  # 'a Karen guerrilla stronghold': only with a homeland
            g = kb.group(s.hits[0].value)
            sector = lent.sector if lent is not None and lent.kind != "modifier" and \
                lent.sector else (g.sector if g else None)
            r = Reading("group", g.country, sector, basis="modifier") if g and g.country \
                else None
        elif s.kind == "org":
            e = kb.org(s.hits[0].value, day)
            r = _org_reading(e.code, e.country, e.sector, e.name, "modifier") if e else None
        elif s.kind in ("person", "surname"):
            r = replace(_read_person(kb, words, s, day, ctx, None, None, False),
                        basis="modifier")
            r = r if r.name else None
        if r is not None and all(r.code != o.code or r.name != o.name for o in out):
            out.append(r)
    return out


def describe_text(kb: KnowledgeBase, text: str, day: date | None) -> list[Resolution]:
    """``KnowledgeBase.lookup`` for phrases that are not a known person's name."""
    words = words_of(text)
    if not words:
        return []
    segs = segment(kb, words)
    head = len(words) - 1
    out: list[Resolution] = []
    for r in read_phrase(kb, words, segs, head, day):
        kind = r.kind
        if r.kind == "group":
            kind = "sector" if r.basis.startswith("term") else (
                "group" if r.basis.startswith("group") else "metonym")
        out.append(Resolution(text, kind, r.code, r.country, r.sector, r.name, r.person_id,
                              r.role, r.org, r.basis))
    if not out:
        iso = kb.city(text) if words[0].capitalised else None
        if iso:
            out.append(Resolution(text, "city", iso, iso, None, basis="city"))
    return out
