"""In Chromium: axe-core (the copy axe-playwright-python ships, injected into the page, no
network) finds no serious or critical violation on the reader's pages, light and dark; and
before any click, every request those pages make goes to 127.0.0.1."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = ["", "tips/", "tips/heel-pick-up/", "book/"]
PAGE_IDS = ["home", "archive", "tip-with-video", "book"]
SCHEMES = ["light", "dark"]


def _blocking(violations: list[dict]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", PAGES, ids=PAGE_IDS)
def test_no_serious_or_critical_axe_violations(reader_site, visit, path, scheme):
    page = visit(color_scheme=scheme).page()
    page.goto(reader_site.url(path))
    page.wait_for_load_state("networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    results = Axe().run(page)
    problems = _blocking(results.response["violations"])
    assert problems == [], f"/{path} ({scheme}): axe found\n" + "\n".join(problems)


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", PAGES, ids=PAGE_IDS)
def test_before_any_click_every_request_stays_on_127_0_0_1(reader_site, visit, path, width):
    session = visit(width=width)
    page = session.page()
    page.goto(reader_site.url(path))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert session.requests, "the recorder saw no request at all"
    assert session.external() == [], f"/{path} at {width}px asked other hosts"
