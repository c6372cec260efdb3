"""Broken rows in actor files are reported with file, line, a stable code and the fix; a user's
file adds to or overrides the packaged entries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dyadline.actors import load_kb_from, validate_file
from dyadline.actors.loader import load_tables
from dyadline.errors import DataFileError

from .conftest import PEOPLE_HEADER, build_data_dir

GOOD = "zed-ola\tZed Ola\t\tGHA\t\thead_of_state\tGOV\tPresident\t2001-01-07\t2009-01-06\ttest"


@pytest.mark.parametrize(("row", "code", "fragment"), [
    ("zed-ola\tZed Ola\t\tGHA\t\thead_of_state\tGOV\tPresident\t2001-01-07", "E303", "columns"),
    ("Zed Ola\tZed Ola\t\tGHA\t\thead_of_state\tGOV\tPresident\t2001-01-07\t\tx", "E308",
     "slug"),
    ("zed-ola\tZed Ola\t\tGHX\t\thead_of_state\tGOV\tPresident\t2001-01-07\t\tx", "E304",
     "unknown country"),
    ("zed-ola\tZed Ola\t\tGHA\t\thead_of_state\tGOB\tPresident\t2001-01-07\t\tx", "E305",
     "unknown sector"),
    ("zed-ola\tZed Ola\t\tGHA\t\tking\tGOV\tKing\t2001-01-07\t\tx", "E307", "unknown role"),
    ("zed-ola\tZed Ola\t\tGHA\t\thead_of_state\tGOV\tPresident\t2001-13-07\t\tx", "E306",
     "ISO date"),
    ("zed-ola\tZed Ola\t\tGHA\t\thead_of_state\tGOV\tPresident\t\t\tx", "E306",
     "exact day"),
    ("zed-ola\tZed Ola\t\tGHA\t\thead_of_state\tGOV\tPresident\t2009-01-07\t2001-01-06\tx",
     "E306", "before start"),
    ("zed-ola\tZed Ola\t\tIGO\t\tigo_head\tIGO\tChief\t2001-01-07\t\tx", "E313", "org code"),
    ("zed-ola\tZed Ola\t\tIGO\tXYZ\tigo_head\tIGO\tChief\t2001-01-07\t\tx", "E313",
     "unknown org"),
    ("zed-ola\t\t\tGHA\t\thead_of_state\tGOV\tPresident\t2001-01-07\t\tx", "E310", "name"),
])
def test_broken_people_rows(tmp_path: Path, row: str, code: str, fragment: str) -> None:
    data = build_data_dir(tmp_path, [GOOD.replace("zed-ola", "yan-ola").replace("Zed", "Yan"),
                                      row])
    with pytest.raises(DataFileError) as err:
        load_kb_from(data)
    assert err.value.code == code
    assert err.value.where == "test.tsv:3"
    assert fragment in err.value.message


@pytest.mark.parametrize(("rows", "code", "fragment"), [
    ([GOOD, GOOD], "E309", "duplicates"),
    ([GOOD, GOOD.replace("2001-01-07\t2009-01-06", "2008-01-07\t2012-01-06")], "E309",
     "overlaps"),
    ([GOOD, GOOD.replace("Zed Ola", "Zed Olla").replace("2001-01-07\t2009-01-06",
                                                         "2010-01-07\t2012-01-06")],
     "E308", "one name"),
])
def test_inconsistent_people(tmp_path: Path, rows: list[str], code: str, fragment: str) -> None:
    problems = load_tables(build_data_dir(tmp_path, rows), strict=False).problems
    assert [p.code for p in problems] == [code]
    assert fragment in problems[0].message


def test_consecutive_spells_may_share_the_handover_day(tmp_path: Path) -> None:
    rows = [GOOD.replace("\tPresident\t2001-01-07\t2009-01-06", "\tActing President\t"
                         "2001-01-01\t2001-01-07"), GOOD]
    assert load_tables(build_data_dir(tmp_path, rows), strict=False).problems == []


def test_bad_header(tmp_path: Path) -> None:
    data = build_data_dir(tmp_path)
    (data / "people" / "bad.tsv").write_text("person;name\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_kb_from(data)
    assert (err.value.code, err.value.where) == ("E302", "bad.tsv:1")


def test_missing_version(tmp_path: Path) -> None:
    data = build_data_dir(tmp_path)
    (data / "VERSION").unlink()
    with pytest.raises(DataFileError) as err:
        load_kb_from(data)
    assert err.value.code == "E312"


def test_validate_reports_every_problem_of_a_user_file(tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text(PEOPLE_HEADER + "\n".join([
        GOOD,
        "bad id\tX\t\tGHA\t\thead_of_state\tGOV\tPresident\t2001-01-07\t\tx",
        "zed-two\tZed Two\t\tGHA\t\thead_of_state\tGOV\tPresident\tsoon\t\tx",
        "zed-three\tZed Three\tGHA",
    ]) + "\n", encoding="utf-8")
    problems = validate_file(user, build_data_dir(tmp_path))
    assert [(p.code, p.where) for p in problems] == [
        ("E308", "mine.tsv:3"), ("E306", "mine.tsv:4"), ("E303", "mine.tsv:5")]
    assert all("[E3" in str(p) for p in problems)


def test_user_tsv_adds_and_overrides(tmp_path: Path) -> None:
    data = build_data_dir(tmp_path)
    user = tmp_path / "orgs.tsv"
    user.write_text("code\tname\taliases\tcountry\tsector\tstart\tend\tnote\n"
                    "ACME\tAcme Watch\tAcmeWatch\tGHA\tNGO\t\t\tmine\n"
                    "CNN\tCNN\t\tGBR\tMED\t\t\tmoved, for the test\n", encoding="utf-8")
    kb = load_kb_from(data, user)
    assert kb.igo("Acme Watch").actor_code == "GHANGO"  # type: ignore[union-attr]
    assert kb.igo("CNN").actor_code == "GBRMED"  # type: ignore[union-attr]


def test_user_yaml_people_replace_a_person(tmp_path: Path) -> None:
    data = build_data_dir(tmp_path)
    user = tmp_path / "mine.yaml"
    user.write_text(
        "people:\n"
        "  - {person_id: ana-vela, name: Ana Vela, country: ESP, role: head_of_government,\n"
        "     sector: GOV, title: [Prime Minister, Premier], start: 2011-01-01, end: 2011-12-31,\n"
        "     source: mine}\n"
        "metonyms:\n"
        "  - {text: Moncloa Palace, country: ESP, sector: GOV}\n", encoding="utf-8")
    kb = load_kb_from(data, user)
    assert kb.code_on("ana-vela", date(2010, 6, 1)) == ("ESP", "")
    assert kb.code_on("ana-vela", date(2011, 6, 1)) == ("ESP", "GOV")
    assert kb.metonym("the Moncloa Palace") == ("ESP", "GOV")


@pytest.mark.parametrize(("text", "code", "line"), [
    ("- just a list\n", "E311", None),
    ("people: nope\n", "E311", 1),
    ("friends:\n  - {a: b}\n", "E311", 1),
    ("people:\n  - {person_id: x-y, colour: red}\n", "E311", 2),
    ("people: [\n", "E311", None),
])
def test_user_yaml_errors(tmp_path: Path, text: str, code: str, line: int | None) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(text, encoding="utf-8")
    problems = validate_file(user, build_data_dir(tmp_path))
    assert problems and problems[0].code == code
    if line is not None:
        assert problems[0].where == f"mine.yaml:{line}"


def test_user_file_missing(tmp_path: Path) -> None:
    problems = validate_file(tmp_path / "nope.tsv", build_data_dir(tmp_path))
    assert [p.code for p in problems] == ["E301"]


def test_packaged_data_is_valid() -> None:
    from dyadline.actors.kb import DATA_DIR

    assert load_tables(DATA_DIR, strict=False).problems == []


GROUPS_HEADER = "name\taliases\tcountry\tkind\tnote\n"


@pytest.mark.parametrize(("row", "code", "fragment"), [
    ("\tZedis\tNGA\tethnic\t", "E310", "name"),
    ("Zedis\tZedi\tNGX\tethnic\t", "E304", "unknown country"),
    ("Zedis\tZedi\tNGA\ttribe\t", "E307", "unknown kind"),
    ("Zedis\tKurd\tNGA\tethnic\t", "E309", "shares a form"),
    ("Zedis\tZedi\tNGA\tethnic", "E303", "columns"),
])
def test_broken_group_rows(tmp_path: Path, row: str, code: str, fragment: str) -> None:
    data = build_data_dir(tmp_path)
    path = data / "groups.tsv"
    path.write_text(path.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    problems = load_tables(data, strict=False).problems
    assert [p.code for p in problems] == [code]
    assert fragment in problems[0].message
    assert problems[0].where.startswith("groups.tsv:")


def test_a_group_form_may_not_name_a_country(tmp_path: Path) -> None:
    """A nation with a state is in countries.tsv: 'Albanian' cannot be a group's form."""
    data = build_data_dir(tmp_path)
    (data / "groups.tsv").write_text(GROUPS_HEADER + "Albanians\tAlbanian\t\tethnic\t\n",
                                     encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_kb_from(data)
    assert err.value.code == "E309" and "countries.tsv" in err.value.message


def test_user_groups_add_and_override(tmp_path: Path) -> None:
    data = build_data_dir(tmp_path)
    user = tmp_path / "groups.tsv"
    user.write_text(GROUPS_HEADER + "Zedis\tZedi\tGHA\tethnic\tmine\n"
                    "Kurds\tKurd|Kurdish\tIRQ\tethnic\tthe user's choice\n", encoding="utf-8")
    kb = load_kb_from(data, user)
    assert kb.group("zedis").country == "GHA"  # type: ignore[union-attr]
    assert kb.group("kurds").country == "IRQ"  # type: ignore[union-attr]
    assert [h.kind for h in kb.names("kurdish")] == ["group"]
