"""Records of the actor knowledge base: people and their role spells, organisations, sector terms.

These are what the data files under ``data/actors/`` hold once validated; ``Resolution`` is what
``KnowledgeBase.lookup`` answers. All are frozen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "COUNTRY_LIKE",
    "GENERATIONAL",
    "GROUP_KINDS",
    "ROLES",
    "ROLE_SECTOR",
    "SECTORS",
    "Country",
    "Group",
    "IgoEntry",
    "Person",
    "Resolution",
    "RoleSpell",
    "SectorTerm",
    "is_generational",
    "surname_of",
]

# CAMEO-style sector (actor type) codes dyadline writes. GOV..UAF are primary roles, the rest
# secondary; PTY (party) and REL (religious) as in the CAMEO manual; IGO for officials of an IGO.
SECTORS = frozenset({
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "SEP", "SPY", "UAF",
    "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "MED", "REF",
    "PTY", "REL", "NGO", "IGO", "MNC", "SET", "MOD", "RAD",
})

# Codes that stand in the country slot without being countries (as in CAMEO).
COUNTRY_LIKE = frozenset({"IGO", "NGO", "IMG"})

# The roles of the people files and the sector a role normally carries.
ROLE_SECTOR: dict[str, str] = {
    "head_of_state": "GOV",
    "head_of_government": "GOV",
    "vice_president": "GOV",
    "foreign_minister": "GOV",
    "defence_minister": "GOV",
    "interior_minister": "GOV",
    "finance_minister": "GOV",
    "spokesperson": "GOV",
    "president_elect": "ELI",
    "prime_minister_designate": "ELI",
    "opposition_leader": "OPP",
    "party_leader": "PTY",
    "military_chief": "MIL",
    "intelligence_chief": "SPY",
    "central_bank_governor": "GOV",
    "igo_head": "IGO",
    "igo_official": "IGO",
    "monarch": "GOV",
    "legislature_speaker": "LEG",
    "rebel_leader": "REB",
    "militant_leader": "REB",
}
ROLES = frozenset(ROLE_SECTOR)

# Roles that are not offices with a day of taking office: their spells may have an open start.
OPEN_START_ROLES = frozenset({"opposition_leader", "party_leader", "rebel_leader",
                              "militant_leader"})


@dataclass(frozen=True, slots=True)
class RoleSpell:
    """One person in one role from ``start`` to ``end`` (inclusive; None = open)."""

    person_id: str
    country: str
    org: str | None
    role: str
    sector: str
    titles: tuple[str, ...]
    start: date | None
    end: date | None
    source: str
    where: str = ""  # file:line it was read from

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    """A person the knowledge base knows, with every role spell (sorted by start)."""

    person_id: str
    name: str
    aliases: tuple[str, ...]
    country: str  # the country of the person's spells (the latest one if they differ)
    spells: tuple[RoleSpell, ...]
    gender: str | None = None  # "m" / "f" from the given-names list; None when unknown

    @property
    def surname(self) -> str:
        return surname_of(self.name)


def surname_of(name: str) -> str:
    """The family name press uses alone: the last word, with particles ('von Hippel'); before a
    generational suffix ('Marcos' of 'Ferdinand Marcos Jr.'). A regnal name ('Charles III') has
    none: the name itself."""
    words = name.split()
    if len(words) >= 2 and is_generational(words[-1]):
        words = words[:-1]
    if len(words) < 2:
        return name
    out = [words[-1]]
    for w in reversed(words[:-1]):
        if w.lower() in _PARTICLES:
            out.insert(0, w)
        else:
            break
    return " ".join(out)


GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})


def is_generational(word: str) -> bool:
    """'Jr.', 'Sr', 'III': a suffix that tells a son or a king from his namesake."""
    return word.lower().strip(".,") in GENERATIONAL


_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "del", "la", "le",
                        "al", "el", "bin", "ben", "ibn", "abu", "dos", "das", "ter"})


@dataclass(frozen=True, slots=True)
class Country:
    """A country or territory: ISO alpha-3 code and the names the press uses."""

    iso3: str
    name: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    nationals: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()


# Kinds of peoples and communities (groups.tsv) and the sector each has alone ("the Kurds").
GROUP_KINDS: dict[str, str] = {"ethnic": "CVL", "religious": "REL"}


@dataclass(frozen=True, slots=True)
class Group:
    """A people or religious community that is not a state (groups.tsv): ``country`` is its
    homeland when that lies in one country, else None (the text must say where)."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    kind: str  # ethnic | religious
    where: str = ""

    @property
    def sector(self) -> str:
        return GROUP_KINDS[self.kind]


@dataclass(frozen=True, slots=True)
class IgoEntry:
    """An organisation: an IGO (country 'IGO'), an international NGO ('NGO'), a transnational
    armed group ('IMG'), or a national body, outlet or group with its home country."""

    code: str  # org code: UNO, NATO, AMN, CNN ...
    name: str
    aliases: tuple[str, ...]
    country: str | None  # ISO3, or IGO / NGO / IMG
    sector: str | None
    start: date | None = None
    end: date | None = None
    where: str = ""

    @property
    def actor_code(self) -> str:
        if self.country in COUNTRY_LIKE:
            return f"{self.country}{self.code}"
        return f"{self.country or ''}{self.sector or ''}"

    def covers(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class SectorTerm:
    """A noun, title or modifier and the sector it gives an actor.

    ``kind``: ``group`` (a body or a group of people: government, troops), ``person`` (a person
    by function or title: minister, spokesman), ``modifier`` (only before a noun: military,
    opposition), ``state`` (the country itself: country, nation). ``sector`` None means an actor
    whose sector the word does not tell (hackers, specialists). ``generic`` words (official,
    leader, forces) yield to a modifier that has a sector ('rebel leaders' is REB)."""

    term: str
    sector: str | None
    kind: str
    role: str | None = None
    generic: bool = False
    where: str = ""


@dataclass(frozen=True, slots=True)
class Resolution:
    """One reading of a text by the knowledge base (``dyadline actors lookup``)."""

    text: str
    kind: str  # person | country | metonym | org | sector | city
    code: str
    country: str | None
    sector: str | None
    name: str | None = None
    person_id: str | None = None
    role: str | None = None
    org: str | None = None
    basis: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "kind": self.kind, "code": self.code, "country": self.country,
            "sector": self.sector, "name": self.name, "person_id": self.person_id,
            "role": self.role, "org": self.org, "basis": self.basis, **self.extra,
        }
