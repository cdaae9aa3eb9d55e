"""A generated page's Markdown through the site's own Python-Markdown, without its text parsing.

A page runform generates (a tip, for one) reaches MkDocs as a *skeleton*: front matter, then
only ATX headings (`## Common faults`, their text escaped by the `md_inline` filter, so every
punctuation character is a numeric character reference) and block markers
(`<!--runform:block:N-->`, each alone on a line after a blank one) that stand for HTML runform
rendered itself. Python-Markdown spends most of a skeleton's conversion (about 1 ms a page) in
stages whose result on these two shapes is known in advance: the preprocessors (the raw-HTML
one runs an HTML parser over the whole page to find the markers) and the block parser.

`convert_skeleton` builds the element tree those stages would build, a heading element per
heading line (`HashHeaderProcessor`: `h1`..`h6`, text stripped) and a paragraph holding the
stash placeholder per marker (`HtmlBlockPreprocessor` + `RawHtmlPostprocessor`), then runs the
instance's own tree processors (inline patterns, `toc`'s ids, permalinks and table of
contents, `attr_list`, MkDocs' anchors and title), serializer and postprocessors exactly as
`Markdown.convert` does (Python-Markdown 3.x, `markdown/core.py`). So the coach's `toc`
settings (permalink, slugify, depth) and inline extensions apply as they would.

The glue checks once per build that this gives the same HTML and table of contents as
MkDocs' own rendering of real pages of this site (`mkdocs_glue`); any page that is not a
skeleton, by a strict line grammar, is left to MkDocs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Final

from markdown import Markdown
from markdown.util import AtomicString

# What md_inline writes: a heading's text has no backslash, no control character (tabs and
# Python-Markdown's placeholder characters included) and no '#' other than in numeric
# character references, so it never ends in '#' (HashHeaderProcessor would drop it).
_HEADING: Final = re.compile(
    r"(#{1,6}) ((?:[^#\\\s\x00-\x1f\x7f]|&#\d+;)(?:[^#\\\x00-\x1f\x7f]|&#\d+;)*)"
)
# Preprocessors that change nothing in a skeleton: whitespace normalization (no tabs or
# placeholder characters in one), raw HTML blocks (the markers, stashed here instead), fenced
# code (no line starts with a fence) and MkDocs' collection of raw HTML ids (markers have none).
# Any other (pymdownx.snippets' auto_append, critic, a coach's own) may add or change text,
# which only Python-Markdown's own parsing gets right.
SKELETON_PREPROCESSORS: Final = frozenset(
    {
        "normalize_whitespace",
        "html_block",
        "fenced_code_block",
        "fenced_raw_block",
        "pymdownx-pre-norm-ws",
        "pymdownx-post-norm-ws",
        "mkdocs_raw_html",
    }
)


def takes_skeletons(md: Markdown) -> bool:
    """Whether `md`'s preprocessors all leave a skeleton as it is (`SKELETON_PREPROCESSORS`);
    when not, `convert_skeleton` must not be used with it."""
    return all(item.name in SKELETON_PREPROCESSORS for item in md.preprocessors._priority)


_MARKER: Final = re.compile(r"<!--runform:block:\d+-->")


def convert_skeleton(md: Markdown, text: str) -> str | None:
    """`md.convert(text)` for a skeleton page (`text`: the Markdown after the front matter),
    or None when `text` is anything else (nothing is converted then). `md` must have been
    `reset()` since its last use and pass `takes_skeletons`; blank lines between blocks do not
    change the result, and whitespace between block elements may differ from `md.convert`
    (HTML ignores it)."""
    root = etree.Element(md.doc_tag)
    lines = text.split("\n")
    after_blank = True
    markers: list[tuple[etree.Element, str]] = []
    for index, line in enumerate(lines):
        if not line:
            after_blank = True
            continue
        if heading := _HEADING.fullmatch(line):
            if heading.group(2).endswith(" "):
                return None
            element = etree.SubElement(root, f"h{len(heading.group(1))}")
            element.text = heading.group(2)
        elif _MARKER.fullmatch(line) and after_blank and not _MARKER.match(_next(lines, index)):
            markers.append((etree.SubElement(root, "p"), line))
        else:
            return None
        after_blank = False
    for paragraph, marker in markers:  # stored only once the whole page is known to qualify
        paragraph.text = AtomicString(md.htmlStash.store(marker))
    for processor in md.treeprocessors:
        replaced = processor.run(root)
        if replaced is not None:
            root = replaced
    output = md.serializer(root)
    start = output.find(f"<{md.doc_tag}>")
    end = output.rfind(f"</{md.doc_tag}>")
    # (an empty page serializes as <div />)
    output = "" if start < 0 or end < 0 else output[start + len(md.doc_tag) + 2 : end].strip()
    for processor in md.postprocessors:
        output = processor.run(output)
    return output.strip()


def _next(lines: list[str], index: int) -> str:
    return lines[index + 1] if index + 1 < len(lines) else ""


_BETWEEN_TAGS: Final = re.compile(r">\s+<")


def same_blocks(first: str, second: str) -> bool:
    """Whether two pages' HTML differ at most in whitespace between tags."""
    return _BETWEEN_TAGS.sub("><", first.strip()) == _BETWEEN_TAGS.sub("><", second.strip())
