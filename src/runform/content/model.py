"""The tip format as pydantic models. Field names are exactly the YAML keys.

The reader hands over every scalar as text (bare YAML 1.1 look-alikes marked as `BareScalar`);
the field types below decide what each key accepts and phrase the refusal in the coach's
words. A refusal is a `PydanticCustomError` whose message reads after the key name
("title is 112 characters long ...") and whose context may carry a `hint`.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Final, Union
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from runform.content.scalars import BareScalar
from runform.content.videos import VideoRef, VideoUrlError, parse_start, parse_video_url

_BARE_WORDS: Final = {
    "bool": "a yes/no value",
    "int": "a number",
    "float": "a number",
    "timestamp": "a date",
}
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_IMAGE_SUFFIXES: Final = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".svg")
# Every character Unicode (and so YAML, Python-Markdown and browsers) treats as a line break.
_LINE_BREAKS: Final = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# C0/C1 controls other than tab and line feed (YAML escapes such as "\\0", "\\e" and "\\x01"
# produce them; raw ones are refused by the reader already)
_CONTROLS: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _refuse(kind: str, message: str, hint: str | None = None, **context: Any) -> None:
    raise PydanticCustomError(f"runform_{kind}", message, {"hint": hint, **context})


def _as_text(value: Any) -> str:
    """Text as the coach wrote it; refuses bare look-alikes, empty values and non-scalars."""
    if isinstance(value, BareScalar):
        if value.kind == "null":
            _refuse("empty", "is empty", "write a value after the colon")
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
    if control := _CONTROLS.search(value):
        code = ord(control.group())
        if not _LINE_BREAKS.fullmatch(control.group()):
            _refuse(
                "control",
                f"contains the invisible control character U+{code:04X}",
                "delete it (an escape such as \\x01 or \\e in a quoted value makes one)",
            )
    text = value.strip()
    if not text:
        _refuse("empty", "is empty", "write a value")
    if not any(_visible(char) for char in text):
        _refuse("invisible", "has no visible characters", "write a value")
    return text


def _visible(char: str) -> bool:
    """False for spaces and for format characters such as zero-width spaces (category Cf)."""
    return not char.isspace() and unicodedata.category(char) != "Cf"


def _line_validator(max_length: int) -> BeforeValidator:
    def validate(value: Any) -> str:
        text = _as_text(value)
        if line_break := _LINE_BREAKS.search(text):
            char = line_break.group()
            code = f"U+{ord(char):04X}"
            unseen = "" if char == "\n" else f" (it holds the invisible line break {code})"
            _refuse("multiline", f"must be one line{unseen}", "join the lines into one sentence")
        if len(text) > max_length:
            _refuse(
                "too_long",
                f"is {len(text)} characters long; it must be {max_length} or fewer",
                f"shorten it by {len(text) - max_length} characters",
            )
        return text

    return BeforeValidator(validate)


def _markdown(value: Any) -> str:
    text = _as_text(value)
    if line_break := re.search("[\r\x0b\x0c\x1c-\x1e\x85]", text):
        _refuse(
            "control",
            f"contains the invisible control character U+{ord(line_break.group()):04X}",
            "start new lines with a plain line break",
        )
    return text


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
# Editors see what the reader accepts: 90, "1:30" or "1m30s" (YAML reads 1:30 as text).
_START_SCHEMA: Final = {
    "anyOf": [
        {"type": "integer", "minimum": 0},
        {"type": "string", "pattern": r"^[0-9][0-9:hms]*$"},
    ]
}
StartSeconds = Annotated[int, BeforeValidator(_start_seconds), WithJsonSchema(_START_SCHEMA)]
LinkUrl = Annotated[str, BeforeValidator(_link_url)]
HttpUrl = Annotated[str, BeforeValidator(_http_url)]
VideoUrl = Annotated[str, BeforeValidator(_video_url)]
Slug = Annotated[str, BeforeValidator(_slug)]
LocalImage = Annotated[str, BeforeValidator(_local_image)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cue(_Strict):
    name: Annotated[str, _line_validator(60)] = Field(
        description="The technique cue: a short name for the movement. Up to 60 characters.",
        examples=["Heel Pull"],
    )
    say: Line | None = Field(
        None,
        description="Optional: a short phrase the runner repeats to themselves while running.",
        examples=["Heel up, under the hip"],
    )


class RationaleSection(_Strict):
    heading: Line = Field(
        description="The section's heading, shown as a ## heading. One line.",
        examples=["Why master the movement?"],
    )
    body: Markdown = Field(
        description="The section's text, in Markdown (emphasis, lists, links).",
        examples=["Picking the foot up under the hip brings the **hamstrings** into the swing."],
    )


class Fault(_Strict):
    name: Line = Field(
        description="What the runner does wrong, in a few words. One line.",
        examples=["Flicking the foot back"],
    )
    fix: Markdown = Field(
        description="How to fix it, in Markdown.",
        examples=["Think *up*, not *back*: the heel travels straight up under the hip."],
    )


class Drill(_Strict):
    name: Line = Field(
        description="The drill's name. One line.", examples=["Wall-supported heel pulls"]
    )
    steps: tuple[Markdown, ...] = Field(
        min_length=1,
        description="The drill's steps, one list item each, in Markdown. At least one.",
        examples=[["Stand tall side-on to a wall.", "Pull the outside heel up under the hip."]],
    )
    dose: Line | None = Field(
        None,
        description="Optional: how much and when, such as sets and repetitions.",
        examples=["2 sets of 10 pulls each leg, before an easy run"],
    )


class NoteKind(StrEnum):
    NOTE = "note"
    TIP = "tip"
    WARNING = "warning"


class Note(_Strict):
    kind: NoteKind = Field(
        NoteKind.NOTE,
        description="How the callout looks: note (the default), tip or warning.",
        examples=["tip"],
    )
    text: Markdown = Field(
        description="The callout's text, in Markdown.",
        examples=["We are not POSE Technique coaches."],
    )


class Video(_Strict):
    url: VideoUrl = Field(
        description="The video's address on YouTube or Vimeo, as copied from the browser.",
        examples=["https://www.youtube.com/watch?v=aaaaaaaaaaa"],
    )
    title: Line = Field(
        description="What the video shows; its name for screen readers. One line.",
        examples=["Heel pull drill, demonstrated by Jeff Grant"],
    )
    credit: Line | None = Field(
        None,
        description="Who made the video, shown under it. `runform check` warns when it is missing.",
        examples=["Jeff Grant, Hillseeker Fitness"],
    )
    credit_url: HttpUrl | None = Field(
        None,
        description="Optional: a web address the credit links to (https://…).",
        examples=["https://example.com/jeff-grant"],
    )
    start: StartSeconds | None = Field(
        None,
        description="Optional: where the video starts, in seconds (90), m:ss or h:mm:ss ('1:30').",
        examples=["1:30"],
    )
    poster: LocalImage | None = Field(
        None,
        description="Optional: a still image shown before the video plays, a path under docs/.",
        examples=["images/heel-pull.jpg"],
    )

    @property
    def ref(self) -> VideoRef:
        return parse_video_url(self.url)

    @property
    def start_seconds(self) -> int | None:
        """`start:` if given, else a start time found in the URL."""
        return self.start if self.start is not None else self.ref.start


class CallToAction(_Strict):
    text: Line = Field(
        description="The sentence above the button. One line.",
        examples=["Struggling with your heel pull? Book a form check."],
    )
    label: Annotated[str, _line_validator(40)] = Field(
        description="The button's words. Up to 40 characters.",
        examples=["Book a form check"],
    )
    url: LinkUrl = Field(
        description="Where the button goes: https://…, mailto:… or a site path such as /about/.",
        examples=["https://example.com/book"],
    )


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
    title: Title = Field(
        description="The tip's title. One line, up to 90 characters.", examples=["Heel Pick Up"]
    )
    date: PublishDate = Field(
        description="The publish day, YYYY-MM-DD; the same date starts the file name.",
        examples=["2026-11-27"],
    )
    summary: Summary = Field(
        description="One or two sentences on what the reader gains, shown on cards, in feeds and"
        " to search engines. One line, up to 240 characters; keep it under 160.",
        examples=["Pull the heel up under the hip so your hamstrings share the work of the swing."],
    )
    cue: Cue = Field(
        description="The technique cue: its name, and optionally a phrase to say.",
        examples=[{"name": "Heel Pull", "say": "Heel up, under the hip"}],
    )
    rationale: tuple[RationaleSection, ...] = Field(
        min_length=1,
        description="Why it matters: one or more sections, each a heading and a Markdown body.",
        examples=[
            [{"heading": "Why master the movement?", "body": "It brings in the hamstrings."}]
        ],
    )
    slug: Slug | None = Field(
        None,
        description="Optional: the page address (/tips/<slug>/); by default the file name's.",
        examples=["heel-pick-up"],
    )
    draft: Flag = Field(
        False,
        description="true keeps the tip out of the site (only the preview shows it).",
        examples=[True],
    )
    teaser: Line | None = Field(
        None,
        description="Optional: one line shown on the home page while this tip is next up.",
        examples=["Lift the heel, not the knee: a hamstring cue for a lighter swing."],
    )
    intro: Markdown | None = Field(
        None,
        description="Optional: an opening paragraph before the cue, in Markdown.",
        examples=["The **Heel Pull** is one of the cues runners find hardest at first."],
    )
    tags: tuple[TagName, ...] = Field(
        (),
        description="Topics for the Tags page, each up to 40 characters. `check` warns when empty.",
        examples=[["swing phase", "hamstrings", "drills"]],
    )
    muscles: tuple[Line, ...] = Field(
        (),
        description="Optional: the muscles the tip works, listed under 'Muscles involved'.",
        examples=[["Hamstrings", "Hip flexors"]],
    )
    video: Video | None = Field(
        None,
        description="Optional: a YouTube or Vimeo video shown with the tip.",
        examples=[{"url": "https://youtu.be/aaaaaaaaaaa", "title": "Heel pull drill"}],
    )
    faults: tuple[Fault, ...] = Field(
        (),
        description="Optional: common faults, each a name and a Markdown fix.",
        examples=[[{"name": "Flicking the foot back", "fix": "Think *up*, not *back*."}]],
    )
    drill: Drill | None = Field(
        None,
        description="Optional: one drill to practise the cue: a name, steps and a dose.",
        examples=[{"name": "Wall-supported heel pulls", "steps": ["Stand tall by a wall."]}],
    )
    notes: tuple[Note, ...] = Field(
        (),
        description="Optional: callouts at the end, each of kind note, tip or warning.",
        examples=[[{"kind": "note", "text": "We are not POSE Technique coaches."}]],
    )
    comments: Flag = Field(
        True, description="false turns comments off for this tip.", examples=[False]
    )
    cta: CtaChoice = Field(
        True,
        description="The booking block at the end: true (the site's), false (none), or this"
        " tip's own text, label and url.",
        examples=[False, {"text": "Book a form check.", "label": "Book", "url": "/about/"}],
    )


TIP_KEYS: Final = frozenset(Tip.model_fields)
