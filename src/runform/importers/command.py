"""`runform import wordpress EXPORT.xml`: the command line of the WordPress importer.

Gathers what the project has (settings, tips, redirects.yml), plans the import
(`wordpress.plan_import`), then writes tip files (never over one), posters copied from
`--uploads` (never downloaded), new lines of redirects.yml and, with `--comments isso`,
the comments; `--dry-run` writes nothing. Prints the report (`report.py`).
Exit codes: 0 done (skipped posts are no failure), 1 the export or the project cannot be
read, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from runform.content.catalog import find_tip_files
from runform.content.project import Project, ProjectNotFound, find_config_file, open_project
from runform.content.redirects import REDIRECTS_FILE, redirect_lines, redirect_paths
from runform.importers.isso_comments import IssoDatabaseError, TipThread, write_isso_comments
from runform.importers.report import ImportOutcome, format_report
from runform.importers.tip_writer import write_new_file
from runform.importers.wordpress import Existing, ImportOptions, ImportPlan, plan_import
from runform.importers.wxr import ExportError, read_export

# The comment `tip_writer.tip_yaml` puts on the second line of every tip it writes.
_IMPORTED_FROM = re.compile(r"^# Imported from WordPress post (\d+):", re.M)


class _Stop(Exception):
    """A problem the coach can fix: printed as lines, exit code 1."""


def run(args: argparse.Namespace) -> int:
    """Run the import; returns the exit code."""
    if args.comments == "isso" and not args.isso_db:
        print("runform: --comments isso needs --isso-db PATH (Isso's dbpath)", file=sys.stderr)
        return 2
    try:
        project = _project(getattr(args, "config_file", None))
        export_path = Path(args.export)
        export = read_export(export_path, args.export)
        uploads = Path(args.uploads) if args.uploads else None
        if uploads is not None and not uploads.is_dir():
            raise _Stop(f"--uploads {args.uploads} is not a folder")
        isso_folder = Path(args.isso_db).parent if args.comments == "isso" else None
        if isso_folder is not None and not isso_folder.is_dir():  # checked before any write
            raise _Stop(
                f"--isso-db {args.isso_db}: the folder {isso_folder} does not exist; create it"
                " or give the path Isso's dbpath names (nothing was imported)"
            )
        options = ImportOptions(
            timezone=ZoneInfo(project.settings.timezone),
            categories=tuple(args.category),
            tags=tuple(args.tag),
            draft=args.draft,
            comments=args.comments == "isso",
        )
        plan = plan_import(export, options, _existing(project, uploads))
        outcome = _write(plan, project, uploads, args)
    except ExportError as error:
        print(error.diagnostic, file=sys.stderr)
        print("runform: the export cannot be read; nothing was imported.", file=sys.stderr)
        return 1
    except (_Stop, IssoDatabaseError) as error:
        print(f"runform: {error}", file=sys.stderr)
        return 1
    print(format_report(plan, outcome, args.format))
    return 0


def _project(config_file: str | None) -> Project:
    try:
        config = Path(config_file) if config_file else find_config_file(Path.cwd())
        if not config.is_file():
            raise _Stop(f"{config} is not a file")
        project = open_project(config)
    except ProjectNotFound as error:
        raise _Stop(str(error)) from None
    errors = [d for d in project.problems if d.is_error]
    if errors:
        raise _Stop(
            "fix mkdocs.yml first (the import needs the site's time zone):\n"
            + "\n".join(str(d) for d in errors)
        )
    return project


def _existing(project: Project, uploads: Path | None) -> Existing:
    files = find_tip_files(project.tips_dir)
    slugs = {path.stem[len("YYYY-MM-DD-") :]: project.display(path) for path in files}
    spellings: dict[str, str] = {}
    file_slugs: dict[str, str] = {}
    for entry in project.load_catalog().entries:
        slugs.setdefault(entry.slug, entry.path)
        file_slugs[Path(entry.path).name] = entry.slug
        for tag in entry.tip.tags:
            spellings.setdefault(tag.casefold(), tag)
    imported_from: dict[int, str] = {}
    for path in files:
        if match := _IMPORTED_FROM.search(_head(path)):
            imported_from.setdefault(int(match.group(1)), path.name)
    root = uploads.resolve() if uploads else None

    def upload_exists(relative: str) -> bool:
        return root is not None and (root / relative).is_file()

    return Existing(
        files=frozenset(path.name for path in files),
        slugs=slugs,
        upload_exists=upload_exists,
        uploads_given=uploads is not None,
        tag_spellings=spellings,
        file_slugs=file_slugs,
        imported_from=imported_from,
    )


def _head(path: Path) -> str:
    """The first lines of a tip file, where the importer writes where it came from."""
    try:
        with path.open(encoding="utf-8", errors="replace") as stream:
            return "".join(stream.readline() for _ in range(3))
    except OSError:
        return ""


def _write(
    plan: ImportPlan, project: Project, uploads: Path | None, args: argparse.Namespace
) -> ImportOutcome:
    dry_run = args.dry_run
    redirects_path = project.root / REDIRECTS_FILE
    present = redirect_paths(redirects_path)
    if present is None:
        raise _Stop(f"{REDIRECTS_FILE} cannot be read: fix it first (runform check shows how)")
    pairs = [(old, tip.slug) for tip in plan.tips for old in tip.old_paths]
    existing_text = redirects_path.read_text("utf-8") if redirects_path.is_file() else None
    addition, added = redirect_lines(pairs, existing_text, present)
    posters = 0
    threads: list[TipThread] = []
    for tip in plan.tips:
        if tip.poster is not None and uploads is not None:
            target = project.docs_dir / tip.poster.image
            if not target.exists():
                posters += 1
                if not dry_run:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(uploads / tip.poster.upload, target)
        if not dry_run:
            write_new_file(project.tips_dir / tip.file_name, tip.text)
        threads.append(TipThread(f"{project.site_path}tips/{tip.slug}/", tip.title, tip.comments))
    for kept in plan.kept:
        threads.append(
            TipThread(f"{project.site_path}tips/{kept.slug}/", kept.title, kept.comments)
        )
    if addition and not dry_run:
        with redirects_path.open("a", encoding="utf-8", newline="\n") as stream:
            stream.write(addition)
    comments: int | None = None
    already: tuple[str, ...] = ()
    if args.comments == "isso":
        if dry_run:
            comments = sum(len(t.comments) for t in threads)
        else:
            result = write_isso_comments(
                Path(args.isso_db), threads, keep_personal=args.keep_emails
            )
            comments, already = result.comments, result.already
    return ImportOutcome(
        dry_run=dry_run,
        tips_written=len(plan.tips),
        posters_copied=posters,
        redirects_added=added,
        redirects_file=REDIRECTS_FILE,
        comments_to_isso=comments,
        isso_db=args.isso_db if args.comments == "isso" else None,
        isso_already=already,
    )
