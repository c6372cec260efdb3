"""The event lexicon: predicates with their CAMEO codes, reporting words and modality cues.

Three packaged tables under ``data/lexicon/`` (validated on load, errors name file and line):

- ``predicates.tsv``: verbs, phrasal verbs, light-verb constructions, eventive nouns and
  predicative adjectives with a CAMEO code and where the target is (see docs/ontology.md);
- ``reporting.tsv``: verbs and nouns that report speech ("say", "readout"), with a stance;
- ``modality.tsv``: cues that make an event negated, future, hypothetical or attributed.

A user's predicates file (setting ``lexicon_file``, same columns) adds entries; an entry with the
same key as a packaged one replaces it. ``Lexicon.best`` picks the most specific matching entry.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from dyadline.errors import DataFileError
from dyadline.events.ontology import Ontology, data_dir, load_ontology, tsv_rows
from dyadline.model import MODALITIES

__all__ = [
    "KINDS",
    "LEXICON_SERIES",
    "NOT_AN_EVENT",
    "PARTICLE_ADVERBS",
    "LexEntry",
    "Lexicon",
    "ModalityCue",
    "load_lexicon",
    "read_lexicon",
    "read_predicates",
]

LEXICON_SERIES = "dyadline-lexicon-1"
KINDS = ("verb", "noun", "adj")
NOT_AN_EVENT = "-"  # the code of an entry that blocks a more general one ("meet the deadline")
# spaCy often parses a phrasal particle as an adverb ("push back" -> advmod): an ``advmod`` child
# with one of these words counts as the verb's particle, like a ``prt`` child.
PARTICLE_ADVERBS = frozenset({"back", "down", "up", "out", "off", "aside", "away", "over", "in",
                              "on", "through"})
TARGETS: Mapping[str, frozenset[str]] = MappingProxyType({
    "verb": frozenset({"dobj", "dative", "prep", "none"}),
    "noun": frozenset({"prep", "poss", "none"}),
    "adj": frozenset({"prep", "none"}),
})
STANCES = ("neutral", "hedged", "denied")
CUE_KINDS = ("word", "lemma", "governor", "dep")

_PRED_COLUMNS = ("kind", "lemma", "particle", "object", "prep", "code", "target", "note")
_REPORT_COLUMNS = ("kind", "lemma", "stance", "note")
_MODALITY_COLUMNS = ("cue", "kind", "modality", "note")
_WORD = re.compile(r"[a-z0-9][a-z0-9'.-]*")


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One lexicon row: a predicate pattern and the CAMEO code it gives.

    ``particle`` and ``prep`` are "" when the entry names none; ``objects`` is empty when any
    object (or none) will do. ``code`` is ``"-"`` for an entry that marks a pattern as not an
    event. ``key`` is the entry's readable unique id, e.g. ``verb:impose|obj=sanction|prep=on``."""

    kind: str
    lemma: str
    particle: str
    objects: frozenset[str]
    prep: str
    code: str
    target: str
    key: str
    file: str
    line: int
    note: str = ""
    user: bool = False  # from the user's lexicon file

    @property
    def is_event(self) -> bool:
        return self.code != NOT_AN_EVENT

    @property
    def specificity(self) -> int:
        """object+prep (12) > object (8) > prep (4) > particle (2) > bare lemma (0)."""
        return 8 * bool(self.objects) + 4 * bool(self.prep) + 2 * bool(self.particle)

    def matches(self, particle: str = "", objects: Iterable[str] = (),
                preps: Iterable[str] = ()) -> bool:
        """Whether a token with this particle, these object lemmas and these prepositions fits."""
        if self.particle != particle:
            return False
        if self.objects and self.objects.isdisjoint(objects):
            return False
        return not self.prep or self.prep in set(preps)


def entry_key(kind: str, lemma: str, particle: str, objects: Iterable[str], prep: str) -> str:
    key = f"{kind}:{lemma}"
    if particle:
        key += f"|prt={particle}"
    objs = sorted(objects)
    if objs:
        key += f"|obj={'+'.join(objs)}"
    if prep:
        key += f"|prep={prep}"
    return key


@dataclass(frozen=True, slots=True)
class ModalityCue:
    """A word that changes an event's modality; ``kind`` says how it is matched (CUE_KINDS)."""

    cue: str
    kind: str
    modality: str
    note: str
    file: str
    line: int


def _word(value: str, what: str, where: str, *, multi: bool) -> tuple[str, ...]:
    """Validated lower-case single tokens (several, |-separated, when ``multi``)."""
    if not value:
        return ()
    parts = value.split("|") if multi else [value]
    for p in parts:
        if p != p.lower():
            raise DataFileError("E412", f"{what} '{p}' must be lower case (spaCy lemmas are)",
                                where=where)
        if not _WORD.fullmatch(p):
            raise DataFileError("E412", f"{what} '{p}' must be one token of letters, digits, "
                                "hyphens or apostrophes"
                                + ("; separate several with '|'" if multi else ""), where=where)
    return tuple(parts)


def _parse_predicate(n: int, fields: list[str], path: Path, ontology: Ontology,
                     user: bool) -> LexEntry:
    kind, lemma, particle, obj, prep, code, target, note = fields
    where = f"{path}:{n}"
    if kind not in KINDS:
        raise DataFileError("E412", f"kind '{kind}' must be one of {', '.join(KINDS)}",
                            where=where)
    if not lemma:
        raise DataFileError("E412", "the lemma is empty", where=where)
    _word(lemma, "lemma", where, multi=False)
    _word(particle, "particle", where, multi=False)
    _word(prep, "prep", where, multi=False)
    objects = frozenset(_word(obj, "object", where, multi=True))
    if particle and kind != "verb":
        raise DataFileError("E412", f"only verbs take a particle, not a {kind}", where=where)
    if code != NOT_AN_EVENT and code not in ontology:
        raise DataFileError("E413", f"'{code}' is not a CAMEO event code: use a code from "
                            "data/ontology/cameo.tsv ('dyadline ontology show 05') or '-' for "
                            "not an event", where=where)
    if target not in TARGETS[kind]:
        raise DataFileError("E412", f"target '{target}' is not valid for a {kind}: use one of "
                            f"{', '.join(sorted(TARGETS[kind]))}", where=where)
    return LexEntry(kind, lemma, particle, objects, prep, code, target,
                    entry_key(kind, lemma, particle, objects, prep), str(path), n, note, user)


def read_predicates(path: str | Path, ontology: Ontology | None = None, *,
                    user: bool = False) -> list[LexEntry]:
    """The entries of one predicates file, validated.

    Two entries of the same file may not share a key, nor overlap (same kind, lemma, particle
    and prep, and a common object lemma or both without objects): which would win is unclear."""
    path = Path(path)
    onto = ontology or load_ontology()
    entries: list[LexEntry] = []
    seen: dict[tuple[str, str, str, str], list[LexEntry]] = {}
    for n, fields in tsv_rows(path, _PRED_COLUMNS, "E411", "lexicon file"):
        e = _parse_predicate(n, fields, path, onto, user)
        for other in seen.get((e.kind, e.lemma, e.particle, e.prep), []):
            both_bare = not e.objects and not other.objects
            common = sorted(e.objects & other.objects)
            if other.key == e.key or both_bare or common:
                clash = f"object '{common[0]}'" if common else "the same pattern"
                raise DataFileError("E414", f"'{e.key}' overlaps line {other.line} "
                                    f"('{other.key}') on {clash}: merge the two rows or remove "
                                    "the shared object from one", where=f"{path}:{n}")
        seen.setdefault((e.kind, e.lemma, e.particle, e.prep), []).append(e)
        entries.append(e)
    return entries


def _read_reporting(path: Path) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for n, (kind, lemma, stance, _note) in tsv_rows(path, _REPORT_COLUMNS, "E415",
                                                    "reporting table"):
        where = f"{path}:{n}"
        if kind not in {"verb", "noun"}:
            raise DataFileError("E415", f"kind '{kind}' must be verb or noun", where=where)
        if not lemma or lemma != lemma.lower() or not _WORD.fullmatch(lemma):
            raise DataFileError("E415", f"lemma '{lemma}' must be one lower-case token",
                                where=where)
        if stance not in STANCES:
            raise DataFileError("E415", f"stance '{stance}' must be one of {', '.join(STANCES)}",
                                where=where)
        if (kind, lemma) in out:
            raise DataFileError("E415", f"{kind} '{lemma}' is listed twice: keep one row",
                                where=where)
        out[(kind, lemma)] = stance
    return out


def _read_modality(path: Path) -> tuple[ModalityCue, ...]:
    cues: dict[str, ModalityCue] = {}
    for n, (cue, kind, modality, note) in tsv_rows(path, _MODALITY_COLUMNS, "E416",
                                                   "modality table"):
        where = f"{path}:{n}"
        if not cue or cue != cue.lower() or " " in cue:
            raise DataFileError("E416", f"cue '{cue}' must be one lower-case token", where=where)
        if kind not in CUE_KINDS:
            raise DataFileError("E416", f"kind '{kind}' must be one of {', '.join(CUE_KINDS)}",
                                where=where)
        if modality not in MODALITIES:
            raise DataFileError("E416", f"modality '{modality}' must be one of "
                                f"{', '.join(MODALITIES)}", where=where)
        if cue in cues:
            raise DataFileError("E416", f"cue '{cue}' is listed twice (line "
                                f"{cues[cue].line}): keep one row", where=where)
        cues[cue] = ModalityCue(cue, kind, modality, note, str(path), n)
    return tuple(cues.values())


class Lexicon:
    """Predicate entries indexed by (kind, lemma), plus the reporting and modality tables."""

    def __init__(self, entries: Iterable[LexEntry], *, reporting: Mapping[tuple[str, str], str],
                 modality: tuple[ModalityCue, ...], version: str) -> None:
        self.version = version
        self._by: dict[tuple[str, str], list[LexEntry]] = {}
        for e in entries:
            self._by.setdefault((e.kind, e.lemma), []).append(e)
        self.reporting_verbs = frozenset(lem for (k, lem) in reporting if k == "verb")
        self.reporting_nouns = frozenset(lem for (k, lem) in reporting if k == "noun")
        self.reporting_stance: Mapping[tuple[str, str], str] = MappingProxyType(dict(reporting))
        self.modality_table = modality
        self.modality_cues: Mapping[str, str] = MappingProxyType(
            {c.cue: c.modality for c in modality if c.kind != "dep"})

    def __iter__(self) -> Iterator[LexEntry]:
        for entries in self._by.values():
            yield from entries

    def __len__(self) -> int:
        return sum(len(v) for v in self._by.values())

    def entries(self, kind: str, lemma: str) -> list[LexEntry]:
        """All entries of this kind and lemma (including "not an event" ones), file order."""
        return list(self._by.get((kind, lemma.lower()), ()))

    def verb(self, lemma: str) -> list[LexEntry]:
        return self.entries("verb", lemma)

    def noun(self, lemma: str) -> list[LexEntry]:
        return self.entries("noun", lemma)

    def adj(self, lemma: str) -> list[LexEntry]:
        return self.entries("adj", lemma)

    def candidates(self, kind: str, lemma: str, *, particle: str = "",
                   objects: Iterable[str] = (), preps: Iterable[str] = ()) -> list[LexEntry]:
        """The entries that fit a token, most specific first (user entries first on a tie).

        ``particle``: the token's phrasal particle ("" for none): an entry fits only with the
        same particle, so a phrasal verb the lexicon does not know gets nothing. ``objects``:
        lemmas of its direct objects, objects of its prepositions, to-infinitive verbs and, for
        nouns, compound and adjective modifiers. ``preps``: prepositions attached to it or to
        its object."""
        objs, prs = frozenset(objects), frozenset(preps)
        fits = [e for e in self.entries(kind, lemma) if e.matches(particle, objs, prs)]
        return sorted(fits, key=lambda e: (-e.specificity, not e.user, e.line))

    def best(self, kind: str, lemma: str, *, particle: str = "", objects: Iterable[str] = (),
             preps: Iterable[str] = ()) -> LexEntry | None:
        """The winning entry for a token, or None when none fits or the winner says "-"."""
        found = self.candidates(kind, lemma, particle=particle, objects=objects, preps=preps)
        return found[0] if found and found[0].is_event else None

    def roots(self) -> frozenset[str]:
        """The CAMEO roots ("01".."20") that some entry codes."""
        return frozenset(e.code[:2] for e in self if e.is_event)


def _digest(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()[:8]


def read_lexicon(user_file: str | Path | None = None, *, directory: str | Path | None = None,
                 ontology: Ontology | None = None) -> Lexicon:
    """Read the lexicon tables (the packaged ones, or those in ``directory``) and a user's
    predicates file, validated. Not cached: see ``load_lexicon``."""
    base = Path(directory) if directory is not None else data_dir("lexicon")
    onto = ontology or load_ontology()
    files = (base / "predicates.tsv", base / "reporting.tsv", base / "modality.tsv")
    entries = {e.key: e for e in read_predicates(files[0], onto)}
    version = f"{LEXICON_SERIES}+{_digest(*files)}"
    if user_file:
        user_path = Path(user_file)
        if not user_path.is_file():
            raise DataFileError("E410", "the lexicon file does not exist: fix the "
                                "'lexicon_file' setting or create the file (same columns as "
                                "data/lexicon/predicates.tsv)", where=str(user_path))
        for e in read_predicates(user_path, onto, user=True):
            entries[e.key] = e  # same key: the user's entry replaces the packaged one
        version += f"+user-{_digest(user_path)}"
    return Lexicon(entries.values(), reporting=_read_reporting(files[1]),
                   modality=_read_modality(files[2]), version=version)


@functools.lru_cache(maxsize=8)
def _cached(user_file: str | None, _stamp: tuple[int, int] | None) -> Lexicon:
    return read_lexicon(user_file)


def load_lexicon(user_file: str | None = None) -> Lexicon:
    """The packaged lexicon plus ``user_file`` (the ``lexicon_file`` setting; "" or None for
    none), cached per file and re-read when that file changes."""
    if not user_file:
        return _cached(None, None)
    path = Path(user_file).resolve()
    try:
        st = path.stat()
    except OSError:
        return read_lexicon(path)  # raises E410 with the fix
    return _cached(str(path), (st.st_mtime_ns, st.st_size))
