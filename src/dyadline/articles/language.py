"""A cheap test that a text is English: how often it uses the most common English function words.

English news uses them densely: in the 1,275 English articles under ../shared/corpus (Reuters 2017,
Wikinews 2019-20) they are 40% of all words (median; lowest article 24%), against under 15% in
French, German, Spanish, Italian or Dutch news text and none at all in other scripts. The ratio is
that share divided by the typical English 40%, capped at 1, so the ``min_english_ratio`` setting
(default 0.5) reads as "at least half as English as typical news".
"""

from __future__ import annotations

import re

__all__ = ["ENGLISH_BAR", "MIN_WORDS", "english_ratio"]

_FUNCTION_WORDS = """
    a about above after against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not of off on once only or other our ours
    ourselves out over own said same says she should since so some such than that the their
    theirs them themselves then there these they this those through to told too under until up
    very was we were what when where which while who whom why will with would you your yours
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
TYPICAL_SHARE = 0.40  # median share of FUNCTION_WORDS in English news (see the module docstring)
MIN_WORDS = 25  # below this many words the share says too little: the text is not judged
ENGLISH_BAR = 0.5  # at or above this ratio a text is labelled language "en"
SAMPLE_CHARS = 20_000  # only the start of a long text is looked at

# A word: a run of letters (with an inner apostrophe); each CJK character counts as one word.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_WORD = re.compile(rf"[{_CJK}]|[^\W\d_{_CJK}]+(?:['’][^\W\d_{_CJK}]+)?")


def english_ratio(text: str) -> tuple[float | None, int]:
    """(ratio in [0, 1], words looked at); the ratio is None when there are too few words to tell."""
    words = _WORD.findall(text[:SAMPLE_CHARS])
    if len(words) < MIN_WORDS:
        return None, len(words)
    common = sum(1 for w in words if w.lower() in FUNCTION_WORDS)
    return min(1.0, common / len(words) / TYPICAL_SHARE), len(words)
