"""`runform build`: the site as of a day, built strictly and swapped in only when done."""

from __future__ import annotations

import argparse
import logging
import signal
from datetime import date
from pathlib import Path
from typing import Any, Final

from runform.cli.common import (
    CommandError,
    add_as_of,
    add_command,
    configure_mkdocs_logging,
    count,
    open_command_project,
    stop_on,
)
from runform.content.catalog import CatalogHandoff
from runform.content.planner import left_out_files
from runform.content.project import Project
from runform.content.schedule import build_schedule
from runform.site.output import UnsafeOutput, check_output_dir, discard, staging_dir, swap_in

EXAMPLES: Final = """examples:
  runform build                              into site/, as of today
  runform build --as-of 2026-11-27           as if it were that day
  runform build --out /tmp/preview-site

Builds strictly (any MkDocs warning fails the build) into a new folder and puts it in
place only when the whole build succeeded: a failed build leaves the old site as it was."""


def run(args: argparse.Namespace) -> int:
    project = open_command_project(args)
    catalog = project.load_catalog()
    stop_on([*project.problems, *catalog.errors])
    as_of = project.as_of(args.as_of)
    out = Path(args.out).resolve() if args.out else project.site_dir
    tips = CatalogHandoff(catalog)
    del catalog  # the build lets go of the tips once it has rendered their pages
    build_into(project, tips, as_of, out, verbose=args.verbose)
    return 0


def build_into(
    project: Project, tips: CatalogHandoff, as_of: date, out: Path, *, verbose: bool = False
) -> None:
    """Build the site of the catalog in `tips` (which has no errors, and which the build takes)
    as of `as_of`, strictly, into a staging folder swapped in at `out` only when the build
    succeeded; print what it holds. Raises CommandError (the old site left as it was) when
    `out` is unsafe, the build fails or the folder cannot be put in place."""
    try:
        check_output_dir(out, project.root, [project.docs_dir, project.tips_dir])
    except UnsafeOutput as error:
        raise CommandError(str(error)) from None
    configure_mkdocs_logging(logging.INFO if verbose else logging.WARNING)
    # loads MkDocs: only here
    from runform.mkdocs_glue import BuildRequest, SiteBuildError, build_with_mkdocs

    # a cancelled run (SIGTERM from CI, SIGHUP from a closed terminal) tidies up as Ctrl+C does
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _interrupt)
    unfinished = [file.path for file in left_out_files(tips.peek()) if file.draft]
    schedule = build_schedule(tips.peek(), as_of)
    published, scheduled, drafts = (
        len(schedule.published),
        len(schedule.scheduled),
        len(schedule.drafts),
    )
    del schedule
    staging = staging_dir(out)
    try:
        build_with_mkdocs(
            project.config_file,
            staging,
            strict=True,
            request=BuildRequest(as_of=as_of, settings=project.settings, catalog=tips),
        )
        swap_in(staging, out)
    except SiteBuildError as error:
        discard(staging)
        raise CommandError(f"the build failed, so {out} was left as it was: {error}") from None
    except OSError as error:
        discard(staging)
        raise CommandError(
            f"the site could not be put at {out} ({error.strerror or error}), so it was left "
            "as it was"
        ) from None
    except BaseException:
        discard(staging)
        raise
    print(
        f"Site built in {out}: {count(published, 'tip')} published, "
        f"{scheduled} scheduled, {count(drafts, 'draft')} "
        f"(as of {as_of.isoformat()}; only published tips are in the site)."
    )
    if unfinished:
        until = "it validates" if len(unfinished) == 1 else "they validate"
        print(
            f"Note: {count(len(unfinished), 'unfinished draft')} not counted above, left out "
            f"until {until}: {', '.join(unfinished)} (runform check lists what it lacks)."
        )
    if not project.config.get("site_url"):
        print(
            "Note: mkdocs.yml sets no site_url, so the site has no feeds, share links or full "
            "addresses for social cards: set it to the address the site is published at."
        )


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def register(commands: Any) -> None:
    parser = add_command(commands, "build", "build the site (published tips only)", EXAMPLES, run)
    add_as_of(parser)
    parser.add_argument("--out", metavar="DIR", help="where to put the site (default: site/)")
