"""Real pipeline output validates against the published event contract (JSON Schema)."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from dyadline.articles import read_articles

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads(files("dyadline.schema").joinpath("coded_article.schema.json").read_text())


def _coded(pipeline, paths):  # type: ignore[no-untyped-def]
    articles = [r for r in read_articles([str(p) for p in paths], settings=pipeline.settings)]
    return list(pipeline.code_articles(articles))


def test_examples_validate_and_offsets_hold(pipeline) -> None:  # type: ignore[no-untyped-def]
    coded = _coded(pipeline, sorted((ROOT / "examples").glob("*.txt")))
    assert coded and sum(len(c.events) for c in coded) > 10
    for c in coded:
        jsonschema.validate(json.loads(json.dumps(c.to_dict())), SCHEMA)
        body = c.article.body
        for e in c.events:
            assert body[e.evidence.start:e.evidence.end] == e.evidence.text
            assert body[e.trigger.start:e.trigger.end] == e.trigger.text
            for a in (e.source, e.target):
                if a is not None:
                    assert body[a.start:a.end] == a.text
            if e.said_by is not None:
                assert body[e.said_by.start:e.said_by.end] == e.said_by.text
            assert e.evidence.start <= e.trigger.start < e.evidence.end


def test_no_event_is_dated_to_publication_by_default(pipeline) -> None:  # type: ignore[no-untyped-def]
    for c in _coded(pipeline, sorted((ROOT / "examples").glob("*.txt"))):
        for e in c.events:
            if e.date.basis == "publication":
                pytest.fail(f"{c.article.origin}: {e.trigger.text} dated to publication day")


def test_seed_validates(seed_coded) -> None:  # type: ignore[no-untyped-def]
    jsonschema.validate(json.loads(json.dumps(seed_coded.to_dict())), SCHEMA)
