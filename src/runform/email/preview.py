"""`runform email --preview`: one page showing each email light and dark, at 600 and 375 px.

Each email's HTML part is written next to the page (`<slug>.html`) and shown in four frames.
A frame whose element has `color-scheme: dark` is dark inside too (the embedded document's
`prefers-color-scheme` follows its frame's used colour scheme, CSS Color Adjustment §2), so
the dark-mode rules are seen as a mail client that honours them shows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

from runform.render import render_text

PREVIEW_PAGE: Final = "preview.html"
FRAMES: Final = ((600, "light"), (600, "dark"), (375, "light"), (375, "dark"))


def write_preview(out: Path, emails: Sequence[tuple[str, str, str]]) -> Path:
    """Write each (slug, title, html) as `<slug>.html` and the page showing them all."""
    for slug, _title, html in emails:
        (out / f"{slug}.html").write_text(html, encoding="utf-8")
    page = out / PREVIEW_PAGE
    page.write_text(
        render_text(
            "email/preview.html.j2",
            emails=[
                {"slug": slug, "title": title, "file": f"{slug}.html"} for slug, title, _ in emails
            ],
            frames=FRAMES,
        ),
        encoding="utf-8",
    )
    return page
