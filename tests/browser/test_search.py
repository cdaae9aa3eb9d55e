"""In Chromium: Material's search finds tips by title, cue, heading and tag in runform's
trimmed index, and never by words of a tip's body (those are left out of the index)."""

from __future__ import annotations

from playwright.sync_api import expect


def search(page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query)  # real keystrokes, as Material listens for them
    # the search worker answers asynchronously: wait until the result count is for this query
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching", timeout=10_000)
    page.wait_for_timeout(300)
    results = page.locator(".md-search-result__item > .md-search-result__link")
    return [results.nth(i).get_attribute("href") or "" for i in range(results.count())]


def test_search_finds_tips_by_what_readers_search_for(reader_site, visit):
    page = visit().page()
    page.goto(reader_site.url())
    expect(page.locator("input.md-search__input")).to_be_attached()
    for query in ("Heel Pull", "master the movement", "Flicking", "hamstrings"):
        hrefs = search(page, query)
        assert any("tips/heel-pick-up/" in href for href in hrefs), f"{query!r} -> {hrefs}"
    assert not any("heel-pick-up" in h for h in search(page, "haul the swinging")), (
        "body text is not indexed"
    )
