"""Redirect pages: what the built site serves at an old address from redirects.yml.

Why pages runform writes, not the mkdocs-redirects plugin: the plugin maps one Markdown
source file to another and reads its map from mkdocs.yml, whereas tips are generated pages
with no source file, the map belongs in a file the coach edits and `runform check` reads
(with errors at their line), and WordPress' `/?p=1412` has no path the plugin could write.

- `render_redirect_page`: a small HTML page with `<meta http-equiv="refresh">` to the tip (a
  relative address, so the local preview stays local), `<link rel="canonical">` to the tip's
  full address (search engines move the old page's ranking to it), `noindex`, and a visible
  link for readers whose browser does not follow the refresh. Every value is escaped.
- `query_redirect_script`: a static host serves the home page for `/?p=1412` whatever the
  query says, so the home page carries this one-line script: when the address has `?p=<id>`
  or `?page_id=<id>`, it replaces the address with `p/<id>/`, where a redirect page for that
  post id waits (an unknown id lands on the 404 page). It runs before the page is drawn.
"""

from __future__ import annotations

import html
import json
from typing import Final

from runform.content.redirects import QUERY_FOLDER, Redirect

MOVED_TEXT: Final = "This page has moved to"


def relative_target(redirect: Redirect, tip_url: str) -> str:
    """The tip's address relative to the redirect page: '../../../../tips/heel-pick-up/'."""
    depth = redirect.output_path.count("/")
    return "../" * depth + tip_url.lstrip("/")


def render_redirect_page(
    *, target: str, canonical: str | None, title: str, lang: str = "en", moved: str = MOVED_TEXT
) -> str:
    """The HTML of one redirect page; `target` relative, `canonical` a full address or None."""
    escape = html.escape
    canonical_tag = (
        f'<link rel="canonical" href="{escape(canonical, quote=True)}">\n' if canonical else ""
    )
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(lang, quote=True)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f"{canonical_tag}"
        f'<meta http-equiv="refresh" content="0; url={escape(target, quote=True)}">\n'
        "</head>\n"
        "<body>\n"
        f'<p>{escape(moved)} <a href="{escape(target, quote=True)}">{escape(title)}</a>.</p>\n'
        "</body>\n"
        "</html>\n"
    )


def query_redirect_script(*, use_directory_urls: bool = True) -> str:
    """The `<script>` for the home page that sends `/?p=<id>` to `p/<id>/` (see above)."""
    suffix = "/" if use_directory_urls else "/index.html"
    return (
        "<script>(function(){var m=/[?&](?:p|page_id)=([0-9]{1,12})(?:&|$)/"
        ".exec(location.search);"
        f"if(m){{location.replace({json.dumps(QUERY_FOLDER + '/')}+m[1]+{json.dumps(suffix)})}}"
        "})();</script>"
    )
