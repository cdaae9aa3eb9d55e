"""Schedule + SiteSettings -> the generated pages: home, the archive, one page per tip.

Everything a template shows is decided here: which tips, in which order, grouped how, with
which dates in words and which relative URLs. Templates only display it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import groupby
from typing import Any

from runform.content.catalog import Entry
from runform.content.records import (
    CallToAction,
    CommentsProvider,
    SiteSettings,
    Strings,
    SubscribeSettings,
    Tip,
)
from runform.content.schedule import Schedule, Status
from runform.content.videos import embed_url, watch_url
from runform.site.addresses import (
    ARCHIVE_URI,
    BOOK_URI,
    HOME_URI,
    SiteLinks,
    archive_year_uri,
    asset_url,
    relative_url,
    resolve_site_path,
    site_path_resolver,
    tag_uri,
    tip_uri,
)
from runform.site.comment_languages import giscus_language, isso_language
from runform.site.dates import full_date, long_date
from runform.site.links import RelatedTips, ShareLink, share_links, with_utm
from runform.site.render import RenderedPage, render_page

SUBSCRIBE_URI = "subscribe.md"
# The archive (/tips/) shows this many of the newest years as cards; every year has its page.
# One year (at most 53 cards, ~70 KB of HTML): with two, /tips/ scored 0.93-0.98 in
# Lighthouse's mobile performance (bench/lighthouse.py), a year's page 0.97-0.99.
ARCHIVE_CARD_YEARS = 1

GISCUS_SCRIPT = "https://giscus.app/client.js"


@dataclass(frozen=True)
class SiteContext:
    """What pages need to know about the MkDocs site they become part of."""

    site_name: str = "runform"
    language: str = "en"
    use_directory_urls: bool = True
    # docs/index.md: its front matter and body (the coach's own Markdown); only the home
    # page shows them, so they take no part in comparing (and caching) tip pages
    home_meta: Mapping[str, Any] = field(default_factory=dict, compare=False)
    welcome: str = field(default="", compare=False)
    # docs/tags.md, the same way: the tags page shows its text around the list of tags;
    # None when the project has none (runform then writes the whole page)
    tags_meta: Mapping[str, Any] = field(default_factory=dict, compare=False)
    tags_text: str | None = field(default=None, compare=False)
    site_description: str = ""  # mkdocs.yml site_description
    site_url: str = ""  # mkdocs.yml site_url: share links need full addresses


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class VideoView:
    title: str
    provider: str
    embed_url: str
    watch_url: str
    credit: str | None
    credit_url: str | None
    poster_url: str | None
    play_label: str  # "Play video: Heel pull drill"
    # the words of play_label around the title, which only assistive technology reads: the
    # button's name is then its visible text plus these ("Play video: " and "")
    play_before: str
    play_after: str
    play_hint: str  # "Plays from YouTube when you press play"
    watch_label: str  # "Watch on YouTube", the link without JavaScript


@dataclass(frozen=True)
class CtaView:
    text: str
    label: str
    url: str
    assessment_text: str | None = None
    assessment_label: str | None = None
    assessment_url: str | None = None


@dataclass(frozen=True)
class TipCard:
    """A tip as listed on home and the archive."""

    tip: Tip
    url: str
    date_iso: str
    date_label: str
    badge: str | None = None  # preview only: "Draft" or "Scheduled", on a tip not yet live


def build_pages(
    schedule: Schedule,
    shown: Sequence[Entry],
    settings: SiteSettings,
    site: SiteContext,
    *,
    keep_for_rebuilds: bool = False,
) -> list[RenderedPage]:
    """Every generated page: one per shown tip (`shown`, newest first, as
    `Schedule.shown` decides), the archive, home and the booking page.

    keep_for_rebuilds: keep each rendered tip page (`serve`, which rebuilds on every save, then
    re-renders only the tips whose page changed); a one-off build keeps none in memory.
    """
    related = RelatedTips(shown)
    render = _render_tip_page if keep_for_rebuilds else _render_tip_page.__wrapped__
    pages = [
        _render_tip(render, entry, shown, index, related, schedule, settings, site)
        for index, entry in enumerate(shown)
    ]
    # listed on home and the archive: the published tips; in the preview, every shown tip
    pages.extend(_render_archive(schedule, shown, settings, site))
    pages.append(_render_home(schedule, shown, settings, site))
    if book := _render_book(settings, site):
        pages.append(book)
    if settings.email.subscribe.form_url:
        pages.append(
            render_page(
                SUBSCRIBE_URI,
                "subscribe.md.j2",
                subscribe=settings.email.subscribe,
                strings=settings.strings,
            )
        )
    return pages


def date_label(day: date, site: SiteContext) -> str:
    """A tip's date in words, in the site's language ("20 November 2026")."""
    return long_date(day, site.language)


def _card(entry: Entry, from_uri: str, site: SiteContext, badge: str | None = None) -> TipCard:
    return TipCard(
        tip=entry.tip,
        url=relative_url(from_uri, tip_uri(entry.slug), site.use_directory_urls),
        date_iso=entry.tip.date.isoformat(),
        date_label=date_label(entry.tip.date, site),
        badge=badge,
    )


def status_badge(schedule: Schedule, entry: Entry, strings: Strings) -> str | None:
    """The word a listed tip carries in the preview when it is not live: Draft or Scheduled."""
    status = schedule.status_of(entry)
    if status is Status.DRAFT:
        return strings.draft_label
    return strings.scheduled_label if status is Status.SCHEDULED else None


def _render_tip(
    render: Callable[..., RenderedPage],
    entry: Entry,
    shown: Sequence[Entry],
    index: int,
    related: RelatedTips,
    schedule: Schedule,
    settings: SiteSettings,
    site: SiteContext,
) -> RenderedPage:
    latest = bool(schedule.published) and schedule.published[0] == entry
    return render(
        entry,
        older=shown[index + 1] if index + 1 < len(shown) else None,
        newer=shown[index - 1] if index > 0 else None,
        related=tuple(related.of(entry)),
        status=schedule.status_of(entry),
        teaser=_teaser(schedule, settings) if latest else None,
        settings=settings,
        site=site,
    )


@lru_cache(maxsize=2048)
def _render_tip_page(
    entry: Entry,
    *,
    older: Entry | None,
    newer: Entry | None,
    related: tuple[Entry, ...],
    status: Status,
    teaser: str | None,
    settings: SiteSettings,
    site: SiteContext,
) -> RenderedPage:
    """One tip page from everything it shows; cached, so a preview rebuild re-renders only
    the tips whose page changed (the edited one and its neighbours)."""
    uri = tip_uri(entry.slug)

    def link(other: Entry | None) -> Link | None:
        if other is None:
            return None
        return Link(
            other.tip.title, relative_url(uri, tip_uri(other.slug), site.use_directory_urls)
        )

    return render_page(
        uri,
        "tip.md.j2",
        tip=entry.tip,
        slug=entry.slug,
        date_iso=entry.tip.date.isoformat(),
        date_label=date_label(entry.tip.date, site),
        banner=_banner(status, entry.tip.date, settings, site),
        video=_video_view(entry.tip, uri, site, settings.strings),
        tags=[
            Link(tag, relative_url(uri, tag_uri(tag), site.use_directory_urls))
            for tag in dict.fromkeys(entry.tip.tags)
        ],
        previous=link(older),
        next=link(newer),
        cta=_cta_view(entry.tip.cta, settings, site, medium="tip", campaign=entry.slug),
        share=_share_view(entry, uri, settings, site),
        related=[_card(other, uri, site) for other in related],
        teaser=teaser,
        teaser_label=settings.strings.next_teaser.format(hashtag=settings.hashtag),
        comments=_comments_meta(entry, settings),
        subscribe=_subscribe(settings),
        strings=settings.strings,
        resolve_link=site_path_resolver(site.site_url),
    )


@dataclass(frozen=True)
class ShareView:
    links: tuple[ShareLink, ...]
    copy_url: str | None  # the page's full address for "copy link"; None: no button


def _share_view(
    entry: Entry, uri: str, settings: SiteSettings, site: SiteContext
) -> ShareView | None:
    """Share links need the page's full address, which only `site_url` gives."""
    share = settings.share
    if not share.enabled:
        return None
    links = SiteLinks.from_site_url(site.site_url, site.use_directory_urls)
    address = links.page(uri) if links else None
    shared = (
        share_links(
            share.networks,
            page_url=address,
            title=entry.tip.title,
            summary=entry.tip.summary,
            hashtag=settings.hashtag,
            strings=settings.strings,
        )
        if address
        else ()
    )
    copy_url = (address or "") if share.copy_link else None
    if not shared and copy_url is None:
        return None
    return ShareView(links=shared, copy_url=copy_url)


def _comments_meta(entry: Entry, settings: SiteSettings) -> bool | dict[str, Any] | None:
    """A tip page's part of its comments, carried in its front matter: None when the tip shows
    none (`comments: false`, or no provider); for Isso the thread's title; else True. What the
    site's every thread shares (`site_comments`) reaches the theme through the page context."""
    if not entry.tip.comments or settings.comments.provider is CommentsProvider.NONE:
        return None
    if settings.comments.provider is CommentsProvider.ISSO:
        return {"thread": {"data-title": entry.tip.title}}
    return True


def site_comments(settings: SiteSettings, site: SiteContext) -> dict[str, Any] | None:
    """What the theme's partials/comments.html needs for every thread of the site (the same on
    each tip page, so given once to the page context rather than in each page's front matter);
    None when the site has no comments provider.

    Values are plain (not HTML-escaped): the partial escapes them (`| e`, `| tojson`).
    Every attribute is one the service's client reads (giscus' client.ts `dataset`, Isso's
    default_config.js `data-isso-*`), and the language is one it has a translation for
    (`site.comment_languages`).
    """
    comments = settings.comments
    if comments.provider is CommentsProvider.NONE:
        return None
    strings = settings.strings
    common = {"heading": strings.comments_heading, "prompt": strings.comments_prompt}
    if comments.provider is CommentsProvider.GISCUS:
        giscus = comments.giscus
        return {
            **common,
            "provider": "giscus",
            "script": GISCUS_SCRIPT,
            "attributes": {
                "data-repo": giscus.repo,
                "data-repo-id": giscus.repo_id,
                "data-category": giscus.category,
                "data-category-id": giscus.category_id,
                "data-mapping": giscus.mapping,
                "data-strict": "0",
                "data-reactions-enabled": "1" if giscus.reactions else "0",
                "data-emit-metadata": "0",
                "data-input-position": "top",
                "data-theme": "preferred_color_scheme",
                "data-lang": giscus_language(giscus.lang or site.language),
                "data-loading": "lazy",
                "crossorigin": "anonymous",
            },
        }
    isso = comments.isso
    server = str(isso.url).rstrip("/")

    def flag(value: bool) -> str:
        return "true" if value else "false"

    attributes = {
        "data-isso": server + "/",
        "data-isso-lang": isso_language(isso.lang or site.language),
        "data-isso-require-email": flag(isso.require_email),
        "data-isso-require-author": flag(isso.require_author),
        "data-isso-reply-to-self": flag(isso.reply_to_self),
        "data-isso-vote": "false",
    }
    if isso.max_comments is not None:
        attributes["data-isso-max-comments-top"] = str(isso.max_comments)
    return {
        **common,
        "provider": "isso",
        "script": server + "/js/embed.min.js",
        "attributes": attributes,
    }


def _banner(status: Status, day: date, settings: SiteSettings, site: SiteContext) -> str | None:
    if status is Status.DRAFT:
        return settings.strings.draft_banner
    if status is Status.SCHEDULED:
        label = full_date(day, site.language)
        return settings.strings.scheduled_banner.format(date=label)
    return None


def _video_view(tip: Tip, uri: str, site: SiteContext, strings: Strings) -> VideoView | None:
    video = tip.video
    if video is None:
        return None
    ref, start = video.ref, video.start_seconds
    provider = "YouTube" if ref.provider == "youtube" else "Vimeo"
    before, after = _around_title(strings.play_video)
    return VideoView(
        title=video.title,
        provider=provider,
        play_label=strings.play_video.format(title=video.title),
        play_before=before,
        play_after=after,
        play_hint=strings.play_hint.format(provider=provider),
        watch_label=strings.watch_on.format(provider=provider),
        embed_url=embed_url(ref, start, autoplay=True),
        watch_url=watch_url(ref, start),
        credit=video.credit,
        credit_url=video.credit_url,
        poster_url=asset_url(uri, video.poster, site.use_directory_urls) if video.poster else None,
    )


def _around_title(template: str) -> tuple[str, str]:
    """The words of a "{title}" string before and after the title: "Play video: {title}" ->
    ("Play video: ", ""); a string without the placeholder gives ("<it> ", "")."""
    before, _, after = template.partition("{title}")
    if not _:
        before += " "
    return before.replace("{{", "{").replace("}}", "}"), after.replace("{{", "{").replace("}}", "}")


def _cta_view(
    choice: bool | CallToAction,
    settings: SiteSettings,
    site: SiteContext,
    *,
    medium: str,
    campaign: str,
) -> CtaView | None:
    """The booking block of a page: a site path ("/book/") is put under the site's path."""
    return cta_view(
        choice,
        settings,
        lambda url: resolve_site_path(url, site.site_url),
        medium=medium,
        campaign=campaign,
    )


def cta_view(
    choice: bool | CallToAction,
    settings: SiteSettings,
    resolve: Callable[[str], str],
    *,
    medium: str,
    campaign: str,
) -> CtaView | None:
    """The booking block: a tip's own `cta:` (`choice` is a CallToAction), else the site's
    `booking` (`choice` True), else None. Each link goes through `resolve` (a site path made
    right for where the block is shown), then gets UTM tags when `booking.utm` is on."""
    booking = settings.booking

    def tagged(url: str) -> str:
        url = resolve(url)
        if not booking.utm:
            return url
        return with_utm(url, source=booking.utm_source, medium=medium, campaign=campaign)

    if not isinstance(choice, bool):  # a tip's own text, label and url
        return CtaView(text=choice.text, label=choice.label, url=tagged(choice.url))
    if not choice or booking.url is None:
        return None
    return CtaView(
        text=booking.text or settings.strings.cta_text,
        label=booking.label or settings.strings.cta_label,
        url=tagged(booking.url),
        assessment_text=booking.assessment_text,
        assessment_label=booking.assessment_label,
        assessment_url=tagged(booking.assessment_url) if booking.assessment_url else None,
    )


def _subscribe(settings: SiteSettings) -> SubscribeSettings | None:
    """The subscribe form's settings, when a list is set up (`email.subscribe.form_url`)."""
    subscribe = settings.email.subscribe
    return subscribe if subscribe.form_url else None


def _teaser(schedule: Schedule, settings: SiteSettings) -> str | None:
    upcoming = schedule.next_up
    if upcoming is None or upcoming.tip.teaser is None:
        return None
    return upcoming.tip.teaser


def home_description(settings: SiteSettings, site: SiteContext) -> str:
    """docs/index.md's own description, else site_description, else one made of the names."""
    own = site.home_meta.get("description") or site.site_description
    return str(own or f"{settings.hashtag}: running-technique tips from {site.site_name}.")


def archive_description(settings: SiteSettings) -> str:
    return f"Every {settings.hashtag} running-form tip, newest first."


def archive_year_description(settings: SiteSettings, year: int) -> str:
    return f"Every {settings.hashtag} running-form tip of {year}, newest first."


@dataclass(frozen=True)
class YearLink:
    """One year of the archive, as the archive links to it: "2024", its page, its tip count."""

    year: int
    url: str
    count: int


def _render_archive(
    schedule: Schedule, listed: Sequence[Entry], settings: SiteSettings, site: SiteContext
) -> list[RenderedPage]:
    """The archive: /tips/ shows the newest ARCHIVE_CARD_YEARS year(s) as cards and links to a
    page per year (/tips/2024/), which shows that year's tips as cards. Each page then holds
    at most 53 cards whatever the site's size (at 500 tips one page of cards was
    281 KB of HTML, and it grew every Friday); a year's address never changes."""
    by_year = [
        (year, list(group)) for year, group in groupby(listed, key=lambda e: e.tip.date.year)
    ]
    strings = settings.strings

    def years_from(uri: str) -> list[YearLink]:
        return [
            YearLink(year, relative_url(uri, archive_year_uri(year), site.use_directory_urls), n)
            for year, n in ((year, len(entries)) for year, entries in by_year)
        ]

    def cards(uri: str, chosen: Sequence[tuple[int, list[Entry]]]) -> list[Any]:
        return [
            (year, [_card(e, uri, site, status_badge(schedule, e, strings)) for e in entries])
            for year, entries in chosen
        ]

    pages = [
        render_page(
            ARCHIVE_URI,
            "archive.md.j2",
            title=strings.all_tips,
            description=archive_description(settings),
            years=cards(ARCHIVE_URI, by_year[:ARCHIVE_CARD_YEARS]),
            year_links=years_from(ARCHIVE_URI) if len(by_year) > ARCHIVE_CARD_YEARS else [],
            count=len(listed),
            strings=strings,
        )
    ]
    for year, entries in by_year:
        uri = archive_year_uri(year)
        pages.append(
            render_page(
                uri,
                "archive.md.j2",
                title=strings.archive_year_title.format(year=year),
                description=archive_year_description(settings, year),
                years=cards(uri, [(year, entries)]),
                year_links=years_from(uri),
                count=len(entries),
                strings=strings,
            )
        )
    return pages


def _render_home(
    schedule: Schedule, listed: Sequence[Entry], settings: SiteSettings, site: SiteContext
) -> RenderedPage:
    strings = settings.strings
    cards = [_card(e, HOME_URI, site, status_badge(schedule, e, strings)) for e in listed]
    latest, recent = (cards[0], cards[1 : 1 + settings.recent_count]) if cards else (None, [])
    teaser = _teaser(schedule, settings)
    return render_page(
        HOME_URI,
        "home.md.j2",
        meta={"description": home_description(settings, site), **site.home_meta},
        welcome=site.welcome,
        latest=latest,
        recent=recent,
        teaser=teaser,
        teaser_label=settings.strings.next_teaser.format(hashtag=settings.hashtag),
        archive_url=relative_url(HOME_URI, ARCHIVE_URI, site.use_directory_urls),
        cta=_cta_view(True, settings, site, medium="home", campaign="home"),
        subscribe=_subscribe(settings),
        strings=settings.strings,
    )


def _render_book(settings: SiteSettings, site: SiteContext) -> RenderedPage | None:
    """The "Work with us" page (/book/), from the same `booking` settings as the CTA."""
    cta = _cta_view(True, settings, site, medium="book", campaign="book")
    if cta is None:
        return None
    return render_page(
        BOOK_URI,
        "book.md.j2",
        title=settings.strings.book_title,
        description=cta.text,
        cta=cta,
        strings=settings.strings,
    )
