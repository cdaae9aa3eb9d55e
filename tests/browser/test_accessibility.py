"""In Chromium: axe-core (the copy axe-playwright-python ships, injected into the page, no
network) finds no serious or critical violation on the reader's pages, light and dark; and
before any click, every request those pages make goes to 127.0.0.1."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser.conftest import StaticServer, make_reader_project
from conftest import minimal_tip

PAGES = ["", "tips/", "tips/heel-pick-up/", "book/"]
PAGE_IDS = ["home", "archive", "tip-with-video", "book"]
SCHEMES = ["light", "dark"]
# the tags page and both pages of a tag with 53 tips (links between its pages, the current one)
TAG_PAGES = ["tags/", "tags/drills/", "tags/drills/page/2/"]


@pytest.fixture(scope="module")
def tag_site(tmp_path_factory: pytest.TempPathFactory):
    """The reader's site with 51 more tips tagged 'drills' (weekly from 2025-11-21 back)."""
    root = tmp_path_factory.mktemp("tags") / "project"
    server = StaticServer(root / "site")
    project = make_reader_project(root, server.url())
    for n in range(51):
        day = (date(2025, 11, 21) - timedelta(weeks=n)).isoformat()
        project.write_tip(f"{day}-drill-{n}.yml", minimal_tip(f"Drill {n}", day, tags="[drills]"))
    project.build_ok("2026-11-24")
    yield server
    server.stop()


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


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", TAG_PAGES, ids=["tags", "tag", "tag-page-2"])
def test_tag_pages_have_no_serious_or_critical_axe_violations(tag_site, visit, path, scheme):
    test_no_serious_or_critical_axe_violations(tag_site, visit, path, scheme)


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
