"""Published tips -> RSS 2.0 (`/feed.xml`) and JSON Feed 1.1 (`/feed.json`), newest first.

Why not feedgen: it stamps `lastBuildDate` with the build time (so two builds differ) and
prepends entries (so its order needs care); it has had no release since 2023. A small Jinja
template (`feed.xml.j2`, autoescaped like every template) and `json.dumps` of a dict in the
spec's key order are simpler and give the same bytes for the same tips. The only dates in a
feed are the tips' own: each is published at midnight of its date in the site's time zone.

Only what the schedule says is published reaches a feed: never a scheduled tip or a draft,
not even under `serve`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from email.utils import format_datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

from runform.content.catalog import Entry
from runform.content.records import SiteSettings
from runform.content.videos import watch_url
from runform.site.addresses import FEED_JSON, FEED_XML, SiteLinks, tip_uri
from runform.site.render import render_text

JSON_FEED_VERSION: Final = "https://jsonfeed.org/version/1.1"
# Characters XML 1.0 does not allow, even escaped; YAML lets a tip spell them as "\x01".
_XML_INVALID: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class FeedInfo:
    title: str
    description: str
    language: str
    home_url: str
    xml_url: str
    json_url: str


@dataclass(frozen=True)
class VideoLink:
    title: str
    label: str  # "Watch on YouTube"
    watch_url: str
    credit: str | None
    poster_url: str | None


@dataclass(frozen=True)
class FeedItem:
    url: str  # also the GUID / id: stable as long as the slug and site_url are
    title: str
    summary: str
    content_html: str
    published: datetime
    tags: tuple[str, ...]
    image_url: str | None

    @property
    def rfc822_date(self) -> str:
        return format_datetime(self.published)

    @property
    def rfc3339_date(self) -> str:
        return self.published.isoformat()


@dataclass(frozen=True)
class Feeds:
    rss: bytes
    json: bytes


def feed_info(
    links: SiteLinks, site_name: str, site_description: str, language: str, hashtag: str
) -> FeedInfo:
    return FeedInfo(
        title=site_name,
        description=site_description or f"{hashtag}: running-technique tips from {site_name}.",
        language=language,
        home_url=links.home,
        xml_url=links.file(FEED_XML),
        json_url=links.file(FEED_JSON),
    )


def published_at(day: date, timezone: str) -> datetime:
    """A tip goes live at midnight of its date, in the site's time zone."""
    return datetime.combine(day, time(0, 0), ZoneInfo(timezone))


def feed_items(
    published: Sequence[Entry],
    settings: SiteSettings,
    links: SiteLinks,
    images: Mapping[str, str],
) -> list[FeedItem]:
    """The newest `feed.count` published tips (already newest first), as feed items.

    `images` maps a tip's slug to the full address of its social card or poster.
    """
    return [
        _feed_item(entry, settings, links, images.get(entry.slug))
        for entry in published[: settings.feed.count]
    ]


def render_feeds(info: FeedInfo, items: Sequence[FeedItem]) -> Feeds:
    rss = _xml_safe(render_text("feed.xml.j2", feed=info, items=items))
    return Feeds(rss=rss.encode("utf-8"), json=render_json_feed(info, items))


def render_json_feed(info: FeedInfo, items: Sequence[FeedItem]) -> bytes:
    # the top-level keys of JSON Feed 1.1 that runform fills, in the order the spec lists them
    feed = {
        "version": JSON_FEED_VERSION,
        "title": info.title,
        "home_page_url": info.home_url,
        "feed_url": info.json_url,
        "description": info.description,
        "language": info.language,
        "authors": [{"name": info.title, "url": info.home_url}],
        "items": [_json_feed_item(item) for item in items],
    }
    text = json.dumps(feed, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def _json_feed_item(item: FeedItem) -> dict[str, Any]:
    """One item of a JSON Feed 1.1; `tags` and `image` only when the tip has them."""
    fields: dict[str, Any] = {
        "id": item.url,
        "url": item.url,
        "title": item.title,
        "summary": item.summary,
        "content_html": item.content_html,
        "date_published": item.rfc3339_date,
    }
    if item.tags:
        fields["tags"] = list(item.tags)
    if item.image_url is not None:
        fields["image"] = item.image_url
    return fields


def _feed_item(
    entry: Entry, settings: SiteSettings, links: SiteLinks, image_url: str | None
) -> FeedItem:
    tip = entry.tip
    uri = tip_uri(entry.slug)
    url = links.page(uri)
    content = render_text(
        "feed_content.html.j2",
        tip=tip,
        url=url,
        video=_video_link(entry, settings, links),
        strings=settings.strings,
        resolve_link=links.resolver(uri),
    )
    return FeedItem(
        url=url,
        title=tip.title,
        summary=tip.summary,
        content_html=content.strip(),
        published=published_at(tip.date, settings.timezone),
        tags=tip.tags,
        image_url=image_url,
    )


def _video_link(entry: Entry, settings: SiteSettings, links: SiteLinks) -> VideoLink | None:
    video = entry.tip.video
    if video is None:
        return None
    provider = "YouTube" if video.ref.provider == "youtube" else "Vimeo"
    return VideoLink(
        title=video.title,
        label=settings.strings.watch_on.format(provider=provider),
        watch_url=watch_url(video.ref, video.start_seconds),
        credit=video.credit,
        poster_url=links.file(video.poster) if video.poster else None,
    )


def _xml_safe(text: str) -> str:
    return _XML_INVALID.sub("", text)
