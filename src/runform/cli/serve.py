"""`runform serve`: the live preview, drafts and scheduled tips included."""

from __future__ import annotations

import argparse
import logging
import signal
from typing import Any, Final

from runform.cli.common import (
    CommandError,
    add_as_of,
    add_command,
    configure_mkdocs_logging,
    open_command_project,
)

DEFAULT_DEV_ADDR: Final = "127.0.0.1:8000"
EXAMPLES: Final = """examples:
  runform serve                              http://127.0.0.1:8000/
  runform serve --dev-addr 127.0.0.1:8001
  runform serve --as-of 2026-12-04

Shows drafts and scheduled tips with a banner, and reloads the page when you save a tip.
While a tip has errors, its page shows them and every other page a banner; it reloads when
they are fixed (errors in mkdocs.yml still show on every page)."""


class PreviewNoise(logging.Filter):
    """Leaves out MkDocs' messages about how the preview works rather than about the site:
    the "'dirty' build" warning of every rebuild (the preview rebuilds only what changed, on
    purpose), the pages missing from `nav` (runform's pages are reached through its own
    lists, and book.md only when booking is set), and the browser's requests answered 404
    or 304 (a missing favicon, a cached file). Every other message passes; `--verbose`
    shows everything."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.name == "mkdocs.commands.build" and "'dirty' build" in message:
            return False
        if record.name == "mkdocs.structure.nav" and 'not included in the "nav"' in message:
            return False
        return not (
            record.name == "mkdocs.livereload" and message.endswith(("code 404", "code 304"))
        )


def run(args: argparse.Namespace) -> int:
    project = open_command_project(args)
    if args.verbose:
        configure_mkdocs_logging(logging.DEBUG)
    else:
        configure_mkdocs_logging(logging.INFO, PreviewNoise())
    from runform.mkdocs_glue import SiteBuildError, serve_with_mkdocs  # loads MkDocs: only here

    print(
        f"Preview of {project.display(project.config_file)} at "
        f"http://{args.dev_addr}{project.site_path} "
        "(drafts and scheduled tips included, with banners). Press Ctrl+C to stop.",
        flush=True,
    )
    signal.signal(signal.SIGTERM, _stop_on_sigterm)  # stop as Ctrl+C does: tidy up, exit 0
    try:
        serve_with_mkdocs(project.config_file, args.dev_addr, as_of=args.as_of)
    except SiteBuildError as error:
        raise CommandError(f"the preview cannot start: {error}") from None
    except OSError as error:
        raise CommandError(
            f"the preview cannot listen on {args.dev_addr}: {error.strerror or error}; "
            "pick another address, e.g. --dev-addr 127.0.0.1:8001"
        ) from None
    return 0


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


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
