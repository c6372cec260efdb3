"""The resolver's light copy of a Doc holds exactly what spaCy parsed."""

from __future__ import annotations

from typing import Any

from dyadline.actors.view import View


def test_view_matches_the_doc(nlp: Any) -> None:
    doc = nlp("Russian President Vladimir  congratulated Joe Biden.\n\nHe said the US-Russian "
              "talks would go on. Serbia's Navalny was not there.")
    v = View(doc)
    assert v.string() == doc.text
    sents = {t.i: n for n, s in enumerate(doc.sents) for t in s}
    for o in doc:
        t = v[o.i]
        assert (t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.ent_type_, t.idx, t.whitespace_) == (
            o.text, o.lemma_, o.pos_, o.tag_, o.dep_, o.ent_type_, o.idx, o.whitespace_)
        assert t.head.i == o.head.i
        assert [c.i for c in t.children] == [c.i for c in o.children]
        assert [c.i for c in t.subtree] == [c.i for c in o.subtree]
        assert sorted(t.descendant_ids()) == [c.i for c in o.subtree]
        assert t.sent == sents[o.i]
        assert t.is_oov == o.is_oov


def test_empty_doc(nlp: Any) -> None:
    assert len(View(nlp(""))) == 0


def test_one_token_doc(nlp: Any) -> None:
    v = View(nlp("Hello"))
    assert (v.text, v.head, v.sent) == (["Hello"], [0], [0])
