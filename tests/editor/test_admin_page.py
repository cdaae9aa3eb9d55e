"""Every site with a GitHub repo_url gets /admin/ (a real `mkdocs build`), kept from readers."""

from __future__ import annotations

from collections.abc import Callable

import yaml
from lxml import html

from conftest import Project
from runform.site.admin.assets import SVELTIA


def test_admin_page_is_written_with_noindex_and_its_config(
    make_project: Callable[..., Project],
) -> None:
    project = make_project()
    project.update_config({"repo_url": "https://github.com/coach/runform-site"})
    site = project.build_ok()
    page = html.fromstring((site / "admin" / "index.html").read_bytes())
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex, nofollow"]
    (script,) = page.xpath("//script")
    assert script.get("src") == SVELTIA.cdn_url
    assert script.get("integrity") == SVELTIA.integrity
    config = yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["repo"] == "coach/runform-site"
    assert config["collections"][0]["folder"] == "tips"
    # Not a page of the site: no sitemap entry, no search entry, no link from readers' pages.
    assert "admin" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/admin" not in (site / "search" / "search_index.json").read_text(encoding="utf-8")
    for built in site.rglob("*.html"):
        if built.parent.name != "admin":
            text = built.read_text(encoding="utf-8")
            assert "sveltia" not in text and "decap" not in text and "admin/" not in text, built


def test_no_admin_page_without_a_github_repository(make_site: Callable[..., Project]) -> None:
    site = make_site().site
    assert not (site / "admin").exists()
