"""`runform publish`: the Publish workflow's build job in one run, saying and doing exactly
what `runform check`, `runform build`, `runform schedule` and `runform email live` do."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from cli_runner import runform

from conftest import Project, minimal_tip
from runform.content.project import open_project
from runform.email.delivery import NO_LIVE_FEED

PUBLISH = ("publish", "--out", "site", "--summary", "summary.md", "--outputs", "outputs")


def _today(project: Project) -> date:
    zone = open_project(project.root / "mkdocs.yml").settings.timezone
    return datetime.now(ZoneInfo(zone)).date()


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_publish_says_what_check_build_and_schedule_say(make_project) -> None:
    project = make_project({"2026-11-13-no-tags.yml": minimal_tip("No Tags", "2026-11-13")})
    root = project.root
    check = runform(root, "check")
    schedule = runform(root, "schedule", "--weeks", "4")
    assert check.returncode == 0 and "warning: tip has no tags" in check.stdout

    result = runform(root, *PUBLISH)

    assert result.returncode == 0, result.stderr
    built = runform(root, "build", "--out", "site-by-build")
    said = result.stdout.splitlines()
    assert said[: len(check.stdout.splitlines())] == check.stdout.splitlines(), "check's lines"
    assert said[-1] == built.stdout.splitlines()[-1].replace("site-by-build", "site")
    assert _text(root / "outputs") == "deploy=true\n"
    assert _text(root / "summary.md") == f"```\n{schedule.stdout.rstrip()}\n```\n"
    for page in ("index.html", "tips/no-tags/index.html", "feed.xml", "sitemap.xml"):
        assert (root / "site" / page).is_file(), page
    ours = (root / "site" / "tips/no-tags/index.html").read_bytes()
    assert ours == (root / "site-by-build" / "tips/no-tags/index.html").read_bytes()


def test_errors_stop_publish_before_it_builds_and_say_what_check_says(make_project) -> None:
    project = make_project({"2026-11-13-broken.yml": "title: Broken\n"})
    root = project.root
    check = runform(root, "check")
    schedule = runform(root, "schedule", "--weeks", "4")
    assert check.returncode == 1 and schedule.returncode == 1

    result = runform(root, *PUBLISH)

    assert result.returncode == 1
    assert result.stdout == check.stdout
    assert not (root / "site").exists(), "nothing built, the last good site stays"
    assert _text(root / "summary.md") == f"```\n{schedule.stdout.rstrip()}\n```\n"


def test_a_future_day_builds_a_preview_and_may_not_deploy(make_project) -> None:
    project = make_project()
    today = _today(project)
    future = (today + timedelta(days=9)).isoformat()

    result = runform(project.root, *PUBLISH, as_of=future)

    assert result.returncode == 0, result.stderr
    note = f"as_of {future} is after today ({today.isoformat()}): built as a preview, not deployed"
    assert result.stdout.splitlines()[0] == note
    assert _text(project.root / "outputs") == "deploy=false\n"
    summary = _text(project.root / "summary.md")
    assert summary.startswith(note + "\n```\n")
    assert (project.root / "site" / "index.html").is_file(), "the preview is built"


def test_today_a_past_day_or_no_day_may_deploy(make_project) -> None:
    project = make_project()
    for as_of in (None, "", "2026-11-20", _today(project).isoformat()):
        (project.root / "outputs").unlink(missing_ok=True)
        result = runform(project.root, *PUBLISH, as_of=as_of)
        assert result.returncode == 0, (as_of, result.stderr)
        assert _text(project.root / "outputs") == "deploy=true\n", f"as_of {as_of!r}"
        assert "preview, not deployed" not in result.stdout


def test_the_email_state_holds_the_live_feed_and_this_builds_feed(make_project) -> None:
    project = make_project()
    result = runform(project.root, *PUBLISH, "--email-state", "email-state")
    assert result.returncode == 0, result.stderr
    state = project.root / "email-state"
    assert (state / "live-feed.json").read_bytes() == NO_LIVE_FEED, "no email settings yet"
    assert (state / "feed.json").read_bytes() == (project.root / "site/feed.json").read_bytes()
    assert json.loads(_text(state / "feed.json"))["items"], "this build's feed, with items"
    live = runform(project.root, "email", "live", "--out", "by-hand.json")
    assert live.stdout.splitlines()[-1] in result.stdout.splitlines()


def test_an_unreachable_live_site_never_stops_the_publish(make_project) -> None:
    project = make_project()
    smtp = {"host": "127.0.0.1", "port": 2525, "security": "none"}
    project.set_extra(
        {"email": {"from_address": "coach@example.com", "to": ["list@example.com"], "smtp": smtp}}
    )
    project.update_config({"site_url": "http://127.0.0.1:9/"})  # nothing listens there

    result = runform(project.root, *PUBLISH, "--email-state", "email-state")

    assert result.returncode == 0, result.stderr
    warning = next(line for line in result.stdout.splitlines() if "email edition" in line)
    assert warning.startswith(
        "runform: warning: the email edition's state was not kept: the live feed "
        "http://127.0.0.1:9/feed.json cannot be read"
    )
    assert (project.root / "site" / "index.html").is_file()
    assert not (project.root / "email-state" / "live-feed.json").exists()
