"""Real `mkdocs build` of a temporary site: home, archive and tip pages, and what stays out."""

from __future__ import annotations

import json
from datetime import date

import pytest
from bs4 import BeautifulSoup

from conftest import Project, minimal_tip, weekly_tips

# Words that appear only in the scheduled (2026-11-27) and the draft (2026-12-04) examples.
SCHEDULED_WORDS = ["Relaxed Arms, Relaxed Shoulders", "Elbows back", "Seated arm swings"]
DRAFT_WORDS = ["Land Under Your Hips", "Land under the hips", "Landing position over foot strike"]


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def heading_text(element) -> str:
    """A heading's text without its permalink anchor."""
    return element.get_text(strip=True).removesuffix("¶")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    from conftest import new_project

    project = new_project(tmp_path_factory.mktemp("site") / "project")
    project.build_ok("2026-11-24")
    return project


def test_tip_page_shows_every_section(site: Project) -> None:
    page = soup(site.page("tips/heel-pick-up/"))
    article = page.select_one("article")
    assert article is not None, "tips/heel-pick-up/index.html has no <article>"
    assert heading_text(article.select_one("h1")) == "Heel Pick Up"
    assert article.select_one(".rf-cue__name").get_text(strip=True) == "Heel Pull"
    assert "Heel up, under the hip" in article.select_one(".rf-cue__say").get_text()
    assert "hardest at first" in article.select_one(".rf-intro").get_text()
    video = article.select_one("figure.rf-video")
    assert video is not None and "Heel pull drill" in video.get_text()
    assert "Jeff Grant, Hillseeker Fitness" in video.select_one(".rf-video__credit").get_text()
    headings = [heading_text(h) for h in article.select("h2")]
    assert headings[:3] == [
        "Why master the movement?",
        "Let the strong muscles do their share",
        "How it fits proper running form",
    ], "rationale sections are ## headings in order"
    assert "Common faults" in headings and "Drill: Wall-supported heel pulls" in headings
    toc = [a.get_text(strip=True) for a in page.select(".md-sidebar--secondary .md-nav__link")]
    assert "Why master the movement?" in toc, "rationale headings reach the table of contents"
    assert [heading_text(h) for h in article.select("h3:not(.rf-card__title)")] == [
        "Flicking the foot back",
        "Driving with the knee",
    ]
    assert len(article.select(".rf-drill__steps > li")) == 4
    dose = article.select_one(".rf-drill__dose").get_text()
    assert "10 pulls each leg, before an easy run" in dose
    kinds = [" ".join(a["class"]) for a in article.select(".admonition")]
    assert kinds == ["admonition note", "admonition tip"], "notes render as admonitions"
    muscles = [li.get_text(strip=True) for li in article.select(".rf-muscles li")]
    assert muscles == ["Hamstrings", "Hip flexors", "Rectus femoris"]
    tags = [(a.get_text(), a["href"]) for a in article.select("nav.rf-tags a")]
    assert tags == [
        ("swing phase", "../../tags/swing-phase/"),
        ("hamstrings", "../../tags/hamstrings/"),
        ("drills", "../../tags/drills/"),
    ], "runform's own tag chips, in the written order, each linking to its tag's page"
    assert page.select(".md-tag") == [], "no chips of Material's tags plugin"
    meta = page.select_one('meta[name="description"]')
    assert meta is not None and meta["content"].startswith("Pull the heel up under the hip")


def test_tip_pages_link_to_previous_and_next(site: Project) -> None:
    oldest = soup(site.page("tips/cadence-quick-feet/"))
    assert oldest.select_one("a[rel=prev]") is None, "the oldest tip has no previous tip"
    assert oldest.select_one("a[rel=next]")["href"] == "../heel-pick-up/"
    newest = soup(site.page("tips/heel-pick-up/"))
    assert newest.select_one("a[rel=prev]")["href"] == "../cadence-quick-feet/"
    assert newest.select_one("a[rel=next]") is None, "the scheduled tip is not linked yet"


def test_home_has_hero_recent_teaser_and_welcome(site: Project) -> None:
    page = soup(site.page(""))
    assert "Hand-written welcome text." in page.get_text(), "welcome comes from docs/index.md"
    hero = page.select_one(".rf-hero")
    assert hero.select_one("a")["href"] == "tips/heel-pick-up/"
    assert "Heel Pull" in hero.get_text()
    recent = [a.get_text(strip=True) for a in page.select(".rf-cards .rf-card__title a")]
    assert recent == ["Quick Feet, Shorter Stride"]
    teaser = page.select_one(".rf-teaser").get_text(" ", strip=True)
    assert teaser == (
        "Next #RunFormFriday: Your arms set the rhythm of your legs. Next week: how to carry them."
    )
    assert page.select_one(".rf-cta a")["href"].startswith("https://coach.example/book")


def test_archive_lists_published_tips_newest_first_by_year(site: Project) -> None:
    page = soup(site.page("tips/"))
    assert [heading_text(h) for h in page.select("article h2")] == ["2026"]
    titles = [a.get_text(strip=True) for a in page.select(".rf-card__title a")]
    assert titles == ["Heel Pick Up", "Quick Feet, Shorter Stride"]
    dates = [t["datetime"] for t in page.select(".rf-card__date time")]
    assert dates == ["2026-11-20", "2026-11-13"]


def test_tips_are_not_in_the_navigation(site: Project) -> None:
    page = soup(site.page("tips/heel-pick-up/"))
    nav = [a.get_text(strip=True) for a in page.select(".md-nav--primary .md-nav__link")]
    assert "Heel Pick Up" not in nav
    assert {"Home", "All tips", "Tags"} <= set(nav)


@pytest.mark.parametrize("words", [SCHEDULED_WORDS, DRAFT_WORDS], ids=["scheduled", "draft"])
def test_unpublished_tips_appear_in_no_output_file(site: Project, words: list[str]) -> None:
    files = [p for p in site.site.rglob("*") if p.is_file()]
    assert any(p.name == "search_index.json" for p in files)
    assert any(p.name == "sitemap.xml" for p in files)
    for path in files:
        data = path.read_bytes()
        for word in words:
            assert word.encode() not in data, f"{path.relative_to(site.site)} contains {word!r}"
    assert not (site.site / "tips" / "relaxed-arms").exists()
    assert not (site.site / "tips" / "midfoot-landing").exists()


def test_nothing_is_written_into_docs_or_tips(site: Project) -> None:
    assert sorted(p.name for p in (site.root / "docs").iterdir()) == ["index.md", "tags.md"]
    assert len(list(site.tips.iterdir())) == 4


def test_as_of_a_later_day_publishes_the_scheduled_tip(make_project) -> None:
    project = make_project()
    project.build_ok("2026-11-26")
    assert not (project.site / "tips" / "relaxed-arms").exists(), "not before its Friday"
    project.build_ok("2026-11-27")
    page = soup(project.page("tips/relaxed-arms/"))
    assert heading_text(page.select_one("h1")) == "Relaxed Arms, Relaxed Shoulders"
    home = soup(project.page(""))
    assert home.select_one(".rf-hero a")["href"] == "tips/relaxed-arms/"
    assert home.select_one(".rf-teaser") is None, "no scheduled tip left, so no teaser"


def test_a_broken_tip_fails_the_build_and_leaves_the_last_site_as_it_was(make_project) -> None:
    project = make_project()
    project.build_ok()
    before = {p: p.read_bytes() for p in project.site.rglob("*") if p.is_file()}
    project.write_tip("2026-11-27-broken.yml", minimal_tip(day="2026-11-27") + "cues: x\n")
    project.write_tip("2026-12-04-also-broken.yml", "title: no\n")
    result = project.build()
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "tips/2026-11-27-broken.yml:10:1: error: unknown key 'cues' (did you mean 'cue'?)" in (
        output
    )
    assert "tips/2026-12-04-also-broken.yml:1:8: error: title 'no' would be read as" in output
    assert "Traceback" not in output, "errors are reported, never as a traceback"
    after = {p: p.read_bytes() for p in project.site.rglob("*") if p.is_file()}
    assert after == before, "a failed build must leave the previous site byte-identical"


def test_bad_site_settings_point_into_mkdocs_yml(make_project) -> None:
    project = make_project()
    project.set_extra({"timezone": "Europe/Londno", "bookin": {"url": "x"}})
    result = project.build()
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert (
        "mkdocs.yml:23:5: error: timezone 'Europe/Londno' is not a time zone"
        " (did you mean 'Europe/London'?)" in output
    )
    assert "mkdocs.yml:28:5: error: unknown key 'bookin' (did you mean 'booking'?)" in output
    assert "Traceback" not in output


def test_tip_page_size_stays_flat_as_tips_grow(make_project) -> None:
    sizes = {}
    for count in (10, 300):
        tips = weekly_tips(date(2026, 11, 20), count, step_weeks=-1)
        project = make_project(tips, example_tips=False)
        project.build_ok("2026-11-24")
        sizes[count] = len(project.page("tips/tip-5/").encode())
    growth = sizes[300] / sizes[10]
    assert growth <= 1.02, f"tip page grew {growth:.3f}x from 10 to 300 tips: {sizes}"


def test_generated_pages_exist_only_in_memory(site: Project) -> None:
    assert (site.site / "tips" / "index.html").is_file()
    assert not (site.root / "docs" / "tips").exists()


def test_search_indexes_what_readers_search_for_not_every_body(site: Project) -> None:
    index = json.loads((site.site / "search" / "search_index.json").read_text("utf-8"))
    entries = [d for d in index["docs"] if d["location"].startswith("tips/heel-pick-up/")]
    indexed = " ".join(d["title"] + " " + d["text"] for d in entries)
    for wanted in [
        "Heel Pick Up",  # title
        "Heel Pull",  # cue
        "share the work of the swing",  # summary
        "Why master the movement?",  # a rationale heading
        "Flicking the foot back",  # a fault
        "Drill: Wall-supported heel pulls",  # the drill
    ]:
        assert wanted in indexed, f"search index should find {wanted!r}"
    assert "hamstrings" in entries[0]["tags"]
    assert all("tags" not in entry for entry in entries[1:]), "tags only on the tip's first entry"
    assert "Why master the movement?" in entries[0]["text"], "headings are in the tip's entry"
    assert [e["location"] for e in entries[1:]] == [
        "tips/heel-pick-up/#common-faults",
        "tips/heel-pick-up/#drill-wall-supported-heel-pulls",
    ], "sections with text of their own keep their deep links"
    assert not [d for d in index["docs"] if d["location"].startswith("tags/")], (
        "the tags page lists every tip again: it stays out of the index"
    )
    for body_text in ["haul the swinging leg", "Stand tall side-on to a wall", "Book a session"]:
        assert body_text not in indexed, f"search index should not carry body text {body_text!r}"
