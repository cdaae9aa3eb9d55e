"""A tip page shows its tags in the order the coach wrote them, not sorted by name, each a
link to its tag's page."""

from __future__ import annotations

from lxml import html

from conftest import minimal_tip


def test_tip_page_tags_keep_the_written_order(make_site) -> None:
    tip = minimal_tip("Order", "2026-11-20", tags="[zeta drills, Alpha, mid-foot]")
    project = make_site({"2026-11-20-order.yml": tip}, example_tips=False)
    page = html.parse(str(project.site / "tips" / "order" / "index.html")).getroot()
    shown = [
        (link.text_content(), link.get("href"))
        for link in page.xpath("//article//nav[@class='rf-tags']//a")
    ]
    assert shown == [
        ("zeta drills", "../../tags/zeta-drills/"),
        ("Alpha", "../../tags/alpha/"),
        ("mid-foot", "../../tags/mid-foot/"),
    ]
    assert page.xpath("//nav[@class='rf-tags']/@aria-label") == ["Tags"]
