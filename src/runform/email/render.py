"""`EmailContent` -> the HTML part: Jinja -> MJML -> HTML (`mjml-python`) -> CSS inlined.

MJML (through MRML, its Rust port, as `mjml-python`) writes the table layout mail clients
need: one 600 px column that narrows on phones, Outlook's conditional tables, no script, no
web font (`fonts={}`: no font link). `css-inline` then moves the stylesheet into `style`
attributes (Gmail and others drop most `<style>` rules) and keeps only the `@media` rules in a
`<style>` element: MJML's narrow-screen rules and the dark-mode colours, which apply where a
client honours `prefers-color-scheme` (Apple Mail, iOS, Outlook for Mac); the `color-scheme`
meta tags tell clients that the message has its own dark colours.

Gmail clips a message whose HTML is over 102 KB, hiding the rest (and the unsubscribe link)
behind "View entire message": `render_html` refuses to write one that large.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

import css_inline
from markupsafe import Markup
from mjml import mjml2html

from runform.email.content import EmailContent
from runform.site.render import render_text

TEMPLATE: Final = "email/tip.mjml.j2"
GMAIL_CLIP_BYTES: Final = 102_000  # Gmail clips HTML over "102 KB"; counted in bytes, kept safe
_INLINER: Final = css_inline.CSSInliner(
    keep_at_rules=True, load_remote_stylesheets=False, minify_css=True
)


class EmailTooLarge(Exception):
    """The HTML part is over Gmail's clipping limit."""


@dataclass(frozen=True)
class Colours:
    """The email's colours, light and dark; the primary one is the theme's."""

    primary: str
    on_primary: str
    primary_text: str  # the primary colour where it is text on white
    tint: str  # the cue box: the primary colour, very light
    link: str
    text: str = "#1b1b1f"
    muted: str = "#55575d"
    page: str = "#f2f3f5"
    card: str = "#ffffff"
    rule: str = "#dcdde1"
    note: str = "#f6f7f9"
    dark_page: str = "#121316"
    dark_card: str = "#1e1f23"
    dark_text: str = "#e8e8ec"
    dark_muted: str = "#a9abb3"
    dark_tint: str = "#2a2c33"
    dark_link: str = "#9fb4ff"

    @property
    def note_rule(self) -> dict[str, str]:
        return {"note": "#448aff", "tip": "#00bfa5", "warning": "#ff9100"}

    @classmethod
    def from_primary(cls, primary: str) -> Colours:
        white = "#ffffff"
        readable = _readable_on_white(primary)
        return cls(
            primary=readable,
            on_primary=white,
            primary_text=readable,
            tint=_mix(primary, white, 0.9),
            link=readable,
            dark_link=_mix(primary, white, 0.45),
        )


def render_mjml(content: EmailContent) -> str:
    """The MJML source of the email (what `render_html` compiles)."""
    footer = content.strings.email_footer.format(site_name=content.site.site_name)
    return render_text(
        TEMPLATE,
        content=_with_markup(content),
        c=Colours.from_primary(content.site.primary),
        footer=footer,
    )


def render_html(content: EmailContent) -> str:
    """The HTML part; raises EmailTooLarge over Gmail's clipping limit."""
    html = _INLINER.inline(mjml2html(render_mjml(content), disable_comments=True, fonts={}))
    size = len(html.encode("utf-8"))
    if size > GMAIL_CLIP_BYTES:
        raise EmailTooLarge(
            f"the email of '{content.slug}' is {size:,} bytes of HTML; Gmail clips an email "
            f"over {GMAIL_CLIP_BYTES:,} bytes and hides its end (shorten the tip's text)"
        )
    return html


def _with_markup(content: EmailContent) -> EmailContent:
    """The sanitized HTML fields marked safe for the template (autoescape spares them)."""

    def safe(items: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(Markup(item) for item in items)

    return replace(
        content,
        intro_html=Markup(content.intro_html) if content.intro_html else None,
        rationale_html=safe(content.rationale_html),
        fix_html=safe(content.fix_html),
        step_html=safe(content.step_html),
        note_html=safe(content.note_html),
    )


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _mix(colour: str, other: str, amount: float) -> str:
    """`colour` moved `amount` (0..1) of the way towards `other`."""
    mixed = (round(a + (b - a) * amount) for a, b in zip(_rgb(colour), _rgb(other), strict=True))
    return "#" + "".join(f"{value:02x}" for value in mixed)


def _readable_on_white(colour: str) -> str:
    """`colour`, darkened just enough for 4.5:1 against white (WCAG AA for body text)."""
    shade = colour
    for step in range(1, 21):
        if _contrast(shade, "#ffffff") >= 4.5:
            break
        shade = _mix(colour, "#000000", step * 0.05)
    return shade


def _contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(v) for v in _rgb(colour))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
