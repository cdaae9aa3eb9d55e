"""A simulated quarter of weekly tips: every day publishes exactly the tips that are due, and
the Friday build differs from Thursday's by exactly the new tip. Future and draft tips never
appear anywhere in a built site."""

from __future__ import annotations

import gzip
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from conftest import Project, minimal_tip, new_project
from runform.content.catalog import load_catalog
from runform.content.schedule import build_schedule

SITE_URL = "https://coach.example/"
FIRST_FRIDAY = date(2026, 9, 4)
WEEKS = 13
DRAFT_WEEK = 7  # this week's tip is a draft: it never goes out
THURSDAY, FRIDAY = date(2026, 10, 8), date(2026, 10, 9)  # week 6 goes live on FRIDAY
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def quarter() -> dict[str, tuple[date, bool]]:
    """slug -> (publish date, draft) for 13 weekly tips."""
    return {
        f"week-{n:02d}": (FIRST_FRIDAY + timedelta(weeks=n), n == DRAFT_WEEK) for n in range(WEEKS)
    }


def quarter_tips() -> dict[str, str]:
    files = {}
    for slug, (day, draft) in quarter().items():
        extra = {"draft": "true"} if draft else {}
        title = f"Quarter Tip {slug.title()}"
        files[f"{day.isoformat()}-{slug}.yml"] = minimal_tip(title, day.isoformat(), **extra)
    return files


@pytest.fixture(scope="module")
def quarter_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return new_project(
        tmp_path_factory.mktemp("quarter") / "project", quarter_tips(), example_tips=False
    )


def test_every_day_of_the_quarter_publishes_exactly_the_tips_due(
    quarter_project: Project,
) -> None:
    catalog = load_catalog(quarter_project.tips, root=quarter_project.root)
    assert not catalog.errors, [str(d) for d in catalog.errors]
    assert len(catalog.entries) == WEEKS
    tips = quarter()
    day = FIRST_FRIDAY - timedelta(days=3)
    last = FIRST_FRIDAY + timedelta(weeks=WEEKS, days=3)
    days = 0
    while day <= last:
        schedule = build_schedule(catalog, day)
        due = [s for s, (d, draft) in tips.items() if d <= day and not draft]
        published = [entry.slug for entry in schedule.published]
        assert published == sorted(due, reverse=True), f"as of {day}: published {published}"
        upcoming = [s for s, (d, draft) in tips.items() if d > day and not draft]
        assert [e.slug for e in schedule.scheduled] == upcoming, f"as of {day}: scheduled"
        assert [e.slug for e in schedule.drafts] == [f"week-{DRAFT_WEEK:02d}"], "one draft"
        day += timedelta(days=1)
        days += 1
    assert days == 7 * WEEKS + 7, "every day of the quarter, and a few days either side"


def _site_files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def _archive_links(project: Project) -> set[str]:
    page = BeautifulSoup(project.page("tips/"), "lxml")
    return {a["href"] for a in page.select("article .rf-cards a[href]")}


def _feed_guids(project: Project) -> set[str]:
    tree = etree.fromstring((project.site / "feed.xml").read_bytes())
    return set(tree.xpath("channel/item/guid/text()"))


def _json_feed_ids(project: Project) -> set[str]:
    feed = json.loads((project.site / "feed.json").read_text(encoding="utf-8"))
    return {item["id"] for item in feed["items"]}


def _sitemap_urls(project: Project) -> set[str]:
    tree = etree.fromstring((project.site / "sitemap.xml").read_bytes())
    return set(tree.xpath("//s:loc/text()", namespaces=SITEMAP_NS))


def test_friday_build_differs_from_thursday_by_exactly_the_new_tip(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    root = tmp_path_factory.mktemp("thu-fri")
    thursday = new_project(root / "thursday", quarter_tips(), example_tips=False)
    friday = new_project(root / "friday", quarter_tips(), example_tips=False)
    thursday.build_ok(THURSDAY.isoformat())
    friday.build_ok(FRIDAY.isoformat())
    new_url = f"{SITE_URL}tips/week-05/"

    added = _site_files(friday.site) - _site_files(thursday.site)
    assert added == {"tips/week-05/index.html", "assets/runform/cards/tips/week-05.png"}, (
        f"Friday's site adds the new tip's page and card, nothing else: {sorted(added)}"
    )
    assert _site_files(thursday.site) <= _site_files(friday.site), "nothing disappears"

    thu_archive, fri_archive = _archive_links(thursday), _archive_links(friday)
    assert fri_archive - thu_archive == {"week-05/"}, "one new archive entry"
    assert thu_archive <= fri_archive

    assert _feed_guids(friday) - _feed_guids(thursday) == {new_url}, "one new RSS item"
    assert _feed_guids(thursday) <= _feed_guids(friday)
    assert _json_feed_ids(friday) - _json_feed_ids(thursday) == {new_url}, "one new JSON item"

    assert _sitemap_urls(friday) - _sitemap_urls(thursday) == {new_url}, "one new sitemap URL"
    assert _sitemap_urls(thursday) <= _sitemap_urls(friday)

    for name in sorted(_site_files(thursday.site)):
        text = _readable(thursday.site / name)
        assert "week-05" not in text and "Week-05" not in text, (
            f"{name}: Thursday's site shows nothing of Friday's tip"
        )


def _readable(path: Path) -> str:
    """A built file as text (gzip opened); images and fonts by name only."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    if path.suffix in (".png", ".jpg", ".ico", ".woff", ".woff2", ".ttf"):
        return ""
    return data.decode("utf-8", errors="replace")


def test_future_and_draft_tips_appear_nowhere_in_the_site(make_site) -> None:
    project: Project = make_site(as_of="2026-11-24")
    hidden = {
        "relaxed-arms": ["Relaxed Arms, Relaxed Shoulders", "Elbows back", "Seated arm swings"],
        "midfoot-landing": ["Land Under Your Hips", "Land under the hips"],
    }
    for name in sorted(_site_files(project.site)):
        text = _readable(project.site / name)
        for slug, words in hidden.items():
            assert slug not in name, f"{name}: a file for unpublished tip '{slug}'"
            assert slug not in text, f"{name}: mentions unpublished tip '{slug}'"
            for word in words:
                assert word not in text, f"{name}: shows '{word}' of unpublished tip '{slug}'"
    feed = (project.site / "feed.xml").read_text(encoding="utf-8")
    assert "heel-pick-up" in feed, "the check reads real output (the published tip is there)"
