"""`site.skeleton_markdown`: a generated page's headings and block markers converted without
Python-Markdown's text parsing give what `Markdown.convert` gives, under the Markdown settings
coaches use (ids, permalinks, table of contents, inline extensions), on real pages rendered
from tips with hostile and non-ASCII text; pages of any other shape, and settings whose
preprocessors may add text, are refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hostile_tip import TIP as HOSTILE_TIP
from markdown import Markdown
from mkdocs.utils.meta import get_data

from runform.site.skeleton_markdown import convert_skeleton, same_blocks, takes_skeletons
from site_values import build_values

FULL_TIP = """\
title: "Stride length: 10% less & “more” — Übung CMJ"
date: 2026-11-20
summary: "A tip with every part."
cue:
  name: "Tall #1 \\\\ back"
  say: "Run tall."
rationale:
  - heading: "Why <it> matters: ~ [speed] * _form_ {: .x } --8<-- CMJ"
    body: "Because."
  - heading: "Ça va — 東京 🏃 a\u00a0b"
    body: "Twice."
faults:
  - name: "Heel #2 strike!"
    fix: "Land under the hip."
  - name: "Crossing `over`"
    fix: "Run on rails."
drill:
  name: "Straight-leg bounds (A) & B"
  steps: ["One", "Two"]
tags: [form, "Hip drive"]
"""

CONFIGS: dict[str, tuple[list[Any], dict[str, Any]]] = {
    "example-site": (
        ["admonition", "attr_list", "md_in_html", "toc"],
        {"toc": {"permalink": True}},
    ),
    "material-reference": (
        [
            "abbr",
            "admonition",
            "attr_list",
            "def_list",
            "footnotes",
            "md_in_html",
            "tables",
            "toc",
            "pymdownx.betterem",
            "pymdownx.caret",
            "pymdownx.details",
            "pymdownx.emoji",
            "pymdownx.highlight",
            "pymdownx.inlinehilite",
            "pymdownx.keys",
            "pymdownx.magiclink",
            "pymdownx.mark",
            "pymdownx.smartsymbols",
            "pymdownx.superfences",
            "pymdownx.tabbed",
            "pymdownx.tasklist",
            "pymdownx.tilde",
        ],
        {
            "toc": {"permalink": "#", "permalink_title": "Link here", "toc_depth": "2-6"},
            "abbr": {"glossary": {"CMJ": "Countermovement jump"}},
            "pymdownx.tabbed": {"alternate_style": True},
        },
    ),
    "slugs-and-typography": (
        ["toc", "smarty", "sane_lists", "fenced_code", "nl2br"],
        {
            "toc": {
                "permalink": True,
                "anchorlink": True,
                "slugify": __import__("pymdownx.slugs", fromlist=["slugify"]).slugify(case="lower"),
                "baselevel": 2,
            }
        },
    ),
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every page a build generates (src_uri -> Markdown after the front matter), from three
    tips: the hostile one, one with punctuation and non-ASCII in every heading, a minimal one."""
    built = build_values(
        tmp_path_factory.mktemp("skeleton") / "p",
        {
            "2026-11-20-hostile.yml": HOSTILE_TIP,
            "2026-11-13-full.yml": FULL_TIP.replace("2026-11-20", "2026-11-13"),
            "2026-11-06-plain.yml": "\n".join(
                [
                    'title: "Plain"',
                    "date: 2026-11-06",
                    'summary: "Short."',
                    "cue:",
                    '  name: "Cue"',
                    "rationale:",
                    '  - heading: "Why"',
                    '    body: "Because."',
                ]
            )
            + "\n",
        },
    )
    return {page.src_uri: get_data(page.markdown)[0] for page in built.pages}


def tip_uris(pages: dict[str, str]) -> list[str]:
    return [uri for uri in pages if uri in {"tips/hostile.md", "tips/full.md", "tips/plain.md"}]


def markdown_for(config: str) -> Markdown:
    extensions, settings = CONFIGS[config]
    return Markdown(extensions=extensions, extension_configs=settings)


def test_every_tip_page_is_a_skeleton(pages: dict[str, str]) -> None:
    md = markdown_for("example-site")
    assert sorted(tip_uris(pages)) == ["tips/full.md", "tips/hostile.md", "tips/plain.md"]
    for uri in tip_uris(pages):
        md.reset()
        assert convert_skeleton(md, pages[uri]) is not None, uri


@pytest.mark.parametrize("config", list(CONFIGS))
def test_the_shortcut_gives_what_markdown_gives(pages: dict[str, str], config: str) -> None:
    shared = markdown_for(config)
    assert takes_skeletons(shared)
    converted = 0
    for uri, text in pages.items():
        shared.reset()
        quick = convert_skeleton(shared, text)
        if quick is None:
            assert uri not in tip_uris(pages), f"{uri} should be a skeleton"
            continue
        real = markdown_for(config)
        expected = real.convert(text)
        assert same_blocks(quick, expected), f"{uri}:\n{quick}\n---\n{expected}"
        assert getattr(shared, "toc_tokens", None) == getattr(real, "toc_tokens", None), uri
        converted += 1
    assert converted >= 3


def test_headings_keep_what_inline_extensions_make_of_them(pages: dict[str, str]) -> None:
    """The glossary's abbreviation and the permalink text come out in the shortcut's HTML too
    (the tree processors run as in Markdown.convert)."""
    md = markdown_for("material-reference")
    quick = convert_skeleton(md, pages["tips/full.md"])
    assert quick is not None
    assert '<abbr title="Countermovement jump">CMJ</abbr>' in quick
    assert 'title="Link here">#</a></h2>' in quick
    assert {token["level"] for token in md.toc_tokens} == {2}, "toc_depth 2-6: no h1 listed"


@pytest.mark.parametrize(
    "text",
    [
        "# Title\n\nSome paragraph text.\n",  # prose
        "# Title\n\n\n<!--runform:block:0-->\n<!--runform:block:1-->\n",  # two markers together
        "# Title\n<!--runform:block:0-->\n",  # a marker right after a line
        "## Heading \\# escaped\n",  # a backslash
        "## Ends with a hash #\n",
        "## Trailing space \n",
        "## Tab\there\n",
        "Setext\n======\n",
        "    # indented code\n",
        "- a list\n",
    ],
)
def test_any_other_shape_is_left_to_markdown(text: str) -> None:
    assert convert_skeleton(markdown_for("example-site"), text) is None


def test_preprocessors_that_may_add_text_rule_the_shortcut_out(tmp_path: Path) -> None:
    glossary = tmp_path / "abbreviations.md"
    glossary.write_text("*[CMJ]: Countermovement jump\n", encoding="utf-8")
    snippets = Markdown(
        extensions=["toc", "abbr", "pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"auto_append": [str(glossary)]}},
    )
    assert not takes_skeletons(snippets)
    assert not takes_skeletons(Markdown(extensions=["toc", "pymdownx.critic"]))
    assert takes_skeletons(Markdown(extensions=["toc", "fenced_code", "pymdownx.superfences"]))
