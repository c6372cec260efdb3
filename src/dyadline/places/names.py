"""How place names are compared: one lookup key per spelling.

``key("the U.S.")`` and ``key("us")`` are the same key; so are ``key("São Paulo")`` and
``key("Sao Paulo")``. Keys are lower case, without accents, periods or apostrophes, with hyphens
as spaces and a leading "the" dropped. Letters outside the Latin script are dropped, so a name
written only in another script has the empty key (and is not indexed).
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "DIRECTION_WORDS",
    "FEATURE_WORDS",
    "key",
    "keys",
    "split_feature_word",
    "strip_direction",
]

_TABLE = str.maketrans({**dict.fromkeys(".'’‘`ʼʻʿʾ\u00b4"), **dict.fromkeys("-‐‑–—_/", " ")})
# Latin letters that Unicode does not decompose into a base letter and a mark.
_SPECIAL = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D",
                          "ı": "i", "ə": "a", "Ə": "A", "æ": "ae", "Æ": "Ae", "œ": "oe",
                          "Œ": "Oe", "þ": "th", "ð": "d"})

# A trailing word that says which kind of place is meant: "Washington state", "Idlib province".
FEATURE_WORDS: dict[str, tuple[str, ...]] = {
    "state": ("admin1",),
    "province": ("admin1", "region"),
    "region": ("admin1", "region"),
    "oblast": ("admin1",),
    "governorate": ("admin1",),
    "prefecture": ("admin1",),
    "county": ("admin1",),
    "territory": ("admin1", "region"),
    "district": ("admin1", "region"),
    "city": ("city",),
    "town": ("city",),
    "country": ("country",),
}

# "northern Syria", "south-eastern Ukraine": the place is the rest of the name.
DIRECTION_WORDS = frozenset(
    f"{p}{s}"
    for p in ("north", "south", "east", "west", "northeast", "northwest", "southeast",
              "southwest", "north east", "north west", "south east", "south west", "central")
    for s in ("", "ern")
) - {"centralern"}


def key(name: str) -> str:
    """The lookup key of a spelling, or "" when it has no Latin letters to compare."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
        text = text.encode("ascii", "ignore").decode("ascii")
    text = text.translate(_TABLE).lower()
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        text = " ".join(text.split())
    if text.startswith("the "):
        text = text[4:]
    return text


def keys(names: list[str]) -> list[str]:
    """``[key(n) for n in names]``, in bulk (the gazetteer keys ~200,000 names at start-up)."""
    plain = [n if n.isascii() else
             unicodedata.normalize("NFKD", n.translate(_SPECIAL)).encode("ascii", "ignore")
             .decode("ascii") for n in names]
    if any("\n" in n for n in plain):
        return [key(n) for n in names]
    result = "\n".join(plain).translate(_TABLE).lower().split("\n")
    for i, text in enumerate(result):
        if "  " in text or text[:1] == " " or text[-1:] == " " or text[:4] == "the ":
            result[i] = key(text)
    return result


def split_feature_word(name: str) -> tuple[str, tuple[str, ...]] | None:
    """``"Washington state"`` -> ``("Washington", ("admin1",))``; None without such a word."""
    head, _, last = name.strip().rpartition(" ")
    features = FEATURE_WORDS.get(last.casefold())
    if not head or features is None:
        return None
    return head.strip(), features


def strip_direction(name: str) -> str | None:
    """``"northern Syria"`` -> ``"Syria"``; None when the name does not start with a direction."""
    words = name.strip().split()
    for n in (2, 1):
        if len(words) > n and key(" ".join(words[:n])) in DIRECTION_WORDS:
            return " ".join(words[n:])
    return None
