"""`runform schedule`: the coming publish days, with statuses, recent tips and gap warnings."""

from __future__ import annotations

from cli_runner import lines, runform


def test_schedule_shows_recent_and_coming_days_and_warns_about_gaps(make_project):
    # The example tips: 11-13 and 11-20 published, 11-27 scheduled, 12-04 a draft.
    project = make_project()
    result = runform(project.root, "schedule", "--weeks", "4")
    assert result.returncode == 0, result.stderr
    assert lines(result.stdout) == [
        "Publish day: Friday. As of Tuesday 2026-11-24.",
        "",
        "Date        Day  Status     Title",
        "2026-11-13  Fri  published  Quick Feet, Shorter Stride",
        "2026-11-20  Fri  published  Heel Pick Up",
        "----------  ---  ---------",
        "2026-11-27  Fri  scheduled  Relaxed Arms, Relaxed Shoulders",
        "2026-12-04  Fri  draft      Land Under Your Hips",
        "2026-12-11  Fri  MISSING    -",
        "2026-12-18  Fri  MISSING    -",
        "",
        "warning: Friday 2026-12-04 has only a draft, which is never published; to publish it,"
        " finish tips/2026-12-04-midfoot-landing.yml and remove its 'draft: true' line",
        'warning: Friday 2026-12-11 has no tip; start one with: runform new "Title" --date'
        " 2026-12-11",
        'warning: Friday 2026-12-18 has no tip; start one with: runform new "Title" --date'
        " 2026-12-18",
    ]


def test_schedule_as_of_a_later_day_moves_tips_to_published(make_project):
    project = make_project()
    result = runform(project.root, "schedule", "--weeks", "1", "--as-of", "2026-11-27")
    assert result.returncode == 0, result.stderr
    table = lines(result.stdout)
    assert "2026-11-27  Fri  published  Relaxed Arms, Relaxed Shoulders" in table, table
    assert table[3] == "2026-11-13  Fri  published  Quick Feet, Shorter Stride", table


def test_schedule_names_tips_it_cannot_read(make_project):
    project = make_project({"2026-12-11-broken.yml": "title: [not closed\n"})
    result = runform(project.root, "schedule", "--weeks", "3")
    assert result.returncode == 1
    assert lines(result.stdout)[-1] == (
        "error: 1 tip file with errors is left out: tips/2026-12-11-broken.yml (run: runform check)"
    )


def test_schedule_shows_files_left_out_on_their_day_instead_of_a_missing_tip(make_project):
    # a draft just started with `runform new` (empty keys) and a tip with an error: each is
    # on its file name's day, so the coach is not told to start a second tip for that day
    unfinished = "title: Cadence Myths\ndate: 2026-12-11\nsummary:\ndraft: true\n"
    broken = "title: [not closed\n"
    project = make_project(
        {"2026-12-11-cadence-myths.yml": unfinished, "2026-12-18-broken.yml": broken}
    )
    result = runform(project.root, "schedule", "--weeks", "5")
    assert result.returncode == 1
    assert lines(result.stdout)[7:] == [
        "2026-12-04  Fri  draft      Land Under Your Hips",
        "2026-12-11  Fri  draft      tips/2026-12-11-cadence-myths.yml",
        "2026-12-18  Fri  ERRORS     tips/2026-12-18-broken.yml",
        "2026-12-25  Fri  MISSING    -",
        "",
        "warning: Friday 2026-12-04 has only a draft, which is never published; to publish it,"
        " finish tips/2026-12-04-midfoot-landing.yml and remove its 'draft: true' line",
        "warning: Friday 2026-12-11 has only a draft, which is never published; to publish it,"
        " finish tips/2026-12-11-cadence-myths.yml and remove its 'draft: true' line",
        "warning: Friday 2026-12-18 has only tips/2026-12-18-broken.yml, which is left out for"
        " its errors; fix them (runform check lists them)",
        "",
        "error: 1 tip file with errors is left out: tips/2026-12-18-broken.yml"
        " (run: runform check)",
    ]
