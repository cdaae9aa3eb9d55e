"""`runform schedule`: the coming publish days and what is on each."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any, Final

from runform.cli.common import add_as_of, add_command, count, open_command_project, stop_on
from runform.cli.reporting import format_plan
from runform.content.catalog import Catalog
from runform.content.planner import left_out_files, plan_schedule
from runform.content.project import Project
from runform.content.schedule import build_schedule

EXAMPLES: Final = """examples:
  runform schedule                           the next 8 publish days
  runform schedule --weeks 12
  runform schedule --as-of 2026-12-01"""


def run(args: argparse.Namespace) -> int:
    project = open_command_project(args)
    stop_on(project.problems)
    if args.today:  # the clock's day on site time, whatever RUNFORM_AS_OF says (workflows)
        print(project.as_of(None, env={}).isoformat())
        return 0
    catalog = project.load_catalog()
    report, complete = schedule_report(project, catalog, project.as_of(args.as_of), args.weeks)
    print(report)
    return 0 if complete else 1


def schedule_report(
    project: Project, catalog: Catalog, as_of: date, weeks: int
) -> tuple[str, bool]:
    """What `runform schedule` prints: the next `weeks` publish days from `as_of` and what is
    on each, then the tip files left out for their errors, if any; and whether none was."""
    schedule = build_schedule(catalog, as_of)
    weekday = project.settings.publish_weekday
    report = format_plan(plan_schedule(schedule, weekday, weeks, left_out=left_out_files(catalog)))
    broken = sorted({d.path for d in catalog.errors})
    if broken:
        verb = "is" if len(broken) == 1 else "are"
        report += (
            f"\n\nerror: {count(len(broken), 'tip file')} with errors {verb} left out: "
            f"{', '.join(broken)} (run: runform check)"
        )
    return report, not broken


def weeks_count(text: str) -> int:
    """--weeks: a whole number of weeks from 1 to 104 (argparse type)."""
    if not text.isdigit() or not 1 <= int(text) <= 104:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of weeks from 1 to 104")
    return int(text)


def register(commands: Any) -> None:
    parser = add_command(
        commands, "schedule", "show the coming publish days and their tips", EXAMPLES, run
    )
    parser.add_argument("--weeks", type=weeks_count, default=8, help="how many (default 8)")
    add_as_of(parser)
    parser.add_argument(
        "--today",
        action="store_true",
        help="print only today's date in the site's time zone (RUNFORM_AS_OF aside)",
    )
