"""The validated tip and site settings as plain frozen values: what the catalog, the schedule,
the site and the email edition read.

pydantic checks a tip file (`model.Tip`) and `extra.runform` (`settings.SiteSettings`); the
result is copied into these classes (`validation.as_record`), which have the same names and
fields in the same order (a test compares them). They import nothing of pydantic, so a build
that finds every tip and the settings in the parse cache (`parse_cache.py`) never loads it:
pydantic and the models' validators are about 11 MB of a 500-tip build's peak memory. Slotted
dataclasses also take less memory per tip than model instances. Values: text as `str`, dates as
`datetime.date`, lists as tuples, the enums below; no defaults (every record comes from a
validated model or the cache).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from runform.content.videos import VideoRef, parse_video_url


class NoteKind(StrEnum):
    """How a tip's note looks (Material's admonition kinds)."""

    NOTE = "note"
    TIP = "tip"
    WARNING = "warning"


class Weekday(StrEnum):
    """The day of the week new tips come out."""

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"

    @property
    def index(self) -> int:
        """0 for Monday, as `date.weekday()` counts."""
        return list(Weekday).index(self)


class CommentsProvider(StrEnum):
    """Where comments come from: none, giscus (GitHub Discussions) or an Isso server."""

    NONE = "none"
    GISCUS = "giscus"
    ISSO = "isso"


class ShareNetwork(StrEnum):
    """The share links a tip page may carry."""

    EMAIL = "email"
    WHATSAPP = "whatsapp"
    X = "x"
    FACEBOOK = "facebook"
    LINKEDIN = "linkedin"


class SmtpSecurity(StrEnum):
    """How `runform email send` talks to the SMTP server."""

    STARTTLS = "starttls"  # port 587: plain connection upgraded with STARTTLS (required)
    TLS = "tls"  # port 465: TLS from the first byte
    NONE = "none"  # only for a relay on this machine (tests, a local MTA)


@dataclass(frozen=True, slots=True)
class Cue:
    name: str
    say: str | None


@dataclass(frozen=True, slots=True)
class RationaleSection:
    heading: str
    body: str


class VideoAddress:
    """What a video's `url` and `start` give: the provider and id, and where it starts. Shared
    by the record and the model (`model.Video`), which both have those two fields."""

    __slots__ = ()

    @property
    def ref(self) -> VideoRef:
        """The provider and id read from `url`."""
        return parse_video_url(self.url)  # type: ignore[attr-defined]

    @property
    def start_seconds(self) -> int | None:
        """`start:` if given, else a start time found in the URL."""
        start: int | None = self.start  # type: ignore[attr-defined]
        return start if start is not None else self.ref.start


@dataclass(frozen=True, slots=True)
class Video(VideoAddress):
    url: str
    title: str
    credit: str | None
    credit_url: str | None
    start: int | None
    poster: str | None


@dataclass(frozen=True, slots=True)
class Fault:
    name: str
    fix: str


@dataclass(frozen=True, slots=True)
class Drill:
    name: str
    steps: tuple[str, ...]
    dose: str | None


@dataclass(frozen=True, slots=True)
class Note:
    kind: NoteKind
    text: str


@dataclass(frozen=True, slots=True)
class CallToAction:
    text: str
    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Tip:
    title: str
    date: date
    summary: str
    cue: Cue
    rationale: tuple[RationaleSection, ...]
    slug: str | None
    draft: bool
    teaser: str | None
    intro: str | None
    tags: tuple[str, ...]
    muscles: tuple[str, ...]
    video: Video | None
    faults: tuple[Fault, ...]
    drill: Drill | None
    notes: tuple[Note, ...]
    comments: bool
    cta: bool | CallToAction


@dataclass(frozen=True, slots=True)
class BookingSettings:
    """The call-to-action at the end of every tip and on home: book a session, or send a video."""

    text: str | None
    label: str | None
    url: str | None
    assessment_text: str | None
    assessment_label: str | None
    assessment_url: str | None
    utm: bool
    utm_source: str


@dataclass(frozen=True, slots=True)
class Strings:
    """Every reader-facing word runform writes; a coach may translate any of them."""

    cue: str
    cue_say: str
    video_credit: str
    watch_on: str
    play_video: str
    common_faults: str
    fix: str
    drill: str
    dose: str
    muscles: str
    previous_tip: str
    next_tip: str
    latest_tip: str
    recent_tips: str
    all_tips: str
    archive_years: str
    archive_year_title: str
    tags_title: str
    all_tags: str
    no_tags: str
    tag_title: str
    page_of: str
    pages_label: str
    newer_tips: str
    older_tips: str
    read_tip: str
    next_teaser: str
    draft_banner: str
    draft_label: str
    scheduled_label: str
    scheduled_banner: str
    note: str
    tip: str
    warning: str
    play_hint: str
    cta_text: str
    cta_label: str
    book_title: str
    book_session_heading: str
    book_assessment_heading: str
    share_heading: str
    share_email: str
    share_whatsapp: str
    share_x: str
    share_facebook: str
    share_linkedin: str
    opens_new_tab: str
    copy_link: str
    link_copied: str
    related_tips: str
    comments_heading: str
    comments_prompt: str
    subscribe_title: str
    subscribe_heading: str
    subscribe_text: str
    subscribe_label: str
    subscribe_button: str
    subscribe_privacy: str
    email_subject: str
    email_view_online: str
    email_unsubscribe: str
    email_footer: str


@dataclass(frozen=True, slots=True)
class FeedSettings:
    """The RSS (`/feed.xml`) and JSON Feed (`/feed.json`) of the published tips."""

    enabled: bool
    count: int


@dataclass(frozen=True, slots=True)
class CardSettings:
    """The 1200x630 social card image drawn for each tip (and one for the site)."""

    enabled: bool
    background: str | None
    foreground: str | None
    font: str | None
    cache_dir: str


@dataclass(frozen=True, slots=True)
class GiscusSettings:
    """giscus (comments as GitHub Discussions): the values giscus' configuration page gives."""

    repo: str | None
    repo_id: str | None
    category: str | None
    category_id: str | None
    mapping: str
    reactions: bool
    lang: str | None


@dataclass(frozen=True, slots=True)
class IssoSettings:
    """Isso (self-hosted comments): the server's address and the client's options."""

    url: str | None
    require_email: bool
    require_author: bool
    reply_to_self: bool
    max_comments: int | None
    lang: str | None


@dataclass(frozen=True, slots=True)
class CommentsSettings:
    """Comments under each tip (a tip's `comments: false` turns them off there)."""

    provider: CommentsProvider
    giscus: GiscusSettings
    isso: IssoSettings


@dataclass(frozen=True, slots=True)
class ShareSettings:
    """Plain share links under each tip (no third-party script), plus a copy-link button."""

    enabled: bool
    networks: tuple[ShareNetwork, ...]
    copy_link: bool


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """Where `runform email send` hands the messages over: the coach's provider or list address."""

    host: str | None
    port: int
    security: SmtpSecurity
    user: str | None
    password_env: str
    timeout: int


@dataclass(frozen=True, slots=True)
class SubscribeSettings:
    """The subscribe form on home, under each tip and on /subscribe/."""

    form_url: str | None
    email_field: str


@dataclass(frozen=True, slots=True)
class EmailSettings:
    """The email edition: who sends it, to which list, and how readers subscribe."""

    from_address: str | None
    from_name: str | None
    reply_to: str | None
    to: tuple[str, ...]
    unsubscribe: str | None
    smtp: SmtpSettings
    subscribe: SubscribeSettings

    @property
    def can_send(self) -> bool:
        """A sender, at least one recipient and an SMTP host are set."""
        return bool(self.from_address and self.to and self.smtp.host)


@dataclass(frozen=True, slots=True)
class SiteSettings:
    """`extra.runform` of mkdocs.yml."""

    version: str | None
    timezone: str
    publish_weekday: Weekday
    hashtag: str
    recent_count: int
    booking: BookingSettings
    strings: Strings
    feed: FeedSettings
    cards: CardSettings
    comments: CommentsSettings
    share: ShareSettings
    email: EmailSettings
