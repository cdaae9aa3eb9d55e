"""`runform schedule`: the coming publish days, what is planned for each, and the gaps.

Statuses are the schedule's (published, scheduled, draft) plus "missing" for a publish day
with no tip at all. A day counts as covered only by a tip that will be published: a draft
alone leaves it a gap.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from runform.content.catalog import Entry
from runform.content.schedule import Schedule, Status
from runform.content.settings import Weekday

MISSING: Final = "missing"
RECENT_COUNT: Final = 3  # published tips shown before the coming days
GAP_WEEKS: Final = 4  # a gap in the next four publish days is warned about


@dataclass(frozen=True)
class PlanRow:
    day: date
    status: str  # a Status value, or MISSING
    title: str | None
    path: str | None


@dataclass(frozen=True)
class Gap:
    day: date
    drafts: tuple[str, ...] = ()  # the day's draft files ("tips/…yml"), never published

    @property
    def draft_only(self) -> bool:
        """The day has a tip, but only as a draft."""
        return bool(self.drafts)


@dataclass(frozen=True)
class Plan:
    as_of: date
    weekday: Weekday
    recent: tuple[PlanRow, ...]  # the last few published before as_of, oldest first
    upcoming: tuple[PlanRow, ...]  # as_of up to the last publish day asked for
    gaps: tuple[Gap, ...]  # in the next GAP_WEEKS publish days


def publish_days(start: date, weekday: Weekday, count: int) -> list[date]:
    """`count` publish days from `start` on (start included when it is one)."""
    first = start + timedelta(days=(weekday.index - start.weekday()) % 7)
    return [first + timedelta(weeks=week) for week in range(count)]


def plan_schedule(
    schedule: Schedule, weekday: Weekday, weeks: int, recent: int = RECENT_COUNT
) -> Plan:
    entries = [*schedule.published, *schedule.scheduled, *schedule.drafts]
    days = publish_days(schedule.as_of, weekday, max(weeks, GAP_WEEKS))
    shown_days = days[:weeks]
    last = shown_days[-1] if shown_days else schedule.as_of
    upcoming = [
        _row(entry, schedule) for entry in entries if schedule.as_of <= entry.tip.date <= last
    ]
    planned = {row.day for row in upcoming}
    upcoming += [PlanRow(day, MISSING, None, None) for day in shown_days if day not in planned]
    order = {status: rank for rank, status in enumerate([*Status, MISSING])}
    upcoming.sort(key=lambda row: (row.day, order[row.status], row.title or ""))
    past = [entry for entry in schedule.published if entry.tip.date < schedule.as_of]
    return Plan(
        as_of=schedule.as_of,
        weekday=weekday,
        recent=tuple(_row(entry, schedule) for entry in reversed(past[:recent])),
        upcoming=tuple(upcoming),
        gaps=tuple(_gaps(entries, days[:GAP_WEEKS])),
    )


def _row(entry: Entry, schedule: Schedule) -> PlanRow:
    return PlanRow(entry.tip.date, str(schedule.status_of(entry)), entry.tip.title, entry.path)


def _gaps(entries: list[Entry], days: list[date]) -> list[Gap]:
    covered = {entry.tip.date for entry in entries if not entry.tip.draft}
    return [
        Gap(day, tuple(e.path for e in entries if e.tip.draft and e.tip.date == day))
        for day in days
        if day not in covered
    ]
