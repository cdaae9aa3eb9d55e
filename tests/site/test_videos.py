"""Vimeo's unlisted videos: the share link (`vimeo.com/ID/HASH`) and the player link
(`player.vimeo.com/video/ID?h=HASH`) both work, and every surface keeps the hash (the page's
player and watch link, the feed's watch link, JSON-LD's embedUrl, the WordPress importer)."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from conftest import minimal_tip
from runform.content.videos import VideoUrlError, embed_url, parse_video_url, watch_url
from runform.importers.post_structure import find_structure
from site_values import build_values

PLAYER = "https://player.vimeo.com/video/987654321"
# (address as the coach copies it) -> (id, hash, start, embed address, watch link)
UNLISTED = [
    (
        "https://vimeo.com/987654321/0a1b2c3d4e",
        ("987654321", "0a1b2c3d4e", None),
        f"{PLAYER}?h=0a1b2c3d4e&dnt=1&autoplay=1",
        "https://vimeo.com/987654321/0a1b2c3d4e",
    ),
    (
        "https://player.vimeo.com/video/987654321?h=0a1b2c3d4e",
        ("987654321", "0a1b2c3d4e", None),
        f"{PLAYER}?h=0a1b2c3d4e&dnt=1&autoplay=1",
        "https://vimeo.com/987654321/0a1b2c3d4e",
    ),
    (
        "https://vimeo.com/987654321/0a1b2c3d4e?share=copy#t=42s",
        ("987654321", "0a1b2c3d4e", 42),
        f"{PLAYER}?h=0a1b2c3d4e&dnt=1&autoplay=1#t=42s",
        "https://vimeo.com/987654321/0a1b2c3d4e#t=42s",
    ),
    (
        "https://player.vimeo.com/video/987654321?h=0a1b2c3d4e&badge=0&autopause=0#t=1m5s",
        ("987654321", "0a1b2c3d4e", 65),
        f"{PLAYER}?h=0a1b2c3d4e&dnt=1&autoplay=1#t=65s",
        "https://vimeo.com/987654321/0a1b2c3d4e#t=65s",
    ),
    (
        "https://www.vimeo.com/987654321",
        ("987654321", None, None),
        f"{PLAYER}?dnt=1&autoplay=1",
        "https://vimeo.com/987654321",
    ),
]
UNLISTED_IDS = ["share-link", "player-h", "share-link-start", "player-h-start", "public"]


@pytest.mark.parametrize(("url", "parsed", "embed", "watch"), UNLISTED, ids=UNLISTED_IDS)
def test_vimeo_addresses_keep_the_unlisted_hash(url, parsed, embed, watch):
    ref = parse_video_url(url)
    assert (ref.video_id, ref.unlisted_hash, ref.start) == parsed, url
    assert embed_url(ref, ref.start, autoplay=True) == embed, url
    assert watch_url(ref, ref.start) == watch, url


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "https://vimeo.com/987654321/0a1b2c3d4e/extra",
            "video url 'https://vimeo.com/987654321/0a1b2c3d4e/extra' has no valid Vimeo video"
            " id (digits)",
        ),
        (
            "https://vimeo.com/987654321/not-a-hash",
            "video url 'https://vimeo.com/987654321/not-a-hash' has an unlisted-video hash"
            " 'not-a-hash' that is not Vimeo's",
        ),
        (
            'https://player.vimeo.com/video/987654321?h="><script>',
            "video url 'https://player.vimeo.com/video/987654321?h=\"><script>' has an"
            " unlisted-video hash '\"><script>' that is not Vimeo's",
        ),
    ],
    ids=["three-segments", "hash-not-hex", "hash-markup"],
)
def test_a_malformed_hash_is_refused(url, message):
    with pytest.raises(VideoUrlError) as raised:
        parse_video_url(url)
    assert str(raised.value) == message


def _unlisted_tip(url: str) -> str:
    return minimal_tip("Unlisted") + f'video:\n  url: "{url}"\n  title: "Drill"\n'


@pytest.mark.parametrize("url", [form[0] for form in UNLISTED[:2]], ids=UNLISTED_IDS[:2])
def test_every_surface_keeps_the_hash(tmp_path, url):
    built = build_values(tmp_path, {"2026-11-20-unlisted.yml": _unlisted_tip(url)})
    (page,) = [p for p in built.pages if p.src_uri == "tips/unlisted.md"]
    figure = BeautifulSoup(page.html, "lxml").select_one("figure.rf-video")
    assert figure["data-embed"] == f"{PLAYER}?h=0a1b2c3d4e&dnt=1&autoplay=1"
    watch = "https://vimeo.com/987654321/0a1b2c3d4e"
    assert figure.select_one("a.rf-video__placeholder")["href"] == watch

    feed = json.loads(built.publishing.files["feed.json"])
    content = BeautifulSoup(feed["items"][0]["content_html"], "lxml")
    assert watch in [a["href"] for a in content.select("a")], "the feed's watch link"

    head = built.publishing.heads["tips/unlisted.md"]
    assert head.json_ld is not None
    assert "video" not in head.json_ld["@graph"][0], "no poster nor card: no VideoObject"


def test_json_ld_embed_keeps_the_hash(tmp_path):
    tip = _unlisted_tip("https://vimeo.com/987654321/0a1b2c3d4e") + "  poster: images/p.jpg\n"
    built = build_values(tmp_path, {"2026-11-20-unlisted.yml": tip}, files=["images/p.jpg"])
    head = built.publishing.heads["tips/unlisted.md"]
    assert head.json_ld is not None
    video = head.json_ld["@graph"][0]["video"]
    assert video["embedUrl"] == f"{PLAYER}?h=0a1b2c3d4e&dnt=1"


@pytest.mark.parametrize(
    "content",
    [
        "Intro.\n\nhttps://vimeo.com/987654321/0a1b2c3d4e\n\nMore.",
        '<iframe src="https://player.vimeo.com/video/987654321?h=0a1b2c3d4e&amp;badge=0"></iframe>',
        "[embed]https://vimeo.com/987654321/0a1b2c3d4e[/embed]",
    ],
    ids=["auto-embed", "iframe-h", "embed-shortcode"],
)
def test_the_wordpress_importer_reads_unlisted_vimeo(content):
    video = find_structure(content, "Title").video
    assert video is not None, content
    assert (video.url, video.start) == ("https://vimeo.com/987654321/0a1b2c3d4e", None)
