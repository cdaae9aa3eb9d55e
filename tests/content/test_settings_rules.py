"""Settings rules that look beyond extra.runform (files, nav) run in `check` and in every build,
with one message at the line in mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from cli_runner import lines, runform

from conftest import Project

HINT = "give a .ttf or .otf file, relative to mkdocs.yml, or remove cards.font for DejaVu Sans"


def _font_position(project: Project, font: str) -> tuple[int, int]:
    text = (project.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, row in enumerate(text, 1) if row.strip() == f"font: {font}")
    return line, text[line - 1].index("font") + 1


@pytest.mark.parametrize(
    ("setup", "font", "problem"),
    [
        ("none", "fonts/Missing.ttf", "is not a file"),
        ("markdown", "docs/index.md", "is not a font file"),
        ("empty", "fonts/Empty.ttf", "is not a font file"),
        ("folder", "fonts", "is a folder, not a file"),
    ],
    ids=["missing", "markdown", "empty", "folder"],
)
def test_a_bad_card_font_is_refused_by_check_and_build_alike(
    make_project, setup: str, font: str, problem: str
) -> None:
    project: Project = make_project()
    (project.root / "fonts").mkdir()
    if setup == "empty":
        (project.root / font).write_bytes(b"")
    project.set_extra({"cards": {"font": font}})
    line, col = _font_position(project, font)
    expected = f"mkdocs.yml:{line}:{col}: error: cards.font '{font}' {problem} ({HINT})"
    check = runform(project.root, "check")
    assert (check.returncode, lines(check.stdout)[0]) == (1, expected)
    build = runform(project.root, "build", "--out", "out")
    assert build.returncode == 1
    assert expected in build.stderr
    plain = project.build("2026-11-24")  # a plain `mkdocs build` through the hook
    assert plain.returncode != 0 and expected in plain.stderr
    assert "Traceback" not in build.stderr + plain.stderr


def test_a_real_font_passes(make_project) -> None:
    project: Project = make_project()
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    (project.root / "Font.ttf").write_bytes(dejavu.read_bytes())
    project.set_extra({"cards": {"font": "Font.ttf"}})
    assert runform(project.root, "check").returncode == 0


def test_the_booking_page_in_nav_needs_a_booking_url(make_project) -> None:
    project: Project = make_project()
    config_path = project.root / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["nav"].append({"Work with us": "book.md"})
    del config["extra"]["runform"]["booking"]
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    text = config_path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, row in enumerate(text, 1) if "book.md" in row)
    col = text[line - 1].index("Work with us") + 1  # the nav entry
    expected = (
        f"mkdocs.yml:{line}:{col}: error: nav lists book.md, but extra.runform.booking.url is"
        " not set (set booking.url to make the booking page, or remove it from nav)"
    )
    check = runform(project.root, "check")
    assert (check.returncode, lines(check.stdout)[0]) == (1, expected)
    build = runform(project.root, "build", "--out", "out")
    assert build.returncode == 1 and expected in build.stderr
