"""`runform new` names every title's file in ASCII, and takes the address from `--slug`."""

from __future__ import annotations

import pytest
from cli_runner import lines, runform

from runform.content.paths import slugify
from runform.importers.wordpress import post_slug


@pytest.mark.parametrize(
    ("title", "file"),
    [
        ("Øvelse for hofter", "2026-11-27-ovelse-for-hofter.yml"),
        ("Straße & Schritt", "2026-11-27-strasse-schritt.yml"),
        ("Бег трусцой", "2026-11-27-beg-trustsoy.yml"),
        ("🏃 Quick Feet", "2026-11-27-quick-feet.yml"),
    ],
    ids=["norwegian", "german", "russian", "emoji"],
)
def test_new_transliterates_the_title_for_the_file_name(make_project, title, file) -> None:
    project = make_project(example_tips=False)
    result = runform(project.root, "new", title)
    assert result.returncode == 0, result.stderr
    assert lines(result.stdout)[0] == f"Created tips/{file} for Friday 2026-11-27."
    assert f"title: {title!r}".replace("'", '"') in (project.tips / file).read_text("utf-8")
    assert runform(project.root, "check").stdout.count(f"tips/{file}") >= 1


def test_new_takes_the_address_from_slug(make_project) -> None:
    project = make_project(example_tips=False)
    result = runform(project.root, "new", "Бег трусцой", "--slug", "easy-running")
    assert result.returncode == 0, result.stderr
    assert (
        lines(result.stdout)[0] == "Created tips/2026-11-27-easy-running.yml for Friday 2026-11-27."
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["Quick", "--slug", "Quick Feet"],
            "runform: --slug 'Quick Feet' is not a slug: use lowercase letters, digits and"
            " single dashes, up to 80 characters, e.g. heel-pick-up",
        ),
        (
            ["Archive", "--slug", "index"],
            "runform: 'index' is the address of the archive of all tips; choose another"
            " with --slug",
        ),
        (
            ["🏃🏃"],
            "runform: the title '🏃🏃' has no letters or digits for a file name; give one"
            " with --slug, e.g. --slug heel-pick-up",
        ),
    ],
    ids=["not-a-slug", "reserved", "no-letters"],
)
def test_new_refuses_a_slug_it_cannot_use(make_project, args, message) -> None:
    project = make_project(example_tips=False)
    result = runform(project.root, "new", *args)
    assert result.returncode != 0
    assert message in lines(result.stderr), result.stderr
    assert list(project.tips.iterdir()) == []


def test_new_and_the_wordpress_importer_share_one_slug_rule() -> None:
    assert slugify("Straße & Schritt") == post_slug("", "Straße & Schritt", 7) == "strasse-schritt"
    assert post_slug("la-foul%c3%a9e", "x", 7) == slugify("la-foulée") == "la-foulee"
