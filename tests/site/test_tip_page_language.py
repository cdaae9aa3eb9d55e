"""The coach's language: with tests/data/french/mkdocs.yml every word runform writes is
French, dates are formatted for theme.language by Babel, and Material's own words follow."""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import DATA, Project, new_project
from runform.content.settings import SiteSettings, Strings
from runform.site.pages import SiteContext, build_pages

FRENCH = DATA / "french" / "mkdocs.yml"


def _text_of(page) -> str:
    """A rendered page's text with its HTML blocks in place (older RenderedPage: .markdown)."""
    return getattr(page, "html", page.markdown)


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def text(element) -> str:
    return element.get_text(" ", strip=True).removesuffix(" ¶").removesuffix("¶")


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = new_project(tmp_path_factory.mktemp("fr") / "project")
    shutil.copy2(FRENCH, project.root / "mkdocs.yml")
    project.build_ok("2026-11-24")
    return project


def test_every_string_is_set_in_the_french_example():
    import yaml

    strings = yaml.safe_load(FRENCH.read_text(encoding="utf-8"))["extra"]["runform"]["strings"]
    assert sorted(strings) == sorted(Strings.model_fields), (
        f"{FRENCH.name} must translate every field of settings.Strings"
    )


def test_tip_page_in_french(french: Project):
    page = soup(french.page("tips/heel-pick-up/"))
    assert page.select_one("html")["lang"] == "fr"
    article = page.select_one("article")
    assert text(article.select_one(".rf-meta time")) == "20 novembre 2026"
    assert text(article.select_one(".rf-cue__label")) == "Consigne technique"
    assert text(article.select_one(".rf-cue__say-label")) == "Dites-vous:"
    figure = article.select_one("figure.rf-video")
    assert (figure["data-play-before"], figure["data-play-after"]) == ("Lire la vidéo : ", "")
    assert text(figure.select_one(".rf-video__hint")) == "Regarder sur YouTube"
    assert text(figure.select_one("figcaption")) == "Vidéo : Jeff Grant, Hillseeker Fitness"
    headings = [text(h) for h in article.select("h2")]
    assert "Erreurs fréquentes" in headings
    assert "Exercice: Wall-supported heel pulls" in headings
    assert text(article.select_one(".rf-fault__fix-label")) == "Correction"
    assert text(article.select_one(".rf-drill__dose strong")) == "Dosage:"
    assert [text(t) for t in article.select(".admonition-title")] == ["Remarque", "Conseil"]
    cta = article.select_one(".rf-cta")
    assert text(cta.select_one(".rf-cta__text")) == (
        "Envie d'un regard de coach sur votre foulée ? Réservez une séance."
    )
    assert text(cta.select_one(".rf-cta__book")) == "Réserver une séance"
    share = article.select_one("nav.rf-share")
    assert text(share.select_one(".rf-share__title")) == "Partager cette astuce"
    assert [a["aria-label"] for a in share.select("a")] == [
        "Partager par e-mail",
        "Partager sur WhatsApp",
        "Partager sur X",
        "Partager sur Facebook",
        "Partager sur LinkedIn",
    ]
    assert share.select_one("button")["data-copied"] == "Lien copié"
    assert text(article.select_one(".rf-teaser")) == (
        "Prochain #VendrediFoulée : Your arms set the rhythm of your legs."
        " Next week: how to carry them."
    )
    assert text(article.select_one(".rf-pager__label")) == "Astuce précédente"
    assert text(article.select_one(".rf-related h2")) == "Astuces liées"
    comments = page.select_one("section.rf-comments")
    assert text(comments.select_one("h2")) == "Commentaires"
    assert text(comments.select_one(".rf-comments__prompt")).startswith("Une question sur")
    assert '"data-lang": "fr"' in comments["data-rf-config"]


def test_home_archive_and_book_page_in_french(french: Project):
    home = soup(french.page(""))
    assert text(home.select_one(".rf-hero__eyebrow")) == "Dernière astuce · 20 novembre 2026"
    assert text(home.select_one(".rf-card__date")) == "13 novembre 2026"
    archive = soup(french.page("tips/"))
    assert text(archive.select_one("h1")) == "Toutes les astuces"
    book = soup(french.page("book/"))
    assert text(book.select_one("h1")) == "Travailler avec nous"
    assert "Analyse de foulée par vidéo" in [text(h) for h in book.select("article h2")]
    assert text(book.select_one(".rf-cta__assessment-link")) == "Envoyer une vidéo"


def test_scheduled_banner_date_in_french_and_unknown_languages_fall_back(make_project):
    from datetime import date

    import yaml

    from runform.content.catalog import load_catalog
    from runform.content.schedule import build_schedule
    from runform.content.site_config import read_site_settings

    project = make_project()
    catalog = load_catalog(project.tips, root=project.root, docs_dir=project.root / "docs")
    schedule = build_schedule(catalog, date(2026, 11, 24))
    raw = yaml.safe_load(FRENCH.read_text(encoding="utf-8"))["extra"]["runform"]
    settings = read_site_settings(raw, config_text=FRENCH.read_text(), display="mkdocs.yml")
    pages = build_pages(
        schedule, schedule.shown(preview=True), settings, SiteContext(language="fr")
    )
    scheduled = next(p for p in pages if p.src_uri == "tips/relaxed-arms.md")
    assert "Prévue le vendredi 27 novembre 2026." in _text_of(scheduled)
    odd = build_pages(
        schedule, schedule.shown(preview=False), SiteSettings(), SiteContext(language="xx-nowhere")
    )
    tip = next(p for p in odd if p.src_uri == "tips/heel-pick-up.md")
    assert "November 20, 2026" in _text_of(tip), "an unknown language falls back to English"
    brazil = build_pages(
        schedule, schedule.shown(preview=False), SiteSettings(), SiteContext(language="pt-BR")
    )
    tip = next(p for p in brazil if p.src_uri == "tips/heel-pick-up.md")
    assert "20 de novembro de 2026" in _text_of(tip), "Material's pt-BR is Babel's pt_BR"
