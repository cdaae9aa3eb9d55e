"""Delivery at most once per tip: the rule as a table, then a quarter of publish runs against a
real SMTP server (aiosmtpd) and a live site served on 127.0.0.1, run as the workflow does."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cli_runner import runform

from conftest import Project, minimal_tip, new_project, weekly_tips
from email_helpers import LIST_ADDRESS, SENDER, email_project, email_settings
from runform.cli import main
from runform.content.project import open_project
from runform.content.schedule import build_schedule
from runform.email.delivery import FeedEntry, LiveFeed, new_tips
from runform.site.addresses import SiteLinks
from runform.site.feeds import feed_info, feed_items, render_feeds
from smtp_sink import LiveSite, SmtpSink

D = date.fromisoformat


def _e(slug: str, day: str) -> FeedEntry:
    return FeedEntry(D(day), f"https://coach.example/tips/{slug}/")


def _live(*entries: FeedEntry) -> LiveFeed:
    return LiveFeed("https://coach.example/", entries)


A, B, C = _e("a", "2027-01-01"), _e("b", "2027-01-08"), _e("c", "2027-01-08")
OLD = _e("old", "2026-06-05")


@pytest.mark.parametrize(
    ("current", "previous", "expected"),
    [
        ((B, A), _live(A), (B,)),
        ((B, A), _live(B, A), ()),
        ((C, B, A), _live(A), (B, C)),
        ((B, A), None, ()),
        ((A,), _live(), (A,)),
        ((B, A, OLD), _live(B, A), ()),
        ((B, A), _live(B), ()),
    ],
    ids=[
        "one-new-tip",
        "re-run-sends-nothing",
        "two-tips-going-live-together",
        "no-live-feed-first-deploy-sends-nothing",
        "live-feed-with-no-tips-yet",
        "an-old-tip-entering-a-longer-feed-is-not-new",
        "an-older-tip-missing-from-the-live-feed-is-not-new",
    ],
)
def test_new_tips(
    current: tuple[FeedEntry, ...], previous: LiveFeed | None, expected: tuple[FeedEntry, ...]
) -> None:
    assert new_tips(current, previous) == expected


# -- a quarter of runs ----------------------------------------------------------------------

QUARTER_TIPS = {
    **weekly_tips(D("2027-01-01"), 13),  # tip-0 .. tip-12, every Friday of the quarter
    "2027-02-05-extra.yml": minimal_tip("Extra", "2027-02-05"),  # two tips on one Friday
    "2027-02-19-draft.yml": minimal_tip("Draft", "2027-02-19", draft="true"),
    "2027-04-02-future.yml": minimal_tip("Future", "2027-04-02"),  # after the quarter
}
# (run day, deploy succeeds, tips that run must email)
RUNS: list[tuple[str, bool, list[str]]] = [
    ("2026-12-31", True, []),  # the site's first deploy: no live feed yet
    ("2027-01-01", True, ["tip-0"]),
    ("2027-01-01", True, []),  # the same Friday run twice
    ("2027-01-05", True, []),  # a push on a Tuesday
    ("2027-01-09", True, ["tip-1"]),  # Friday's run started late, past midnight
    ("2027-01-15", True, ["tip-2"]),
    # 2027-01-22: the scheduled run never happened
    ("2027-01-29", True, ["tip-3", "tip-4"]),  # so the next run sends both
    ("2027-02-05", False, []),  # the deploy failed: nothing is sent
    ("2027-02-05", True, ["extra", "tip-5"]),  # the re-run deploys and sends, two tips
    ("2027-02-12", True, ["tip-6"]),
    ("2027-02-19", True, ["tip-7"]),  # the draft dated that day is not live
    ("2027-02-26", True, ["tip-8"]),
    ("2027-02-26", True, []),  # re-run
    ("2027-03-05", True, ["tip-9"]),
    ("2027-03-12", True, ["tip-10"]),
    ("2027-03-19", True, ["tip-11"]),
    ("2027-03-26", False, []),
    ("2027-03-27", True, ["tip-12"]),  # a push the next day, after a failed Friday
    ("2027-03-31", True, []),
]


def _build_feed(project: Project, as_of: str) -> bytes:
    """This build's feed.json, written by the functions `runform build` writes it with."""
    opened = open_project(project.root / "mkdocs.yml")
    schedule = build_schedule(opened.load_catalog(), D(as_of))
    links = SiteLinks.from_site_url(str(opened.config["site_url"]), True)
    assert links is not None
    info = feed_info(links, "Test Running Club", "", "en", opened.settings.hashtag)
    return render_feeds(info, feed_items(schedule.published, opened.settings, links, {})).json


def _runform(project: Project, *args: str, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["-f", str(project.root / "mkdocs.yml"), "email", *args])
    captured = capsys.readouterr()
    assert code == 0, f"runform email {' '.join(args)}:\n{captured.out}\n{captured.err}"
    return captured.out


def test_a_quarter_of_runs_emails_each_live_tip_exactly_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = new_project(tmp_path / "project", QUARTER_TIPS, example_tips=False)
    state = tmp_path / "state"
    with LiveSite(tmp_path / "live") as live, SmtpSink() as smtp:
        project.update_config({"site_url": live.url})
        settings = email_settings(smtp={"host": "127.0.0.1", "port": smtp.port, "security": "none"})
        project.set_extra({"email": settings})
        for day, deploy_ok, expected in RUNS:
            before = len(smtp.received)
            # build job: keep the live feed, build the site (its feed)
            _runform(project, "live", "--out", str(state / "live-feed.json"), capsys=capsys)
            built = tmp_path / "build" / "feed.json"
            built.parent.mkdir(exist_ok=True)
            built.write_bytes(_build_feed(project, day))
            if not deploy_ok:
                continue  # the deploy job failed: the email job (needs: deploy) never runs
            (live.directory / "feed.json").write_bytes(built.read_bytes())  # deploy
            _runform(
                project,
                "send",
                "--previous-feed",
                str(state / "live-feed.json"),
                "--current-feed",
                str(built),
                capsys=capsys,
            )
            sent = [delivery.slug for delivery in smtp.received[before:]]
            assert sent == expected, f"run of {day}: sent {sent}, expected {expected}"

        counts = smtp.per_tip()
        assert counts == {f"tip-{n}": 1 for n in range(13)} | {"extra": 1}
        assert {d.sender for d in smtp.received} == {SENDER}
        assert {tuple(d.recipients) for d in smtp.received} == {(LIST_ADDRESS,)}


def test_what_is_sent_is_the_written_email(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = new_project(tmp_path / "project")
    with SmtpSink() as smtp:
        settings = email_settings(smtp={"host": "127.0.0.1", "port": smtp.port, "security": "none"})
        project.set_extra({"email": settings})
        out = _runform(
            project, "send", "--tip", "heel-pick-up", "--out", str(tmp_path / "sent"), capsys=capsys
        )
        assert out == "Sent heel-pick-up (2026-11-20) to list@lists.coach.example\n"
        _runform(
            project, "--tip", "heel-pick-up", "--out", str(tmp_path / "written"), capsys=capsys
        )
        written = (tmp_path / "written" / "heel-pick-up.eml").read_bytes()
        assert [d.data for d in smtp.received] == [written]


def test_a_tip_not_live_yet_is_sent_by_hand_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RUNFORM_AS_OF", "2026-11-30")
    project = new_project(tmp_path / "project")
    with SmtpSink() as smtp:
        settings = email_settings(smtp={"host": "127.0.0.1", "port": smtp.port, "security": "none"})
        project.set_extra({"email": settings})
        monkeypatch.chdir(project.root)
        assert main(["email", "send", "--tip", "midfoot-landing"]) == 1
        assert capsys.readouterr().err.strip() == (
            "runform: midfoot-landing is not live yet (dated 2026-12-04, a draft; today is"
            " 2026-11-30):"
            " its link would not work; add --not-live-yet to send it anyway"
        )
        assert smtp.received == []
        assert main(["email", "send", "--tip", "midfoot-landing", "--not-live-yet"]) == 0
        assert [d.slug for d in smtp.received] == ["midfoot-landing"]


GONE = "gone@coach.example"


def _send_to(tmp_path: Path, smtp: SmtpSink, to: list[str]) -> Any:
    settings = {"host": "127.0.0.1", "port": smtp.port, "security": "none"}
    project = email_project(tmp_path / "project", smtp=settings, to=to)
    return runform(project.root, "email", "send", "--tip", "heel-pick-up")


def test_a_recipient_the_server_refuses_is_named_and_the_others_get_the_email(
    tmp_path: Path,
) -> None:
    with SmtpSink(refused=frozenset({GONE})) as smtp:
        result = _send_to(tmp_path, smtp, [LIST_ADDRESS, GONE])
        assert (result.returncode, result.stdout, result.stderr) == (
            0,
            f"Sent heel-pick-up (2026-11-20) to {LIST_ADDRESS}\n",
            f"runform: warning: the server refused {GONE} (550 5.1.1 No such user here):"
            " it got no email (check email.to)\n",
        )
        assert [d.recipients for d in smtp.received] == [[LIST_ADDRESS]]


def test_a_server_that_refuses_every_recipient_sends_nothing_and_says_why(
    tmp_path: Path,
) -> None:
    with SmtpSink(refused=frozenset({GONE})) as smtp:
        result = _send_to(tmp_path, smtp, [GONE])
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr == (
            f"runform: nothing more was sent: SMTP 127.0.0.1:{smtp.port}: the server refused"
            f" every recipient: {GONE} (550 5.1.1 No such user here) (check email.to)\n"
        )
        assert smtp.received == []
