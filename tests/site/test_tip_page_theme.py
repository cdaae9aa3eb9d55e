"""runform's Material overrides stay in step with Material: the search partial is Material's
own plus an accessible name for its dialog, and the built pages carry runform.js."""

from __future__ import annotations

import re
from pathlib import Path

import material
from bs4 import BeautifulSoup

THEME = Path(__file__).resolve().parents[2] / "src" / "runform" / "theme"
MATERIAL_PARTIALS = Path(material.__file__).parent / "templates" / "partials"
DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_DIALOG = (
    '<div class="md-search" data-md-component="search" role="dialog"'
    " aria-label=\"{{ lang.t('search') }}\">"
)
_LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.DOTALL)


def test_search_partial_is_materials_plus_a_dialog_name():
    ours = _LEADING_COMMENT.sub("", (THEME / "partials" / "search.html").read_text("utf-8"))
    theirs = _LEADING_COMMENT.sub("", (MATERIAL_PARTIALS / "search.html").read_text("utf-8"))
    assert DIALOG in theirs, "Material's search.html changed: update runform's copy"
    assert ours == theirs.replace(DIALOG, NAMED_DIALOG), (
        "src/runform/theme/partials/search.html must be Material's search.html with only"
        " aria-label added to the dialog: copy Material's file again and add it"
    )


def test_built_pages_name_the_search_dialog_and_load_runform_js(make_site):
    project = make_site()
    page = BeautifulSoup(project.page("tips/heel-pick-up/"), "lxml")
    assert page.select_one(".md-search[role=dialog]")["aria-label"] == "Search"
    scripts = [s.get("src", "") for s in page.select("script[src]")]
    assert re.fullmatch(r"\.\./\.\./assets/runform/runform\.[0-9a-f]{8}\.min\.js", scripts[-1])
    for asset in ("runform.js", "runform.css", "icons/play.svg", "icons/whatsapp.svg"):
        assert (project.site / "assets" / "runform" / asset).is_file(), f"site lacks {asset}"
