"""Unpublished tips do not leak through their posters: as of the Wednesday before, the poster
of Friday's scheduled tip and of a draft are not in the built site, while a poster a published
tip shares with them is. The preview shows every tip, so it withholds nothing."""

from __future__ import annotations

from conftest import minimal_tip
from site_values import build_values

WEDNESDAY = "2026-11-25"  # before Friday 2026-11-27


def _with_poster(title: str, day: str, poster: str, *, draft: bool = False) -> str:
    extra = {"draft": "true"} if draft else {}
    return minimal_tip(title, day, **extra) + (
        f'video:\n  url: https://youtu.be/aaaaaaaaaaa\n  title: "Drill"\n  poster: "{poster}"\n'
    )


TIPS = {
    "2026-11-20-published.yml": _with_poster("Published", "2026-11-20", "images/shared.jpg"),
    "2026-11-27-friday.yml": _with_poster("Friday", "2026-11-27", "images/friday tip.jpg"),
    "2026-12-04-shared.yml": _with_poster("Shared", "2026-12-04", "images/shared.jpg"),
    "2026-11-13-draft.yml": _with_poster("Draft", "2026-11-13", "images/draft.png", draft=True),
}
POSTERS = ["images/shared.jpg", "images/friday tip.jpg", "images/draft.png"]


def test_a_build_withholds_posters_only_unpublished_tips_use(tmp_path):
    built = build_values(tmp_path, TIPS, as_of=WEDNESDAY, files=POSTERS)
    assert [entry.slug for entry in built.shown] == ["published"]
    assert built.withheld == frozenset({"images/friday tip.jpg", "images/draft.png"})


def test_on_friday_the_tip_s_poster_is_published(tmp_path):
    built = build_values(tmp_path, TIPS, as_of="2026-11-27", files=POSTERS)
    assert built.withheld == frozenset({"images/draft.png"})


def test_the_preview_withholds_nothing(tmp_path):
    built = build_values(tmp_path, TIPS, as_of=WEDNESDAY, files=POSTERS, preview=True)
    assert built.withheld == frozenset()


def test_the_built_site_has_no_unpublished_poster(make_project):
    project = make_project(TIPS, example_tips=False)
    for poster in POSTERS:
        target = project.root / "docs" / poster
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"\xff\xd8\xff\xe0 not really a JPEG")
    site = project.build_ok(WEDNESDAY)
    present = {poster: (site / poster).exists() for poster in POSTERS}
    assert present == {
        "images/shared.jpg": True,
        "images/friday tip.jpg": False,
        "images/draft.png": False,
    }
    assert not (site / "tips" / "friday").exists() and not (site / "tips" / "draft").exists()
