"""EventDater on real parses (the session ``nlp`` fixture): which expression dates an event."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dyadline.dates import EventDater, find_timexes
from dyadline.model import DateSpan, Timex

pytestmark = pytest.mark.slow

D = date.fromisoformat
DCT = D("2020-12-15")  # a Tuesday
TERM = DateSpan(D("2017-01-20"), D("2021-01-20"), "span", "role_term")


class FakeTerms:
    """A term_of that returns one fixed term and records what it was asked."""

    def __init__(self, span: DateSpan | None = TERM) -> None:
        self.span = span
        self.asked: list[str] = []

    def __call__(self, timex: Timex, doc: Any, i: int) -> DateSpan | None:
        self.asked.append(timex.text)
        return self.span


def _token(doc: Any, word: str, after: str = "") -> int:
    """Index of the first token ``word`` at or after the first occurrence of ``after``."""
    start = doc.text.index(after) if after else 0
    return next(t.i for t in doc if t.text == word and t.idx >= start)


def _date(nlp: Any, text: str, word: str, *, dct: date | None = DCT, after: str = "",
          report: str | None = None, term_of: Any = None) -> tuple[DateSpan, Timex | None, str]:
    doc = nlp(text)
    dater = EventDater(doc, find_timexes(text, dct), dct, term_of=term_of)
    report_i = _token(doc, report, after) if report else None
    span, timex, basis = dater.date_event(_token(doc, word, after), report_i=report_i)
    return span, timex, basis


# -- the seed article -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed(nlp: Any, shared: Path) -> tuple[Any, EventDater, FakeTerms]:
    text = (shared / "seed" / "000_438d2bf8bcbd74dd.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    terms = FakeTerms()
    return doc, EventDater(doc, find_timexes(text, DCT), DCT, term_of=terms), terms


@pytest.mark.parametrize(("after", "word", "start", "end", "expr", "basis"), [
    ("Russian President Vladimir congratulated", "congratulated", "2020-12-15", "2020-12-15",
     "Tuesday", "own"),
    ("A Kremlin readout", "wished", "2020-12-15", "2020-12-15", "Tuesday", "reported"),
    ("A Kremlin readout", "expressed", "2020-12-15", "2020-12-15", "Tuesday", "conjunct"),
    ("In his 60-minute interview", "tagged", "2020-10-21", "2020-10-31", "late October", "own"),
    ("In his 60-minute interview", "responded", "2020-10-21", "2020-10-31", "late October",
     "conjunct"),
    ("their move in 2016 when", "congratulated", "2016-01-01", "2016-12-31", "2016", "clause"),
    ("The lavished praise", "praise", "2017-01-20", "2021-01-20", "his term", "own"),
    ("the President-elect vowed", "vowed", None, "2020-12-15", None, "tense"),
    ("the President-elect vowed", "treat", "2020-12-15", None, None, "tense"),
    ("he is ready for cooperation", "ready", "2020-12-15", "2020-12-15", None, "tense"),
])
def test_seed_events(seed: tuple[Any, EventDater, FakeTerms], after: str, word: str,
                     start: str | None, end: str | None, expr: str | None, basis: str) -> None:
    doc, dater, _ = seed
    span, timex, how = dater.date_event(_token(doc, word, after))
    assert (span.start, span.end) == (start and D(start), end and D(end))
    assert (timex.text if timex else None, how) == (expr, basis)


def test_seed_2016_congratulation_is_not_the_publication_day(
        seed: tuple[Any, EventDater, FakeTerms]) -> None:
    doc, dater, _ = seed
    span, _, _ = dater.date_event(_token(doc, "congratulated", "their move in 2016"))
    assert not span.contains(DCT)


def test_seed_term_goes_through_term_of(seed: tuple[Any, EventDater, FakeTerms]) -> None:
    doc, dater, terms = seed
    span, timex, _ = dater.date_event(_token(doc, "praise", "The lavished praise"))
    assert timex is not None and timex.value == "TERM"
    assert "his term" in terms.asked
    assert span.basis == "role_term"


# -- our own sentences ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "word", "start", "end", "basis"), [
    # own expressions, and what beats what
    ("Putin met Macron in Paris on Monday.", "met", "2020-12-14", "2020-12-14", "own"),
    ("After six weeks of talks, the leaders signed the deal on Friday.", "signed", "2020-12-11",
     "2020-12-11", "own"),
    ("Officials said on Monday that talks were held last week.", "held", "2020-12-07",
     "2020-12-13", "own"),
    ("Officials said on Monday that talks were held last week.", "said", "2020-12-14",
     "2020-12-14", "own"),
    ("The talks, held in Geneva in early 2019, collapsed.", "talks", "2019-01-01", "2019-04-30",
     "own"),
    # prepositions that move the interval
    ("He has been in power since 2014.", "been", "2014-01-01", "2020-12-15", "own"),
    ("The troops left before 2019.", "left", None, "2018-12-31", "own"),
    ("The troops left after 2019.", "left", "2020-01-01", None, "own"),
    # the future resolves unmarked weekdays and months forward
    ("The Kremlin said it will meet the envoy on Thursday.", "meet", "2020-12-17", "2020-12-17",
     "own"),
    ("Putin will travel to Paris in March.", "travel", "2021-03-01", "2021-03-31", "own"),
    ("Putin plans to visit Paris in May.", "visit", "2021-05-01", "2021-05-31", "own"),
    ("The Kremlin met the envoy on Thursday.", "met", "2020-12-10", "2020-12-10", "own"),
    # reported speech
    ("The minister said on Monday that the army withdrew.", "withdrew", "2020-12-14",
     "2020-12-14", "reported"),
    ("The minister said on Monday that the army will withdraw.", "withdraw", "2020-12-15", None,
     "tense"),
    # coordination and when-clauses
    ("Leaders met on Friday and signed a deal.", "signed", "2020-12-11", "2020-12-11",
     "conjunct"),
    ("When he visited Moscow in 2016, he met Putin.", "met", "2016-01-01", "2016-12-31",
     "clause"),
    # the narrative date, only where the tense agrees
    ("Leaders met on Friday. They signed a deal.", "signed", "2020-12-11", "2020-12-11",
     "narrative"),
    ("Leaders met on Friday. The bank is raising rates.", "raising", "2020-12-15", "2020-12-15",
     "tense"),
    ("Leaders met on Friday.\n\nTwo more people were arrested.\n\nThe army shelled the town.",
     "shelled", None, "2020-12-15", "tense"),
    # an expression of its own that cannot be resolved is not replaced by the narrative
    ("Leaders met on Friday. Rebels attacked within days of the vote.", "attacked", None,
     "2020-12-15", "tense"),
    # tense and aspect without any anchor
    ("Rebels have seized the airport.", "seized", None, "2020-12-15", "tense"),
    ("The president is going to sign the bill.", "sign", "2020-12-15", None, "tense"),
    ("The government could impose sanctions.", "impose", "2020-12-15", None, "tense"),
    ("Russia is ready for cooperation.", "ready", "2020-12-15", "2020-12-15", "tense"),
])
def test_event_dates(nlp: Any, text: str, word: str, start: str | None, end: str | None,
                     basis: str) -> None:
    span, _, how = _date(nlp, text, word)
    assert ((span.start, span.end), how) == ((start and D(start), end and D(end)), basis)


def test_report_verb_given_explicitly(nlp: Any) -> None:
    text = "A Kremlin readout shared on Tuesday that Putin wished Biden every success."
    span, timex, how = _date(nlp, text, "wished", report="shared")
    assert (span.start, timex and timex.text, how) == (DCT, "Tuesday", "reported")


def test_term_without_resolver_falls_back_to_tense(nlp: Any) -> None:
    text = "The praise of Trump during his term stoked suspicions."
    span, timex, how = _date(nlp, text, "praise")
    assert (span.start, span.end, timex, how) == (None, DCT, None, "tense")


def test_term_parts(nlp: Any) -> None:
    text = "He vetoed the bill at the end of his term."
    span, timex, _ = _date(nlp, text, "vetoed", term_of=FakeTerms())
    assert timex is not None and timex.value == "TERM"
    assert span.start is not None and span.start > TERM.start  # the last third of the term
    assert span.end == TERM.end


def test_no_publication_date(nlp: Any) -> None:
    span, _, how = _date(nlp, "Rebels seized the airport on Tuesday.", "seized", dct=None)
    assert (span.start, span.end, span.basis, how) == (None, None, "no_publication_date", "tense")
    span, timex, how = _date(nlp, "Rebels seized the airport in March 2019.", "seized", dct=None)
    assert (span.start, span.end, how) == (D("2019-03-01"), D("2019-03-31"), "own")
    assert timex is not None and timex.text == "March 2019"
