"""Site settings: the `extra.runform` mapping of mkdocs.yml, as one pydantic model.

Grouped like Material's prefixed plugin settings, but nested: `booking.url`,
`comments.provider`. Every group has defaults, so a site with no `extra.runform` builds.
"""

from __future__ import annotations

import difflib
import re
import string
from typing import Annotated, Any, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from runform.content.email_settings import EmailSettings
from runform.content.fields import Line, LinkUrl
from runform.content.records import CommentsProvider, ShareNetwork, Weekday


def _timezone(value: Any) -> str:
    name = str(value).strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        zones = sorted(available_timezones())
        by_city = [
            z for z in zones if z.rsplit("/", 1)[-1].lower() == name.replace(" ", "_").lower()
        ]
        close = by_city or difflib.get_close_matches(name, zones, n=1, cutoff=0.7)
        hint = f"did you mean '{close[0]}'?" if close else "use an IANA name such as Europe/London"
        raise PydanticCustomError(
            "runform_timezone", f"'{name}' is not a time zone", {"hint": hint}
        ) from None
    return name


class _Group(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BookingSettings(_Group):
    """The call-to-action at the end of every tip and on home: book a session, or send a video.

    `text` and `label` default to `strings.cta_text` / `strings.cta_label`. With `utm` on,
    links to other sites carry utm_source, utm_medium (tip, home, book) and utm_campaign
    (the tip's slug), so the coach sees which tip brought a booking.
    """

    text: Line | None = None
    label: Line | None = None
    url: LinkUrl | None = None
    assessment_text: Line | None = None
    assessment_label: Line | None = None
    assessment_url: LinkUrl | None = None
    utm: bool = True
    utm_source: Annotated[str, Field(pattern=r"^[A-Za-z0-9._-]{1,60}$")] = "runform"


# The placeholders each formatted string may use (str.format names, nothing else).
PLACEHOLDERS: Final = {
    "watch_on": ("provider",),
    "play_video": ("title",),
    "next_teaser": ("hashtag",),
    "scheduled_banner": ("date",),
    "play_hint": ("provider",),
    "archive_year_title": ("year",),
    "tag_title": ("tag",),
    "page_of": ("page", "pages"),
    "email_subject": ("hashtag", "title"),
    "email_footer": ("site_name",),
}


def check_placeholders(name: str, text: str) -> None:
    """A formatted string may name only its documented placeholders, each as plain `{name}`:
    no attribute, index, conversion or format spec (which could show Python internals or make
    a page of any size); literal braces are written `{{` and `}}` (Python's format mini-language,
    docs.python.org/3/library/string.html#formatstrings). Raises PydanticCustomError."""
    allowed = PLACEHOLDERS.get(name, ())
    names = ", ".join(f"{{{p}}}" for p in allowed) or "none"
    hint = f"its placeholders: {names}; write a brace as {{{{ or }}}}"
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        raise PydanticCustomError(
            "runform_placeholder", f"'{text}' has an unmatched brace", {"hint": hint}
        ) from None
    for _literal, field_name, spec, conversion in fields:
        if field_name is None:
            continue
        written = "{" + field_name + (f"!{conversion}" if conversion else "")
        written += (f":{spec}" if spec else "") + "}"
        if field_name not in allowed or spec or conversion:
            raise PydanticCustomError(
                "runform_placeholder",
                f"'{text}' uses {written}, which is not a placeholder of {name}",
                {"hint": hint},
            )


class Strings(_Group):
    """Every reader-facing word runform writes; a coach may translate any of them.

    The strings named in PLACEHOLDERS are filled in with str.format; each is checked by
    `check_placeholders` where it is written in mkdocs.yml.
    """

    @field_validator(*PLACEHOLDERS, mode="after")
    @classmethod
    def _placeholders(cls, value: str, info: ValidationInfo) -> str:
        check_placeholders(str(info.field_name), value)
        return value

    cue: Line = "Technique cue"
    cue_say: Line = "Say to yourself"
    video_credit: Line = "Video:"
    watch_on: Line = "Watch on {provider}"
    play_video: Line = "Play video: {title}"
    common_faults: Line = "Common faults"
    fix: Line = "Fix"
    drill: Line = "Drill"
    dose: Line = "Dose"
    muscles: Line = "Muscles involved"
    previous_tip: Line = "Previous tip"
    next_tip: Line = "Next tip"
    latest_tip: Line = "Latest tip"
    recent_tips: Line = "Recent tips"
    all_tips: Line = "All tips"
    archive_years: Line = "Every year"
    archive_year_title: Line = "Tips of {year}"
    tags_title: Line = "Tags"  # the tags page without a docs/tags.md; the tags on a tip
    all_tags: Line = "All tags"  # a tag's page, linking to the tags page
    no_tags: Line = "No tip has a tag yet."
    tag_title: Line = "Tips tagged \u201c{tag}\u201d"
    page_of: Line = "Page {page} of {pages}"  # a tag's pages
    pages_label: Line = "Pages"
    newer_tips: Line = "Newer tips"
    older_tips: Line = "Older tips"
    read_tip: Line = "Read the tip"
    next_teaser: Line = "Next {hashtag}:"
    draft_banner: Line = "Draft: this tip is not published. Only the preview shows it."
    draft_label: Line = "Draft"  # on a draft's card in the preview
    scheduled_label: Line = "Scheduled"  # on a scheduled tip's card in the preview
    scheduled_banner: Line = "Scheduled for {date}. Only the preview shows it until then."
    note: Line = "Note"
    tip: Line = "Tip"
    warning: Line = "Warning"
    play_hint: Line = "Plays from {provider} when you press play"
    cta_text: Line = "Want a coach's eye on your running form?"
    cta_label: Line = "Book a session"
    book_title: Line = "Work with us"
    book_session_heading: Line = "Coaching sessions"
    book_assessment_heading: Line = "Form assessment by video"
    share_heading: Line = "Share this tip"
    share_email: Line = "Share by email"
    share_whatsapp: Line = "Share on WhatsApp"
    share_x: Line = "Share on X"
    share_facebook: Line = "Share on Facebook"
    share_linkedin: Line = "Share on LinkedIn"
    opens_new_tab: Line = "Opens in a new tab"
    copy_link: Line = "Copy link"
    link_copied: Line = "Link copied"
    related_tips: Line = "Related tips"
    comments_heading: Line = "Comments"
    comments_prompt: Line = "Questions about this tip? Ask below; the coach answers every week."
    subscribe_title: Line = "Subscribe"
    subscribe_heading: Line = "Get every tip by email"
    subscribe_text: Line = "One running-form tip a week in your inbox, free."
    subscribe_label: Line = "Your email address"
    subscribe_button: Line = "Subscribe"
    subscribe_privacy: Line = (
        "We use your address only to send the weekly tip; every email has an unsubscribe link."
    )
    email_subject: Line = "{hashtag}: {title}"
    email_view_online: Line = "Read this tip on the website"
    email_unsubscribe: Line = "Unsubscribe"
    email_footer: Line = "You receive this because you subscribed to {site_name}."


def _hex_colour(value: Any) -> str:
    text = str(value).strip()
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", text):
        raise PydanticCustomError(
            "runform_colour", f"'{text}' is not a colour", {"hint": "write it as #rrggbb"}
        )
    return text.lower()


HexColour = Annotated[str, BeforeValidator(_hex_colour)]


class FeedSettings(_Group):
    """The RSS (`/feed.xml`) and JSON Feed (`/feed.json`) of the published tips."""

    enabled: bool = True
    count: int = Field(default=20, ge=1, le=500)  # newest tips in each feed


class CardSettings(_Group):
    """The 1200x630 social card image drawn for each tip (and one for the site)."""

    enabled: bool = True
    background: HexColour | None = None  # default: the theme's primary colour
    foreground: HexColour | None = None  # default: white, or black on light primaries
    font: str | None = None  # a .ttf/.otf file, relative to mkdocs.yml; default: DejaVu Sans
    cache_dir: str = ".cache/runform/cards"  # relative to mkdocs.yml; safe to delete


class GiscusSettings(_Group):
    """giscus (comments as GitHub Discussions): the values giscus' configuration page gives."""

    repo: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")] | None = None
    repo_id: Line | None = None
    category: Line | None = None
    category_id: Line | None = None
    mapping: Annotated[str, Field(pattern=r"^(pathname|url|title|og:title)$")] = "pathname"
    reactions: bool = True
    lang: Line | None = None  # default: theme.language


class IssoSettings(_Group):
    """Isso (self-hosted comments): the server's address and the client's options."""

    url: LinkUrl | None = None  # where Isso runs, e.g. https://comments.example.com/
    require_email: bool = False
    require_author: bool = False
    reply_to_self: bool = False
    max_comments: int | None = Field(default=None, ge=1, le=1000)  # top-level comments shown
    lang: Line | None = None  # default: theme.language


class CommentsSettings(_Group):
    """Comments under each tip (a tip's `comments: false` turns them off there).

    The thread loads only when the reader scrolls near it; the prompt above it is
    `strings.comments_prompt`.
    """

    provider: CommentsProvider = CommentsProvider.NONE
    giscus: GiscusSettings = GiscusSettings()
    isso: IssoSettings = IssoSettings()

    @model_validator(mode="after")
    def _provider_is_configured(self) -> CommentsSettings:
        if self.provider is CommentsProvider.GISCUS:
            giscus = self.giscus
            missing = [
                name
                for name in ("repo", "repo_id", "category", "category_id")
                if getattr(giscus, name) is None
            ]
            if missing:
                raise PydanticCustomError(
                    "runform_comments",
                    "with provider 'giscus' needs giscus: " + ", ".join(missing),
                    {"hint": "copy them from giscus' configuration page, or set provider: none"},
                )
        if self.provider is CommentsProvider.ISSO and self.isso.url is None:
            raise PydanticCustomError(
                "runform_comments",
                "with provider 'isso' needs isso: url",
                {"hint": "give the address of your Isso server, or set provider: none"},
            )
        return self


class ShareSettings(_Group):
    """Plain share links under each tip (no third-party script), plus a copy-link button."""

    enabled: bool = True
    networks: tuple[ShareNetwork, ...] = tuple(ShareNetwork)
    copy_link: bool = True


class SiteSettings(_Group):
    version: Line | None = None  # the runform version that made the site (`runform init`)
    timezone: Annotated[str, BeforeValidator(_timezone)] = "UTC"
    publish_weekday: Weekday = Weekday.FRIDAY
    hashtag: Line = "#RunFormFriday"
    recent_count: int = Field(default=6, ge=0, le=50)
    booking: BookingSettings = BookingSettings()
    strings: Strings = Strings()
    feed: FeedSettings = FeedSettings()
    cards: CardSettings = CardSettings()
    comments: CommentsSettings = CommentsSettings()
    share: ShareSettings = ShareSettings()
    email: EmailSettings = EmailSettings()
