"""The tip format as pydantic models. Field names are exactly the YAML keys.

The reader hands over every scalar as text (bare YAML 1.1 look-alikes marked as `BareScalar`);
the field types below decide what each key accepts and phrase the refusal in the coach's
words. A refusal is a `PydanticCustomError` whose message reads after the key name
("title is 112 characters long ...") and whose context may carry a `hint`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Final, Union
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag
from pydantic_core import PydanticCustomError

from runform.scalars import BareScalar
from runform.videos import VideoRef, VideoUrlError, parse_start, parse_video_url

_BARE_WORDS: Final = {
    "bool": "a yes/no value",
    "int": "a number",
    "float": "a number",
    "timestamp": "a date",
}
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_IMAGE_SUFFIXES: Final = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".svg")


def _refuse(kind: str, message: str, hint: str | None = None, **context: Any) -> None:
    raise PydanticCustomError(f"runform_{kind}", message, {"hint": hint, **context})


def _as_text(value: Any) -> str:
    """Text as the coach wrote it; refuses bare look-alikes, empty values and non-scalars."""
    if isinstance(value, BareScalar):
        if value.kind == "null":
            _refuse("empty", "is empty", "write a value after the colon, or remove the key")
        word = _BARE_WORDS.get(value.kind, "something other than text")
        _refuse(
            "bare_value",
            f"'{value}' would be read as {word}, not as text",
            f'put it in quotes: "{value}"',
        )
    if isinstance(value, dict | list):
        _refuse("not_text", "must be text, not a list or a set of keys", "write one value")
    if not isinstance(value, str):
        _refuse("not_text", "must be text")
    text = value.strip()
    if not text:
        _refuse("empty", "is empty", "write a value, or remove the key")
    return text


def _line_validator(max_length: int) -> BeforeValidator:
    def validate(value: Any) -> str:
        text = _as_text(value)
        if "\n" in text:
            _refuse("multiline", "must be one line", "join the lines into one sentence")
        if len(text) > max_length:
            _refuse(
                "too_long",
                f"is {len(text)} characters long; it must be {max_length} or fewer",
                f"shorten it by {len(text) - max_length} characters",
            )
        return text

    return BeforeValidator(validate)


def _markdown(value: Any) -> str:
    return _as_text(value)


def _boolean(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    _refuse("not_bool", f"must be true or false, not '{value}'", "write true or false")
    return None  # unreachable


def _publish_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    text = value.strip() if isinstance(value, str) else ""
    match = _DATE.fullmatch(text)
    if not match:
        _refuse(
            "date_format", f"'{value}' is not a date", "write it as YYYY-MM-DD, e.g. 2026-11-27"
        )
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        _refuse(
            "date_value",
            f"'{text}' is not a real date: there is no month {month}",
            "months run from 01 to 12",
        )
    last_day = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last_day:
        month_name = calendar.month_name[month]
        _refuse(
            "date_value",
            f"'{text}' is not a real date: {month_name} {year} has {last_day} days",
            f"pick a day from 01 to {last_day:02d}",
        )
    return date(year, month, day)


def _start_seconds(value: Any) -> int:
    seconds = parse_start(value) if isinstance(value, str) else None
    if seconds is None:
        _refuse("start", f"'{value}' is not a start time", "write seconds (90) or m:ss (1:30)")
    return seconds


def _web_url(value: Any, *, allow_mailto: bool, allow_site_path: bool) -> str:
    text = _as_text(value)
    parts = urlsplit(text)
    if allow_site_path and text.startswith("/") and not text.startswith("//"):
        return text
    if parts.scheme in ("http", "https") and parts.hostname:
        return text
    if allow_mailto and parts.scheme == "mailto" and "@" in parts.path:
        return text
    allowed = "https://…" + (" or mailto:…" if allow_mailto else "")
    _refuse("url", f"'{text}' is not a web address", f"use an address starting with {allowed}")
    return text


def _link_url(value: Any) -> str:
    return _web_url(value, allow_mailto=True, allow_site_path=True)


def _http_url(value: Any) -> str:
    return _web_url(value, allow_mailto=False, allow_site_path=False)


def _video_url(value: Any) -> str:
    text = _as_text(value)
    try:
        parse_video_url(text)
    except VideoUrlError as error:
        _refuse("video_url", str(error).removeprefix("video url "), error.hint)
    return text


def _slug(value: Any) -> str:
    text = _as_text(value)
    if not _SLUG.fullmatch(text) or len(text) > 80:
        _refuse(
            "slug",
            f"'{text}' is not a slug",
            "use lowercase letters, digits and single dashes, e.g. heel-pick-up",
        )
    return text


def _local_image(value: Any) -> str:
    text = _as_text(value)
    parts = urlsplit(text)
    segments = text.split("/")
    if parts.scheme or text.startswith("/") or ".." in segments or "\\" in text:
        _refuse(
            "poster",
            f"'{text}' must be an image inside docs/",
            "give a path relative to docs/, e.g. images/heel-pull.jpg",
        )
    if not text.lower().endswith(_IMAGE_SUFFIXES):
        _refuse(
            "poster",
            f"'{text}' is not an image file",
            "use a .jpg, .png, .webp, .avif, .gif or .svg file",
        )
    return text


Title = Annotated[str, _line_validator(90)]
Summary = Annotated[str, _line_validator(240)]
Line = Annotated[str, _line_validator(120)]
TagName = Annotated[str, _line_validator(40)]
Markdown = Annotated[str, BeforeValidator(_markdown)]
Flag = Annotated[bool, BeforeValidator(_boolean)]
PublishDate = Annotated[date, BeforeValidator(_publish_date)]
StartSeconds = Annotated[int, BeforeValidator(_start_seconds)]
LinkUrl = Annotated[str, BeforeValidator(_link_url)]
HttpUrl = Annotated[str, BeforeValidator(_http_url)]
VideoUrl = Annotated[str, BeforeValidator(_video_url)]
Slug = Annotated[str, BeforeValidator(_slug)]
LocalImage = Annotated[str, BeforeValidator(_local_image)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cue(_Strict):
    name: Annotated[str, _line_validator(60)]
    say: Line | None = None


class RationaleSection(_Strict):
    heading: Line
    body: Markdown


class Fault(_Strict):
    name: Line
    fix: Markdown


class Drill(_Strict):
    name: Line
    steps: tuple[Markdown, ...] = Field(min_length=1)
    dose: Line | None = None


class NoteKind(StrEnum):
    NOTE = "note"
    TIP = "tip"
    WARNING = "warning"


class Note(_Strict):
    kind: NoteKind = NoteKind.NOTE
    text: Markdown


class Video(_Strict):
    url: VideoUrl
    title: Line
    credit: Line | None = None
    credit_url: HttpUrl | None = None
    start: StartSeconds | None = None
    poster: LocalImage | None = None

    @property
    def ref(self) -> VideoRef:
        return parse_video_url(self.url)

    @property
    def start_seconds(self) -> int | None:
        """`start:` if given, else a start time found in the URL."""
        return self.start if self.start is not None else self.ref.start


class CallToAction(_Strict):
    text: Line
    label: Annotated[str, _line_validator(40)]
    url: LinkUrl


def _cta_kind(value: Any) -> str:
    return "action" if isinstance(value, dict | CallToAction) else "flag"


CtaChoice = Annotated[
    Union[  # noqa: UP007 (pydantic needs the tagged members inside a typing.Union)
        Annotated[bool, BeforeValidator(_boolean), Tag("flag")],
        Annotated[CallToAction, Tag("action")],
    ],
    Discriminator(_cta_kind),
]


class Tip(_Strict):
    title: Title
    date: PublishDate
    summary: Summary
    cue: Cue
    rationale: tuple[RationaleSection, ...] = Field(min_length=1)
    slug: Slug | None = None
    draft: Flag = False
    teaser: Line | None = None
    intro: Markdown | None = None
    tags: tuple[TagName, ...] = ()
    muscles: tuple[Line, ...] = ()
    video: Video | None = None
    faults: tuple[Fault, ...] = ()
    drill: Drill | None = None
    notes: tuple[Note, ...] = ()
    comments: Flag = True
    cta: CtaChoice = True


TIP_KEYS: Final = frozenset(Tip.model_fields)
