"""Tip files already read and validated, kept on disk between runs (`.cache/runform/`).

Reading a tip (YAML with positions, then validation) is most of what `runform check`,
`build` and `publish` spend on the tips; from one run to the next almost every file is
unchanged. A run loads one cache file, looks each tip up by a digest of everything its
result depends on, parses only the files it does not find, and writes the file back (only
the entries this run used, so it never grows past the tips there are) when anything changed.

The digest covers the file's bytes, its path and name (the file-name rules), and the code
that reads it: the versions of runform, pydantic, PyYAML and cmarkgfm (the Markdown a tip
page leaves out is kept with the tip) and the source of `runform.content`, so an upgrade or
an edited rule never serves a stale answer. A missing, unreadable or foreign cache file only
means parsing again: it is never an error. The folder is git-ignored and safe to delete,
like the card cache beside it. (Linters such as ruff and mypy keep caches the same way; no
library offers one for this.)
"""

from __future__ import annotations

import dataclasses
import enum
import gc
import hashlib
import importlib.metadata
import io
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, Final, Generic, TypeVar

import yaml

from runform import __version__

PARSE_CACHE: Final = Path(".cache/runform/tips.pickle")  # relative to mkdocs.yml
_FORMAT: Final = b"runform-parse-cache-2"

T = TypeVar("T")


@cache
def code_digest() -> bytes:
    """What the parse results depend on besides the file: the versions of runform, pydantic,
    PyYAML and cmarkgfm (which finds the Markdown a page leaves out), and the source files of
    `runform.content` (read once per process, ~30 files)."""
    digest = hashlib.blake2b(_FORMAT, digest_size=16)
    digest.update(f"{__version__}\0{yaml.__version__}\0".encode())
    for distribution in ("pydantic", "pydantic-core", "cmarkgfm"):
        digest.update(f"{_installed_version(distribution)}\0".encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


def _installed_version(distribution: str) -> str:
    """The installed version of `distribution` (its metadata, ~1-3 ms, once per process;
    the same after a reinstall, as in CI where every run installs anew), or "?"."""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "?"


# The only things a parse result is made of besides builtins' containers and scalars
_STDLIB_TYPES: Final = frozenset({("datetime", "date"), ("datetime", "datetime")})


class _TipsUnpickler(pickle.Unpickler):
    """Unpickling that can build only parse results: value classes of `runform.content`
    (the records, dataclasses, enums, named tuples) and dates, never a function or any
    other class. A cache file
    is data in the project folder (a clone, a pull request): one written to run code on load
    is refused like any damaged file (Python's `pickle` docs, "Restricting Globals")."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _STDLIB_TYPES:
            return super().find_class(module, name)
        if module.startswith("runform.content."):
            found = super().find_class(module, name)
            if isinstance(found, type) and (
                issubclass(found, enum.Enum | tuple) or dataclasses.is_dataclass(found)
            ):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a parse result")


class ParseCache(Generic[T]):
    """`parse(display, name, raw) -> T`, answered from `path` when the same file was parsed
    by the same code before. Call `save()` once the run has read every file."""

    def __init__(self, path: Path, parse: Callable[[str, str, bytes], T]) -> None:
        self.path = path
        self._parse = parse
        self._stored: dict[bytes, T] = self._load()
        self._used: dict[bytes, T] = {}

    def _load(self) -> dict[bytes, T]:
        enabled = gc.isenabled()
        try:
            raw = self.path.read_bytes()
            # unpickling makes ~200 objects a tip, none of them garbage: collecting among them
            # as they come (the collector's usual thresholds) about doubles the time
            gc.disable()
            data = _TipsUnpickler(io.BytesIO(raw)).load()
        except Exception:  # missing, truncated, foreign or from another Python: parse again
            return {}
        finally:
            if enabled:
                gc.enable()
        if not isinstance(data, dict) or data.get(_FORMAT) != code_digest():
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def parse(self, display: str, name: str, raw: bytes) -> T:
        """The result of parsing `raw` (the file `name`, shown as `display`)."""
        digest = hashlib.blake2b(code_digest(), digest_size=20)
        digest.update(display.encode() + b"\0" + name.encode() + b"\0")
        digest.update(raw)
        key = digest.digest()
        found = self._stored.get(key)
        if found is None:
            found = self._parse(display, name, raw)
        self._used[key] = found
        return found

    def save(self) -> None:
        """Write the entries this run used, when they differ from what was stored; a folder
        that cannot be written is left as it is (the next run parses again)."""
        if self._used.keys() == self._stored.keys():
            return
        data = {_FORMAT: code_digest(), "entries": self._used}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".tips.", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as stream:
                    pickle.dump(data, stream, protocol=pickle.HIGHEST_PROTOCOL)
                Path(temp).replace(self.path)  # atomic: readers see the old file or the new
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except (OSError, pickle.PicklingError):
            return
        self._stored = dict(self._used)
