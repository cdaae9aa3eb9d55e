"""`runform serve`: the live preview, drafts and scheduled tips included."""

from __future__ import annotations

import argparse
from typing import Any, Final

from runform.cli.common import add_as_of, add_command, open_command_project
from runform.cli.preview import run_preview

DEFAULT_DEV_ADDR: Final = "127.0.0.1:8000"
EXAMPLES: Final = """examples:
  runform serve                              http://127.0.0.1:8000/
  runform serve --dev-addr 127.0.0.1:8001
  runform serve --as-of 2026-12-04

Shows drafts and scheduled tips with a banner, and reloads the page when you save a tip.
While a tip has errors, its page shows them and every other page a banner; it reloads when
they are fixed (errors in mkdocs.yml still show on every page)."""


def run(args: argparse.Namespace) -> int:
    project = open_command_project(args)
    print(
        f"Preview of {project.config.get('site_name') or 'the site'} at "
        f"http://{args.dev_addr}{project.site_path} "
        "(drafts and scheduled tips included, with banners). Press Ctrl+C to stop.",
        flush=True,
    )
    run_preview(
        project.config_file,
        args.dev_addr,
        as_of=args.as_of,
        verbose=args.verbose,
        example_addr="127.0.0.1:8001",
    )
    return 0


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "serve",
        "preview the site live, drafts and scheduled tips included",
        EXAMPLES,
        run,
    )
    add_as_of(parser)
    parser.add_argument(
        "--dev-addr",
        default=DEFAULT_DEV_ADDR,
        metavar="HOST:PORT",
        help=f"where to listen (default {DEFAULT_DEV_ADDR})",
    )
