"""The preview lists what it shows: scheduled tips and drafts appear on home and in the
archive with a badge (a new-user trial: after `runform init` the preview listed nothing)."""

from __future__ import annotations

from lxml import html as lxml_html


def _cards(page) -> list[tuple[str, str]]:
    tree = lxml_html.fromstring(page.html)
    return [
        (
            card.findtext('.//h3[@class="rf-card__title"]/a'),
            (card.findtext('.//span[@class="rf-card__badge"]') or ""),
        )
        for card in tree.iter("article")
        if "rf-card" in (card.get("class") or "")
    ]


def test_the_preview_lists_scheduled_tips_and_drafts_with_a_badge(site_value) -> None:
    preview = site_value(preview=True)
    pages = {page.src_uri: page for page in preview.pages}
    expected = [
        ("Land Under Your Hips", "Draft"),
        ("Relaxed Arms, Relaxed Shoulders", "Scheduled"),
        ("Heel Pick Up", ""),
        ("Quick Feet, Shorter Stride", ""),
    ]
    assert _cards(pages["tips/index.md"]) == expected
    home = pages["index.md"]
    assert _cards(home) == expected[1:], "the newest is home's latest, the rest its cards"
    hero = lxml_html.fromstring(home.html).find('.//section[@class="rf-hero"]')
    assert hero.findtext('.//h2[@class="rf-hero__title"]/a') == "Land Under Your Hips"
    assert hero.findtext('.//span[@class="rf-card__badge"]') == "Draft"


def test_a_build_lists_published_tips_only_and_no_badge(site_value) -> None:
    pages = {page.src_uri: page for page in site_value().pages}
    assert _cards(pages["tips/index.md"]) == [
        ("Heel Pick Up", ""),
        ("Quick Feet, Shorter Stride", ""),
    ]
    hero = lxml_html.fromstring(pages["index.md"].html).find('.//section[@class="rf-hero"]')
    assert hero.find('.//span[@class="rf-card__badge"]') is None
