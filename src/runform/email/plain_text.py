"""`EmailContent` -> the text/plain part, written from the tip itself (not from the HTML part).

The cue first, then each section under an underlined heading, faults as "fault → fix" lines,
the drill as numbered steps with its dose, notes, the booking link and the tip's address.
Markdown fields are read through their sanitized HTML (an allowlist of eleven tags, see
`runform.markup`), turned into text by `markdown_text`: paragraphs, list items, and links as
"text (address)". Python's `html.parser` is enough for that closed set of tags, so no HTML-to-
text library is needed. Lines are wrapped at 72 characters, never inside an address.
"""

from __future__ import annotations

import textwrap
from html.parser import HTMLParser
from typing import Final

from runform.email.content import EmailContent

WIDTH: Final = 72
_BLOCKS: Final = frozenset({"p", "li", "pre", "blockquote", "ul", "ol"})


class _TextWriter(HTMLParser):
    """Sanitized tip HTML -> paragraphs of text (a list item starts with "- " or "1. ")."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._lists: list[list[int]] = []  # per open list: [next number] or [] for bullets
        self._href: list[str | None] = []
        self._link_text: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.paragraphs.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._flush()
        if tag == "ul":
            self._lists.append([])
        elif tag == "ol":
            start = dict(attrs).get("start") or "1"
            self._lists.append([int(start) if start.isdigit() else 1])
        elif tag == "li":
            counter = self._lists[-1] if self._lists else []
            indent = "  " * max(len(self._lists) - 1, 0)
            if counter:
                self._current.append(f"{indent}{counter[0]}. ")
                counter[0] += 1
            else:
                self._current.append(f"{indent}- ")
        elif tag == "br":
            self._current.append(" ")
        elif tag == "a":
            self._href.append(dict(attrs).get("href"))
            self._link_text.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol") and self._lists:
            self._lists.pop()
        if tag == "a" and self._href:
            href, text = self._href.pop(), self._link_text.pop().strip()
            if href and href not in (text, f"mailto:{text}"):
                self._current.append(f" ({href})")
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._current.append(data)
        if self._link_text:
            self._link_text[-1] += data

    def close(self) -> None:
        super().close()
        self._flush()


def markdown_text(html: str) -> list[str]:
    """Sanitized HTML of a Markdown field -> its paragraphs and list items, as plain text."""
    writer = _TextWriter()
    writer.feed(html)
    writer.close()
    return writer.paragraphs


def render_plain_text(content: EmailContent) -> str:
    """The whole text/plain part, lines ending with "\\n"."""
    tip, strings = content.tip, content.strings
    out: list[str] = []

    def para(text: str, indent: str = "", *, gap: bool = True) -> None:
        hanging = indent + " " * _marker_width(text)
        out.append(
            textwrap.fill(
                text,
                WIDTH,
                initial_indent=indent,
                subsequent_indent=hanging,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
        if gap:
            out.append("")

    def heading(text: str) -> None:
        out.extend([text, "-" * min(len(text), WIDTH), ""])

    def markdown(html: str, indent: str = "") -> None:
        paragraphs = markdown_text(html)
        for paragraph, following in zip(paragraphs, [*paragraphs[1:], ""], strict=True):
            tight = bool(_marker_width(paragraph) and _marker_width(following))
            para(paragraph, indent, gap=not tight)

    out.extend([tip.title, "=" * min(len(tip.title), WIDTH), ""])
    para(tip.summary)
    para(f"{strings.cue}: {tip.cue.name}")
    if tip.cue.say:
        para(f"{strings.cue_say}: “{tip.cue.say}”")
    if content.intro_html:
        markdown(content.intro_html)
    if content.play_label:
        para(f"▶ {content.play_label}: {content.url}")
    for section, body in zip(tip.rationale, content.rationale_html, strict=True):
        heading(section.heading)
        markdown(body)
    if tip.faults:
        heading(strings.common_faults)
        for fault, fix in zip(tip.faults, content.fix_html, strict=True):
            fix_paragraphs = markdown_text(fix) or [""]
            para(f"{fault.name} → {fix_paragraphs[0]}")
            for more in fix_paragraphs[1:]:
                para(more, "  ")
    if tip.drill:
        heading(f"{strings.drill}: {tip.drill.name}")
        for number, step in enumerate(content.step_html, start=1):
            lines = markdown_text(step) or [""]
            para(f"{number}. {lines[0]}")
            for more in lines[1:]:
                para(more, "   ")
        if tip.drill.dose:
            para(f"{strings.dose}: {tip.drill.dose}")
    for note, html in zip(tip.notes, content.note_html, strict=True):
        paragraphs = markdown_text(html) or [""]
        para(f"{getattr(strings, note.kind.value)}: {paragraphs[0]}")
        for more in paragraphs[1:]:
            para(more)
    if tip.muscles:
        para(f"{strings.muscles}: {', '.join(tip.muscles)}")
    if content.cta:
        para(f"{content.cta.text} {content.cta.label}: {content.cta.url}")
        if content.cta.assessment_url:
            cta = content.cta
            label = cta.assessment_label or cta.assessment_text
            lead = f"{cta.assessment_text} " if cta.assessment_text and cta.assessment_label else ""
            para(f"{lead}{label}: {cta.assessment_url}")
    para(f"{strings.email_view_online}: {content.url}")
    out.append("-- ")
    para(strings.email_footer.format(site_name=content.site.site_name))
    if content.unsubscribe:
        para(f"{strings.email_unsubscribe}: {content.unsubscribe}")
    return "\n".join(out).rstrip("\n") + "\n"


def _marker_width(text: str) -> int:
    """Width of a list marker ("- ", "12. ") at the start of `text`, for a hanging indent."""
    stripped = text.lstrip(" ")
    if stripped.startswith("- "):
        return len(text) - len(stripped) + 2
    number, dot, _rest = stripped.partition(". ")
    if dot and number.isdigit():
        return len(text) - len(stripped) + len(number) + 2
    return 0
