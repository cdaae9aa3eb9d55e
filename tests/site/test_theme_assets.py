"""runform's own stylesheet and script in a built site: minified, named after their content
as Material names its assets, and the seven icons inlined in the stylesheet (no request)."""

from __future__ import annotations

import hashlib
import re

import pytest
from bs4 import BeautifulSoup

from conftest import REPO
from runform.site.theme_assets import svg_data_url

THEME = REPO / "src" / "runform" / "theme" / "assets" / "runform"
HASHED = re.compile(r"assets/runform/runform\.([0-9a-f]{8})\.min\.(css|js)")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import new_project

    project = new_project(tmp_path_factory.mktemp("assets") / "project")
    project.build_ok("2026-11-24")
    return project


@pytest.mark.parametrize("path", ["", "tips/", "tips/heel-pick-up/", "book/"])
def test_pages_link_the_hashed_minified_files(site, path):
    page = BeautifulSoup(site.page(path), "lxml")
    depth = "../" * path.count("/")
    css = [
        link["href"].removeprefix(depth)
        for link in page.select("link[rel=stylesheet]")
        if "runform" in link["href"]
    ]
    js = [s["src"].removeprefix(depth) for s in page.select("script[src]") if "runform" in s["src"]]
    assert len(css) == 1 and HASHED.fullmatch(css[0]), css
    assert len(js) == 1 and HASHED.fullmatch(js[0]), js
    for name in css + js:
        content = (site.site / name).read_bytes()
        digest = HASHED.fullmatch(name).group(1)
        assert hashlib.sha256(content).hexdigest()[:8] == digest, name


def test_the_stylesheet_is_minified_with_every_icon_inline(site):
    (css,) = site.site.glob("assets/runform/runform.*.min.css")
    text = css.read_text(encoding="utf-8")
    assert "icons/" not in text and "/*" not in text and "\n" not in text.strip()
    inlined = set(re.findall(r'url\("(data:image/svg\+xml[^"]*)"\)', text))
    icons = sorted((THEME / "icons").glob("*.svg"))
    assert len(icons) == 7
    assert inlined == {svg_data_url(icon.read_text(encoding="utf-8")) for icon in icons}


def test_svg_data_url_exact():
    assert svg_data_url('<svg a="#1">\n  <path d="M0 0"/></svg>') == (
        "data:image/svg+xml;charset=utf-8,%3Csvg a='%231'%3E %3Cpath d='M0 0'/%3E%3C/svg%3E"
    )


def test_the_script_is_minified(site):
    (js,) = site.site.glob("assets/runform/runform.*.min.js")
    text = js.read_text(encoding="utf-8")
    assert "/*" not in text and "\n  " not in text
    assert "rf-video__placeholder" in text
