"""`runform import wordpress EXPORT.xml`: a WordPress archive as tips, redirects and comments.

The command's work lives in `runform.importers.command`, loaded only when this command runs.
"""

from __future__ import annotations

import argparse
from typing import Any, Final

_EXAMPLES: Final = """examples:
  runform import wordpress export.xml --dry-run          see what would happen
  runform import wordpress export.xml --category runformfriday --uploads ./uploads
  runform import wordpress export.xml --draft            every tip a draft, for review
  runform import wordpress export.xml --comments isso --isso-db /srv/isso/comments.db

Reads the file WordPress writes at Tools -> Export. Each published post becomes
tips/YYYY-MM-DD-slug.yml (its date and slug kept); its old addresses go to redirects.yml.
An existing tip is never overwritten, so running it again adds only what is new."""


def run(args: argparse.Namespace) -> int:
    from runform.importers.command import run as run_import  # defusedxml, markdownify: only here

    return run_import(args)


def register(subparsers: Any) -> None:
    """Add `import` (with its `wordpress` command) to the `runform` parser's commands."""
    command = subparsers.add_parser(
        "import",
        help="bring posts from another blog in as tips",
        description="Bring posts from another blog in as tips.",
    )
    kinds = command.add_subparsers(dest="source", metavar="SOURCE", required=True)
    wordpress = kinds.add_parser(
        "wordpress",
        help="a WordPress export (Tools -> Export)",
        description="Turn a WordPress export into tips, redirects and comments.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    wordpress.add_argument("export", metavar="EXPORT.xml", help="the WordPress export file")
    wordpress.add_argument(
        "--category", action="append", default=[], metavar="SLUG", help="only this category"
    )
    wordpress.add_argument(
        "--tag", action="append", default=[], metavar="SLUG", help="only posts with this tag"
    )
    wordpress.add_argument(
        "--uploads", metavar="DIR", help="a copy of the old site's wp-content/uploads/"
    )
    wordpress.add_argument("--draft", action="store_true", help="import every tip as a draft")
    wordpress.add_argument("--dry-run", action="store_true", help="write nothing; report only")
    wordpress.add_argument("--format", choices=["text", "json"], default="text")
    wordpress.add_argument(
        "--comments", choices=["isso"], help="move approved comments to an Isso database"
    )
    wordpress.add_argument("--isso-db", metavar="PATH", help="Isso's database (dbpath)")
    wordpress.add_argument(
        "--keep-emails",
        action="store_true",
        help="copy commenters' e-mail and (anonymised) IP addresses to Isso too",
    )
    wordpress.add_argument(
        "-f",
        "--config-file",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="the site's mkdocs.yml (default: found in this folder or above)",
    )
    wordpress.set_defaults(func=run, handler=run)
