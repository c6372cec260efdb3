"""The dashboard's HTML pages over the hand-built database (see conftest)."""

from __future__ import annotations

import json
import re
from datetime import date as D
from html import unescape

import pytest


def script_json(html: str, element_id: str) -> object:
    m = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', html, re.S)
    assert m, element_id
    return json.loads(m.group(1))


def test_dashboard_picks_the_busiest_dyad_when_none_is_given(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/").text
    assert 'value="RUSMIL"' in html and 'value="UKRMIL"' in html
    assert "Showing the busiest dyad" in html
    figure = script_json(html, "timeline-figure")
    assert isinstance(figure, dict)
    names = [t["name"] for t in figure["data"]]
    assert names == ["Verbal cooperation", "Material cooperation", "Verbal conflict",
                     "Material conflict", "Goldstein mean"]
    assert figure["layout"]["barmode"] == "stack"


def test_dashboard_timeline_for_a_chosen_dyad(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/?a=RUS&b=UKR&by=month&since=2022-02-01&until=2022-03-31"
                      "&include_uncertain=true").text
    figure = script_json(html, "timeline-figure")
    assert isinstance(figure, dict)
    bars = {t["name"]: t["y"] for t in figure["data"]}
    assert bars["Material conflict"] == [1, 2] and bars["Verbal conflict"] == [0, 1]
    assert bars["Goldstein mean"] == [-10.0, round(-22.0 / 3, 6)]  # the store rounds to 6
    assert script_json(html, "timeline-periods") == [["2022-02-01", "2022-02-28"],
                                                     ["2022-03-01", "2022-03-31"]]
    assert "Showing the busiest dyad" not in html
    # the latest events of the dyad, linking to the article page at the event
    assert re.search(r'href="/articles/shelling\?event=\d+#event-\d+"', html)
    assert "4 of 4" in html


def test_dashboard_top_lists_link_onwards(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/").text
    assert 'href="/actors/RUSGOV"' in html
    assert unescape('href="/?a=RUSMIL&amp;b=UKRMIL&amp;by=month"') in unescape(html)


@pytest.mark.parametrize(("path", "code"), [
    ("/?a=RUS", "E851"),
    ("/?a=RUS&b=UKR&by=year", "E801"),
    ("/?since=2022-05-01&until=2022-01-01", "E803"),
])
def test_dashboard_shows_a_bad_choice_beside_the_form(client, path: str, code: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(path)
    assert r.status_code == 400
    assert f"<strong>[{code}]</strong>" in r.text
    assert '<form method="get" action="/"' in r.text


EVENT_PAGES = [
    ("/events", 5),
    ("/events?actor=UKR&certain=on", 3),
    ("/events?dyad=RUSMIL&dyad=UKRMIL&directed=true", 1),
    ("/events?quad=&code=&dyad=&dyad=", 5),
    ("/events?text=truce", 1),
]


@pytest.mark.parametrize(("path", "rows"), EVENT_PAGES)
def test_event_table_filters(client, path: str, rows: int) -> None:  # type: ignore[no-untyped-def]
    r = client.get(path)
    assert r.status_code == 200
    assert r.text.count('">evidence</a>') == rows
    assert f"{rows} event{'' if rows == 1 else 's'}" in r.text


def test_event_table_pages(client) -> None:  # type: ignore[no-untyped-def]
    html = unescape(client.get("/events?limit=2&offset=2&order=-date").text)
    assert html.count('">evidence</a>') == 2
    assert 'href="/events?limit=2&order=-date&offset=0">← previous' in html
    assert 'href="/events?limit=2&order=-date&offset=4">next →' in html


@pytest.mark.parametrize(("path", "code"), [("/events?quad=x", "E851"),
                                            ("/events?since=March", "E803"),
                                            ("/events?dyad=RUS", "E851")])
def test_event_table_bad_filter_is_shown_inline(client, path: str, code: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(path)
    assert r.status_code == 400
    assert f"<strong>[{code}]</strong>" in r.text and 'id="filters"' in r.text


def test_article_page_highlights_evidence_and_mentions(client) -> None:  # type: ignore[no-untyped-def]
    events = client.get("/api/events?article=shelling").json()["events"]
    accuse = next(e["id"] for e in events if e["cameo"] == "112")
    html = client.get(f"/articles/shelling?event={accuse}").text
    # the focused event's sentence is marked as evidence and focus, with its anchor
    m = re.search(rf'<span id="event-{accuse}" class="([^"]+)"[^>]*>(.*?)</span>', html)
    assert m and "hl-evidence" in m.group(1) and "hl-focus" in m.group(1)
    assert 'class="hl-evidence hl-focus hl-mention" title="event ' in html  # Kyiv, in focus
    assert re.search(r'class="hl-evidence hl-trigger"[^>]*>shelled</span>', html)
    assert re.search(r'class="hl-evidence hl-mention" title="[^"]*RUSMIL">'
                     r'<a id="report-\d+"></a>Russian artillery<', html)  # a second anchor
    assert re.search(r'class="hl-evidence hl-focus hl-uncoded"[^>]*>officials<', html)
    assert 'class="event-card focused"' in html
    assert html.count('class="event-card') == 3


def test_article_page_escapes_the_article_text(make_client, builders, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dyadline.store import Store

    body = 'Rebels said <script>alert("x")</script> & "Moscow" attacked them.'
    moscow = builders["person"](body, "Moscow", "RUSGOV")
    ev = builders["event"](body, body, "attacked", moscow, None, "190", D(2022, 1, 3),
                           D(2022, 1, 3))
    path = tmp_path / "escape.duckdb"
    with Store.open(str(path)) as store:
        store.write([builders["article"]("tricky", body, (ev,), (moscow,), D(2022, 1, 4),
                                         "Outlet <b>X</b>")], run_id=None)
    html = make_client(path).get("/articles/tricky").text
    assert "<script>alert" not in html and "<b>X</b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;" in html
    assert re.search(r'class="hl-evidence hl-mention"[^>]*>(<a [^>]*></a>)?Moscow</span>', html)


def test_actor_page(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/actors/UKR").text
    assert "<h1" in html and "UKR</h1>" in html
    assert 'href="/?a=UKR&amp;b=RUSMIL"' in html  # partner -> timeline
