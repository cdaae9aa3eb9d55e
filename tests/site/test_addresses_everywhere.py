"""Addresses on every surface of a site served under a path (a GitHub project site): a site
path the coach writes (`/about/`) resolves under the site's path on pages, and every address
that leaves the page (feeds, JSON-LD, Open Graph, the email edition) is absolute and right,
relative links resolved against the tip page and coach file names percent-encoded."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from conftest import minimal_tip
from runform.content.settings import SiteSettings
from runform.email.content import EmailSite, email_content
from runform.site.addresses import SiteLinks
from site_values import PROJECT_SITE, build_values

LINKS = (
    "[About](/about/), [last week](../run-tall/), [drill](#drill), [home](/runform/),"
    " [out](https://coach.example/x), [mail](mailto:c@coach.example)"
)
# One link of each kind in every Markdown field a tip page shows.
TIP = (
    minimal_tip("Linked").replace("      Because it does.", f"      Body {LINKS}")
    + f"intro: |\n  Intro {LINKS}\n"
    + f"faults:\n  - name: Slouching\n    fix: |\n      Fix {LINKS}\n"
    + f"drill:\n  name: Wall drill\n  steps:\n    - 'Step {LINKS}'\n"
    + f"notes:\n  - kind: note\n    text: |\n      Note {LINKS}\n"
    + "cta:\n  text: Come and run\n  label: About us\n  url: /about/\n"
)
FIELDS = ["Intro", "Body", "Fix", "Step", "Note"]
ON_PAGE = [
    "/runform/about/",
    "../run-tall/",
    "#drill",
    "/runform/",
    "https://coach.example/x",
    "mailto:c@coach.example",
]
ABSOLUTE = [
    f"{PROJECT_SITE}about/",
    f"{PROJECT_SITE}tips/run-tall/",
    f"{PROJECT_SITE}tips/linked/#drill",
    PROJECT_SITE,
    "https://coach.example/x",
    "mailto:c@coach.example",
]


def _links_by_field(html: str) -> dict[str, list[str]]:
    """The link targets of each Markdown field, by the word its text starts with."""
    soup = BeautifulSoup(html, "lxml")
    found: dict[str, list[str]] = {}
    for block in soup.select("p, li"):
        words = block.get_text().split()
        if words and words[0] in FIELDS and block.select("a"):
            found[words[0]] = [a["href"] for a in block.select("a")]
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_values(
        tmp_path_factory.mktemp("everywhere"), {"2026-11-20-linked.yml": TIP}, as_of="2026-11-24"
    )


def test_site_paths_in_markdown_resolve_under_the_site_path_on_the_page(built):
    (page,) = [p for p in built.pages if p.src_uri == "tips/linked.md"]
    assert _links_by_field(page.html) == dict.fromkeys(FIELDS, ON_PAGE)
    cta = BeautifulSoup(page.html, "lxml").select_one("a.rf-cta__book")
    assert cta["href"] == "/runform/about/", "a site path, under the site's path (no UTM tags)"


@pytest.mark.parametrize("feed", ["feed.json", "feed.xml"])
def test_feed_items_carry_only_absolute_addresses(built, feed):
    data = built.publishing.files[feed]
    assert isinstance(data, bytes)
    if feed == "feed.json":
        html = json.loads(data)["items"][0]["content_html"]
    else:
        html = BeautifulSoup(data, "xml").find("item").find("content:encoded").get_text()
    assert _links_by_field(html) == dict.fromkeys(FIELDS, ABSOLUTE)


def test_the_email_edition_carries_only_absolute_addresses(built):
    (entry,) = built.shown
    links = SiteLinks.from_site_url(PROJECT_SITE, True)
    assert links is not None
    content = email_content(entry, SiteSettings(), EmailSite("Club", links))
    html = "".join(
        [content.intro_html or "", *content.rationale_html, *content.fix_html]
        + [f"<li>{step}</li>" for step in content.step_html]
        + list(content.note_html)
    )
    assert _links_by_field(html) == dict.fromkeys(FIELDS, ABSOLUTE)
    assert content.cta is not None
    assert content.cta.url == (
        f"{PROJECT_SITE}about/?utm_source=runform&utm_medium=email&utm_campaign=linked"
    )


def test_a_site_at_the_host_root_keeps_links_as_written(tmp_path):
    built = build_values(
        tmp_path, {"2026-11-20-linked.yml": TIP}, site_url="https://coach.example/"
    )
    (page,) = [p for p in built.pages if p.src_uri == "tips/linked.md"]
    as_written = ["/about/", "../run-tall/", "#drill", "/runform/", *ON_PAGE[4:]]
    assert _links_by_field(page.html) == dict.fromkeys(FIELDS, as_written)


POSTER_TIP = minimal_tip("Quiet Feet") + (
    'video:\n  url: https://youtu.be/aaaaaaaaaaa\n  title: "Quiet"\n'
    '  poster: "images/quiet feet.jpg"\n'
)
POSTER_URL = f"{PROJECT_SITE}images/quiet%20feet.jpg"


def test_a_poster_with_a_space_is_percent_encoded_on_every_surface(tmp_path):
    built = build_values(
        tmp_path, {"2026-11-20-quiet-feet.yml": POSTER_TIP}, files=["images/quiet feet.jpg"]
    )
    head = built.publishing.heads["tips/quiet-feet.md"]
    assert head.image is not None and head.image.url == POSTER_URL, "og:image, twitter:image"
    head_html = built.publishing.head_html("tips/quiet-feet.md", title="", description="", url=None)
    soup = BeautifulSoup(head_html, "lxml")
    assert soup.select_one('meta[property="og:image"]')["content"] == POSTER_URL
    assert soup.select_one('meta[name="twitter:image"]')["content"] == POSTER_URL
    assert head.json_ld is not None
    post = head.json_ld["@graph"][0]
    assert (post["image"], post["video"]["thumbnailUrl"]) == (POSTER_URL, POSTER_URL)

    item = json.loads(built.publishing.files["feed.json"])["items"][0]
    assert item["image"] == POSTER_URL
    content = BeautifulSoup(item["content_html"], "lxml")
    assert content.select_one("img")["src"] == POSTER_URL

    (page,) = [p for p in built.pages if p.src_uri == "tips/quiet-feet.md"]
    poster = BeautifulSoup(page.html, "lxml").select_one("img.rf-video__poster")
    assert poster["src"] == "../../images/quiet%20feet.jpg"

    links = SiteLinks.from_site_url(PROJECT_SITE, True)
    assert links is not None
    (entry,) = built.shown
    email = email_content(entry, SiteSettings(), EmailSite("Club", links))
    assert email.video_image is not None and email.video_image.url == POSTER_URL
