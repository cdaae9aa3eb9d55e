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


def refused_by_check_and_build(root: Path, expected: str) -> None:
    """`runform check` and `runform build` in `root` both fail and both print the line
    `expected`; the build leaves no output folder and shows no traceback."""
    check = runform(root, "check")
    assert check.returncode == 1
    assert expected in lines(check.stdout), check.stdout
    build = runform(root, "build", "--out", "out")
    assert build.returncode == 1
    assert expected in build.stderr.splitlines(), build.stderr
    assert "unexpected" not in build.stderr and "Traceback" not in build.stderr
    assert not (root / "out").exists()


def check_workflow(path: Path) -> subprocess.CompletedProcess[str]:
    """A GitHub Actions workflow file checked against GitHub's published schema
    (check-jsonschema's built-in `vendor.github-workflows`)."""
    checker = Path(sys.executable).with_name("check-jsonschema")
    return subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
