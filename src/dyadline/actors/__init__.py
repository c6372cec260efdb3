"""Stage 3: the actor knowledge base and actor resolution as of the article's date.

    kb = load_kb(settings)                      # once per process
    aa = ArticleActors(doc, published, kb)      # once per article (spaCy Doc of the body)
    aa.resolve(token_i) -> list[Actor]          # the actor(s) of the phrase headed there
"""

from __future__ import annotations

from dyadline.actors.kb import KnowledgeBase, load_kb, load_kb_from
from dyadline.actors.protocol import ActorResolver, ArticleResolver, KBResolver
from dyadline.actors.records import IgoEntry, Person, Resolution, RoleSpell
from dyadline.actors.resolve import ArticleActors
from dyadline.actors.validate import validate_file

__all__ = [
    "ActorResolver",
    "ArticleActors",
    "ArticleResolver",
    "IgoEntry",
    "KBResolver",
    "KnowledgeBase",
    "Person",
    "Resolution",
    "RoleSpell",
    "load_kb",
    "load_kb_from",
    "validate_file",
]
