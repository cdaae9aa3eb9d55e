"""The reader's pages, from the page audit (issue 18): fault names are headings, /book/'s
sections have headings, the home page is called by the site's name, share links that open a
new tab say so, and feed links are a kind Material's JavaScript does not follow (it fetched
sitemap.xml once per `<link rel=alternate>` on every page). Real `mkdocs build`, HTML parsed
with lxml."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def text(node) -> str:
    return node.get_text(" ", strip=True).removesuffix(" ¶")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import new_project

    project = new_project(tmp_path_factory.mktemp("reader-pages") / "project")
    (project.root / "docs" / "index.md").write_text(
        "---\ntitle: Home\n---\n\n# Welcome to the test club\n\nHello.\n", encoding="utf-8"
    )
    project.set_extra(
        {
            "booking": {
                "text": "Book a session with the coach.",
                "label": "Book now",
                "url": "https://coach.example/book",
                "assessment_text": "Not local? Send a video of your running.",
                "assessment_label": "Send a video",
                "assessment_url": "https://coach.example/assess",
            }
        }
    )
    project.build_ok("2026-11-24")
    return project


def test_fault_names_are_third_level_headings_in_the_table_of_contents(site):
    page = soup(site.page("tips/heel-pick-up/"))
    article = page.select_one("article")
    faults = next(h for h in article.select("h2") if text(h) == "Common faults")
    after = []
    for heading in faults.find_all_next(["h2", "h3"]):
        if heading.name == "h2":
            break
        after.append((heading["id"], text(heading)))
    assert after == [
        ("flicking-the-foot-back", "Flicking the foot back"),
        ("driving-with-the-knee", "Driving with the knee"),
    ]
    fixes = [h.find_next_sibling() for h in faults.find_all_next("h3", limit=2)]
    assert [fix["class"] for fix in fixes] == [["rf-fault__fix"], ["rf-fault__fix"]]
    assert [text(fix.select_one(".rf-fault__fix-label")) for fix in fixes] == ["Fix", "Fix"]
    assert text(fixes[0].select_one("p + p")).endswith(
        "the heel travels straight up under the hip."
    )
    toc = page.select(".md-sidebar--secondary .md-nav__link")
    hrefs = [a["href"] for a in toc]
    assert "#flicking-the-foot-back" in hrefs and "#driving-with-the-knee" in hrefs


def test_book_page_sections_each_have_a_heading(site):
    article = soup(site.page("book/")).select_one("article")
    assert [text(h) for h in article.select("h1, h2")] == [
        "Work with us",
        "Coaching sessions",
        "Form assessment by video",
    ]
    for heading in article.select("h2"):
        block = heading.find_next_sibling()
        assert block.name == "div" and block["class"] == ["rf-book"], text(heading)
    assert [text(h.find_next_sibling()) for h in article.select("h2")] == [
        "Book a session with the coach. Book now",
        "Not local? Send a video of your running. Send a video",
    ]


def test_home_page_is_called_by_the_site_name_not_home(site):
    page = soup(site.page(""))
    assert page.title.get_text() == "Test Running Club"
    assert page.select_one('meta[property="og:title"]')["content"] == "Test Running Club"
    assert page.select_one('meta[name="twitter:title"]')["content"] == "Test Running Club"
    nav = [text(a) for a in page.select(".md-nav--primary .md-nav__link")]
    assert "Home" in nav, "docs/index.md's title still names the page in the navigation"


def test_share_links_that_open_a_new_tab_say_so(site):
    share = soup(site.page("tips/heel-pick-up/")).select_one("nav.rf-share")
    described = {
        a["data-network"]: (a.get("target"), a.get("aria-describedby"))
        for a in share.select("a.rf-share__link")
    }
    assert described == {
        "email": (None, None),
        "whatsapp": ("_blank", "rf-share-new-tab"),
        "x": ("_blank", "rf-share-new-tab"),
        "facebook": ("_blank", "rf-share-new-tab"),
        "linkedin": ("_blank", "rf-share-new-tab"),
    }
    hidden = share.select_one("#rf-share-new-tab")
    assert hidden.get_text() == "Opens in a new tab"
    assert hidden["class"] == ["rf-visually-hidden"]


@pytest.mark.parametrize("path", ["", "tips/", "tips/heel-pick-up/", "book/", "tags/"])
def test_feed_links_are_alternate_feed_so_material_fetches_no_sitemap(site, path):
    head = soup(site.page(path)).head
    feeds = [
        (link["rel"], link["type"], link["href"])
        for link in head.select("link[rel~=alternate], link[rel~=feed]")
    ]
    assert feeds == [
        (["alternate", "feed"], "application/rss+xml", "https://coach.example/feed.xml"),
        (["alternate", "feed"], "application/feed+json", "https://coach.example/feed.json"),
    ]
    raw = site.page(path)
    assert 'rel="alternate"' not in raw, f"/{path}: a link Material would fetch a sitemap for"
