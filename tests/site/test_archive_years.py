"""The archive at any size: /tips/ shows the newest year as cards and links to a page per
year (/tips/2024/), so no archive page grows past 53 cards (at 500 tips the one
page of cards was 281 KB of HTML). A slug of four digits would take a year's address."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup

from conftest import minimal_tip, weekly_tips


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def heading(node) -> str:
    return node.get_text(strip=True).removesuffix("¶")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import new_project

    # 110 Fridays back from 2026-11-20: 47 in 2026, 52 in 2025, 11 in 2024
    tips = weekly_tips(date(2026, 11, 20), 110, step_weeks=-1)
    project = new_project(tmp_path_factory.mktemp("archive") / "p", tips, example_tips=False)
    project.build_ok("2026-11-24")
    return project


def test_archive_shows_the_newest_year_as_cards_and_links_every_year(site):
    article = soup(site.page("tips/")).select_one("article")
    assert [heading(h) for h in article.select("h2")] == ["2026", "Every year"]
    cards = [len(h.find_next_sibling("div").select(".rf-card")) for h in article.select("h2")[:1]]
    assert cards == [47]
    assert article.select_one(".rf-card__title a")["href"] == "tip-0/"
    years = [(a["href"], a.get_text()) for a in article.select("ul.rf-years a")]
    assert years == [("2026/", "2026"), ("2025/", "2025"), ("2024/", "2024")]
    counts = [s.get_text() for s in article.select(".rf-years__count")]
    assert counts == ["(47)", "(52)", "(11)"]


def test_each_year_has_its_own_page_of_cards(site):
    page = soup(site.page("tips/2024/"))
    article = page.select_one("article")
    assert heading(article.select_one("h1")) == "Tips of 2024"
    assert page.title.get_text() == "Tips of 2024 - Test Running Club"
    titles = [a.get_text() for a in article.select(".rf-card__title a")]
    assert titles == [f"Tip {n}" for n in range(99, 110)]
    assert article.select_one(".rf-card__title a")["href"] == "../tip-99/"
    years = [a["href"] for a in article.select("ul.rf-years a")]
    assert years == ["../2026/", "../2025/", "./"]
    sitemap = (site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://coach.example/tips/2024/</loc>" in sitemap
    assert "<lastmod>2024-12-27</lastmod>" in sitemap.split("tips/2024/</loc>")[1][:60]


def test_every_archive_page_stays_small(site):
    sizes = {path: len(site.page(path).encode()) for path in ("tips/", "tips/2025/")}
    assert all(size < 60_000 for size in sizes.values()), sizes


def test_a_small_site_lists_its_years_on_the_archive_without_a_year_list(make_site):
    article = soup(make_site().page("tips/")).select_one("article")
    assert [heading(h) for h in article.select("h2")] == ["2026"]
    assert article.select("ul.rf-years") == []


@pytest.mark.parametrize(
    ("name", "extra", "expected"),
    [
        (
            "2026-11-20-2024.yml",
            {},
            "tips/2026-11-20-2024.yml:1:1: error: slug '2024' is the address of the tips of "
            "2024 (choose another slug (set 'slug:' or rename the file))",
        ),
        (
            "2026-11-20-heel.yml",
            {"slug": '"1999"'},
            "tips/2026-11-20-heel.yml:10:7: error: slug '1999' is the address of the tips of "
            "1999 (choose another slug (set 'slug:' or rename the file))",
        ),
    ],
    ids=["file-name", "slug-key"],
)
def test_a_slug_of_four_digits_is_refused(make_project, name, extra, expected):
    project = make_project({name: minimal_tip("Heel", "2026-11-20", **extra)}, example_tips=False)
    result = project.build()
    assert result.returncode != 0
    lines = [line for line in (result.stdout + result.stderr).splitlines() if "error:" in line]
    assert [line.split("ERROR   -  ")[-1] for line in lines] == [expected]
