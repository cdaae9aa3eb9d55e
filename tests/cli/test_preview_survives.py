"""The preview survives whatever happens to the files it watches (red-team findings)."""

from __future__ import annotations

import shutil

import pytest
from preview_server import running_preview, wait_for

from conftest import minimal_tip

TIP_PAGE = "tips/heel-pick-up/"


def _shows(text: str):
    return lambda status, html: status == 200 and text in html


@pytest.mark.parametrize("at_once", [False, True], ids=["seen-gone", "at-once"])
def test_tips_deleted_and_restored_are_watched_again(make_project, tmp_path, at_once) -> None:
    """tips/ deleted and restored, with the preview seeing it gone in between, or at once
    (three times): a `git checkout` does it in milliseconds, between two of MkDocs' polls of
    the project folder, and the watch on the old folder is dead all the same."""
    project = make_project()
    with running_preview(project.root) as preview:
        page = f"{preview.url}/{TIP_PAGE}"
        wait_for(page, _shows("Heel Pick Up"), 90, "the first build")
        backup = tmp_path / "tips-backup"
        shutil.copytree(project.tips, backup)
        for round_ in range(3 if at_once else 1):
            shutil.rmtree(project.tips)
            if not at_once:
                home = f"{preview.url}/"
                wait_for(home, lambda _, html: "Heel Pick Up" not in html, 30, "home without tips")
            shutil.copytree(backup, project.tips)
            if not at_once:
                wait_for(page, _shows("Heel Pick Up"), 30, "the tip back with tips/")
            tip = project.tips / "2026-11-20-heel-pick-up.yml"
            title = f"Heel Lift {round_}"
            tip.write_text(tip.read_text("utf-8").replace("title: Heel Pick Up", f"title: {title}"))
            wait_for(page, _shows(title), 30, f"a save after restore {round_}")


def test_a_year_typo_shows_its_problem_not_a_dead_preview(make_project) -> None:
    project = make_project()
    with running_preview(project.root) as preview:
        page = f"{preview.url}/{TIP_PAGE}"
        wait_for(page, _shows("Heel Pick Up"), 90, "the first build")
        typo = project.tips / "2206-11-06-typo.yml"
        typo.write_text(minimal_tip("Typo", "2206-11-06"), encoding="utf-8")
        wait_for(
            f"{preview.url}/tips/typo/",
            lambda _, html: "is outside the years a site can carry" in html,
            30,
            "the typo's page naming the date",
        )
        wait_for(page, _shows("tips/2206-11-06-typo.yml"), 30, "the banner on the other pages")
        typo.unlink()
        wait_for(page, _shows("Heel Pick Up"), 30, "recovery")
