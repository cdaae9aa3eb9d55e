"""The only module that imports mkdocs: event handlers the hook file re-exports.

on_startup  notes whether this is `mkdocs serve` (preview shows drafts and scheduled tips)
on_config   reads settings and every tip, schedules, renders: all before MkDocs cleans site_dir,
            so a bad tip stops the build and leaves the last good site as it was
on_files    hands the rendered pages to MkDocs as generated files (nothing is written to disk),
            and the editor's /admin/ files as generated static files (no page: no sitemap entry)
on_serve    watches tips/ so the preview rebuilds when a tip changes
on_env      sets each page's sitemap `lastmod` from its tip's date; feed links for every page
on_page_context  a page's <head> metadata (Open Graph, Twitter card, JSON-LD); a tip page's
            search entries, now that its URL and heading ids are known
            (and, for redirects.yml, a redirect page at each old address)
on_post_build  adds the tips' entries to Material's search index; under serve, when a tip is
            broken, puts the error page where the site was

A broken tip stops `mkdocs build`. Under serve it must not: MkDocs' server answers no request
until a rebuild succeeds, so the preview would hang. There the build goes on with no pages
and the error page (every diagnostic, reloading itself) answers every address instead.

build_with_mkdocs / serve_with_mkdocs run MkDocs for `runform build` and `runform serve`;
the site itself is decided by `runform.site.build.build_site`, which the hooks only adapt.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urljoin

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from runform.content.catalog import Catalog, CatalogHandoff, load_catalog, outside_links
from runform.content.diagnostics import ContentError, plural, summarize
from runform.content.parse_cache import PARSE_CACHE
from runform.content.paths import display_path
from runform.content.records import SiteSettings
from runform.content.redirects import REDIRECTS_FILE, Redirect, read_redirects
from runform.content.schedule import preview_enabled, resolve_as_of
from runform.content.site_config import SETTINGS_CACHE, read_site_settings
from runform.site.addresses import ARCHIVE_URI, BOOK_URI, HOME_URI, TAGS_URI
from runform.site.build import SiteInputs, build_site
from runform.site.error_page import PreviewProblems, preview_problems, render_error_page
from runform.site.pages import SiteContext
from runform.site.publishing import Publishing
from runform.site.redirect_pages import query_redirect_script, relative_target, render_redirect_page
from runform.site.render import (
    RenderedPage,
    fill_html_blocks,
    reload_templates,
    template_cache,
)
from runform.site.search_index import SearchEntry, TipSearch, add_tip_entries
from runform.site.skeleton_markdown import convert_skeleton, same_blocks, takes_skeletons
from runform.site.theme_assets import (
    CSS_SOURCE,
    ICONS_DIR,
    JS_SOURCE,
    ThemeAssets,
    build_theme_assets,
)

if TYPE_CHECKING:  # the preview's modules (watchdog among them) load only for `serve`
    from mkdocs.livereload import LiveReloadServer

THEME_DIR = Path(__file__).parent / "theme"
TEMPLATES_DIR = Path(__file__).parent / "templates"
TIPS_DIR_NAME = "tips"
_NAV_PAGES = frozenset({HOME_URI, ARCHIVE_URI, BOOK_URI, TAGS_URI})
SEARCH_INDEX = "search/search_index.json"
ERROR_PAGE_FILES = ("index.html", "404.html")  # the 404 page answers every other address

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class BuildRequest:
    """What `runform build` has already read and decided, handed to the hooks so that a build
    reads mkdocs.yml's settings and every tip once: the as-of day travels as a value. The
    catalog is taken out of its handoff by the build, which lets go of it once the pages are
    rendered."""

    as_of: date | None = None
    settings: SiteSettings | None = None
    catalog: CatalogHandoff | None = None


@dataclass
class _State:
    """Module state survives between `serve` rebuilds, so `on_config` resets all of it."""

    serving: bool = False
    request: BuildRequest = field(
        default_factory=BuildRequest
    )  # set by build_with_mkdocs/serve_with_mkdocs
    pages: list[RenderedPage] = field(default_factory=list)
    html_blocks: dict[str, tuple[str, ...]] = field(default_factory=dict)  # by src_uri
    # the tips with a page, by src_uri: what their search entries say (not the tips themselves,
    # so a build lets go of them once the pages are rendered)
    tips: Mapping[str, TipSearch] = field(default_factory=dict)
    # Kept across `serve` rebuilds, which visit only the pages that changed: by src_uri
    search_entries: dict[str, tuple[SearchEntry, ...]] = field(default_factory=dict)
    # Kept across `serve` rebuilds: what each generated page was last built from
    page_digests: dict[str, str] = field(default_factory=dict)
    config_digest: str = ""
    failure: ContentError | None = None  # under serve: why the preview shows the error page
    publishing: Publishing | None = None  # feeds, card images, <head> metadata, lastmod
    withheld: frozenset[str] = frozenset()  # docs/ files only unpublished tips use
    # redirects.yml: the old addresses of shown tips, with the tip's title
    redirects: list[tuple[Redirect, str]] = field(default_factory=list)
    admin_files: Mapping[str, str] = field(default_factory=dict)  # the editor at /admin/
    comments: Mapping[str, Any] | None = None  # what every comment thread shares
    # under serve: the broken tips left out, their pages and the banner on every other page
    problems: PreviewProblems | None = None
    shown_problems: str = ""  # problems_digest of the last build, to refresh docs/ pages

    @property
    def problems_digest(self) -> str:
        return repr(self.problems) if self.problems is not None else ""

    theme_assets: ThemeAssets | None = None  # runform.<hash>.min.css and .js of this build
    # this build's Markdown for generated pages (`_SkeletonPage`): made anew by each on_config
    skeletons: _SkeletonMarkdown | None = None

    def load(self, config: MkDocsConfig) -> None:
        self.pages, self.publishing, self.withheld, self.redirects = [], None, frozenset(), []
        self.html_blocks, self.tips, self.admin_files = {}, {}, {}
        self.problems = None
        self.skeletons = _SkeletonMarkdown()
        config_path = Path(config.config_file_path)
        root = config_path.parent
        config_bytes = config_path.read_bytes()
        self.config_digest = hashlib.sha256(config_bytes).hexdigest()
        request = self.request
        settings = request.settings or read_site_settings(
            (config.extra or {}).get("runform"),
            config_text=config_bytes.decode("utf-8-sig"),
            display=display_path(config_path, root),
            root=root,
            nav=config.nav,
            cache=None if self.serving else root / SETTINGS_CACHE,
        )
        docs_dir = Path(config.docs_dir)
        catalog = (
            request.catalog.take()
            if request.catalog
            else load_catalog(
                root / TIPS_DIR_NAME,
                root=root,
                docs_dir=docs_dir,
                keep_for_rebuilds=self.serving,
                parse_cache=None if self.serving else root / PARSE_CACHE,
            )
        )
        problems = [*catalog.errors, *outside_links(docs_dir, root)]
        if problems and self.serving:
            # broken tips are left out and each gets a page of its problems (a banner on the
            # rest); problems anywhere else still pause the whole preview
            broken = {d.path for d in catalog.errors}
            good = tuple(e for e in catalog.entries if e.path not in broken)
            self.problems = preview_problems(problems, TIPS_DIR_NAME, (e.slug for e in good))
            if self.problems is not None:
                log.error("%s", _serve_report(ContentError(problems), partial=True))
                kept = tuple(d for d in catalog.diagnostics if d.path not in broken)
                catalog, problems = Catalog(entries=good, diagnostics=kept), []
        if problems:
            raise ContentError(problems)
        redirects, problems = read_redirects(
            root / REDIRECTS_FILE, root, {entry.slug for entry in catalog.entries}
        )
        if problems:
            raise ContentError(problems)
        # the edge: a plain `mkdocs build` or `serve` reads RUNFORM_AS_OF or the clock here
        as_of = request.as_of or resolve_as_of(os.environ, settings.timezone, datetime.now(UTC))
        meta, welcome = _read_page(docs_dir, HOME_URI) or ({}, "")
        tags_meta, tags_text = _read_page(docs_dir, TAGS_URI) or ({}, None)
        site = SiteContext(
            site_name=config.site_name,
            language=str(config.theme.get("language") or "en"),
            use_directory_urls=config.use_directory_urls,
            home_meta=meta,
            welcome=welcome,
            tags_meta=tags_meta,
            tags_text=tags_text,
            site_description=config.site_description or "",
            site_url=config.site_url or "",
        )
        preview = preview_enabled(os.environ, self.serving)
        inputs = SiteInputs(
            site=site,
            root=root,
            palette=config.theme.get("palette"),
            repo_url=config.repo_url or "",
        )
        built = build_site(
            settings, catalog, as_of, inputs, preview=preview, keep_for_rebuilds=self.serving
        )
        self.pages = list(built.pages)
        if self.problems is not None:
            self.pages.extend(self.problems.pages())
        self.config_digest = hashlib.sha256(
            (self.config_digest + self.problems_digest).encode()
        ).hexdigest()
        self.html_blocks = {page.src_uri: page.html_blocks for page in self.pages}
        self.tips, self.publishing, self.withheld = built.search, built.publishing, built.withheld
        self.admin_files, self.comments = built.admin_files, built.comments
        titles = {entry.slug: entry.tip.title for entry in built.shown}
        self.redirects = [(r, titles[r.slug]) for r in redirects if r.slug in titles]
        if not site.site_url:
            log.info("No site_url in mkdocs.yml: no feeds, and no full addresses for social cards")
        if not self.admin_files:
            log.info(
                "No GitHub repo_url in mkdocs.yml: the published site has no editor at /admin/"
                " (runform edit still works on this computer)"
            )
        schedule = built.schedule
        log.info(
            "%d published, %d scheduled, %d in draft (as of %s)%s; %s (%d drawn)",
            len(schedule.published),
            len(schedule.scheduled),
            len(schedule.drafts),
            schedule.as_of.isoformat(),
            "; the preview shows them all" if preview else "",
            plural(built.publishing.card_count, "social card"),
            built.publishing.cards_drawn,
        )


_state = _State()


def _read_page(docs_dir: Path, src_uri: str) -> tuple[dict[str, Any], str] | None:
    """A coach's page that a generated page takes the place of (docs/index.md, docs/tags.md):
    its front matter and its Markdown; None when there is no such file."""
    path = docs_dir / src_uri
    if not path.is_file():
        return None
    body, meta = get_data(path.read_text(encoding="utf-8-sig"))
    return dict(meta), body


def _add_theme_overrides(config: MkDocsConfig) -> None:
    """Put runform's theme between the coach's `custom_dir` (still wins) and Material."""
    dirs: list[str] = config.theme.dirs
    ours = str(THEME_DIR)
    if ours in dirs:
        return
    custom = config.theme.custom_dir
    position = 1 if custom and dirs and Path(dirs[0]) == Path(custom) else 0
    dirs.insert(position, ours)


class _GeneratedPage(File):
    """A generated page that a dirty build (`runform serve`) skips when it would come out as
    it did last time: MkDocs counts every in-memory file as modified."""

    unchanged: bool = False

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()


class _CachedCard(File):
    """A card image from the card cache: hard-linked into the site (same disk: no bytes
    copied), copied where a link cannot be made. Cached cards are never changed in place
    (a new card is a new file renamed into the cache), so the link stays right."""

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        target = Path(self.abs_dest_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            target.unlink(missing_ok=True)
            os.link(str(self.abs_src_path), target)
        except OSError:
            super().copy_file(dirty)


# -- generated pages' Markdown: headings and block markers, converted without text parsing ----

_PROBE: Final = (  # the shapes of a skeleton page, with what md_inline makes of punctuation
    "# Probe &#40;one&#41;\n\n\n<!--runform:block:0-->\n## Stride &#45; length &#38; "
    "Überschritt 10&#37;\n\n\n<!--runform:block:1-->\n\n## Faults\n### Probe &#40;one&#41;\n\n\n"
    "<!--runform:block:2-->\n"
)
_pages_log = logging.getLogger("mkdocs.structure.pages")


@dataclass
class _Converted:
    """What MkDocs' `Page.render` keeps from a conversion."""

    content: str
    toc_tokens: list[Any]
    title: str | None
    anchor_ids: set[str]
    links_to_anchors: dict[File, dict[str, str]]


def _convert(
    page: Page, config: MkDocsConfig, files: Files, md: Any, text: str
) -> _Converted | None:
    """`text` through `convert_skeleton` on `md`, with MkDocs' own extensions registered as
    its `Page.render` (1.6) registers them; None when `text` is not a skeleton."""
    raw_html = _RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = _ExtractAnchorsTreeprocessor(page.file, files, config)
    anchors._register(md)
    links = _RelativePathTreeprocessor(page.file, files, config)
    links._register(md)
    title = _ExtractTitleTreeprocessor()
    title._register(md)
    content = convert_skeleton(md, text)
    if content is None:
        return None
    return _Converted(
        content,
        getattr(md, "toc_tokens", []),
        title.title,
        anchors.present_anchor_ids | raw_html.present_anchor_ids,
        links.links_to_anchors,
    )


def _site_markdown(config: MkDocsConfig) -> Any:
    import markdown  # MkDocs' own dependency

    return markdown.Markdown(
        extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {}
    )


@dataclass
class _SkeletonMarkdown:
    """One Markdown instance for a build's generated pages (MkDocs makes one per page), used
    only once MkDocs' own rendering of this site has been seen to agree with it: on the
    build's first skeleton page and on `_PROBE`, same HTML (whitespace between tags aside),
    table of contents, title and anchors. Any coach's extension that treats headings or raw
    HTML blocks differently makes them disagree, and a preprocessor that may add text
    (`takes_skeletons`) rules the shortcut out; then every page goes MkDocs' way."""

    md: Any = None
    agrees: bool | None = None  # None: not tried yet in this build

    def convert(self, page: Page, config: MkDocsConfig, files: Files) -> _Converted | None:
        text = page.markdown or ""
        if self.agrees is False:
            return None
        if self.md is None:
            self.md = _site_markdown(config)
            if not takes_skeletons(self.md):  # (MkDocs' own preprocessor is one it allows)
                self.agrees = False
                return None
        if self.agrees is None:
            first = self._compare(page, config, files, text)
            if first is None:
                return None  # not a skeleton: decide on the next page
            self.agrees = first and bool(self._compare(page, config, files, _PROBE))
            if not self.agrees:
                log.debug("generated pages use MkDocs' Markdown: the shortcut disagreed")
                return None
        self.md.reset()
        return _convert(page, config, files, self.md, text)

    def _compare(self, page: Page, config: MkDocsConfig, files: Files, text: str) -> bool | None:
        """Whether the shortcut gives what MkDocs' own `Page.render` gives for `text` on
        `page` (None: `text` is not a skeleton). Leaves MkDocs' results on `page`."""
        self.md.reset()
        quick = _convert(page, config, files, self.md, text)
        if quick is None:
            return None
        kept = page.markdown
        page.markdown = text
        try:
            Page.render(page, config, files)
        finally:
            page.markdown = kept
        return (
            same_blocks(page.content or "", quick.content)
            and _toc_shape(page.toc) == _toc_shape(get_toc(quick.toc_tokens))
            and page._title_from_render == quick.title
            and page.present_anchor_ids == quick.anchor_ids
            and (page.links_to_anchors or {}) == quick.links_to_anchors
        )


def _toc_shape(items: Any) -> list[Any]:
    return [(i.title, i.url, i.level, _toc_shape(i.children)) for i in items]


class _SkeletonPage(Page):
    """A page runform generated, outside the nav: its Markdown is headings and block markers
    (`site.skeleton_markdown`), converted without Python-Markdown's text parsing when this
    build's check allows; otherwise exactly as MkDocs converts any page."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:
            super().render(config, files)
            return
        skeletons = _state.skeletons
        converted = skeletons.convert(self, config, files) if skeletons is not None else None
        if converted is None:
            super().render(config, files)
            return
        self.content = converted.content
        self.toc = get_toc(converted.toc_tokens)
        self._title_from_render = converted.title
        self.present_anchor_ids = converted.anchor_ids
        if _pages_log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = converted.links_to_anchors


def _page_digest(page: RenderedPage, config_digest: str) -> str:
    digest = hashlib.sha256(config_digest.encode())
    digest.update(page.markdown.encode())
    for block in page.html_blocks:
        digest.update(b"\0" + block.encode())
    return digest.hexdigest()


def on_startup(command: str, dirty: bool) -> None:
    _state.serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.failure = None
    if _state.serving:
        reload_templates()  # a template may have changed since the last rebuild
    try:
        _state.load(config)
    except ContentError as error:
        if not _state.serving:
            raise PluginError(error.report()) from None
        _state.failure = error
        _state.page_digests.clear()  # the error page stood in for every page: rebuild them all
        log.error("%s", _serve_report(error))
        config.nav = None  # the pages it lists are left out until the tips are fixed
    _add_theme_overrides(config)
    return config


def _serve_report(error: ContentError, *, partial: bool = False) -> str:
    lines = [str(d) for d in error.diagnostics]
    shown = (
        "the preview leaves those tips out and shows their problems at their addresses"
        if partial
        else "the preview shows them until fixed"
    )
    lines.append(f"runform: {summarize(error.diagnostics)} found; {shown}.")
    return "\n".join(lines)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _state.failure is not None:
        return Files([file for file in files if not file.is_documentation_page()])
    for path in _state.withheld:  # posters of tips that are not published yet
        if withheld := files.get_file_from_path(path):
            files.remove(withheld)
    if _state.serving and _state.shown_problems != _state.problems_digest:
        _refresh_own_pages(files, config)  # their banner changed: a dirty build must redo them
        _state.shown_problems = _state.problems_digest
    pages, _state.pages = _state.pages, []  # MkDocs holds them from here on
    for page in pages:
        if old := files.get_file_from_path(page.src_uri):
            files.remove(old)
        inclusion = (
            InclusionLevel.INCLUDED if page.src_uri in _NAV_PAGES else InclusionLevel.NOT_IN_NAV
        )
        file = _GeneratedPage.generated(
            config, page.src_uri, content=page.markdown, inclusion=inclusion
        )
        digest = _page_digest(page, _state.config_digest)
        file.unchanged = (
            _state.page_digests.get(page.src_uri) == digest and Path(file.abs_dest_path).is_file()
        )
        _state.page_digests[page.src_uri] = digest
        if inclusion is InclusionLevel.NOT_IN_NAV:  # a nav page gets its title from the nav
            _SkeletonPage(None, file, config)
        files.append(file)
    if _state.publishing is not None:
        for path, content in _state.publishing.files.items():  # feeds and card images
            if old := files.get_file_from_path(path):
                files.remove(old)
            if isinstance(content, Path):  # a card in the cache folder: linked, not copied
                files.append(_CachedCard.generated(config, path, abs_src_path=str(content)))
            else:
                files.append(File.generated(config, path, content=content))
    for path, content in _state.admin_files.items():  # static files, not pages
        if old := files.get_file_from_path(path):
            files.remove(old)
        files.append(File.generated(config, path, content=content))
    _add_redirect_pages(files, config)
    _add_theme_assets(files, config)
    return files


def _add_theme_assets(files: Files, config: MkDocsConfig) -> None:
    """runform.css and runform.js minified, icons inlined, named after their content; read
    where MkDocs found them (a coach's custom_dir copy wins over ours)."""

    def read(path: str) -> str | None:
        file = files.get_file_from_path(path)
        if file is None or file.abs_src_path is None:
            return None
        return Path(file.abs_src_path).read_text(encoding="utf-8")

    css, js = read(CSS_SOURCE), read(JS_SOURCE)
    if css is None or js is None:
        _state.theme_assets = None
        return
    assets = build_theme_assets(css, js, lambda name: read(f"{ICONS_DIR}/{name}"))
    for path, content in assets.files.items():
        files.append(File.generated(config, path, content=content))
    _state.theme_assets = assets


def _refresh_own_pages(files: Files, config: MkDocsConfig) -> None:
    """Delete the built copies of the coach's own pages (docs/) in the preview's temporary
    folder: a dirty build redoes a page only when its built file is older than its source."""
    site_dir = Path(config.site_dir).resolve()
    if Path(tempfile.gettempdir()).resolve() not in site_dir.parents:
        return
    for file in files.documentation_pages():
        if file.generated_by is None:
            Path(file.abs_dest_path).unlink(missing_ok=True)


# -- redirects.yml: a page at each old address that leads to its tip ----------------------------


def _add_redirect_pages(files: Files, config: MkDocsConfig) -> None:
    taken = {file.dest_uri for file in files}
    lang = str(config.theme.get("language") or "en")
    for redirect, title in _state.redirects:
        tip = files.get_file_from_path(f"{TIPS_DIR_NAME}/{redirect.slug}.md")
        if tip is None:
            continue
        if redirect.output_path in taken:
            raise PluginError(
                f"{REDIRECTS_FILE}:{redirect.line}:1: error: old path '{redirect.old_path}' is "
                f"an address the site has a page at ({redirect.output_path}) (remove the line)"
            )
        page = render_redirect_page(
            target=relative_target(redirect, tip.url),
            canonical=urljoin(config.site_url, tip.url) if config.site_url else None,
            title=title,
            lang=lang,
        )
        files.append(File.generated(config, redirect.output_path, content=page))
        taken.add(redirect.output_path)


def _home_redirect_script(page: Page, config: MkDocsConfig) -> str:
    """The home page sends /?p=<id> on to its redirect page (a static host ignores queries)."""
    if page.file.src_uri != HOME_URI:
        return ""
    if not any(redirect.post_id is not None for redirect, _ in _state.redirects):
        return ""
    return query_redirect_script(use_directory_urls=config.use_directory_urls)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the HTML set aside by the templates back into the converted page."""
    blocks = _state.html_blocks.pop(page.file.src_uri, None)  # each page is converted once
    return fill_html_blocks(html, blocks) if blocks else html


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """Runs before the sitemap is written: each page's `lastmod` is its tip's date (home and
    the archive: the newest tip's), never the build date; other pages get none.

    The theme's templates are compiled once and kept (`template_cache`): MkDocs makes a new
    environment for every build and every preview rebuild."""
    env.bytecode_cache = template_cache()
    if (assets := _state.theme_assets) is not None:
        env.globals["runform_css"], env.globals["runform_js"] = assets.css_path, assets.js_path
    publishing = _state.publishing
    if publishing is None:
        return env
    for file in files.documentation_pages():
        if file.page is not None:
            file.page.update_date = publishing.lastmod.get(file.src_uri, "")
    env.globals["runform_head"] = publishing.feed_links_html()  # the 404 page has no context
    return env


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    if _state.problems is not None:
        context["runform_problems"] = _state.problems.banner_html(
            page.file.src_uri, config.use_directory_urls
        )
    if _state.comments is not None:
        context["runform_comments"] = _state.comments
    if (search := _state.tips.get(page.file.src_uri)) is not None:
        _state.search_entries[page.file.src_uri] = search.entries(
            url=page.url, heading_ids=_second_level_ids(page)
        )
    if _state.publishing is not None:
        description = page.meta.get("description") if isinstance(page.meta, dict) else None
        context["runform_head"] = _state.publishing.head_html(
            page.file.src_uri,
            title=str(page.title or config.site_name),
            description=str(description or ""),
            url=page.canonical_url,
        ) + _home_redirect_script(page, config)
    return context


@event_priority(-100)  # after every plugin's on_post_page, which may still read the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The page's HTML is written next and nothing reads its converted content again (MkDocs
    renders the sitemap from the pages' addresses and dates; Material's search indexed the
    page at `on_page_context`; runform's tip entries were taken there too). MkDocs keeps it
    on the page object until the build ends: let it go, so a build of hundreds of tips does
    not hold every page's HTML at once (about 6 MB alive at the end of a 500-tip build; with
    the Markdown cache emptied, the peak fell by about 3 MB, as bench/README.md records)."""
    page.content = None
    return output


def _second_level_ids(page: Page) -> list[str]:
    """The ids of a page's `##` headings in order, from its table of contents."""
    ids: list[str] = []
    pending = list(reversed(page.toc.items))
    while pending:
        item = pending.pop()
        if item.level == 2:
            ids.append(item.id)
        pending.extend(reversed(item.children))
    return ids


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    """The preview rebuilds when a tip changes, and when runform's own templates or theme
    change (those of the installed package: a site's mkdocs.yml needs no `watch:` entry).
    It survives tips/ being deleted and made again (a `git checkout`, a restore): the project
    folder is watched for that, and the watch on tips/ is set up anew.

    tips/ is watched with the system's own file events (inotify, FSEvents, ...; watchdog's
    native observer) where they work: MkDocs polls every 0.5 s, which added a quarter of a
    second on average between saving a tip and the rebuild starting. Where they do not (a
    file system without events, a limit reached), MkDocs' polling watch is used."""
    tips = Path(config.config_file_path).parent / TIPS_DIR_NAME
    for folder in (TEMPLATES_DIR, THEME_DIR):
        server.watch(str(folder))
    watch = _TipsWatch(server, tips)
    watch.arm()
    _watch_for_new_tips_folder(server, tips, watch)
    return server


def _request_rebuild(server: LiveReloadServer) -> None:
    """Ask for the rebuild MkDocs' own file-event callback would ask for (LiveReloadServer's
    condition, as that callback uses it)."""
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


_CHANGES: Final = frozenset({"created", "deleted", "modified", "moved"})  # watchdog's names


class _TipsWatch:
    """The watch on tips/: native file events when they can be had, else MkDocs' polling.
    Each arming starts a fresh observer: a folder deleted and made again is a new folder to
    the system, and an observer's watch on the old one is dead."""

    def __init__(self, server: LiveReloadServer, tips: Path) -> None:
        self.server, self.tips = server, tips
        self.native: Any = None  # the running watchdog Observer on tips/, if any
        self.polled = False  # MkDocs' polling watch on tips/ is set
        # False once the watched folder itself is gone: its events end with it, even when a
        # new tips/ (maybe with the same inode) is made before MkDocs' polling sees a change
        self.alive = False

    def arm(self) -> None:
        """Watch tips/ if it is there (it is watched from when it is made)."""
        self.disarm()
        if not self.tips.is_dir():
            return
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        server = self.server

        tips = self.tips

        def changed(event: Any) -> None:
            if event.is_directory:
                if event.event_type in ("deleted", "moved") and _event_path(event) == tips:
                    self.alive = False  # re-armed from the project folder's watch
                return
            # files only, as MkDocs' own callback; and changes only: inotify also tells of
            # files opened and closed, which every build does to the tips
            if event.event_type in _CHANGES:
                _request_rebuild(server)

        handler = FileSystemEventHandler()
        handler.on_any_event = changed  # type: ignore[method-assign]
        observer = Observer()
        observer.daemon = True
        try:
            observer.schedule(handler, str(self.tips), recursive=False)
            observer.start()
        except OSError:  # no file events here: poll as MkDocs does
            server.watch(str(self.tips))
            self.polled = True
            return
        self.native, self.alive = observer, True

    @property
    def armed(self) -> bool:
        """tips/ is watched now (by file events that still come, or by polling)."""
        return self.polled or (self.native is not None and self.alive)

    def disarm(self) -> None:
        self.alive = False
        if self.native is not None:
            self.native.stop()  # its threads are daemons: no need to wait for them
            self.native = None
        if self.polled:
            with contextlib.suppress(KeyError):
                self.server.unwatch(str(self.tips))
            self.polled = False


def _watch_for_new_tips_folder(server: LiveReloadServer, tips: Path, watch: _TipsWatch) -> None:
    from watchdog.events import FileSystemEventHandler  # MkDocs' own watcher, serve only

    def changed(event: Any) -> None:
        paths = {_event_path(event), Path(os.fsdecode(getattr(event, "dest_path", "") or "."))}
        if tips in paths and event.event_type != "modified":  # made, deleted or moved
            watch.arm()
            _request_rebuild(server)  # MkDocs ignores events about folders: ask here
        elif tips.is_dir() != watch.armed:
            # deleted and made again between two polls (a `git checkout`): the folder looks
            # unchanged to polling (same inode, its times copied back), but the watch on the
            # old one died with it; the project folder's own change tells it is time to look
            watch.arm()
            _request_rebuild(server)

    handler = FileSystemEventHandler()
    for kind in ("on_created", "on_deleted", "on_moved", "on_modified"):
        setattr(handler, kind, changed)
    server.observer.schedule(handler, str(tips.parent), recursive=False)


def _event_path(event: Any) -> Path:
    return Path(os.fsdecode(event.src_path))


def on_post_build(config: MkDocsConfig) -> None:
    if _state.failure is None:
        _add_search_entries(Path(config.site_dir, SEARCH_INDEX))
        return
    # MkDocs' server stamps each build with its monotonic clock in milliseconds; the page
    # reloads once a build newer than this moment is done.
    built_at = round(time.monotonic() * 1000)
    html = render_error_page(_state.failure.diagnostics, built_at)
    # The preview builds "dirty" into its own temporary folder, which keeps the last pages:
    # empty it, so the error page answers every address until the tips are fixed.
    site_dir = Path(config.site_dir)
    in_temp = Path(tempfile.gettempdir()).resolve() in site_dir.resolve().parents
    for stale in site_dir.iterdir() if in_temp else ():
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale)
        else:
            stale.unlink()
    for name in ERROR_PAGE_FILES:
        Path(config.site_dir, name).write_text(html, encoding="utf-8")


def _add_search_entries(index: Path) -> None:
    """Material's search plugin wrote the index (if the site uses it); tip pages are left out of
    it, and their entries go in here, in the order of the tips."""
    entries = _state.search_entries
    for stale in entries.keys() - _state.tips.keys():  # tips no longer shown (serve)
        del entries[stale]
    if index.is_file():
        tip_entries = [e for uri in _state.tips for e in entries.get(uri, ())]
        index.write_text(add_tip_entries(index.read_text("utf-8"), tip_entries), "utf-8")


@contextlib.contextmanager
def _collector_at_build_pace() -> Iterator[None]:
    """Python's cyclic garbage collector paced for one build, put back afterwards.

    A build makes millions of short-lived objects (pages, template contexts) and frees them
    by reference counting; the collector's default pace (a collection every 700 allocations,
    each older generation walking every imported module, class and function again) cost ~5 %
    of a 500-tip build (0.16 s, measured with `gc.callbacks`). What is alive when the build
    starts is frozen out of the collector's walks (`gc.freeze`, which the gc docs suggest for
    long-lived startup objects) and collections come 10,000 allocations apart. A one-off build
    only: the preview, which rebuilds for hours, keeps the default."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


class SiteBuildError(Exception):
    """MkDocs refused the configuration or stopped the build; the message says why."""


def build_with_mkdocs(
    config_file: Path,
    site_dir: Path,
    *,
    strict: bool = True,
    request: BuildRequest | None = None,
) -> None:
    """`mkdocs build` (strict by default) of `config_file` into `site_dir`.

    `request` carries what the caller has read already (settings, catalog) and the as-of day;
    without it the hooks read them as a plain `mkdocs build` does. Raises SiteBuildError when
    MkDocs refuses the configuration or stops the build.
    """
    _state.request = request or BuildRequest()
    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            with _collector_at_build_pace():
                build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, SystemExit) as error:  # MkDocs' Abort is a SystemExit
        raise SiteBuildError(str(error) or type(error).__name__) from None
    finally:
        _state.request = BuildRequest()


def serve_with_mkdocs(config_file: Path, dev_addr: str, *, as_of: date | None = None) -> None:
    """`mkdocs serve` with live reload; returns when the coach presses Ctrl+C.

    Not strict: a warning must not stop the preview. `as_of` fixes the preview's day (else
    RUNFORM_AS_OF or today). Raises SiteBuildError when MkDocs refuses the configuration.
    """
    from mkdocs.commands.serve import serve  # watchdog and the server: only for a preview

    _state.request = BuildRequest(as_of=as_of)  # tips are read again on every rebuild

    try:
        # "dirty": after the first build, MkDocs rebuilds only pages that changed; our
        # generated pages say whether they did (`_GeneratedPage`), so saving one tip rebuilds
        # that tip, its neighbours and the lists that show it, not every page of the site.
        serve(
            config_file=str(config_file),
            dev_addr=dev_addr,
            livereload=True,
            build_type="dirty",
            strict=False,
        )
    except (MkDocsException, SystemExit) as error:
        raise SiteBuildError(str(error) or type(error).__name__) from None
