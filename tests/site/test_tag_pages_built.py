"""The tag pages in a real `mkdocs build --strict`: the coach's docs/tags.md around runform's
list, 51 tips on one tag (two pages), a site served under a path, unpublished tips kept out,
a hostile tag shown as text; a mkdocs.yml that still lists Material's `tags` plugin builds the
same site; tags that would share a page are refused by `check` and `build` at their line."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from cli_runner import lines, refused_by_check_and_build, runform
from lxml import etree
from lxml import html as lxml_html

from conftest import Project, minimal_tip, new_project

SITE_URL = "https://x.github.io/runform/"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
HOSTILE_TAG = '<b>bold</b> & "q"'
TAGS_PAGE = """\
---
search:
  exclude: true
---

# Tags

Before the list.

<!-- material/tags -->

After the list.
"""


def tips() -> dict[str, str]:
    """51 published tips tagged 'drills' ("Tip 0" the newest, also tagged HOSTILE_TAG), a
    scheduled and a draft tip tagged 'drills' and a tag of their own."""
    first = date(2026, 11, 20)
    found = {}
    for n in range(51):
        day = (first - timedelta(weeks=n)).isoformat()
        tags = '[drills, "<b>bold</b> & \\"q\\""]' if n == 0 else "[drills]"
        found[f"{day}-tip-{n}.yml"] = minimal_tip(f"Tip {n}", day, tags=tags)
    found["2026-11-27-later.yml"] = minimal_tip(
        "Later", "2026-11-27", tags="[drills, secret-scheduled]"
    )
    found["2026-12-04-unfinished.yml"] = minimal_tip(
        "Unfinished", "2026-12-04", tags="[drills, secret-draft]", draft="true"
    )
    return found


def article(project: Project, path: str):
    return lxml_html.fromstring(project.page(path)).xpath("//article")[0]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = new_project(tmp_path_factory.mktemp("tags") / "p", tips(), example_tips=False)
    (project.root / "docs" / "tags.md").write_text(TAGS_PAGE, encoding="utf-8")
    project.update_config({"site_url": SITE_URL})
    project.build_ok("2026-11-24")
    return project


def test_the_tags_page_keeps_the_coachs_text_around_the_list(site: Project) -> None:
    page = article(site, "tags/")
    assert [p.text_content() for p in page.xpath("./p")] == ["Before the list.", "After the list."]
    entries = [
        (a.text_content(), a.get("href"), a.getnext().text_content())
        for a in page.xpath(".//ul[@class='rf-tag-index']/li/a")
    ]
    assert entries == [(HOSTILE_TAG, "b-bold-b-q/", "(1)"), ("drills", "drills/", "(51)")]
    assert page.xpath(".//b") == [], "the hostile tag is text"
    nav = lxml_html.fromstring(site.page("tips/tip-0/")).xpath(
        "//nav[contains(@class, 'md-nav--primary')]//a[contains(@class, 'md-nav__link')]"
    )
    assert "Tags" in [link.text_content().strip() for link in nav], "in the coach's nav still"


def test_a_tag_of_51_tips_takes_two_pages(site: Project) -> None:
    first, second = article(site, "tags/drills/"), article(site, "tags/drills/page/2/")
    links = first.xpath(".//ul[@class='rf-tag-tips']/li/a")
    assert len(links) == 50
    assert (links[0].text, links[0].get("href")) == ("Tip 0", "../../tips/tip-0/")
    assert (links[-1].text, links[-1].get("href")) == ("Tip 49", "../../tips/tip-49/")
    assert first.xpath(".//nav[@class='rf-pages']//a[@rel='next']/@href") == ["page/2/"]
    assert first.xpath(".//a[@aria-current='page']/text()") == ["1"]
    assert [(a.text, a.get("href")) for a in second.xpath(".//ul[@class='rf-tag-tips']/li/a")] == [
        ("Tip 50", "../../../../tips/tip-50/")
    ]
    assert second.xpath(".//nav[@class='rf-pages']//a[@rel='prev']/@href") == ["../../"]
    assert second.xpath(".//a[@aria-current='page']/text()") == ["2"]
    title = lxml_html.fromstring(site.page("tags/drills/page/2/")).findtext(".//title")
    assert title == "Tips tagged \u201cdrills\u201d (Page 2 of 2) - Test Running Club"


def test_tag_pages_under_the_sites_path(site: Project) -> None:
    tree = etree.fromstring((site.site / "sitemap.xml").read_bytes())
    lastmod = {
        url.findtext("s:loc", namespaces=SITEMAP_NS): url.findtext(
            "s:lastmod", namespaces=SITEMAP_NS
        )
        for url in tree.findall("s:url", SITEMAP_NS)
    }
    assert {loc: day for loc, day in lastmod.items() if "/tags/" in loc} == {
        f"{SITE_URL}tags/": "2026-11-20",
        f"{SITE_URL}tags/b-bold-b-q/": "2026-11-20",
        f"{SITE_URL}tags/drills/": "2026-11-20",
        f"{SITE_URL}tags/drills/page/2/": "2026-11-20",
    }
    page = lxml_html.fromstring(site.page("tags/drills/page/2/"))
    assert page.xpath("//meta[@property='og:url']/@content") == [f"{SITE_URL}tags/drills/page/2/"]
    assert page.xpath("//link[@rel='canonical']/@href") == [f"{SITE_URL}tags/drills/page/2/"]
    chips = article(site, "tips/tip-0/").xpath(".//nav[@class='rf-tags']//a")
    assert [(a.text, a.get("href")) for a in chips] == [
        ("drills", "../../tags/drills/"),
        (HOSTILE_TAG, "../../tags/b-bold-b-q/"),
    ]


def test_unpublished_tips_leave_no_tag_count_or_line(site: Project) -> None:
    assert sorted(p.name for p in (site.site / "tags").iterdir()) == [
        "b-bold-b-q",
        "drills",
        "index.html",
    ]
    for path in site.site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for word in (b"secret-scheduled", b"secret-draft", b"Unfinished", b"tips/later/"):
                assert word not in data, f"{path.relative_to(site.site)} has {word!r}"


def test_tag_pages_stay_out_of_search(site: Project) -> None:
    index = (site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"tags/' not in index.replace(" ", "")


# -- a coach's mkdocs.yml that still lists Material's tags plugin ------------------------------


def _site_files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in site.rglob("*")
        if path.is_file()
    }


def test_a_config_with_the_tags_plugin_builds_the_same_site(make_project) -> None:
    plain: Project = make_project()
    legacy: Project = make_project()
    legacy.update_config({"plugins": ["search", "tags"]})
    plain.build_ok("2026-11-24")
    result = legacy.build("2026-11-24")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    ours, theirs = _site_files(plain.site), _site_files(legacy.site)
    assert sorted(set(theirs) - set(ours)) == ["tags.json"], "Material's export, nothing else"
    assert sorted(ours) == sorted(set(theirs) - {"tags.json"})
    differing = [name for name in ours if ours[name] != theirs[name]]
    assert differing == [], f"these files differ with the tags plugin listed: {differing}"


# -- tags that would share a page --------------------------------------------------------------


@pytest.mark.parametrize(
    ("second_tags", "expected"),
    [
        (
            '["cadence", "hip-drive"]',
            "tips/2026-11-20-two.yml:10:19: error: tag 'hip-drive' would share the page of tag"
            " 'Hip drive' in tips/2026-11-13-one.yml (write them the same way, or make them"
            " differ in letters or digits)",
        ),
        (
            '["cadence", "Hip  Drive!"]',
            "tips/2026-11-20-two.yml:10:19: error: tag 'Hip  Drive!' would share the page of tag"
            " 'Hip drive' in tips/2026-11-13-one.yml (write them the same way, or make them"
            " differ in letters or digits)",
        ),
        (
            '["cadence", "HIP DRIVE"]',
            "tips/2026-11-20-two.yml:10:19: error: tag 'HIP DRIVE' is written 'Hip drive' in"
            " tips/2026-11-13-one.yml (write a tag the same way in every tip)",
        ),
    ],
    ids=["dash", "punctuation", "case"],
)
def test_tags_sharing_a_page_are_refused_by_check_and_build(
    make_project, second_tags: str, expected: str
) -> None:
    first = minimal_tip("One", "2026-11-13") + 'tags: ["Hip drive"]\n'
    second = minimal_tip("Two", "2026-11-20") + f"tags: {second_tags}\n"
    project: Project = make_project(
        {"2026-11-13-one.yml": first, "2026-11-20-two.yml": second}, example_tips=False
    )
    refused_by_check_and_build(project.root, expected)


def test_without_docs_tags_md_runform_writes_the_tags_page(make_project) -> None:
    project: Project = make_project()
    (project.root / "docs" / "tags.md").unlink()
    project.update_config({"nav": [{"Home": "index.md"}, {"All tips": "tips/index.md"}]})
    project.build_ok("2026-11-24")  # strict: a page outside the nav is no warning
    page = article(project, "tags/")
    assert page.findtext("h1").strip() == "Tags"
    assert [a.text for a in page.xpath(".//ul[@class='rf-tag-index']/li/a")] == [
        "cadence",
        "drills",
        "hamstrings",
        "stride",
        "swing phase",
    ]


def test_a_tag_with_a_direction_override_is_refused(make_project) -> None:
    tip = minimal_tip("One", "2026-11-20") + 'tags: ["drills", "abc\\u202edef"]\n'
    project: Project = make_project({"2026-11-20-one.yml": tip}, example_tips=False)
    check = runform(project.root, "check")
    assert check.returncode == 1
    assert (
        "tips/2026-11-20-one.yml:10:18: error: tags contains the invisible character U+202E"
        " (delete it: a tag is matched by its letters)"
    ) in lines(check.stdout), check.stdout
