"""`runform edit`: write tips in a form in the browser, with the site's live preview beside it.

Starts the editor server (`runform.editor.server`: Decap CMS and runform's local backend on
the site's own tips/ and docs/images/) on 127.0.0.1, then the same live preview as
`runform serve`. A tip saved in the form is written to tips/ in runform's layout, only if it
passes the file's checks; the preview rebuilds as it does for a tip saved in a text editor.
Each tip in the editor has a link to its page in the preview.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Final

from runform.cli.common import (
    CommandError,
    add_command,
    open_command_project,
)
from runform.cli.preview import run_preview
from runform.site.admin.assets import DECAP

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
    """Start the editor server, then the live preview; both stop on Ctrl+C."""
    from runform.editor.server import EditorServer, editor_site  # loads only for `edit`

    project = open_command_project(args)
    assets = Path(args.editor_assets).resolve() if args.editor_assets else None
    if assets is not None:
        check_editor_assets(assets)
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
    try:
        run_preview(
            project.config_file,
            args.dev_addr,
            as_of=None,
            verbose=args.verbose,
            example_addr="127.0.0.1:8100",
        )
    except KeyboardInterrupt:
        pass
    finally:
        editor.stop()
    return 0


def check_editor_assets(assets: Path) -> None:
    """Refuse an --editor-assets folder without the pinned Decap CMS script where the editor
    page loads it from (`DECAP.local_script`), naming the layout; a wrong folder would
    otherwise give a blank editor and a 404 in the browser's console. Raises CommandError."""
    if not assets.is_dir():
        raise CommandError(f"--editor-assets {assets} is not a folder")
    if not DECAP.local_script(assets).is_file():
        raise CommandError(
            f"--editor-assets {assets} has no {DECAP.folder}/{DECAP.script}, so the editor "
            f"could not load; get the package with 'npm pack {DECAP.spec}', unpack it and "
            f"move its 'package' folder to {assets / DECAP.folder}"
        )


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
        help=f"serve the editor from a local copy of its npm package (offline), kept as "
        f"DIR/{DECAP.folder}/dist/; default: the pinned version from a CDN, checked by its hash",
    )
