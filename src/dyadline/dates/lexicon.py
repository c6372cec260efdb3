"""Word tables of the temporal grammar: month and weekday names, number words, units.

Our own lists of ordinary English words; the regex alternations are built from them once.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "MONTHS",
    "NUMBER_WORDS",
    "ORDINALS",
    "PART_OF_DAY",
    "SEASON_WORDS",
    "UNITS",
    "WEEKDAYS",
    "alternation",
    "number_value",
    "words",
]

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

WEEKDAYS: dict[str, int] = {  # ISO weekday numbers
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}

# TIMEX3 parts of the day
PART_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}

SEASON_WORDS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}

NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_ONES)}
NUMBER_WORDS.update(_TENS)
NUMBER_WORDS.update({"a": 1, "an": 1, "a dozen": 12, "dozen": 12, "a hundred": 100,
                     "one hundred": 100})

# vague quantities: TIMEX3 writes their count as X
VAGUE_NUMBERS = ("a few", "few", "several", "a couple of", "couple of", "a couple", "many",
                 "some", "a number of", "dozens of", "hundreds of", "a handful of")

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}

# unit word -> (TIMEX3 designator, time part?, multiplier)
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "year": ("Y", False, 1),
    "decade": ("DE", False, 1), "century": ("CE", False, 1),
}
UNIT_PLURALS: dict[str, str] = {u + "s": u for u in UNITS if u != "century"}
UNIT_PLURALS["centuries"] = "century"


def words(text: str) -> frozenset[str]:
    """The set of the whitespace-separated words of ``text`` (for readable word lists)."""
    return frozenset(text.split())


def alternation(items: Iterable[object]) -> str:
    """A regex alternation of ``items`` (longest first; spaces match any whitespace)."""
    ordered = sorted({str(w) for w in items}, key=len, reverse=True)
    return "|".join(w.replace(".", r"\.").replace(" ", r"\s+").replace("-", r"[-\s]")
                    for w in ordered)


def number_value(text: str) -> int | float | None:
    """The count a number word or numeral stands for: "six" 6, "2.5" 2.5, "twenty-one" 21;
    None for a vague quantity ("several", "a few")."""
    t = " ".join(text.lower().replace(",", "").split())
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    if t.replace(".", "", 1).isdigit():
        return float(t) if "." in t else int(t)
    for sep in ("-", " "):
        if sep in t:
            tens, _, ones = t.partition(sep)
            if tens in _TENS and ones in NUMBER_WORDS and 0 < NUMBER_WORDS[ones] < 10:
                return _TENS[tens] + NUMBER_WORDS[ones]
    return None


# Regex pieces shared by the rules (month and weekday names are matched capitalised only).
MONTH_FULL = ("(?:January|February|March|April|May|June|July|August|September|October|"
              "November|December)")
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
MONTH = f"(?:{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])"
ORD_SUFFIX = r"(?:st|nd|rd|th)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]
