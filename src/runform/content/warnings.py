"""Warnings: rules that span tips or depend on the day, worth a look but never blocking.

Computed from the catalog (valid tips only) and the as-of date; each is a `Diagnostic` with
severity WARNING and the stable code of its rule (as yamllint names its rules), placed on the
key it is about. One small function per rule; `TIP_RULES` lists the per-tip ones by code.
Positions come from reading the file again, only for the few tips that have a warning.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Final

from runform.content.card_fonts import FONT_CACHE, CardFontFiles, character_map, missing_from
from runform.content.catalog import Catalog, Entry, left_out_in_fields
from runform.content.diagnostics import START, Diagnostic, Position, Severity
from runform.content.reader import KeyPath
from runform.content.records import Weekday
from runform.content.schedule import Status, status_of

SUMMARY_SEARCH_LENGTH: Final = 160  # about what search engines show of a description
_SCALAR_KEYS: Final = frozenset({("date",), ("summary",), ("teaser",)})
_MARKDOWN_SHOWS: Final = "emphasis, lists, links, code and quotes"

Locate = Callable[[Entry, KeyPath], Position]  # the value of a scalar key, else the key


@dataclass(frozen=True)
class RuleContext:
    """What a rule may look at besides the tip: the day, the publish weekday, where keys are."""

    as_of: date
    weekday: Weekday
    locate: Locate
    card_font: CardFontFiles | None = None  # None: no cards, or Pillow's bundled font
    # the code points card_font.bold has glyphs for (`card_fonts.character_map`), read once
    # per run; None: no card font, or one fontTools cannot read (it misses nothing)
    card_characters: frozenset[int] | None = None


TipRule = Callable[[Entry, RuleContext], Iterator[Diagnostic]]


def find_warnings(
    catalog: Catalog,
    *,
    as_of: date,
    weekday: Weekday,
    root: Path,
    card_font: CardFontFiles | None = None,
) -> list[Diagnostic]:
    """Every warning about the valid tips in `catalog`, sorted; each carries its rule's code.
    `card_font`: the font the social cards are drawn with (`content.card_fonts`), when the
    site draws cards; its character map is kept between runs in `root`/.cache/runform/."""
    covered = (
        character_map(card_font.bold, root / FONT_CACHE) if card_font and catalog.entries else None
    )
    context = RuleContext(as_of, weekday, _locate, card_font, covered)
    warnings = [
        warning
        for entry in catalog.entries
        for rule in TIP_RULES.values()
        for warning in rule(entry, context)
    ]
    warnings.extend(shared_date(catalog.entries, context))
    return sorted(warnings)


def _warn(entry: Entry, where: Position, code: str, message: str, hint: str) -> Diagnostic:
    return Diagnostic.at(entry.path, where, message, hint, Severity.WARNING, code)


def _warn_at(entry: Entry, key: str, code: str, message: str, hint: str) -> Diagnostic:
    """A warning placed on one of the tip's top-level keys."""
    return _warn(entry, _locate(entry, (key,)), code, message, hint)


def off_weekday(entry: Entry, context: RuleContext) -> Iterator[Diagnostic]:
    """`off-weekday`: the tip is not dated on the publish weekday."""
    tip, weekday = entry.tip, context.weekday
    if tip.date.weekday() != weekday.index:
        ahead = tip.date + timedelta(days=(weekday.index - tip.date.weekday()) % 7)
        yield _warn_at(
            entry,
            "date",
            "off-weekday",
            f"date {tip.date.isoformat()} is a {_day_name(tip.date)}, "
            f"not the publish day ({weekday.value.capitalize()})",
            f"move it to {_day_name(ahead)} {ahead.isoformat()}, "
            "or change extra.runform.publish_weekday in mkdocs.yml",
        )


def long_summary(entry: Entry, context: RuleContext) -> Iterator[Diagnostic]:
    """`long-summary`: longer than search engines show of a description."""
    summary = entry.tip.summary
    if len(summary) > SUMMARY_SEARCH_LENGTH:
        yield _warn_at(
            entry,
            "summary",
            "long-summary",
            f"summary is {len(summary)} characters long; search engines show only "
            f"about {SUMMARY_SEARCH_LENGTH}",
            f"shorten it by {len(summary) - SUMMARY_SEARCH_LENGTH} characters",
        )


def video_without_credit(entry: Entry, context: RuleContext) -> Iterator[Diagnostic]:
    """`video-without-credit`: a video names nobody who made it."""
    video = entry.tip.video
    if video is not None and video.credit is None:
        yield _warn_at(
            entry,
            "video",
            "video-without-credit",
            "video has no credit",
            "add 'credit:' under 'video:' with the name of who made it",
        )


def no_tags(entry: Entry, context: RuleContext) -> Iterator[Diagnostic]:
    """`no-tags`: readers cannot find related tips."""
    if not entry.tip.tags:
        yield _warn_at(
            entry,
            "tags",
            "no-tags",
            "tip has no tags",
            "add a few, e.g. 'tags: [cadence, drills]', so readers find related tips",
        )


def unused_teaser(entry: Entry, context: RuleContext) -> Iterator[Diagnostic]:
    """`unused-teaser`: a published tip's teaser is never shown."""
    tip = entry.tip
    if tip.teaser is not None and status_of(entry, context.as_of) is Status.PUBLISHED:
        yield _warn_at(
            entry,
            "teaser",
            "unused-teaser",
            f"teaser is never shown: the tip was published on {tip.date.isoformat()}",
            "remove 'teaser:'; a teaser is shown only while its tip is next up",
        )


def markdown_left_out(entry: Entry, context: RuleContext) -> Iterator[Diagnostic]:
    """`markdown-left-out`: Markdown the tip page does not show (images, headings, HTML).
    Found when the tip file was read (`Entry.left_out`, kept in the parse cache, so an
    unchanged tip is not converted again)."""
    found = entry.left_out if entry.left_out is not None else left_out_in_fields(entry.tip)
    for keys, left_out in found:
        yield _warn(
            entry,
            context.locate(entry, keys),
            "markdown-left-out",
            f"{_field_label(keys)} has {_and(left_out)}, which the tip page leaves out",
            f"a tip's Markdown shows {_MARKDOWN_SHOWS}; write the rest as text",
        )


def card_glyphs(entry: Entry, context: RuleContext) -> Iterator[Diagnostic]:
    """`card-glyphs`: the title or cue name has characters the social card's font cannot
    draw (an emoji, with DejaVu Sans); the card would show an empty box for each."""
    font = context.card_font
    if font is None:
        return
    for keys, text in ((("title",), entry.tip.title), (("cue", "name"), entry.tip.cue.name)):
        if missing := missing_from(text, context.card_characters):
            shown = ", ".join(f"'{char}' (U+{ord(char):04X})" for char in missing)
            yield _warn(
                entry,
                context.locate(entry, keys),
                "card-glyphs",
                f"{'.'.join(map(str, keys))} has characters the social card's font "
                f"({font.name}) cannot draw: {shown}",
                "the card shows an empty box for each; remove them, or set "
                "extra.runform.cards.font to a font that has them",
            )


TIP_RULES: Final[dict[str, TipRule]] = {
    "off-weekday": off_weekday,
    "long-summary": long_summary,
    "video-without-credit": video_without_credit,
    "no-tags": no_tags,
    "unused-teaser": unused_teaser,
    "markdown-left-out": markdown_left_out,
    "card-glyphs": card_glyphs,
}


def _and(names: Sequence[str]) -> str:
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def _field_label(keys: KeyPath) -> str:
    """("drill", "steps", 2) -> "drill step 3"; ("rationale", 0, "body") -> "rationale.body"."""
    if keys[:2] == ("drill", "steps"):
        return f"drill step {int(keys[2]) + 1}"
    return ".".join(str(k) for k in keys if isinstance(k, str))


def shared_date(entries: tuple[Entry, ...], context: RuleContext) -> list[Diagnostic]:
    """`shared-date`: two tips (drafts aside) on one day; each is told about the others."""
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
                _warn_at(
                    entry,
                    "date",
                    "shared-date",
                    f"{len(sharing)} tips are dated {day.isoformat()}; also {others}",
                    "move one to a free publish day; runform schedule lists them",
                )
            )
    return found


def _day_name(day: date) -> str:
    return list(Weekday)[day.weekday()].value.capitalize()


def _locate(entry: Entry, keys: KeyPath) -> Position:
    """Where a key's value (or, failing that, the key or the file) starts in its tip file,
    from the positions the catalog kept when it read the file."""
    return entry.key_positions.get(keys, START)
