"""What search engines and social networks read in a page's <head>.

Open Graph and Twitter card tags, and JSON-LD (`BlogPosting` with a `VideoObject`, and a
`HowTo` for the drill) for a tip, each with the properties Google's structured-data guides
list as required (VideoObject: name, thumbnailUrl, uploadDate; HowTo: name, step; WebSite:
name, url; Article has none required, runform fills the recommended headline, image, dates
and author); Open Graph for home, the archive and a coach's own pages;
feed autodiscovery links on every page. The meta description and the canonical link are
Material's (from the page's front matter and `site_url`).

Rendered by `head.html.j2` with autoescape; JSON-LD goes through Jinja's `tojson`, which writes
`<`, `>`, `&` and `'` as `\\u003c`-style escapes, so no tip text can close the <script> element
or open an HTML comment in it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from runform.content.catalog import Entry
from runform.content.markup import markdown_to_text
from runform.content.records import SiteSettings
from runform.content.videos import embed_url
from runform.site.addresses import SiteLinks, tip_uri
from runform.site.feeds import published_at
from runform.site.render import render_text

SCHEMA_ORG: Final = "https://schema.org"


@dataclass(frozen=True)
class SocialImage:
    url: str
    alt: str
    width: int | None = None
    height: int | None = None
    mime_type: str | None = None


@dataclass(frozen=True)
class FeedLink:
    mime_type: str  # "application/rss+xml"
    title: str
    url: str


@dataclass(frozen=True)
class PageHead:
    og_type: str  # "article" for a tip, "website" otherwise
    site_name: str
    title: str
    description: str
    url: str | None
    image: SocialImage | None = None
    published_time: str | None = None
    tags: tuple[str, ...] = ()
    json_ld: Mapping[str, Any] | None = None

    @property
    def twitter_card(self) -> str:
        return "summary_large_image" if self.image else "summary"


@dataclass(frozen=True)
class TipHeadInput:
    """Site-wide facts a tip's metadata needs."""

    settings: SiteSettings
    links: SiteLinks | None
    site_name: str
    language: str


def tip_head(entry: Entry, facts: TipHeadInput, image: SocialImage | None) -> PageHead:
    tip = entry.tip
    url = facts.links.page(tip_uri(entry.slug)) if facts.links else None
    published = published_at(tip.date, facts.settings.timezone).isoformat()
    return PageHead(
        og_type="article",
        site_name=facts.site_name,
        title=tip.title,
        description=tip.summary,
        url=url,
        image=image,
        published_time=published,
        tags=tip.tags,
        json_ld=tip_json_ld(entry, facts, url, published, image) if url else None,
    )


def listing_head(
    *,
    site_name: str,
    title: str,
    description: str,
    url: str | None,
    image: SocialImage | None,
    json_ld: Mapping[str, Any] | None = None,
) -> PageHead:
    """Home, the archive, and a coach's own pages."""
    return PageHead(
        og_type="website",
        site_name=site_name,
        title=title,
        description=description,
        url=url,
        image=image,
        json_ld=json_ld,
    )


def website_json_ld(site_name: str, description: str, url: str, language: str) -> dict[str, Any]:
    return {
        "@context": SCHEMA_ORG,
        "@type": "WebSite",
        "name": site_name,
        "description": description,
        "url": url,
        "inLanguage": language,
    }


def tip_json_ld(
    entry: Entry, facts: TipHeadInput, url: str, published: str, image: SocialImage | None
) -> dict[str, Any]:
    tip = entry.tip
    home = facts.links.home if facts.links else url
    organisation = {"@type": "Organization", "name": facts.site_name, "url": home}
    post: dict[str, Any] = {
        "@type": "BlogPosting",
        "@id": f"{url}#article",
        "headline": tip.title,
        "description": tip.summary,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": published,
        "dateModified": published,
        "inLanguage": facts.language,
        "author": organisation,
        "publisher": organisation,
    }
    if image:
        post["image"] = image.url
    if tip.tags:
        post["keywords"] = list(tip.tags)
    if tip.video and (video := _video_object(entry, facts.links, published, image)):
        post["video"] = video
    graph: list[dict[str, Any]] = [post]
    if tip.drill:
        graph.append(_how_to(entry, url))
    return {"@context": SCHEMA_ORG, "@graph": graph}


def _video_object(
    entry: Entry, links: SiteLinks | None, published: str, image: SocialImage | None
) -> dict[str, Any] | None:
    """The tip's video as search engines need it: Google's required `name`, `thumbnailUrl`
    and `uploadDate` (the tip's publish time, with its time zone), and its `description` and
    `embedUrl`. The thumbnail is the tip's own poster, else its social image (the drawn
    card); a local image either way, never one fetched from the video host. Without any, the
    object would be invalid, so there is none (None)."""
    tip = entry.tip
    video = tip.video
    assert video is not None
    if video.poster and links:
        thumbnail: str | None = links.file(video.poster)
    else:
        thumbnail = image.url if image else None
    if thumbnail is None:
        return None
    return {
        "@type": "VideoObject",
        "name": video.title,
        "description": tip.summary,
        "thumbnailUrl": thumbnail,
        "uploadDate": published,
        "embedUrl": embed_url(video.ref, video.start_seconds),
    }


def _how_to(entry: Entry, url: str) -> dict[str, Any]:
    drill = entry.tip.drill
    assert drill is not None
    how_to: dict[str, Any] = {
        "@type": "HowTo",
        "@id": f"{url}#drill",
        "name": drill.name,
        "step": [
            {"@type": "HowToStep", "position": number, "text": markdown_to_text(step)}
            for number, step in enumerate(drill.steps, start=1)
        ],
    }
    if drill.dose:
        how_to["description"] = drill.dose
    return how_to


def render_head(head: PageHead | None, feeds: Sequence[FeedLink]) -> str:
    """The tags for one page's <head> (feed links only, when `head` is None)."""
    return render_text("head.html.j2", head=head, feeds=feeds)
