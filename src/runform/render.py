"""Jinja environment and its filters: the only module that imports jinja2.

Templates only display. Escaping is explicit and on for every template (Jinja's
`select_autoescape()` would leave `*.md.j2` unescaped). Three filters are the only ways tip
text gets out unescaped, each safe for where it is used:
- `markdown`: a Markdown field -> sanitized HTML (runform.markup), for raw HTML blocks;
- `md_inline`: plain text on a Markdown line (a `##` heading), escaped for Markdown and HTML;
- `yaml`: a value in a page's front matter, as a JSON scalar (JSON is YAML);
- `meta_text`: tip text for the front matter. Material's templates print `page.meta` values
  (title, description, tag names) without escaping, so these are HTML-escaped here, once.
  Theme overrides print them as they are and never escape them again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from runform.markup import escape_markdown_inline, markdown_to_html


@dataclass(frozen=True)
class RenderedPage:
    src_uri: str  # "tips/heel-pick-up.md" -> URL /tips/heel-pick-up/
    markdown: str  # front matter (title, description, tags) + body


def _markdown_filter(text: str | None) -> Markup:
    return Markup(markdown_to_html(text)) if text else Markup("")


def _md_inline_filter(text: str) -> Markup:
    return Markup(escape_markdown_inline(text))


def _yaml_filter(value: Any) -> Markup:
    return Markup(json.dumps(value, ensure_ascii=False))


def _meta_text_filter(value: str | tuple[str, ...] | list[str]) -> Markup:
    if isinstance(value, str):
        return _yaml_filter(escape(value))
    return _yaml_filter([escape(item) for item in value])


def _make_environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("runform", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["markdown"] = _markdown_filter
    environment.filters["md_inline"] = _md_inline_filter
    environment.filters["yaml"] = _yaml_filter
    environment.filters["meta_text"] = _meta_text_filter
    return environment


_ENVIRONMENT = _make_environment()


def render_page(src_uri: str, template: str, **context: Any) -> RenderedPage:
    return RenderedPage(src_uri, _ENVIRONMENT.get_template(template).render(**context))


def render_text(template: str, **context: Any) -> str:
    """A whole document (such as the preview's error page), not a site page."""
    return _ENVIRONMENT.get_template(template).render(**context)
