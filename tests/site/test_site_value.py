"""The frozen SiteBuild that `site/build.py` decides, tested without MkDocs: which tips have a
page, their search entries and <head> tags, and the files a build must not publish."""

from __future__ import annotations

from lxml import html as lxml_html

from conftest import minimal_tip


def test_a_build_shows_published_tips_and_a_preview_shows_all(site_value) -> None:
    build = site_value()
    assert [e.slug for e in build.shown] == ["heel-pick-up", "cadence-quick-feet"]
    assert sorted(p.src_uri for p in build.pages) == [
        "index.md",
        "tags.md",
        "tags/cadence/index.md",
        "tags/drills/index.md",
        "tags/hamstrings/index.md",
        "tags/stride/index.md",
        "tags/swing-phase/index.md",
        "tips/2026/index.md",
        "tips/cadence-quick-feet.md",
        "tips/heel-pick-up.md",
        "tips/index.md",
    ]
    preview = site_value(preview=True)
    assert [e.slug for e in preview.shown] == [
        "midfoot-landing",
        "relaxed-arms",
        "heel-pick-up",
        "cadence-quick-feet",
    ]


def test_search_entries_are_those_of_the_shown_tips(site_value) -> None:
    build = site_value()
    assert list(build.search) == ["tips/heel-pick-up.md", "tips/cadence-quick-feet.md"]
    search = build.search["tips/heel-pick-up.md"]
    ids = [f"h{n}" for n in range(12)]
    entries = search.entries(url="tips/heel-pick-up/", heading_ids=ids)
    assert [e.location for e in entries] == [
        "tips/heel-pick-up/",
        *(f"tips/heel-pick-up/#h{position}" for position, _entry in search.sections),
    ]
    assert "Why master the movement?" in entries[0].paragraphs, "headings in the tip's entry"
    assert [e.title for e in entries[1:]] == ["Common faults", "Drill: Wall-supported heel pulls"]
    assert entries[0].title == "Heel Pick Up"


def test_tip_head_tags_from_the_value(site_value) -> None:
    build = site_value()
    head = build.publishing.head_html(
        "tips/heel-pick-up.md", title="x", description="x", url="https://coach.example/x"
    )
    tree = lxml_html.fragment_fromstring(f"<div>{head}</div>")
    og = {m.get("property"): m.get("content") for m in tree.iter("meta") if m.get("property")}
    assert og["og:title"] == "Heel Pick Up"
    assert og["og:url"] == "https://coach.example/tips/heel-pick-up/"
    assert og["og:type"] == "article"


def test_without_directory_urls_every_address_is_a_html_file(site_value) -> None:
    build = site_value(use_directory_urls=False)
    head = build.publishing.head_html("tips/heel-pick-up.md", title="", description="", url="")
    assert 'content="https://coach.example/tips/heel-pick-up.html"' in head
    home = next(p for p in build.pages if p.src_uri == "index.md")
    assert 'href="tips/heel-pick-up.html"' in home.html
    assert 'href="tips/index.html"' in home.html


def test_posters_of_unpublished_tips_are_withheld(site_value) -> None:
    video = (
        'video:\n  url: https://youtu.be/aaaaaaaaaaa\n  title: "Drill"\n  poster: images/{}.png\n'
    )
    tips = {
        "2026-11-20-live.yml": minimal_tip("Live", "2026-11-20") + video.format("live"),
        "2026-11-27-soon.yml": minimal_tip("Soon", "2026-11-27") + video.format("soon"),
        "2026-12-04-shared.yml": minimal_tip("Shared", "2026-12-04") + video.format("live"),
        "2026-11-13-draft.yml": minimal_tip("Draft", "2026-11-13", draft="true")
        + video.format("draft"),
    }
    build = site_value(tips, example_tips=False, posters=True)
    assert build.withheld == frozenset({"images/soon.png", "images/draft.png"})
    assert site_value(tips, example_tips=False, posters=True, preview=True).withheld == frozenset()
