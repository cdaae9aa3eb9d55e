"""`runform publish`: what the Publish workflow's build job does, in one run of runform.

One process reads and validates every tip once, then: decides whether this run may deploy
(a future as-of day builds a preview only), prints every problem as `runform check` does,
builds the site strictly as `runform build` does, writes what is published and what comes
next (`runform schedule`), and keeps the feed that is live before the deploy for the email
edition (`runform email live`). Each step is its own command too; this one spares a deploy
four more start-ups and four more reads of every tip.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any, Final

from runform.cli.build import build_into
from runform.cli.common import CommandError, add_as_of, add_command, open_command_project
from runform.cli.reporting import Format, format_diagnostics
from runform.cli.schedule import schedule_report, weeks_count
from runform.content.catalog import CatalogHandoff
from runform.content.diagnostics import ContentError
from runform.content.inspection import check_project
from runform.content.project import Project
from runform.site.addresses import FEED_JSON

EXAMPLES: Final = """examples:
  runform publish --out site                 check, then build into site/, as of today
  runform publish --out site --summary "$GITHUB_STEP_SUMMARY" --outputs "$GITHUB_OUTPUT" \\
      --email-state email-state              as the Publish workflow runs it

Exit code 1 when the check finds errors (nothing is built) or the build fails (the old
site stays); warnings are printed and do not fail. With --outputs, writes `deploy=true`, or
`deploy=false` when the as-of day is after today in the site's time zone: such a run builds
a preview and must not deploy."""

LIVE_FEED: Final = "live-feed.json"  # in --email-state: the feed live before this deploy
BUILT_FEED: Final = "feed.json"  # in --email-state: this build's feed


def run(args: argparse.Namespace) -> int:
    project = open_command_project(args)
    try:
        as_of = project.as_of(args.as_of)
        today = project.as_of(None, env={})  # the clock's day on site time
    except ContentError as error:  # RUNFORM_AS_OF out of range: as `check` says it
        print(format_diagnostics(error.diagnostics, Format(args.format), 0))
        return 1
    deploy = as_of <= today
    if args.outputs:
        _append(Path(args.outputs), f"deploy={'true' if deploy else 'false'}\n")
    if not deploy:
        note = f"as_of {as_of.isoformat()} is after today ({today.isoformat()}): built as a "
        note += "preview, not deployed"
        print(note)
        if args.summary:
            _append(Path(args.summary), note + "\n")

    result = check_project(project, [], as_of)
    print(format_diagnostics(result.diagnostics, Format(args.format), result.checked))
    failed, catalog = result.failed, result.catalog
    assert catalog is not None  # every file was checked
    # what `runform schedule --weeks N` prints, for the run's summary: decided by the tips
    # alone, so worked out now and written whether or not the build succeeds
    report = schedule_report(project, catalog, as_of, args.weeks)[0] if args.summary else None
    tips = CatalogHandoff(catalog)
    del result, catalog  # the build lets go of the tips once it has rendered their pages
    try:
        if failed:
            return 1
        out = Path(args.out).resolve() if args.out else project.site_dir
        build_into(project, tips, as_of, out, verbose=args.verbose)
        if args.email_state:
            _keep_email_state(project, out, Path(args.email_state))
    finally:
        if args.summary and report is not None:
            _append(Path(args.summary), f"```\n{report}\n```\n")
    return 0


def _keep_email_state(project: Project, site: Path, folder: Path) -> None:
    """The feed live before this deploy and this build's feed, side by side in `folder` for
    the email job (`runform email send --previous-feed … --current-feed …`). A failure here
    never stops the publish: the email job then finds no state, sends nothing and says so."""
    from runform.email.command import EmailCommandError, keep_live_feed  # only here
    from runform.email.delivery import DeliveryError

    try:
        print(keep_live_feed(project, folder / LIVE_FEED))
        built = site / FEED_JSON
        if built.is_file():
            shutil.copyfile(built, folder / BUILT_FEED)
    except (EmailCommandError, DeliveryError, OSError) as error:
        print(f"runform: warning: the email edition's state was not kept: {error}")


def _append(path: Path, text: str) -> None:
    try:
        with path.open("a", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as error:
        raise CommandError(f"{path} cannot be written: {error.strerror or error}") from None


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "publish",
        "check, build and report in one run (the Publish workflow)",
        EXAMPLES,
        run,
    )
    add_as_of(parser)
    parser.add_argument("--out", metavar="DIR", help="where to put the site (default: site/)")
    parser.add_argument("--format", choices=[f.value for f in Format], default=Format.TEXT.value)
    parser.add_argument(
        "--summary", metavar="FILE", help="append what is published and what comes next"
    )
    parser.add_argument("--weeks", type=weeks_count, default=4, help="weeks in the summary (4)")
    parser.add_argument(
        "--outputs", metavar="FILE", help="append deploy=true|false (GitHub's $GITHUB_OUTPUT)"
    )
    parser.add_argument(
        "--email-state",
        metavar="DIR",
        help=f"keep the live feed ({LIVE_FEED}) and this build's ({BUILT_FEED}) for email",
    )
