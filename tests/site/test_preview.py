"""Under `mkdocs serve`, drafts and scheduled tips are previewed with a banner; never in a build."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup

from conftest import VALID_TIPS
from runform.content.catalog import load_catalog
from runform.content.schedule import build_schedule
from runform.content.settings import SiteSettings
from runform.site.pages import SiteContext, build_pages


@pytest.fixture
def schedule():
    catalog = load_catalog(VALID_TIPS, root=VALID_TIPS.parent)
    assert catalog.diagnostics == ()
    return build_schedule(catalog, date(2026, 11, 24))


def banners(markdown: str) -> list[str]:
    page = BeautifulSoup(markdown_to_html_blocks(markdown), "lxml")
    return [b.get_text(" ", strip=True) for b in page.select(".rf-banner")]


def markdown_to_html_blocks(markdown: str) -> str:
    """The raw HTML blocks of a generated page are HTML already; that is all we look at here."""
    return markdown.split("---", 2)[2]


def test_preview_shows_scheduled_and_draft_tips_with_banners(schedule) -> None:
    pages = {
        p.src_uri: p.html
        for p in build_pages(schedule, schedule.shown(preview=True), SiteSettings(), SiteContext())
    }
    assert banners(pages["tips/relaxed-arms.md"]) == [
        "Scheduled for Friday, November 27, 2026. Only the preview shows it until then."
    ]
    assert banners(pages["tips/midfoot-landing.md"]) == [
        "Draft: this tip is not published. Only the preview shows it."
    ]
    assert banners(pages["tips/heel-pick-up.md"]) == [], "a published tip has no banner"


def test_a_build_renders_published_tips_only(schedule) -> None:
    uris = {
        p.src_uri
        for p in build_pages(schedule, schedule.shown(preview=False), SiteSettings(), SiteContext())
    }
    assert uris == {
        "index.md",
        "tips/index.md",
        "tips/2026/index.md",
        "tips/heel-pick-up.md",
        "tips/cadence-quick-feet.md",
    }
