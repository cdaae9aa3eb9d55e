"""In Chromium: share links are plain links that load nothing, and "copy link" copies the
tip's address and says so to screen readers."""

from __future__ import annotations

from playwright.sync_api import expect


def test_share_links_and_copy_link(reader_site, visit):
    session = visit()
    session.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = session.page()
    page.goto(reader_site.url("tips/heel-pick-up/"))
    share = page.get_by_role("navigation", name="Share this tip")
    for name in ("Share by email", "Share on WhatsApp", "Share on X", "Share on Facebook"):
        expect(share.get_by_role("link", name=name)).to_be_visible()
    copy = share.get_by_role("button", name="Copy link")
    expect(copy).to_be_visible()
    copy.click()
    expect(share.get_by_role("status")).to_have_text("Link copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == reader_site.url("tips/heel-pick-up/"), copied
    page.wait_for_load_state("networkidle")
    assert [u for u in session.external() if "giscus" not in u] == [], session.external()


def test_copy_link_is_hidden_without_javascript(reader_site, visit):
    page = visit(javascript=False).page()
    page.goto(reader_site.url("tips/heel-pick-up/"))
    share = page.get_by_role("navigation", name="Share this tip")
    expect(share.get_by_role("link", name="Share on LinkedIn")).to_be_visible()
    expect(page.locator("button.rf-share__copy")).to_be_hidden()
