"""The editor page, `admin/index.html`, and the files of the published site's `/admin/`.

The page is a bare HTML document that loads one editor script; the editor then reads
`config.yml` next to the page. It tells search engines to stay away (`noindex`) and is no
Markdown page of the site: the glue hands both files to MkDocs as generated static files,
so they are in no sitemap, search index, feed or navigation, and readers' pages load no
editor JavaScript.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

from runform.content.records import Strings
from runform.site.admin.addresses import github_repo
from runform.site.admin.assets import SVELTIA, EditorBundle
from runform.site.pages import SiteContext
from runform.site.render import render_text

ADMIN_DIR: Final = "admin"


def admin_html(bundle: EditorBundle, *, title: str, language: str, script_url: str = "") -> str:
    """The editor page for `bundle`: from the pinned CDN address with its SRI hash, or from
    `script_url` (a local copy, served by runform itself; no hash needed)."""
    return render_text(
        "admin.html.j2",
        title=title,
        language=language,
        script_url=script_url or bundle.cdn_url,
        script_host=urlsplit(script_url or bundle.cdn_url).netloc or "this computer",
        integrity="" if script_url else bundle.integrity,
    )


def admin_files(
    site: SiteContext, strings: Strings, repo_url: str, *, branch: str = "main"
) -> dict[str, str]:
    """`admin/index.html` and `admin/config.yml` for the built site (Sveltia CMS, committing
    to `branch` of the GitHub repository of mkdocs.yml's `repo_url`), by path under the site;
    none when `repo_url` is not a GitHub repository (the editor could not save anywhere)."""
    repo = github_repo(repo_url)
    if repo is None:
        return {}
    # the editor's fields come from the tip model: pydantic, loaded only for a site with an editor
    from runform.site.admin.config import config_yaml, published_config

    config = published_config(repo, strings, branch=branch, site_url=site.site_url)
    page = admin_html(SVELTIA, title=f"{site.site_name}: editor", language=site.language)
    return {f"{ADMIN_DIR}/index.html": page, f"{ADMIN_DIR}/config.yml": config_yaml(config)}
