"""The pluggable actor-resolution stage: a Protocol, and the knowledge-base implementation.

A resolver is asked once per article for an ``ArticleResolver``; the event coder then asks it who
the phrase headed at each argument token is. A test or a user can swap in any object with these
methods (a fake returning fixed actors, a model-based resolver ...).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from dyadline.actors.resolve import ArticleActors

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dyadline.actors.kb import KnowledgeBase
    from dyadline.model import Actor, Flag

__all__ = ["ActorResolver", "ArticleResolver", "KBResolver"]


@runtime_checkable
class ArticleResolver(Protocol):
    """Who the phrases of one article denote (``ArticleActors`` satisfies it)."""

    def resolve(self, token_i: int) -> list[Actor]: ...

    @property
    def mentions(self) -> list[Actor]: ...

    @property
    def flags(self) -> list[Flag]: ...


@runtime_checkable
class ActorResolver(Protocol):
    """A resolver of actors; ``version`` is recorded with every coded event."""

    version: str

    def for_article(self, doc: Doc, published: date | None) -> ArticleResolver: ...


class KBResolver:
    """The knowledge-base resolver: ``ArticleActors`` over a ``KnowledgeBase``."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.version = kb.version

    def for_article(self, doc: Doc, published: date | None) -> ArticleResolver:
        return ArticleActors(doc, published, self.kb)
