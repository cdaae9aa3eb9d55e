"""Card text the card font cannot draw: `runform check` warns, at the title or the cue name,
naming the characters and the font, so no card goes out with empty boxes. Needs DejaVu Sans
(Debian's fonts-dejavu-core), the default card font, as the cards do."""

from __future__ import annotations

import shutil

import pytest
from cli_runner import lines, runform

from conftest import minimal_tip
from runform.content.card_fonts import DEJAVU_BOLD, missing_characters


@pytest.fixture(autouse=True)
def _dejavu_is_installed() -> None:
    """`make test` installs fonts-dejavu-core; without it these tests fail, never skip."""
    assert DEJAVU_BOLD.is_file(), f"{DEJAVU_BOLD} is missing: run `make test` (it installs it)"


TAGS = "tags: [form]\n"  # no `no-tags` warning in the way


def _tip(title: str) -> str:
    """A minimal tip titled `title` as a coach types it (not JSON's surrogate escapes)."""
    return minimal_tip("T", "2026-11-27").replace('title: "T"', f'title: "{title}"') + TAGS


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("Run tall 🏃", ["🏃"]),
        ("Øvelse for hofter · Бег трусцой · Straße", []),
        ("Light feet ❤️", []),  # U+2764 is in DejaVu; the variation selector draws nothing
        ("Cadence 中文 中", ["中", "文"]),
        ("👍🏽 thumbs", ["👍", "🏽"]),
        ("Family 👨\u200d👩", ["👨", "👩"]),  # the joiner itself draws nothing
    ],
    ids=["runner-emoji", "latin-cyrillic", "heart-vs16", "han", "skin-tone", "zwj"],
)
def test_the_characters_dejavu_cannot_draw(text, missing):
    assert missing_characters(text, DEJAVU_BOLD) == missing


def test_check_warns_about_an_emoji_in_a_title_and_a_cue(make_project):
    tip = _tip("Run tall 🏃").replace('name: "Test cue"', 'name: "Tall 🙌"')
    project = make_project({"2026-11-27-run-tall.yml": tip}, example_tips=False)
    result = runform(project.root, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines(result.stdout) == [
        "tips/2026-11-27-run-tall.yml:1:1: warning: title has characters the social card's"
        " font (DejaVu Sans) cannot draw: '🏃' (U+1F3C3) (the card shows an empty box for"
        " each; remove them, or set extra.runform.cards.font to a font that has them)",
        "tips/2026-11-27-run-tall.yml:5:3: warning: cue.name has characters the social card's"
        " font (DejaVu Sans) cannot draw: '🙌' (U+1F64C) (the card shows an empty box for"
        " each; remove them, or set extra.runform.cards.font to a font that has them)",
        "runform: 0 errors, 2 warnings (1 tip checked).",
    ]


def test_no_warning_without_cards_or_with_a_font_that_has_them(make_project):
    tip = _tip("Run tall 🏃")
    project = make_project({"2026-11-27-run-tall.yml": tip}, example_tips=False)
    project.set_extra({"cards": {"enabled": False}})
    assert lines(runform(project.root, "check").stdout) == ["runform: 1 tip checked, no problems."]


def test_the_named_font_is_the_one_checked(make_project):
    tip = _tip("Straße 🏃")
    project = make_project({"2026-11-27-run-tall.yml": tip}, example_tips=False)
    (project.root / "fonts").mkdir()
    shutil.copy2(DEJAVU_BOLD.with_name("DejaVuSansMono-Bold.ttf"), project.root / "fonts")
    project.set_extra({"cards": {"font": "fonts/DejaVuSansMono-Bold.ttf"}})
    assert lines(runform(project.root, "check").stdout)[0] == (
        "tips/2026-11-27-run-tall.yml:1:1: warning: title has characters the social card's"
        " font (fonts/DejaVuSansMono-Bold.ttf) cannot draw: '🏃' (U+1F3C3) (the card shows"
        " an empty box for each; remove them, or set extra.runform.cards.font to a font that"
        " has them)"
    )
