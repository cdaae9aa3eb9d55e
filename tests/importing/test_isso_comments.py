"""Approved comments move to a real Isso: written by `runform import wordpress --comments isso`,
read back through Isso's own HTTP API on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from cli_runner import lines
from import_helpers import BLOG, import_project, run_import

HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@pytest.fixture
def isso(tmp_path):
    """Factory: isso(db_path) -> base URL of a started `isso run` on that database."""
    started: list[subprocess.Popen[bytes]] = []

    def start(db_path: Path) -> str:
        port = _free_port()
        config = tmp_path / "isso.cfg"
        config.write_text(
            f"[general]\ndbpath = {db_path}\nhost = http://{HOST}:8000/\ngravatar = false\n"
            f"[server]\nlisten = http://{HOST}:{port}/\n[moderation]\nenabled = false\n"
            "[guard]\nenabled = false\n",
            encoding="utf-8",
        )
        executable = Path(sys.executable).parent / "isso"
        command = str(executable) if executable.exists() else shutil.which("isso") or "isso"
        log = (tmp_path / "isso.log").open("ab")
        process = subprocess.Popen([command, "-c", str(config), "run"], stdout=log, stderr=log)
        started.append(process)
        url = f"http://{HOST}:{port}/"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"{url}config", timeout=2):
                    return url
            except OSError:
                time.sleep(0.2)
        raise AssertionError((tmp_path / "isso.log").read_text(errors="replace"))

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=15)


def _thread(url: str, uri: str) -> dict:
    with urllib.request.urlopen(f"{url}?uri={uri}&nested_limit=10", timeout=10) as response:
        return json.load(response)


def test_approved_comments_and_replies_reach_isso_without_emails(tmp_path, isso):
    project = import_project(tmp_path / "site")
    db = tmp_path / "comments.db"
    args = ("--category", "runformfriday", "--comments", "isso", "--isso-db", str(db))
    result = run_import(project, str(BLOG), *args)
    assert result.returncode == 0, result.stderr
    assert lines(result.stdout)[-1] == (
        f"3 tips imported, 6 posts skipped; 6 redirects added to redirects.yml;"
        f" 3 comments written to {db}."
    )
    with sqlite3.connect(db) as connection:
        stored = connection.execute("SELECT author, email, remote_addr FROM comments").fetchall()
    assert stored == [
        ("Sam Runner", None, ""),
        ("Coach Jo", None, ""),
        ("Mallory <b>M</b>", None, ""),
    ]

    url = isso(db)
    thread = _thread(url, "/tips/heel-pick-up/")
    top = thread["replies"]
    assert [c["author"] for c in top] == ["Sam Runner", "Mallory <b>M</b>"]
    assert top[0]["text"] == "<p>This fixed my <em>shin splints</em>.</p>\n<p>Thank you!</p>"
    assert top[0]["website"] == "https://sam.example"
    assert [r["author"] for r in top[0]["replies"]] == ["Coach Jo"]
    assert top[0]["replies"][0]["text"] == "<p>Glad it helped, Sam.</p>"
    hostile = top[1]
    assert "<script" not in hostile["text"] and "<img" not in hostile["text"]
    assert hostile["text"] == "<p>Nice &lt;script&gt;alert(1)&lt;/script&gt; tip</p>"
    assert hostile["website"] is None, "a javascript: website is not a website"
    assert all("email" not in c for c in top), "Isso never serves e-mail addresses anyway"

    again = run_import(project, str(BLOG), "--category", "runformfriday", *args[2:])
    assert again.returncode == 0, again.stderr
    assert lines(again.stdout)[-1].endswith(f"0 comments written to {db}.")
    assert len(_thread(url, "/tips/heel-pick-up/")["replies"]) == 2, "nothing twice"


def test_keep_emails_keeps_them_and_anonymises_ip_addresses(tmp_path):
    project = import_project(tmp_path / "site")
    db = tmp_path / "comments.db"
    result = run_import(
        project, str(BLOG), "--comments", "isso", "--isso-db", str(db), "--keep-emails"
    )
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as connection:
        stored = connection.execute("SELECT email, remote_addr FROM comments").fetchall()
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    assert stored == [
        ("sam@mail.example", "203.0.113.0"),
        ("jo@oldblog.example", "198.51.100.0"),
        ("m@mail.example", "192.0.2.0"),
    ]
    assert version == 5


def test_comments_isso_needs_a_database_path(tmp_path):
    project = import_project(tmp_path / "site")
    result = run_import(project, str(BLOG), "--comments", "isso")
    assert result.returncode == 2
    assert result.stderr == "runform: --comments isso needs --isso-db PATH (Isso's dbpath)\n"


def test_an_isso_database_in_a_missing_folder_stops_before_anything_is_written(tmp_path):
    project = import_project(tmp_path / "site")
    db = tmp_path / "isso" / "comments.db"
    result = run_import(project, str(BLOG), "--comments", "isso", "--isso-db", str(db))
    assert result.returncode == 1
    assert result.stderr == (
        f"runform: --isso-db {db}: the folder {db.parent} does not exist; create it or give"
        " the path Isso's dbpath names (nothing was imported)\n"
    )
    assert sorted(p.name for p in project.tips.iterdir()) == []
    assert not (project.root / "redirects.yml").exists()
