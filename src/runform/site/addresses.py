"""The address book: every page URI, relative and absolute URL, feed and card path of a site.

Nothing else in runform computes an address. Three kinds of address live here:

- a page's *source URI*, the name MkDocs knows it by (`tips/heel-pick-up.md`, `index.md`);
- its *site-relative URL*, as MkDocs gives it (`tips/heel-pick-up/`, or `tips/heel-pick-up.html`
  with `use_directory_urls: false`), and relative links from one page to another;
- its *absolute URL* (`https://x.github.io/site/tips/heel-pick-up/`), which feeds, Open Graph,
  JSON-LD, share links and e-mail need, and which exists only when mkdocs.yml sets `site_url`.

The URL rules follow MkDocs' own (`mkdocs.structure.files.File.url`): with directory URLs an
`index.md` maps to its folder and any other page to `<stem>/`; without them to `<stem>.html`.
File names written by the coach (a poster `images/quiet feet.jpg`) are percent-encoded
(RFC 3986, section 2.1) wherever they become a URL.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Final
from urllib.parse import quote, urljoin, urlsplit

from runform.content.paths import tag_slug

HOME_URI: Final = "index.md"
ARCHIVE_URI: Final = "tips/index.md"
BOOK_URI: Final = "book.md"
TAGS_URI: Final = "tags.md"  # the tags page: the coach's docs/tags.md, its list filled in
TIPS_DIR: Final = "tips"
TAGS_DIR: Final = "tags"
FEED_XML: Final = "feed.xml"
FEED_JSON: Final = "feed.json"
CARDS_DIR: Final = "assets/runform/cards"
SITE_CARD: Final = f"{CARDS_DIR}/site.png"
# Characters a URL path may keep as they are; everything else in a coach's file name is encoded.
_PATH_SAFE: Final = "/-._~!$&'()*+,;=:@"


def tip_uri(slug: str) -> str:
    """Source URI of a tip's page: "heel-pick-up" -> "tips/heel-pick-up.md"."""
    return f"{TIPS_DIR}/{slug}.md"


def archive_year_uri(year: int) -> str:
    """Source URI of the archive's page for one year: 2024 -> "tips/2024/index.md" (URL
    tips/2024/). A tip's slug may not be four digits (content.catalog.YEAR_SLUG)."""
    return f"{TIPS_DIR}/{year:04d}/index.md"


def tag_uri(tag: str, page: int = 1) -> str:
    """Source URI of one page of a tag's list of tips: ("Hip drive", 1) ->
    "tags/hip-drive/index.md" (URL tags/hip-drive/), ("Hip drive", 2) ->
    "tags/hip-drive/page/2/index.md" (URL tags/hip-drive/page/2/). The slug is
    `content.paths.tag_slug`, unique per site (the catalog refuses tags that share one).
    Raises ValueError for a page number below 1."""
    if page < 1:
        raise ValueError(f"page {page} of a tag: pages are numbered from 1")
    folder = f"{TAGS_DIR}/{tag_slug(tag)}"
    return f"{folder}/index.md" if page == 1 else f"{folder}/page/{page}/index.md"


def card_path(slug: str) -> str:
    """Path in the site of a tip's social card image."""
    return f"{CARDS_DIR}/tips/{slug}.png"


def encode_path(path: str) -> str:
    """A file path as written by the coach, percent-encoded for a URL ("a b.jpg" -> "a%20b.jpg").

    Already-encoded sequences are encoded again on purpose: the file on disk is named with
    the literal characters.
    """
    return quote(path, safe=_PATH_SAFE)


def page_url(src_uri: str, use_directory_urls: bool) -> str:
    """Site-relative URL of a page, as MkDocs gives it ("tips/x/" or "tips/x.html", "" for home)."""
    stem = src_uri.removesuffix(".md")
    if not use_directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    return f"{stem.removesuffix('/index')}/"


def _base(from_uri: str, use_directory_urls: bool) -> str:
    here = page_url(from_uri, use_directory_urls)
    return (here if here.endswith("/") or not here else posixpath.dirname(here)) or "."


def relative_url(from_uri: str, to_uri: str, use_directory_urls: bool) -> str:
    """Link from one page to another that works whatever the site's base path."""
    there = page_url(to_uri, use_directory_urls)
    target = there or "./"
    relative = _relpath(target, _base(from_uri, use_directory_urls))
    if target.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return "./" if relative in (".", "./") else relative


def asset_url(from_uri: str, path: str, use_directory_urls: bool) -> str:
    """Link from a page to a file under docs/ (a poster image), percent-encoded."""
    return encode_path(_relpath(path, _base(from_uri, use_directory_urls)))


def _relpath(path: str, start: str) -> str:
    """`posixpath.relpath` of two site-relative paths, computed as absolute ones: the same
    answer without asking the process for its working folder (a system call) each time."""
    if path.startswith("..") or start.startswith(".."):  # above the site: as relpath says
        return posixpath.relpath(path, start)
    return posixpath.relpath("/" + path, "/" + start)


def site_base_path(site_url: str | None) -> str:
    """The path the site is served under: "https://x.github.io/runform/" -> "/runform/"."""
    path = urlsplit(site_url or "").path or "/"
    return path if path.endswith("/") else path + "/"


def resolve_site_path(url: str, site_url: str | None) -> str:
    """A coach-written address: a site path ("/about/") is put under the site's own path
    ("/runform/about/" on a GitHub project site); any other address is returned unchanged.
    A path already under the site's path is left as it is."""
    if not url.startswith("/") or url.startswith("//"):
        return url
    base = site_base_path(site_url)
    if base == "/" or url.startswith(base) or url + "/" == base:
        return url
    return base + url.lstrip("/")


def site_path_resolver(site_url: str | None) -> Callable[[str], str] | None:
    """What links in a tip's Markdown need on the site's own pages: a site path ("/about/")
    put under the site's path (`resolve_site_path`); None when the site is served from its
    host's root, where every link already works as written."""
    if site_base_path(site_url) == "/":
        return None
    return partial(resolve_site_path, site_url=site_url)


@dataclass(frozen=True)
class SiteLinks:
    """Absolute addresses on the published site; exists only when mkdocs.yml sets `site_url`."""

    site_url: str  # "https://example.github.io/runform/", always ending with "/"
    use_directory_urls: bool = True

    @classmethod
    def from_site_url(cls, site_url: str | None, use_directory_urls: bool) -> SiteLinks | None:
        """None when there is no site_url (no feeds, no og:url, no share links)."""
        if not site_url:
            return None
        return cls(site_url.rstrip("/") + "/", use_directory_urls)

    @property
    def home(self) -> str:
        return self.site_url

    def page(self, src_uri: str) -> str:
        """Full address of a page: "tips/heel-pick-up.md" -> ".../tips/heel-pick-up/"."""
        return urljoin(self.site_url, page_url(src_uri, self.use_directory_urls))

    def tip(self, slug: str) -> str:
        """Full address of a tip's page."""
        return self.page(tip_uri(slug))

    def file(self, path: str) -> str:
        """Full address of a file by its path in the site: "feed.xml" -> ".../feed.xml"."""
        return urljoin(self.site_url, encode_path(path.lstrip("/")))

    def absolute(self, url: str, base_uri: str) -> str:
        """Any link found on the page `base_uri` ("../run-tall/", "/about/", "#drill",
        "https://…") as the full address a feed reader or mail client needs."""
        if url.startswith("/") and not url.startswith("//"):
            return urljoin(self.site_url, resolve_site_path(url, self.site_url))
        return urljoin(self.page(base_uri), url)

    def resolver(self, base_uri: str) -> Callable[[str], str]:
        """`absolute` for every link found on the page `base_uri` (a feed item, an e-mail)."""
        return partial(self.absolute, base_uri=base_uri)
