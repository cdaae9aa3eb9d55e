"""In Chromium: a first visit fetches no sitemap.xml (Material fetched it once per
`<link rel=alternate>`, and runform had two feed links on every page) and no icon file (the
seven icons are inlined in runform's stylesheet); runform's own CSS and JS are one hashed,
minified request each."""

from __future__ import annotations

import re

import pytest

PAGES = ["", "tips/", "tips/heel-pick-up/", "book/", "tags/"]


@pytest.mark.parametrize("path", PAGES, ids=["home", "archive", "tip", "book", "tags"])
def test_first_visit_fetches_no_sitemap_and_no_icon(reader_site, visit, path):
    session = visit(width=390)
    page = session.page()
    page.goto(reader_site.url(path))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)  # Material's sitemap fetch came after load
    assert [u for u in session.requests if "sitemap.xml" in u] == []
    assert [u for u in session.requests if "/icons/" in u] == []
    ours = [u.rsplit("/", 1)[1] for u in session.requests if "/assets/runform/" in u]
    assert sorted(re.sub(r"\.[0-9a-f]{8}\.", ".HASH.", name) for name in ours) == [
        "runform.HASH.min.css",
        "runform.HASH.min.js",
    ]
