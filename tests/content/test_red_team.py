"""Findings of the red-team pass: each example, with the exact line `check` and `build` print.

Every kind is tested through `runform check` and `runform build` alike: a rule only the build
knows is a bug.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_runner import lines, refused_by_check_and_build, runform

from conftest import Project, minimal_tip

TIP = "2026-11-20-hostile.yml"


def _check_and_build(project: Project, expected: str) -> None:
    refused_by_check_and_build(project.root, expected)


# -- time and memory bounded by the input's size ------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [">" * 100_000, "> " * 50_000, "- " * 40 + "x", "1. " * 30 + "x", "> - " * 12 + "x"],
    ids=["quotes", "spaced-quotes", "bullets", "numbered", "mixed"],
)
def test_deeply_nested_markdown_is_refused_at_its_line(make_project, body: str) -> None:
    tip = minimal_tip().replace("      Because it does.", f"      {body}")
    project = make_project({TIP: tip}, example_tips=False)
    _check_and_build(
        project,
        f"tips/{TIP}:8:11: error: rationale.body nests quotes or lists more than 8 deep"
        " (use fewer levels of '>' and of indented lists)",
    )


def test_eight_levels_are_fine(make_project) -> None:
    tip = minimal_tip().replace("      Because it does.", "      " + "> " * 8 + "deep")
    project = make_project({TIP: tip}, example_tips=False)
    assert runform(project.root, "check").returncode == 0


@pytest.mark.parametrize(
    ("key", "value", "used"),
    [
        ("next_teaser", "Next {tag}:", "{tag}"),
        ("next_teaser", "Next {0}:", "{0}"),
        ("play_video", "{title.__class__.__mro__}", "{title.__class__.__mro__}"),
        ("watch_on", "Watch on {provider:>300000000}", "{provider:>300000000}"),
        ("watch_on", "Watch on {provider!r}", "{provider!r}"),
    ],
    ids=["unknown", "index", "attribute", "format-spec", "conversion"],
)
def test_strings_may_use_only_their_placeholders(
    make_project, key: str, value: str, used: str
) -> None:
    project: Project = make_project()
    project.set_extra({"strings": {key: value}})
    text = (project.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, row in enumerate(text, 1) if row.strip().startswith(f"{key}:"))
    col = text[line - 1].index(key) + 1
    placeholders = {"next_teaser": "{hashtag}", "play_video": "{title}", "watch_on": "{provider}"}
    _check_and_build(
        project,
        f"mkdocs.yml:{line}:{col}: error: strings.{key} '{value}' uses {used}, which is not a"
        f" placeholder of {key} (its placeholders: {placeholders[key]};"
        " write a brace as {{ or }})",
    )


def test_literal_braces_are_written_doubled(make_project) -> None:
    project: Project = make_project()
    project.set_extra({"strings": {"next_teaser": "{{Next}} {hashtag}:"}})
    assert runform(project.root, "check").returncode == 0
    assert project.build_ok("2026-11-24")
    assert "{Next} #RunFormFriday:" in project.page("")


# -- check and build agree --------------------------------------------------------------------


@pytest.mark.parametrize("day", ["1969-12-26", "2106-02-12"])
def test_dates_a_site_cannot_carry_are_refused(make_project, day: str) -> None:
    name = f"{day}-edge.yml"
    project = make_project({name: minimal_tip("Edge", day)}, example_tips=False)
    _check_and_build(
        project,
        f"tips/{name}:2:7: error: date '{day}' is outside the years a site can carry"
        " (use a day from 1970-01-02 to 2105-12-31)",
    )


def test_an_as_of_day_out_of_range_is_a_usage_error(make_project) -> None:
    project: Project = make_project()
    result = runform(project.root, "schedule", "--as-of", "9999-12-31")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].endswith(
        "argument --as-of: 9999-12-31 is outside the days a site can be built as of"
        " (use a day from 1970-01-02 to 2105-12-31)"
    )
    env_day = runform(project.root, "schedule", as_of="9999-12-31")
    assert env_day.returncode == 1
    assert env_day.stderr.splitlines()[0] == (
        "RUNFORM_AS_OF:1:1: error: 9999-12-31 is outside the days a site can be built as of"
        " (use a day from 1970-01-02 to 2105-12-31)"
    )


# -- paths and addresses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/\\\\evil.example", "/\\\\/evil.example", "/ok path/", "https://x.example/\\\\y"]
)
def test_a_link_a_browser_reads_differently_is_refused(make_project, url: str) -> None:
    tip = minimal_tip() + f'cta:\n  text: "Book"\n  label: "Book"\n  url: "{url}"\n'
    project = make_project({TIP: tip}, example_tips=False)
    shown = url.replace("\\\\", "\\")
    what = "a space" if " " in shown else "'\\'"
    _check_and_build(
        project,
        f"tips/{TIP}:13:8: error: cta.url '{shown}' has {what}, which browsers read differently"
        " from how it is written (percent-encode it (a space is %20) or remove it)",
    )


@pytest.mark.parametrize("key", ["url", "assessment_url"])
def test_booking_links_follow_the_same_rule(make_project, key: str) -> None:
    project: Project = make_project()
    project.set_extra({"booking": {"url": "https://coach.example/book", key: "/\\evil.example"}})
    result = runform(project.root, "check")
    assert result.returncode == 1
    assert f"booking.{key} '/\\evil.example' has '\\'" in result.stdout


def test_a_poster_linking_out_of_the_project_is_refused(make_project) -> None:
    tip = minimal_tip() + (
        'video:\n  url: https://youtu.be/aaaaaaaaaaa\n  title: "Drill"\n  poster: images/leak.png\n'
    )
    project = make_project({TIP: tip}, example_tips=False)
    (project.root / "docs" / "images").mkdir()
    (project.root / "docs" / "images" / "leak.png").symlink_to("/etc/passwd")
    check = runform(project.root, "check")
    assert check.returncode == 1
    assert lines(check.stdout)[:2] == [
        "docs/images/leak.png:1:1: error: links to a file outside the project, which would be"
        " published (copy the file itself into docs/, or delete the link)",
        f"tips/{TIP}:13:11: error: poster 'images/leak.png' links to a file outside docs/"
        " (copy the image itself to docs/images/leak.png)",
    ]
    assert runform(project.root, "build", "--out", "out").returncode == 1
    assert project.build().returncode != 0, "a plain mkdocs build refuses it too"
    assert not (project.root / "site").exists()


@pytest.mark.parametrize(
    ("name", "extra", "where"),
    [("2026-11-20-index.yml", {}, "1:1"), ("2026-11-20-x.yml", {"slug": "index"}, "10:7")],
    ids=["file-name", "slug-key"],
)
def test_the_archives_address_cannot_be_a_tip(make_project, name, extra, where) -> None:
    project = make_project({name: minimal_tip(**extra)}, example_tips=False)
    _check_and_build(
        project,
        f"tips/{name}:{where}: error: slug 'index' is the address of the archive of all tips"
        " (choose another slug (set 'slug:' or rename the file))",
    )


def test_every_entry_of_tips_that_is_not_a_tip_is_reported(make_project) -> None:
    project = make_project({"2026-11-20-good.yml": minimal_tip()}, example_tips=False)
    tips = project.tips
    (tips / "2026-11-27-gone.yml").symlink_to(tips / "nowhere.yml")
    (tips / "2026").mkdir()
    (tips / "2026-12-04-x.yml").mkdir()
    (tips / "2026-12-11-tip.YML").write_text(minimal_tip(), encoding="utf-8")
    (tips / "2026-12-18-tip.yml.txt").write_text(minimal_tip(), encoding="utf-8")
    (tips / "notes.md").write_text("ideas\n", encoding="utf-8")
    (tips / ".2026-11-20-good.yml.swp").write_bytes(b"\0")  # an editor's: not a word
    check = runform(project.root, "check")
    assert lines(check.stdout) == [
        "tips/2026:1:1: error: is a folder; runform reads only tip files directly in tips/"
        " (move the tips in it up into tips/)",
        "tips/2026-11-20-good.yml:1:1: warning: tip has no tags (add a few, e.g. 'tags:"
        " [cadence, drills]', so readers find related tips)",
        "tips/2026-11-27-gone.yml:1:1: error: is a link to nothing (delete it or fix the link)",
        "tips/2026-12-04-x.yml:1:1: error: is a folder; runform reads only tip files directly"
        " in tips/ (move the tips in it up into tips/)",
        "tips/2026-12-11-tip.YML:1:1: error: is not read as a tip: a tip file's name ends in"
        " .yml, not '.YML' (rename it to 2026-12-11-tip.yml)",
        "tips/2026-12-18-tip.yml.txt:1:1: error: is not read as a tip: a tip file's name ends"
        " in .yml, not '.yml.txt' (rename it to 2026-12-18-tip.yml)",
        "tips/notes.md:1:1: warning: is not a tip file, so runform leaves it out (keep only"
        " tip files (YYYY-MM-DD-slug.yml) in tips/)",
        "runform: 5 errors, 2 warnings (1 tip checked).",
    ]
    assert runform(project.root, "build", "--out", "out").returncode == 1


def test_tags_written_two_ways_are_refused_at_the_second(make_project) -> None:
    first = minimal_tip("One", "2026-11-13") + 'tags: ["drills"]\n'
    second = minimal_tip("Two", "2026-11-20") + 'tags: ["cadence", "Drills"]\n'
    project = make_project(
        {"2026-11-13-one.yml": first, "2026-11-20-two.yml": second}, example_tips=False
    )
    _check_and_build(
        project,
        "tips/2026-11-20-two.yml:10:19: error: tag 'Drills' is written 'drills' in"
        " tips/2026-11-13-one.yml (write a tag the same way in every tip)",
    )


def test_a_tag_with_an_invisible_character_is_refused(make_project) -> None:
    tip = minimal_tip() + 'tags: ["dri\\u200bills"]\n'
    project = make_project({TIP: tip}, example_tips=False)
    _check_and_build(
        project,
        f"tips/{TIP}:10:8: error: tags contains the invisible character U+200B"
        " (delete it: a tag is matched by its letters)",
    )


# -- text that is not what it seems, in the terminal --------------------------------------------


def test_values_are_printed_with_control_characters_escaped(make_project) -> None:
    tip = minimal_tip() + 'slug: "a\\nb.yml:1:1: error: forged\\e]0;owned\\a"\n'
    project = make_project({TIP: tip}, example_tips=False)
    result = runform(project.root, "check")
    assert lines(result.stdout) == [
        f"tips/{TIP}:10:7: error: slug contains the invisible control character U+001B"
        " (delete it (an escape such as \\x01 or \\e in a quoted value makes one))",
        "runform: 1 error (1 tip checked).",
    ]
    slug = minimal_tip() + 'slug: "a\\nb: error: forged"\n'
    (project.tips / TIP).write_text(slug, encoding="utf-8")
    forged = runform(project.root, "check")
    assert len(lines(forged.stdout)) == 2, "one problem, one line"
    assert "\\x0ab: error: forged" in forged.stdout


# -- the build's folder swap ---------------------------------------------------------------------


def test_leftovers_of_interrupted_builds_are_removed_and_the_site_is_readable(
    make_project,
) -> None:
    project: Project = make_project()
    dead = 2**22 + 7  # above the default pid_max: no such process
    staging = project.root / f".out.{dead}.abc.building"
    retired = project.root / f".out.{dead}.old-1234"
    for folder in (staging, retired):
        folder.mkdir()
        (folder / "index.html").write_text("old", encoding="utf-8")
    result = runform(project.root, "build", "--out", "out")
    assert result.returncode == 0, result.stderr
    assert not staging.exists() and not retired.exists()
    leftovers = sorted(p.name for p in project.root.glob(".out.*"))
    assert leftovers == []
    mode = (project.root / "out").stat().st_mode & 0o777
    assert mode == 0o777 & ~_umask(), oct(mode)
    again = runform(project.root, "build", "--out", "out")
    assert again.returncode == 0 and (project.root / "out" / "index.html").is_file()
    assert sorted(p.name for p in project.root.glob(".out.*")) == []


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def test_out_refuses_a_folder_of_personal_files(make_project, tmp_path: Path) -> None:
    project: Project = make_project()
    personal = tmp_path / "Documents"
    personal.mkdir()
    (personal / "taxes.pdf").write_bytes(b"%PDF")
    result = runform(project.root, "build", "--out", str(personal))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"runform: {personal} holds files that are not a site runform built, and a build would"
        " replace them; pick an empty or new folder for --out"
    )
    assert (personal / "taxes.pdf").read_bytes() == b"%PDF"


def test_a_read_only_destination_leaves_no_staging_folder(make_project) -> None:
    if os.geteuid() == 0:
        parent_note = "root ignores directory permissions; a file stands in the way instead"
        project: Project = make_project()
        (project.root / "out").write_text("not a folder", encoding="utf-8")
        result = runform(project.root, "build", "--out", "out")
        assert result.returncode == 1, parent_note
        assert result.stderr.strip().endswith("/out is a file, not a folder")
    else:
        project = make_project()
        (project.root / "ro").mkdir()
        (project.root / "ro" / "out").mkdir()
        (project.root / "ro").chmod(0o555)
        result = runform(project.root, "build", "--out", "ro/out")
        (project.root / "ro").chmod(0o755)
        assert result.returncode == 1
    assert sorted(p.name for p in project.root.rglob(".out.*")) == []


def test_two_builds_at_once_with_a_cold_card_cache_both_succeed(make_project) -> None:
    project: Project = make_project()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "RUNFORM_AS_OF": "2026-11-24"}
    builds = [
        subprocess.Popen(
            [sys.executable, "-m", "runform", "build", "--out", out],
            cwd=project.root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for out in ("out-a", "out-b")
    ]
    results = [(build.wait(timeout=300), build.stderr.read()) for build in builds]
    assert results == [(0, ""), (0, "")]
    cards = sorted(p.name for p in (project.root / ".cache/runform/cards").iterdir())
    assert cards and all(name.endswith(".png") for name in cards), "no half-written card left"


def test_a_cancelled_build_leaves_the_old_site_and_no_staging_folder(make_project) -> None:
    project: Project = make_project()
    assert runform(project.root, "build", "--out", "out").returncode == 0
    before = (project.root / "out" / "index.html").read_bytes()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "RUNFORM_AS_OF": "2026-11-27"}
    build = subprocess.Popen(
        [sys.executable, "-m", "runform", "build", "--out", "out"],
        cwd=project.root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not list(project.root.glob(".out.*.building")) and time.monotonic() < deadline:
        time.sleep(0.01)
    build.send_signal(signal.SIGTERM)
    assert build.wait(timeout=60) != 0
    assert sorted(p.name for p in project.root.glob(".out.*")) == []
    assert (project.root / "out" / "index.html").read_bytes() == before


@pytest.mark.parametrize(
    ("tail", "line", "col", "field", "joined"),
    [
        (
            'drill:\n  name: "D"\n  steps: ["One"]\n  dose: 4x100m\n    - extra step\n',
            13,
            9,
            "drill.dose",
            "4x100m - extra step",
        ),
        ("teaser: Lift the heel\n  not the knee\n", 10, 9, "teaser", "Lift the heel not the knee"),
    ],
    ids=["list-item-under-a-value", "wrapped-line"],
)
def test_a_one_line_value_that_yaml_joins_over_lines_is_refused(
    make_project, tail: str, line: int, col: int, field: str, joined: str
) -> None:
    project = make_project({TIP: minimal_tip() + tail}, example_tips=False)
    _check_and_build(
        project,
        f"tips/{TIP}:{line}:{col}: error: {field} must be one line, but it goes on on line"
        f" {line + 1}, which YAML joins to it: '{joined}' (put it on one line; a new list item"
        " or key starts at the indentation of its own list or keys)",
    )
