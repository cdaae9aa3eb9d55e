"""The HTML part in Chromium at 600 and 375 px, light and dark, with the site's own card image
served from 127.0.0.1: it fits the width, the image loads, dark mode is dark. The screenshots
are kept in the test's folder to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_runner import runform
from playwright.sync_api import Browser, sync_playwright

from conftest import Project
from email_helpers import email_project, parse_eml
from smtp_sink import LiveSite

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing (`make browser` installs Debian's chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, LiveSite]]:
    root = tmp_path_factory.mktemp("shots")
    with LiveSite(root / "project" / "site") as live:
        project = email_project(root / "project")
        project.update_config({"site_url": live.url})
        project.build_ok("2026-11-24")
        yield project, live


def _luminance(rgb: str) -> float:
    r, g, b = (int(part) for part in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [600, 375])
def test_the_email_reads_well_at_each_width_and_scheme(
    browser: Browser, published: tuple[Project, LiveSite], width: int, scheme: str
) -> None:
    project, live = published
    out = project.root / "emails"
    result = runform(project.root, "email", "--tip", "heel-pick-up", "--out", str(out))
    assert result.returncode == 0, result.stderr
    html = parse_eml(out / "heel-pick-up.eml").html
    page_file = live.directory / "email-heel-pick-up.html"
    page_file.write_text(html, encoding="utf-8")
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(f"{live.url}email-heel-pick-up.html")
        page.wait_for_load_state("load")
        overflow = page.evaluate("document.scrollingElement.scrollWidth")
        assert overflow <= width, f"{width} px: the email is {overflow} px wide"
        image = page.locator("img").first
        assert image.evaluate("img => img.complete && img.naturalWidth") == 1200, "card loads"
        box = image.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        assert abs(box["height"] - box["width"] * 630 / 1200) < 2, "the card keeps its shape"
        body = page.evaluate("getComputedStyle(document.body).backgroundColor")
        title = page.locator("h1 a").evaluate("a => getComputedStyle(a).color")
        text = page.get_by_text("Picking the foot up").evaluate("e => getComputedStyle(e).color")
        if scheme == "dark":
            assert _luminance(body) < 0.15 and _luminance(title) > 0.8 and _luminance(text) > 0.8
        else:
            assert _luminance(body) > 0.9 and _luminance(title) < 0.2 and _luminance(text) < 0.2
        page.screenshot(path=str(project.root / f"email-{width}-{scheme}.png"), full_page=True)
    finally:
        context.close()
