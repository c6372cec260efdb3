"""A light copy of a parsed Doc: plain Python tokens with the attributes the resolver reads.

The Doc's attributes are read once per article as arrays (``View``); a ``Tok`` is made only for
a token the resolver looks at, so resolution costs a few milliseconds an article.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING

from dyadline.actors.text import Word

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.strings import StringStore
    from spacy.tokens import Doc

__all__ = ["Tok", "View"]


class View:
    """Per-token attribute lists of a Doc, and its tokens made on demand (``view[i]``)."""

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, ORTH, POS, SENT_START, SPACY, TAG

        self.n = n = len(doc)
        self._toks: list[Tok | None] = [None] * n
        self._words: list[Word | None] = [None] * n
        self.text: list[str] = []
        self.lemma: list[str] = []
        self.pos: list[str] = []
        self.tag: list[str] = []
        self.dep: list[str] = []
        self.ent: list[str] = []
        self.ws: list[str] = []
        self.idx: list[int] = []
        self.head: list[int] = []
        self.sent: list[int] = []
        self.children: list[list[int]] = []
        if n == 0:
            return
        arr = doc.to_array([ORTH, LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD, IDX, SPACY, SENT_START])
        cols = arr.T.tolist()
        self.text, self.lemma, self.pos, self.tag, self.dep, self.ent = (
            _strings(col, doc.vocab.strings) for col in cols[:6])
        # HEAD is the offset to the head, stored as an unsigned 64-bit number
        self.head = [i + (h if h < 1 << 63 else h - (1 << 64)) for i, h in enumerate(cols[6])]
        self.idx = cols[7]
        self.ws = [" " if s else "" for s in cols[8]]
        self._orth: list[int] = cols[0]
        vectors = doc.vocab.vectors
        self._known: dict[int, int] = vectors.key2row if vectors.mode == "default" else {}
        sent, k = [], -1
        for i, s in enumerate(cols[9]):
            if s == 1 or i == 0:
                k += 1
            sent.append(k)
        self.sent = sent
        self.children = [[] for _ in range(n)]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: int) -> Tok:
        t = self._toks[i]
        if t is None:
            t = self._toks[i] = Tok(self, i)
        return t

    def word(self, i: int) -> Word:
        """Token ``i`` as a ``text.Word``, what the phrase matcher reads (made once)."""
        w = self._words[i]
        if w is None:
            text, pos = self.text[i], self.pos[i]
            w = self._words[i] = Word(
                text, self.lemma[i].lower(), self.ws[i], self.idx[i], self.idx[i] + len(text), i,
                pos, self.tag[i], self.ent[i], self.dep[i], pos == "PROPN" and self.is_oov(i))
        return w

    def is_oov(self, i: int) -> bool:
        """Token ``i`` is out of the model's vocabulary (no word vector): a rare or misspelt
        word. With no vectors at all (a blank pipeline) every word is."""
        return not self._known or self._orth[i] not in self._known

    def string(self) -> str:
        """The text of the Doc."""
        return "".join(map(operator.add, self.text, self.ws))


_NAMES: dict[int, str] = {0: ""}  # a string's hash is the same in every StringStore


def _strings(hashes: list[int], store: StringStore) -> list[str]:
    """The strings of a column of hashes, each distinct hash looked up in spaCy once per
    process."""
    names = _NAMES
    try:
        return [names[h] for h in hashes]
    except KeyError:
        if len(names) > 1_000_000:
            names.clear()
            names[0] = ""
        for h in hashes:
            if h not in names:
                names[h] = store[h]
        return [names[h] for h in hashes]


class Tok:
    """One token, with the spaCy attribute names, so code reads the same on either."""

    __slots__ = ("dep_", "ent_type_", "i", "idx", "lemma_", "lower_", "pos_", "sent", "tag_",
                 "text", "view", "whitespace_")

    def __init__(self, view: View, i: int) -> None:
        self.view = view
        self.i = i
        self.text = view.text[i]
        self.lower_ = self.text.lower()
        self.lemma_ = view.lemma[i]
        self.pos_ = view.pos[i]
        self.tag_ = view.tag[i]
        self.dep_ = view.dep[i]
        self.ent_type_ = view.ent[i]
        self.idx = view.idx[i]
        self.whitespace_ = view.ws[i]
        self.sent = view.sent[i]

    @property
    def is_oov(self) -> bool:
        return self.view.is_oov(self.i)

    @property
    def head(self) -> Tok:
        return self.view[self.view.head[self.i]]

    @property
    def children(self) -> list[Tok]:
        return [self.view[c] for c in self.view.children[self.i]]

    @property
    def lefts(self) -> list[Tok]:
        return [self.view[c] for c in self.view.children[self.i] if c < self.i]

    @property
    def rights(self) -> list[Tok]:
        return [self.view[c] for c in self.view.children[self.i] if c > self.i]

    def descendants(self) -> Iterator[Tok]:
        """Itself and everything below it, in no particular order."""
        stack = [self.i]
        kids = self.view.children
        while stack:
            i = stack.pop()
            yield self.view[i]
            stack.extend(kids[i])

    def descendant_ids(self) -> list[int]:
        """The indices of itself and everything below it, in no particular order (no Toks
        made)."""
        out = [self.i]
        kids = self.view.children
        k = 0
        while k < len(out):
            out.extend(kids[out[k]])
            k += 1
        return out

    @property
    def subtree(self) -> Iterator[Tok]:
        return iter(sorted(self.descendants(), key=lambda t: t.i))

    def __len__(self) -> int:
        return len(self.text)
