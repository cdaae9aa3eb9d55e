"""`runform check`: every problem in the given tip files (or all of them), warnings included.

Rules across tips (one address per tip, two tips on one day) always look at every tip, so
checking one file still tells you it clashes with another; only its own lines are printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from packaging.version import InvalidVersion, Version

from runform import __version__
from runform.content.card_fonts import card_font_files
from runform.content.catalog import (
    Catalog,
    build_catalog,
    find_tip_files,
    outside_links,
    parse_tip_file,
    read_tip,
    stray_entries,
)
from runform.content.diagnostics import START, ContentError, Diagnostic, Severity
from runform.content.parse_cache import PARSE_CACHE, ParseCache
from runform.content.paths import display_path
from runform.content.project import Project
from runform.content.reader import compose_positions
from runform.content.redirects import REDIRECTS_FILE, read_redirects
from runform.content.site_config import SETTINGS_PREFIX
from runform.content.warnings import find_warnings


@dataclass(frozen=True)
class CheckResult:
    diagnostics: tuple[Diagnostic, ...]  # sorted
    checked: int  # tip files covered
    # every tip file read, when every file was checked (no paths given): what a build needs
    catalog: Catalog | None = None

    @property
    def failed(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


def check_project(project: Project, paths: Sequence[Path], as_of: date | None) -> CheckResult:
    root = project.root.resolve()
    files: dict[Path, str] = {}  # real folder / name -> as the coach sees it
    folders: dict[Path, Path] = {}  # each folder resolved once, not each file

    def add(path: Path) -> str:
        folder = folders.get(path.parent)
        if folder is None:
            folder = folders[path.parent] = path.parent.resolve()
        resolved = folder / path.name
        if resolved not in files:
            files[resolved] = display_path(path, root)
        return files[resolved]

    for path in find_tip_files(project.tips_dir):
        add(path)
    wanted: set[str] = set()
    missing: list[Diagnostic] = []
    for path in paths:
        if path.resolve() == project.config_file:
            wanted.add(project.display(project.config_file))
        elif path.is_dir():
            wanted.update(add(found) for found in find_tip_files(path))
        elif path.is_file():
            wanted.add(add(path))
        else:
            missing.append(Diagnostic.at(path.as_posix(), START, "no such file or folder"))
    strays = [
        *stray_entries(project.tips_dir, project.root),
        *outside_links(project.docs_dir, project.root),
    ]
    unread = {d.path for d in strays}
    disk = ParseCache(project.root / PARSE_CACHE, parse_tip_file)
    catalog = build_catalog(
        (
            read_tip(path, display, project.docs_dir, disk.parse)
            for path, display in sorted(files.items())
            if display not in unread
        ),
        strays,
    )
    disk.save()
    diagnostics = [*project.problems, *catalog.diagnostics, *missing, *_version_problems(project)]
    diagnostics.extend(_redirect_problems(project, catalog, files))
    try:
        day = project.as_of(as_of)
    except ContentError as error:
        diagnostics.extend(error.diagnostics)
    else:
        cards = project.settings.cards
        diagnostics.extend(
            find_warnings(
                catalog,
                as_of=day,
                weekday=project.settings.publish_weekday,
                root=project.root,
                card_font=card_font_files(cards.font, project.root) if cards.enabled else None,
            )
        )
    if not paths:
        return CheckResult(tuple(sorted(diagnostics)), len(files), catalog)
    wanted.update(d.path for d in missing)
    shown = [d for d in diagnostics if d.path in wanted]
    tips = sum(1 for display in files.values() if display in wanted)
    return CheckResult(tuple(sorted(shown)), tips)


def _redirect_problems(
    project: Project, catalog: Catalog, files: dict[Path, str]
) -> list[Diagnostic]:
    """redirects.yml: each old address must lead to a tip (valid or not: its file is there)."""
    slugs = {Path(display).stem[len("YYYY-MM-DD-") :] for display in files.values()}
    slugs.update(entry.slug for entry in catalog.entries)
    _, problems = read_redirects(project.root / REDIRECTS_FILE, project.root, slugs)
    return problems


def _version_problems(project: Project) -> list[Diagnostic]:
    """A warning when the installed runform is older than the one that made the site
    (`extra.runform.version`, written by `runform init`): the site may use what it lacks."""
    made_with = project.settings.version
    if made_with is None:
        return []
    try:
        older = Version(__version__) < Version(made_with)
    except InvalidVersion:
        return []
    if not older:
        return []
    display = project.display(project.config_file)
    text = project.config_file.read_text(encoding="utf-8-sig")
    where = compose_positions(text).get((*SETTINGS_PREFIX, "version"), START)
    return [
        Diagnostic.at(
            display,
            where,
            f"this site was made with runform {made_with}, but runform {__version__} is installed",
            "install the version requirements.txt names: python -m pip install -r requirements.txt",
            Severity.WARNING,
            "old-runform",
        )
    ]
