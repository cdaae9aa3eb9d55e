"""Tip text -> safe output. The only way anything a tip says reaches a page.

- Markdown fields: rendered once as CommonMark by cmark-gfm (GitHub's C implementation, the
  `cmarkgfm` bindings) in its safe mode, which leaves raw HTML and `javascript:` links out, then
  cleaned by nh3 against an allowlist. The result is HTML that is never parsed as Markdown
  again: pages embed it in raw HTML blocks. This is how PyPI renders the Markdown of package
  descriptions, and it is about thirty times faster than Python-Markdown on tip-sized fields,
  which matters at hundreds of tips (see bench/). Markdown a tip page has no place for (images,
  headings, rules, HTML) is reported by `left_out_markdown`, for `runform check` to warn about.
- Plain-text fields: HTML-escaped (Jinja's autoescape does that in templates), and for the few
  places a page needs Markdown syntax (a `#`/`##` heading, so it reaches the table of contents
  and the search index), every punctuation character becomes a character reference, so no
  Markdown, HTML or attribute-list syntax survives.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Callable
from functools import lru_cache
from typing import Final

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options

ALLOWED_TAGS: Final = frozenset(
    {"p", "br", "em", "strong", "a", "ul", "ol", "li", "code", "pre", "blockquote"}
)
ALLOWED_ATTRIBUTES: Final = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_SCHEMES: Final = frozenset({"http", "https", "mailto"})
# Every ASCII punctuation character, written as a numeric character reference: no Markdown
# extension gives `&#123;` a meaning, whereas a backslash escapes only what core Markdown knows.
_MARKDOWN_SAFE: Final = str.maketrans({char: f"&#{ord(char)};" for char in string.punctuation})
# Safe mode (no CMARK_OPT_UNSAFE): raw HTML becomes this comment, unsafe link targets empty.
_CMARK_OPTIONS: Final = Options.CMARK_OPT_DEFAULT
_LEFT_OUT: Final = re.compile(r"<(img|h[1-6]|hr)[\s/>]|(<!-- raw HTML omitted -->)")
_LEFT_OUT_NAMES: Final = {"img": "an image", "hr": "a horizontal rule"}


def _drop_protocol_relative(tag: str, attribute: str, value: str) -> str | None:
    """nh3 treats `//host/x` as relative; we accept only real relative links. An empty href
    is what cmark leaves of a `javascript:` link: no link at all is the honest rendering."""
    if attribute == "href" and (
        not value.strip() or value.lstrip().replace("\\", "/").startswith("//")
    ):
        return None
    return value


_CLEANER: Final = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(ALLOWED_SCHEMES),
    attribute_filter=_drop_protocol_relative,
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def _commonmark(text: str) -> str:
    return cmarkgfm.markdown_to_html(text, _CMARK_OPTIONS)


@lru_cache(maxsize=2048)
def markdown_to_html(text: str) -> str:
    """Markdown from a tip -> sanitized HTML. Cached: the tip page, the feeds and the e-mail
    show the same field, and each is converted and cleaned once (fields nest at most
    MAX_MARKDOWN_NESTING deep, so a conversion takes microseconds)."""
    return _CLEANER.clean(_commonmark(text)).rstrip("\n")


def rewrite_links(html_text: str, resolve: Callable[[str], str]) -> str:
    """Sanitized HTML (from `markdown_to_html`) with each link target passed through `resolve`
    (a site path put under the site's own path, a relative link made absolute for a feed or
    an e-mail). Cleaned again by nh3 with the same allowlist, so nothing the first pass refused
    comes back, whatever `resolve` returns."""

    def resolved(tag: str, attribute: str, value: str) -> str | None:
        if tag == "a" and attribute == "href":
            return _drop_protocol_relative(tag, attribute, resolve(value))
        return value

    if "href=" not in html_text:
        return html_text
    return nh3.clean(
        html_text,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_SCHEMES),
        attribute_filter=resolved,
        link_rel="noopener noreferrer",
    ).rstrip("\n")


def left_out_markdown(text: str) -> list[str]:
    """What of a Markdown field a page leaves out, in words ("an image", "raw HTML"), in the
    order it first appears; nh3 drops these tags, and a heading keeps only its text."""
    found: list[str] = []
    for match in _LEFT_OUT.finditer(_commonmark(text)):
        tag = match.group(1)
        name = "raw HTML" if tag is None else _LEFT_OUT_NAMES.get(tag, "a heading")
        if name not in found:
            found.append(name)
    return found


def escape_markdown_inline(text: str) -> str:
    """Plain text for a Markdown line (a heading): nothing in it can become markup."""
    return text.translate(_MARKDOWN_SAFE)


def markdown_to_text(text: str) -> str:
    """Markdown from a tip -> plain text on one line (structured data such as JSON-LD)."""
    return " ".join(html.unescape(nh3.clean(markdown_to_html(text), tags=set())).split())
