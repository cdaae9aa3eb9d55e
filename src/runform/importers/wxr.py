"""A WordPress export (WXR 1.0-1.2, what Tools -> Export writes) -> plain `Export` data.

Contract:
- The file is untrusted XML. It is parsed by defusedxml over the standard library's expat
  parser: entity declarations (the billion-laughs bomb, external entities) and external
  references are refused, and files larger than `max_bytes` are refused before parsing.
- Expat decodes the bytes by the encoding the XML declaration names (UTF-8, UTF-16,
  ISO-8859-1, windows-1252 and the other single-byte codecs Python knows), so old non-UTF-8
  exports read as they were written. CDATA sections, including the `]]]]><![CDATA[>` splits
  older WordPress versions wrote, are plain text to the parser.
- Every problem is an `ExportError` carrying one `Diagnostic` (file, line, column, message,
  hint); nothing here raises anything else for a bad file.
- The WordPress namespace differs by WXR version (`.../export/1.0/` to `/1.2/`) and by host
  (WordPress.com writes `https://wordpress.org/...`); any of them is read. Values are kept
  as WordPress wrote them (HTML in `content`), dates as naive datetimes (`post_date` in the
  old site's time zone, `post_date_gmt` in UTC).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Final
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeTree

from runform.content.diagnostics import START, Diagnostic, Position

MAX_EXPORT_BYTES: Final = 256 * 1024 * 1024
# http:// in WordPress' own exports, https:// in WordPress.com's; the version follows.
_WP: Final = re.compile(r"https?://(?:www\.)?wordpress\.org/export/")
_CONTENT: Final = "http://purl.org/rss/1.0/modules/content/"
_DC: Final = "http://purl.org/dc/elements/1.1/"
_NO_DATE: Final = "0000-00-00 00:00:00"
_TAG: Final = re.compile(r"\{([^}]*)\}(.*)")
_WXR_VERSION: Final = re.compile(r"export/(1\.\d+)/")


class ExportError(Exception):
    """The export cannot be read; `diagnostic` says where and why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


@dataclass(frozen=True)
class Term:
    """A category or tag on a post: `domain` is "category" or "post_tag"."""

    domain: str
    slug: str  # the term's `nicename`, as in /category/<slug>/
    name: str


@dataclass(frozen=True)
class Comment:
    comment_id: int
    parent: int  # 0 for a top-level comment
    author: str
    author_email: str
    author_url: str
    author_ip: str
    date_gmt: datetime | None
    content: str  # WordPress comment text: plain text with a few HTML tags
    approved: str  # "1" approved, "0" pending, "spam", "trash"
    comment_type: str  # "" or "comment" for comments; "pingback", "trackback"


@dataclass(frozen=True)
class Item:
    """One `<item>`: a post, page, attachment, menu item, ..."""

    post_id: int
    title: str
    link: str
    guid: str
    post_name: str  # percent-encoded when the slug has non-ASCII letters
    post_type: str  # "post", "page", "attachment", ...
    status: str  # "publish", "draft", "future", "pending", "private", "trash", "inherit"
    post_date: datetime | None  # the old site's local time
    post_date_gmt: datetime | None  # UTC; None for drafts never published
    content: str
    excerpt: str
    password: str
    attachment_url: str
    terms: tuple[Term, ...] = ()
    meta: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    comments: tuple[Comment, ...] = ()


@dataclass(frozen=True)
class Export:
    version: str  # "1.2"
    blog_url: str  # wp:base_blog_url (or the channel's link)
    items: tuple[Item, ...]

    def item(self, post_id: int) -> Item | None:
        """The item with `post_id` (attachments are looked up this way)."""
        return self._by_id.get(post_id)

    @cached_property
    def _by_id(self) -> Mapping[int, Item]:
        return {item.post_id: item for item in self.items}


def read_export(path: Path, display: str, *, max_bytes: int = MAX_EXPORT_BYTES) -> Export:
    """Read and parse the export at `path`; raises ExportError with its line on any problem."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _error(
                display,
                START,
                f"the export is {size // (1024 * 1024)} MiB; runform reads exports of up to "
                f"{max_bytes // (1024 * 1024)} MiB",
                "split it with Tools -> Export by category or date range",
            )
        raw = path.read_bytes()
    except OSError as error:
        raise _error(display, START, f"cannot read the export: {error.strerror or error}") from None
    return parse_export(raw, display)


def parse_export(raw: bytes, display: str) -> Export:
    """The bytes of an export -> Export; raises ExportError."""
    try:
        root = SafeTree.fromstring(raw, forbid_dtd=False, forbid_entities=True)
    except defusedxml.DefusedXmlException as error:
        where = _position_of(raw, b"<!ENTITY") or _position_of(raw, b"<!DOCTYPE") or START
        raise _error(
            display,
            where,
            f"the export declares XML entities ({type(error).__name__}); a WordPress export "
            "never does, and they can hide a denial-of-service or read local files",
            "export the site again from WordPress",
        ) from None
    except ParseError as error:
        line, col = error.position
        message = str(error).split(":")[0]
        # breaking on the last line is how a cut-off download looks; before it, a character
        # or tag in the text that XML does not allow
        cut_off = line >= len(raw.rstrip().split(b"\n"))
        raise _error(
            display,
            Position(line, col + 1),
            f"the export is not well-formed XML: {message}",
            "export it again from WordPress; a cut-off download ends like this"
            if cut_off
            else "see what the file has at this line, then export it again from WordPress",
        ) from None
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise _error(
            display,
            START,
            "this is not a WordPress export (no <rss><channel>)",
            "use the file WordPress writes at Tools -> Export",
        )
    fields = _fields(channel)
    version = fields.get("wp:wxr_version", "")
    if not version:
        found = _WXR_VERSION.search(raw[:4096].decode("latin-1"))
        version = found.group(1) if found else ""
    if not version:
        raise _error(
            display,
            START,
            "this RSS file is not a WordPress export (no wp:wxr_version)",
            "use the file WordPress writes at Tools -> Export",
        )
    blog_url = fields.get("wp:base_blog_url") or fields.get("link", "")
    items = tuple(_item(element) for element in channel.iterfind("item"))
    return Export(version=version, blog_url=blog_url, items=items)


def _error(display: str, where: Position, message: str, hint: str | None = None) -> ExportError:
    return ExportError(Diagnostic.at(display, where, message, hint))


def _position_of(raw: bytes, needle: bytes) -> Position | None:
    index = raw.find(needle)
    if index < 0:
        return None
    line = raw.count(b"\n", 0, index) + 1
    return Position(line, index - (raw.rfind(b"\n", 0, index) + 1) + 1)


def _key(tag: str) -> str:
    """'{http://wordpress.org/export/1.2/}post_id' -> 'wp:post_id'."""
    match = _TAG.fullmatch(tag)
    if not match:
        return tag
    namespace, name = match.groups()
    if _WP.match(namespace):
        return f"excerpt:{name}" if namespace.rstrip("/").endswith("excerpt") else f"wp:{name}"
    if namespace == _CONTENT:
        return f"content:{name}"
    if namespace == _DC:
        return f"dc:{name}"
    return f"{{{namespace}}}{name}"


def _fields(element: Element) -> dict[str, str]:
    """The text of each direct child, first of each name."""
    fields: dict[str, str] = {}
    for child in element:
        fields.setdefault(_key(child.tag), child.text or "")
    return fields


def _int(text: str) -> int:
    text = text.strip()
    return int(text) if text.isdigit() else 0


def _date(text: str) -> datetime | None:
    text = text.strip()
    if not text or text == _NO_DATE:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def _item(element: Element) -> Item:
    fields = _fields(element)
    terms: list[Term] = []
    meta: dict[str, str] = {}
    comments: list[Comment] = []
    for child in element:
        key = _key(child.tag)
        if key == "category":
            terms.append(
                Term(
                    domain=child.get("domain", "category"),
                    slug=child.get("nicename", ""),
                    name=(child.text or "").strip(),
                )
            )
        elif key == "wp:postmeta":
            pair = _fields(child)
            meta.setdefault(pair.get("wp:meta_key", ""), pair.get("wp:meta_value", ""))
        elif key == "wp:comment":
            comments.append(_comment(_fields(child)))
    return Item(
        post_id=_int(fields.get("wp:post_id", "")),
        title=fields.get("title", "").strip(),
        link=fields.get("link", "").strip(),
        guid=fields.get("guid", "").strip(),
        post_name=fields.get("wp:post_name", "").strip(),
        post_type=fields.get("wp:post_type", "").strip(),
        status=fields.get("wp:status", "").strip(),
        post_date=_date(fields.get("wp:post_date", "")),
        post_date_gmt=_date(fields.get("wp:post_date_gmt", "")),
        content=fields.get("content:encoded", ""),
        excerpt=fields.get("excerpt:encoded", ""),
        password=fields.get("wp:post_password", ""),
        attachment_url=fields.get("wp:attachment_url", "").strip(),
        terms=tuple(terms),
        meta=MappingProxyType(meta),
        comments=tuple(comments),
    )


def _comment(fields: Mapping[str, str]) -> Comment:
    return Comment(
        comment_id=_int(fields.get("wp:comment_id", "")),
        parent=_int(fields.get("wp:comment_parent", "")),
        author=fields.get("wp:comment_author", "").strip(),
        author_email=fields.get("wp:comment_author_email", "").strip(),
        author_url=fields.get("wp:comment_author_url", "").strip(),
        author_ip=fields.get("wp:comment_author_IP", "").strip(),
        date_gmt=_date(fields.get("wp:comment_date_gmt", "")),
        content=fields.get("wp:comment_content", ""),
        approved=fields.get("wp:comment_approved", "").strip(),
        comment_type=fields.get("wp:comment_type", "").strip(),
    )
