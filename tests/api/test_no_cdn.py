"""No served page loads anything from another host: every script, style sheet, icon and font
comes from this server, and each of them answers 200."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

PAGES = [
    "/",
    "/?a=RUS&b=UKR&by=week&include_uncertain=true",
    "/events",
    "/events?actor=RUS&order=-date&limit=20",
    "/events?since=March",  # a page with an inline error
    "/articles/geneva",
    "/articles/shelling?event=3",
    "/actors/RUS",
    "/docs",
    "/no/such/page",
    "/static/dashboard.css",
    "/static/dashboard.js",
    "/static/favicon.svg",
]

ABSOLUTE = re.compile(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


class _Refs(HTMLParser):
    """Every URL a page makes the browser fetch: src, link href, CSS url(...)."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        for key in ("src", "srcset", "poster", "data"):
            if a.get(key):
                self.loads.append(a[key])
        if tag == "link" and a.get("href"):
            self.loads.append(a["href"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if a.get("style"):
            self.loads.extend(CSS_URL.findall(a["style"]))


@pytest.mark.parametrize("path", PAGES)
def test_no_external_reference(client, article_url: str, path: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(path)
    assert r.status_code in (200, 400, 404), path
    text = r.text
    if path.endswith(".svg"):
        text = text.replace('xmlns="http://www.w3.org/2000/svg"', "")  # a namespace, not a load
    # The only absolute URL any page may show is article data: the stored article's own URL,
    # printed as text on its page (never loaded, never linked).
    found = [m.group(0) for m in ABSOLUTE.finditer(text.replace(article_url, ""))]
    assert found == [], f"{path} references {found}"
    if "html" in r.headers["content-type"]:
        refs = _Refs()
        refs.feed(text)
        for url in refs.loads + refs.links:
            assert not url.startswith(("http:", "https:", "//")), f"{path} -> {url}"


@pytest.mark.parametrize("path", ["/", "/articles/shelling", "/docs", "/events"])
def test_everything_a_page_loads_is_served(client, path: str) -> None:  # type: ignore[no-untyped-def]
    refs = _Refs()
    refs.feed(client.get(path).text)
    assert refs.loads, path
    for url in refs.loads:
        r = client.get(url)
        assert r.status_code == 200, url
        assert len(r.content) > 100, url


def test_plotly_comes_from_the_installed_package(client) -> None:  # type: ignore[no-untyped-def]
    from dyadline.api.assets import plotly_js

    r = client.get("/vendor/plotly.min.js")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript")
    assert r.content == plotly_js().read_bytes()
    assert plotly_js().parent.name == "package_data"


def test_swagger_page_uses_local_files_and_no_validator(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/docs").text
    assert "/vendor/swagger/swagger-ui-bundle.js" in html and "/vendor/swagger/swagger-ui.css" in html
    assert '"validatorUrl": null' in html
    assert client.get("/redoc").status_code == 404  # ReDoc would need a CDN: it is off
    assert client.get("/vendor/swagger/index.html").status_code == 404  # only the two files
