"""The `runform` command: one module per sub-command, each with `register(commands)` and
`run(args) -> int`; the work is done in `runform.content` and `runform.site`, and MkDocs is
reached only through `runform.mkdocs_glue`, loaded lazily by `build` and `serve`.

Problems are printed as lines, never as a traceback (`--verbose` shows one for a bug).
Exit codes: 0 fine (warnings allowed), 1 problems found or the command failed, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from runform import __version__
from runform.cli import (
    build,
    check,
    edit,
    email,
    import_wordpress,
    init,
    new,
    publish,
    schedule,
    schema,
    serve,
)
from runform.cli.common import CommandError, common_options
from runform.content.diagnostics import ContentError

COMMANDS = (
    init,
    new,
    check,
    schedule,
    build,
    publish,
    serve,
    edit,
    email,
    schema,
    import_wordpress,
)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: every command module registers its own sub-parser."""
    parser = argparse.ArgumentParser(
        prog="runform",
        description="Weekly running-technique tips, written as YAML, published as a website.",
        epilog="Run 'runform COMMAND --help' for each command's options and examples.",
        parents=[common_options(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"runform {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except CommandError as error:
        print(f"runform: {error}", file=sys.stderr)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `runform check | head`: the reader has gone, stop quietly
        sys.stdout = Path(os.devnull).open("w")  # noqa: SIM115 (as Python advises for SIGPIPE)
    except Exception as error:  # a bug in runform: one line, unless --verbose
        if args.verbose:
            traceback.print_exc()
        print(
            f"runform: unexpected {type(error).__name__}: {error} (run with --verbose for details)",
            file=sys.stderr,
        )
    return 1
