"""The CAMEO/PLOVER ontology: its facts against the reference codebooks, lookups, validation."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadline.cli import main
from dyadline.errors import DataFileError, QueryError
from dyadline.events.ontology import data_dir, load_ontology, read_ontology

HEADER = "code\troot\tlevel\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\n"
GOOD_ROWS = [
    "01\t01\t1\tMake public statement\t0.0\t1\t\t",
    "010\t01\t2\tMake statement\t0.0\t1\t\t",
    "19\t19\t1\tFight\t-10.0\t4\tASSAULT\t",
    "190\t19\t2\tUse conventional military force\t-10.0\t4\t\t",
    "191\t19\t2\tImpose blockade\t-9.5\t4\tCOERCE\trestrict",
]
PLOVER = data_dir("ontology") / "plover.tsv"


def _codebook(shared: Path) -> list[dict[str, str]]:
    with (shared / "codebooks" / "cameo_event_codes.tsv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _write(tmp_path: Path, rows: list[str], header: str = HEADER) -> Path:
    path = tmp_path / "cameo.tsv"
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_codes_scores_and_quad_classes_match_the_codebooks(shared: Path) -> None:
    onto = load_ontology()
    book = _codebook(shared)
    assert {c.code for c in onto} == {r["code"] for r in book}
    for row in book:
        entry = onto.get(row["code"])
        expected = float(row["goldstein_gdelt"] or row["goldstein_icews_table"])
        assert entry.goldstein == expected, row["code"]
        assert entry.quad_class == int(row["quad_class_gdelt"]), row["code"]
        assert entry.root == row["root_code"]


def test_names_follow_the_cameo_manual(shared: Path) -> None:
    onto = load_ontology()
    for row in _codebook(shared):
        assert onto.get(row["code"]).name.lower() == " ".join(
            row["name_cameo_manual"].split()).lower(), row["code"]


def test_plover_events_follow_the_2021_conversion(shared: Path) -> None:
    onto = load_ontology()
    path = shared / "codebooks" / "cameo_to_plover_2021.tsv"
    with path.open(encoding="utf-8") as f:
        mapping = {r["cameo_code"]: r for r in csv.DictReader(f, delimiter="\t")}
    for entry in onto:
        if entry.code in mapping:
            assert entry.plover == mapping[entry.code]["plover_event"], entry.code
            assert not entry.plover_inherited
        else:  # only statements and appeals lack a mapping, and no parent of theirs has one
            assert entry.root in {"01", "02"} and entry.plover == "", entry.code


@pytest.mark.parametrize(("code", "name", "root", "goldstein", "quad", "plover"), [
    ("051", "Praise or endorse", "05", 3.4, 1, "SUPPORT"),
    ("0211", "Appeal for economic cooperation", "02", 3.4, 1, ""),
    ("106", "Demand meeting, negotiation", "10", -5.0, 3, "REQUEST"),
    ("1712", "Destroy property", "17", -9.2, 4, "ASSAULT"),
    ("186", "Assassinate", "18", -10.0, 4, "ASSAULT"),
    ("20", "Use unconventional mass violence", "20", -10.0, 4, "ASSAULT"),
])
def test_get(code: str, name: str, root: str, goldstein: float, quad: int, plover: str) -> None:
    entry = load_ontology().get(code)
    assert (entry.name, entry.root, entry.goldstein, entry.quad_class, entry.plover) == (
        name, root, goldstein, quad, plover)


def test_roots_and_children() -> None:
    onto = load_ontology()
    assert [r.code for r in onto.roots()] == [f"{i:02d}" for i in range(1, 21)]
    assert [c.code for c in onto.children("02")] == [f"02{i}" for i in range(9)]
    assert [c.code for c in onto.children("021")] == ["0211", "0212", "0213", "0214"]
    assert onto.children("051") == ()
    assert onto.get("0211").parent == "021" and onto.get("02").parent is None
    assert len(onto) == 312


@pytest.mark.parametrize(("code", "hint"), [("51", "did you mean '051'"), ("999", "ontology show"),
                                            ("abc", "not a CAMEO event code")])
def test_unknown_code_says_how_to_fix(code: str, hint: str) -> None:
    with pytest.raises(QueryError) as err:
        load_ontology().get(code)
    assert err.value.code == "E402" and hint in str(err.value)


def test_plover_types() -> None:
    types = {t.event: t for t in load_ontology().plover_types()}
    assert len(types) == 16
    assert types["AGREE"].quad_class == 1 and types["ASSAULT"].quad_class == 4
    assert "visit" in types["CONSULT"].modes


def test_a_code_without_plover_mapping_takes_its_parents(tmp_path: Path) -> None:
    onto = read_ontology(_write(tmp_path, GOOD_ROWS), PLOVER)
    assert onto.get("190").plover == "ASSAULT" and onto.get("190").plover_inherited
    assert onto.get("191").plover_mode == "restrict" and not onto.get("191").plover_inherited
    assert onto.get("010").plover == ""  # nothing to inherit
    assert onto.version.startswith("cameo-1.1b3+plover-2021/")


@pytest.mark.parametrize(("row", "message"), [
    ("011\t01\t2\tDecline comment\t-0.1\t1\t", "expected 8 tab-separated columns"),
    ("0x1\t01\t2\tX\t0.0\t1\t\t", "must be 2 to 4 digits"),
    ("011\t02\t2\tX\t0.0\t1\t\t", "root '02' must be the first two digits"),
    ("011\t01\t3\tX\t0.0\t1\t\t", "level of '011' must be 2"),
    ("011\t01\t2\t\t0.0\t1\t\t", "has no name"),
    ("011\t01\t2\tX\tminus\t1\t\t", "is not a number"),
    ("011\t01\t2\tX\t-11\t1\t\t", "outside -10..10"),
    ("011\t01\t2\tX\t0.0\t5\t\t", "quad_class must be 1-4"),
    ("011\t01\t2\tX\t0.0\t1\tFIGHT\t", "not in plover.tsv"),
    ("011\t01\t2\tX\t0.0\t1\t\tvisit", "needs a PLOVER event"),
    ("010\t01\t2\tAgain\t0.0\t1\t\t", "listed twice"),
    ("0111\t01\t3\tOrphan\t0.0\t1\t\t", "parent '011'"),
])
def test_broken_row_names_file_line_and_fix(tmp_path: Path, row: str, message: str) -> None:
    path = _write(tmp_path, [*GOOD_ROWS, row])
    with pytest.raises(DataFileError) as err:
        read_ontology(path, PLOVER)
    assert err.value.code == "E401"
    assert message in str(err.value)
    assert err.value.where == f"{path}:{len(GOOD_ROWS) + 2}"


def test_missing_header_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="header must be"):
        read_ontology(_write(tmp_path, GOOD_ROWS, header="code\tname\n"), PLOVER)
    with pytest.raises(DataFileError, match="cannot read the CAMEO table"):
        read_ontology(tmp_path / "absent.tsv", PLOVER)


def test_broken_plover_row(tmp_path: Path) -> None:
    plover = tmp_path / "plover.tsv"
    plover.write_text("event\tquad_class\tquad_category\tmodes\nAGREE\t7\tverbal cooperation\t\n",
                      encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_ontology(_write(tmp_path, GOOD_ROWS), plover)
    assert err.value.code == "E403" and err.value.where == f"{plover}:2"


@pytest.mark.parametrize(("args", "expected"), [
    (["051"], ["051  Praise or endorse", "Goldstein   +3.4", "quad class  1 (verbal cooperation)",
               "PLOVER      SUPPORT", "children    none"]),
    (["02"], ["PLOVER      none", "    028  Appeal to engage in or accept mediation"]),
    (["0211", "--json"], ['"code": "0211"', '"children": []']),
])
def test_cli_show(args: list[str], expected: list[str]) -> None:
    result = CliRunner().invoke(main, ["ontology", "show", *args])
    assert result.exit_code == 0, result.output
    for text in expected:
        assert text in result.output


def test_cli_show_unknown_code_exits_1() -> None:
    result = CliRunner().invoke(main, ["ontology", "show", "51"])
    assert result.exit_code == 1
    assert "[E402]" in result.output
