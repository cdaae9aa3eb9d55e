"""runform's stylesheet and script as the built site serves them: minified, the icons inlined,
and named after their content, as Material names its own (`main.<hash>.min.css`).

The theme ships readable `assets/runform/runform.css`, `runform.js` and `icons/*.svg`. A
build turns them into

- `assets/runform/runform.<hash>.min.css`: every `url("icons/<name>.svg")` replaced by the
  SVG itself as a `data:` URL (Material draws its own icons the same way, as CSS masks of
  inlined SVG), then minified with rcssmin; the seven icons cost no request;
- `assets/runform/runform.<hash>.min.js`: minified with rjsmin.

`<hash>` is the first 8 hex digits of the SHA-256 of the minified text, so a reader's browser
may keep them for as long as it likes: new content gets a new name. The sources are given as
text (the glue reads them where MkDocs found them, so a coach's `custom_dir` copy still wins).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final
from urllib.parse import quote

import rcssmin
import rjsmin

ASSETS_DIR: Final = "assets/runform"
CSS_SOURCE: Final = f"{ASSETS_DIR}/runform.css"
JS_SOURCE: Final = f"{ASSETS_DIR}/runform.js"
ICONS_DIR: Final = f"{ASSETS_DIR}/icons"
_ICON_URL: Final = re.compile(r"""url\(\s*["']?icons/([A-Za-z0-9_-]+\.svg)["']?\s*\)""")
# what a data: URL may keep as it is inside url("…"); everything else is percent-encoded
_DATA_SAFE: Final = " '/:=.-,;()"


@dataclass(frozen=True)
class ThemeAssets:
    """The built stylesheet and script: their paths in the site and their text."""

    css_path: str  # "assets/runform/runform.1a2b3c4d.min.css"
    js_path: str  # "assets/runform/runform.5e6f7a8b.min.js"
    files: Mapping[str, str]  # path in the site -> text, both of the above


def svg_data_url(svg: str) -> str:
    """An SVG document as a `data:` URL for CSS: one line, its double quotes made single,
    the rest percent-encoded where a URL needs it ("#" "<" ">" "%")."""
    one_line = " ".join(svg.split()).replace('"', "'")
    return "data:image/svg+xml;charset=utf-8," + quote(one_line, safe=_DATA_SAFE)


def inline_icons(css: str, read_icon: Callable[[str], str | None]) -> str:
    """`css` with each `url("icons/<name>.svg")` replaced by the icon as a data: URL;
    `read_icon(name)` gives an icon's SVG text, or None to leave the reference as it is."""

    def inline(match: re.Match[str]) -> str:
        svg = read_icon(match.group(1))
        return match.group(0) if svg is None else f'url("{svg_data_url(svg)}")'

    return _ICON_URL.sub(inline, css)


def _hashed(stem: str, text: str, suffix: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{ASSETS_DIR}/{stem}.{digest}.min.{suffix}"


def build_theme_assets(css: str, js: str, read_icon: Callable[[str], str | None]) -> ThemeAssets:
    """The minified, content-named stylesheet and script from runform.css and runform.js."""
    css_min = rcssmin.cssmin(inline_icons(css, read_icon))
    js_min = rjsmin.jsmin(js)
    css_path, js_path = _hashed("runform", css_min, "css"), _hashed("runform", js_min, "js")
    return ThemeAssets(css_path, js_path, {css_path: css_min, js_path: js_min})
