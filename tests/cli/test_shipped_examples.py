"""The example tips shipped in tips/ check clean on any day: before, during and after them."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import lines, runform

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("as_of", ["2026-11-01", "2026-11-24", "2026-11-27", "2031-01-01"])
def test_the_shipped_example_tips_raise_no_warning(as_of: str) -> None:
    result = runform(REPO, "check", as_of=as_of)
    assert result.returncode == 0
    assert lines(result.stdout) == ["runform: 5 tips checked, no problems."]
