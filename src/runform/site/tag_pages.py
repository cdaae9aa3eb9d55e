"""The tags: the tags page (/tags/) and a list of tips per tag (/tags/<slug>/).

Material's tags plugin put every tip under every tag on one page: at 500 tips that page
scored 0.92-0.96 in Lighthouse's mobile performance, at 2,000 tips 0.80, and it grew every
Friday. runform writes the tags itself, as the archive writes its year pages:

- the tags page is the coach's docs/tags.md, with each `<!-- material/tags -->` marker (the
  one Material's plugin expands; any options in it are ignored) replaced by a compact list of
  every tag, its tip count and a link to its page; the coach's text around it stays. A page
  without the marker gets the list at its end; a project without docs/tags.md gets a page
  of runform's own ("Tags", `strings.tags_title`);
- each tag's tips are listed newest first, TAG_PAGE_SIZE to a page (`tags/<slug>/`, then
  `tags/<slug>/page/2/`, ...), with links to the newer and older pages and to every page
  by number, so no page grows without bound however many tips a tag has.

Only the shown tips count (`Schedule.shown`): in a build the published ones, so a draft or
a scheduled tip never adds a tag, a count or a line. Tag pages stay out of the search index
(`search: exclude`): each tip carries its own tags there.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from runform.content.catalog import Entry
from runform.content.records import SiteSettings
from runform.content.schedule import Schedule
from runform.site.addresses import TAGS_URI, relative_url, tag_uri, tip_uri
from runform.site.pages import SiteContext, date_label, status_badge
from runform.site.render import RenderedPage, render_page

# Tips on one page of a tag: about 12 KB of list, far from the size at which a page of the
# archive began to lose Lighthouse points (bench/lighthouse.py).
TAG_PAGE_SIZE: Final = 50
# Material's listing marker: `<!-- material/tags -->`, maybe with options `{ include: [x] }`
TAGS_MARKER: Final = re.compile(r"<!--\s*material/tags\b[^>]*?-->")


@dataclass(frozen=True)
class TagListing:
    """One tag and the shown tips that carry it, newest first."""

    name: str
    entries: tuple[Entry, ...]

    @property
    def page_count(self) -> int:
        """How many pages its list takes, TAG_PAGE_SIZE tips each (at least one)."""
        return max(1, -(-len(self.entries) // TAG_PAGE_SIZE))

    @property
    def newest(self) -> date:
        return self.entries[0].tip.date


def tag_sort_key(name: str) -> tuple[str, str]:
    """The order of the tags page: by name as a reader looks one up, case and accents aside
    ('arms', 'Élan', 'hips'), then by the exact name so the order is total. By name, not by
    count: a count changes every week and would reorder the list, a name never does."""
    letters = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in letters if not unicodedata.combining(char))
    return plain.casefold(), name


def tag_listings(shown: Sequence[Entry]) -> tuple[TagListing, ...]:
    """Every tag of the `shown` tips (newest first), in `tag_sort_key` order, each with its
    tips in the order of `shown`; a tip that names a tag twice is listed once."""
    tips: dict[str, list[Entry]] = {}
    for entry in shown:
        for tag in dict.fromkeys(entry.tip.tags):
            tips.setdefault(tag, []).append(entry)
    return tuple(TagListing(name, tuple(tips[name])) for name in sorted(tips, key=tag_sort_key))


def tag_lastmod(listings: Iterable[TagListing]) -> dict[str, str]:
    """The sitemap `lastmod` of the tag pages: each page of a tag the day of its newest tip
    (a new tip moves every page's list along), the tags page the newest of them all."""
    lastmod: dict[str, str] = {}
    for listing in listings:
        day = listing.newest.isoformat()
        for page in range(1, listing.page_count + 1):
            lastmod[tag_uri(listing.name, page)] = day
        lastmod[TAGS_URI] = max(lastmod.get(TAGS_URI, ""), day)
    return lastmod


@dataclass(frozen=True)
class TagLink:
    """A tag as the tags page lists it."""

    name: str
    url: str
    count: int


@dataclass(frozen=True)
class TaggedTip:
    """One line of a tag's page."""

    title: str
    url: str
    date_iso: str
    date_label: str
    cue: str
    badge: str | None  # preview only: "Draft" or "Scheduled"


@dataclass(frozen=True)
class PageLink:
    number: int
    url: str
    current: bool


@dataclass(frozen=True)
class Pagination:
    """The links between a tag's pages: page 1 has the newest tips."""

    label: str  # "Page 2 of 5"
    newer: str | None  # the page before (rel="prev")
    older: str | None  # the page after (rel="next")
    pages: tuple[PageLink, ...]


def render_tag_pages(
    schedule: Schedule,
    listings: Sequence[TagListing],
    settings: SiteSettings,
    site: SiteContext,
) -> list[RenderedPage]:
    """The tags page and every page of every tag in `listings` (`tag_listings`)."""
    pages = [_render_index(listings, settings, site)]
    for listing in listings:
        pages.extend(_render_tag(schedule, listing, settings, site))
    return pages


def _render_index(
    listings: Sequence[TagListing], settings: SiteSettings, site: SiteContext
) -> RenderedPage:
    tags = [
        TagLink(
            listing.name,
            relative_url(TAGS_URI, tag_uri(listing.name), site.use_directory_urls),
            len(listing.entries),
        )
        for listing in listings
    ]
    own = site.tags_text
    parts = TAGS_MARKER.split(own) if own is not None else []
    if own is not None and len(parts) == 1:
        parts.append("")  # no marker: the list goes at the end
    meta: Mapping[str, Any] = {k: v for k, v in site.tags_meta.items() if k != "runform"}
    return render_page(
        TAGS_URI,
        "tags.md.j2",
        coach_page=own is not None,
        meta=meta,
        parts=parts,
        tags=tags,
        strings=settings.strings,
    )


def _render_tag(
    schedule: Schedule, listing: TagListing, settings: SiteSettings, site: SiteContext
) -> list[RenderedPage]:
    strings, directory = settings.strings, site.use_directory_urls
    total = listing.page_count
    heading = strings.tag_title.format(tag=listing.name)
    pages = []
    for number in range(1, total + 1):
        uri = tag_uri(listing.name, number)
        chunk = listing.entries[(number - 1) * TAG_PAGE_SIZE : number * TAG_PAGE_SIZE]
        label = strings.page_of.format(page=number, pages=total)
        title = heading if number == 1 else f"{heading} ({label})"

        def url(page: int, uri: str = uri) -> str:
            return relative_url(uri, tag_uri(listing.name, page), directory)

        pagination = (
            Pagination(
                label=label,
                newer=url(number - 1) if number > 1 else None,
                older=url(number + 1) if number < total else None,
                pages=tuple(PageLink(n, url(n), n == number) for n in range(1, total + 1)),
            )
            if total > 1
            else None
        )
        items = [
            TaggedTip(
                title=entry.tip.title,
                url=relative_url(uri, tip_uri(entry.slug), directory),
                date_iso=entry.tip.date.isoformat(),
                date_label=date_label(entry.tip.date, site),
                cue=entry.tip.cue.name,
                badge=status_badge(schedule, entry, strings),
            )
            for entry in chunk
        ]
        pages.append(
            render_page(
                uri,
                "tag.md.j2",
                title=title,
                description=f"{settings.hashtag}: {title}",
                index_url=relative_url(uri, TAGS_URI, directory),
                items=items,
                pagination=pagination,
                strings=strings,
            )
        )
    return pages
