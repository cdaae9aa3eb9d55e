"""`runform check [PATH…]`: every problem of the tips and the settings, one line each."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Final

from runform.cli.common import add_as_of, add_command, open_command_project
from runform.cli.reporting import Format, format_diagnostics
from runform.content.inspection import check_project

EXAMPLES: Final = """examples:
  runform check                              every tip and the site settings
  runform check tips/2026-11-27-relaxed-arms.yml
  runform check --format json                for editors and tools
  runform check --format github              annotations on a GitHub pull request

Prints one line per problem (file:line:col: error|warning: message (hint)), then a count.
Exit code 1 when there are errors; warnings alone do not fail."""


def run(args: argparse.Namespace) -> int:
    project = open_command_project(args)
    result = check_project(project, [Path(p) for p in args.paths], args.as_of)
    print(format_diagnostics(result.diagnostics, Format(args.format), result.checked))
    return 1 if result.failed else 0


def register(commands: Any) -> None:
    parser = add_command(commands, "check", "check every tip and the site settings", EXAMPLES, run)
    parser.add_argument("paths", nargs="*", metavar="PATH", help="tip files or folders")
    parser.add_argument("--format", choices=[f.value for f in Format], default=Format.TEXT.value)
    add_as_of(parser)
