"""`runform new`: the next free publish day, a skeleton that fails check until filled in."""

from __future__ import annotations

from cli_runner import lines, runform

from conftest import minimal_tip
from runform.content.tip_schema import SCHEMA_COMMENT, tip_schema_text


def test_new_starts_next_fridays_tip_with_the_schema_line(make_project):
    project = make_project(example_tips=False)
    result = runform(project.root, "new", "Heel Pick Up")  # as of Tuesday 2026-11-24
    assert result.returncode == 0, result.stderr
    path = project.tips / "2026-11-27-heel-pick-up.yml"
    assert path.is_file(), f"expected {path.name}; tips/ has {sorted(project.tips.iterdir())}"
    assert lines(result.stdout)[0] == (
        "Created tips/2026-11-27-heel-pick-up.yml for Friday 2026-11-27."
    )
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_COMMENT
    assert 'title: "Heel Pick Up"' in text and "date: 2026-11-27" in text
    schema = project.root / "schema" / "tip.schema.json"
    assert schema.read_text(encoding="utf-8") == tip_schema_text(), "new must write the schema"


def test_new_skips_publish_days_that_already_have_a_tip(make_project):
    project = make_project(
        {
            "2026-11-27-arms.yml": minimal_tip("Arms", "2026-11-27"),
            "2026-12-04-broken.yml": "title: [not closed\n",  # a broken tip still takes its day
        },
        example_tips=False,
    )
    result = runform(project.root, "new", "Hip Drive")
    assert result.returncode == 0, result.stderr
    assert (project.tips / "2026-12-11-hip-drive.yml").is_file(), result.stdout


def test_new_on_a_publish_day_with_no_tip_takes_that_day(make_project):
    project = make_project(example_tips=False)
    result = runform(project.root, "new", "Hip Drive", as_of="2026-11-27")
    assert result.returncode == 0, result.stderr
    assert (project.tips / "2026-11-27-hip-drive.yml").is_file(), result.stdout


def test_new_follows_the_sites_publish_weekday(make_project):
    project = make_project(example_tips=False)
    project.set_extra({"publish_weekday": "monday"})
    result = runform(project.root, "new", "Hip Drive")
    assert result.returncode == 0, result.stderr
    assert (project.tips / "2026-11-30-hip-drive.yml").is_file(), result.stdout


def test_new_never_overwrites_a_file(make_project):
    project = make_project(example_tips=False)
    existing = project.write_tip("2026-12-04-heel-pick-up.yml", "title: mine\n")
    result = runform(project.root, "new", "Heel Pick Up", "--date", "2026-12-04")
    assert result.returncode == 1
    assert existing.read_text(encoding="utf-8") == "title: mine\n", "new overwrote a file"
    assert lines(result.stderr) == [
        "runform: tips/2026-12-04-heel-pick-up.yml already has the page address"
        " /tips/heel-pick-up/; choose another title, or keep this one and give the page its"
        " own address with --slug"
    ]
    assert sorted(p.name for p in project.tips.iterdir()) == ["2026-12-04-heel-pick-up.yml"]


def test_new_refuses_a_video_that_is_not_youtube_or_vimeo(make_project):
    project = make_project(example_tips=False)
    result = runform(project.root, "new", "Arms", "--video", "https://example.com/v.mp4")
    assert result.returncode == 1
    assert "is not on YouTube or Vimeo" in result.stderr
    assert list(project.tips.iterdir()) == [], "no file may be written for a refused video"


def test_placeholders_fail_check_until_filled_in_then_it_passes(make_project):
    project = make_project(example_tips=False)
    created = runform(
        project.root, "new", "Heel Pick Up", "--video", "https://youtu.be/aaaaaaaaaaa"
    )
    assert created.returncode == 0, created.stderr
    path = project.tips / "2026-11-27-heel-pick-up.yml"
    text = path.read_text(encoding="utf-8")
    unfinished = runform(project.root, "check")
    assert unfinished.returncode == 1, f"a fresh skeleton must fail check:\n{unfinished.stdout}"
    problems = [line.split(": ", 2)[2] for line in lines(unfinished.stdout)[:-1]]
    assert problems == [
        "summary is empty (write a value after the colon)",
        "cue.name is empty (write a value after the colon)",
        "video.title is empty (write a value after the colon)",
        "rationale.heading is empty (write a value after the colon)",
        "rationale.body is empty (write a value after the colon)",
    ], unfinished.stdout
    build = project.build("2026-11-27")
    assert build.returncode != 0, "a build must refuse the unfinished tip"

    filled = (
        text.replace("\nsummary:\n", '\nsummary: "Lift the heel under the hip."\n')
        .replace("\n  name:\n", '\n  name: "Heel Pull"\n')
        .replace("\n  title:\n", '\n  title: "Heel pull drill"\n')
        .replace("\n  - heading:\n", '\n  - heading: "Why"\n')
        .replace("\n    body:\n", '\n    body: "Because the hamstrings help."\n')
        .replace("\n  # credit: ", "\n  credit: ")
        .replace("\n# tags: ", "\ntags: ")
    )
    path.write_text(filled, encoding="utf-8")
    done = runform(project.root, "check")
    assert (done.returncode, lines(done.stdout)) == (
        0,
        ["runform: 1 tip checked, no problems."],
    ), done.stdout
