"""The page, the docs and the README agree on where the intro goes; default words are generic."""

from __future__ import annotations

from pathlib import Path

from lxml import html

from conftest import minimal_tip
from runform.content.settings import Strings

REPO = Path(__file__).resolve().parents[2]


def test_the_intro_comes_right_after_the_cue_box_on_the_page_and_in_the_docs(make_site) -> None:
    tip = minimal_tip("Order", "2026-11-20", intro='"An opening paragraph."')
    project = make_site({"2026-11-20-order.yml": tip}, example_tips=False)
    page = html.parse(str(project.site / "tips" / "order" / "index.html")).getroot()
    blocks = page.xpath(
        "//article//*[contains(@class, 'rf-cue ') or @class='rf-cue' or @class='rf-intro']"
    )
    assert [block.get("class").split()[0] for block in blocks] == ["rf-cue", "rf-intro"]
    docs = (REPO / "docs" / "writing-tips.md").read_text(encoding="utf-8")
    assert "| `intro` | An opening paragraph, shown right under the cue box." in docs
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert (
        "intro: |                                # optional, Markdown: shown under the cue box"
        in readme
    )
    assert readme.index("\ncue:\n") < readme.index("\nintro: |")


def test_the_comment_prompt_is_about_the_tip_not_one_topic() -> None:
    assert Strings().comments_prompt == (
        "Questions about this tip? Ask below; the coach answers every week."
    )
