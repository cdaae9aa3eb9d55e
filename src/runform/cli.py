"""The `runform` command: new, check, schedule, build, serve, schema.

Each command is a short function here; the work is done by the modules it calls (scaffold,
checks, planner, reporting, site_output, tip_schema, and the MkDocs glue for build and serve).
Problems are printed as lines, never as a traceback (`--verbose` shows one for a bug).
Exit codes: 0 fine (warnings allowed), 1 problems found or the command failed, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Final

from runform.catalog import find_tip_files
from runform.diagnostics import ContentError, Diagnostic
from runform.editor import command as edit_command
from runform.inspection import check_project
from runform.planner import plan_schedule
from runform.project import Project, ProjectNotFound, find_config_file, open_project
from runform.reporting import Format, format_diagnostics, format_plan
from runform.scaffold import (
    TipExists,
    next_free_publish_day,
    slugify,
    taken_dates,
    tip_file_name,
    tip_skeleton,
    write_new_tip,
)
from runform.schedule import AS_OF_VARIABLE, build_schedule
from runform.settings import Weekday
from runform.site_output import UnsafeOutput, check_output_dir, discard, staging_dir, swap_in
from runform.tip_schema import SCHEMA_PATH, tip_schema_text
from runform.videos import VideoUrlError, parse_video_url

DEFAULT_DEV_ADDR: Final = "127.0.0.1:8000"
_MKDOCS_QUIET: Final = "NO_MKDOCS_2_WARNING"  # Material's banner about MkDocs 2.0


class CommandError(Exception):
    """A problem the coach can fix; printed as one line, exit code 1."""


# -- new -------------------------------------------------------------------------------------


def run_new(args: argparse.Namespace) -> int:
    project = _project(args)
    slug = slugify(args.title)
    if not slug:
        raise CommandError(f"the title '{args.title}' has no letters or digits for a file name")
    if args.video is not None:
        try:
            parse_video_url(args.video)
        except VideoUrlError as error:
            raise CommandError(f"{error} ({error.hint})") from None
    if clash := _tip_with_slug(project, slug):
        raise CommandError(
            f"{clash} already has the page address /tips/{slug}/; choose another title"
        )
    weekday = project.settings.publish_weekday
    day = args.date or next_free_publish_day(
        project.as_of(None), weekday, taken_dates(project.tips_dir)
    )
    path = project.tips_dir / tip_file_name(day, slug)
    shown = project.display(path)
    try:
        write_new_tip(path, tip_skeleton(args.title.strip(), day, args.video))
    except TipExists:
        raise CommandError(
            f"{shown} already exists and was left as it was; choose another title or another --date"
        ) from None
    print(f"Created {shown} for {_day_name(day)} {day.isoformat()}.")
    same_day = [
        project.display(other)
        for other in find_tip_files(project.tips_dir)
        if other.name.startswith(day.isoformat()) and other != path
    ]
    if same_day:
        print(f"Note: {', '.join(same_day)} is dated {day.isoformat()} too.")
    if day.weekday() != weekday.index:
        print(f"Note: that is not a {weekday.value.capitalize()}, the publish day.")
    if _write_schema_if_stale(project.root / SCHEMA_PATH):
        print(f"Wrote {SCHEMA_PATH.as_posix()}: editors use it for completion and checking.")
    print("Fill in the empty keys (runform check lists them), then preview it: runform serve")
    return 0


def _tip_with_slug(project: Project, slug: str) -> str | None:
    """The tip already using `slug` (by its file name, or its `slug:` key), if any."""
    for path in find_tip_files(project.tips_dir):
        if path.stem[len("YYYY-MM-DD-") :] == slug:
            return project.display(path)
    for entry in project.load_catalog().entries:
        if entry.slug == slug:
            return entry.path
    return None


def _write_schema_if_stale(path: Path) -> bool:
    text = tip_schema_text()
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


# -- check -----------------------------------------------------------------------------------


def run_check(args: argparse.Namespace) -> int:
    project = _project(args)
    result = check_project(project, [Path(p) for p in args.paths], args.as_of)
    print(format_diagnostics(result.diagnostics, Format(args.format), result.checked))
    return 1 if result.failed else 0


# -- schedule --------------------------------------------------------------------------------


def run_schedule(args: argparse.Namespace) -> int:
    project = _project(args)
    _stop_on(project.problems)
    catalog = project.load_catalog()
    schedule = build_schedule(catalog, project.as_of(args.as_of))
    print(format_plan(plan_schedule(schedule, project.settings.publish_weekday, args.weeks)))
    broken = sorted({d.path for d in catalog.errors})
    if broken:
        print(
            f"\nerror: {len(broken)} tip file(s) with errors are left out: {', '.join(broken)} "
            "(run: runform check)"
        )
        return 1
    return 0


# -- build -----------------------------------------------------------------------------------


def run_build(args: argparse.Namespace) -> int:
    project = _project(args)
    catalog = project.load_catalog()
    _stop_on([*project.problems, *catalog.errors])
    as_of = project.as_of(args.as_of)
    out = Path(args.out).resolve() if args.out else project.site_dir
    try:
        check_output_dir(out, project.root, [project.docs_dir, project.tips_dir])
    except UnsafeOutput as error:
        raise CommandError(str(error)) from None
    os.environ[AS_OF_VARIABLE] = as_of.isoformat()
    _configure_mkdocs_logging(logging.INFO if args.verbose else logging.WARNING)
    from runform.mkdocs_glue import SiteBuildError, build_site  # loads MkDocs: only here

    staging = staging_dir(out)
    try:
        build_site(project.config_file, staging, strict=True)
    except SiteBuildError as error:
        discard(staging)
        raise CommandError(f"the build failed, so {out} was left as it was: {error}") from None
    except BaseException:
        discard(staging)
        raise
    swap_in(staging, out)
    schedule = build_schedule(catalog, as_of)
    published = len(schedule.published)
    print(
        f"Site built in {out}: {published} {'tip' if published == 1 else 'tips'} published, "
        f"{len(schedule.scheduled)} scheduled, {_count(len(schedule.drafts), 'draft')} "
        f"(as of {as_of.isoformat()}; only published tips are in the site)."
    )
    return 0


# -- serve -----------------------------------------------------------------------------------


def run_serve(args: argparse.Namespace) -> int:
    project = _project(args)
    if args.as_of is not None:
        os.environ[AS_OF_VARIABLE] = args.as_of.isoformat()
    _configure_mkdocs_logging(logging.DEBUG if args.verbose else logging.INFO)
    from runform.mkdocs_glue import SiteBuildError, serve_site  # loads MkDocs: only here

    print(
        f"Preview of {project.display(project.config_file)} at "
        f"http://{args.dev_addr}{project.site_path} "
        "(drafts and scheduled tips included, with banners). Press Ctrl+C to stop.",
        flush=True,
    )
    signal.signal(signal.SIGTERM, _stop_on_sigterm)  # stop as Ctrl+C does: tidy up, exit 0
    try:
        serve_site(project.config_file, args.dev_addr)
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


# -- schema ----------------------------------------------------------------------------------


def run_schema(args: argparse.Namespace) -> int:
    if args.output == "-":
        sys.stdout.write(tip_schema_text())
        return 0
    path = Path(args.output) if args.output else _project(args).root / SCHEMA_PATH
    if args.check:
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != tip_schema_text():
            print(f"{path} is out of date with the tip format: run runform schema")
            return 1
        print(f"{path} is up to date.")
        return 0
    changed = _write_schema_if_stale(path)
    print(f"{'Wrote' if changed else 'Up to date:'} {path}")
    return 0


# -- shared ----------------------------------------------------------------------------------


def _project(args: argparse.Namespace) -> Project:
    try:
        config = Path(args.config_file) if args.config_file else find_config_file(Path.cwd())
        if not config.is_file():
            raise ProjectNotFound(f"{config} is not a file")
        return open_project(config)
    except ProjectNotFound as error:
        raise CommandError(str(error)) from None


def _stop_on(problems: Sequence[Diagnostic]) -> None:
    errors = [d for d in problems if d.is_error]
    if errors:
        raise ContentError(errors)


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def _day_name(day: date) -> str:
    return list(Weekday)[day.weekday()].value.capitalize()


def _configure_mkdocs_logging(level: int) -> None:
    """MkDocs logs through 'mkdocs'; its own command line would set this up."""
    os.environ.setdefault(_MKDOCS_QUIET, "1")
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-27"
        ) from None


def _weeks(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 104:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of weeks from 1 to 104")
    return int(text)


# -- parser ----------------------------------------------------------------------------------

_EXAMPLES: Final = {
    "new": """examples:
  runform new "Heel Pick Up"                 the next free publish day (Friday by default)
  runform new "Relaxed Arms" --date 2026-12-04
  runform new "Arm Swing" --video https://youtu.be/aaaaaaaaaaa

The file starts with every key of a tip, described. Keys the tip needs are left empty
until you fill them in: `runform check` and the build refuse an empty key, so an
unfinished tip is never published. An existing file is never overwritten.""",
    "check": """examples:
  runform check                              every tip and the site settings
  runform check tips/2026-11-27-relaxed-arms.yml
  runform check --format json                for editors and tools
  runform check --format github              annotations on a GitHub pull request

Prints one line per problem (file:line:col: error|warning: message (hint)), then a count.
Exit code 1 when there are errors; warnings alone do not fail.""",
    "schedule": """examples:
  runform schedule                           the next 8 publish days
  runform schedule --weeks 12
  runform schedule --as-of 2026-12-01""",
    "build": """examples:
  runform build                              into site/, as of today
  runform build --as-of 2026-11-27           as if it were that day
  runform build --out /tmp/preview-site

Builds strictly (any MkDocs warning fails the build) into a new folder and puts it in
place only when the whole build succeeded: a failed build leaves the old site as it was.""",
    "serve": """examples:
  runform serve                              http://127.0.0.1:8000/
  runform serve --dev-addr 127.0.0.1:8001
  runform serve --as-of 2026-12-04

Shows drafts and scheduled tips with a banner, and reloads the page when you save a tip.
While a tip has errors, every page shows them instead; it reloads when they are fixed.""",
    "schema": """examples:
  runform schema                             write schema/tip.schema.json
  runform schema --check                     exit 1 when it is out of date
  runform schema --output -                  print it""",
}


def _common_options(*, suppress: bool) -> argparse.ArgumentParser:
    """-f and -v, accepted before or after the command (`runform -v check`, `check -v`)."""
    common = argparse.ArgumentParser(add_help=False)
    # After the command, an option left out must not undo one given before it.
    default: dict[str, Any] = {"default": argparse.SUPPRESS} if suppress else {}
    common.add_argument(
        "-f",
        "--config-file",
        metavar="FILE",
        help="the site's mkdocs.yml (default: found in this folder or above)",
        **default,
    )
    common.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="say more; show a traceback on a bug",
        **default,
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(suppress=True)
    parser = argparse.ArgumentParser(
        prog="runform",
        description="Weekly running-technique tips, written as YAML, published as a website.",
        epilog="Run 'runform COMMAND --help' for each command's options and examples.",
        parents=[_common_options(suppress=False)],
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, summary: str, handler: Callable[[argparse.Namespace], int]) -> Any:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=_EXAMPLES[name],
            parents=[common],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(handler=handler)
        return sub

    new = command("new", "start a new tip file for the next free publish day", run_new)
    new.add_argument("title", help="the tip's title, in quotes")
    new.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD", help="the publish day")
    new.add_argument("--video", metavar="URL", help="a YouTube or Vimeo address")

    check = command("check", "check every tip and the site settings", run_check)
    check.add_argument("paths", nargs="*", metavar="PATH", help="tip files or folders")
    check.add_argument("--format", choices=[f.value for f in Format], default=Format.TEXT.value)
    check.add_argument("--as-of", type=_iso_date, metavar="YYYY-MM-DD", help="instead of today")

    schedule = command("schedule", "show the coming publish days and their tips", run_schedule)
    schedule.add_argument("--weeks", type=_weeks, default=8, help="how many (default 8)")
    schedule.add_argument("--as-of", type=_iso_date, metavar="YYYY-MM-DD", help="instead of today")

    build = command("build", "build the site (published tips only)", run_build)
    build.add_argument("--as-of", type=_iso_date, metavar="YYYY-MM-DD", help="instead of today")
    build.add_argument("--out", metavar="DIR", help="where to put the site (default: site/)")

    serve = command("serve", "preview the site live, drafts and scheduled tips included", run_serve)
    serve.add_argument("--as-of", type=_iso_date, metavar="YYYY-MM-DD", help="instead of today")
    serve.add_argument(
        "--dev-addr",
        default=DEFAULT_DEV_ADDR,
        metavar="HOST:PORT",
        help=f"where to listen (default {DEFAULT_DEV_ADDR})",
    )

    edit_command.register(commands)  # runform edit (runform.editor)

    schema = command("schema", "write the tip format's JSON Schema for editors", run_schema)
    schema.add_argument("--output", metavar="FILE", help="default: schema/tip.schema.json")
    schema.add_argument("--check", action="store_true", help="only tell whether it is current")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except CommandError as error:
        print(f"runform: {error}", file=sys.stderr)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `runform check | head`: the reader has gone, stop quietly
        sys.stdout = Path(os.devnull).open("w")  # noqa: SIM115 (as Python advises for SIGPIPE)
    except Exception as error:  # a bug in runform: one line, unless --verbose
        if args.verbose:
            traceback.print_exc()
        print(
            f"runform: unexpected {type(error).__name__}: {error} (run with --verbose for details)",
            file=sys.stderr,
        )
    return 1
