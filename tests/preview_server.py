"""Start `runform serve` for real on a free 127.0.0.1 port, and poll it with short timeouts."""

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
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cli_runner import AS_OF


@dataclass(frozen=True)
class Preview:
    url: str  # "http://127.0.0.1:PORT"
    log: Path  # everything the server printed


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_preview(root: Path, as_of: str = AS_OF) -> Iterator[Preview]:
    port = free_port()
    log = root / "serve.log"
    env = {**os.environ, "RUNFORM_AS_OF": as_of, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "runform", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            yield Preview(f"http://127.0.0.1:{port}", log)
        finally:
            stop(server)


def stop(server: subprocess.Popen[bytes]) -> None:
    """Stop a server as Ctrl+C does; kill it if it has not stopped within 20 s."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def fetch(url: str, timeout: float = 5) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(
    url: str, ready: Callable[[int, str], bool], seconds: float, what: str
) -> tuple[int, str]:
    """Poll `url` until `ready(status, html)`; a request that hangs fails after 5 s."""
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
