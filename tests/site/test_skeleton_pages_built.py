"""Generated pages in a real strict `mkdocs build` keep what the coach's Markdown settings do
to headings: the `toc` settings (permalink text, title) on a tip page's headings and in
Material's table of contents, when runform converts them itself; an abbreviation glossary
appended by pymdownx.snippets, when only MkDocs' own conversion can apply it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

from lxml import html as lxml_html

from conftest import Project, minimal_tip, new_project, weekly_tips

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


_COUNT_CONVERSIONS = """
import cProfile, pstats, sys
from runform.cli import main
profile = cProfile.Profile()
code = profile.runcall(main, sys.argv[1:])
stats = pstats.Stats(profile).stats.items()
def calls(name, file):
    return sum(c[1] for (f, _l, n), c in stats if n == name and f.endswith(file))
print(code, calls("convert", "markdown/core.py"), calls("convert_skeleton", "skeleton_markdown.py"))
"""


def test_tip_pages_skip_markdowns_text_parsing(tmp_path) -> None:
    """Of 20 tip pages, MkDocs' Markdown converts two (the build's check that the shortcut
    agrees with it: the first tip page and a probe page); the shortcut converts every tip page."""
    tips = weekly_tips(date(2026, 7, 3), 20)  # all published by 2026-11-24
    project = new_project(tmp_path / "p", tips, example_tips=False)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "RUNFORM_AS_OF": "2026-11-24"}
    result = subprocess.run(
        [sys.executable, "-c", _COUNT_CONVERSIONS, "build", "--out", "site"],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    code, markdown_calls, skeleton_calls = map(int, result.stdout.split()[-3:])
    pages = list((project.root / "site").rglob("index.html"))
    tip_pages = [p for p in pages if p.parent.name.startswith("tip-")]
    assert (code, len(tip_pages)) == (0, 20)
    assert markdown_calls <= len(pages) - len(tip_pages) + 2, (markdown_calls, len(pages))
    assert skeleton_calls >= len(tip_pages) + 2
