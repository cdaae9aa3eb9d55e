"""What every command shares: the coach-facing error, the project lookup, option types and
the sub-parser factory each command module's `register` uses."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Final

from runform.content.diagnostics import ContentError, Diagnostic, plural
from runform.content.project import Project, ProjectNotFound, find_config_file, open_project
from runform.content.records import Weekday
from runform.content.schedule import as_of_problem

_MKDOCS_QUIET: Final = "NO_MKDOCS_2_WARNING"  # Material's banner about MkDocs 2.0
Handler = Callable[[argparse.Namespace], int]


class CommandError(Exception):
    """A problem the coach can fix; printed as one line, exit code 1."""


def common_options(*, suppress: bool) -> argparse.ArgumentParser:
    """-f and -v, accepted before or after the command (`runform -v check`, `check -v`)."""
    common = argparse.ArgumentParser(add_help=False)
    # After the command, an option left out must not undo one given before it.
    default: dict[str, Any] = {"default": argparse.SUPPRESS} if suppress else {}
    common.add_argument(
        "-f",
        "--config-file",
        metavar="FILE",
        help="the site's mkdocs.yml (default: found in this folder or above)",
        **default,
    )
    common.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="say more; show a traceback on a bug",
        **default,
    )
    return common


def add_command(
    commands: Any, name: str, summary: str, examples: str, handler: Handler
) -> argparse.ArgumentParser:
    """One sub-command's parser, with the shared options and its examples as the epilog."""
    sub: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=examples,
        parents=[common_options(suppress=True)],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub.set_defaults(handler=handler)
    return sub


def open_command_project(args: argparse.Namespace) -> Project:
    """The project of `--config-file`, or of the mkdocs.yml found here or above."""
    try:
        config_file = getattr(args, "config_file", None)
        config = Path(config_file) if config_file else find_config_file(Path.cwd())
        if not config.is_file():
            raise ProjectNotFound(f"{config} is not a file")
        return open_project(config, cache_settings=True)  # as the parsed tips: .cache/runform/
    except ProjectNotFound as error:
        raise CommandError(str(error)) from None


def stop_on(problems: Sequence[Diagnostic]) -> None:
    """Raise ContentError with the errors among `problems` (warnings pass)."""
    errors = [d for d in problems if d.is_error]
    if errors:
        raise ContentError(errors)


def count(number: int, word: str) -> str:
    """'1 draft', '2 drafts' (the one plural rule of runform's messages)."""
    return plural(number, word)


def day_name(day: date) -> str:
    return list(Weekday)[day.weekday()].value.capitalize()


def configure_mkdocs_logging(level: int, *filters: logging.Filter) -> None:
    """MkDocs logs through 'mkdocs'; its own command line would set this up. `filters` sit on
    the handler, so they see the records of every 'mkdocs.*' logger."""
    os.environ.setdefault(_MKDOCS_QUIET, "1")
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    for log_filter in filters:
        handler.addFilter(log_filter)
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False


def iso_date(text: str) -> date:
    """argparse type: YYYY-MM-DD."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-27"
        ) from None
    if problem := as_of_problem(day):
        raise argparse.ArgumentTypeError("{} ({})".format(*problem))
    return day


def add_as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD", help="instead of today")
