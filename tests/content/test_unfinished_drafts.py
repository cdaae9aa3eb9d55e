"""An unfinished tip marked `draft: true` is parked: warnings, left out, and the rest publishes
(a new-user trial: a half-written tip for Christmas stopped every Friday's publish)."""

from __future__ import annotations

import json

from cli_runner import lines, runform

from conftest import minimal_tip

UNFINISHED = 'title: "Cadence Check"\ndate: 2026-12-25\nsummary:\ncue:\n  name:\n'


def test_an_unfinished_draft_is_parked_and_the_rest_publishes(make_project) -> None:
    project = make_project(
        {
            "2026-11-20-live.yml": minimal_tip("Live", "2026-11-20") + 'tags: ["x"]\n',
            "2026-12-25-cadence-check.yml": UNFINISHED + "draft: true\n",
        },
        example_tips=False,
    )
    check = runform(project.root, "check", "--format", "json")
    report = json.loads(check.stdout)
    assert check.returncode == 0, "a draft's problems never fail the check"
    assert {(d["severity"], d["code"]) for d in report["diagnostics"]} == {
        ("warning", "unfinished-draft")
    }
    text = runform(project.root, "check")
    assert lines(text.stdout)[0] == (
        "tips/2026-12-25-cadence-check.yml:1:1: warning: missing required key 'rationale'"
        " (add 'rationale:' here; a draft is left out until it is fixed)"
    )
    build = runform(project.root, "build", "--out", "out", as_of="2026-12-01")
    assert build.returncode == 0, build.stderr
    assert (project.root / "out" / "tips" / "live" / "index.html").is_file()
    assert not (project.root / "out" / "tips" / "cadence-check").exists()


def test_the_same_tip_without_draft_stops_the_build(make_project) -> None:
    project = make_project({"2026-12-25-cadence-check.yml": UNFINISHED}, example_tips=False)
    check = runform(project.root, "check")
    assert check.returncode == 1
    assert lines(check.stdout)[0] == (
        "tips/2026-12-25-cadence-check.yml:1:1: error: missing required key 'rationale'"
        " (add 'rationale:' here)"
    )
    assert runform(project.root, "build", "--out", "out").returncode == 1
