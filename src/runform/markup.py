"""Tip text -> safe output. The only way anything a tip says reaches a page.

- Markdown fields: rendered once by Python-Markdown with a fixed, small extension set and raw
  HTML switched off, then cleaned by nh3 against an allowlist. The result is HTML that is never
  parsed as Markdown again: pages embed it in raw HTML blocks.
- Plain-text fields: HTML-escaped (Jinja's autoescape does that in templates), and for the few
  places a page needs Markdown syntax (a `#`/`##` heading, so it reaches the table of contents
  and the search index), every punctuation character becomes a character reference, so no
  Markdown, HTML or attribute-list syntax survives.
"""

from __future__ import annotations

import html
import string
from functools import lru_cache
from typing import Final

import markdown
import nh3

ALLOWED_TAGS: Final = frozenset(
    {"p", "br", "em", "strong", "a", "ul", "ol", "li", "code", "pre", "blockquote"}
)
ALLOWED_ATTRIBUTES: Final = {"a": {"href", "title"}}
ALLOWED_SCHEMES: Final = frozenset({"http", "https", "mailto"})
# Every ASCII punctuation character, written as a numeric character reference: no Markdown
# extension gives `&#123;` a meaning, whereas a backslash escapes only what core Markdown knows.
_MARKDOWN_SAFE: Final = str.maketrans({char: f"&#{ord(char)};" for char in string.punctuation})


def _drop_protocol_relative(tag: str, attribute: str, value: str) -> str | None:
    """nh3 treats `//host/x` as relative; we accept only real relative links."""
    if attribute == "href" and value.lstrip().replace("\\", "/").startswith("//"):
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


def _markdown_converter() -> markdown.Markdown:
    converter = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    # No raw HTML from a tip: '<b>' in a tip is text, shown as written.
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    # Nor what the allowlist would strip anyway: images, e-mail autolinks, headings and rules.
    # Fewer patterns also make each conversion about a third faster (see bench/).
    for pattern in ("image_link", "image_reference", "short_image_ref", "automail"):
        converter.inlinePatterns.deregister(pattern)
    for block in ("hashheader", "setextheader", "hr"):
        converter.parser.blockprocessors.deregister(block)
    return converter


_CONVERTER: Final = _markdown_converter()


@lru_cache(maxsize=8192)
def markdown_to_html(text: str) -> str:
    """Markdown from a tip -> sanitized HTML (cached: the same text renders the same)."""
    html = _CONVERTER.reset().convert(text)
    return _CLEANER.clean(html)


def escape_markdown_inline(text: str) -> str:
    """Plain text for a Markdown line (a heading): nothing in it can become markup."""
    return text.translate(_MARKDOWN_SAFE)


def markdown_to_text(text: str) -> str:
    """Markdown from a tip -> plain text on one line (structured data such as JSON-LD)."""
    return " ".join(html.unescape(nh3.clean(markdown_to_html(text), tags=set())).split())
