"""`runform email --preview`: one page showing each email light and dark, at 600 and 375 px.

Each email's HTML part is written next to the page (`<slug>.html`) and shown in four frames.
The dark frames show `<slug>.dark.html`: the same HTML with its dark-mode `@media` rule made
unconditional, as a mail client that honours `prefers-color-scheme` shows it in dark mode (a
frame cannot be given its own colour scheme preference).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from runform.site.render import render_text

PREVIEW_PAGE: Final = "preview.html"
FRAMES: Final = ((600, "light"), (600, "dark"), (375, "light"), (375, "dark"))
_DARK_MEDIA: Final = re.compile(r"@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)")


def dark_variant(html: str) -> str:
    """The HTML with its dark-mode rules always on (what a dark-mode reader sees)."""
    return _DARK_MEDIA.sub("@media all", html)


def write_preview(out: Path, emails: Sequence[tuple[str, str, str]]) -> Path:
    """Write each (slug, title, html) as `<slug>.html` and the page showing them all."""
    for slug, _title, html in emails:
        (out / f"{slug}.html").write_text(html, encoding="utf-8")
        (out / f"{slug}.dark.html").write_text(dark_variant(html), encoding="utf-8")
    page = out / PREVIEW_PAGE
    page.write_text(
        render_text(
            "email/preview.html.j2",
            emails=[{"slug": slug, "title": title} for slug, title, _ in emails],
            frames=FRAMES,
        ),
        encoding="utf-8",
    )
    return page
