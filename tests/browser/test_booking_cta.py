"""In Chromium: the booking block is visible at the end of a tip and on the home page, its
links carry the UTM fields, `cta: false` hides it, and /book/ offers the same two links."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

CASES = [
    ("tips/heel-pick-up/", "tip", "heel-pick-up"),
    ("", "home", "home"),
    ("book/", "book", "book"),
]


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(("path", "medium", "campaign"), CASES, ids=["tip", "home", "book"])
def test_booking_links_are_visible_and_carry_utm(reader_site, visit, path, medium, campaign, width):
    page = visit(width=width).page()
    page.goto(reader_site.url(path))
    book = page.get_by_role("link", name="Book now")
    expect(book).to_be_visible()
    book.scroll_into_view_if_needed()
    box = book.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, f"/{path}: off screen"
    url = urlsplit(book.get_attribute("href"))
    assert (url.netloc, url.path) == ("coach.example", "/book")
    utm = {"utm_source": ["runform"], "utm_medium": [medium], "utm_campaign": [campaign]}
    assert parse_qs(url.query) == utm, f"/{path}: booking link {url.geturl()}"
    assessment = page.get_by_role("link", name="Send a video")
    expect(assessment).to_be_visible()
    query = parse_qs(urlsplit(assessment.get_attribute("href")).query)
    assert query == {"ref": ["site"], **utm}, "the coach's own query stays, UTM is added"


def test_cta_false_hides_the_block(reader_site, visit):
    page = visit().page()
    page.goto(reader_site.url("tips/arm-carriage/"))
    expect(page.locator("h1")).to_contain_text("Arm Carriage")
    assert page.locator(".rf-cta").count() == 0
    assert page.get_by_role("link", name="Book now").count() == 0


def test_cta_block_is_a_labelled_landmark(reader_site, visit):
    page = visit().page()
    page.goto(reader_site.url("tips/heel-pick-up/"))
    expect(page.get_by_role("complementary", name="Book now")).to_be_visible()
