"""Stage 4: the event ontology (CAMEO, PLOVER), the lexicons, and the rule-based coder."""

from __future__ import annotations

from dyadline.events.coder import CODER_VERSION, ActorLookup, Dater, EventCoder, RuleCoder

__all__ = ["CODER_VERSION", "ActorLookup", "Dater", "EventCoder", "RuleCoder"]
