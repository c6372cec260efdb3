"""The CAMEO event ontology with Goldstein scores, quad classes and PLOVER equivalents.

Read from ``data/ontology/cameo.tsv`` (every CAMEO code) and ``data/ontology/plover.tsv``
(PLOVER's 16 event types), validated on load. A code the 2021 CAMEO->PLOVER conversion leaves
out takes its nearest parent's PLOVER event and mode; statements (01) and appeals (02) have no
PLOVER equivalent at all and keep ``plover == ""``. See docs/ontology.md.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from dyadline.errors import DataFileError, QueryError

__all__ = [
    "CAMEO_VERSION",
    "QUAD_NAMES",
    "CameoCode",
    "Ontology",
    "PloverType",
    "data_dir",
    "load_ontology",
    "read_ontology",
    "tsv_rows",
]

CAMEO_VERSION = "cameo-1.1b3+plover-2021"
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}

_CAMEO_COLUMNS = ("code", "root", "level", "name", "goldstein", "quad_class",
                  "plover_event", "plover_mode")
_PLOVER_COLUMNS = ("event", "quad_class", "quad_category", "modes")
_CODE = re.compile(r"\d{2,4}")


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code. ``level``: 1 root (``"05"``), 2 three digits, 3 four digits."""

    code: str
    root: str
    level: int
    name: str
    goldstein: float
    quad_class: int  # GDELT: 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict
    plover: str  # PLOVER event type, "" for none (statements, appeals)
    plover_mode: str | None
    plover_inherited: bool = False  # True when the PLOVER mapping comes from a parent code

    @property
    def parent(self) -> str | None:
        """The code one level up ("0211" -> "021", "021" -> "02"), None for a root."""
        return None if self.level == 1 else self.code[:-1]

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "root": self.root,
            "level": self.level,
            "name": self.name,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "quad_name": QUAD_NAMES[self.quad_class],
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "plover_inherited": self.plover_inherited,
        }


@dataclass(frozen=True, slots=True)
class PloverType:
    """One of PLOVER's 16 event types with its quad class and modes."""

    event: str
    quad_class: int
    quad_category: str
    modes: tuple[str, ...]


def tsv_rows(path: Path, columns: tuple[str, ...], code: str,
             what: str = "data file") -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of each data row of a tab-separated file with a header row.

    Blank lines and lines starting with ``#`` are skipped. A wrong header or column count raises
    DataFileError with ``code``, naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(code, f"cannot read the {what} ({exc.strerror}): check the path",
                            where=str(path)) from None
    except UnicodeDecodeError:
        raise DataFileError(code, f"the {what} is not UTF-8 text: save it as UTF-8",
                            where=str(path)) from None
    header_seen = False
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(f.strip() for f in fields) != columns:
                raise DataFileError(code, "the header must be the tab-separated columns "
                                    f"{', '.join(columns)}", where=f"{path}:{n}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise DataFileError(code, f"expected {len(columns)} tab-separated columns, found "
                                f"{len(fields)}: fix the row (empty columns still need their tab)",
                                where=f"{path}:{n}")
        yield n, [f.strip() for f in fields]
    if not header_seen:
        raise DataFileError(code, "no header row: the first data line must name the columns "
                            f"{', '.join(columns)}", where=str(path))


def _read_plover(path: Path) -> dict[str, PloverType]:
    out: dict[str, PloverType] = {}
    for n, (event, quad, category, modes) in tsv_rows(path, _PLOVER_COLUMNS, "E403",
                                                       "PLOVER table"):
        where = f"{path}:{n}"
        if not re.fullmatch(r"[A-Z]+", event):
            raise DataFileError("E403", f"PLOVER event '{event}' must be upper-case letters",
                                where=where)
        if event in out:
            raise DataFileError("E403", f"PLOVER event '{event}' is listed twice: keep one row",
                                where=where)
        if quad not in {"1", "2", "3", "4"}:
            raise DataFileError("E403", f"quad_class must be 1-4, got '{quad}'", where=where)
        out[event] = PloverType(event, int(quad), category,
                                tuple(m for m in modes.split("|") if m))
    return out


def _parse_cameo_row(n: int, fields: list[str], path: Path,
                     plover: dict[str, PloverType]) -> CameoCode:
    code, root, level, name, goldstein, quad, p_event, p_mode = fields
    where = f"{path}:{n}"
    if not _CODE.fullmatch(code):
        raise DataFileError("E401", f"code '{code}' must be 2 to 4 digits", where=where)
    if root != code[:2]:
        raise DataFileError("E401", f"root '{root}' must be the first two digits of '{code}'",
                            where=where)
    if level != str(len(code) - 1):
        raise DataFileError("E401", f"level of '{code}' must be {len(code) - 1} "
                            "(1 root, 2 three digits, 3 four digits)", where=where)
    if not name.strip():
        raise DataFileError("E401", f"code '{code}' has no name", where=where)
    try:
        score = float(goldstein)
    except ValueError:
        raise DataFileError("E401", f"goldstein '{goldstein}' is not a number", where=where) from None
    if not -10.0 <= score <= 10.0:
        raise DataFileError("E401", f"goldstein {score} is outside -10..10", where=where)
    if quad not in {"1", "2", "3", "4"}:
        raise DataFileError("E401", f"quad_class must be 1-4, got '{quad}'", where=where)
    if p_event and p_event not in plover:
        raise DataFileError("E401", f"PLOVER event '{p_event}' is not in plover.tsv: use one of "
                            f"{', '.join(sorted(plover))}", where=where)
    if p_mode and not p_event:
        raise DataFileError("E401", "a PLOVER mode needs a PLOVER event", where=where)
    return CameoCode(code, root, int(level), name.strip(), score, int(quad), p_event,
                     p_mode or None)


class Ontology:
    """All CAMEO codes, their parents and children, and the PLOVER event types."""

    def __init__(self, codes: dict[str, CameoCode], plover: dict[str, PloverType],
                 version: str) -> None:
        self._codes = codes
        self._plover = plover
        self.version = version
        children: dict[str, list[str]] = {}
        for c in codes.values():
            if c.parent is not None:
                children.setdefault(c.parent, []).append(c.code)
        self._children = {k: tuple(sorted(v)) for k, v in children.items()}

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def get(self, code: str) -> CameoCode:
        """The entry for ``code`` ("051", "0211", "05"); QueryError E402 if there is none."""
        try:
            return self._codes[code]
        except KeyError:
            hint = ""
            if f"0{code}" in self._codes:
                hint = f" (did you mean '0{code}'? codes keep their leading zero)"
            raise QueryError("E402", f"'{code}' is not a CAMEO event code{hint}: run "
                             "'dyadline ontology show 05' to list a root's codes") from None

    def roots(self) -> tuple[CameoCode, ...]:
        """The 20 root codes "01".."20", in order."""
        return tuple(c for c in self._codes.values() if c.level == 1)

    def children(self, code: str) -> tuple[CameoCode, ...]:
        """The codes one level below ``code`` (a root's three-digit codes, ...)."""
        self.get(code)
        return tuple(self._codes[c] for c in self._children.get(code, ()))

    def plover_types(self) -> tuple[PloverType, ...]:
        return tuple(self._plover.values())

    def plover_type(self, event: str) -> PloverType:
        try:
            return self._plover[event]
        except KeyError:
            raise QueryError("E402", f"'{event}' is not a PLOVER event type: use one of "
                             f"{', '.join(self._plover)}") from None


def _inherit_plover(codes: dict[str, CameoCode]) -> dict[str, CameoCode]:
    """Codes with no PLOVER event take the nearest parent's event and mode."""
    out: dict[str, CameoCode] = {}
    for code, c in codes.items():
        if c.plover:
            out[code] = c
            continue
        parent = c.parent
        while parent is not None and not codes[parent].plover:
            parent = codes[parent].parent
        if parent is None:
            out[code] = c
        else:
            p = codes[parent]
            out[code] = CameoCode(c.code, c.root, c.level, c.name, c.goldstein, c.quad_class,
                                  p.plover, p.plover_mode, plover_inherited=True)
    return out


def read_ontology(cameo_path: str | Path, plover_path: str | Path) -> Ontology:
    """Read and validate the two ontology files (not cached: see ``load_ontology``)."""
    cameo_path, plover_path = Path(cameo_path), Path(plover_path)
    plover = _read_plover(plover_path)
    codes: dict[str, CameoCode] = {}
    for n, fields in tsv_rows(cameo_path, _CAMEO_COLUMNS, "E401", "CAMEO table"):
        entry = _parse_cameo_row(n, fields, cameo_path, plover)
        if entry.code in codes:
            raise DataFileError("E401", f"code '{entry.code}' is listed twice: keep one row",
                                where=f"{cameo_path}:{n}")
        if entry.parent is not None and entry.parent not in codes:
            raise DataFileError("E401", f"the parent '{entry.parent}' of '{entry.code}' must be "
                                "listed before it", where=f"{cameo_path}:{n}")
        codes[entry.code] = entry
    if not codes:
        raise DataFileError("E401", "the ontology file lists no codes", where=str(cameo_path))
    digest = hashlib.sha256(cameo_path.read_bytes() + plover_path.read_bytes()).hexdigest()[:8]
    return Ontology(_inherit_plover(codes), plover, f"{CAMEO_VERSION}/{digest}")


def data_dir(*parts: str) -> Path:
    """A directory under the package's ``data/`` (works installed and from a checkout)."""
    return Path(str(resources.files("dyadline").joinpath("data", *parts)))


@functools.cache
def load_ontology() -> Ontology:
    """The packaged ontology, read once per process."""
    base = data_dir("ontology")
    return read_ontology(base / "cameo.tsv", base / "plover.tsv")
