"""Read and validate the actor data files (packaged TSVs and a user's TSV or YAML file).

Every problem becomes a ``DataFileError`` with file and line and the fix; the readers collect
them all (``dyadline actors validate``), ``load_tables`` raises the first one. The packaged
files are ``countries.tsv``, ``metonyms.tsv``, ``ambiguous.tsv``, ``regions.tsv``, ``groups.tsv``,
``igos.tsv``, ``orgs.tsv``, ``sectors.tsv``, ``given_names.tsv``, ``people/*.tsv`` and ``VERSION``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dyadline.actors.records import (
    COUNTRY_LIKE,
    GROUP_KINDS,
    OPEN_START_ROLES,
    ROLES,
    SECTORS,
    Country,
    Group,
    IgoEntry,
    RoleSpell,
    SectorTerm,
)
from dyadline.actors.text import key
from dyadline.errors import DataFileError

__all__ = ["HEADERS", "Tables", "iso3_codes", "load_tables", "read_user_file"]

HEADERS: dict[str, tuple[str, ...]] = {
    "people": ("person_id", "name", "aliases", "country", "org", "role", "sector", "title",
               "start", "end", "source"),
    "countries": ("iso3", "name", "aliases", "adjectives", "nationals", "capitals"),
    "metonyms": ("text", "country", "sector", "note"),
    "ambiguous": ("text", "reason"),
    "regions": ("text", "country", "note"),
    "groups": ("name", "aliases", "country", "kind", "note"),
    "orgs": ("code", "name", "aliases", "country", "sector", "start", "end", "note"),
    "sectors": ("term", "sector", "kind", "role", "generic"),
    "given_names": ("name", "gender"),
}
SECTOR_KINDS = frozenset({"group", "person", "modifier", "state"})
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ORG_CODE = re.compile(r"^[A-Z0-9]{2,14}$")


def iso3_codes() -> frozenset[str]:
    """ISO 3166 alpha-3 codes (pycountry) plus XKX (Kosovo)."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


@dataclass
class Tables:
    """Everything the data files hold, validated; ``problems`` lists what was wrong."""

    version: str = ""
    countries: dict[str, Country] = field(default_factory=dict)
    metonyms: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # key -> text,iso,sec
    ambiguous: set[str] = field(default_factory=set)
    regions: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (text, iso3)
    groups: dict[str, Group] = field(default_factory=dict)  # key of the name -> group
    orgs: dict[str, list[IgoEntry]] = field(default_factory=dict)  # code -> entries (by date)
    sectors: dict[tuple[str, str], SectorTerm] = field(default_factory=dict)  # (term, kind)
    given: dict[str, str] = field(default_factory=dict)
    people: dict[str, tuple[str, tuple[str, ...], str]] = field(default_factory=dict)  # id->
    spells: list[RoleSpell] = field(default_factory=list)
    problems: list[DataFileError] = field(default_factory=list)


# -- reading ------------------------------------------------------------------------------
Row = tuple[str, dict[str, str]]  # (where, values)


def _read_tsv(path: Path, kind: str, problems: list[DataFileError]) -> list[Row]:
    """Rows of a TSV whose first non-comment line is the header of ``kind``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(DataFileError("E301", f"cannot read the file ({exc.__class__.__name__}): "
                                      "check the path and that it is UTF-8 text", where=str(path)))
        return []
    want = HEADERS[kind]
    header: list[str] | None = None
    rows: list[Row] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path.name}:{n}"
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            if tuple(header) != want:
                problems.append(DataFileError(
                    "E302", f"the header is {header!r}; a {kind} file starts with the "
                    f"tab-separated header: {chr(9).join(want)}", where=where))
                return []
            continue
        if len(cells) != len(want):
            problems.append(DataFileError(
                "E303", f"{len(cells)} tab-separated columns, want {len(want)} "
                f"({', '.join(want)}): fix the tabs (empty cells still need their tab)",
                where=where))
            continue
        rows.append((where, {k: v.strip() for k, v in zip(want, cells, strict=True)}))
    if header is None:
        problems.append(DataFileError("E302", f"no header line: start the file with "
                                      f"{chr(9).join(want)}", where=str(path)))
    return rows


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def _day(raw: str, where: str, column: str, problems: list[DataFileError]) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        problems.append(DataFileError("E306", f"{column} {raw!r} is not an ISO date: write "
                                      "YYYY-MM-DD, or leave the cell empty", where=where))
        return None


def _sector(raw: str, where: str, problems: list[DataFileError], *, allow_empty: bool) -> str | None:
    if not raw or raw == "-":
        if not allow_empty:
            problems.append(DataFileError("E305", "the sector is empty: give a sector code "
                                          f"({', '.join(sorted(SECTORS))})", where=where))
        return None
    if raw not in SECTORS:
        problems.append(DataFileError("E305", f"unknown sector {raw!r}: use one of "
                                      f"{', '.join(sorted(SECTORS))}", where=where))
        return None
    return raw


# -- the tables ----------------------------------------------------------------------------
def _countries(rows: list[Row], t: Tables, iso: frozenset[str]) -> None:
    for where, r in rows:
        code = r["iso3"]
        if code not in iso:
            t.problems.append(DataFileError("E304", f"unknown country code {code!r}: use an ISO "
                                            "3166 alpha-3 code (RUS, USA ...)", where=where))
            continue
        old = t.countries.get(code)
        t.countries[code] = Country(
            iso3=code,
            name=r["name"] or (old.name if old else code),
            aliases=(old.aliases if old else ()) + _split(r["aliases"]),
            adjectives=(old.adjectives if old else ()) + _split(r["adjectives"]),
            nationals=(old.nationals if old else ()) + _split(r["nationals"]),
            capitals=_split(r["capitals"]) or (old.capitals if old else ()),
        )


def _metonyms(rows: list[Row], t: Tables, iso: frozenset[str]) -> None:
    for where, r in rows:
        if not r["text"]:
            t.problems.append(DataFileError("E310", "the text is empty: write the name",
                                            where=where))
            continue
        if r["country"] not in iso:
            t.problems.append(DataFileError("E304", f"unknown country code {r['country']!r}: use "
                                            "an ISO 3166 alpha-3 code", where=where))
            continue
        sector = _sector(r["sector"], where, t.problems, allow_empty=False)
        if sector:
            t.metonyms[key(r["text"])] = (r["text"], r["country"], sector)


def _regions(rows: list[Row], t: Tables, iso: frozenset[str]) -> None:
    for where, r in rows:
        if not r["text"]:
            t.problems.append(DataFileError("E310", "the text is empty: write the region's name",
                                            where=where))
        elif r["country"] not in iso:
            t.problems.append(DataFileError("E304", f"unknown country code {r['country']!r}: use "
                                            "an ISO 3166 alpha-3 code", where=where))
        else:
            t.regions[key(r["text"])] = (r["text"], r["country"])


def _groups(rows: list[Row], t: Tables, iso: frozenset[str], replace: bool) -> None:
    """Peoples and communities; a user's row replaces the packaged group of the same name."""
    owner = {key(f): g for g in t.groups.values() for f in (g.name, *g.aliases)}
    for where, r in rows:
        if not r["name"]:
            t.problems.append(DataFileError("E310", "the name is empty: write the group's name "
                                            "(e.g. Yoruba, Kurds)", where=where))
            continue
        country = r["country"] or None
        if country is not None and country not in iso:
            t.problems.append(DataFileError("E304", f"unknown country {country!r}: use the ISO "
                                            "alpha-3 code of the homeland, or leave it empty "
                                            "for a group spread over several countries",
                                            where=where))
            continue
        if r["kind"] not in GROUP_KINDS:
            t.problems.append(DataFileError("E307", f"unknown kind {r['kind']!r}: use one of "
                                            f"{', '.join(sorted(GROUP_KINDS))}", where=where))
            continue
        group = Group(r["name"], _split(r["aliases"]), country, r["kind"], where)
        k = key(group.name)
        if replace and k in t.groups:
            old = t.groups.pop(k)
            owner = {f: g for f, g in owner.items() if g is not old}
        clash = next((owner[key(f)] for f in (group.name, *group.aliases)
                      if key(f) in owner), None)
        if clash is not None:
            t.problems.append(DataFileError(
                "E309", f"{group.name!r} shares a form with the group {clash.name!r} "
                f"({clash.where}): keep each form on one row", where=where))
            continue
        t.groups[k] = group
        owner.update({key(f): group for f in (group.name, *group.aliases)})


def _orgs(rows: list[Row], t: Tables, iso: frozenset[str], replace: bool) -> None:
    seen: set[str] = set()
    for where, r in rows:
        code = r["code"]
        if not _ORG_CODE.match(code):
            t.problems.append(DataFileError("E313", f"org code {code!r} is not 2-14 capital "
                                            "letters or digits: write e.g. UNO, NATO, CNN",
                                            where=where))
            continue
        if not r["name"]:
            t.problems.append(DataFileError("E310", "the name is empty: write the organisation's "
                                            "name", where=where))
            continue
        country = r["country"] or None
        if country is not None and country not in iso and country not in COUNTRY_LIKE:
            t.problems.append(DataFileError("E304", f"unknown country {country!r}: use an ISO "
                                            "alpha-3 code, or IGO / NGO / IMG", where=where))
            continue
        sector = _sector(r["sector"], where, t.problems, allow_empty=True)
        start = _day(r["start"], where, "start", t.problems)
        end = _day(r["end"], where, "end", t.problems)
        if start and end and end < start:
            t.problems.append(DataFileError("E306", "end is before start: swap or fix the dates",
                                            where=where))
            continue
        entry = IgoEntry(code, r["name"], _split(r["aliases"]), country, sector, start, end, where)
        if replace and code not in seen:
            t.orgs[code] = []
        seen.add(code)
        t.orgs.setdefault(code, []).append(entry)


def _sectors(rows: list[Row], t: Tables) -> None:
    for where, r in rows:
        if not r["term"]:
            t.problems.append(DataFileError("E310", "the term is empty", where=where))
            continue
        if r["kind"] not in SECTOR_KINDS:
            t.problems.append(DataFileError("E307", f"unknown kind {r['kind']!r}: use one of "
                                            f"{', '.join(sorted(SECTOR_KINDS))}", where=where))
            continue
        if r["role"] and r["role"] not in ROLES:
            t.problems.append(DataFileError("E307", f"unknown role {r['role']!r}: use one of "
                                            f"{', '.join(sorted(ROLES))}", where=where))
            continue
        if r["generic"] not in ("", "yes", "no"):
            t.problems.append(DataFileError("E310", "generic is 'yes', 'no' or empty",
                                            where=where))
            continue
        sector = _sector(r["sector"], where, t.problems, allow_empty=True)
        if r["sector"] not in ("", "-") and sector is None:
            continue
        term = r["term"].lower()
        t.sectors[(term, r["kind"])] = SectorTerm(term, sector, r["kind"], r["role"] or None,
                                                  r["generic"] == "yes", where)


def _people(rows: list[Row], t: Tables, iso: frozenset[str], replaced: set[str]) -> None:
    for where, r in rows:
        pid = r["person_id"]
        if not _SLUG.match(pid):
            t.problems.append(DataFileError("E308", f"person_id {pid!r} is not a lower-case "
                                            "ascii slug: write e.g. vladimir-putin", where=where))
            continue
        missing = [c for c in ("name", "country", "role", "sector") if not r[c]]
        if missing:
            t.problems.append(DataFileError("E310", f"empty {', '.join(missing)}: every people "
                                            "row needs name, country, role and sector",
                                            where=where))
            continue
        country = r["country"]
        if country not in iso and country != "IGO":
            t.problems.append(DataFileError("E304", f"unknown country {country!r}: use an ISO "
                                            "3166 alpha-3 code, or IGO for officials of an IGO",
                                            where=where))
            continue
        org = r["org"] or None
        if country == "IGO" and not org:
            t.problems.append(DataFileError("E313", "an IGO official needs the org code (UNO, "
                                            "NATO, EU ...) in the org column", where=where))
            continue
        if org and org not in t.orgs:
            t.problems.append(DataFileError("E313", f"unknown org {org!r}: use a code from "
                                            "igos.tsv (UNO, NATO, EU, AU ...)", where=where))
            continue
        if r["role"] not in ROLES:
            t.problems.append(DataFileError("E307", f"unknown role {r['role']!r}: use one of "
                                            f"{', '.join(sorted(ROLES))}", where=where))
            continue
        sector = _sector(r["sector"], where, t.problems, allow_empty=False)
        if sector is None:
            continue
        start = _day(r["start"], where, "start", t.problems)
        end = _day(r["end"], where, "end", t.problems)
        if (r["start"] and start is None) or (r["end"] and end is None):
            continue
        if start is None and r["role"] not in OPEN_START_ROLES:
            t.problems.append(DataFileError("E306", f"start is empty: a {r['role']} spell needs "
                                            "the exact day of taking office (leave the row out "
                                            "if it is not known)", where=where))
            continue
        if start and end and end < start:
            t.problems.append(DataFileError("E306", "end is before start: fix the dates",
                                            where=where))
            continue
        known = t.people.get(pid)
        aliases = _split(r["aliases"])
        if known and pid not in replaced and (known[0] != r["name"]):
            t.problems.append(DataFileError(
                "E308", f"person {pid} is named {known[0]!r} in {known[2]} but {r['name']!r} "
                "here: one person has one name on every row", where=where))
            continue
        if not known or pid in replaced:
            t.people[pid] = (r["name"], aliases, where)
            replaced.discard(pid)
        elif aliases:
            merged = known[1] + tuple(a for a in aliases if a not in known[1])
            t.people[pid] = (known[0], merged, known[2])
        t.spells.append(RoleSpell(pid, country, org, r["role"], sector, _split(r["title"]),
                                  start, end, r["source"], where))


def _check_spells(t: Tables) -> None:
    """Duplicate or overlapping spells of one person in one role are errors."""
    by: dict[tuple[str, str, str | None], list[RoleSpell]] = {}
    for s in t.spells:
        by.setdefault((s.person_id, s.role, s.org), []).append(s)
    for (pid, role, _org), spells in by.items():
        spells.sort(key=lambda s: (s.start or date.min))
        for a, b in itertools.pairwise(spells):
            a_end = a.end or date.max
            b_start = b.start or date.min
            # consecutive spells may share the handover day (acting -> elected holder)
            if b_start < a_end or a.start == b.start or (b_start == a_end and b.end == a.end):
                what = "duplicates" if a.start == b.start else "overlaps"
                t.problems.append(DataFileError(
                    "E309", f"this {role} spell of {pid} {what} the one at {a.where}: keep one "
                    "row per spell (remove the copy, or fix the dates)", where=b.where))


def _given(rows: list[Row], t: Tables) -> None:
    for where, r in rows:
        if r["gender"] not in ("m", "f"):
            t.problems.append(DataFileError("E310", "gender is m or f", where=where))
            continue
        t.given[r["name"].lower()] = r["gender"]


def _version(data_dir: Path, t: Tables) -> None:
    path = data_dir / "VERSION"
    try:
        t.version = path.read_text(encoding="utf-8").strip()
    except OSError:
        t.problems.append(DataFileError("E312", "the VERSION file is missing: write the "
                                        "knowledge-base version (actors-YYYY.MM.N) in it",
                                        where=str(path)))
    if not t.version:
        t.problems.append(DataFileError("E312", "VERSION is empty: write actors-YYYY.MM.N",
                                        where=str(path)))


def load_tables(data_dir: Path, user_file: Path | None = None, *, strict: bool = True) -> Tables:
    """Read the packaged files under ``data_dir`` and the user's file, validated.

    With ``strict`` the first problem is raised; otherwise they are left in ``problems``."""
    t = Tables()
    iso = iso3_codes()
    _version(data_dir, t)
    _countries(_read_tsv(data_dir / "countries.tsv", "countries", t.problems), t, iso)
    _metonyms(_read_tsv(data_dir / "metonyms.tsv", "metonyms", t.problems), t, iso)
    t.ambiguous.update(key(r["text"]) for _, r in
                       _read_tsv(data_dir / "ambiguous.tsv", "ambiguous", t.problems))
    _regions(_read_tsv(data_dir / "regions.tsv", "regions", t.problems), t, iso)
    _groups(_read_tsv(data_dir / "groups.tsv", "groups", t.problems), t, iso, replace=False)
    for name in ("igos.tsv", "orgs.tsv"):
        _orgs(_read_tsv(data_dir / name, "orgs", t.problems), t, iso, replace=False)
    _sectors(_read_tsv(data_dir / "sectors.tsv", "sectors", t.problems), t)
    _given(_read_tsv(data_dir / "given_names.tsv", "given_names", t.problems), t)
    for path in sorted((data_dir / "people").glob("*.tsv")):
        _people(_read_tsv(path, "people", t.problems), t, iso, set())
    if user_file is not None:
        read_user_file(user_file, t, iso)
    _check_spells(t)
    if strict and t.problems:
        first = t.problems[0]
        more = len(t.problems) - 1
        if more:
            first = DataFileError(first.code, f"{first.message} (and {more} more problem(s): run "
                                  "'dyadline actors validate' on the file)", where=first.where)
        raise first
    return t


# -- the user's file -----------------------------------------------------------------------
def read_user_file(path: Path, t: Tables, iso: frozenset[str] | None = None) -> None:
    """Add a user's TSV (any one packaged header) or YAML file to ``t``; it overrides."""
    iso = iso or iso3_codes()
    if not path.is_file():
        t.problems.append(DataFileError("E301", "the actors file does not exist: fix the "
                                        "'actors_file' setting", where=str(path)))
        return
    if path.suffix.lower() in (".yaml", ".yml"):
        sections = _yaml_sections(path, t.problems)
    else:
        kind = _tsv_kind(path, t.problems)
        sections = {kind: _read_tsv(path, kind, t.problems)} if kind else {}
    _apply_user(sections, t, iso)


def _tsv_kind(path: Path, problems: list[DataFileError]) -> str | None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(DataFileError("E301", f"cannot read the file ({exc.__class__.__name__})",
                                      where=str(path)))
        return None
    for n, line in enumerate(lines, start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            cells = tuple(c.strip() for c in line.split("\t"))
            for kind, header in HEADERS.items():
                if cells == header:
                    return kind
            problems.append(DataFileError(
                "E302", "the header matches no actor file kind: use the header of a people, "
                "orgs, metonyms, regions, groups, sectors, countries or ambiguous file "
                "(docs/actors.md)",
                where=f"{path.name}:{n}"))
            return None
    problems.append(DataFileError("E302", "the file is empty", where=str(path)))
    return None


def _yaml_sections(path: Path, problems: list[DataFileError]) -> dict[str, list[Row]]:
    import yaml

    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problems.append(DataFileError("E311", f"cannot read the YAML ({exc.__class__.__name__}): "
                                      "fix its syntax", where=str(path)))
        return {}
    if not isinstance(root, yaml.MappingNode):
        problems.append(DataFileError("E311", "the YAML file is a mapping of sections (people:, "
                                      "orgs:, metonyms:, regions:, groups:, sectors:, "
                                      "countries:, ambiguous:)",
                                      where=str(path)))
        return {}
    out: dict[str, list[Row]] = {}
    for knode, vnode in root.value:
        kind = str(knode.value)
        where = f"{path.name}:{knode.start_mark.line + 1}"
        if kind not in HEADERS or kind == "given_names":
            problems.append(DataFileError("E311", f"unknown section {kind!r}: use people, orgs, "
                                          "metonyms, regions, groups, sectors, countries or "
                                          "ambiguous",
                                          where=where))
            continue
        if not isinstance(vnode, yaml.SequenceNode):
            problems.append(DataFileError("E311", f"section {kind} is a list of entries",
                                          where=where))
            continue
        rows: list[Row] = []
        for item in vnode.value:
            iw = f"{path.name}:{item.start_mark.line + 1}"
            if not isinstance(item, yaml.MappingNode):
                problems.append(DataFileError("E311", "an entry is a mapping of column: value",
                                              where=iw))
                continue
            values = {str(k.value): _yaml_value(v) for k, v in item.value}
            unknown = set(values) - set(HEADERS[kind])
            if unknown:
                problems.append(DataFileError(
                    "E311", f"unknown column(s) {', '.join(sorted(unknown))} in {kind}: use "
                    f"{', '.join(HEADERS[kind])}", where=iw))
                continue
            rows.append((iw, {c: values.get(c, "") for c in HEADERS[kind]}))
        out[kind] = rows
    return out


def _yaml_value(node: Any) -> str:
    import yaml

    if isinstance(node, yaml.SequenceNode):
        return "|".join(str(v.value) for v in node.value)
    return "" if node.value is None or node.tag.endswith(":null") else str(node.value).strip()


def _apply_user(sections: dict[str, list[Row]], t: Tables, iso: frozenset[str]) -> None:
    for kind, rows in sections.items():
        if kind == "countries":
            _countries(rows, t, iso)
        elif kind == "metonyms":
            _metonyms(rows, t, iso)
        elif kind == "ambiguous":
            t.ambiguous.update(key(r["text"]) for _, r in rows)
        elif kind == "regions":
            _regions(rows, t, iso)
        elif kind == "groups":
            _groups(rows, t, iso, replace=True)
        elif kind == "orgs":
            _orgs(rows, t, iso, replace=True)
        elif kind == "sectors":
            _sectors(rows, t)
        elif kind == "people":
            ids = {r["person_id"] for _, r in rows}
            t.spells = [s for s in t.spells if s.person_id not in ids]
            _people(rows, t, iso, set(ids))

