"""Warnings: rules that span tips or depend on the day, worth a look but never blocking.

Computed from the catalog (valid tips only) and the as-of date; each is a `Diagnostic` with
severity WARNING, placed on the key it is about. Positions come from reading the file again,
only for the few tips that have a warning.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Final

from runform.content.catalog import Catalog, Entry
from runform.content.diagnostics import START, Diagnostic, Position, Severity
from runform.content.markup import left_out_markdown
from runform.content.model import Tip
from runform.content.reader import KeyPath, SourceDocument, read_yaml_file
from runform.content.schedule import Status, status_of
from runform.content.settings import Weekday

SUMMARY_SEARCH_LENGTH: Final = 160  # about what search engines show of a description
_SCALAR_KEYS: Final = frozenset({("date",), ("summary",), ("teaser",)})
_MARKDOWN_SHOWS: Final = "emphasis, lists, links, code and quotes"

Locate = Callable[[Entry, KeyPath], Position]  # the value of a scalar key, else the key


def find_warnings(
    catalog: Catalog, *, as_of: date, weekday: Weekday, root: Path
) -> list[Diagnostic]:
    """Every warning about the valid tips in `catalog`, sorted."""
    locate = _Locator(root)
    warnings: list[Diagnostic] = []
    for entry in catalog.entries:
        warnings.extend(_entry_warnings(entry, as_of, weekday, locate))
    warnings.extend(_shared_dates(catalog.entries, locate))
    return sorted(warnings)


def _warn(entry: Entry, where: Position, message: str, hint: str) -> Diagnostic:
    return Diagnostic.at(entry.path, where, message, hint, Severity.WARNING)


def _entry_warnings(
    entry: Entry, as_of: date, weekday: Weekday, locate: Locate
) -> list[Diagnostic]:
    tip = entry.tip
    found: list[Diagnostic] = []
    if tip.date.weekday() != weekday.index:
        ahead = tip.date + timedelta(days=(weekday.index - tip.date.weekday()) % 7)
        found.append(
            _warn(
                entry,
                locate(entry, ("date",)),
                f"date {tip.date.isoformat()} is a {_day_name(tip.date)}, "
                f"not the publish day ({weekday.value.capitalize()})",
                f"move it to {_day_name(ahead)} {ahead.isoformat()}, "
                "or change extra.runform.publish_weekday in mkdocs.yml",
            )
        )
    if len(tip.summary) > SUMMARY_SEARCH_LENGTH:
        found.append(
            _warn(
                entry,
                locate(entry, ("summary",)),
                f"summary is {len(tip.summary)} characters long; search engines show only "
                f"about {SUMMARY_SEARCH_LENGTH}",
                f"shorten it by {len(tip.summary) - SUMMARY_SEARCH_LENGTH} characters",
            )
        )
    if tip.video is not None and tip.video.credit is None:
        found.append(
            _warn(
                entry,
                locate(entry, ("video",)),
                "video has no credit",
                "add 'credit:' under 'video:' with the name of who made it",
            )
        )
    if not tip.tags:
        found.append(
            _warn(
                entry,
                locate(entry, ("tags",)),
                "tip has no tags",
                "add a few, e.g. 'tags: [cadence, drills]', so readers find related tips",
            )
        )
    if tip.teaser is not None and status_of(entry, as_of) is Status.PUBLISHED:
        found.append(
            _warn(
                entry,
                locate(entry, ("teaser",)),
                f"teaser is never shown: the tip was published on {tip.date.isoformat()}",
                "remove 'teaser:'; a teaser is shown only while its tip is next up",
            )
        )
    for keys, text in _markdown_fields(tip):
        if left_out := left_out_markdown(text):
            found.append(
                _warn(
                    entry,
                    locate(entry, keys),
                    f"{_field_label(keys)} has {_and(left_out)}, which the tip page leaves out",
                    f"a tip's Markdown shows {_MARKDOWN_SHOWS}; write the rest as text",
                )
            )
    return found


def _markdown_fields(tip: Tip) -> list[tuple[KeyPath, str]]:
    """Every Markdown field of a tip, with where it is."""
    fields: list[tuple[KeyPath, str]] = [(("intro",), tip.intro)] if tip.intro else []
    fields += [(("rationale", i, "body"), s.body) for i, s in enumerate(tip.rationale)]
    fields += [(("faults", i, "fix"), fault.fix) for i, fault in enumerate(tip.faults)]
    if tip.drill:
        fields += [(("drill", "steps", i), step) for i, step in enumerate(tip.drill.steps)]
    fields += [(("notes", i, "text"), note.text) for i, note in enumerate(tip.notes)]
    return fields


def _and(names: list[str]) -> str:
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def _field_label(keys: KeyPath) -> str:
    """("drill", "steps", 2) -> "drill step 3"; ("rationale", 0, "body") -> "rationale.body"."""
    if keys[:2] == ("drill", "steps"):
        return f"drill step {int(keys[2]) + 1}"
    return ".".join(str(k) for k in keys if isinstance(k, str))


def _shared_dates(entries: tuple[Entry, ...], locate: Locate) -> list[Diagnostic]:
    """Two tips (drafts aside) on one day: each is told about the others."""
    by_date: dict[date, list[Entry]] = defaultdict(list)
    for entry in entries:
        if not entry.tip.draft:
            by_date[entry.tip.date].append(entry)
    found: list[Diagnostic] = []
    for day, sharing in by_date.items():
        if len(sharing) < 2:
            continue
        for entry in sharing:
            others = ", ".join(other.path for other in sharing if other is not entry)
            found.append(
                _warn(
                    entry,
                    locate(entry, ("date",)),
                    f"{len(sharing)} tips are dated {day.isoformat()}; also {others}",
                    "move one to a free publish day; runform schedule lists them",
                )
            )
    return found


def _day_name(day: date) -> str:
    return list(Weekday)[day.weekday()].value.capitalize()


class _Locator:
    """Where a key's value (or, failing that, the key or the file) starts in a tip file."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._sources: dict[str, SourceDocument | None] = {}

    def __call__(self, entry: Entry, keys: KeyPath) -> Position:
        if entry.path not in self._sources:
            source = read_yaml_file(self._root / entry.path, entry.path)
            self._sources[entry.path] = source if isinstance(source, SourceDocument) else None
        source = self._sources[entry.path]
        if source is None:
            return START
        value = source.value_positions.get(keys)
        if value is not None and keys in _SCALAR_KEYS:
            return value
        return source.positions.get(keys, START)
