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


PROBLEMS = "data-runform-problems>"  # the list of a broken tip's problems (not the banner)


def is_tip_page(status: int, html: str) -> bool:
    return status == 200 and PROBLEMS not in html and "Heel Pick Up" in html


def shows_problems(status: int, html: str) -> bool:
    return status == 200 and PROBLEMS in html


def wheres(html: str) -> list[str]:
    return [w.get_text() for w in BeautifulSoup(html, "lxml").select(".rf-problems__where")]


def banner_links(html: str) -> list[tuple[str, str]]:
    banner = BeautifulSoup(html, "lxml").select_one("[data-runform-problems-banner]")
    return [(a["href"], a.get_text()) for a in banner.select("a")] if banner else []


def test_a_broken_tip_shows_its_problems_on_its_page_and_a_banner_elsewhere(make_project):
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
        _, html = wait_for(page, shows_problems, 10, "the tip's page of problems")
        took = time.monotonic() - started
        assert took < 5, f"the problems took {took:.1f} s to show; expected a few seconds"
        assert wheres(html) == [BROKEN_LINE], html
        items = BeautifulSoup(html, "lxml").select(".rf-problems__item")
        assert "is not closed" in items[0].get_text(), items[0].get_text()
        assert banner_links(html) == [], "the tip's own page needs no banner about itself"

        home_status, home = fetch(f"{preview.url}/")
        assert home_status == 200 and "Welcome to the test club" in home, "home is still there"
        assert banner_links(home) == [("tips/heel-pick-up/", "tips/2026-11-20-heel-pick-up.yml")]
        other = fetch(f"{preview.url}/tips/cadence-quick-feet/")[1]
        assert "Cadence" in other and banner_links(other) == [
            ("../heel-pick-up/", "tips/2026-11-20-heel-pick-up.yml")
        ]
        about = fetch(f"{preview.url}/tags/")[1]
        assert banner_links(about) == [
            ("../tips/heel-pick-up/", "tips/2026-11-20-heel-pick-up.yml")
        ], "the coach's own pages show the banner too"
        archive = fetch(f"{preview.url}/tips/")[1]
        assert "Heel Pick Up" not in archive.split("data-runform-problems-banner")[-1]
        printed = preview.log.read_text(encoding="utf-8")
        assert BROKEN_LINE in printed, f"the terminal must print the line:\n{printed}"

        tip.write_text(good, encoding="utf-8")
        wait_for(page, is_tip_page, 10, "the tip coming back after the fix")
        assert banner_links(fetch(f"{preview.url}/tags/")[1]) == [], "the banner goes away"


def test_a_project_broken_from_the_start_serves_the_rest(make_project):
    project = make_project({"2026-12-11-typo.yml": "title: Typo\ncues: x\n"})
    with running_preview(project.root) as preview:
        wait_for(f"{preview.url}/tips/heel-pick-up/", is_tip_page, 90, "the good tips")
        _, html = wait_for(f"{preview.url}/tips/typo/", shows_problems, 10, "the typo's page")
        assert wheres(html) == ["tips/2026-12-11-typo.yml:1:1"] * 4 + [
            "tips/2026-12-11-typo.yml:2:1"
        ]
        (project.tips / "2026-12-11-typo.yml").unlink()
        wait_for(
            f"{preview.url}/",
            lambda status, html: status == 200 and not banner_links(html),
            10,
            "recovery",
        )


def test_broken_settings_still_pause_the_whole_preview(make_project):
    project = make_project()
    with running_preview(project.root) as preview:
        wait_for(f"{preview.url}/tips/heel-pick-up/", is_tip_page, 90, "the first build")
        project.set_extra({"timezone": "Mars/Olympus"})
        _, html = wait_for(
            f"{preview.url}/tips/heel-pick-up/",
            lambda _, html: "data-runform-error-page" in html,
            10,
            "the error page",
        )
        where = [w.get_text() for w in BeautifulSoup(html, "lxml").select(".where")]
        assert len(where) == 1 and where[0].startswith("mkdocs.yml:"), where


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
