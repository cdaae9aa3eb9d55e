"""In Chromium: comments load only when the reader scrolls near them. giscus gets the
configured attributes and follows the light/dark switch; a real Isso server keeps a comment
posted through the page's own form across a reload and a restart."""

from __future__ import annotations

from urllib.parse import urlsplit

import yaml
from playwright.sync_api import expect

from browser.conftest import GISCUS, make_reader_project

GISCUS_SCRIPT = "https://giscus.app/client.js"


def test_giscus_loads_nothing_until_the_reader_scrolls_to_the_comments(reader_site, visit):
    session = visit()
    page = session.page()
    page.goto(reader_site.url("tips/heel-pick-up/"))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert session.to_host("giscus.app") == [], "giscus was asked before the reader scrolled"
    assert page.locator(f'script[src="{GISCUS_SCRIPT}"]').count() == 0
    expect(page.locator(".rf-comments__prompt")).to_have_text(
        "Questions about this tip? Ask below; the coach answers every week."
    )

    page.locator(".rf-comments").scroll_into_view_if_needed()
    script = page.locator(f'script[src="{GISCUS_SCRIPT}"]')
    expect(script).to_have_count(1)
    expected = {
        "data-repo": GISCUS["repo"],
        "data-repo-id": GISCUS["repo_id"],
        "data-category": GISCUS["category"],
        "data-category-id": GISCUS["category_id"],
        "data-mapping": "pathname",
        "data-reactions-enabled": "1",
        "data-lang": "en",
        "data-theme": "light",
        "crossorigin": "anonymous",
    }
    actual = {name: script.get_attribute(name) for name in expected}
    assert actual == expected, "giscus' script element carries the configured attributes"
    page.wait_for_timeout(300)
    assert session.to_host("giscus.app") == [GISCUS_SCRIPT]


def test_giscus_follows_the_dark_scheme(reader_site, visit):
    page = visit(color_scheme="dark").page()
    page.goto(reader_site.url("tips/heel-pick-up/"))
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.locator(".rf-comments").scroll_into_view_if_needed()
    script = page.locator(f'script[src="{GISCUS_SCRIPT}"]')
    expect(script).to_have_count(1)
    assert script.get_attribute("data-theme") == "dark"


def test_a_tip_with_comments_false_has_no_thread(reader_site, visit):
    session = visit()
    page = session.page()
    page.goto(reader_site.url("tips/arm-carriage/"))
    page.mouse.wheel(0, 20000)
    page.wait_for_timeout(500)
    assert page.locator(".rf-comments, .giscus, #isso-thread").count() == 0
    assert session.to_host("giscus.app") == []


def _post_and_find(page, text: str) -> None:
    page.locator(".rf-comments").scroll_into_view_if_needed()
    page.locator(".isso-postbox textarea").fill(text)
    page.locator(".isso-postbox input[name=author]").fill("Sam Runner")
    page.locator(".isso-postbox input[type=submit]").click()
    expect(page.locator("#isso-root .isso-comment .isso-text").first).to_contain_text(text)


def _see_comment(page, text: str) -> None:
    page.locator(".rf-comments").scroll_into_view_if_needed()
    comment = page.locator("#isso-root .isso-comment")
    expect(comment).to_have_count(1, timeout=10_000)
    expect(comment.locator(".isso-text")).to_contain_text(text)
    expect(comment.locator(".isso-author")).to_have_text("Sam Runner")


def test_isso_comment_survives_a_reload_and_a_restart(tmp_path, serve_dir, isso_server, visit):
    site = serve_dir(tmp_path / "project" / "site")
    isso = isso_server(site.origin)
    project = make_reader_project(
        tmp_path / "project",
        site.url(),
        {"comments": {"provider": "isso", "isso": {"url": isso.url}}},
    )
    project.build_ok("2026-11-24")

    session = visit()
    page = session.page()
    page.goto(site.url("tips/heel-pick-up/"))
    page.wait_for_load_state("networkidle")
    isso_host = f"127.0.0.1:{isso.port}"
    assert [u for u in session.requests if urlsplit(u).netloc == isso_host] == [], (
        "Isso was asked before the reader scrolled to the comments"
    )
    text = "How many heel pulls before a tempo run?"
    _post_and_find(page, text)

    page.reload()
    _see_comment(page, text)

    isso.stop()
    isso.start()
    page.reload()
    _see_comment(page, text)
    assert session.external() == [], "Isso and the site are the only hosts"

    page.goto(site.url("tips/arm-carriage/"))  # comments: false
    page.mouse.wheel(0, 20000)
    page.wait_for_timeout(500)
    assert page.locator("#isso-thread, .isso-comment, .isso-postbox").count() == 0


def _instant_site(tmp_path, serve_dir, settings=None):
    site = serve_dir(tmp_path / "project" / "site")
    project = make_reader_project(tmp_path / "project", site.url(), settings)
    config = yaml.safe_load((project.root / "mkdocs.yml").read_text(encoding="utf-8"))
    project.update_config({"theme": {**config["theme"], "features": ["navigation.instant"]}})
    project.build_ok("2026-11-24")
    return site


def _go_to_previous_tip_instantly(page) -> None:
    page.evaluate("window.__rf_same_document = true")
    page.locator("a[rel=prev]").click()
    expect(page.locator("h1")).to_contain_text("Quick Feet, Shorter Stride")
    assert page.evaluate("window.__rf_same_document === true"), "instant navigation reloaded"


def test_giscus_loads_after_instant_navigation(tmp_path, serve_dir, visit):
    site = _instant_site(tmp_path, serve_dir)
    session = visit()
    page = session.page()
    page.goto(site.url("tips/heel-pick-up/"))
    page.locator(".rf-comments").scroll_into_view_if_needed()
    expect(page.locator(f'.rf-comments script[src="{GISCUS_SCRIPT}"]')).to_have_count(1)
    page.wait_for_timeout(300)

    _go_to_previous_tip_instantly(page)
    page.wait_for_timeout(300)
    assert session.to_host("giscus.app") == [GISCUS_SCRIPT], "not before scrolling"
    page.locator(".rf-comments").scroll_into_view_if_needed()
    expect(page.locator(f'.rf-comments script[src="{GISCUS_SCRIPT}"]')).to_have_count(1)


def test_isso_loads_after_instant_navigation(tmp_path, serve_dir, isso_server, visit):
    site_dir = tmp_path / "project" / "site"
    site = serve_dir(site_dir)
    isso = isso_server(site.origin)
    settings = {"comments": {"provider": "isso", "isso": {"url": isso.url}}}
    project = make_reader_project(tmp_path / "project", site.url(), settings)
    config = yaml.safe_load((project.root / "mkdocs.yml").read_text(encoding="utf-8"))
    project.update_config({"theme": {**config["theme"], "features": ["navigation.instant"]}})
    project.build_ok("2026-11-24")

    page = visit().page()
    page.goto(site.url("tips/heel-pick-up/"))
    _post_and_find(page, "First page comment")
    _go_to_previous_tip_instantly(page)
    page.locator(".rf-comments").scroll_into_view_if_needed()
    expect(page.locator("#isso-thread .isso-postbox")).to_have_count(1)
    expect(page.locator("#isso-thread .isso-thread-heading")).to_have_count(1)
    expect(page.locator("#isso-root .isso-comment")).to_have_count(0)
    _post_and_find(page, "Second page comment")
    page.reload()
    comment_texts = page.locator("#isso-root .isso-comment .isso-text")
    page.locator(".rf-comments").scroll_into_view_if_needed()
    expect(comment_texts).to_have_count(1)
    expect(comment_texts).to_contain_text("Second page comment")
