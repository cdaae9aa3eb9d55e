"""runform's own tags: the tags page lists every shown tag with its count, and each tag has
pages of its tips, newest first, 50 to a page (Material's one page of every tip under every
tag scored 0.80 in Lighthouse at 2,000 tips). Decided by the SiteBuild value, without MkDocs."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
import yaml
from lxml import html as lxml_html

from conftest import minimal_tip
from runform.content.catalog import Catalog
from runform.content.schedule import build_schedule
from runform.content.settings import SiteSettings
from runform.site.pages import SiteContext
from runform.site.render import RenderedPage
from runform.site.tag_pages import TAG_PAGE_SIZE, render_tag_pages, tag_sort_key


def pages_of(build: Any) -> dict[str, RenderedPage]:
    return {page.src_uri: page for page in build.pages}


def tree(page: RenderedPage) -> Any:
    return lxml_html.fromstring(f"<div>{page.html}</div>")


def front_matter(page: RenderedPage) -> dict[str, Any]:
    return yaml.safe_load(page.markdown.split("---\n")[1])


def index_entries(page: RenderedPage) -> list[tuple[str, str, str]]:
    """The tags page's list: (tag, link, count)."""
    return [
        (link.text_content(), link.get("href"), link.getnext().text_content())
        for link in tree(page).xpath("//ul[@class='rf-tag-index']/li/a")
    ]


def listed_tips(page: RenderedPage) -> list[tuple[str, str, str, str]]:
    """A tag page's list: (title, link, date, cue and badge)."""
    return [
        (
            link.text_content(),
            link.get("href"),
            link.getnext().find("time").get("datetime"),
            link.getnext().text_content().split(" · ", 1)[1],
        )
        for link in tree(page).xpath("//ul[@class='rf-tag-tips']/li/a")
    ]


def pager(page: RenderedPage) -> dict[str, Any]:
    """A tag page's links to its other pages."""
    nav = tree(page).xpath("//nav[@class='rf-pages']")
    if not nav:
        return {}
    (nav,) = nav
    return {
        "label": nav.get("aria-label"),
        "status": nav.findtext("p"),
        "prev": nav.xpath(".//a[@rel='prev']/@href"),
        "next": nav.xpath(".//a[@rel='next']/@href"),
        "numbers": [(a.text, a.get("href")) for a in nav.xpath(".//a[@class='rf-pages__number']")],
        "current": nav.xpath(".//a[@aria-current='page']/text()"),
    }


def tagged_weekly(count: int, tags: str = "[drills]") -> dict[str, str]:
    """`count` tips a week apart back from 2026-11-20, "Tip 0" the newest, each with `tags`."""
    first = date(2026, 11, 20)
    days = [(first - timedelta(weeks=n)).isoformat() for n in range(count)]
    return {
        f"{day}-tip-{n}.yml": minimal_tip(f"Tip {n}", day, tags=tags) for n, day in enumerate(days)
    }


# -- the tags page ----------------------------------------------------------------------------


def test_the_tags_page_lists_the_published_tags_by_name_with_their_counts(site_value) -> None:
    # as of 2026-11-24: Heel Pick Up [swing phase, hamstrings, drills] and Quick Feet
    # [cadence, stride, drills] are published; Relaxed Arms [arms, posture] is scheduled and
    # Land Under Your Hips [landing, stride] a draft
    pages = pages_of(site_value())
    assert index_entries(pages["tags.md"]) == [
        ("cadence", "cadence/", "(1)"),
        ("drills", "drills/", "(2)"),
        ("hamstrings", "hamstrings/", "(1)"),
        ("stride", "stride/", "(1)"),
        ("swing phase", "swing-phase/", "(1)"),
    ]
    assert sorted(uri for uri in pages if uri.startswith("tags/")) == [
        "tags/cadence/index.md",
        "tags/drills/index.md",
        "tags/hamstrings/index.md",
        "tags/stride/index.md",
        "tags/swing-phase/index.md",
    ], "no page for 'arms', 'posture' or 'landing', which only unpublished tips carry"
    assert "Relaxed" not in pages["tags/stride/index.md"].html
    assert "Land Under" not in pages["tags/stride/index.md"].html


def test_without_a_docs_tags_page_runform_writes_one(site_value) -> None:
    page = pages_of(site_value())["tags.md"]
    assert front_matter(page) == {
        "title": "Tags",
        "search": {"exclude": True},
        "runform": {"kind": "tags"},
    }
    assert page.markdown.split("---\n", 2)[2].lstrip().startswith("# Tags\n")


def test_the_preview_lists_every_shown_tag_with_badges(site_value) -> None:
    pages = pages_of(site_value(preview=True))
    assert [name for name, _, _ in index_entries(pages["tags.md"])] == [
        "arms",
        "cadence",
        "drills",
        "hamstrings",
        "landing",
        "posture",
        "stride",
        "swing phase",
    ]
    assert listed_tips(pages["tags/stride/index.md"]) == [
        (
            "Land Under Your Hips",
            "../../tips/midfoot-landing/",
            "2026-12-04",
            "Land under the hips Draft",
        ),
        (
            "Quick Feet, Shorter Stride",
            "../../tips/cadence-quick-feet/",
            "2026-11-13",
            "Quick feet",
        ),
    ]


def test_tags_are_ordered_by_name_whatever_their_case_and_accents() -> None:
    names = ["hips", "Élan", "arms", "Zone 2", "élan", "3k pace"]
    assert sorted(names, key=tag_sort_key) == ["3k pace", "arms", "Élan", "élan", "hips", "Zone 2"]


COACH_TEXT = "# Topics\n\nBefore the list.\n\n<!-- material/tags -->\n\nAfter the list.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (COACH_TEXT, ["# Topics", "Before the list.", "LIST", "After the list."]),
        (
            "# Topics\n\n<!--   material/tags { include: [drills] } -->\n",
            ["# Topics", "LIST"],
        ),
        ("# Topics\n\nNo marker here.\n", ["# Topics", "No marker here.", "LIST"]),
    ],
    ids=["marker", "marker-with-options", "no-marker"],
)
def test_the_coachs_tags_page_keeps_its_text_around_the_list(
    text: str, expected: list[str]
) -> None:
    site = SiteContext(tags_meta={"title": "Topics", "hide": ["toc"]}, tags_text=text)
    schedule = build_schedule(Catalog(entries=(), diagnostics=()), date(2026, 11, 24))
    (page,) = render_tag_pages(schedule, (), SiteSettings(), site)
    assert front_matter(page) == {"title": "Topics", "hide": ["toc"], "runform": {"kind": "tags"}}
    body = page.markdown.split("---\n", 2)[2]
    blocks = [line for line in body.splitlines() if line.strip()]
    assert blocks == [("<!--runform:block:0-->" if item == "LIST" else item) for item in expected]
    assert "material/tags" not in page.html
    assert page.html_blocks == ('<p class="rf-empty">No tip has a tag yet.</p>',)


# -- a tag's pages ----------------------------------------------------------------------------


def test_a_tag_page_lists_its_tips_newest_first(site_value) -> None:
    page = pages_of(site_value())["tags/drills/index.md"]
    assert listed_tips(page) == [
        ("Heel Pick Up", "../../tips/heel-pick-up/", "2026-11-20", "Heel Pull"),
        (
            "Quick Feet, Shorter Stride",
            "../../tips/cadence-quick-feet/",
            "2026-11-13",
            "Quick feet",
        ),
    ]
    assert front_matter(page) == {
        "title": "Tips tagged \u201cdrills\u201d",
        "description": "#RunFormFriday: Tips tagged \u201cdrills\u201d",
        "search": {"exclude": True},
        "runform": {"kind": "tag"},
    }
    assert tree(page).xpath("//p[@class='rf-tag-page__up']/a/@href") == ["../"]
    assert pager(page) == {}, "one page: no links to other pages"


def test_without_directory_urls_tag_links_are_html_files(site_value) -> None:
    pages = pages_of(site_value(use_directory_urls=False))
    assert index_entries(pages["tags.md"])[1] == ("drills", "tags/drills/index.html", "(2)")
    page = pages["tags/drills/index.md"]
    assert [href for _, href, _, _ in listed_tips(page)] == [
        "../../tips/heel-pick-up.html",
        "../../tips/cadence-quick-feet.html",
    ]
    assert tree(page).xpath("//p[@class='rf-tag-page__up']/a/@href") == ["../../tags.html"]


@pytest.mark.parametrize(
    ("count", "sizes"),
    [(1, [1]), (50, [50]), (51, [50, 1]), (100, [50, 50]), (101, [50, 50, 1])],
    ids=["1", "50", "51", "100", "101"],
)
def test_a_tag_takes_a_page_per_fifty_tips(site_value, count: int, sizes: list[int]) -> None:
    assert TAG_PAGE_SIZE == 50
    pages = pages_of(site_value(tagged_weekly(count), example_tips=False))
    uris = sorted(uri for uri in pages if uri.startswith("tags/"))
    expected = ["tags/drills/index.md"] + [
        f"tags/drills/page/{n}/index.md" for n in range(2, len(sizes) + 1)
    ]
    assert uris == sorted(expected)
    listed = [listed_tips(pages[uri]) for uri in expected]
    assert [len(tips) for tips in listed] == sizes
    titles = [title for tips in listed for title, _, _, _ in tips]
    assert titles == [f"Tip {n}" for n in range(count)], "newest first, each tip once"
    assert index_entries(pages["tags.md"]) == [("drills", "drills/", f"({count})")]


def test_the_pages_of_a_tag_link_to_each_other(site_value) -> None:
    pages = pages_of(site_value(tagged_weekly(101), example_tips=False))
    first, second, third = (
        pages["tags/drills/index.md"],
        pages["tags/drills/page/2/index.md"],
        pages["tags/drills/page/3/index.md"],
    )
    assert pager(first) == {
        "label": "Pages",
        "status": "Page 1 of 3",
        "prev": [],
        "next": ["page/2/"],
        "numbers": [("1", "./"), ("2", "page/2/"), ("3", "page/3/")],
        "current": ["1"],
    }
    assert pager(second) == {
        "label": "Pages",
        "status": "Page 2 of 3",
        "prev": ["../../"],
        "next": ["../3/"],
        "numbers": [("1", "../../"), ("2", "./"), ("3", "../3/")],
        "current": ["2"],
    }
    assert pager(third)["prev"] == ["../2/"] and pager(third)["next"] == []
    assert listed_tips(third) == [
        ("Tip 100", "../../../../tips/tip-100/", "2024-12-20", "Test cue")
    ]
    assert front_matter(second)["title"] == "Tips tagged \u201cdrills\u201d (Page 2 of 3)"
    assert tree(second).xpath("//p[@class='rf-tag-page__up']/a/@href") == ["../../../"]


def test_tag_pages_carry_sitemap_dates_of_their_newest_tip(site_value) -> None:
    build = site_value(tagged_weekly(51), example_tips=False)
    lastmod = build.publishing.lastmod
    assert lastmod["tags.md"] == "2026-11-20"
    assert lastmod["tags/drills/index.md"] == lastmod["tags/drills/page/2/index.md"] == "2026-11-20"


# -- a tip's tags ------------------------------------------------------------------------------


def test_a_tip_links_its_tags_in_written_order_once_each(site_value) -> None:
    tip = minimal_tip("Order", "2026-11-20", tags="[zeta drills, Alpha, zeta drills]")
    page = pages_of(site_value({"2026-11-20-order.yml": tip}, example_tips=False))["tips/order.md"]
    chips = tree(page).xpath("//nav[@class='rf-tags']//a")
    assert [(a.text, a.get("href")) for a in chips] == [
        ("zeta drills", "../../tags/zeta-drills/"),
        ("Alpha", "../../tags/alpha/"),
    ]
    assert "tags" not in front_matter(page), "Material's tags plugin is not given the tags"


def test_a_hostile_tag_is_text_everywhere(site_value) -> None:
    tags = '["<img src=x onerror=alert(1)>", "a & b \\"q\\"", "\u05e8\u05d9\u05e6\u05d4"]'
    tip = minimal_tip("Hostile", "2026-11-20", tags=tags)
    pages = pages_of(site_value({"2026-11-20-hostile.yml": tip}, example_tips=False))
    names = ["<img src=x onerror=alert(1)>", 'a & b "q"', "\u05e8\u05d9\u05e6\u05d4"]
    assert index_entries(pages["tags.md"]) == [
        ("<img src=x onerror=alert(1)>", "img-src-x-onerror-alert-1/", "(1)"),
        ('a & b "q"', "a-b-q/", "(1)"),
        ("\u05e8\u05d9\u05e6\u05d4", "rytsh/", "(1)"),
    ]
    tip_page = tree(pages["tips/hostile.md"])
    assert [a.text for a in tip_page.xpath("//nav[@class='rf-tags']//a")] == names
    assert tip_page.xpath("//img") == [], "no element made of a tag"
    page = pages["tags/img-src-x-onerror-alert-1/index.md"]
    assert front_matter(page)["title"] == (
        "Tips tagged \u201c&lt;img src=x onerror=alert(1)&gt;\u201d"
    ), "HTML-escaped once: Material prints page titles as they are"
    heading = "# Tips tagged \u201c&#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62;\u201d"
    assert heading in page.markdown.splitlines(), "the heading's Markdown: character references"
    assert tree(page).xpath("//img") == []
