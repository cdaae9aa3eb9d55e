"""A coach's project as the command line sees it: mkdocs.yml, docs/, tips/, the site settings.

`runform check`, `new` and `schedule` must answer fast, so they read mkdocs.yml here instead
of loading MkDocs (which imports every plugin). Reading is safe: `!ENV` is resolved as MkDocs
does, and every other tag (`!!python/name:…`, `!relative`) is read as nothing, never run.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from yaml_env_tag import construct_env_tag

from runform.content.catalog import Catalog, load_catalog
from runform.content.diagnostics import START, ContentError, Diagnostic, Position
from runform.content.parse_cache import PARSE_CACHE
from runform.content.paths import display_path
from runform.content.records import SiteSettings
from runform.content.schedule import Schedule, build_schedule, resolve_as_of
from runform.content.site_config import SETTINGS_CACHE, default_settings, read_site_settings

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
TIPS_DIR_NAME = "tips"


class ProjectNotFound(Exception):
    """No mkdocs.yml here or in any folder above."""


class _ConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Reads mkdocs.yml for its plain keys (with libyaml when PyYAML has it); tags MkDocs
    would resolve become None."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Project:
    root: Path  # the folder holding mkdocs.yml
    config_file: Path
    docs_dir: Path
    tips_dir: Path
    site_dir: Path
    site_path: str  # the path part of site_url: where the preview serves the site ("/")
    settings: SiteSettings  # the defaults when the settings have problems
    problems: tuple[Diagnostic, ...]  # mkdocs.yml and settings problems
    config: Mapping[str, Any] = field(default_factory=dict, compare=False)  # mkdocs.yml's keys

    def display(self, path: Path) -> str:
        """A path as the coach sees it: relative to the project when inside it."""
        return display_path(path, self.root)

    def load_catalog(self) -> Catalog:
        """Every tip, read and validated (files unchanged since the last run come from the
        parse cache in .cache/runform/)."""
        return load_catalog(
            self.tips_dir,
            root=self.root,
            docs_dir=self.docs_dir,
            parse_cache=self.root / PARSE_CACHE,
        )

    def as_of(self, override: date | None, env: Mapping[str, str] | None = None) -> date:
        """The day to schedule as of: `--as-of`, else RUNFORM_AS_OF, else today on site time."""
        if override is not None:
            return override
        return resolve_as_of(
            os.environ if env is None else env, self.settings.timezone, datetime.now(UTC)
        )

    def schedule(self, catalog: Catalog, override: date | None = None) -> Schedule:
        return build_schedule(catalog, self.as_of(override))


def find_config_file(start: Path) -> Path:
    """mkdocs.yml in `start` or the nearest folder above it (a coach may be inside tips/)."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    raise ProjectNotFound(
        f"no mkdocs.yml in {start} or any folder above it: run runform inside your site's "
        "folder, or give the file with --config-file"
    )


def open_project(config_file: Path, *, cache_settings: bool = False) -> Project:
    """The project of `config_file` (mkdocs.yml): its folders and settings, with every problem
    of mkdocs.yml and `extra.runform` in `problems` (then the settings are the defaults).
    cache_settings: keep valid settings in `.cache/runform/` for the next run, as the commands
    that read tips do (a dry run writes nothing). Raises ProjectNotFound when the file cannot
    be read."""
    config_file = config_file.resolve()
    root = config_file.parent
    display = config_file.name
    try:
        text = config_file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ProjectNotFound(f"{config_file} cannot be read: {error}") from None
    config, problems = _read_config(text, display)
    settings: SiteSettings | None = None
    if not problems:
        extra = config.get("extra")
        raw = extra.get("runform") if isinstance(extra, dict) else None
        try:
            settings = read_site_settings(
                raw,
                config_text=text,
                display=display,
                root=root,
                nav=config.get("nav"),
                cache=root / SETTINGS_CACHE if cache_settings else None,
            )
        except ContentError as error:
            problems = list(error.diagnostics)
    return Project(
        root=root,
        config_file=config_file,
        docs_dir=root / str(config.get("docs_dir") or "docs"),
        tips_dir=root / TIPS_DIR_NAME,
        site_dir=root / str(config.get("site_dir") or "site"),
        site_path=_url_path(config.get("site_url")),
        settings=settings or default_settings(),
        problems=tuple(problems),
        config=config,
    )


def _url_path(site_url: Any) -> str:
    path = urlsplit(str(site_url or "")).path.strip("/")
    return f"/{path}/" if path else "/"


def _read_config(text: str, display: str) -> tuple[dict[str, Any], list[Diagnostic]]:
    try:
        config = yaml.load(text, Loader=_ConfigLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = Position(mark.line + 1, mark.column + 1) if mark else START
        problem = error.problem or "it cannot be read"
        return {}, [Diagnostic.at(display, where, f"{display} is not valid YAML: {problem}")]
    except yaml.YAMLError as error:
        return {}, [Diagnostic.at(display, START, f"{display} is not valid YAML: {error}")]
    if not isinstance(config, dict):
        return {}, [Diagnostic.at(display, START, f"{display} must be a set of keys")]
    return config, []
