"""`runform serve` for real: a broken tip turns the preview into an error page, never a hang.

Plain `mkdocs serve` answers no request after a failed rebuild until the file is fixed. Here
the server runs on a free 127.0.0.1 port; every request has a short timeout, so a hang fails.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from cli_runner import AS_OF

from conftest import Project

TIP = "2026-11-20-heel-pick-up.yml"
BROKEN_LINE = "tips/2026-11-20-heel-pick-up.yml:3:5"  # where YAML notices the open list


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(
    url: str, ready: Callable[[int, str], bool], seconds: float, what: str
) -> tuple[int, str]:
    deadline = time.monotonic() + seconds
    last: tuple[int, str] | str = "no answer"
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
        except (OSError, TimeoutError) as error:
            last = repr(error)
        else:
            if ready(*last):
                return last
        time.sleep(0.2)
    raise AssertionError(f"{url}: {what} did not happen within {seconds} s; last: {last!r:.500}")


@pytest.fixture
def preview(make_project) -> Iterator[tuple[Project, str, Path]]:
    project = make_project()
    port = free_port()
    log = project.root / "serve.log"
    env = {**os.environ, "RUNFORM_AS_OF": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "runform", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project.root,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            yield project, f"http://127.0.0.1:{port}", log
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def is_tip_page(status: int, html: str) -> bool:
    return status == 200 and "data-runform-error-page" not in html and "Heel Pick Up" in html


def test_broken_tip_shows_the_error_page_then_the_tip_again(preview):
    project, base, log = preview
    page = f"{base}/tips/heel-pick-up/"
    wait_for(page, is_tip_page, 90, "the first build")
    scheduled = fetch(f"{base}/tips/relaxed-arms/")[1]
    assert "Scheduled for" in scheduled, "the preview must show scheduled tips with a banner"

    tip = project.tips / TIP
    good = tip.read_text(encoding="utf-8")
    tip.write_text(good.replace("title: Heel Pick Up", "title: [Heel Pick Up"), encoding="utf-8")
    started = time.monotonic()
    _, html = wait_for(
        page, lambda _, html: "data-runform-error-page" in html, 10, "the error page"
    )
    took = time.monotonic() - started
    assert took < 5, f"the error page took {took:.1f} s; expected a few seconds"
    problems = BeautifulSoup(html, "lxml").select("li")
    assert [p.select_one(".where").get_text() for p in problems] == [BROKEN_LINE], html
    assert "is not closed" in problems[0].get_text(), problems[0].get_text()
    assert "Hint:" in problems[0].get_text(), "the hint is missing from the error page"
    home_status, home = fetch(f"{base}/")
    assert "data-runform-error-page" in home, f"home page (HTTP {home_status}) shows no error"
    assert BROKEN_LINE in log.read_text(encoding="utf-8"), "the terminal must print the line"

    tip.write_text(good, encoding="utf-8")
    wait_for(page, is_tip_page, 10, "the tip coming back after the fix")
