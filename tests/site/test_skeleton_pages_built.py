"""Generated pages in a real strict `mkdocs build` keep what the coach's Markdown settings do
to headings: the `toc` settings (permalink text, title) on a tip page's headings and in
Material's table of contents, when runform converts them itself; an abbreviation glossary
appended by pymdownx.snippets, when only MkDocs' own conversion can apply it."""

from __future__ import annotations

from lxml import html as lxml_html

from conftest import Project, minimal_tip, new_project

TIP = """\
title: "CMJ height: 10% more"
date: 2026-11-20
summary: "A tip about the countermovement jump."
cue:
  name: "Quick off the floor"
rationale:
  - heading: "Why CMJ matters"
    body: "Because it does."
  - heading: "Ça va — 東京"
    body: "Twice."
faults:
  - name: "Slow CMJ"
    fix: "Be quick."
"""


def built(tmp_path, markdown_extensions: list) -> Project:
    project = new_project(tmp_path / "p", {"2026-11-20-cmj.yml": TIP}, example_tips=False)
    project.update_config({"markdown_extensions": markdown_extensions})
    project.build_ok("2026-11-24")
    return project


def test_toc_settings_apply_to_tip_headings_and_the_table_of_contents(tmp_path) -> None:
    project = built(
        tmp_path,
        ["attr_list", "md_in_html", {"toc": {"permalink": "§", "permalink_title": "Link"}}],
    )
    page = lxml_html.fromstring(project.page("tips/cmj/"))
    headings = [
        (h.tag, h.get("id"), h.xpath("./a[@class='headerlink']")[0].text)
        for h in page.xpath("//article//*[self::h1 or self::h2 or self::h3]")
    ]
    assert headings == [
        ("h1", "cmj-height-10-more", "§"),
        ("h2", "why-cmj-matters", "§"),
        ("h2", "ca-va", "§"),
        ("h2", "common-faults", "§"),
        ("h3", "slow-cmj", "§"),
    ]
    links = [
        (a.get("href"), a.text_content().strip())
        for a in page.xpath("//nav[contains(@class, 'md-nav--secondary')]//a")
    ]
    assert links == [
        ("#why-cmj-matters", "Why CMJ matters"),
        ("#ca-va", "Ça va — 東京"),
        ("#common-faults", "Common faults"),
        ("#slow-cmj", "Slow CMJ"),
    ]


def test_a_glossary_appended_to_every_page_reaches_tip_headings(tmp_path) -> None:
    """Newer tips without the abbreviation come first, so the first pages converted do not
    show that the glossary matters: the appending preprocessor alone must rule the shortcut
    out."""
    tips = {"2026-11-13-cmj.yml": TIP.replace("2026-11-20", "2026-11-13")}
    for day in ("2026-11-20", "2026-11-27"):
        tips[f"{day}-other-{day[-2:]}.yml"] = minimal_tip(f"Other {day}", day)
    project = new_project(tmp_path / "p", tips, example_tips=False)
    (project.root / "includes").mkdir()
    (project.root / "includes" / "abbreviations.md").write_text(
        "*[CMJ]: Countermovement jump\n", encoding="utf-8"
    )
    project.update_config(
        {
            "markdown_extensions": [
                "abbr",
                "attr_list",
                "md_in_html",
                {"toc": {"permalink": True}},
                {"pymdownx.snippets": {"auto_append": ["includes/abbreviations.md"]}},
            ]
        }
    )
    project.build_ok("2026-12-01")
    page = lxml_html.fromstring(project.page("tips/cmj/"))
    abbreviations = [
        (abbr.getparent().tag, abbr.text, abbr.get("title"))
        for abbr in page.xpath("//article//abbr")
    ]
    assert abbreviations == [
        ("h1", "CMJ", "Countermovement jump"),
        ("h2", "CMJ", "Countermovement jump"),
        ("h3", "CMJ", "Countermovement jump"),
    ]
