"""As a coach would try it: the workflow's steps run locally, with real builds, against a live
site and an SMTP server on 127.0.0.1, as of two consecutive Fridays and once more on the
second: two emails arrive, one per tip."""

from __future__ import annotations

import shutil
from pathlib import Path

from cli_runner import runform

from conftest import new_project
from email_helpers import email_settings
from smtp_sink import LiveSite, SmtpSink


def _ok(result: object) -> str:
    assert getattr(result, "returncode", 1) == 0, f"{result}"
    return str(getattr(result, "stdout", ""))


def test_two_fridays_and_a_rerun_deliver_one_email_per_tip(tmp_path: Path) -> None:
    project = new_project(tmp_path / "project")
    state = project.root / "email-state"
    with LiveSite(tmp_path / "live") as live, SmtpSink() as smtp:
        project.update_config({"site_url": live.url})
        smtp_settings = {"host": "127.0.0.1", "port": smtp.port, "security": "none"}
        project.set_extra({"email": email_settings(smtp=smtp_settings)})
        # the site as it was before: deployed as of the Thursday
        _ok(runform(project.root, "build", "--out", "site", as_of="2026-11-19"))
        shutil.copytree(project.root / "site", live.directory, dirs_exist_ok=True)

        outputs = []
        for friday in ("2026-11-20", "2026-11-27", "2026-11-27"):
            _ok(runform(project.root, "email", "live", "--out", str(state / "live-feed.json")))
            _ok(runform(project.root, "build", "--out", "site", as_of=friday))
            shutil.copy2(project.root / "site" / "feed.json", state / "feed.json")
            shutil.copytree(project.root / "site", live.directory, dirs_exist_ok=True)  # deploy
            sent = runform(
                project.root,
                "email",
                "send",
                "--previous-feed",
                str(state / "live-feed.json"),
                "--current-feed",
                str(state / "feed.json"),
                as_of=friday,
            )
            outputs.append(_ok(sent))

    assert outputs == [
        "Sent heel-pick-up (2026-11-20) to list@lists.coach.example\n",
        "Sent relaxed-arms (2026-11-27) to list@lists.coach.example\n",
        "No new tip since the live feed: nothing sent.\n",
    ]
    assert [delivery.slug for delivery in smtp.received] == ["heel-pick-up", "relaxed-arms"]
