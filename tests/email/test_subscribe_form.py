"""The subscribe form: on home, under each tip and at /subscribe/ when a list is set up, posting
straight to the list service; nothing of it when none is."""

from __future__ import annotations

from collections.abc import Callable

from bs4 import BeautifulSoup

from conftest import Project

FORM_URL = "https://lists.example/subscribe/coach-sam"
PRIVACY = "We use your address only to send the weekly tip; every email has an unsubscribe link."


def _forms(project: Project, path: str) -> list[BeautifulSoup]:
    return BeautifulSoup(project.page(path), "lxml").select("form.rf-subscribe__form")


def test_the_form_is_on_home_each_tip_and_its_own_page(make_site: Callable[..., Project]) -> None:
    site = make_site(
        settings={"email": {"subscribe": {"form_url": FORM_URL, "email_field": "EMAIL"}}}
    )
    for path in ("", "tips/heel-pick-up/", "subscribe/"):
        forms = _forms(site, path)
        assert len(forms) == 1, f"/{path}: one subscribe form"
        form = forms[0]
        assert (form["action"], form["method"]) == (FORM_URL, "post")
        field = form.select_one("input")
        assert (field["type"], field["name"]) == ("email", "EMAIL")
        assert field.has_attr("required")
        label = form.select_one("label")
        assert label["for"] == field["id"] and label.get_text() == "Your email address"
        section = form.find_parent("section")
        privacy = section.select_one(".rf-subscribe__privacy").get_text()
        assert privacy == PRIVACY
    page = BeautifulSoup(site.page("subscribe/"), "lxml")
    assert page.select_one("h1").get_text(strip=True).startswith("Subscribe")
    loads = [
        tag.get("src") or tag.get("href")
        for tag in page.select("script[src], img[src], link[href], iframe[src]")
    ]
    assert not [url for url in loads if "lists.example" in url], "nothing loads from the list"


def test_no_form_and_no_page_without_a_list(make_site: Callable[..., Project]) -> None:
    site = make_site()
    for path in ("", "tips/heel-pick-up/"):
        assert _forms(site, path) == [], f"/{path}: no subscribe form"
    assert not (site.site / "subscribe").exists()
