"""Date events from the parse: which temporal expression governs a predicate, and what to say
when none does.

The rules, tried in order (``EventDate.basis`` names the one that fired):

own        a temporal expression in the predicate's own clause: attached to it (a prepositional
           or adverbial modifier: "on Tuesday", "in 2016", "during his term"), to one of its
           arguments through a preposition ("in his interview in late October"), or modifying
           the object of such a preposition ("in the 2016 election"). Embedded clauses with their
           own verb (ccomp, advcl, relcl, xcomp, conj ...) keep their expressions to themselves.
           Dates beat durations; closer attachments beat farther ones; finer beat coarser.
clause     a "when" clause takes the time just before "when" ("their move in 2016 when they
           congratulated ...") or of the noun it modifies; a main clause takes the time of its
           own "when"/"while" clause.
conjunct   a coordinated predicate takes its first conjunct's date ("tagged ... and responded").
reported   an event reported by a verb of saying takes the report's date ("a readout shared on
           Tuesday that Putin wished ..."), unless it is future or modal.
governor   an eventive noun takes the date of the predicate it is an argument of (directly or
           through one preposition: "followed by an investigation").
narrative  the latest time of a main clause earlier in the same paragraph or in the previous
           sentence, when the tenses agree (a present-tense clause is not dated by a past
           time) and the predicate is not a perfect ("has ceded": an indefinite past).
tense      no anchor: past -> open interval ending on the publication day
           (``before_publication``); present -> the publication day (``present_tense``);
           future or modal -> open interval from the publication day (``after_publication``);
           no publication date -> an interval of unknowns (``no_publication_date``).

"since X" becomes [X, publication day], "before X" ends before X, "after X" starts after it,
"by X"/"until X" end with X. A future predicate re-resolves unmarked weekdays and months forward
("will meet on Tuesday"). Role terms (value TERM) are dated by the ``term_of`` callable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from dyadline.dates import calendar as cal
from dyadline.dates.find import reanchor
from dyadline.dates.lexicon import words
from dyadline.dates.tense import tense_of
from dyadline.model import DateSpan, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["EventDate", "EventDater", "TermResolver"]

TermResolver = Callable[[Timex, "Doc", int], DateSpan | None]

# dependency labels whose token heads a clause of its own
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "csubj", "csubjpass",
                          "parataxis", "pcomp", "conj"})
_PREP_LINKS = frozenset({"pobj", "pcomp"})
_REPORT_LEMMAS = words("""say tell state report announce add claim note share write tweet
declare confirm insist argue warn explain reveal disclose emphasize emphasise stress suggest
acknowledge deny allege indicate told""")
_WHEN = frozenset({"when", "while", "as"})
_GRAN_RANK = {g: i for i, g in enumerate(("day", "week", "span", "month", "season", "quarter",
                                          "year", "decade", "century", "open"))}
_TERM_PART = re.compile(r"(?i)^(?:(?:the\s+)?(?P<edge>end|beginning|start|close)\s+of|"
                        r"(?P<fz>early|late)\s+in)\b")


class EventDate(NamedTuple):
    """When an event happened: the interval, the expression that dated it (if any), and the
    rule that decided (own, clause, conjunct, reported, governor, narrative, tense)."""

    span: DateSpan
    timex: Timex | None
    basis: str


class EventDater:
    """Dates the events of one article. ``doc`` is the parsed body; ``timexes`` were found on the
    same text (same offsets); ``dct`` is the publication date; ``term_of`` dates role terms
    ("during his term") and may be None."""

    def __init__(self, doc: Doc, timexes: Sequence[Timex], dct: date | None,
                 term_of: TermResolver | None = None) -> None:
        self.doc = doc
        self.dct = dct
        self.term_of = term_of
        self.timexes = sorted(timexes, key=lambda t: t.start)
        self._heads: list[int | None] = [self._head_of(t) for t in self.timexes]
        self._inside: list[set[int]] = [{tok.i for tok in self._tokens(t)} for t in self.timexes]
        self._sents = list(doc.sents)
        # token -> index of its sentence (Token.sent rescans the document on every call)
        self._sent_no = [0] * len(doc)
        for n, sent in enumerate(self._sents):
            for j in range(sent.start, sent.end):
                self._sent_no[j] = n
        self._of_head: dict[int, int] = {h: k for k, h in enumerate(self._heads) if h is not None}

    # -- the parse ---------------------------------------------------------------------------

    def _tokens(self, t: Timex) -> list[Token]:
        span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
        return list(span) if span is not None else []

    def _head_of(self, t: Timex) -> int | None:
        """The token that heads the expression in the parse (the one whose head lies outside)."""
        toks = self._tokens(t)
        if not toks:
            return None
        inside = {tok.i for tok in toks}
        outer = [tok for tok in toks if tok.head.i not in inside or tok.head.i == tok.i]
        return (outer[-1] if outer else toks[-1]).i

    def _tier(self, k: int, target: Token) -> int | None:
        """How closely timex ``k`` attaches to ``target`` within its clause: 0 directly, 1 through
        a prepositional chain, 2 as a modifier of a prepositional object; None if not at all."""
        h = self._heads[k]
        if h is None:
            return None
        inside = self._inside[k]
        x = self.doc[h]
        link = "adv"
        if x.dep_ in _PREP_LINKS:
            link = "prep"
        elif x.dep_ in ("compound", "nummod", "amod", "poss", "nmod", "appos", "det"):
            link = "mod"
        gov = x.head if x.dep_ not in _PREP_LINKS else x.head.head
        first = True
        while x.i != target.i:
            if not first and x.i not in inside and x.dep_ in _CLAUSE_DEPS and not (
                    x.dep_ == "conj" and x.pos_ not in ("VERB", "AUX")) and not (
                    x.dep_ == "acl" and x.head.i == target.i):
                return None
            first = False
            if x.head.i == x.i:
                return None
            x = x.head
        if gov.i == target.i or (gov.i in inside):
            return 0
        if link in ("prep", "adv"):
            return 1
        return 2 if gov.dep_ == "pobj" else None

    def _targets(self, tok: Token) -> list[Token]:
        """The predicate and, for a predicate adjective or noun, its copula."""
        out = [tok]
        if tok.dep_ in ("acomp", "attr", "oprd") and tok.head.pos_ in ("AUX", "VERB"):
            out.append(tok.head)
        return out

    # -- rules -------------------------------------------------------------------------------

    def _own(self, i: int, tense: str) -> EventDate | None:
        tok = self.doc[i]
        ranked = []
        for k, t in enumerate(self.timexes):
            h = self._heads[k]
            if h is None or self._sent_no[h] != self._sent_no[tok.i]:
                continue
            if t.span is None and t.value != "TERM":
                continue
            if t.kind == "DURATION" and self._prep(k) in ("after", "before", "since"):
                continue
            tiers = [tr for target in self._targets(tok) if (tr := self._tier(k, target)) is not None]
            if not tiers:
                continue
            gran = t.span.granularity if t.span else "span"
            ranked.append(((t.kind == "DURATION", min(tiers), _GRAN_RANK.get(gran, 9),
                            abs(h - i)), k))
        for _, k in sorted(ranked):
            got = self._from_timex(k, i, tense)
            if got is not None:
                return EventDate(got[0], got[1], "own")
        return None

    def _has_own(self, i: int) -> bool:
        """Whether the predicate has a temporal expression of its own, usable or not."""
        targets = self._targets(self.doc[i])
        return any(self._tier(k, t) is not None for k in range(len(self.timexes)) for t in targets)

    def _prep(self, k: int) -> str | None:
        h = self._heads[k]
        if h is None:
            return None
        tok = self.doc[h]
        return tok.head.lower_ if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else None

    def _from_timex(self, k: int, i: int, tense: str) -> tuple[DateSpan, Timex] | None:
        t = self.timexes[k]
        if t.value == "TERM":
            span = self.term_of(t, self.doc, i) if self.term_of else None
            if span is None:
                return None
            return _term_part(t, span), t
        if tense == "future":
            t = reanchor(t, self.doc.text, self.dct, future=True)
        if t.span is None:
            return None
        return self._with_prep(t.span, self._prep(k)), t

    def _with_prep(self, span: DateSpan, prep: str | None) -> DateSpan:
        if prep == "since" and span.start is not None:
            return DateSpan(span.start, self.dct, "span" if self.dct else "open", "since")
        if prep == "before" and span.start is not None:
            return DateSpan(None, span.start - timedelta(days=1), "open", "before")
        if prep == "after" and span.end is not None:
            return DateSpan(span.end + timedelta(days=1), None, "open", "after")
        if prep in ("by", "until", "till") and span.end is not None:
            return DateSpan(None, span.end, "open", prep)
        return span

    def _clause(self, i: int, tense: str) -> EventDate | None:
        tok = self.doc[i]
        when = [c for c in tok.children if c.lower_ in _WHEN and c.dep_ in ("advmod", "mark")
                and c.i < tok.i]
        if when and tok.dep_ in ("relcl", "advcl", "acl"):
            w = when[0]
            for k, t in enumerate(self.timexes):  # "in 2016 when they ..."
                h = self._heads[k]
                if h is None or t.span is None or self._sent_no[h] != self._sent_no[tok.i]:
                    continue
                last = self._last_token(k)
                if last < w.i and all(x.is_punct for x in self.doc[last + 1:w.i]):
                    got = self._from_timex(k, i, tense)
                    if got:
                        return EventDate(got[0], got[1], "clause")
            if tok.dep_ == "relcl" or tok.head.pos_ in ("NOUN", "PROPN"):
                own = self._own(tok.head.i, tense)
                if own:
                    return EventDate(own.span, own.timex, "clause")
        for c in tok.children:
            if c.dep_ == "advcl" and any(g.lower_ in ("when", "while") and g.dep_ in ("advmod", "mark")
                                         for g in c.children):
                own = self._own(c.i, tense_of(c))
                if own and self._agrees(tense, own.span):
                    return EventDate(own.span, own.timex, "clause")
        return None

    def _last_token(self, k: int) -> int:
        return max(self._inside[k], default=-1)

    def _agrees(self, tense: str, span: DateSpan) -> bool:
        """Whether a ``tense`` predicate can take place in ``span`` (relative to publication)."""
        if self.dct is None or tense in ("unknown",):
            return True
        if tense == "past":
            return span.start is None or span.start <= self.dct
        if tense == "present":
            return span.contains(self.dct)
        return span.end is None or span.end >= self.dct  # future, modal

    def _report_of(self, tok: Token) -> int | None:
        x = self._targets(tok)[-1]
        while x.dep_ == "conj" and x.head.i != x.i:
            x = x.head
        if x.dep_ in ("ccomp", "parataxis") and x.head.lemma_.lower() in _REPORT_LEMMAS:
            return x.head.i
        return None

    def _anchored(self, i: int, report_i: int | None, tense: str, seen: set[int]) -> EventDate | None:
        if i in seen or len(seen) > 6:
            return None
        seen.add(i)
        tok = self.doc[i]
        got = self._own(i, tense) or self._clause(i, tense)
        if got or self._has_own(i):
            return got  # an expression of its own we cannot resolve ("within days of X") wins
        if tok.dep_ == "conj" and tok.head.i != i:
            head = tok.head
            up = self._anchored(head.i, None, tense_of(head), seen)
            if up and self._agrees(tense, up.span):
                return EventDate(up.span, up.timex, "conjunct")
        report = report_i if report_i is not None else self._report_of(tok)
        if report is not None and report != i and tense not in ("future", "modal"):
            up = self._anchored(report, None, tense_of(self.doc[report]), seen)
            if up:
                return EventDate(up.span, up.timex, "reported")
        if tok.pos_ in ("NOUN", "PROPN") and tok.head.i != i:
            gov = tok.head  # the predicate it is an argument of, through one preposition at most
            while gov.i != gov.head.i and gov.pos_ == "ADP":
                gov = gov.head
            if gov.pos_ in ("VERB", "AUX") and gov.i != i:
                up = self._anchored(gov.i, None, tense_of(gov), seen)
                if up and self._agrees(tense, up.span):
                    return EventDate(up.span, up.timex, "governor")
        return None

    def _narrative(self, i: int, tense: str) -> EventDate | None:
        tok = self.doc[i]
        text = self.doc.text
        sents = self._sents
        idx = self._sent_no[i]
        prev_start = sents[idx - 1].start_char if idx > 0 else sents[idx].start_char
        for k in range(len(self.timexes) - 1, -1, -1):
            t = self.timexes[k]
            h = self._heads[k]
            if h is None or t.span is None or t.start >= tok.idx or t.kind not in ("DATE", "TIME"):
                continue
            if t.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
                continue
            if self._sent_no[h] == self._sent_no[i] and h > i:
                continue
            same_paragraph = "\n" not in text[t.end:tok.idx]
            if not same_paragraph and t.start < prev_start:
                break
            if not self._is_event_time(k):
                continue
            if not self._agrees(tense, t.span) or (tense == "present" and t.span.end is not None
                                                   and self.dct and t.span.end < self.dct):
                continue
            span = self._with_prep(t.span, self._prep(k))
            return EventDate(replace(span, basis="narrative"), t, "narrative")
        return None

    def _is_event_time(self, k: int) -> bool:
        """Whether timex ``k`` dates a predicate of its sentence (not just a noun: "the 2016 vote")."""
        h = self._heads[k]
        if h is None:
            return False
        x = self.doc[h]
        if x.dep_ in ("compound", "nummod", "amod", "poss"):
            return False
        while x.i != x.head.i and x.pos_ not in ("VERB", "AUX"):
            x = x.head
        main = x.dep_ == "ROOT" or (x.dep_ == "conj" and x.head.dep_ == "ROOT")
        return main and x.pos_ in ("VERB", "AUX") and tense_of(x) not in ("future", "modal")

    def _by_tense(self, tense: str) -> DateSpan:
        if self.dct is None:
            return DateSpan(None, None, "open", "no_publication_date")
        if tense == "present":
            return DateSpan(self.dct, self.dct, "day", "present_tense")
        if tense in ("future", "modal"):
            return DateSpan(self.dct, None, "open", "after_publication")
        return DateSpan(None, self.dct, "open", "before_publication")

    # -- the API -----------------------------------------------------------------------------

    def date_event(self, trigger_i: int, *, report_i: int | None = None) -> EventDate:
        """Date the event whose predicate (verb or eventive noun) is token ``trigger_i``;
        ``report_i`` is the reporting verb when the event is reported speech."""
        tok = self.doc[trigger_i]
        tense = tense_of(tok)
        got = self._anchored(trigger_i, report_i, tense, set())
        if got is None and not self._has_own(trigger_i) and not _perfect(tok):
            got = self._narrative(trigger_i, tense)
        if got is None:
            return EventDate(self._by_tense(tense), None, "tense")
        return got


def _perfect(tok: Token) -> bool:
    """"has ceded", "had met": an indefinite past, not the time the narrative is at."""
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in tok.children)


def _term_part(t: Timex, span: DateSpan) -> DateSpan:
    """"the end of his term" is the last third of the term."""
    m = _TERM_PART.match(t.text)
    if m is None or span.start is None or span.end is None:
        return span
    word = (m["edge"] or m["fz"]).lower()
    part = {"end": "end", "close": "end", "late": "late", "beginning": "start", "start": "start",
            "early": "early"}[word]
    lo, hi = cal.part_of(cal.Period("TERM", span.start, span.end, "span"), part)
    return DateSpan(lo, hi, "span", span.basis)
