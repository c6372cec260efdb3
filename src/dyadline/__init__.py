"""dyadline: political event data from dated news articles.

Who did what to whom, when, where, and according to whom. The public API is listed in
``__all__``; the CLI (``dyadline``) and the HTTP API are thin layers over it.
"""

from __future__ import annotations

from dyadline.errors import DyadlineError
from dyadline.model import (
    Actor,
    Article,
    Attribution,
    CodedArticle,
    DateSpan,
    Event,
    Evidence,
    Flag,
    Place,
    Quarantined,
    Timex,
)
from dyadline.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Attribution",
    "CodedArticle",
    "DateSpan",
    "DyadlineError",
    "Event",
    "Evidence",
    "Flag",
    "Place",
    "Quarantined",
    "Settings",
    "Timex",
    "__version__",
    "load_settings",
]
