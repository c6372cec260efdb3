"""Normalised keys for matching names: case, dots, apostrophes, diacritics and a leading 'the'.

``key("the U.S.")`` and ``key("US")`` are both ``"us"``; ``key("Élysée")`` is ``"elysee"``.
``Word`` is one token of a phrase, from a parsed token (``view.View.word``) or from plain text
(``words_of``), so that
the same matcher reads an article's noun phrases and a user's ``actors lookup`` query.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

__all__ = ["Word", "is_acronym", "key", "words_of"]

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'",
                       "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-"})
_SPACE = re.compile(r"\s+")
_SPACE_HYPHEN = re.compile(r"\s*-\s*")


def _fold(text: str) -> str:
    text = text.translate(_APOS)
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


@functools.lru_cache(maxsize=200_000)
def key(text: str, *, keep_the: bool = False) -> str:
    """The matching key of a name: lower case, no dots or diacritics, single spaces."""
    k = _fold(text).lower().replace(".", " ").replace(",", " ")
    if "-" in k:
        k = _SPACE_HYPHEN.sub("-", k)
    k = " ".join(k.split())
    if not keep_the and k.startswith("the "):
        k = k[4:]
    return k


def is_acronym(name: str) -> bool:
    """All capitals (dots allowed): 'US', 'U.N.', 'NATO'. Such names must match case exactly."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


class Word(NamedTuple):
    """One token of a phrase, with what the matcher needs to know about it."""

    text: str
    lemma: str  # lower case
    ws: str  # whitespace after it in the original text
    start: int  # character offsets
    end: int
    i: int = -1  # token index in the Doc (-1 for plain text)
    pos: str = ""
    tag: str = ""
    ent: str = ""
    dep: str = ""
    oov: bool = False  # a proper noun not in the parser's vocabulary (rare or misspelt)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def plural(self) -> bool:
        return self.tag in ("NNS", "NNPS")


_PLAIN = re.compile(r"[A-Za-z\u00C0-\u024F0-9.]+(?:'[A-Za-z]+)?|'s|-|[^\sA-Za-z0-9]")


def words_of(text: str) -> list[Word]:
    """Split plain text the way spaCy splits names: hyphens and possessive 's apart."""
    out: list[Word] = []
    for m in _PLAIN.finditer(text):
        tok = m.group(0)
        if tok.endswith("'s") and len(tok) > 2:  # "Serbia's" -> "Serbia", "'s"
            out.append(Word(tok[:-2], tok[:-2].lower(), "", m.start(), m.end() - 2))
            tok_start = m.end() - 2
            out.append(Word("'s", "'s", "", tok_start, m.end(), pos="PART"))
        else:
            out.append(Word(tok, tok.lower(), "", m.start(), m.end()))
    fixed: list[Word] = []
    for n, w in enumerate(out):
        nxt = out[n + 1].start if n + 1 < len(out) else w.end
        fixed.append(Word(w.text, w.lemma, text[w.end:nxt], w.start, w.end, pos=w.pos))
    return fixed


def phrase(words: list[Word]) -> str:
    """The words as written, joined by their own whitespace."""
    return "".join(w.text + w.ws for w in words[:-1]) + (words[-1].text if words else "")
