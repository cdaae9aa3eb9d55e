"""The booking call-to-action: at the end of every tip and on home, per-tip off or override,
UTM fields on links to other sites, and the /book/ page built from the same settings."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from conftest import minimal_tip
from runform.site.links import with_utm

BOOKING = {
    "url": "https://coach.example/book?lang=en#top",
    "assessment_text": "Not local? Send a video.",
    "assessment_label": "Send a video",
    "assessment_url": "mailto:coach@coach.example",
}


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_cta_on_tip_and_home_with_utm_and_defaults_from_strings(make_site):
    project = make_site(settings={"booking": BOOKING})
    tip = soup(project.page("tips/heel-pick-up/")).select_one("article .rf-cta")
    assert tip is not None, "tips/heel-pick-up/: no booking block"
    assert tip.select_one(".rf-cta__text").get_text() == (
        "Want a coach's eye on your running form? Book a session."
    ), "booking.text defaults to strings.cta_text"
    book = tip.select_one("a.rf-cta__book")
    assert book.get_text() == "Book a session", "booking.label defaults to strings.cta_label"
    parts = urlsplit(book["href"])
    assert (parts.netloc, parts.path, parts.fragment) == ("coach.example", "/book", "top")
    assert _query(book["href"]) == {
        "lang": ["en"],
        "utm_source": ["runform"],
        "utm_medium": ["tip"],
        "utm_campaign": ["heel-pick-up"],
    }
    assessment = tip.select_one("a.rf-cta__assessment-link")
    assert assessment["href"] == "mailto:coach@coach.example", "mailto: is never tagged"
    home = soup(project.page("")).select_one(".rf-cta a.rf-cta__book")
    assert _query(home["href"])["utm_medium"] == ["home"]


def test_utm_off_and_a_custom_source(make_site):
    off = make_site(settings={"booking": {**BOOKING, "utm": False}})
    href = soup(off.page("tips/heel-pick-up/")).select_one("a.rf-cta__book")["href"]
    assert href == "https://coach.example/book?lang=en#top"
    custom = make_site(settings={"booking": {**BOOKING, "utm_source": "stridelab-site"}})
    href = soup(custom.page("tips/heel-pick-up/")).select_one("a.rf-cta__book")["href"]
    assert _query(href)["utm_source"] == ["stridelab-site"]


def test_cta_false_hides_and_cta_mapping_overrides_per_tip(make_site):
    hidden = minimal_tip("No Booking", "2026-11-06") + "cta: false\n"
    own = minimal_tip("Own Booking", "2026-10-30") + (
        "cta:\n  text: Struggling with this one? Book a form check.\n"
        "  label: Book a form check\n  url: https://checks.example/form\n"
    )
    internal = minimal_tip("Site Path", "2026-10-23") + (
        "cta:\n  text: Read about us.\n  label: About\n  url: /about/\n"
    )
    project = make_site(
        {
            "2026-11-06-no-booking.yml": hidden,
            "2026-10-30-own-booking.yml": own,
            "2026-10-23-site-path.yml": internal,
        },
        settings={"booking": BOOKING},
    )
    assert soup(project.page("tips/no-booking/")).select(".rf-cta") == []
    block = soup(project.page("tips/own-booking/")).select_one(".rf-cta")
    assert (
        block.select_one(".rf-cta__text").get_text()
        == "Struggling with this one? Book a form check."
    )
    link = block.select_one("a.rf-cta__book")
    assert link.get_text() == "Book a form check"
    assert link["href"] == (
        "https://checks.example/form?utm_source=runform&utm_medium=tip&utm_campaign=own-booking"
    )
    assert block.select_one("a.rf-cta__assessment-link") is None
    path_link = soup(project.page("tips/site-path/")).select_one("a.rf-cta__book")
    assert path_link["href"] == "/about/", "links within the site carry no UTM"


def test_book_page_offers_both_links(make_site):
    project = make_site(settings={"booking": {**BOOKING, "text": "Run with less effort."}})
    page = soup(project.page("book/"))
    assert page.select_one("h1").get_text(strip=True).removesuffix("¶") == "Work with us"
    article = page.select_one("article")
    assert "Run with less effort." in article.get_text()
    assert _query(article.select_one("a.rf-cta__book")["href"])["utm_campaign"] == ["book"]
    assert article.select_one("a.rf-cta__assessment-link")["href"] == BOOKING["assessment_url"]
    assert "Not local? Send a video." in article.get_text()


def test_no_booking_url_means_no_block_and_no_book_page(make_site):
    project = make_site(settings={"booking": {"url": None}})
    assert soup(project.page("tips/heel-pick-up/")).select(".rf-cta") == []
    assert soup(project.page("")).select(".rf-cta") == []
    assert not (project.site / "book").exists()


def test_with_utm_keeps_what_the_coach_wrote():
    tagged = with_utm(
        "https://c.example/b?utm_source=flyer&x=a%20b", source="runform", medium="tip", campaign="s"
    )
    assert tagged == "https://c.example/b?utm_source=flyer&x=a%20b&utm_medium=tip&utm_campaign=s"
    assert with_utm("/book/", source="r", medium="tip", campaign="s") == "/book/"
