"""A tip + the site -> `EmailContent`: everything the email shows, with full addresses.

Both parts of the message are written from this value: `render` (HTML) and `plain_text`.
Every address is absolute: the tip page and the site from `site_url`, the image from the
published site (the tip's drawn social card, or its own poster when mail clients show that
format; never a YouTube thumbnail), booking links tagged `utm_medium=email`, and links in the
tip's Markdown resolved against the tip page's address.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from runform.content.catalog import Entry
from runform.content.markup import markdown_to_html, rewrite_links
from runform.content.records import CallToAction, SiteSettings, Tip
from runform.site.addresses import SiteLinks, card_path, tip_uri
from runform.site.cards.style import primary_colours
from runform.site.pages import CtaView, cta_view

UTM_MEDIUM: Final = "email"
# Formats every common mail client shows (WebP and AVIF are not yet everywhere, SVG nowhere).
_MAIL_IMAGE: Final = (".jpg", ".jpeg", ".png", ".gif")


class EmailSetupError(Exception):
    """The site cannot have an email edition as configured (e.g. no `site_url`)."""


@dataclass(frozen=True)
class EmailSite:
    """What the email needs from mkdocs.yml besides `extra.runform`."""

    site_name: str
    links: SiteLinks
    language: str = "en"
    primary: str = "#303fa1"  # the theme's primary colour (darker shade), for buttons
    cards: bool = True  # the site draws social cards (`extra.runform.cards.enabled`)

    @classmethod
    def from_config(cls, config: Mapping[str, Any], settings: SiteSettings) -> EmailSite:
        """From mkdocs.yml's keys; raises EmailSetupError without `site_url`."""
        links = SiteLinks.from_site_url(
            config.get("site_url"), bool(config.get("use_directory_urls", True))
        )
        if links is None:
            raise EmailSetupError(
                "mkdocs.yml has no site_url: an email needs the full address of each tip "
                "(set site_url to the address the site is published at)"
            )
        theme = config.get("theme") if isinstance(config.get("theme"), Mapping) else {}
        _colour, dark = primary_colours(theme.get("palette"))
        return cls(
            site_name=str(config.get("site_name") or "runform"),
            links=links,
            language=str(theme.get("language") or "en"),
            primary=settings.cards.background or dark,
            cards=settings.cards.enabled,
        )


@dataclass(frozen=True)
class EmailImage:
    url: str
    alt: str
    width: int  # CSS pixels in a 600 px message (narrower on phones; the height follows)


@dataclass(frozen=True)
class EmailContent:
    """One tip as its email shows it; Markdown fields as sanitized HTML with full links."""

    slug: str
    tip: Tip
    url: str  # the tip page
    home_url: str
    subject: str
    preheader: str
    video_image: EmailImage | None
    play_label: str | None  # "Play video: Heel pull drill", with the video only
    intro_html: str | None
    rationale_html: tuple[str, ...]  # one per rationale section, in order
    fix_html: tuple[str, ...]  # one per fault
    step_html: tuple[str, ...]  # one per drill step
    note_html: tuple[str, ...]  # one per note
    cta: CtaView | None
    unsubscribe: str | None  # an address, or the list service's tag as written
    site: EmailSite
    settings: SiteSettings

    @property
    def strings(self) -> Any:
        return self.settings.strings


def email_content(entry: Entry, settings: SiteSettings, site: EmailSite) -> EmailContent:
    tip, strings = entry.tip, settings.strings
    url = site.links.tip(entry.slug)

    def html(text: str) -> str:
        return absolute_links(markdown_to_html(text), site.links, tip_uri(entry.slug))

    preheader = f"{strings.cue}: {tip.cue.name}" + (f" · “{tip.cue.say}”" if tip.cue.say else "")
    return EmailContent(
        slug=entry.slug,
        tip=tip,
        url=url,
        home_url=site.links.home,
        subject=strings.email_subject.format(hashtag=settings.hashtag, title=tip.title),
        preheader=preheader,
        video_image=_video_image(entry, site),
        play_label=strings.play_video.format(title=tip.video.title) if tip.video else None,
        intro_html=html(tip.intro) if tip.intro else None,
        rationale_html=tuple(html(section.body) for section in tip.rationale),
        fix_html=tuple(html(fault.fix) for fault in tip.faults),
        step_html=tuple(html(step) for step in tip.drill.steps) if tip.drill else (),
        note_html=tuple(html(note.text) for note in tip.notes),
        cta=_cta(tip.cta, settings, site, entry.slug),
        unsubscribe=settings.email.unsubscribe,
        site=site,
        settings=settings,
    )


def absolute_links(html: str, links: SiteLinks, base_uri: str) -> str:
    """Sanitized HTML with every link made absolute as found on the page `base_uri` (the tip
    page; `SiteLinks.absolute`), cleaned again with the same allowlist (`rewrite_links`)."""
    return rewrite_links(html, links.resolver(base_uri))


def _video_image(entry: Entry, site: EmailSite) -> EmailImage | None:
    """The tip's own poster when mail clients show its format, else its drawn card."""
    video = entry.tip.video
    if video is None:
        return None
    if video.poster and video.poster.lower().endswith(_MAIL_IMAGE):
        return EmailImage(site.links.file(video.poster), video.title, 552)
    if site.cards and not (video.poster and video.poster.lower().endswith(".webp")):
        # the 1200x630 drawn card, 552 px wide (600 less the padding)
        return EmailImage(site.links.file(card_path(entry.slug)), video.title, 552)
    return None


def _cta(
    choice: bool | CallToAction, settings: SiteSettings, site: EmailSite, slug: str
) -> CtaView | None:
    """The booking block: the tip's own `cta:`, else the site's `booking`, with full
    addresses tagged for email (utm_medium=email)."""
    return cta_view(
        choice,
        settings,
        lambda url: site.links.absolute(url, tip_uri(slug)),
        medium=UTM_MEDIUM,
        campaign=slug,
    )
