"""The build, read top to bottom: settings + catalog + as-of day + preview flag -> SiteBuild.

On the model of MkDocs' own `commands/build.py` and Pelican's "gather everything, then
write": this function decides everything a site shows and returns it as one frozen value;
it writes nothing. The MkDocs glue only adapts that value to MkDocs' events (generated
files, page contexts, the search index), and `runform build` hands it the catalog it has
already read, so every tip is read and validated once per command.

Stages, in order:
1. schedule: which tips are published, scheduled or drafts as of the day (`content.schedule`);
2. shown: the tips that get a page, decided once (`Schedule.shown`);
3. pages: one Markdown page per shown tip, the archive, home and the booking page, and the
   tags page with a list of tips per tag (`site.tag_pages`);
4. search: each shown tip's search entries;
5. publishing: feeds, social cards, <head> metadata, sitemap dates;
6. withheld: files under docs/ that only unpublished tips use (their posters), which a build
   must not publish;
7. admin: the web editor's page and config.yml at /admin/ (`site.admin`), when mkdocs.yml's
   repo_url is a GitHub repository.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from runform.content.catalog import Catalog, Entry
from runform.content.markup import markdown_to_html
from runform.content.records import SiteSettings
from runform.content.schedule import Schedule, build_schedule
from runform.site.addresses import SiteLinks, tip_uri
from runform.site.admin.page import admin_files
from runform.site.cards.style import card_style
from runform.site.dates import word_dates_then_release
from runform.site.pages import SiteContext, build_pages, site_comments
from runform.site.publishing import PublishContext, Publishing, build_publishing
from runform.site.render import (
    RenderedPage,
    template_cache,
    use_template_cache,
)
from runform.site.search_index import TipSearch, tip_search
from runform.site.tag_pages import render_tag_pages, tag_listings


@dataclass(frozen=True)
class SiteInputs:
    """What the site needs from mkdocs.yml besides `extra.runform`."""

    site: SiteContext
    root: Path  # the folder of mkdocs.yml: card fonts and the card cache are relative to it
    palette: Any = None  # theme.palette, for the cards' colours
    repo_url: str = ""  # repo_url: where the editor at /admin/ commits tips


@dataclass(frozen=True)
class SiteBuild:
    """Everything a site shows, decided; nothing written yet."""

    schedule: Schedule
    shown: tuple[Entry, ...]  # the tips with a page, newest first
    pages: tuple[RenderedPage, ...]
    search: Mapping[str, TipSearch]  # by page src_uri, in the order of `shown`
    publishing: Publishing
    withheld: frozenset[str] = field(default_factory=frozenset)  # docs/ paths not to publish
    preview: bool = False
    # the editor at /admin/: file contents by path under the site ("admin/index.html"); static
    # files, never pages, so no sitemap, search, feed or nav has them
    admin_files: Mapping[str, str] = field(default_factory=dict)
    # what every comment thread of the site shares (`pages.site_comments`): the theme's
    # comments partial reads it from the page context; None: no comments
    comments: Mapping[str, Any] | None = None


def build_site(
    settings: SiteSettings,
    catalog: Catalog,
    as_of: date,
    inputs: SiteInputs,
    *,
    preview: bool,
    keep_for_rebuilds: bool = False,
) -> SiteBuild:
    """The whole site as of `as_of`. `preview` shows scheduled tips and drafts too (`serve`).

    keep_for_rebuilds: keep rendered tip pages for the next call (the preview rebuilds on
    every save); a one-off build keeps nothing. The catalog must have no errors (callers
    stop on `catalog.errors` first).
    """
    use_template_cache(template_cache())
    schedule = build_schedule(catalog, as_of)
    shown = schedule.shown(preview=preview)
    site = inputs.site
    if not keep_for_rebuilds:  # the preview keeps Babel's tables for its next rebuild
        word_dates_then_release((entry.tip.date for entry in shown), site.language)
    pages = build_pages(schedule, shown, settings, site, keep_for_rebuilds=keep_for_rebuilds)
    tags = tag_listings(shown)
    pages.extend(render_tag_pages(schedule, tags, settings, site))
    search = {tip_uri(entry.slug): tip_search(entry.tip, settings.strings) for entry in shown}
    cards = settings.cards
    context = PublishContext(
        site=site,
        site_description=site.site_description,
        links=SiteLinks.from_site_url(site.site_url, site.use_directory_urls),
        card_style=card_style(inputs.palette, cards, inputs.root) if cards.enabled else None,
        card_cache=inputs.root / cards.cache_dir,
    )
    publishing = build_publishing(schedule, shown, settings, context, tags=tags)
    if not keep_for_rebuilds:  # every field is converted: MkDocs' pages need the memory
        markdown_to_html.cache_clear()
    return SiteBuild(
        schedule=schedule,
        shown=shown,
        pages=tuple(pages),
        search=search,
        publishing=publishing,
        withheld=_withheld_posters(catalog, shown),
        preview=preview,
        admin_files=admin_files(site, settings.strings, inputs.repo_url),
        comments=site_comments(settings, site),
    )


def _withheld_posters(catalog: Catalog, shown: tuple[Entry, ...]) -> frozenset[str]:
    """Posters under docs/ used only by tips that are not shown: publishing them would show
    an unpublished tip's image at an address named after it."""

    def posters(entries: Any) -> set[str]:
        return {e.tip.video.poster for e in entries if e.tip.video and e.tip.video.poster}

    return frozenset(posters(catalog.entries) - posters(shown))
