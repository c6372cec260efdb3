"""A light copy of a parsed Doc: plain Python tokens with the attributes the resolver reads.

The Doc's attributes are read once per article as arrays (``View``); a ``Tok`` is made only for
a token the resolver looks at, so resolution costs a few milliseconds an article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Doc

__all__ = ["Tok", "View"]


class View:
    """Per-token attribute lists of a Doc, and its tokens made on demand (``view[i]``)."""

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, ORTH, POS, SENT_START, SPACY, TAG

        self.n = len(doc)
        self._toks: list[Tok | None] = [None] * self.n
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
        if self.n == 0:
            return
        arr = doc.to_array([ORTH, LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD, IDX, SPACY, SENT_START])
        strings = doc.vocab.strings
        names = {h: (strings[int(h)] if h else "") for h in set(arr[:, :6].ravel().tolist())}
        cols = arr.T.tolist()
        self.text = [names[h] for h in cols[0]]
        self.lemma = [names[h] for h in cols[1]]
        self.pos = [names[h] for h in cols[2]]
        self.tag = [names[h] for h in cols[3]]
        self.dep = [names[h] for h in cols[4]]
        self.ent = [names[h] for h in cols[5]]
        # HEAD is the offset to the head, stored as an unsigned 64-bit number
        self.head = [i + (h - (1 << 64) if h >= (1 << 63) else h) for i, h in enumerate(cols[6])]
        self.idx = cols[7]
        self.ws = [" " if s else "" for s in cols[8]]
        sent = -1
        for i, start in enumerate(cols[9]):
            if start == 1 or i == 0:
                sent += 1
            self.sent.append(sent)
        self.children = [[] for _ in range(self.n)]
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

    def string(self) -> str:
        """The text of the Doc."""
        return "".join(a + b for a, b in zip(self.text, self.ws, strict=True))


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

    @property
    def subtree(self) -> Iterator[Tok]:
        return iter(sorted(self.descendants(), key=lambda t: t.i))

    def __len__(self) -> int:
        return len(self.text)
