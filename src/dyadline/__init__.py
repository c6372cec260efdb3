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

# The stages' entry points, imported on first use so that `import dyadline` stays light.
# (Not `ingest` or `events`: those names are the submodules dyadline.ingest and dyadline.events.)
_LAZY = {
    "Pipeline": "dyadline.pipeline",
    "code_articles": "dyadline.pipeline",
    "read_articles": "dyadline.articles",
    "content_hash": "dyadline.articles",
    "load_kb": "dyadline.actors",
    "ArticleActors": "dyadline.actors",
    "find_timexes": "dyadline.dates",
    "EventDater": "dyadline.dates",
    "resolve_place": "dyadline.places",
    "load_ontology": "dyadline.events.ontology",
    "load_lexicon": "dyadline.events.lexicon",
    "RuleCoder": "dyadline.events",
    "Store": "dyadline.store",
    "EventQuery": "dyadline.store",
    "dyad_timeline": "dyadline.store",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dyadline' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)

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
    *_LAZY,
]
