"""JSON-LD as search engines need it: every schema.org type runform writes carries the
properties Google's structured-data guides list as required (and, for an article, the ones
they recommend), and the VideoObject's thumbnail and upload date are the tip's own."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import minimal_tip
from site_values import PROJECT_SITE, build_values

TIP_URL = f"{PROJECT_SITE}tips/drill-tip/"
CARD_URL = f"{PROJECT_SITE}assets/runform/cards/tips/drill-tip.png"
# Google Search Central: VideoObject requires name, thumbnailUrl, uploadDate; HowTo requires
# name and step; a WebSite for the site name needs name and url. Article (BlogPosting) has no
# required property: headline, image, datePublished, dateModified and author are recommended.
REQUIRED = {
    "BlogPosting": {"headline", "image", "datePublished", "dateModified", "author"},
    "VideoObject": {"name", "thumbnailUrl", "uploadDate"},
    "HowTo": {"name", "step"},
    "HowToStep": {"text"},
    "WebSite": {"name", "url"},
}
DRILL = (
    "drill:\n  name: Wall drill\n  steps:\n    - Stand tall.\n    - '[Lean](../run-tall/) in.'\n"
)


def _video_tip(poster: str | None) -> str:
    video = '\nvideo:\n  url: https://youtu.be/aaaaaaaaaaa\n  title: "The drill"\n'
    if poster:
        video += f'  poster: "{poster}"\n'
    return minimal_tip("Drill Tip") + DRILL + video


def _nodes(json_ld: Any) -> list[dict[str, Any]]:
    """Every node with an @type, nested ones included, in document order."""
    found: list[dict[str, Any]] = []
    if isinstance(json_ld, dict):
        if "@type" in json_ld:
            found.append(json_ld)
        for value in json_ld.values():
            found += _nodes(value)
    elif isinstance(json_ld, list):
        for value in json_ld:
            found += _nodes(value)
    return found


@pytest.mark.parametrize(
    ("poster", "cards", "timezone", "thumbnail", "upload"),
    [
        (
            "images/quiet feet.jpg",
            False,
            "Europe/Oslo",
            f"{PROJECT_SITE}images/quiet%20feet.jpg",
            "2026-11-20T00:00:00+01:00",
        ),
        ("images/drill.svg", False, "UTC", f"{PROJECT_SITE}images/drill.svg",
         "2026-11-20T00:00:00+00:00"),
        (None, True, "America/New_York", CARD_URL, "2026-11-20T00:00:00-05:00"),
        (None, False, "UTC", None, None),
    ],
    ids=["poster-with-space", "svg-poster", "card", "no-image-no-video-object"],
)  # fmt: skip
def test_video_object_thumbnail_and_upload_date(
    tmp_path, poster, cards, timezone, thumbnail, upload
):
    built = build_values(
        tmp_path,
        {"2026-11-20-drill-tip.yml": _video_tip(poster)},
        files=[poster] if poster else [],
        settings={"timezone": timezone, "cards": {"enabled": cards}},
    )
    json_ld = built.publishing.heads["tips/drill-tip.md"].json_ld
    assert json_ld is not None
    post = json_ld["@graph"][0]
    if thumbnail is None:
        assert "video" not in post, "a VideoObject without a thumbnail would be invalid"
        return
    assert post["video"] == {
        "@type": "VideoObject",
        "name": "The drill",
        "description": "A one-line summary for the test tip.",
        "thumbnailUrl": thumbnail,
        "uploadDate": upload,
        "embedUrl": "https://www.youtube-nocookie.com/embed/aaaaaaaaaaa",
    }
    assert post["datePublished"] == upload


def test_every_type_has_what_search_engines_require(tmp_path):
    built = build_values(
        tmp_path,
        {"2026-11-20-drill-tip.yml": _video_tip("images/p.jpg")},
        files=["images/p.jpg"],
    )
    heads = built.publishing.heads
    nodes = _nodes(heads["tips/drill-tip.md"].json_ld) + _nodes(heads["index.md"].json_ld)
    types = [node["@type"] for node in nodes]
    assert types == [
        "BlogPosting",
        "Organization",
        "Organization",
        "VideoObject",
        "HowTo",
        "HowToStep",
        "HowToStep",
        "WebSite",
    ]
    for node in nodes:
        missing = REQUIRED.get(node["@type"], {"name"}) - set(node)
        assert not missing, f"{node['@type']} lacks {sorted(missing)}"
    post = nodes[0]
    assert post["image"] == f"{PROJECT_SITE}images/p.jpg"
    assert post["url"] == TIP_URL
    assert nodes[-1]["url"] == PROJECT_SITE
    assert nodes[5]["text"] == "Stand tall." and nodes[6]["text"] == "Lean in."
