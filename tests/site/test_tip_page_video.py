"""The video on a tip page: every YouTube and Vimeo address form becomes the same
privacy-friendly embed (loaded only on play) and a plain watch link; nothing in the built
page points the browser at YouTube or Vimeo before that."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import minimal_tip

YT = "https://www.youtube-nocookie.com/embed/aaaaaaaaaaa"
# (video url, extra keys under video:, expected data-embed, expected watch link)
FORMS = [
    ("https://www.youtube.com/watch?v=aaaaaaaaaaa", "", f"{YT}?autoplay=1", None),
    (
        "https://www.youtube.com/watch?v=aaaaaaaaaaa&t=75",
        "",
        f"{YT}?autoplay=1&start=75",
        "https://www.youtube.com/watch?v=aaaaaaaaaaa&t=75s",
    ),
    ("https://youtu.be/aaaaaaaaaaa?t=1m30s", "", f"{YT}?autoplay=1&start=90", None),
    (
        "https://www.youtube.com/shorts/aaaaaaaaaaa",
        '  start: "0:42"\n',
        f"{YT}?autoplay=1&start=42",
        None,
    ),
    ("https://www.youtube.com/embed/aaaaaaaaaaa?start=12", "", f"{YT}?autoplay=1&start=12", None),
    ("https://www.youtube-nocookie.com/embed/aaaaaaaaaaa", "", f"{YT}?autoplay=1", None),
    (
        "https://vimeo.com/76979871",
        "",
        "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1",
        "https://vimeo.com/76979871",
    ),
    (
        "https://player.vimeo.com/video/76979871#t=42s",
        "",
        "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1#t=42s",
        "https://vimeo.com/76979871#t=42s",
    ),
]
IDS = [
    "watch",
    "watch-t",
    "youtu.be-t",
    "shorts-start",
    "embed-start",
    "nocookie",
    "vimeo",
    "vimeo-player-t",
]


def _tip_with_video(url: str, extra: str) -> str:
    return minimal_tip("Video Tip") + (
        f'video:\n  url: "{url}"\n  title: "The drill, shown"\n  credit: "Jeff Grant"\n{extra}'
    )


@pytest.fixture(scope="module")
def video_site(tmp_path_factory):
    from conftest import new_project

    tips = {
        f"2026-10-{index + 1:02d}-v{index}.yml": _tip_with_video(url, extra)
        .replace("date: 2026-11-20", f"date: 2026-10-{index + 1:02d}")
        .replace('"Video Tip"', f'"Video Tip {index}"')
        for index, (url, extra, _, _) in enumerate(FORMS)
    }
    project = new_project(tmp_path_factory.mktemp("video") / "project", tips, example_tips=False)
    project.build_ok("2026-11-24")
    return project


@pytest.mark.parametrize(("index", "form"), list(enumerate(FORMS)), ids=IDS)
def test_every_address_form_becomes_the_privacy_friendly_embed(video_site, index, form):
    url, _, embed, watch = form
    page = BeautifulSoup(video_site.page(f"tips/v{index}/"), "lxml")
    figure = page.select_one("figure.rf-video")
    assert figure is not None, f"tips/v{index}/: no video figure for {url}"
    assert figure["data-embed"] == embed, f"tips/v{index}/: embed address for {url}"
    link = figure.select_one("a.rf-video__placeholder")
    if watch:
        assert link["href"] == watch, f"tips/v{index}/: watch link for {url}"
    assert figure["data-title"] == "The drill, shown"
    assert (figure["data-play-before"], figure["data-play-after"]) == ("Play video: ", "")
    assert figure.select_one(".rf-video__title").get_text() == "The drill, shown"
    assert figure.select_one(".rf-video__play") is not None, "a play button is drawn"
    assert figure.select_one("figcaption").get_text(" ", strip=True) == "Video: Jeff Grant"


def test_the_page_itself_loads_nothing_from_video_hosts(video_site):
    for index in range(len(FORMS)):
        page = BeautifulSoup(video_site.page(f"tips/v{index}/"), "lxml")
        assert page.select("iframe") == [], f"tips/v{index}/: an iframe in the built page"
        for element in page.select("[src], link[href]"):
            address = element.get("src") or element.get("href")
            assert not any(
                host in address for host in ("youtube", "ytimg", "vimeo", "googleapis")
            ), f"tips/v{index}/: {element.name} loads {address}"


def test_poster_is_a_local_image_and_credit_links_when_credit_url(make_project):
    tip = minimal_tip("Poster Tip") + (
        "video:\n  url: https://youtu.be/aaaaaaaaaaa\n  title: Drill\n"
        "  credit: Jeff Grant, Hillseeker Fitness\n  credit_url: https://hillseeker.example/\n"
        "  poster: images/drill.png\n"
    )
    project = make_project({"2026-11-20-poster-tip.yml": tip}, example_tips=False)
    (project.root / "docs" / "images").mkdir()
    (project.root / "docs" / "images" / "drill.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    project.build_ok()
    figure = BeautifulSoup(project.page("tips/poster-tip/"), "lxml").select_one("figure.rf-video")
    assert figure.select_one("img.rf-video__poster")["src"] == "../../images/drill.png"
    credit = figure.select_one("figcaption")
    assert credit.get_text(" ", strip=True) == "Video: Jeff Grant, Hillseeker Fitness"
    assert credit.select_one("a")["href"] == "https://hillseeker.example/"
