"""The site as a value: tips written to tmp_path, read by the real catalog, and the real
`site.build.build_site`, without MkDocs. For what a build decides (pages, feeds, heads,
withheld files) with no need to write a site."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from runform.content.catalog import load_catalog
from runform.content.settings import SiteSettings
from runform.site.build import SiteBuild, SiteInputs, build_site
from runform.site.pages import SiteContext

PROJECT_SITE = "https://x.github.io/runform/"


def build_values(
    root: Path,
    tips: Mapping[str, str],
    *,
    as_of: str = "2026-11-24",
    site_url: str = PROJECT_SITE,
    settings: Mapping[str, Any] | None = None,
    files: tuple[str, ...] | list[str] = (),
    language: str = "en",
    preview: bool = False,
) -> SiteBuild:
    """A project in `root` (a new folder under tmp_path) with `tips` ({"2026-11-20-a.yml":
    text}) and empty `files` under docs/, built as of `as_of`. Cards are off unless
    `settings` turns them on."""
    (root / "tips").mkdir(parents=True)
    (root / "docs").mkdir()
    for name, text in tips.items():
        (root / "tips" / name).write_text(text, encoding="utf-8")
    for path in files:
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"")
    catalog = load_catalog(root / "tips", root=root, docs_dir=root / "docs")
    assert not catalog.diagnostics, [str(d) for d in catalog.diagnostics]
    values = SiteSettings.model_validate({"cards": {"enabled": False}, **(settings or {})})
    inputs = SiteInputs(
        site=SiteContext(site_name="Club", language=language, site_url=site_url), root=root
    )
    return build_site(values, catalog, date.fromisoformat(as_of), inputs, preview=preview)
