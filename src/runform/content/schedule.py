"""Catalog + as-of date -> Schedule. The only module that knows what "today" is.

A tip is published when its date has come (`date <= as_of`) and it is not a draft; a
future tip is scheduled. The as-of date is an argument everywhere; `resolve_as_of` sits at
the edge and reads `RUNFORM_AS_OF`, as Hugo's `--clock` does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from runform.content.catalog import Catalog, Entry
from runform.content.diagnostics import START, ContentError, Diagnostic
from runform.content.paths import FIRST_DAY, LAST_DAY

AS_OF_VARIABLE = "RUNFORM_AS_OF"
PREVIEW_VARIABLE = "RUNFORM_PREVIEW"


class Status(StrEnum):
    PUBLISHED = "published"
    SCHEDULED = "scheduled"
    DRAFT = "draft"


@dataclass(frozen=True)
class Schedule:
    as_of: date
    published: tuple[Entry, ...]  # newest first
    scheduled: tuple[Entry, ...]  # soonest first
    drafts: tuple[Entry, ...]  # by date
    next_up: Entry | None  # the soonest scheduled tip: its teaser may be shown

    def status_of(self, entry: Entry) -> Status:
        return status_of(entry, self.as_of)

    def shown(self, *, preview: bool) -> tuple[Entry, ...]:
        """The tips that get a page, newest first: in a build the published ones; in a
        preview (`serve`) all of them, scheduled and drafts too. The one place this is decided.
        """
        if not preview:
            return self.published
        return tuple(
            sorted(
                [*self.published, *self.scheduled, *self.drafts],
                key=lambda e: (e.tip.date, e.slug),
                reverse=True,
            )
        )


def status_of(entry: Entry, as_of: date) -> Status:
    if entry.tip.draft:
        return Status.DRAFT
    return Status.PUBLISHED if entry.tip.date <= as_of else Status.SCHEDULED


def build_schedule(catalog: Catalog, as_of: date) -> Schedule:
    by_status: dict[Status, list[Entry]] = {status: [] for status in Status}
    for entry in catalog.entries:  # oldest first
        by_status[status_of(entry, as_of)].append(entry)
    scheduled = tuple(by_status[Status.SCHEDULED])
    return Schedule(
        as_of=as_of,
        published=tuple(reversed(by_status[Status.PUBLISHED])),
        scheduled=scheduled,
        drafts=tuple(by_status[Status.DRAFT]),
        next_up=scheduled[0] if scheduled else None,
    )


def resolve_as_of(env: Mapping[str, str], timezone: str, now: datetime) -> date:
    """`RUNFORM_AS_OF=YYYY-MM-DD` if set, else today's date in the site's time zone.

    `now` must be timezone-aware (the caller passes `datetime.now(UTC)`).
    """
    override = env.get(AS_OF_VARIABLE, "").strip()
    if override:
        try:
            day = date.fromisoformat(override)
        except ValueError:
            raise ContentError(
                [
                    Diagnostic.at(
                        AS_OF_VARIABLE,
                        START,
                        f"'{override}' is not a date",
                        "set it as YYYY-MM-DD, e.g. RUNFORM_AS_OF=2026-11-27",
                    )
                ]
            ) from None
        if problem := as_of_problem(day):
            raise ContentError([Diagnostic.at(AS_OF_VARIABLE, START, *problem)])
        return day
    return now.astimezone(ZoneInfo(timezone)).date()


def as_of_problem(day: date) -> tuple[str, str] | None:
    """(message, hint) when a site cannot be scheduled as of `day` (outside the days a tip may
    have, see `fields.FIRST_DAY`/`LAST_DAY`), else None."""
    if FIRST_DAY <= day <= LAST_DAY:
        return None
    return (
        f"{day.isoformat()} is outside the days a site can be built as of",
        f"use a day from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}",
    )


def preview_enabled(env: Mapping[str, str], serving: bool) -> bool:
    """Drafts and scheduled tips are shown under `mkdocs serve` unless RUNFORM_PREVIEW=0."""
    return serving and env.get(PREVIEW_VARIABLE, "1").strip() not in ("0", "false", "no")
