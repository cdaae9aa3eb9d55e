"""In Chromium: the click-to-load player makes no request off the machine until the reader
presses play (mouse, Enter or Space), then swaps in the privacy-friendly embed."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

# page, provider, embed address without its query, query, fragment
PLAYERS = [
    (
        "tips/heel-pick-up/",
        "youtube",
        "https://www.youtube-nocookie.com/embed/aaaaaaaaaaa",
        {"autoplay": ["1"]},
        "",
    ),
    (
        "tips/hip-extension/",
        "youtube",
        "https://www.youtube-nocookie.com/embed/bbbbbbbbbbb",
        {"autoplay": ["1"], "start": ["90"]},
        "",
    ),
    (
        "tips/arm-carriage/",
        "vimeo",
        "https://player.vimeo.com/video/76979871",
        {"dnt": ["1"], "autoplay": ["1"]},
        "t=42s",
    ),
]
IDS = ["youtube-watch", "youtube-shorts-start", "vimeo-start"]


def _check_iframe(page, path: str, base: str, query: dict, fragment: str) -> str:
    frame = page.locator("figure.rf-video iframe")
    expect(frame).to_have_count(1)
    src = frame.get_attribute("src")
    parts = urlsplit(src)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == base, f"{path}: iframe src {src}"
    assert parse_qs(parts.query) == query, f"{path}: iframe query of {src}"
    assert parts.fragment == fragment, f"{path}: iframe fragment of {src}"
    assert frame.get_attribute("title"), f"{path}: the iframe needs a title"
    assert "autoplay" in frame.get_attribute("allow"), f"{path}: allow must permit autoplay"
    assert frame.get_attribute("referrerpolicy") == "strict-origin-when-cross-origin"
    return src


@pytest.mark.parametrize(("path", "provider", "base", "query", "fragment"), PLAYERS, ids=IDS)
def test_play_button_loads_the_embed_only_when_clicked(
    reader_site, visit, path, provider, base, query, fragment
):
    session = visit()
    page = session.page()
    page.goto(reader_site.url(path))
    page.wait_for_load_state("networkidle")
    button = page.get_by_role("button", name="Play video:")
    expect(button).to_have_count(1)
    assert session.external() == [], f"{path}: requests off the machine before play"
    assert page.locator("iframe").count() == 0, f"{path}: an iframe before play"

    button.click()
    src = _check_iframe(page, path, base, query, fragment)
    page.wait_for_timeout(300)
    requested = src.split("#")[0]  # a fragment never travels with the request
    assert requested in session.external(), f"{path}: the player was requested after play"
    host = "www.youtube-nocookie.com" if provider == "youtube" else "player.vimeo.com"
    assert {urlsplit(u).hostname for u in session.external()} == {host}, session.external()


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_keyboard_enter_or_space_on_the_focused_button_plays(reader_site, visit, key):
    session = visit()
    page = session.page()
    page.goto(reader_site.url("tips/hip-extension/"))
    button = page.locator("button.rf-video__placeholder")
    button.focus()
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    assert page.evaluate("document.activeElement.hasAttribute('aria-label')") is False
    name = "Play video: Hip extension drill Plays from YouTube when you press play"
    expect(page.get_by_role("button", name=name, exact=True)).to_have_count(1)
    page.keyboard.press(key)
    _check_iframe(
        page,
        "tips/hip-extension/",
        "https://www.youtube-nocookie.com/embed/bbbbbbbbbbb",
        {"autoplay": ["1"], "start": ["90"]},
        "",
    )


def test_placeholder_shows_title_play_button_local_poster_and_credit(reader_site, visit):
    session = visit(width=390)
    page = session.page()
    page.goto(reader_site.url("tips/hip-extension/"))
    page.wait_for_load_state("networkidle")
    figure = page.locator("figure.rf-video")
    box = figure.locator(".rf-video__placeholder").bounding_box()
    assert box and abs(box["width"] / box["height"] - 16 / 9) < 0.02, f"not 16:9: {box}"
    title = figure.locator(".rf-video__title")
    expect(title).to_have_text("Play video: Hip extension drill")
    expect(title.locator(".rf-visually-hidden")).to_have_text("Play video: ")
    assert title.evaluate("e => e.querySelector('.rf-visually-hidden').offsetWidth") == 1
    expect(figure.locator(".rf-video__play")).to_be_visible()
    poster = figure.locator("img.rf-video__poster")
    assert poster.evaluate("img => img.complete && img.naturalWidth") == 320, "poster loaded"
    assert urlsplit(poster.evaluate("img => img.currentSrc")).hostname == "127.0.0.1"
    expect(figure.locator("figcaption")).to_have_text("Video: Stride Lab")
    assert session.external() == []


def test_credit_links_to_credit_url(reader_site, visit):
    page = visit().page()
    page.goto(reader_site.url("tips/arm-carriage/"))
    credit = page.locator("figure.rf-video figcaption a")
    expect(credit).to_have_text("Stride Lab")
    assert credit.get_attribute("href") == "https://coach.example/about"


def test_without_javascript_the_placeholder_is_a_link_to_the_video(reader_site, visit):
    session = visit(javascript=False)
    page = session.page()
    page.goto(reader_site.url("tips/hip-extension/"))
    link = page.locator("figure.rf-video a.rf-video__placeholder")
    expect(link).to_have_count(1)
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=bbbbbbbbbbb&t=90s"
    assert page.locator("figure.rf-video button").count() == 0
    assert session.external() == []


def test_with_material_consent_the_player_waits_for_consent(tmp_path, serve_dir, visit):
    """extra.consent on: no embed before consent; after accepting the 'youtube' cookie the
    player is there at once (without autoplay)."""
    from browser.conftest import make_reader_project

    server = serve_dir(tmp_path / "project" / "site")
    project = make_reader_project(tmp_path / "project", server.url())
    config_extra = {
        "consent": {
            "title": "Cookie consent",
            "description": "We embed YouTube videos when you allow it.",
            "cookies": {"youtube": "YouTube"},
            "actions": ["accept", "reject"],
        }
    }
    import yaml

    config = yaml.safe_load((project.root / "mkdocs.yml").read_text(encoding="utf-8"))
    project.update_config({"extra": {**config["extra"], **config_extra}})
    project.build_ok("2026-11-24")
    session = visit()
    page = session.page()
    page.goto(server.url("tips/hip-extension/"))
    page.wait_for_load_state("networkidle")
    accept = page.get_by_role("button", name="Accept")
    expect(accept).to_be_visible()
    assert page.locator("iframe").count() == 0 and session.external() == []

    accept.click()
    page.wait_for_load_state("load")
    frame = page.locator("figure.rf-video iframe")
    expect(frame).to_have_count(1)
    src = frame.get_attribute("src")
    assert src == "https://www.youtube-nocookie.com/embed/bbbbbbbbbbb?start=90", src


def test_player_works_after_instant_navigation(tmp_path, serve_dir, visit):
    import yaml

    from browser.conftest import make_reader_project

    server = serve_dir(tmp_path / "project" / "site")
    project = make_reader_project(tmp_path / "project", server.url())
    config = yaml.safe_load((project.root / "mkdocs.yml").read_text(encoding="utf-8"))
    project.update_config({"theme": {**config["theme"], "features": ["navigation.instant"]}})
    project.build_ok("2026-11-24")
    session = visit()
    page = session.page()
    page.goto(server.url("tips/cadence-quick-feet/"))
    page.evaluate("window.__rf_same_document = true")
    page.locator("a[rel=next]").click()
    button = page.get_by_role("button", name="Play video: Heel pull drill")
    expect(button).to_have_count(1)
    assert page.evaluate("window.__rf_same_document === true"), "instant navigation reloaded"
    assert session.to_host("www.youtube-nocookie.com") == [], "the player before play"
    button.click()
    expect(page.locator("figure.rf-video iframe")).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/aaaaaaaaaaa?autoplay=1"
    )
