"""Social card images: 1200x630 PNGs in the site's colours, drawn offline, cached by content."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from conftest import Project, minimal_tip, new_project
from runform.content.settings import CardSettings
from runform.site.cards.cache import draw_cards
from runform.site.cards.drawing import draw_card
from runform.site.cards.style import CardText, card_style

CARDS = "assets/runform/cards"
INDIGO_DARK = (0x30, 0x3F, 0xA1)  # Material's default primary colour, its darker shade


def png(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG", "a card is a PNG"
    return image.convert("RGB")


def cache_state(project: Project) -> dict[str, int]:
    cache = project.root / ".cache" / "runform" / "cards"
    return {path.name: path.stat().st_mtime_ns for path in sorted(cache.glob("*.png"))}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = new_project(tmp_path_factory.mktemp("cards") / "project")
    project.build_ok("2026-11-24")
    return project


def test_each_published_tip_has_a_1200x630_card(site: Project) -> None:
    names = sorted(p.name for p in (site.site / CARDS / "tips").iterdir())
    assert names == ["cadence-quick-feet.png", "heel-pick-up.png"], (
        f"{CARDS}/tips: one card per published tip, none for scheduled or draft tips"
    )
    for name in [*names, "../site.png"]:
        image = png((site.site / CARDS / "tips" / name).read_bytes())
        assert image.size == (1200, 630), f"{name}: 1200x630"


def test_card_uses_the_theme_colour(site: Project) -> None:
    image = png((site.site / CARDS / "tips" / "heel-pick-up.png").read_bytes())
    assert image.getpixel((4, 4)) == INDIGO_DARK, "background: the theme's primary colour"
    assert image.getpixel((4, 625)) != INDIGO_DARK, "a darker band holds the cue"


def test_card_colours_follow_the_palette_and_the_settings(make_site) -> None:
    project = make_site(
        {"2026-11-20-one.yml": minimal_tip("One")},
        example_tips=False,
        settings={"cards": {"background": "#123456"}},
    )
    image = png((project.site / CARDS / "tips" / "one.png").read_bytes())
    assert image.getpixel((4, 4)) == (0x12, 0x34, 0x56), "cards.background wins"

    root = Path()
    orange = card_style([{"primary": "deep orange"}], CardSettings(), root)
    assert orange.background == "#f4511f" and orange.foreground == "#ffffff"
    yellow = card_style({"primary": "yellow"}, CardSettings(), root)
    assert yellow.foreground == "#1b1b1f", "dark text on a light primary colour"


def test_a_long_title_wraps_inside_the_card() -> None:
    style = card_style(None, CardSettings(background="#000000"), Path())
    title = "Wide " * 17 + "end"  # 88 characters
    image = png(draw_card(CardText(title, "Club", "#Tag", "Cue", "Name"), style))
    right_margin = image.crop((1150, 140, 1200, 480))
    assert right_margin.getextrema() == ((0, 0), (0, 0), (0, 0)), "no text in the right margin"


def test_a_rebuild_with_nothing_changed_draws_no_card(site: Project) -> None:
    before = cache_state(site)
    assert len(before) == 3, "two tip cards and the site card are cached"
    site.build_ok("2026-11-24")
    assert cache_state(site) == before, "no card drawn or rewritten on a rebuild"
    site_card = (site.site / CARDS / "tips" / "heel-pick-up.png").read_bytes()
    cached = {p.read_bytes() for p in (site.root / ".cache/runform/cards").glob("*.png")}
    assert site_card in cached, "the site's card is the cached image"


def test_a_changed_tip_draws_only_its_card(make_project) -> None:
    project: Project = make_project()
    project.build_ok("2026-11-24")
    before = cache_state(project)
    tip = project.tips / "2026-11-20-heel-pick-up.yml"
    tip.write_text(
        tip.read_text(encoding="utf-8").replace("title: Heel Pick Up", "title: Heel Lift"),
        encoding="utf-8",
    )
    project.build_ok("2026-11-24")
    after = cache_state(project)
    assert set(after) - set(before) and len(set(after) - set(before)) == 1, (
        "exactly one new card for the one changed tip"
    )
    assert {name: after[name] for name in before} == before, "the other cards are untouched"


def test_draw_cards_reuses_its_cache(tmp_path: Path) -> None:
    style = card_style(None, CardSettings(), tmp_path)
    cards = {"a.png": CardText("A title", "Club"), "b.png": CardText("B title", "Club")}
    first = draw_cards(cards, style, tmp_path / "cache")
    second = draw_cards(cards, style, tmp_path / "cache")
    assert first.drawn == 2 and second.drawn == 0, "the second run draws nothing"
    assert first.images == second.images, "same content, same bytes"


def test_cards_can_be_switched_off(make_site) -> None:
    project = make_site(settings={"cards": {"enabled": False}})
    assert not (project.site / CARDS).exists(), "no card images"
    assert "og:image" not in project.page("tips/heel-pick-up/"), "no og:image without a card"


def test_a_missing_font_file_fails_the_strict_build(make_project) -> None:
    project: Project = make_project()
    project.set_extra({"cards": {"font": "fonts/Missing.ttf"}})
    result = project.build("2026-11-24")
    assert result.returncode != 0, "a font that is not there stops a strict build"
    assert "error: cards.font 'fonts/Missing.ttf' is not a file" in result.stderr, (
        "the message names the missing font"
    )
    assert "Traceback" not in result.stderr, "a problem in the settings is not a crash"
