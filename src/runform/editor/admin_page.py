"""The editor page, `admin/index.html`, and the files of the published site's `/admin/`.

The page is a bare HTML document that loads one editor script; the editor then reads
`config.yml` next to the page. It tells search engines to stay away (`noindex`) and is
never a MkDocs page: the build writes it after MkDocs is done, so it is in no sitemap,
search index, feed or navigation, and readers' pages load no editor JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from runform.editor.assets import SVELTIA, EditorBundle
from runform.editor.config import config_yaml, published_config
from runform.render import render_text
from runform.settings import Strings

ADMIN_DIR: Final = "admin"


def admin_html(bundle: EditorBundle, *, title: str, language: str, script_url: str = "") -> str:
    """The editor page for `bundle`: from the pinned CDN address with its SRI hash, or from
    `script_url` (a local copy, served by runform itself; no hash needed)."""
    return render_text(
        "admin.html.j2",
        title=title,
        language=language,
        script_url=script_url or bundle.cdn_url,
        integrity="" if script_url else bundle.integrity,
    )


@dataclass(frozen=True)
class PublishedEditor:
    """What the published /admin/ needs to know about the site."""

    repo: str  # "owner/name" on GitHub, from mkdocs.yml's repo_url
    site_name: str
    language: str = "en"
    branch: str = "main"
    site_url: str = ""


def published_admin_files(editor: PublishedEditor, strings: Strings) -> dict[str, str]:
    """`admin/index.html` and `admin/config.yml` for the built site (Sveltia CMS, GitHub)."""
    config = published_config(editor.repo, strings, branch=editor.branch, site_url=editor.site_url)
    page = admin_html(SVELTIA, title=f"{editor.site_name}: editor", language=editor.language)
    return {f"{ADMIN_DIR}/index.html": page, f"{ADMIN_DIR}/config.yml": config_yaml(config)}
