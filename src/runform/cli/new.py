"""`runform new TITLE`: start a tip file for the next free publish day."""

from __future__ import annotations

import argparse
from typing import Any, Final

from runform.cli.common import (
    CommandError,
    add_command,
    day_name,
    iso_date,
    open_command_project,
)
from runform.content.catalog import RESERVED_SLUGS, find_tip_files
from runform.content.paths import MAX_SLUG, SLUG, slugify, tip_file_name
from runform.content.project import Project
from runform.content.videos import VideoUrlError, parse_video_url

EXAMPLES: Final = """examples:
  runform new "Heel Pick Up"                 the next free publish day (Friday by default)
  runform new "Relaxed Arms" --date 2026-12-04
  runform new "Arm Swing" --video https://youtu.be/aaaaaaaaaaa
  runform new "Бег трусцой" --slug easy-running   the page address /tips/easy-running/

The file starts with every key of a tip, described. Keys the tip needs are left empty
until you fill them in: `runform check` and the build refuse an empty key, so an
unfinished tip is never published. An existing file is never overwritten."""


def run(args: argparse.Namespace) -> int:
    # the tip model (pydantic) writes the skeleton's comments and the schema: loaded only here
    from runform.content.scaffold import (
        TipExists,
        next_free_publish_day,
        taken_dates,
        tip_skeleton,
        write_new_tip,
    )
    from runform.content.tip_schema import SCHEMA_PATH, write_schema_if_stale

    project = open_command_project(args)
    slug = _slug(args.title, args.slug)
    if args.video is not None:
        try:
            parse_video_url(args.video)
        except VideoUrlError as error:
            raise CommandError(f"{error} ({error.hint})") from None
    if clash := _tip_with_slug(project, slug):
        raise CommandError(
            f"{clash} already has the page address /tips/{slug}/; choose another title, or keep"
            " this one and give the page its own address with --slug"
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
    print(f"Created {shown} for {day_name(day)} {day.isoformat()}.")
    same_day = [
        project.display(other)
        for other in find_tip_files(project.tips_dir)
        if other.name.startswith(day.isoformat()) and other != path
    ]
    if same_day:
        print(f"Note: {', '.join(same_day)} is dated {day.isoformat()} too.")
    if day.weekday() != weekday.index:
        print(f"Note: that is not a {weekday.value.capitalize()}, the publish day.")
    if write_schema_if_stale(project.root / SCHEMA_PATH):
        print(f"Wrote {SCHEMA_PATH.as_posix()}: editors use it for completion and checking.")
    print(
        "Fill in the empty keys (runform check lists them), then preview it: runform serve\n"
        "Not finishing it this week? Set 'draft: true' in it: an unfinished draft is left out "
        "and never stops a build."
    )
    return 0


def _slug(title: str, given: str | None) -> str:
    """The new tip's slug: `--slug` as given, else the title transliterated."""
    if given is not None:
        if not SLUG.fullmatch(given) or len(given) > MAX_SLUG:
            raise CommandError(
                f"--slug '{given}' is not a slug: use lowercase letters, digits and single"
                f" dashes, up to {MAX_SLUG} characters, e.g. heel-pick-up"
            )
        slug = given
    else:
        slug = slugify(title)
        if not slug:
            raise CommandError(
                f"the title '{title}' has no letters or digits for a file name;"
                " give one with --slug, e.g. --slug heel-pick-up"
            )
    if slug in RESERVED_SLUGS:
        raise CommandError(
            f"'{slug}' is the address of the archive of all tips; choose another with --slug"
        )
    return slug


def _tip_with_slug(project: Project, slug: str) -> str | None:
    """The tip already using `slug` (by its file name, or its `slug:` key), if any."""
    for path in find_tip_files(project.tips_dir):
        if path.stem[len("YYYY-MM-DD-") :] == slug:
            return project.display(path)
    for entry in project.load_catalog().entries:
        if entry.slug == slug:
            return entry.path
    return None


def register(commands: Any) -> None:
    parser = add_command(
        commands, "new", "start a new tip file for the next free publish day", EXAMPLES, run
    )
    parser.add_argument("title", help="the tip's title, in quotes")
    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="the publish day")
    parser.add_argument("--video", metavar="URL", help="a YouTube or Vimeo address")
    parser.add_argument(
        "--slug",
        metavar="SLUG",
        help="the page address and file name (default: the title in lowercase ASCII letters)",
    )
