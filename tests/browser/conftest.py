"""Browser fixtures: Debian's Chromium through Playwright, built sites served on 127.0.0.1,
and a real Isso comment server.

Chromium is never downloaded (`playwright install` cannot work here): a missing
/usr/bin/chromium is a failure that says to run `make browser`, never a skip.
"""

from __future__ import annotations

import functools
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, Request, sync_playwright

REPO = Path(__file__).resolve().parents[2]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LOCAL_HOST = "127.0.0.1"
NOT_LOCAL = re.compile(r"^(?!https?://127\.0\.0\.1[:/])https?://")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOCAL_HOST, 0))
        return probe.getsockname()[1]


def example_palette() -> list[dict[str, Any]]:
    """The example site's light/dark palette (follows the reader's system scheme)."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\nhooks:")[0])
    return config["theme"]["palette"]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class StaticServer:
    """A built site served over HTTP on 127.0.0.1 (the directory may be built later)."""

    directory: Path
    port: int = field(default_factory=free_port)

    def __post_init__(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        handler = functools.partial(_QuietHandler, directory=str(self.directory))
        self._server = ThreadingHTTPServer((LOCAL_HOST, self.port), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def origin(self) -> str:
        return f"http://{LOCAL_HOST}:{self.port}"

    def url(self, path: str = "") -> str:
        return f"{self.origin}/{path.lstrip('/')}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def serve_dir() -> Iterator[Any]:
    """Factory: serve_dir(path) -> StaticServer, stopped after the test."""
    servers: list[StaticServer] = []

    def factory(directory: Path) -> StaticServer:
        server = StaticServer(directory)
        servers.append(server)
        return server

    yield factory
    for server in servers:
        server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, one per test module: Playwright's sync API allows one running
    instance at a time, so a module that starts its own still works after ours."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium "
            "(`make browser` installs it; `make test` does so by itself)"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Visit:
    """A browser context that records every request and never lets one leave the machine."""

    context: BrowserContext
    requests: list[str] = field(default_factory=list)

    def page(self) -> Page:
        page = self.context.new_page()
        return page

    def external(self) -> list[str]:
        """Requests to anything but 127.0.0.1 (data: and blob: URLs are not requests out)."""
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(url).hostname != LOCAL_HOST
        ]

    def to_host(self, host: str) -> list[str]:
        return [url for url in self.requests if urlsplit(url).hostname == host]


@pytest.fixture
def visit(browser: Browser) -> Iterator[Any]:
    """Factory: visit(width=1280, color_scheme="light", javascript=True) -> Visit."""
    contexts: list[BrowserContext] = []

    def factory(width: int = 1280, color_scheme: str = "light", javascript: bool = True) -> Visit:
        context = browser.new_context(
            viewport={"width": width, "height": 900 if width > 600 else 844},
            color_scheme=color_scheme,
            java_script_enabled=javascript,
        )
        contexts.append(context)
        recorded = Visit(context)

        def record(request: Request) -> None:
            recorded.requests.append(request.url)

        context.on("request", record)
        context.route(NOT_LOCAL, lambda route: route.abort())
        return recorded

    yield factory
    for context in contexts:
        context.close()


# --- Isso ---------------------------------------------------------------------------------


@dataclass
class IssoServer:
    """`isso run` on 127.0.0.1 with a config file and an SQLite database in tmp_path."""

    config: Path
    port: int
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{LOCAL_HOST}:{self.port}/"

    def start(self) -> None:
        executable = Path(sys.executable).parent / "isso"
        command = [str(executable) if executable.exists() else shutil.which("isso") or "isso"]
        log = self.config.with_suffix(".log").open("ab")
        self.process = subprocess.Popen(
            [*command, "-c", str(self.config), "run"], stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"{self.url}config", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        log_text = self.config.with_suffix(".log").read_text(errors="replace")
        raise AssertionError(f"Isso did not start on {self.url} within 30 s:\n{log_text}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)
        self.process = None


@pytest.fixture
def isso_server(tmp_path: Path) -> Iterator[Any]:
    """Factory: isso_server(site_origin) -> a started IssoServer; stopped after the test."""
    started: list[IssoServer] = []

    def factory(site_origin: str) -> IssoServer:
        folder = tmp_path / "isso"
        folder.mkdir(exist_ok=True)
        port = free_port()
        config = folder / "isso.cfg"
        config.write_text(
            "\n".join(
                [
                    "[general]",
                    f"dbpath = {folder / 'comments.db'}",
                    f"host = {site_origin}",
                    "notify = stdout",
                    "gravatar = false",
                    "[server]",
                    f"listen = http://{LOCAL_HOST}:{port}/",
                    "[moderation]",
                    "enabled = false",
                    "[guard]",
                    "enabled = false",
                    "[admin]",
                    "enabled = false",
                    "",
                ]
            ),
            encoding="utf-8",
        )
        server = IssoServer(config, port)
        started.append(server)
        server.start()
        return server

    yield factory
    for server in started:
        server.stop()


# --- The site readers see -----------------------------------------------------------------

GISCUS = {
    "repo": "stridelab/runform-comments",
    "repo_id": "R_kgDOTest123",
    "category": "Tip comments",
    "category_id": "DIC_kwDOTest456",
}

# Two more video tips beside the examples: a YouTube Short with a start time and a local
# poster image, and a Vimeo video starting at #t=42s.
EXTRA_TIPS = {
    "2026-11-06-hip-extension.yml": """\
title: Hip Extension
date: 2026-11-06
summary: Push the ground back behind you with the glutes, not the lower back.
cue:
  name: Push back
rationale:
  - heading: Why it matters
    body: The glutes are the strongest muscles you run with.
video:
  url: https://www.youtube.com/shorts/bbbbbbbbbbb?t=1m30s
  title: Hip extension drill
  credit: Stride Lab
  poster: images/hip-extension.png
tags: [glutes, drills]
""",
    "2026-10-30-arm-carriage.yml": """\
title: Arm Carriage
date: 2026-10-30
summary: Keep the elbows bent and the hands relaxed, swinging from the shoulder.
cue:
  name: Elbows back
rationale:
  - heading: Why it matters
    body: Arms set the rhythm of the legs.
video:
  url: https://vimeo.com/76979871#t=42s
  title: Arm carriage on the track
  credit: Stride Lab
  credit_url: https://coach.example/about
tags: [arms, posture]
comments: false
cta: false
""",
}


def make_reader_project(root: Path, site_url: str, settings: dict[str, Any] | None = None) -> Any:
    """The example tips plus EXTRA_TIPS, the example palette, giscus comments.

    `site_url` is where the test serves it: Material fetches `sitemap.xml` from there.
    """
    from PIL import Image

    from conftest import new_project

    project = new_project(root, EXTRA_TIPS)
    images = project.root / "docs" / "images"
    images.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (320, 180), (40, 90, 120)).save(images / "hip-extension.png")
    config = yaml.safe_load((project.root / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = {**config["theme"], "palette": example_palette()}
    project.update_config({"theme": theme, "site_url": site_url})
    project.set_extra(
        {
            "hashtag": "#RunFormFriday",
            "comments": {"provider": "giscus", "giscus": GISCUS},
            "booking": {
                "text": "Book a session with the coach.",
                "label": "Book now",
                "url": "https://coach.example/book",
                "assessment_text": "Not local? Send a video of your running.",
                "assessment_label": "Send a video",
                "assessment_url": "https://coach.example/assess?ref=site",
            },
            **(settings or {}),
        }
    )
    return project


@pytest.fixture(scope="session")
def reader_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StaticServer]:
    """The reader's site, built once (as of 2026-11-24) and served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("reader") / "project"
    server = StaticServer(root / "site")
    project = make_reader_project(root, server.url())
    project.build_ok("2026-11-24")
    yield server
    server.stop()
