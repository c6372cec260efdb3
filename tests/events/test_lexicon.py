"""The event lexicon: the packaged tables, specific-over-general matching, user files, validation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadline.cli import main
from dyadline.errors import DataFileError
from dyadline.events.lexicon import (
    LexEntry,
    Lexicon,
    load_lexicon,
    read_lexicon,
    read_predicates,
)
from dyadline.events.ontology import data_dir, load_ontology
from dyadline.model import MODALITIES

HEADER = "kind\tlemma\tparticle\tobject\tprep\tcode\ttarget\tnote\n"


def _row(kind: str, lemma: str, code: str, *, particle: str = "", obj: str = "", prep: str = "",
         target: str = "dobj", note: str = "") -> str:
    return "\t".join([kind, lemma, particle, obj, prep, code, target, note])


def _tsv(path: Path, rows: list[str], header: str = HEADER) -> Path:
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def test_packaged_lexicon_is_broad(lexicon: Lexicon) -> None:
    assert len(lexicon) > 1000
    assert len({(e.kind, e.lemma) for e in lexicon}) > 1000  # distinct predicates, not rows
    assert lexicon.roots() == {f"{i:02d}" for i in range(1, 21)}
    assert {e.kind for e in lexicon} == {"verb", "noun", "adj"}
    onto = load_ontology()
    assert all(e.code in onto for e in lexicon if e.is_event)
    assert lexicon.version.startswith("dyadline-lexicon-1+")


def test_every_root_has_verbs_and_nouns(lexicon: Lexicon) -> None:
    for root in (f"{i:02d}" for i in range(1, 21)):
        kinds = {e.kind for e in lexicon if e.code.startswith(root)}
        assert "verb" in kinds, root
        assert "noun" in kinds or root in {"01"}, root


# (kind, lemma, particle, objects, preps) -> the code the most specific entry gives (None: no
# event). The patterns of the coder issue and the common news vocabulary of each root.
PATTERNS = [
    ("verb", "congratulate", "", {"biden"}, set(), "051"),
    ("verb", "wish", "", {"president-elect", "success"}, set(), "051"),
    ("verb", "express", "", {"confidence"}, set(), "013"),
    ("verb", "express", "", {"concern"}, {"over"}, "012"),
    ("verb", "express", "", {"condolence"}, {"to"}, "018"),
    ("adj", "ready", "", {"cooperation", "contact"}, {"for", "with"}, "030"),
    ("adj", "willing", "", {"talk"}, set(), "036"),
    ("verb", "agree", "", {"resign"}, set(), "0341"),
    ("verb", "call", "", {"ceasefire"}, {"for"}, "0256"),
    ("verb", "call", "", {"release"}, {"on"}, "0253"),
    ("verb", "call", "", set(), {"for"}, "020"),
    ("verb", "urge", "", {"iran"}, set(), "020"),
    ("verb", "meet", "", {"putin"}, set(), "040"),
    ("verb", "meet", "", {"putin"}, {"with"}, "040"),
    ("verb", "meet", "", {"demand"}, set(), "083"),
    ("verb", "meet", "", {"deadline"}, set(), None),
    ("noun", "talk", "", {"peace"}, set(), "046"),
    ("verb", "visit", "", {"russia"}, set(), "042"),
    ("noun", "praise", "", set(), {"of", "towards"}, "051"),
    ("noun", "outreach", "", set(), {"to"}, "050"),
    ("verb", "sign", "", {"treaty"}, {"with"}, "057"),
    ("verb", "sign", "", {"law"}, set(), None),
    ("verb", "share", "", {"intelligence"}, {"with"}, "064"),
    ("verb", "deliver", "", {"aid"}, {"to"}, "070"),
    ("verb", "send", "", {"weapon"}, {"to"}, "072"),
    ("verb", "grant", "", {"asylum"}, set(), "075"),
    ("verb", "release", "", {"hostage"}, set(), "0841"),
    ("verb", "release", "", {"report"}, set(), None),
    ("verb", "lift", "", {"sanction"}, set(), "085"),
    ("verb", "step", "down", set(), set(), "0831"),
    ("verb", "withdraw", "", {"troop"}, {"from"}, "087"),
    ("noun", "investigation", "", set(), {"into"}, "090"),
    ("verb", "identify", "", {"specialist"}, set(), None),
    ("verb", "demand", "", {"release"}, set(), "1053"),
    ("verb", "criticize", "", {"russia"}, set(), "111"),
    ("verb", "tag", "", {"russia", "threat"}, {"as"}, "111"),
    ("verb", "accuse", "", {"russia", "espionage"}, {"of"}, "1125"),
    ("verb", "attribute", "", set(), {"to"}, "112"),
    ("verb", "respond", "", set(), set(), "010"),
    ("verb", "reject", "", {"proposal"}, set(), "127"),
    ("verb", "push", "back", {"activity"}, set(), "120"),
    ("verb", "veto", "", {"resolution"}, set(), "129"),
    ("verb", "threaten", "", {"sanction"}, set(), "1312"),
    ("noun", "ultimatum", "", set(), {"to"}, "139"),
    ("verb", "protest", "", set(), {"against"}, "141"),
    ("noun", "strike", "", {"hunger"}, set(), "142"),
    ("noun", "strike", "", {"general"}, set(), "143"),
    ("verb", "deploy", "", {"troop"}, {"to"}, "154"),
    ("verb", "cut", "", {"tie"}, {"with"}, "161"),
    ("verb", "impose", "", {"sanction"}, {"on"}, "163"),
    ("verb", "trail", "", {"leader"}, set(), "170"),
    ("verb", "meddle", "", {"election"}, {"in"}, "170"),
    ("noun", "breach", "", {"data"}, set(), "170"),
    ("verb", "arrest", "", {"activist"}, set(), "173"),
    ("verb", "crack", "down", {"protester"}, {"on"}, "175"),
    ("verb", "kidnap", "", {"adviser"}, set(), "181"),
    ("noun", "attempt", "", {"assassination"}, set(), "185"),
    ("verb", "assassinate", "", {"citizen"}, set(), "186"),
    ("verb", "kill", "", {"leader"}, set(), "186"),
    ("verb", "kill", "", {"people"}, set(), "190"),
    ("noun", "airstrike", "", set(), {"on"}, "195"),
    ("verb", "violate", "", {"ceasefire"}, set(), "196"),
    ("noun", "massacre", "", set(), {"of"}, "202"),
    ("noun", "attack", "", {"chemical"}, set(), "2041"),
    ("verb", "stoke", "", {"suspicion"}, {"over"}, None),
]


@pytest.mark.parametrize(("kind", "lemma", "particle", "objects", "preps", "code"), PATTERNS)
def test_best_entry(lexicon: Lexicon, kind: str, lemma: str, particle: str, objects: set[str],
                    preps: set[str], code: str | None) -> None:
    best = lexicon.best(kind, lemma, particle=particle, objects=objects, preps=preps)
    assert (best.code if best else None) == code


@pytest.fixture()
def ranked(tmp_path: Path) -> Lexicon:
    rows = [
        _row("verb", "give", "080", particle="in", target="none"),
        _row("verb", "give", "070"),
        _row("verb", "give", "071", obj="loan|credit"),
        _row("verb", "give", "083", prep="to", target="prep"),
        _row("verb", "give", "072", obj="weapon", prep="to", target="prep"),
        _row("verb", "give", "-", obj="speech|interview", target="none"),
    ]
    base = data_dir("lexicon")
    d = tmp_path / "lex"
    d.mkdir()
    _tsv(d / "predicates.tsv", rows)
    for name in ("reporting.tsv", "modality.tsv"):
        (d / name).write_text((base / name).read_text(encoding="utf-8"), encoding="utf-8")
    return read_lexicon(directory=d)


@pytest.mark.parametrize(("particle", "objects", "preps", "ranking"), [
    ("", {"weapon"}, {"to"}, ["072", "083", "070"]),  # object+prep > prep > bare
    ("", {"loan"}, {"to"}, ["071", "083", "070"]),  # object > prep
    ("", {"loan"}, set(), ["071", "070"]),
    ("", set(), set(), ["070"]),
    ("in", set(), set(), ["080"]),  # a particle selects only its own entries
    ("up", set(), set(), []),  # an unknown phrasal verb gets nothing
    ("", {"speech"}, {"to"}, ["-", "083", "070"]),
])
def test_specific_entries_rank_first(ranked: Lexicon, particle: str, objects: set[str],
                                     preps: set[str], ranking: list[str]) -> None:
    found = ranked.candidates("verb", "give", particle=particle, objects=objects, preps=preps)
    assert [e.code for e in found] == ranking


def test_a_blocking_entry_means_no_event(ranked: Lexicon) -> None:
    assert ranked.best("verb", "give", objects={"speech"}, preps={"to"}) is None
    assert ranked.best("verb", "give", objects={"aid"}, preps={"to"}).code == "083"  # type: ignore[union-attr]


def test_entry_fields_and_key(lexicon: Lexicon) -> None:
    (entry,) = [e for e in lexicon.verb("impose") if e.prep == "" and "sanction" in e.objects]
    assert isinstance(entry, LexEntry)
    assert entry.key.startswith("verb:impose|obj=") and "sanction" in entry.key
    assert entry.file.endswith("predicates.tsv") and entry.line > 0
    assert entry.specificity == 8 and entry.is_event
    keys = [e.key for e in lexicon]
    assert len(keys) == len(set(keys))


def test_reporting_and_modality_tables(lexicon: Lexicon) -> None:
    assert {"say", "tell", "state", "announce", "claim", "deny"} <= lexicon.reporting_verbs
    assert {"readout", "statement", "report", "communique", "spokesman"} <= lexicon.reporting_nouns
    assert lexicon.reporting_stance[("verb", "claim")] == "hedged"
    assert lexicon.reporting_stance[("verb", "deny")] == "denied"
    cues = lexicon.modality_cues
    assert (cues["not"], cues["will"], cues["if"], cues["allegedly"]) == (
        "negated", "future", "hypothetical", "attributed")
    assert set(cues.values()) <= set(MODALITIES)
    assert "neg" not in cues  # dependency-label cues stay in the table only
    assert any(c.kind == "dep" and c.cue == "neg" for c in lexicon.modality_table)


def test_user_file_overrides_and_adds(tmp_path: Path, lexicon: Lexicon) -> None:
    packaged = next(e for e in lexicon.verb("congratulate") if not e.objects and not e.prep)
    user = _tsv(tmp_path / "mine.tsv", [
        _row("verb", "congratulate", "018"),  # same key as the packaged entry: replaces it
        _row("verb", "felicitate", "051"),  # new
        _row("verb", "impose", "172", obj="sanction", prep="on", target="prep"),  # a tie: user wins
    ])
    mine = read_lexicon(user)
    assert [e.code for e in mine.verb("congratulate") if e.key == packaged.key] == ["018"]
    assert mine.best("verb", "felicitate").code == "051"  # type: ignore[union-attr]
    assert mine.best("verb", "impose", objects={"sanction"}, preps={"on"}).code == "172"  # type: ignore[union-attr]
    assert len(mine) == len(lexicon) + 2
    assert mine.version.startswith(lexicon.version + "+user-")


def test_load_lexicon_caches_per_file_and_rereads_a_changed_file(tmp_path: Path) -> None:
    user = _tsv(tmp_path / "mine.tsv", [_row("verb", "felicitate", "051")])
    first = load_lexicon(str(user))
    assert load_lexicon(str(user)) is first
    assert load_lexicon() is load_lexicon(None) is load_lexicon("")
    _tsv(user, [_row("verb", "felicitate", "018")])
    stat = user.stat()
    os.utime(user, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    again = load_lexicon(str(user))
    assert again is not first and again.best("verb", "felicitate").code == "018"  # type: ignore[union-attr]


@pytest.mark.parametrize(("rows", "code", "message"), [
    ([_row("verbs", "meet", "040")], "E412", "kind 'verbs' must be one of verb, noun, adj"),
    ([_row("verb", "Meet", "040")], "E412", "must be lower case"),
    ([_row("verb", "cut ties", "161")], "E412", "must be one token"),
    ([_row("verb", "", "040")], "E412", "the lemma is empty"),
    ([_row("verb", "cut", "161", obj="tie|close ties")], "E412", "separate several with '|'"),
    ([_row("noun", "meeting", "040", particle="up")], "E412", "only verbs take a particle"),
    ([_row("verb", "meet", "999")], "E413", "'999' is not a CAMEO event code"),
    ([_row("verb", "meet", "40")], "E413", "not a CAMEO event code"),
    ([_row("noun", "attack", "190", target="dobj")], "E412", "target 'dobj' is not valid for a noun"),
    ([_row("verb", "meet", "040", target="object")], "E412", "target 'object' is not valid"),
    ([_row("verb", "meet", "040"), _row("verb", "meet", "041")], "E414", "overlaps line 2"),
    ([_row("verb", "cut", "161", obj="tie|relation"), _row("verb", "cut", "162", obj="aid|tie")],
     "E414", "on object 'tie'"),
    (["verb\tmeet\t\t\t040\tdobj\t"], "E411", "expected 8 tab-separated columns"),
])
def test_broken_rows_name_file_line_and_fix(tmp_path: Path, rows: list[str], code: str,
                                            message: str) -> None:
    path = _tsv(tmp_path / "bad.tsv", rows)
    with pytest.raises(DataFileError) as err:
        read_predicates(path)
    assert err.value.code == code
    assert message in err.value.message
    assert err.value.where == f"{path}:{len(rows) + 1}"


def test_different_preps_or_disjoint_objects_do_not_clash(tmp_path: Path) -> None:
    path = _tsv(tmp_path / "ok.tsv", [
        _row("verb", "meet", "040"),
        _row("verb", "meet", "040", prep="with", target="prep"),
        _row("verb", "meet", "083", obj="demand"),
        _row("verb", "meet", "-", obj="deadline", target="none"),
    ])
    assert [e.code for e in read_predicates(path)] == ["040", "040", "083", "-"]


def test_bad_header_and_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as err:
        read_predicates(_tsv(tmp_path / "h.tsv", [], header="lemma\tcode\n"))
    assert err.value.code == "E411" and "header must be" in err.value.message
    with pytest.raises(DataFileError) as err:
        read_lexicon(tmp_path / "absent.tsv")
    assert err.value.code == "E410" and "lexicon_file" in err.value.message


@pytest.mark.parametrize(("name", "text", "code", "message"), [
    ("reporting.tsv", "kind\tlemma\tstance\tnote\nverb\tsay\tsure\t\n", "E415", "stance 'sure'"),
    ("reporting.tsv", "kind\tlemma\tstance\tnote\nverb\tsay\tneutral\t\nverb\tsay\thedged\t\n",
     "E415", "listed twice"),
    ("modality.tsv", "cue\tkind\tmodality\tnote\nnot\tword\tnegative\t\n", "E416",
     "modality 'negative' must be one of"),
    ("modality.tsv", "cue\tkind\tmodality\tnote\nnot\ttoken\tnegated\t\n", "E416", "kind 'token'"),
])
def test_broken_reporting_and_modality_rows(tmp_path: Path, name: str, text: str, code: str,
                                            message: str) -> None:
    base = data_dir("lexicon")
    for f in ("predicates.tsv", "reporting.tsv", "modality.tsv"):
        (tmp_path / f).write_text((base / f).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_lexicon(directory=tmp_path)
    assert err.value.code == code and message in err.value.message
    assert err.value.where is not None and err.value.where.startswith(str(tmp_path / name))


def test_cli_validate(tmp_path: Path) -> None:
    good = _tsv(tmp_path / "good.tsv", [_row("verb", "felicitate", "051")])
    result = CliRunner().invoke(main, ["lexicon", "validate", str(good)])
    assert result.exit_code == 0 and "(1 from" in result.output and "20 CAMEO roots" in result.output
    bad = _tsv(tmp_path / "bad.tsv", [_row("verb", "felicitate", "5")])
    result = CliRunner().invoke(main, ["lexicon", "validate", str(bad)])
    assert result.exit_code == 1 and "[E413]" in result.output


@pytest.mark.slow
def test_lemmas_are_what_spacy_produces(nlp, lexicon: Lexicon) -> None:  # type: ignore[no-untyped-def]
    """A lemma spaCy never outputs ("talks", "sanctions") would make its entries dead."""
    templates = {"verb": "They will {} it.", "noun": "They saw the {}.", "adj": "They are {}."}
    words = sorted({(e.kind, e.lemma) for e in lexicon if "-" not in e.lemma})
    docs = nlp.pipe(templates[kind].format(lemma) for kind, lemma in words)
    dead = []
    for (kind, lemma), doc in zip(words, docs, strict=True):
        if not any(t.lower_ == lemma and t.lemma_.lower() == lemma for t in doc):
            dead.append(f"{kind}:{lemma}")
    assert len(dead) <= len(words) // 100, dead  # a few adjectives come out as participles
