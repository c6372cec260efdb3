"""Dates tied to a person's role come from the knowledge base's term dates."""

from __future__ import annotations

from datetime import date

import pytest

from dyadline.model import Article

CASES = [
    # (text, published, trigger, expected span)
    ("Hillary Clinton visited Moscow when she was secretary of state.", date(2020, 6, 1),
     "visited", (date(2009, 1, 21), date(2013, 1, 31))),  # Kerry from 2013-02-01
    ("Under the Obama administration, the United States imposed sanctions on Russia.",
     date(2020, 6, 1), "imposed", (date(2009, 1, 20), date(2017, 1, 19))),
]


@pytest.mark.parametrize(("text", "published", "trigger", "span"), CASES, ids=[c[2] for c in CASES])
def test_role_tied_expressions_date_the_event(pipeline, text: str, published: date, trigger: str,  # type: ignore[no-untyped-def]
                                              span: tuple[date, date]) -> None:
    (coded,) = pipeline.code_articles([Article(id="t", body=text, published=published)])
    event = next(e for e in coded.events if e.trigger.text.startswith(trigger))
    assert (event.date.start, event.date.end, event.date.basis) == (*span, "role_term")
