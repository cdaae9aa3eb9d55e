"""The publish workflow's email steps: after a successful deploy only, with the live feed kept
before the deploy, and commands the `runform` parser accepts."""

from __future__ import annotations

import shlex
from typing import Any

import yaml

from conftest import REPO
from runform.cli import build_parser

WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"


def _jobs() -> dict[str, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]


def _commands(job: dict[str, Any]) -> list[str]:
    """Each `runform email` command of a job (a folded `>-` block is one command)."""
    lines: list[str] = []
    for step in job["steps"]:
        text = step.get("run", "")
        lines += text.splitlines() if "\n" in text.strip() else [" ".join(text.split())]
    return [line.strip() for line in lines if line.strip().startswith("runform email")]


def test_the_email_job_runs_only_after_a_successful_deploy() -> None:
    jobs = _jobs()
    email = jobs["email"]
    assert email["needs"] == "deploy"
    assert "if" not in email, "never after a failed deploy"
    assert "permissions" not in email, "reads only (the workflow's default)"
    send = next(s for s in email["steps"] if "runform email send" in s.get("run", ""))
    assert send["env"] == {"RUNFORM_SMTP_PASSWORD": "${{ secrets.RUNFORM_SMTP_PASSWORD }}"}


def test_the_live_feed_is_kept_before_the_site_is_uploaded() -> None:
    steps = _jobs()["build"]["steps"]
    publish = next(i for i, s in enumerate(steps) if "runform publish" in s.get("run", ""))
    upload = next(i for i, s in enumerate(steps) if "upload-pages-artifact" in s.get("uses", ""))
    state = next(i for i, s in enumerate(steps) if "upload-artifact@" in s.get("uses", ""))
    assert publish < state < upload
    assert "--email-state email-state" in " ".join(steps[publish]["run"].split())
    assert steps[state]["with"]["path"] == "email-state"
    # a failure to keep it never stops the publish: tests/cli/test_cli_publish.py


def test_the_workflow_commands_are_ones_runform_accepts() -> None:
    jobs = _jobs()
    commands = _commands(jobs["email"])
    assert commands == [
        "runform email send --previous-feed email-state/live-feed.json "
        "--current-feed email-state/feed.json",
    ]
    args = build_parser().parse_args(shlex.split(commands[0])[1:])
    assert args.email_action == "send"
    # what publish --email-state writes is what send reads
    from runform.cli.publish import BUILT_FEED, LIVE_FEED

    assert (LIVE_FEED, BUILT_FEED) == ("live-feed.json", "feed.json")
