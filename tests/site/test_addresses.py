"""The address book: every URL rule in one table, with directory URLs on and off and a site
served under a path (a GitHub project site)."""

from __future__ import annotations

import pytest

from runform.site.addresses import (
    TAGS_URI,
    SiteLinks,
    asset_url,
    card_path,
    page_url,
    relative_url,
    resolve_site_path,
    tag_uri,
    tip_uri,
)

PROJECT_SITE = "https://x.github.io/site/"

# (src_uri, use_directory_urls) -> site-relative URL, as MkDocs gives it
PAGE_URLS = [
    ("index.md", True, ""),
    ("index.md", False, "index.html"),
    ("tips/index.md", True, "tips/"),
    ("tips/index.md", False, "tips/index.html"),
    ("tips/heel-pick-up.md", True, "tips/heel-pick-up/"),
    ("tips/heel-pick-up.md", False, "tips/heel-pick-up.html"),
    ("book.md", True, "book/"),
    ("book.md", False, "book.html"),
]


@pytest.mark.parametrize(("src_uri", "directory", "expected"), PAGE_URLS)
def test_page_urls(src_uri: str, directory: bool, expected: str) -> None:
    assert page_url(src_uri, directory) == expected


@pytest.mark.parametrize(
    ("from_uri", "to_uri", "directory", "expected"),
    [
        ("index.md", "tips/heel-pick-up.md", True, "tips/heel-pick-up/"),
        ("index.md", "tips/heel-pick-up.md", False, "tips/heel-pick-up.html"),
        ("tips/run-tall.md", "tips/heel-pick-up.md", True, "../heel-pick-up/"),
        ("tips/run-tall.md", "tips/heel-pick-up.md", False, "heel-pick-up.html"),
        ("tips/index.md", "tips/heel-pick-up.md", True, "heel-pick-up/"),
        ("tips/index.md", "tips/heel-pick-up.md", False, "heel-pick-up.html"),
        ("tips/heel-pick-up.md", "index.md", True, "../../"),
        ("tips/heel-pick-up.md", "index.md", False, "../index.html"),
        ("index.md", "tips/index.md", True, "tips/"),
        ("index.md", "index.md", True, "./"),
    ],
)
def test_relative_urls(from_uri: str, to_uri: str, directory: bool, expected: str) -> None:
    assert relative_url(from_uri, to_uri, directory) == expected


@pytest.mark.parametrize(
    ("directory", "expected"),
    [(True, "../../images/quiet%20feet.jpg"), (False, "../images/quiet%20feet.jpg")],
)
def test_asset_urls_are_relative_and_percent_encoded(directory: bool, expected: str) -> None:
    assert asset_url("tips/heel-pick-up.md", "images/quiet feet.jpg", directory) == expected


@pytest.mark.parametrize(
    ("site_url", "directory", "page", "file"),
    [
        (
            "https://coach.example",
            True,
            "https://coach.example/tips/heel-pick-up/",
            "https://coach.example/images/quiet%20feet.jpg",
        ),
        (
            PROJECT_SITE,
            True,
            "https://x.github.io/site/tips/heel-pick-up/",
            "https://x.github.io/site/images/quiet%20feet.jpg",
        ),
        (
            PROJECT_SITE,
            False,
            "https://x.github.io/site/tips/heel-pick-up.html",
            "https://x.github.io/site/images/quiet%20feet.jpg",
        ),
    ],
)
def test_absolute_urls(site_url: str, directory: bool, page: str, file: str) -> None:
    links = SiteLinks.from_site_url(site_url, directory)
    assert links is not None
    assert links.tip("heel-pick-up") == page
    assert links.page(tip_uri("heel-pick-up")) == page
    assert links.file("images/quiet feet.jpg") == file
    assert links.file(card_path("heel-pick-up")).endswith(
        "/assets/runform/cards/tips/heel-pick-up.png"
    )


def test_no_site_url_no_absolute_addresses() -> None:
    assert SiteLinks.from_site_url("", True) is None


@pytest.mark.parametrize(
    ("url", "site_url", "expected"),
    [
        ("/about/", PROJECT_SITE, "/site/about/"),
        ("/book/", PROJECT_SITE, "/site/book/"),
        ("/site/about/", PROJECT_SITE, "/site/about/"),
        ("/about/", "https://coach.example/", "/about/"),
        ("/about/", "", "/about/"),
        ("https://cal.example/book", PROJECT_SITE, "https://cal.example/book"),
        ("mailto:coach@example.com", PROJECT_SITE, "mailto:coach@example.com"),
    ],
)
def test_coach_written_site_paths_are_put_under_the_sites_path(
    url: str, site_url: str, expected: str
) -> None:
    assert resolve_site_path(url, site_url) == expected


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("../run-tall/", "https://x.github.io/site/tips/run-tall/"),
        ("/about/", "https://x.github.io/site/about/"),
        ("#drill", "https://x.github.io/site/tips/heel-pick-up/#drill"),
        ("https://other.example/x", "https://other.example/x"),
    ],
)
def test_links_leaving_the_page_become_absolute(link: str, expected: str) -> None:
    links = SiteLinks.from_site_url(PROJECT_SITE, True)
    assert links is not None
    assert links.absolute(link, tip_uri("heel-pick-up")) == expected


# The tags page and a tag's pages: (tag, page) -> source URI, URL with and without directories
TAG_PAGES = [
    ("hamstrings", 1, "tags/hamstrings/index.md", "tags/hamstrings/", "tags/hamstrings/index.html"),
    (
        "swing phase",
        2,
        "tags/swing-phase/page/2/index.md",
        "tags/swing-phase/page/2/",
        "tags/swing-phase/page/2/index.html",
    ),
    ("Übungen", 1, "tags/ubungen/index.md", "tags/ubungen/", "tags/ubungen/index.html"),
    ("\U0001f3c3", 1, "tags/u1f3c3/index.md", "tags/u1f3c3/", "tags/u1f3c3/index.html"),
    ('"><b>x', 1, "tags/b-x/index.md", "tags/b-x/", "tags/b-x/index.html"),
]


@pytest.mark.parametrize(
    ("tag", "page", "src_uri", "with_dirs", "without_dirs"),
    TAG_PAGES,
    ids=["word", "page-2", "accented", "emoji", "markup"],
)
def test_tag_page_addresses(
    tag: str, page: int, src_uri: str, with_dirs: str, without_dirs: str
) -> None:
    assert tag_uri(tag, page) == src_uri
    assert page_url(src_uri, True) == with_dirs
    assert page_url(src_uri, False) == without_dirs


def test_the_tags_page_is_at_tags() -> None:
    assert (page_url(TAGS_URI, True), page_url(TAGS_URI, False)) == ("tags/", "tags.html")


def test_a_tag_has_no_page_zero() -> None:
    with pytest.raises(ValueError, match="pages are numbered from 1"):
        tag_uri("drills", 0)


@pytest.mark.parametrize(
    ("from_uri", "to_uri", "with_dirs", "without_dirs"),
    [
        (
            tip_uri("heel-pick-up"),
            tag_uri("hamstrings"),
            "../../tags/hamstrings/",
            "../tags/hamstrings/index.html",
        ),
        (TAGS_URI, tag_uri("hamstrings"), "hamstrings/", "tags/hamstrings/index.html"),
        (tag_uri("drills"), TAGS_URI, "../", "../../tags.html"),
        (tag_uri("drills"), tag_uri("drills", 2), "page/2/", "page/2/index.html"),
        (tag_uri("drills", 2), tag_uri("drills"), "../../", "../../index.html"),
        (tag_uri("drills", 3), tag_uri("drills", 2), "../2/", "../2/index.html"),
        (
            tag_uri("drills", 2),
            tip_uri("heel-pick-up"),
            "../../../../tips/heel-pick-up/",
            "../../../../tips/heel-pick-up.html",
        ),
    ],
    ids=[
        "tip-to-tag",
        "tags-to-tag",
        "tag-to-tags",
        "page-1-to-2",
        "page-2-to-1",
        "page-3-to-2",
        "page-to-tip",
    ],
)
def test_links_between_tag_pages(
    from_uri: str, to_uri: str, with_dirs: str, without_dirs: str
) -> None:
    assert relative_url(from_uri, to_uri, True) == with_dirs
    assert relative_url(from_uri, to_uri, False) == without_dirs


@pytest.mark.parametrize(
    ("directory", "tags_page", "tag_page"),
    [
        (
            True,
            "https://x.github.io/site/tags/",
            "https://x.github.io/site/tags/swing-phase/page/2/",
        ),
        (
            False,
            "https://x.github.io/site/tags.html",
            "https://x.github.io/site/tags/swing-phase/page/2/index.html",
        ),
    ],
)
def test_tag_pages_under_a_site_path(directory: bool, tags_page: str, tag_page: str) -> None:
    links = SiteLinks.from_site_url(PROJECT_SITE, directory)
    assert links is not None
    assert (links.page(TAGS_URI), links.page(tag_uri("swing phase", 2))) == (tags_page, tag_page)
