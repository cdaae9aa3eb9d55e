"""`runform email`: the e-mail edition of a tip (render, preview, send at most once).

The command's work lives in `runform.email.command`, loaded only when this command runs.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from runform.cli.common import add_command


def run(args: argparse.Namespace) -> int:
    from runform.email.command import run as run_email  # mjml and css-inline load only here

    return run_email(args)


def register(commands: Any) -> None:
    """Add `email` (with its `live` and `send` actions) to the `runform` parser."""
    email = add_command(
        commands, "email", "write each tip going live as an email; send it once", _EXAMPLES, run
    )
    email.set_defaults(email_action=None)
    email.add_argument("--as-of", type=date.fromisoformat, metavar="YYYY-MM-DD")
    email.add_argument("--tip", metavar="SLUG", help="this tip, whatever its date")
    email.add_argument("--out", default="emails", metavar="DIR", help="default: emails/")
    email.add_argument("--preview", action="store_true", help="also write preview.html")
    actions = email.add_subparsers(dest="email_action", metavar="ACTION")

    live = actions.add_parser("live", help="keep the live site's feed.json before a deploy")
    live.add_argument("--out", required=True, metavar="FILE")

    send = actions.add_parser("send", help="send the tips new since the previous feed, once")
    send.add_argument("--previous-feed", metavar="FILE-or-URL", help="the feed live before")
    send.add_argument("--current-feed", metavar="FILE", help="this build's feed.json")
    send.add_argument("--as-of", type=date.fromisoformat, metavar="YYYY-MM-DD")
    send.add_argument("--tip", metavar="SLUG", help="send this tip now (by hand)")
    send.add_argument("--out", metavar="DIR", help="also write what is sent as .eml files")
    send.add_argument("--dry-run", action="store_true", help="say what would be sent")


_EXAMPLES = """examples:
  runform email --as-of 2026-11-27 --out emails    the tips going live that day
  runform email --tip heel-pick-up --preview       emails/preview.html: light and dark, 600/375 px
  runform email live --out email-state/live-feed.json
  runform email send --previous-feed email-state/live-feed.json --current-feed site/feed.json
  runform email send --tip heel-pick-up            send one tip now (by hand)

The SMTP password is read from the environment variable named by
extra.runform.email.smtp.password_env (default RUNFORM_SMTP_PASSWORD)."""
