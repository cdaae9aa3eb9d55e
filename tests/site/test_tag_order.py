"""A tip page shows its tags in the order the coach wrote them, not sorted by name."""

from __future__ import annotations

from lxml import html

from conftest import minimal_tip


def test_tip_page_tags_keep_the_written_order(make_site) -> None:
    tip = minimal_tip("Order", "2026-11-20", tags="[zeta drills, Alpha, mid-foot]")
    project = make_site({"2026-11-20-order.yml": tip}, example_tips=False)
    page = html.parse(str(project.site / "tips" / "order" / "index.html")).getroot()
    shown = [
        " ".join(tag.text_content().split())
        for tag in page.xpath(
            "//nav[contains(@class, 'md-tags')]//*[contains(concat(' ', @class, ' '), ' md-tag ')]"
        )
    ]
    assert shown == ["zeta drills", "Alpha", "mid-foot"]
