"""Field kinds shared by the tip model and the settings model: what a key accepts, refused
in the coach's words.

The reader hands over every scalar as text (bare YAML 1.1 look-alikes marked as `BareScalar`);
each kind below is an annotated type whose validator turns that text into the value or raises
a `PydanticCustomError` whose message reads after the key name ("title is 112 characters long
...") and whose context may carry a `hint` (pydantic docs, "Custom errors").
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date
from typing import Annotated, Any, Final
from urllib.parse import urlsplit

from pydantic import (
    BeforeValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from runform.content.paths import FIRST_DAY, LAST_DAY, MAX_SLUG, SLUG
from runform.content.scalars import BareScalar, FoldedPlain
from runform.content.videos import VideoUrlError, parse_start, parse_video_url

_BARE_WORDS: Final = {
    "bool": "a yes/no value",
    "int": "a number",
    "float": "a number",
    "timestamp": "a date",
}
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_IMAGE_SUFFIXES: Final = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".svg")
# Every character Unicode (and so YAML, Python-Markdown and browsers) treats as a line break.
# A URL with these is read differently by browsers (WHATWG URL: "\\" is "/" in http(s)
# addresses, tabs and newlines are stripped, spaces end it in HTML attributes unquoted)
_URL_UNSAFE: Final = re.compile(r"[\\\s\x00-\x1f\x7f]")
# Markdown containers (quotes, lists) nested deeper than this are refused: nh3's cleaning time
# grows with the square of the nesting depth, and no tip needs more.
MAX_MARKDOWN_NESTING: Final = 8
_CONTAINER: Final = re.compile(r" {0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?")
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


def line_validator(max_length: int) -> BeforeValidator:
    """One line of text, `max_length` characters at most (`line_length` reads it back)."""

    def validate(value: Any) -> str:
        if isinstance(value, FoldedPlain):
            joined = " ".join(value.split())
            _refuse(
                "multiline",
                f"must be one line, but it goes on on line {value.continued_on}, which YAML"
                f" joins to it: '{joined}'",
                "put it on one line; a new list item or key starts at the indentation of its"
                " own list or keys",
            )
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

    validate.max_length = max_length  # type: ignore[attr-defined]  # for `line_length`
    return BeforeValidator(validate)


def _nesting(line: str) -> int:
    """How many quote and list markers open a line ("> > - x" -> 3)."""
    depth, position = 0, 0
    while match := _CONTAINER.match(line, position):
        if match.end() == position:
            break
        depth, position = depth + 1, match.end()
        if depth > MAX_MARKDOWN_NESTING:
            break
    return depth


def line_length(validator: Any) -> int | None:
    """The length a `line_validator` allows, or None for any other validator (the web
    editor's form states it as the coach types)."""
    length = getattr(getattr(validator, "func", None), "max_length", None)
    return length if isinstance(length, int) else None


def _markdown(value: Any) -> str:
    text = _as_text(value)
    deepest = max((_nesting(line) for line in text.split("\n")), default=0)
    indent = max((len(line) - len(line.lstrip(" ")) for line in text.split("\n")), default=0)
    if deepest > MAX_MARKDOWN_NESTING or indent > 4 * MAX_MARKDOWN_NESTING:
        _refuse(
            "nesting",
            f"nests quotes or lists more than {MAX_MARKDOWN_NESTING} deep",
            "use fewer levels of '>' and of indented lists",
        )
    if line_break := re.search("[\r\x0b\x0c\x1c-\x1e\x85]", text):
        _refuse(
            "control",
            f"contains the invisible control character U+{ord(line_break.group()):04X}",
            "start new lines with a plain line break",
        )
    return text


def boolean(value: Any) -> Any:
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
    if not FIRST_DAY <= date(year, month, day) <= LAST_DAY:
        _refuse(
            "date_range",
            f"'{text}' is outside the years a site can carry",
            f"use a day from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}",
        )
    return date(year, month, day)


def _start_seconds(value: Any) -> int:
    seconds = parse_start(value) if isinstance(value, str) else None
    if seconds is None:
        _refuse("start", f"'{value}' is not a start time", "write seconds (90) or m:ss (1:30)")
    return seconds


def _web_url(value: Any, *, allow_mailto: bool, allow_site_path: bool) -> str:
    text = _as_text(value)
    if bad := _URL_UNSAFE.search(text):
        shown = "a space" if bad.group() == " " else f"'{bad.group()}'"
        _refuse(
            "url",
            f"'{text}' has {shown}, which browsers read differently from how it is written",
            "percent-encode it (a space is %20) or remove it",
        )
    parts = urlsplit(text)
    if allow_site_path and text.startswith("/") and not text.startswith("//"):
        return text
    if parts.scheme in ("http", "https") and parts.hostname:
        return text
    if allow_mailto and parts.scheme == "mailto" and "@" in parts.path:
        return text
    allowed = "https://…" + (" or mailto:…" if allow_mailto else "")
    if not parts.scheme and "." in text.split("/", 1)[0] and not text.startswith("/"):
        _refuse("url", f"'{text}' is not a web address", f"write it in full: https://{text}")
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
    if not SLUG.fullmatch(text) or len(text) > MAX_SLUG:
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


Title = Annotated[str, line_validator(90)]
Summary = Annotated[str, line_validator(240)]
Line = Annotated[str, line_validator(120)]


def _tag_name(value: Any) -> str:
    text = _as_text(value)
    if invisible := next((c for c in text if unicodedata.category(c) == "Cf"), None):
        _refuse(
            "invisible",
            f"contains the invisible character U+{ord(invisible):04X}",
            "delete it: a tag is matched by its letters",
        )
    return text


TagName = Annotated[str, BeforeValidator(_tag_name), line_validator(40)]

# Quotation marks that open and close a quotation in some language, straight ones included.
_QUOTE_OPENERS: Final = (
    "\"'\u201c\u2018\u201e\u201a\u201d\u2019\u00ab\u00bb\u2039\u203a\u300c\u300e"
)
_QUOTE_CLOSERS: Final = "\"'\u201d\u2019\u201c\u2018\u00bb\u00ab\u203a\u2039\u300d\u300f"


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] in _QUOTE_OPENERS and value[-1] in _QUOTE_CLOSERS:
        _refuse(
            "quoted",
            "is in quotation marks; the page puts them around it itself",
            f"leave them out: {value[1:-1].strip()}",
        )
    return value


# A phrase the page shows in quotation marks (the cue's `say`): written without them.
Phrase = Annotated[str, BeforeValidator(_unquoted), line_validator(120)]
Markdown = Annotated[str, BeforeValidator(_markdown)]
Flag = Annotated[bool, BeforeValidator(boolean)]
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
