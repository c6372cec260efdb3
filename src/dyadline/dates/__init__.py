"""Stage 5: temporal expressions and event dates, relative to the publication date.

``find_timexes`` finds and normalises temporal expressions (TIMEX3 values and day intervals);
``EventDater`` dates each event of an article from the parse; ``timex_file`` is the batch form
of the ``dyadline timex`` command. See docs/dates.md.
"""

from __future__ import annotations

from dyadline.dates.dater import EventDate, EventDater, TermResolver
from dyadline.dates.files import TimexFileSummary, timex_file
from dyadline.dates.find import find_timexes, reanchor, timex_mod

__all__ = [
    "EventDate",
    "EventDater",
    "TermResolver",
    "TimexFileSummary",
    "find_timexes",
    "reanchor",
    "timex_file",
    "timex_mod",
]
