"""Absolute addresses on the published site (feeds and social cards need them).

MkDocs gives pages relative URLs; a feed reader or a social network needs the full address,
which only exists when mkdocs.yml sets `site_url`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from runform.site.pages import page_url


@dataclass(frozen=True)
class SiteLinks:
    site_url: str  # "https://example.github.io/runform/", always ending with "/"
    use_directory_urls: bool = True

    @classmethod
    def from_site_url(cls, site_url: str | None, use_directory_urls: bool) -> SiteLinks | None:
        if not site_url:
            return None
        return cls(site_url.rstrip("/") + "/", use_directory_urls)

    @property
    def home(self) -> str:
        return self.site_url

    def page(self, src_uri: str) -> str:
        """Full address of a page: "tips/heel-pick-up.md" -> ".../tips/heel-pick-up/"."""
        return urljoin(self.site_url, page_url(src_uri, self.use_directory_urls))

    def file(self, path: str) -> str:
        """Full address of a file by its path in the site: "feed.xml" -> ".../feed.xml"."""
        return urljoin(self.site_url, path.lstrip("/"))
