"""Nothing a tip says becomes markup or script: every field carries attacks, none reach the DOM."""

from __future__ import annotations

import html
import json

import pytest
from bs4 import BeautifulSoup
from hostile_tip import ATTACKS, TIP

from conftest import Project, new_project
from runform.content.markup import escape_markdown_inline, markdown_to_html


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = new_project(
        tmp_path_factory.mktemp("xss") / "project",
        {"2026-11-20-hostile.yml": TIP},
        example_tips=False,
    )
    project.build_ok("2026-11-24")
    return project


def _pages(project: Project) -> list[tuple[str, BeautifulSoup]]:
    return [
        (str(path.relative_to(project.site)), BeautifulSoup(path.read_text("utf-8"), "lxml"))
        for path in sorted(project.site.rglob("*.html"))
    ]


def test_hostile_tip_is_published(hostile_site: Project) -> None:
    page = BeautifulSoup(hostile_site.page("tips/hostile/"), "lxml")
    assert "alert('x1')" in page.select_one("h1").get_text(), "the title is shown as text"


def test_no_injected_element_or_event_handler_anywhere(hostile_site: Project) -> None:
    for name, page in _pages(hostile_site):
        for element in page.find_all(True):
            handlers = [a for a in element.attrs if a.lower().startswith("on")]
            assert not handlers, f"{name}: <{element.name}> has event handler {handlers}"
        for script in page.find_all("script"):
            if script.get("type") == "application/ld+json":  # data: tip text, kept inert
                assert "<" not in script.get_text(), f"{name}: '<' inside JSON-LD"
                continue
            assert "alert(" not in script.get_text(), f"{name}: injected <script>"
        assert not page.find("svg", attrs={"onload": True}), f"{name}: injected <svg>"
        assert not page.find("img", attrs={"src": "x"}), f"{name}: injected <img>"


def test_front_matter_text_shows_as_written(hostile_site: Project) -> None:
    page = BeautifulSoup(hostile_site.page("tips/hostile/"), "lxml")
    description = page.select_one('meta[name="description"]')["content"]
    assert description.startswith(ATTACKS[0]), "the summary is shown as text, not markup"
    tags = {a.get_text() for a in page.select("nav.rf-tags a")}
    assert ATTACKS[1][:40] in tags, "tag names are shown as text"


def test_no_script_or_protocol_relative_links(hostile_site: Project) -> None:
    for name, page in _pages(hostile_site):
        for link in page.find_all(href=True):
            href = link["href"].strip().lower()
            assert not href.startswith(("javascript:", "data:", "vbscript:")), f"{name}: {href}"
            assert not href.startswith("//"), f"{name}: protocol-relative link {href}"


def test_markdown_extensions_of_the_site_do_not_run_on_tip_text(hostile_site: Project) -> None:
    html = hostile_site.page("tips/hostile/")
    assert "site_name:" not in html, "pymdownx.snippets-style includes must not paste files"
    page = BeautifulSoup(html, "lxml")
    assert not page.find(attrs={"onmouseover": True}), "attr_list must not add attributes"
    text = page.get_text()
    assert "{: onmouseover=alert('x4') }" in text, "attribute-list syntax stays visible text"


def test_attacks_in_search_index_are_inert_text(hostile_site: Project) -> None:
    index = json.loads((hostile_site.site / "search" / "search_index.json").read_text("utf-8"))
    own = next(doc for doc in index["docs"] if doc["location"] == "tips/hostile/")
    assert BeautifulSoup(own["title"], "lxml").get_text() == "T " + ATTACKS[0][:60], (
        "the hostile tip is indexed, its title shown as text"
    )
    assert ATTACKS[1][:40] in [BeautifulSoup(t, "lxml").get_text() for t in own["tags"]]
    for doc in index["docs"]:
        # Material's search results insert title, text and each tag as HTML
        fragment = BeautifulSoup(doc["text"] + doc["title"] + "".join(doc.get("tags", [])), "lxml")
        assert not fragment.find("script"), f"search index entry {doc['location']} has <script>"
        assert not fragment.find(attrs={"onerror": True})


@pytest.mark.parametrize("attack", ATTACKS, ids=[f"attack{n}" for n in range(len(ATTACKS))])
def test_markdown_fields_are_sanitized(attack: str) -> None:
    fragment = BeautifulSoup(markdown_to_html(attack), "lxml")
    assert not fragment.find(["script", "img", "svg", "iframe"]), markdown_to_html(attack)
    for element in fragment.find_all(True):
        assert not [a for a in element.attrs if a.startswith("on")]
        assert not element.get("href", "").startswith(("javascript:", "//"))


def test_allowed_markdown_survives() -> None:
    html = markdown_to_html("*em* **strong** `code` [site](https://a.example) [rel](x/)\n\n- one")
    assert html == (
        '<p><em>em</em> <strong>strong</strong> <code>code</code> <a href="https://a.example"'
        ' rel="noopener noreferrer">site</a> <a href="x/" rel="noopener noreferrer">rel</a></p>\n'
        "<ul>\n<li>one</li>\n</ul>"
    )


def test_plain_text_on_a_markdown_line_is_fully_escaped() -> None:
    escaped = escape_markdown_inline("<b>*x*</b> {: #id}")
    assert escaped == "&#60;b&#62;&#42;x&#42;&#60;&#47;b&#62; &#123;&#58; &#35;id&#125;"
    assert html.unescape(escaped) == "<b>*x*</b> {: #id}", "the reader sees the text as written"
