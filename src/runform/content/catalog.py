"""Every tip file -> a Catalog of validated entries, plus the rules that span files.

Reads everything first and reports every problem of every file (Pelican's generators read all
content before any writer runs). File-level rules: the name is `YYYY-MM-DD-slug.yml` and its
date agrees with `date:`; a poster exists under docs/. Cross-file rule: slugs are unique.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from runform.content.diagnostics import START, Diagnostic, Position
from runform.content.model import Tip
from runform.content.paths import TIP_SUFFIXES, display_path, parse_tip_file_name
from runform.content.reader import SourceDocument, read_file_bytes, read_yaml_text
from runform.content.validation import validate_document


@dataclass(frozen=True)
class Entry:
    """A validated tip and where it came from."""

    path: str  # "tips/2026-11-27-heel-pick-up.yml", as the coach sees it
    slug: str
    tip: Tip


@dataclass(frozen=True)
class Catalog:
    entries: tuple[Entry, ...]  # oldest first, then by slug
    diagnostics: tuple[Diagnostic, ...]  # sorted

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)


def find_tip_files(tips_dir: Path) -> list[Path]:
    if not tips_dir.is_dir():
        return []
    return sorted(p for p in tips_dir.iterdir() if p.suffix in TIP_SUFFIXES and p.is_file())


def load_catalog(
    tips_dir: Path, *, root: Path, docs_dir: Path | None = None, keep_for_rebuilds: bool = False
) -> Catalog:
    """Read and validate every tip file in `tips_dir`; paths are shown relative to `root`.

    keep_for_rebuilds: keep each file's result by its content (`serve`, which then re-parses
    only the files that changed); a one-off build or check keeps none.
    """
    parse = _parse_tip_cached if keep_for_rebuilds else _parse_tip
    return build_catalog(
        read_tip(path, display_path(path, root), docs_dir, parse)
        for path in find_tip_files(tips_dir)
    )


def read_tip(
    path: Path,
    display: str,
    docs_dir: Path | None,
    parse: Callable[[str, str, bytes], _ParsedTip] | None = None,
) -> tuple[Entry | None, list[Diagnostic]]:
    """One file -> its entry (when valid) and its problems."""
    raw = read_file_bytes(path, display)
    if isinstance(raw, list):
        return None, raw
    parsed = (parse or _parse_tip)(display, path.name, raw)
    problems = list(parsed.problems)
    tip = parsed.tip
    if tip is None:
        return None, problems
    problems.extend(_check_poster(tip, display, parsed.poster_position, docs_dir))
    entry = Entry(path=display, slug=tip.slug or parsed.name_slug or Path(path.name).stem, tip=tip)
    return (entry if not problems else None), problems


@dataclass(frozen=True)
class _ParsedTip:
    """What a file's bytes give, kept (not the YAML data or its positions) for `serve`."""

    tip: Tip | None
    name_slug: str | None
    problems: tuple[Diagnostic, ...]
    poster_position: Position


_PARSED: dict[tuple[str, str, bytes], _ParsedTip] = {}  # by file and content digest
_PARSED_MAX: Final = 4096


def _parse_tip_cached(display: str, name: str, raw: bytes) -> _ParsedTip:
    """`_parse_tip`, cached by a digest of the content (not the bytes themselves, which would
    keep every file in memory)."""
    key = (display, name, hashlib.blake2b(raw, digest_size=16).digest())
    parsed = _PARSED.get(key)
    if parsed is None:
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.clear()
        parsed = _PARSED[key] = _parse_tip(display, name, raw)
    return parsed


def _parse_tip(display: str, name: str, raw: bytes) -> _ParsedTip:
    """Bytes -> validated tip."""
    source = read_yaml_text(raw, display)
    if not isinstance(source, SourceDocument):
        return _ParsedTip(None, None, tuple(source), START)
    tip, problems = validate_document(
        Tip,
        source.data,
        path=display,
        positions=source.positions,
        value_positions=source.value_positions,
    )
    name_slug, name_problems = _check_file_name(Path(name), source, tip)
    poster = source.value_positions.get(("video", "poster"), START)
    return _ParsedTip(tip, name_slug, (*problems, *name_problems), poster)


def build_catalog(results: Iterable[tuple[Entry | None, list[Diagnostic]]]) -> Catalog:
    entries: list[Entry] = []
    diagnostics: list[Diagnostic] = []
    for entry, problems in results:
        diagnostics.extend(problems)
        if entry is not None:
            entries.append(entry)
    diagnostics.extend(_check_unique_slugs(entries))
    entries.sort(key=lambda e: (e.tip.date, e.slug))
    return Catalog(entries=tuple(entries), diagnostics=tuple(sorted(diagnostics)))


def _check_file_name(
    path: Path, source: SourceDocument, tip: Tip | None
) -> tuple[str | None, list[Diagnostic]]:
    parsed = parse_tip_file_name(path.name)
    if parsed is None:
        return None, [
            Diagnostic.at(
                source.path,
                START,
                f"file name '{path.name}' must look like YYYY-MM-DD-some-slug.yml",
                "rename it after its publish date and title, e.g. 2026-11-27-heel-pick-up.yml",
            )
        ]
    prefix, slug = parsed.date_text, parsed.slug
    if tip is not None and tip.date.isoformat() != prefix:
        where = source.value_positions.get(("date",), START)
        return slug, [
            Diagnostic.at(
                source.path,
                where,
                f"date {tip.date.isoformat()} does not match the file name's date {prefix}",
                f"rename the file to {tip.date.isoformat()}-{slug}{path.suffix} or fix the date",
            )
        ]
    return slug, []


def _check_poster(
    tip: Tip, display: str, where: Position, docs_dir: Path | None
) -> list[Diagnostic]:
    if docs_dir is None or tip.video is None or tip.video.poster is None:
        return []
    if (docs_dir / tip.video.poster).is_file():
        return []
    return [
        Diagnostic.at(
            display,
            where,
            f"poster '{tip.video.poster}' is not a file in {docs_dir.name}/",
            f"put the image at {docs_dir.name}/{tip.video.poster} or fix the path",
        )
    ]


def _check_unique_slugs(entries: list[Entry]) -> list[Diagnostic]:
    first_by_slug: dict[str, Entry] = {}
    problems: list[Diagnostic] = []
    for entry in sorted(entries, key=lambda e: e.path):
        first = first_by_slug.setdefault(entry.slug, entry)
        if first is entry:
            continue
        problems.append(
            Diagnostic(
                entry.path,
                START.line,
                START.col,
                f"slug '{entry.slug}' is already used by {first.path}",
                "two tips cannot share one page address: set a different 'slug:' in one of them",
            )
        )
    return problems
