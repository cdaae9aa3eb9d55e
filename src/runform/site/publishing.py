"""Schedule -> what a published site carries besides its pages.

The feeds, the social card images, each page's <head> metadata, and each page's `lastmod`
date for the sitemap. Everything comes from the tips and the settings: no build time, so two
builds as of the same day give the same bytes. In a build only published tips are here; the
preview (`serve`) adds cards and metadata for the tips it shows, but never feed items.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from runform.content.catalog import Entry
from runform.content.records import SiteSettings
from runform.content.schedule import Schedule
from runform.site.addresses import (
    ARCHIVE_URI,
    FEED_JSON,
    FEED_XML,
    HOME_URI,
    SITE_CARD,
    SiteLinks,
    archive_year_uri,
    card_path,
    tip_uri,
)
from runform.site.cards.cache import draw_cards
from runform.site.cards.style import CARD_HEIGHT, CARD_WIDTH, CardStyle, CardText
from runform.site.feeds import feed_info, feed_items, render_feeds
from runform.site.head import (
    FeedLink,
    PageHead,
    SocialImage,
    TipHeadInput,
    listing_head,
    render_head,
    tip_head,
    website_json_ld,
)
from runform.site.pages import SiteContext, archive_description, home_description
from runform.site.tag_pages import TagListing, tag_lastmod

# Social networks show these; SVG and AVIF posters get the drawn card instead.
_SHAREABLE_POSTER: Final = (".jpg", ".jpeg", ".png", ".webp", ".gif")


@dataclass(frozen=True)
class PublishContext:
    """What publishing needs from mkdocs.yml besides runform's settings."""

    site: SiteContext
    site_description: str
    links: SiteLinks | None  # None when mkdocs.yml sets no site_url: no feeds, no og:url
    card_style: CardStyle | None  # None when cards are switched off
    card_cache: Path | None


@dataclass(frozen=True)
class Publishing:
    files: Mapping[str, bytes | Path]  # site path -> content or cached file: feeds, cards
    heads: Mapping[str, PageHead]  # src_uri -> metadata of runform's own pages
    lastmod: Mapping[str, str]  # src_uri -> ISO date for the sitemap
    feeds: tuple[FeedLink, ...] = ()
    site_image: SocialImage | None = None
    site_name: str = ""
    site_description: str = ""
    cards_drawn: int = 0
    card_count: int = 0

    def head_html(self, src_uri: str, *, title: str, description: str, url: str | None) -> str:
        """<head> tags for a page: runform's own metadata, or the given page's facts."""
        head = self.heads.get(src_uri) or listing_head(
            site_name=self.site_name,
            title=title,
            description=description or self.site_description,
            url=url,
            image=self.site_image,
        )
        return render_head(head, self.feeds)

    def feed_links_html(self) -> str:
        """Feed autodiscovery alone, for pages that are not documents (the 404 page)."""
        return render_head(None, self.feeds)


def build_publishing(
    schedule: Schedule,
    shown: Sequence[Entry],
    settings: SiteSettings,
    context: PublishContext,
    *,
    tags: Sequence[TagListing] = (),
) -> Publishing:
    """Feeds, card images, <head> metadata and sitemap dates for the `shown` tips (the feeds
    only ever carry the published ones); `tags` (`tag_pages.tag_listings`) dates the tag
    pages."""
    site, links = context.site, context.links

    files: dict[str, bytes | Path] = {}
    images: dict[str, SocialImage] = {}
    site_image: SocialImage | None = None
    drawn, card_count = 0, 0
    if context.card_style is not None:
        cards = {
            card_path(entry.slug): _tip_card(entry, settings, site)
            for entry in shown
            if _shareable_poster(entry) is None
        }
        cards[SITE_CARD] = _site_card(settings, site, context.site_description)
        result = draw_cards(cards, context.card_style, context.card_cache)
        files.update(result.images)
        drawn, card_count = result.drawn, len(cards)
    if links is not None:
        images = {e.slug: img for e in shown if (img := _tip_image(e, links, files))}
        if SITE_CARD in files:
            site_image = _card_image(links.file(SITE_CARD), site.site_name)

    feeds: tuple[FeedLink, ...] = ()
    if links is not None and settings.feed.enabled:
        info = feed_info(
            links, site.site_name, context.site_description, site.language, settings.hashtag
        )
        items = feed_items(
            schedule.published, settings, links, {s: i.url for s, i in images.items()}
        )
        rendered = render_feeds(info, items)
        files[FEED_XML], files[FEED_JSON] = rendered.rss, rendered.json
        feeds = (
            FeedLink("application/rss+xml", info.title, info.xml_url),
            FeedLink("application/feed+json", info.title, info.json_url),
        )

    facts = TipHeadInput(settings, links, site.site_name, site.language)
    heads: dict[str, PageHead] = {
        tip_uri(entry.slug): tip_head(entry, facts, images.get(entry.slug)) for entry in shown
    }
    heads.update(_listing_heads(settings, context, site_image))

    newest = schedule.published[0].tip.date if schedule.published else schedule.as_of
    lastmod = {tip_uri(entry.slug): entry.tip.date.isoformat() for entry in shown}
    lastmod[HOME_URI] = lastmod[ARCHIVE_URI] = newest.isoformat()
    for entry in reversed(schedule.published):  # each year's page: its newest tip's day
        lastmod[archive_year_uri(entry.tip.date.year)] = entry.tip.date.isoformat()
    lastmod.update(tag_lastmod(tags))

    return Publishing(
        files=files,
        heads=heads,
        lastmod=lastmod,
        feeds=feeds,
        site_image=site_image,
        site_name=site.site_name,
        site_description=home_description(settings, site),
        cards_drawn=drawn,
        card_count=card_count,
    )


def _tip_card(entry: Entry, settings: SiteSettings, site: SiteContext) -> CardText:
    return CardText(
        title=entry.tip.title,
        site_name=site.site_name,
        badge=settings.hashtag,
        label=settings.strings.cue,
        text=entry.tip.cue.name,
    )


def _site_card(settings: SiteSettings, site: SiteContext, description: str) -> CardText:
    title = description or site.site_name
    badge = "" if settings.hashtag in title else settings.hashtag
    return CardText(title=title, site_name=site.site_name, badge=badge)


def _tip_image(
    entry: Entry, links: SiteLinks, files: Mapping[str, bytes | Path]
) -> SocialImage | None:
    """The tip's own poster when it is a shareable image, else its drawn card."""
    if poster := _shareable_poster(entry):
        return SocialImage(
            url=links.file(poster), alt=entry.tip.video.title if entry.tip.video else ""
        )
    if card_path(entry.slug) in files:
        return _card_image(links.file(card_path(entry.slug)), entry.tip.title)
    return None


def _shareable_poster(entry: Entry) -> str | None:
    """The tip's own poster, when it is an image social networks show (not SVG or AVIF)."""
    video = entry.tip.video
    if video and video.poster and video.poster.lower().endswith(_SHAREABLE_POSTER):
        return video.poster
    return None


def _card_image(url: str, alt: str) -> SocialImage:
    return SocialImage(url, alt, CARD_WIDTH, CARD_HEIGHT, "image/png")


def _listing_heads(
    settings: SiteSettings, context: PublishContext, image: SocialImage | None
) -> dict[str, PageHead]:
    site, links = context.site, context.links
    description = home_description(settings, site)
    # the site's name: docs/index.md's `title` ("Home") names the page in the navigation
    home_title = site.site_name
    home_url = links.page(HOME_URI) if links else None
    archive_url = links.page(ARCHIVE_URI) if links else None
    json_ld = (
        website_json_ld(site.site_name, description, home_url, site.language) if home_url else None
    )
    return {
        HOME_URI: listing_head(
            site_name=site.site_name,
            title=home_title,
            description=description,
            url=home_url,
            image=image,
            json_ld=json_ld,
        ),
        ARCHIVE_URI: listing_head(
            site_name=site.site_name,
            title=settings.strings.all_tips,
            description=archive_description(settings),
            url=archive_url,
            image=image,
        ),
    }
