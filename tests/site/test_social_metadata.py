"""What search engines and social networks read: meta, Open Graph, Twitter card, JSON-LD,
and the sitemap's lastmod dates. Real builds, parsed with BeautifulSoup."""

from __future__ import annotations

import gzip
import io
import json
from typing import Any

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from PIL import Image

from conftest import Project, minimal_tip, new_project

SITE_URL = "https://coach.example/"
HEEL_URL = f"{SITE_URL}tips/heel-pick-up/"
HEEL_SUMMARY = (
    "Pull the heel up under the hip so your hamstrings share the work of the swing, "
    "and keep the movement tidy instead of flicking the foot back."
)
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = new_project(tmp_path_factory.mktemp("meta") / "project")
    project.build_ok("2026-11-24")
    return project


def soup(project: Project, url_path: str) -> BeautifulSoup:
    return BeautifulSoup(project.page(url_path), "lxml")


def meta(page: BeautifulSoup, key: str) -> list[str]:
    """Every content of <meta property=key> or <meta name=key>, in order."""
    found = page.select(f'head meta[property="{key}"]') + page.select(f'head meta[name="{key}"]')
    return [tag["content"] for tag in found]


def json_ld(page: BeautifulSoup) -> list[dict[str, Any]]:
    scripts = page.select('script[type="application/ld+json"]')
    return [json.loads(script.string) for script in scripts]


def graph_by_type(page: BeautifulSoup) -> dict[str, dict[str, Any]]:
    (data,) = json_ld(page)
    assert data["@context"] == "https://schema.org"
    return {node["@type"]: node for node in data["@graph"]}


def test_tip_page_meta_description_and_canonical(site: Project) -> None:
    page = soup(site, "tips/heel-pick-up/")
    assert meta(page, "description") == [HEEL_SUMMARY], "meta description is the summary"
    assert page.select_one('link[rel="canonical"]')["href"] == HEEL_URL


def test_tip_page_open_graph(site: Project) -> None:
    page = soup(site, "tips/heel-pick-up/")
    assert meta(page, "og:type") == ["article"]
    assert meta(page, "og:title") == ["Heel Pick Up"]
    assert meta(page, "og:description") == [HEEL_SUMMARY]
    assert meta(page, "og:url") == [HEEL_URL]
    assert meta(page, "og:site_name") == ["Test Running Club"]
    assert meta(page, "og:image") == [f"{SITE_URL}assets/runform/cards/tips/heel-pick-up.png"]
    assert meta(page, "og:image:width") == ["1200"] and meta(page, "og:image:height") == ["630"]
    assert meta(page, "article:published_time") == ["2026-11-20T00:00:00+00:00"]
    assert meta(page, "article:tag") == ["swing phase", "hamstrings", "drills"]


def test_tip_page_twitter_card(site: Project) -> None:
    page = soup(site, "tips/heel-pick-up/")
    assert meta(page, "twitter:card") == ["summary_large_image"]
    assert meta(page, "twitter:title") == ["Heel Pick Up"]
    assert meta(page, "twitter:description") == [HEEL_SUMMARY]
    assert meta(page, "twitter:image") == meta(page, "og:image")


def test_tip_page_json_ld_blog_posting_video_and_how_to(site: Project) -> None:
    nodes = graph_by_type(soup(site, "tips/heel-pick-up/"))
    assert set(nodes) == {"BlogPosting", "HowTo"}, "a BlogPosting and the drill as a HowTo"
    post = nodes["BlogPosting"]
    assert post["headline"] == "Heel Pick Up"
    assert post["description"] == HEEL_SUMMARY
    assert post["url"] == HEEL_URL and post["mainEntityOfPage"] == HEEL_URL
    assert post["datePublished"] == "2026-11-20T00:00:00+00:00"
    assert post["image"] == f"{SITE_URL}assets/runform/cards/tips/heel-pick-up.png"
    assert post["keywords"] == ["swing phase", "hamstrings", "drills"]
    assert post["publisher"]["name"] == "Test Running Club"
    video = post["video"]
    assert video["@type"] == "VideoObject"
    assert video["name"] == "Heel pull drill, demonstrated by Jeff Grant"
    assert video["embedUrl"] == "https://www.youtube-nocookie.com/embed/aaaaaaaaaaa"
    assert video["thumbnailUrl"] == post["image"], "no poster: the tip's card, never the host's"
    assert video["uploadDate"] == "2026-11-20T00:00:00+00:00", "the tip's publish time"
    how_to = nodes["HowTo"]
    assert how_to["name"] == "Wall-supported heel pulls"
    steps = how_to["step"]
    assert [s["@type"] for s in steps] == ["HowToStep"] * 4
    assert [s["position"] for s in steps] == [1, 2, 3, 4]
    assert steps[3]["text"].startswith("Walk, then jog ten steps, feeling for the same up")
    assert "*" not in steps[3]["text"], "steps are plain text, without Markdown"


def test_tip_without_drill_or_video_has_only_a_blog_posting(make_site) -> None:
    project = make_site({"2026-11-20-plain.yml": minimal_tip("Plain")}, example_tips=False)
    nodes = graph_by_type(soup(project, "tips/plain/"))
    assert set(nodes) == {"BlogPosting"}
    assert "video" not in nodes["BlogPosting"]


def test_home_has_its_own_description_and_open_graph(site: Project) -> None:
    page = soup(site, "")
    description = meta(page, "description")
    assert len(description) == 1 and description[0], "home has a meta description"
    assert meta(page, "og:type") == ["website"]
    assert meta(page, "og:description") == description
    assert meta(page, "og:url") == [SITE_URL]
    assert meta(page, "og:image") == [f"{SITE_URL}assets/runform/cards/site.png"]
    assert [node["@type"] for node in json_ld(page)] == ["WebSite"]


def test_archive_has_its_own_description_and_open_graph(site: Project) -> None:
    page = soup(site, "tips/")
    description = meta(page, "description")
    assert description == ["Every #RunFormFriday running-form tip, newest first."]
    assert meta(page, "og:type") == ["website"]
    assert meta(page, "og:title") == ["All tips"]
    assert meta(page, "og:description") == description
    assert meta(page, "og:url") == [f"{SITE_URL}tips/"]
    assert meta(page, "og:image") == [f"{SITE_URL}assets/runform/cards/site.png"]


def test_a_coach_page_gets_open_graph_too(site: Project) -> None:
    page = soup(site, "tags/")
    assert meta(page, "og:type") == ["website"]
    assert meta(page, "og:url") == [f"{SITE_URL}tags/"]
    assert meta(page, "og:image") == [f"{SITE_URL}assets/runform/cards/site.png"]


def test_script_closing_text_in_a_tip_stays_inert(make_site) -> None:
    title = "Stop </script><script>alert(1)</script> <!-- here"
    project = make_site(
        {"2026-11-20-sneaky.yml": minimal_tip(title, drill="{name: '</script><!--', steps: [x]}")},
        example_tips=False,
    )
    html = project.page("tips/sneaky/")
    page = BeautifulSoup(html, "lxml")
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1, "the title cannot end the JSON-LD script and start another"
    raw = scripts[0].string
    assert "</script" not in raw.lower() and "<!--" not in raw, "no '<' inside JSON-LD"
    nodes = graph_by_type(page)
    assert nodes["BlogPosting"]["headline"] == title, "the title reads back exactly"
    assert nodes["HowTo"]["name"] == "</script><!--"
    assert meta(page, "og:title") == [title], "Open Graph shows the title as text"
    assert not page.find("script", string=lambda s: s and "alert(1)" in s and "{" not in s)


def test_poster_is_the_social_image_and_the_video_thumbnail(make_project) -> None:
    project: Project = make_project(example_tips=False)
    (project.root / "docs" / "images").mkdir()
    buffer = io.BytesIO()
    Image.new("RGB", (640, 360), "#336699").save(buffer, format="JPEG")
    (project.root / "docs" / "images" / "poster.jpg").write_bytes(buffer.getvalue())
    video = "{url: 'https://youtu.be/bbbbbbbbbbb', title: Drill video, poster: images/poster.jpg}"
    project.write_tip("2026-11-20-with-poster.yml", minimal_tip("With Poster", video=video))
    project.build_ok("2026-11-24")
    page = soup(project, "tips/with-poster/")
    poster_url = f"{SITE_URL}images/poster.jpg"
    assert meta(page, "og:image") == [poster_url], "the tip's own poster is its social image"
    assert meta(page, "og:image:width") == [], "no made-up size for a coach's image"
    post = graph_by_type(page)["BlogPosting"]
    assert post["video"]["thumbnailUrl"] == poster_url, "a local poster is the thumbnail"
    assert not (project.site / "assets/runform/cards/tips/with-poster.png").exists(), (
        "no card is drawn for a tip whose poster is used"
    )


def _sitemap_lastmod(project: Project) -> dict[str, str | None]:
    tree = etree.fromstring((project.site / "sitemap.xml").read_bytes())
    return {
        url.findtext("s:loc", namespaces=SITEMAP_NS): url.findtext(
            "s:lastmod", namespaces=SITEMAP_NS
        )
        for url in tree.findall("s:url", SITEMAP_NS)
    }


def test_sitemap_lastmod_is_the_tip_date(site: Project) -> None:
    lastmod = _sitemap_lastmod(site)
    assert lastmod[HEEL_URL] == "2026-11-20"
    assert lastmod[f"{SITE_URL}tips/cadence-quick-feet/"] == "2026-11-13"
    assert lastmod[SITE_URL] == "2026-11-20", "home changed with the newest tip"
    assert lastmod[f"{SITE_URL}tips/"] == "2026-11-20", "so did the archive"
    assert lastmod[f"{SITE_URL}tags/"] == "2026-11-20", "the tags page: its newest tip's"
    assert lastmod[f"{SITE_URL}tags/cadence/"] == "2026-11-13", "a tag's page: its newest tip's"
    assert f"{SITE_URL}tags/arms/" not in lastmod, "no tag only a scheduled tip has"
    assert f"{SITE_URL}tips/relaxed-arms/" not in lastmod, "no scheduled tip in the sitemap"
    gz = gzip.decompress((site.site / "sitemap.xml.gz").read_bytes())
    assert gz == (site.site / "sitemap.xml").read_bytes()
