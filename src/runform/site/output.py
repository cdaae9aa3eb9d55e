"""`runform build` writes the site next to its destination and swaps it in only when done.

No failure, strict-mode warnings included, ever leaves a half-written site, and `site` exists
at every instant: on Linux the finished folder and the old site trade places in one atomic
`renameat2(RENAME_EXCHANGE)` call (man 2 rename); elsewhere two renames follow each other.
Staging folders carry the building process's id, so the next build removes what an
interrupted one (SIGKILL, a cancelled CI run) left behind, and never another build's work.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Final

MARKER: Final = ".runform-build"  # written into every site runform builds
_RENAME_EXCHANGE: Final = 2  # from <linux/fs.h>
_AT_FDCWD: Final = -100


class UnsafeOutput(Exception):
    """The output folder would replace the project, its docs or its tips, or files that are
    not an earlier build."""


def check_output_dir(out: Path, root: Path, inputs: list[Path]) -> None:
    """Refuse an output folder that is the project (or above it), overlaps docs/ or tips/, or
    holds anything but an earlier build (a folder of personal files is never replaced)."""
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
    if target.is_dir() and any(target.iterdir()) and not _is_earlier_build(target):
        raise UnsafeOutput(
            f"{out} holds files that are not a site runform built, and a build would replace "
            "them; pick an empty or new folder for --out"
        )


def _is_earlier_build(folder: Path) -> bool:
    """A site runform built (its marker), or an MkDocs site from before the marker existed."""
    if (folder / MARKER).is_file():
        return True
    return (folder / "index.html").is_file() and (folder / "sitemap.xml").is_file()


def staging_dir(out: Path) -> Path:
    """A new empty folder beside `out` (same disk, so the swap is a rename), with the usual
    mode for a published folder (0o755 under the usual umask). Leftovers of earlier
    interrupted builds of `out` are removed first."""
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    staging = Path(
        tempfile.mkdtemp(prefix=f".{out.name}.{os.getpid()}.", suffix=".building", dir=out.parent)
    )
    staging.chmod(0o777 & ~_umask())
    return staging


def remove_leftovers(out: Path) -> list[Path]:
    """Staging and retired folders of `out` whose building process is gone; returns them."""
    removed: list[Path] = []
    for path in out.parent.glob(f".{out.name}.*"):
        pid = _builder(path, out.name)
        if pid is None or _alive(pid):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _builder(path: Path, name: str) -> int | None:
    """The process id in `.site.<pid>.<random>.building` / `.site.<pid>.old-<random>`."""
    rest = path.name.removeprefix(f".{name}.")
    pid, _, tail = rest.partition(".")
    if not pid.isdigit() or not (tail.endswith(".building") or tail.startswith("old-")):
        return None
    return int(pid)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def swap_in(staging: Path, out: Path) -> None:
    """Put the finished `staging` folder at `out`, then remove the old site. Raises OSError
    when `out` cannot be replaced (the caller discards `staging`)."""
    (staging / MARKER).write_text("built by runform\n", encoding="utf-8")
    if not out.exists():
        staging.rename(out)
        return
    if _exchange(staging, out):
        shutil.rmtree(staging, ignore_errors=True)  # it now holds the old site
        return
    retired = out.with_name(f".{out.name}.{os.getpid()}.old-{uuid.uuid4().hex[:8]}")
    out.rename(retired)
    staging.rename(out)
    shutil.rmtree(retired, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Atomically trade two paths (Linux 3.15+, glibc 2.28+); False where that is not there."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (38, 22, 95):  # ENOSYS, EINVAL, EOPNOTSUPP: this file system cannot
        return False
    raise OSError(errno, os.strerror(errno), str(second))


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
