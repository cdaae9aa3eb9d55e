"""The live preview that `runform serve` and `runform edit` run: MkDocs' server, quietened,
stopping on SIGTERM as on Ctrl+C, its failures told in one line."""

from __future__ import annotations

import logging
import signal
from datetime import date
from pathlib import Path

from runform.cli.common import CommandError, configure_mkdocs_logging


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


def run_preview(
    config_file: Path, dev_addr: str, *, as_of: date | None, verbose: bool, example_addr: str
) -> None:
    """Serve the preview until Ctrl+C or SIGTERM. Raises CommandError when MkDocs refuses the
    site or cannot listen on `dev_addr` (`example_addr` is offered instead)."""
    if verbose:
        configure_mkdocs_logging(logging.DEBUG)
    else:
        configure_mkdocs_logging(logging.INFO, PreviewNoise())
    signal.signal(signal.SIGTERM, _stop_on_sigterm)  # stop as Ctrl+C does: tidy up, exit 0
    from runform.mkdocs_glue import SiteBuildError, serve_with_mkdocs  # loads MkDocs: only here

    try:
        serve_with_mkdocs(config_file, dev_addr, as_of=as_of)
    except SiteBuildError as error:
        raise CommandError(f"the preview cannot start: {error}") from None
    except OSError as error:
        raise CommandError(
            f"the preview cannot listen on {dev_addr}: {error.strerror or error}; "
            f"pick another address, e.g. --dev-addr {example_addr}"
        ) from None


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
