"""`runform edit`: write tips in a form in the browser, with the site's live preview beside it.

Starts the editor server (`runform.editor.server`: Decap CMS and runform's local backend on
the site's own tips/ and docs/images/) on 127.0.0.1, then the same live preview as
`runform serve`. A tip saved in the form is written to tips/ in runform's layout, only if it
passes the file's checks; the preview rebuilds as it does for a tip saved in a text editor.
Each tip in the editor has a link to its page in the preview.
"""

from __future__ import annotations

import argparse
import logging
import signal
from pathlib import Path
from typing import Any, Final

from runform.cli.common import (
    CommandError,
    add_command,
    configure_mkdocs_logging,
    open_command_project,
)

DEFAULT_DEV_ADDR: Final = "127.0.0.1:8000"
DEFAULT_EDITOR_PORT: Final = 8001
_LOCAL_HOST: Final = "127.0.0.1"  # as runform.editor.server.LOCAL_HOST
EXAMPLES: Final = """examples:
  runform edit                               editor at http://127.0.0.1:8001/admin/
  runform edit --editor-port 8101 --dev-addr 127.0.0.1:8100

Open the editor's address in Chrome, Edge, Firefox or Safari, press Login (nothing is
sent anywhere: the editor works on this folder), write a tip and press Publish: the file
appears in tips/, checked as `runform check` checks it. The preview beside it shows the tip
as readers will see it, drafts and scheduled tips included."""


def run(args: argparse.Namespace) -> int:
    from runform.editor.server import EditorServer, editor_site  # loads only for `edit`

    """Start the editor server, then the live preview; both stop on Ctrl+C."""
    project = open_command_project(args)
    assets = Path(args.editor_assets).resolve() if args.editor_assets else None
    if assets is not None and not assets.is_dir():
        raise CommandError(f"--editor-assets {assets} is not a folder")
    preview_url = f"http://{args.dev_addr}{project.site_path}"
    try:
        editor = EditorServer(editor_site(project, preview_url, assets), args.editor_port)
    except OSError as error:
        raise CommandError(
            f"the editor cannot listen on {_LOCAL_HOST}:{args.editor_port}: "
            f"{error.strerror or error}; pick another port, e.g. --editor-port 8101"
        ) from None
    editor.serve_in_thread()
    print(
        f"Editor at {editor.origin}/admin/ (it saves tips to "
        f"{project.display(project.tips_dir)}/); preview at {preview_url}. "
        "Press Ctrl+C to stop.",
        flush=True,
    )
    configure_mkdocs_logging(logging.DEBUG if args.verbose else logging.INFO)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)  # stop as Ctrl+C does: tidy up, exit 0
    from runform.mkdocs_glue import SiteBuildError, serve_with_mkdocs  # loads MkDocs: only here

    try:
        serve_with_mkdocs(project.config_file, args.dev_addr)
    except SiteBuildError as error:
        raise CommandError(f"the preview cannot start: {error}") from None
    except OSError as error:
        raise CommandError(
            f"the preview cannot listen on {args.dev_addr}: {error.strerror or error}; "
            "pick another address, e.g. --dev-addr 127.0.0.1:8100"
        ) from None
    except KeyboardInterrupt:
        pass
    finally:
        editor.stop()
    return 0


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "edit",
        "write tips in a form in the browser, with the live preview",
        EXAMPLES,
        run,
    )
    parser.add_argument(
        "--dev-addr",
        default=DEFAULT_DEV_ADDR,
        metavar="HOST:PORT",
        help=f"where the preview listens (default {DEFAULT_DEV_ADDR})",
    )
    parser.add_argument(
        "--editor-port",
        type=int,
        default=DEFAULT_EDITOR_PORT,
        metavar="PORT",
        help=f"the editor's port on {_LOCAL_HOST} (default {DEFAULT_EDITOR_PORT}; 0: any free)",
    )
    parser.add_argument(
        "--editor-assets",
        metavar="DIR",
        help="serve the editor from a local copy of its npm package (offline); default: the "
        "pinned version from a CDN, checked by its hash",
    )
