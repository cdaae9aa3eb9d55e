"""Jinja environment and its filters: the only module that imports jinja2.

Templates only display. Escaping is explicit and on for every template (Jinja's
`select_autoescape()` would leave `*.md.j2` unescaped). Three filters are the only ways tip
text gets out unescaped, each safe for where it is used:
- `markdown`: a Markdown field -> sanitized HTML (runform.content.markup), for raw HTML blocks;
  its links pass through the context's `resolve_link` when the caller gives one (site paths on
  a site served under a path, absolute links in a feed);
- `md_inline`: plain text on a Markdown line (a `##` heading), escaped for Markdown and HTML;
- `yaml`: a value in a page's front matter, as a JSON scalar (JSON is YAML);
- `meta_text`: tip text for the front matter. Material's templates print `page.meta` values
  (title, description, tag names) without escaping, so these are HTML-escaped here, once.
  Theme overrides print them as they are and never escape them again.

A page's HTML never goes through MkDocs' Markdown pass: templates wrap it in
`{% filter html_block %}…{% endfilter %}`, which sets it aside and leaves an HTML comment in
the Markdown; MkDocs converts only the headings and the coach's own text, and the glue puts the
blocks back into the converted page (`fill_html_blocks`). That keeps sanitized HTML from ever
being parsed as Markdown, and spares MkDocs re-parsing every tip's HTML.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any, Final

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from markupsafe import Markup

from runform.content.markup import escape_markdown_inline, markdown_to_html, rewrite_links


@dataclass(frozen=True)
class RenderedPage:
    src_uri: str  # "tips/heel-pick-up.md" -> URL /tips/heel-pick-up/
    markdown: str  # front matter (title, description, tags) + headings + block markers
    html_blocks: tuple[str, ...] = ()  # what each `<!--runform:block:N-->` marker stands for

    @property
    def html(self) -> str:
        """The page with its blocks in place (the Markdown lines left as they are)."""
        return fill_html_blocks(self.markdown, self.html_blocks)


_BLOCK_MARKER = re.compile(r"<!--runform:block:(\d+)-->")


def fill_html_blocks(html: str, blocks: Sequence[str]) -> str:
    """Put each set-aside HTML block back where its marker is (markers come only from us:
    tip text cannot produce an HTML comment, it is escaped or sanitized)."""
    return _BLOCK_MARKER.sub(lambda match: blocks[int(match.group(1))], html)


@pass_context
def _html_block_filter(context: Context, html: str) -> Markup:
    blocks: list[str] = context["html_blocks"]
    blocks.append(str(html).strip("\n"))
    return Markup(f"\n<!--runform:block:{len(blocks) - 1}-->\n")


@pass_context
def _markdown_filter(context: Context, text: str | None) -> Markup:
    """A Markdown field as sanitized HTML; when the page's context has a `resolve_link`
    (from `site.addresses`), every link target passes through it."""
    if not text:
        return Markup("")
    html = markdown_to_html(text)
    resolve = context.get("resolve_link")
    return Markup(rewrite_links(html, resolve) if resolve is not None else html)


def _md_inline_filter(text: str) -> Markup:
    return Markup(escape_markdown_inline(text))


def _yaml_filter(value: Any) -> Markup:
    return Markup(front_matter_value(value))


_YAML_ESCAPES: Final = {'"': '\\"', "\\": "\\\\"}
# what a double-quoted scalar cannot hold as itself: '"', '\\' and all but printable ASCII
_YAML_UNSAFE: Final = re.compile(r'["\\]|[^\x20-\x7e]')


def _yaml_escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _YAML_ESCAPES:
        return _YAML_ESCAPES[char]
    code = ord(char)
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def front_matter_value(value: Any) -> str:
    """One value of a page's front matter as YAML flow text made only of printable ASCII.

    Strings become double-quoted scalars in which every character outside printable ASCII is
    a `\\uXXXX` (or `\\UXXXXXXXX`) escape, so no character of a tip, a line separator (U+2028)
    or `---` included, can end the front matter or change its structure when MkDocs parses it
    again (YAML 1.1, section 5.7 escapes). Lists and tuples become flow sequences, dicts flow
    mappings; booleans, numbers and None are written as YAML reads them back. Raises TypeError
    for any other type.
    """
    if value is None or isinstance(value, bool | int | float):
        return json.dumps(value)
    if isinstance(value, str):
        return '"' + _YAML_UNSAFE.sub(_yaml_escape, value) + '"'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(front_matter_value(item) for item in value) + "]"
    if isinstance(value, dict):
        items = (f"{front_matter_value(str(k))}: {front_matter_value(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    raise TypeError(f"no front matter form for {type(value).__name__}")


def _meta_text_filter(value: str | tuple[str, ...] | list[str]) -> Markup:
    if isinstance(value, str):
        return _yaml_filter(escape(value))
    return _yaml_filter([escape(item) for item in value])


def _environment(folder: str, *, autoescape: bool) -> Environment:
    return Environment(
        loader=PackageLoader("runform", folder),
        autoescape=autoescape,
        auto_reload=False,  # templates ship with the package; the preview clears the cache
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _make_environment() -> Environment:
    environment = _environment("templates", autoescape=True)
    environment.filters["markdown"] = _markdown_filter
    environment.filters["md_inline"] = _md_inline_filter
    environment.filters["yaml"] = _yaml_filter
    environment.filters["meta_text"] = _meta_text_filter
    environment.filters["html_block"] = _html_block_filter
    return environment


_ENVIRONMENT = _make_environment()


def render_page(src_uri: str, template: str, **context: Any) -> RenderedPage:
    blocks: list[str] = []
    markdown = _ENVIRONMENT.get_template(template).render(**context, html_blocks=blocks)
    return RenderedPage(src_uri, markdown, tuple(blocks))


def render_text(template: str, **context: Any) -> str:
    """A whole document (such as the preview's error page), not a site page."""
    return _ENVIRONMENT.get_template(template).render(**context)


def reload_templates() -> None:
    """Forget compiled templates, so the next render reads them again (the preview calls this
    on every rebuild; a build compiles each template once and never looks at its file again)."""
    if _ENVIRONMENT.cache is not None:
        _ENVIRONMENT.cache.clear()


class _TemplateCache(FileSystemBytecodeCache):
    """Jinja's compiled-template cache; a folder that cannot be written only means compiling
    again next time, never a failed build."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def template_cache() -> BytecodeCache | None:
    """A cache of compiled templates in Jinja's own per-user folder (a folder in the system's
    temporary folder that only this user may write, which Jinja checks), or None when it
    cannot be made. Compiled templates are code that runs: never kept in the project folder,
    where a clone or a pull request could bring a file. Jinja keys each entry by the
    template's name and a checksum of its source and writes it atomically (Jinja docs,
    "Bytecode Cache"), so a changed template is compiled again and two builds at once share
    the folder safely. A build then compiles no template it compiled before: runform's own,
    and the theme's (Material's ~40 templates, which MkDocs would otherwise compile on every
    build and every preview rebuild)."""
    try:
        return _TemplateCache()
    except (OSError, RuntimeError):  # Jinja refuses a folder it does not trust
        return None


def use_template_cache(cache: BytecodeCache | None) -> None:
    """Compile runform's own templates through `cache` (`template_cache`) from now on."""
    _ENVIRONMENT.bytecode_cache = cache


def _make_starter_environment() -> Environment:
    """The site template (`runform init`): YAML, Markdown and Python files, not HTML, so no
    HTML escaping; every coach value placed in YAML goes through `yaml`, in Markdown through
    `md_text`."""
    environment = _environment("site_template", autoescape=False)
    environment.filters["yaml"] = front_matter_value
    environment.filters["md_text"] = _markdown_text
    return environment


_MARKDOWN_SPECIAL: Final = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def _markdown_text(text: str) -> str:
    """Plain text in a Markdown file the coach edits: backslash escapes (CommonMark 2.4) for
    the characters that start markup, which keep the file readable."""
    return text.translate(_MARKDOWN_SPECIAL)


_STARTER = _make_starter_environment()


def render_starter(template: str, **context: Any) -> str:
    """One file of the site template (`site_template/<template>`), rendered."""
    return _STARTER.get_template(template).render(**context)
