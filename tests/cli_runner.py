"""Run the `runform` command as a coach would: a real subprocess in a project folder."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

AS_OF = "2026-11-24"  # a Tuesday: Friday 2026-11-27 is the next publish day


def runform(
    cwd: Path,
    *args: str,
    as_of: str | None = AS_OF,
    env: Mapping[str, str] | None = None,
    timeout: float = 300,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    full_env.pop("RUNFORM_AS_OF", None)
    if as_of is not None:
        full_env["RUNFORM_AS_OF"] = as_of
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "runform", *args],
        cwd=cwd,
        env=full_env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def lines(text: str) -> list[str]:
    return text.rstrip("\n").split("\n") if text.strip() else []
