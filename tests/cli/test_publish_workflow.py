"""The weekly publish workflow: valid for GitHub, least privilege, same commands as `make site`."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from cli_runner import check_workflow

from conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"
README = REPO / "README.md"
MAKEFILE = REPO / "Makefile"


def _workflow() -> dict[Any, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _triggers() -> dict[str, Any]:
    data = _workflow()
    return data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` key as true


def _run_lines(job: dict[str, Any]) -> list[str]:
    lines = []
    for step in job["steps"]:
        lines += [line.strip() for line in step.get("run", "").splitlines() if line.strip()]
    return lines


def _make_site_command() -> str:
    """The build command `make site` runs, as a coach would type it (no `.venv/bin/`)."""
    recipe = re.search(r"^site:.*\n((?:\t.*\n)+)", MAKEFILE.read_text(encoding="utf-8"), re.M)
    assert recipe, "Makefile: a `site:` target with a recipe"
    commands = [line.strip().lstrip("@") for line in recipe.group(1).splitlines()]
    builds = [c for c in commands if "build" in c and not c.startswith("echo")]
    assert len(builds) == 1, f"Makefile: one build command under `site:`, got {builds}"
    return builds[0].replace("$(BIN)/", "")


def test_workflow_validates_against_the_github_workflow_schema() -> None:
    result = check_workflow(WORKFLOW)
    assert result.returncode == 0, f"{WORKFLOW.name} is not a valid workflow:\n{result.stdout}"


def test_runs_every_friday_on_push_to_main_and_by_hand_with_an_as_of_date() -> None:
    triggers = _triggers()
    crons = [entry["cron"] for entry in triggers["schedule"]]
    assert len(crons) == 1, f"{WORKFLOW.name}: one schedule, got {crons}"
    _minute, hour, day, month, weekday = crons[0].split()
    assert (day, month, weekday) == ("*", "*", "5"), f"{crons[0]}: every Friday"
    assert int(hour) <= 8, f"{crons[0]}: early in the morning (UTC)"
    assert triggers["push"]["branches"] == ["main"], f"{WORKFLOW.name}: on push to main"
    as_of = triggers["workflow_dispatch"]["inputs"]["as_of"]
    assert as_of["required"] is False, "as_of is optional"
    text = WORKFLOW.read_text(encoding="utf-8")
    comment_before_cron = text[: text.index("- cron:")].rsplit("schedule:", 1)[1]
    assert "#" in comment_before_cron, "a comment tells how to change the day"


def test_the_as_of_input_reaches_the_build() -> None:
    build = _workflow()["jobs"]["build"]
    assert build["env"]["RUNFORM_AS_OF"] == "${{ inputs.as_of }}", "as_of -> RUNFORM_AS_OF"


def test_least_privilege_permissions() -> None:
    data = _workflow()
    assert data["permissions"] == {"contents": "read"}, "the workflow can only read by default"
    jobs = data["jobs"]
    assert "permissions" not in jobs["build"], "the build job writes nothing"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}, (
        "only the deploy job may write to Pages"
    )


def test_two_deploys_never_race() -> None:
    concurrency = _workflow()["concurrency"]
    assert concurrency["group"], "a concurrency group"
    assert concurrency["cancel-in-progress"] is False, "a running deploy is never cut short"


def test_actions_are_pinned_to_major_versions() -> None:
    uses = [
        step["uses"]
        for job in _workflow()["jobs"].values()
        for step in job["steps"]
        if "uses" in step
    ]
    assert uses, f"{WORKFLOW.name}: uses actions"
    for action in uses:
        assert re.fullmatch(r"actions/[a-z-]+@v\d+", action), f"{action}: pin to a major version"
    names = {action.split("@")[0] for action in uses}
    assert {
        "actions/checkout",
        "actions/setup-python",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    } <= names


def test_pip_is_cached() -> None:
    steps = _workflow()["jobs"]["build"]["steps"]
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip", "setup-python caches pip downloads"


def _publish_step() -> dict[str, Any]:
    build = _workflow()["jobs"]["build"]
    (step,) = [step for step in build["steps"] if "runform publish" in step.get("run", "")]
    assert step["id"] == "publish"
    assert build["outputs"] == {"deploy": "${{ steps.publish.outputs.deploy }}"}
    return step


def _publish_args() -> list[str]:
    return shlex.split(" ".join(_publish_step()["run"].split()))


def test_runs_the_same_check_and_strict_build_as_make_site_and_the_readme() -> None:
    """`runform publish` is check + the strict build of `make site` in one run (what it says
    and builds is the same: tests/cli/test_cli_publish.py)."""
    build_command = _make_site_command()
    assert shlex.split(build_command)[:2] == ["runform", "build"], "make site builds strictly"
    args = _publish_args()
    assert args[:4] == ["runform", "publish", "--out", "site"], "into site/, as make site does"
    assert args[4:] == [
        "--summary",
        "$GITHUB_STEP_SUMMARY",
        "--outputs",
        "$GITHUB_OUTPUT",
        "--email-state",
        "email-state",
    ]
    from runform.cli import build_parser

    parsed = build_parser().parse_args(args[1:])
    assert (parsed.out, parsed.summary, parsed.outputs) == (
        "site",
        "$GITHUB_STEP_SUMMARY",
        "$GITHUB_OUTPUT",
    )
    runs = [step.get("run", "") for step in _workflow()["jobs"]["build"]["steps"]]
    assert sum("runform " in run for run in runs) == 1, "one run of runform reads every tip once"

    readme = README.read_text(encoding="utf-8")
    section = readme.split("## Publishing", 1)[1].split("\n## ", 1)[0]
    assert "runform check" in section, "README Publishing: the check command"
    assert build_command in section, f"README Publishing: `{build_command}`"
    assert "runform publish --out site" in section, "README Publishing: the one command"


def test_a_failed_check_or_build_deploys_nothing() -> None:
    jobs = _workflow()["jobs"]
    assert jobs["deploy"]["needs"] == "build", "deploy waits for a successful build"
    # no status function (always(), failure()) in the condition: success() still applies
    assert jobs["deploy"]["if"] == "needs.build.outputs.deploy == 'true'", (
        "deploy never runs after a failed build, nor for a future as_of"
    )
    steps = jobs["build"]["steps"]
    upload_at = next(
        i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/upload-pages")
    )
    assert steps[upload_at]["with"]["path"] == "site", "uploads the built site/"
    for step in steps[:upload_at]:
        runs = step.get("run", "")
        if "runform publish" in runs:
            assert not step.get("continue-on-error"), f"{step.get('name')}: a failure stops"
    assert "if" not in steps[upload_at], "nothing is uploaded after a failed step"
    deploy_steps = jobs["deploy"]["steps"]
    assert [s.get("uses", "").split("@")[0] for s in deploy_steps] == ["actions/deploy-pages"]


def test_workflow_and_readme_say_how_a_missed_run_is_noticed() -> None:
    workflow = WORKFLOW.read_text(encoding="utf-8")
    section = README.read_text(encoding="utf-8").split("## Publishing", 1)[1]
    for text, name in ((workflow, WORKFLOW.name), (section, "README Publishing")):
        assert "runform schedule" in text, f"{name}: mentions `runform schedule`"
        assert "60 days" in text, f"{name}: says schedules pause in inactive repositories"


def _site_time_zone() -> str:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    return config["extra"]["runform"]["timezone"]


def _today_in_site_time_zone() -> str:
    return datetime.now(ZoneInfo(_site_time_zone())).date().isoformat()


def test_schedule_today_uses_the_site_time_zone() -> None:
    env = {**os.environ, "RUNFORM_AS_OF": "2999-01-01", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "runform", "schedule", "--today"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout == _today_in_site_time_zone() + "\n", "the clock, not RUNFORM_AS_OF"


def test_the_email_job_never_runs_for_a_future_as_of() -> None:
    jobs = _workflow()["jobs"]
    # GitHub skips every job that needs a skipped job, unless its `if` asks otherwise
    assert jobs["email"]["needs"] == "deploy"
    assert "if" not in jobs["email"], "skipped with the deploy"
    assert "if" in jobs["deploy"] and "always()" not in jobs["deploy"]["if"]
