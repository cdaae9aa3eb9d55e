"""`runform serve` for real: a broken tip turns the preview into an error page, never a hang.

Plain `mkdocs serve` answers no request after a failed rebuild until the file is fixed. Here
the server runs on a free 127.0.0.1 port; every request has a short timeout, so a hang fails.
"""

from __future__ import annotations

import json
import time

from bs4 import BeautifulSoup
from preview_server import fetch, running_preview, wait_for

TIP = "2026-11-20-heel-pick-up.yml"
BROKEN_LINE = "tips/2026-11-20-heel-pick-up.yml:3:5"  # where YAML notices the open list


def is_tip_page(status: int, html: str) -> bool:
    return status == 200 and "data-runform-error-page" not in html and "Heel Pick Up" in html


def test_broken_tip_shows_the_error_page_then_the_tip_again(make_project):
    project = make_project()
    with running_preview(project.root) as preview:
        page = f"{preview.url}/tips/heel-pick-up/"
        wait_for(page, is_tip_page, 90, "the first build")
        first_line = preview.log.read_text(encoding="utf-8").splitlines()[0]
        assert first_line.startswith(f"Preview of Test Running Club at {preview.url}/ "), first_line
        scheduled = fetch(f"{preview.url}/tips/relaxed-arms/")[1]
        assert "Scheduled for" in scheduled, "the preview must show scheduled tips with a banner"

        tip = project.tips / TIP
        good = tip.read_text(encoding="utf-8")
        tip.write_text(good.replace("title: Heel Pick Up", "title: [Heel Pick Up"), "utf-8")
        started = time.monotonic()
        _, html = wait_for(
            page, lambda _, html: "data-runform-error-page" in html, 10, "the error page"
        )
        took = time.monotonic() - started
        assert took < 5, f"the error page took {took:.1f} s; expected a few seconds"
        problems = BeautifulSoup(html, "lxml").select("li")
        assert [p.select_one(".where").get_text() for p in problems] == [BROKEN_LINE], html
        assert "is not closed" in problems[0].get_text(), problems[0].get_text()
        assert "Hint:" in problems[0].get_text(), "the hint is missing from the error page"
        home_status, home = fetch(f"{preview.url}/")
        assert "data-runform-error-page" in home, f"home (HTTP {home_status}) shows no error"
        printed = preview.log.read_text(encoding="utf-8")
        assert BROKEN_LINE in printed, f"the terminal must print the line:\n{printed}"

        tip.write_text(good, encoding="utf-8")
        wait_for(page, is_tip_page, 10, "the tip coming back after the fix")


def test_a_project_broken_from_the_start_still_serves_the_error_page(make_project):
    project = make_project({"2026-12-11-typo.yml": "title: Typo\ncues: x\n"})
    with running_preview(project.root) as preview:
        _, html = wait_for(
            f"{preview.url}/tips/heel-pick-up/",
            lambda _, html: "data-runform-error-page" in html,
            90,
            "the error page of a broken first build",
        )
        wheres = [w.get_text() for w in BeautifulSoup(html, "lxml").select(".where")]
        assert wheres == ["tips/2026-12-11-typo.yml:1:1"] * 4 + ["tips/2026-12-11-typo.yml:2:1"]
        (project.tips / "2026-12-11-typo.yml").unlink()
        wait_for(f"{preview.url}/tips/heel-pick-up/", is_tip_page, 10, "recovery")


def _tip_titles_in_search(url: str) -> list[str]:
    index = json.loads(fetch(f"{url}/search/search_index.json")[1])
    return sorted(
        d["title"]
        for d in index["docs"]
        if d["location"].startswith("tips/")
        and "#" not in d["location"]
        and d["location"] != "tips/"
    )


def test_the_preview_search_knows_every_tip_after_a_partial_rebuild(make_project):
    project = make_project()
    with running_preview(project.root) as preview:
        page = f"{preview.url}/tips/heel-pick-up/"
        wait_for(page, is_tip_page, 90, "the first build")
        before = _tip_titles_in_search(preview.url)
        assert "Heel Pick Up" in before and len(before) >= 4, before

        tip = project.tips / TIP
        tip.write_text(tip.read_text("utf-8").replace("title: Heel Pick Up", "title: Heel Lift"))
        wait_for(page, lambda _, html: "Heel Lift" in html, 10, "the renamed tip")
        after = _tip_titles_in_search(preview.url)
        assert after == sorted([*(t for t in before if t != "Heel Pick Up"), "Heel Lift"]), (
            f"one entry per tip, the renamed one updated: {before} -> {after}"
        )
