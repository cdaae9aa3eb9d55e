"""`runform edit`: write tips in a form in the browser, with the site's live preview beside it.

Starts the editor server (`server.EditorServer`: Decap CMS and runform's local backend on
the site's own tips/ and docs/images/) on 127.0.0.1, then the same live preview as
`runform serve`. A tip saved in the form is written to tips/ in runform's layout, only if it
passes the file's checks; the preview rebuilds as it does for a tip saved in a text editor.
Each tip in the editor has a link to its page in the preview.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from typing import Any, Final

from runform.editor.backend import LocalRepository
from runform.editor.server import LOCAL_HOST, EditorServer, EditorSite
from runform.project import Project, ProjectNotFound, _read_config, find_config_file, open_project

DEFAULT_DEV_ADDR: Final = "127.0.0.1:8000"
DEFAULT_EDITOR_PORT: Final = 8001

_EPILOG: Final = """examples:
  runform edit                               editor at http://127.0.0.1:8001/admin/
  runform edit --editor-port 8101 --dev-addr 127.0.0.1:8100

Open the editor's address in Chrome, Edge, Firefox or Safari, press Login (nothing is
sent anywhere: the editor works on this folder), write a tip and press Publish: the file
appears in tips/, checked as `runform check` checks it. The preview beside it shows the tip
as readers will see it, drafts and scheduled tips included."""


class EditCommandError(Exception):
    """A problem the coach can fix; printed as one line."""


def register(subparsers: Any) -> None:
    """Add `runform edit` to the `runform` command's sub-parsers."""
    parser = subparsers.add_parser(
        "edit",
        help="write tips in a form in the browser, with the live preview",
        description="Write tips in a form in the browser, with the site's live preview.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-f", "--config-file", metavar="FILE", default=argparse.SUPPRESS)
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
        help=f"the editor's port on {LOCAL_HOST} (default {DEFAULT_EDITOR_PORT}; 0: any free)",
    )
    parser.add_argument(
        "--editor-assets",
        metavar="DIR",
        help="serve the editor from a local copy of its npm package (offline); default: the "
        "pinned version from a CDN, checked by its hash",
    )
    parser.set_defaults(func=run, handler=run)


def _project(args: argparse.Namespace) -> Project:
    config_file = getattr(args, "config_file", None)
    config = Path(config_file) if config_file else find_config_file(Path.cwd())
    if not config.is_file():
        raise ProjectNotFound(f"{config} is not a file")
    return open_project(config)


def editor_site(project: Project, preview_url: str, assets_dir: Path | None = None) -> EditorSite:
    """What the editor server serves for `project`, linking tips to `preview_url`."""
    config, _ = _read_config(project.config_file.read_text(encoding="utf-8-sig"), "mkdocs.yml")
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    return EditorSite(
        repository=LocalRepository(project.root, project.docs_dir),
        site_name=str(config.get("site_name") or project.root.name),
        preview_url=preview_url,
        strings=project.settings.strings,
        language=str(theme.get("language") or "en"),
        use_directory_urls=config.get("use_directory_urls") is not False,
        assets_dir=assets_dir,
    )


def run(args: argparse.Namespace) -> int:
    """Start the editor server, then the live preview; both stop on Ctrl+C."""
    try:
        project = _project(args)
    except ProjectNotFound as error:
        print(f"runform: {error}", file=sys.stderr)
        return 1
    assets = Path(args.editor_assets).resolve() if args.editor_assets else None
    if assets is not None and not assets.is_dir():
        print(f"runform: --editor-assets {assets} is not a folder", file=sys.stderr)
        return 1
    preview_url = f"http://{args.dev_addr}{project.site_path}"
    try:
        editor = EditorServer(editor_site(project, preview_url, assets), args.editor_port)
    except OSError as error:
        print(
            f"runform: the editor cannot listen on {LOCAL_HOST}:{args.editor_port}: "
            f"{error.strerror or error}; pick another port, e.g. --editor-port 8101",
            file=sys.stderr,
        )
        return 1
    editor.serve_in_thread()
    print(
        f"Editor at {editor.origin}/admin/ (it saves tips to "
        f"{project.display(project.tips_dir)}/);"
        f" preview at {preview_url}. Press Ctrl+C to stop.",
        flush=True,
    )
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from runform.mkdocs_glue import SiteBuildError, serve_site  # loads MkDocs: only here

    try:
        serve_site(project.config_file, args.dev_addr)
    except SiteBuildError as error:
        print(f"runform: the preview cannot start: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    finally:
        editor.stop()
    return 0


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
