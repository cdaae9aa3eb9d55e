"""`runform schedule`: the coming publish days, what is planned for each, and the gaps.

Statuses are the schedule's (published, scheduled, draft) plus "errors" for a tip file left
out for its errors and "missing" for a publish day with no tip file at all. A day counts as
covered only by a tip that will be published: a draft, or a file with errors, alone leaves it
a gap. A file left out is dated by its name (its `date:` was not read): a draft with empty
keys is still a draft on its day, not a missing tip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import PurePosixPath
from typing import Final

from runform.content.catalog import Catalog, Entry
from runform.content.paths import file_name_date
from runform.content.records import Weekday
from runform.content.schedule import Schedule, Status

ERRORS: Final = "errors"
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
class LeftOut:
    """A tip file the catalog left out for its problems, dated by its file name."""

    path: str  # "tips/2026-12-18-cadence.yml"
    day: date
    draft: bool  # marked `draft: true`: its problems are warnings (`unfinished-draft`)


@dataclass(frozen=True)
class Gap:
    day: date
    drafts: tuple[str, ...] = ()  # the day's draft files ("tips/…yml"), never published
    broken: tuple[str, ...] = ()  # the day's files left out for their errors

    @property
    def draft_only(self) -> bool:
        """The day has a tip, but only as a draft."""
        return bool(self.drafts)


def left_out_files(catalog: Catalog) -> list[LeftOut]:
    """The tip files `catalog` has no entry for because of their problems (errors, or an
    unfinished draft's warnings), each dated by its file name; a name without a date gives
    no day and is left to `runform check`. In path order."""
    kept = {entry.path for entry in catalog.entries}
    drafts: dict[str, bool] = {}
    for problem in catalog.diagnostics:
        if problem.path in kept:
            continue
        if problem.is_error:
            drafts[problem.path] = False
        elif problem.code == "unfinished-draft":
            drafts.setdefault(problem.path, True)
    found = []
    for path, draft in sorted(drafts.items()):
        day = file_name_date(PurePosixPath(path).name)
        if day is not None:
            found.append(LeftOut(path, day, draft))
    return found


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
    schedule: Schedule,
    weekday: Weekday,
    weeks: int,
    recent: int = RECENT_COUNT,
    left_out: Sequence[LeftOut] = (),
) -> Plan:
    """The next `weeks` publish days from the schedule's as-of day, what is on each (tips, and
    the files `left_out_files` found, under their file name's day), the last `recent`
    published tips, and the gaps in the next GAP_WEEKS publish days."""
    entries = [*schedule.published, *schedule.scheduled, *schedule.drafts]
    days = publish_days(schedule.as_of, weekday, max(weeks, GAP_WEEKS))
    shown_days = days[:weeks]
    last = shown_days[-1] if shown_days else schedule.as_of
    upcoming = [
        _row(entry, schedule) for entry in entries if schedule.as_of <= entry.tip.date <= last
    ]
    upcoming += [
        PlanRow(file.day, str(Status.DRAFT) if file.draft else ERRORS, None, file.path)
        for file in left_out
        if schedule.as_of <= file.day <= last
    ]
    planned = {row.day for row in upcoming}
    upcoming += [PlanRow(day, MISSING, None, None) for day in shown_days if day not in planned]
    order = {status: rank for rank, status in enumerate([*Status, ERRORS, MISSING])}
    upcoming.sort(key=lambda row: (row.day, order[row.status], row.title or ""))
    past = [entry for entry in schedule.published if entry.tip.date < schedule.as_of]
    return Plan(
        as_of=schedule.as_of,
        weekday=weekday,
        recent=tuple(_row(entry, schedule) for entry in reversed(past[:recent])),
        upcoming=tuple(upcoming),
        gaps=tuple(_gaps(entries, left_out, days[:GAP_WEEKS])),
    )


def _row(entry: Entry, schedule: Schedule) -> PlanRow:
    return PlanRow(entry.tip.date, str(schedule.status_of(entry)), entry.tip.title, entry.path)


def _gaps(entries: list[Entry], left_out: Sequence[LeftOut], days: list[date]) -> list[Gap]:
    covered = {entry.tip.date for entry in entries if not entry.tip.draft}
    return [
        Gap(
            day,
            tuple(e.path for e in entries if e.tip.draft and e.tip.date == day)
            + tuple(f.path for f in left_out if f.draft and f.day == day),
            tuple(f.path for f in left_out if not f.draft and f.day == day),
        )
        for day in days
        if day not in covered
    ]
