"""`runform schedule`: the coming publish days and what is on each."""

from __future__ import annotations

import argparse
from typing import Any, Final

from runform.cli.common import add_as_of, add_command, count, open_command_project, stop_on
from runform.cli.reporting import format_plan
from runform.content.planner import plan_schedule
from runform.content.schedule import build_schedule

EXAMPLES: Final = """examples:
  runform schedule                           the next 8 publish days
  runform schedule --weeks 12
  runform schedule --as-of 2026-12-01"""


def run(args: argparse.Namespace) -> int:
    project = open_command_project(args)
    stop_on(project.problems)
    catalog = project.load_catalog()
    schedule = build_schedule(catalog, project.as_of(args.as_of))
    print(format_plan(plan_schedule(schedule, project.settings.publish_weekday, args.weeks)))
    broken = sorted({d.path for d in catalog.errors})
    if broken:
        verb = "is" if len(broken) == 1 else "are"
        print(
            f"\nerror: {count(len(broken), 'tip file')} with errors {verb} left out: "
            f"{', '.join(broken)} (run: runform check)"
        )
        return 1
    return 0


def _weeks(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 104:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of weeks from 1 to 104")
    return int(text)


def register(commands: Any) -> None:
    parser = add_command(
        commands, "schedule", "show the coming publish days and their tips", EXAMPLES, run
    )
    parser.add_argument("--weeks", type=_weeks, default=8, help="how many (default 8)")
    add_as_of(parser)
