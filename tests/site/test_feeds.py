"""RSS 2.0 at /feed.xml and JSON Feed 1.1 at /feed.json, from real site builds."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from conftest import Project, minimal_tip, new_project, weekly_tips

SITE_URL = "https://coach.example/"
HEEL_URL = f"{SITE_URL}tips/heel-pick-up/"
CADENCE_URL = f"{SITE_URL}tips/cadence-quick-feet/"
HOSTILE_TITLE = '</script><!-- & <b>bold</b> ]]> "quoted"'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = new_project(tmp_path_factory.mktemp("feeds") / "project")
    project.build_ok("2026-11-24")
    return project


def rss(project: Project) -> Any:
    parsed = feedparser.parse((project.site / "feed.xml").read_bytes())
    assert not parsed.bozo, f"feed.xml does not parse: {parsed.get('bozo_exception')}"
    return parsed


def json_feed(project: Project) -> dict[str, Any]:
    return json.loads((project.site / "feed.json").read_text(encoding="utf-8"))


def test_rss_lists_published_tips_newest_first(site: Project) -> None:
    parsed = rss(site)
    assert parsed.version == "rss20", "feed.xml is RSS 2.0"
    assert parsed.feed.title == "Test Running Club"
    assert parsed.feed.link == SITE_URL
    assert [e.link for e in parsed.entries] == [HEEL_URL, CADENCE_URL], (
        "feed.xml: the published tips, newest first, nothing scheduled or draft"
    )


def test_rss_item_holds_title_link_guid_date_summary_content_and_tags(site: Project) -> None:
    entry = rss(site).entries[0]
    assert entry.title == "Heel Pick Up"
    assert entry.id == HEEL_URL, "the GUID is the tip's permanent address"
    tree = etree.fromstring((site.site / "feed.xml").read_bytes())
    assert tree.xpath("channel/item[1]/guid/@isPermaLink") == ["true"]
    assert entry.published_parsed[:3] == (2026, 11, 20), "published on the tip's date"
    assert entry.summary.startswith("Pull the heel up under the hip")
    assert [t.term for t in entry.tags] == ["swing phase", "hamstrings", "drills"]
    content = BeautifulSoup(entry.content[0].value, "lxml")
    assert content.find("h2", string="Why master the movement?"), "full tip HTML, with headings"
    assert "Wall-supported heel pulls" in content.get_text(), "the drill is in the feed"
    assert not content.find("iframe"), "no iframe in a feed"
    links = [a["href"] for a in content.find_all("a")]
    assert "https://www.youtube.com/watch?v=aaaaaaaaaaa" in links, "the video is a link"
    assert HEEL_URL in links, "the item links back to the tip"


def test_rss_channel_has_self_link_and_no_build_time(site: Project) -> None:
    tree = etree.fromstring((site.site / "feed.xml").read_bytes())
    atom = {"atom": "http://www.w3.org/2005/Atom"}
    assert tree.xpath("channel/atom:link[@rel='self']/@href", namespaces=atom) == [
        f"{SITE_URL}feed.xml"
    ]
    assert tree.findtext("channel/lastBuildDate") == tree.findtext("channel/item/pubDate"), (
        "lastBuildDate is the newest tip's date, not the time of the build"
    )


def test_json_feed_has_the_fields_of_version_1_1(site: Project) -> None:
    feed = json_feed(site)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "Test Running Club"
    assert feed["home_page_url"] == SITE_URL
    assert feed["feed_url"] == f"{SITE_URL}feed.json"
    assert isinstance(feed["authors"], list) and feed["authors"][0]["name"]
    assert "author" not in feed, "1.1 uses `authors`, not the 1.0 `author`"
    items = feed["items"]
    assert [i["url"] for i in items] == [HEEL_URL, CADENCE_URL]
    for item in items:
        assert isinstance(item["id"], str) and item["id"] == item["url"], "id: a stable string"
        assert item["content_html"].startswith("<p>"), "content_html holds the tip's HTML"
        assert "<iframe" not in item["content_html"], "no iframe in a feed"
        published = item["date_published"]
        assert published[:10] in ("2026-11-20", "2026-11-13") and published[10] == "T", (
            f"date_published {published} is RFC 3339"
        )
        assert item["image"].startswith(f"{SITE_URL}assets/runform/cards/tips/")
        assert isinstance(item["tags"], list)
    assert items[0]["summary"].startswith("Pull the heel up")


def test_every_page_links_its_feeds(site: Project) -> None:
    for path in sorted(site.site.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        found = {link["type"]: link["href"] for link in page.select('head link[rel~="alternate"]')}
        name = path.relative_to(site.site)
        assert found.get("application/rss+xml") == f"{SITE_URL}feed.xml", f"{name}: RSS link"
        assert found.get("application/feed+json") == f"{SITE_URL}feed.json", f"{name}: JSON"


def test_guids_stay_the_same_when_a_new_tip_is_published(site: Project) -> None:
    before = [e.id for e in rss(site).entries]
    site.build_ok("2026-11-27")  # the scheduled example goes live
    after = [e.id for e in rss(site).entries]
    site.build_ok("2026-11-24")  # back as it was, for the other tests
    assert after[1:] == before, "old items keep their GUIDs; the new one comes first"
    assert after[0] == f"{SITE_URL}tips/relaxed-arms/"


def _feed_titles(value: Any) -> tuple[list[str], list[str]]:
    files = value.publishing.files
    rss_titles = [e.title for e in feedparser.parse(files["feed.xml"]).entries]
    json_titles = [item["title"] for item in json.loads(files["feed.json"])["items"]]
    return rss_titles, json_titles


def test_feed_count_setting_keeps_the_newest(site_value) -> None:
    value = site_value(
        weekly_tips(date(2026, 6, 5), 5), example_tips=False, settings={"feed": {"count": 3}}
    )
    assert _feed_titles(value) == (["Tip 4", "Tip 3", "Tip 2"], ["Tip 4", "Tip 3", "Tip 2"])


def test_feeds_default_to_twenty(site_value) -> None:
    rss_titles, json_titles = _feed_titles(
        site_value(weekly_tips(date(2026, 1, 2), 22), example_tips=False)
    )
    assert (len(rss_titles), len(json_titles)) == (20, 20), "the newest 20 by default"
    assert rss_titles[0] == json_titles[0] == "Tip 21"


def test_no_feed_without_site_url_or_when_switched_off(site_value) -> None:
    for value in (site_value(site_url=""), site_value(settings={"feed": {"enabled": False}})):
        assert "feed.xml" not in value.publishing.files
        assert "feed.json" not in value.publishing.files
        assert value.publishing.feeds == (), "no link to a feed that is not there"


def test_tip_text_is_escaped_in_both_feeds(make_site) -> None:
    project = make_site(
        {"2026-11-20-hostile.yml": minimal_tip(HOSTILE_TITLE, "2026-11-20")},
        example_tips=False,
    )
    entry = rss(project).entries[0]
    assert entry.title == HOSTILE_TITLE, "the title survives as text"
    tree = etree.fromstring((project.site / "feed.xml").read_bytes())
    assert tree.findtext("channel/item/title") == HOSTILE_TITLE
    assert not tree.xpath("//b"), "no markup from a tip becomes an XML element"
    assert json_feed(project)["items"][0]["title"] == HOSTILE_TITLE
