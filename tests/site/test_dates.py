"""Dates in words (`site/dates.py`): a one-off build words every date its pages show, then lets
go of Babel's CLDR tables before rendering (the pages reuse the memory); the preview keeps
them for its next rebuild. The dates on the pages are the same either way. The Markdown
conversion cache goes the same way: emptied by a one-off build once every field is converted,
kept by the preview."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import babel.core
import pytest
from babel import localedata

from conftest import minimal_tip
from runform.content.catalog import load_catalog
from runform.content.markup import markdown_to_html
from runform.content.settings import SiteSettings
from runform.site.build import SiteBuild, SiteInputs, build_site
from runform.site.dates import long_date, word_dates_then_release
from runform.site.pages import SiteContext

TIPS = {
    "2026-11-20-heel-pick-up.yml": minimal_tip("Heel Pick Up", "2026-11-20"),
    "2026-11-13-quick-feet.yml": minimal_tip("Quick Feet", "2026-11-13"),
}


def _build(root: Path, *, language: str, keep_for_rebuilds: bool) -> SiteBuild:
    (root / "tips").mkdir(parents=True)
    (root / "docs").mkdir()
    for name, text in TIPS.items():
        (root / "tips" / name).write_text(text, encoding="utf-8")
    catalog = load_catalog(root / "tips", root=root, docs_dir=root / "docs")
    settings = SiteSettings.model_validate({"cards": {"enabled": False}})
    inputs = SiteInputs(site=SiteContext(site_name="Club", language=language), root=root)
    return build_site(
        settings,
        catalog,
        date(2026, 11, 24),
        inputs,
        preview=False,
        keep_for_rebuilds=keep_for_rebuilds,
    )


@pytest.fixture
def fresh_babel() -> None:
    """No worded date and no CLDR table left from an earlier test."""
    long_date.cache_clear()
    localedata.clear_caches()


def _page(build: SiteBuild, src_uri: str) -> str:
    """A generated page's Markdown with its HTML blocks (a tip page's are most of it)."""
    page = next(page for page in build.pages if page.src_uri == src_uri)
    return "\n".join([page.markdown, *page.html_blocks])


@pytest.mark.usefixtures("fresh_babel")
def test_a_build_words_its_dates_then_lets_go_of_babels_tables(tmp_path: Path) -> None:
    build = _build(tmp_path / "fr", language="fr", keep_for_rebuilds=False)
    assert "20 novembre 2026" in _page(build, "tips/heel-pick-up.md")
    archive = _page(build, "tips/index.md")
    assert "20 novembre 2026" in archive
    assert "13 novembre 2026" in archive
    assert "fr" not in localedata._cache
    assert "root" not in localedata._cache
    assert babel.core._global_data is None
    assert markdown_to_html.cache_info().currsize == 0


@pytest.mark.usefixtures("fresh_babel")
def test_the_preview_keeps_babels_tables_for_its_next_rebuild(tmp_path: Path) -> None:
    build = _build(tmp_path / "fr", language="fr", keep_for_rebuilds=True)
    assert "20 novembre 2026" in _page(build, "tips/heel-pick-up.md")
    assert "fr" in localedata._cache
    assert markdown_to_html.cache_info().currsize > 0


@pytest.mark.usefixtures("fresh_babel")
def test_a_date_worded_after_the_release_loads_the_tables_again() -> None:
    word_dates_then_release([date(2026, 11, 20)], "de")
    assert "de" not in localedata._cache
    assert long_date(date(2026, 11, 20), "de") == "20. November 2026"
    assert long_date(date(2026, 12, 4), "de") == "4. Dezember 2026"
