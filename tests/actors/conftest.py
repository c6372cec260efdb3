"""Fixtures of the actor tests: the packaged knowledge base, and a small one built from files
the tests write (people with made-up names and exact dates), so that the rules are tested
apart from the data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dyadline.actors import KnowledgeBase, load_kb_from
from dyadline.actors.kb import DATA_DIR

PEOPLE_HEADER = "person_id\tname\taliases\tcountry\torg\trole\tsector\ttitle\tstart\tend\tsource\n"

# Made-up people with exact spells (the rules under test, not facts).
TEST_PEOPLE = [
    "ana-vela\tAna Vela\t\tESP\t\thead_of_government\tGOV\tPrime Minister\t2010-03-01\t2014-02-28\ttest",
    "bruno-kask\tBruno Kask\t\tESP\t\thead_of_government\tGOV\tPrime Minister\t2014-03-01\t\ttest",
    "bruno-kask\tBruno Kask\t\tESP\t\tprime_minister_designate\tELI\tPrime Minister-designate\t2014-01-10\t2014-02-28\ttest",
    "carla-roos\tCarla Roos\tCarla Roos-Vane\tNLD\t\tforeign_minister\tGOV\tForeign Minister\t2012-05-05\t2016-05-04\ttest",
    "dan-roos\tDan Roos\t\tBEL\t\tforeign_minister\tGOV\tForeign Minister\t2015-01-01\t\ttest",
    "eva-lund\tEva Lund\t\tIGO\tNATO\tigo_head\tIGO\tSecretary General\t2011-01-01\t2015-12-31\ttest",
    "femi-ade\tFemi Ade\t\tNGA\t\topposition_leader\tOPP\topposition leader\t\t2019-06-30\ttest",
]


def build_data_dir(root: Path, people: list[str] | None = None) -> Path:
    """A copy of the packaged data with only the given people."""
    target = root / "actors"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("people"))
    (target / "people").mkdir()
    rows = TEST_PEOPLE if people is None else people
    (target / "people" / "test.tsv").write_text(PEOPLE_HEADER + "\n".join(rows) + "\n",
                                                encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The packaged knowledge base."""
    return load_kb_from()


@pytest.fixture(scope="session")
def test_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """The packaged countries, bodies and terms with the made-up people only."""
    return load_kb_from(build_data_dir(tmp_path_factory.mktemp("kb")))
