"""The only module that imports mkdocs: event handlers the hook file re-exports.

on_startup  notes whether this is `mkdocs serve` (preview shows drafts and scheduled tips)
on_config   reads settings and every tip, schedules, renders: all before MkDocs cleans site_dir,
            so a bad tip stops the build and leaves the last good site as it was
on_files    hands the rendered pages to MkDocs as generated files (nothing is written to disk)
on_serve    watches tips/ so the preview rebuilds when a tip changes
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils.meta import get_data

from runform.catalog import load_catalog
from runform.diagnostics import ContentError, Diagnostic
from runform.pages import HOME_URI, SiteContext, build_pages
from runform.reader import compose_positions
from runform.render import RenderedPage
from runform.schedule import Schedule, build_schedule, preview_enabled, resolve_as_of
from runform.settings import SiteSettings
from runform.validation import validate_document

THEME_DIR = Path(__file__).parent / "theme"
TIPS_DIR_NAME = "tips"
_NAV_PAGES = frozenset({HOME_URI, "tips/index.md"})

log = get_plugin_logger(__name__)


@dataclass
class _State:
    """Module state survives between `serve` rebuilds, so `on_config` resets all of it."""

    serving: bool = False
    pages: list[RenderedPage] = field(default_factory=list)
    schedule: Schedule | None = None

    def load(self, config: MkDocsConfig) -> None:
        self.pages, self.schedule = [], None
        root = Path(config.config_file_path).parent
        settings = load_settings(config, root)
        docs_dir = Path(config.docs_dir)
        catalog = load_catalog(root / TIPS_DIR_NAME, root=root, docs_dir=docs_dir)
        if catalog.errors:
            raise ContentError(catalog.errors)
        schedule = build_schedule(
            catalog, resolve_as_of(os.environ, settings.timezone, datetime.now(UTC))
        )
        meta, welcome = _read_home(docs_dir)
        site = SiteContext(
            site_name=config.site_name,
            language=str(config.theme.get("language") or "en"),
            use_directory_urls=config.use_directory_urls,
            home_meta=meta,
            welcome=welcome,
        )
        preview = preview_enabled(os.environ, self.serving)
        self.pages = build_pages(schedule, settings, site, preview=preview)
        self.schedule = schedule
        log.info(
            "%d tips published, %d scheduled, %d drafts (as of %s)%s",
            len(schedule.published),
            len(schedule.scheduled),
            len(schedule.drafts),
            schedule.as_of.isoformat(),
            "; preview shows them all" if preview else "",
        )


_state = _State()


def load_settings(config: MkDocsConfig, root: Path) -> SiteSettings:
    raw: Any = (config.extra or {}).get("runform") or {}
    config_path = Path(config.config_file_path)
    display = _display(config_path, root)
    if not isinstance(raw, dict):
        raise ContentError(
            [Diagnostic(display, 1, 1, "extra.runform must be a set of keys", "see the README")]
        )
    positions = compose_positions(config_path.read_text(encoding="utf-8"))
    settings, problems = validate_document(
        SiteSettings, raw, path=display, positions=positions, prefix=("extra", "runform")
    )
    if settings is None:
        raise ContentError(problems)
    return settings


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


def _read_home(docs_dir: Path) -> tuple[dict[str, Any], str]:
    index = docs_dir / HOME_URI
    if not index.is_file():
        return {}, ""
    body, meta = get_data(index.read_text(encoding="utf-8-sig"))
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


def on_startup(command: str, dirty: bool) -> None:
    _state.serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        _state.load(config)
    except ContentError as error:
        raise PluginError(error.report()) from None
    _add_theme_overrides(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in _state.pages:
        if old := files.get_file_from_path(page.src_uri):
            files.remove(old)
        inclusion = (
            InclusionLevel.INCLUDED if page.src_uri in _NAV_PAGES else InclusionLevel.NOT_IN_NAV
        )
        files.append(
            File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion)
        )
    return files


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    server.watch(str(Path(config.config_file_path).parent / TIPS_DIR_NAME))
    return server
