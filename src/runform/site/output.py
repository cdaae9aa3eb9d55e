"""`runform build` writes the site next to its destination and swaps it in only when done.

So no failure, strict-mode warnings included, ever leaves a half-written site: the old site
stays as it was until the new one is complete, then one rename replaces it.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from pathlib import Path


class UnsafeOutput(Exception):
    """The output folder would replace the project, its docs or its tips."""


def check_output_dir(out: Path, root: Path, inputs: list[Path]) -> None:
    """Refuse an output folder that is the project (or above it), or overlaps docs/ or tips/."""
    target = out.resolve()
    if target.exists() and not target.is_dir():
        raise UnsafeOutput(f"{out} is a file, not a folder")
    if target == root.resolve() or target in root.resolve().parents:
        raise UnsafeOutput(f"{out} cannot hold the site: it would replace the whole project")
    for folder in inputs:
        kept = folder.resolve()
        if target == kept or target in kept.parents or kept in target.parents:
            raise UnsafeOutput(
                f"{out} cannot hold the site: it overlaps {folder}; pick another --out"
            )


def staging_dir(out: Path) -> Path:
    """A new empty folder beside `out` (same disk, so the swap is a rename)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".building", dir=out.parent))


def swap_in(staging: Path, out: Path) -> None:
    """Put the finished `staging` folder at `out`, removing the old site afterwards."""
    if not out.exists():
        staging.rename(out)
        return
    retired = out.with_name(f".{out.name}.old-{uuid.uuid4().hex[:8]}")
    out.rename(retired)
    staging.rename(out)
    shutil.rmtree(retired, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
