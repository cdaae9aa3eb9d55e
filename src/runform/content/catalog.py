"""Every tip file -> a Catalog of validated entries, plus the rules that span files.

Reads everything first and reports every problem of every file (Pelican's generators read all
content before any writer runs). File-level rules: the name is `YYYY-MM-DD-slug.yml` and its
date agrees with `date:`; the slug is not one the site's own pages use; a poster is a file
under docs/ (its real path too). Cross-file rules: slugs are unique, and a tag is written one
way and has a page of its own. Every other entry of tips/ (a folder, a link to nothing,
`x.YML`, `x.yml.txt`) gets a diagnostic, and no file whose real path lies outside the project
is read.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Final

from runform.content.diagnostics import START, Diagnostic, Position, Severity
from runform.content.markup import left_out_markdown
from runform.content.parse_cache import ParseCache
from runform.content.paths import TIP_SUFFIXES, display_path, parse_tip_file_name, tag_slug
from runform.content.reader import KeyPath, SourceDocument, read_file_bytes, read_yaml_text
from runform.content.records import Tip


@dataclass(frozen=True)
class Entry:
    """A validated tip and where it came from."""

    path: str  # "tips/2026-11-27-heel-pick-up.yml", as the coach sees it
    slug: str
    tip: Tip
    tag_positions: tuple[Position, ...] = field(default=(), compare=False)  # of each tag
    # where the keys the warnings point at are (values for scalars): kept from the one read
    key_positions: Mapping[KeyPath, Position] = field(default_factory=dict, compare=False)
    # the Markdown its fields have that the tip page leaves out, found when the file was read
    # (so kept in the parse cache, `left_out_in_fields`); None: not looked for
    left_out: LeftOut | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Catalog:
    entries: tuple[Entry, ...]  # oldest first, then by slug
    diagnostics: tuple[Diagnostic, ...]  # sorted

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)


def markdown_fields(tip: Tip) -> list[tuple[KeyPath, str]]:
    """Every Markdown field of a tip and where it is, in the tip's order: intro, rationale
    bodies, fault fixes, drill steps, note texts."""
    fields: list[tuple[KeyPath, str]] = [(("intro",), tip.intro)] if tip.intro else []
    fields += [(("rationale", i, "body"), s.body) for i, s in enumerate(tip.rationale)]
    fields += [(("faults", i, "fix"), fault.fix) for i, fault in enumerate(tip.faults)]
    if tip.drill:
        fields += [(("drill", "steps", i), step) for i, step in enumerate(tip.drill.steps)]
    fields += [(("notes", i, "text"), note.text) for i, note in enumerate(tip.notes)]
    return fields


LeftOut = tuple[tuple[KeyPath, tuple[str, ...]], ...]  # (field, what of it the page leaves out)


def left_out_in_fields(tip: Tip) -> LeftOut:
    """Each Markdown field of `tip` that has Markdown the tip page leaves out, with what in
    words (`markup.left_out_markdown`: "an image", "raw HTML"), in the tip's order; fields
    that lose nothing are not named. Depends on the tip alone, so it is found once, when the
    file is read, and kept with it (the `markdown-left-out` warning)."""
    return tuple(
        (keys, tuple(found))
        for keys, text in markdown_fields(tip)
        if (found := left_out_markdown(text))
    )


class CatalogHandoff:
    """A checked catalog passed from a command to the build that renders it, taken once.

    The command keeps no other reference to the catalog, so once the build has rendered its
    pages from it the tips' memory (about 16 KB a tip) is free again for MkDocs' own pages,
    which are what a build's peak memory is made of."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog: Catalog | None = catalog

    def peek(self) -> Catalog:
        """The catalog, left in place. Raises RuntimeError once it has been taken."""
        if self._catalog is None:
            raise RuntimeError("the catalog was taken by the build already")
        return self._catalog

    def take(self) -> Catalog:
        """The catalog; this handoff holds it no more. Raises RuntimeError when taken already."""
        catalog = self.peek()
        self._catalog = None
        return catalog


# Slugs the site's own pages use under tips/ (the archive is tips/index.md); a slug of four
# digits is the address of the archive's page for that year (tips/2024/), see YEAR_SLUG
RESERVED_SLUGS: Final = frozenset({"index"})
YEAR_SLUG: Final = re.compile(r"[0-9]{4}")
# Files an editor or the system leaves beside the tips; never tips, never worth a word
_IGNORED_SUFFIXES: Final = ("~", ".swp", ".swo", ".swx", ".tmp", "#")


def find_tip_files(tips_dir: Path) -> list[Path]:
    """The tip files of `tips_dir`: `*.yml` and `*.yaml` files directly in it."""
    if not tips_dir.is_dir():
        return []
    return sorted(p for p in tips_dir.iterdir() if p.suffix in TIP_SUFFIXES and p.is_file())


def stray_entries(tips_dir: Path, root: Path) -> list[Diagnostic]:
    """A diagnostic for each entry of `tips_dir` that is not a tip file runform reads (hidden
    files and editors' backup files aside), and for a tip file that links out of the project."""
    if not tips_dir.is_dir():
        return []
    problems: list[Diagnostic] = []
    real_root = root.resolve()
    with os.scandir(tips_dir) as scan:  # its entries know their kind: no stat per file
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        name = entry.name
        if name.startswith(".") or name.endswith(_IGNORED_SUFFIXES):
            continue
        path = tips_dir / name
        shown = display_path(path, root)
        stem, _, suffix = name.partition(".")
        if path.suffix in TIP_SUFFIXES and entry.is_file():
            # only a link can lead out of the project (tips/ itself is inside it)
            if entry.is_symlink() and real_root not in path.resolve().parents:
                problems.append(
                    Diagnostic.at(
                        shown,
                        START,
                        "is a link to a file outside the project, which runform does not read",
                        "put the tip file itself in tips/",
                    )
                )
            continue
        if path.is_symlink() and not path.exists():
            problems.append(
                Diagnostic.at(shown, START, "is a link to nothing", "delete it or fix the link")
            )
        elif path.is_dir():
            problems.append(
                Diagnostic.at(
                    shown,
                    START,
                    "is a folder; runform reads only tip files directly in tips/",
                    "move the tips in it up into tips/",
                )
            )
        elif ".yml" in name.lower() or ".yaml" in name.lower():
            problems.append(
                Diagnostic.at(
                    shown,
                    START,
                    f"is not read as a tip: a tip file's name ends in .yml, not '.{suffix}'",
                    f"rename it to {stem}.yml",
                )
            )
        else:
            problems.append(
                Diagnostic.at(
                    shown,
                    START,
                    "is not a tip file, so runform leaves it out",
                    "keep only tip files (YYYY-MM-DD-slug.yml) in tips/",
                    Severity.WARNING,
                    "not-a-tip",
                )
            )
    return problems


def outside_links(docs_dir: Path, root: Path) -> list[Diagnostic]:
    """Files under docs/ whose real path lies outside the project (a link to /etc/passwd):
    MkDocs would publish what they point at."""
    if not docs_dir.is_dir():
        return []
    real_root = root.resolve()
    problems: list[Diagnostic] = []
    for path in sorted(docs_dir.rglob("*")):
        if not path.is_symlink():
            continue
        real = path.resolve()
        if real != real_root and real_root not in real.parents:
            problems.append(
                Diagnostic.at(
                    display_path(path, root),
                    START,
                    "links to a file outside the project, which would be published",
                    "copy the file itself into docs/, or delete the link",
                )
            )
    return problems


def load_catalog(
    tips_dir: Path,
    *,
    root: Path,
    docs_dir: Path | None = None,
    keep_for_rebuilds: bool = False,
    parse_cache: Path | None = None,
) -> Catalog:
    """Read and validate every tip file in `tips_dir`; paths are shown relative to `root`.

    keep_for_rebuilds: keep each file's result in memory by its content (`serve`, which then
    re-parses only the files that changed). parse_cache: a file of earlier runs' results
    (`parse_cache.ParseCache`), so a one-off run parses only the files that changed since.
    """
    disk = ParseCache(parse_cache, _parse_tip) if parse_cache and not keep_for_rebuilds else None
    parse = _parse_tip_cached if keep_for_rebuilds else disk.parse if disk else _parse_tip
    strays = stray_entries(tips_dir, root)
    unread = {d.path for d in strays}
    catalog = build_catalog(
        (
            read_tip(path, shown, docs_dir, parse)
            for path in find_tip_files(tips_dir)
            if (shown := display_path(path, root)) not in unread
        ),
        strays,
    )
    if disk is not None:
        disk.save()
    return catalog


def read_tip(
    path: Path,
    display: str,
    docs_dir: Path | None,
    parse: Callable[[str, str, bytes], _ParsedTip] | None = None,
) -> tuple[Entry | None, list[Diagnostic]]:
    """One file -> its entry (when valid) and its problems."""
    raw = read_file_bytes(path, display)
    if isinstance(raw, list):
        return None, raw
    parsed = (parse or _parse_tip)(display, path.name, raw)
    problems = list(parsed.problems)
    tip = parsed.tip
    if tip is None:
        return None, problems
    problems.extend(_check_poster(tip, display, parsed.poster_position, docs_dir))
    slug = tip.slug or parsed.name_slug or Path(path.name).stem
    if slug in RESERVED_SLUGS or YEAR_SLUG.fullmatch(slug):
        what = "the archive of all tips" if slug in RESERVED_SLUGS else f"the tips of {slug}"
        problems.append(
            Diagnostic.at(
                display,
                parsed.slug_position,
                f"slug '{slug}' is the address of {what}",
                "choose another slug (set 'slug:' or rename the file)",
            )
        )
    entry = Entry(
        path=display,
        slug=slug,
        tip=tip,
        tag_positions=parsed.tag_positions,
        key_positions=parsed.key_positions,
        left_out=parsed.left_out,
    )
    return (entry if not problems else None), problems


@dataclass(frozen=True)
class _ParsedTip:
    """What a file's bytes give, kept (not the YAML data or its positions) for `serve`."""

    tip: Tip | None
    name_slug: str | None
    problems: tuple[Diagnostic, ...]
    poster_position: Position
    slug_position: Position = START
    tag_positions: tuple[Position, ...] = ()
    key_positions: Mapping[KeyPath, Position] = field(default_factory=dict)
    left_out: LeftOut = ()  # `left_out_in_fields` of the tip


_PARSED: dict[tuple[str, str, bytes], _ParsedTip] = {}  # by file and content digest
_PARSED_MAX: Final = 4096


def _parse_tip_cached(display: str, name: str, raw: bytes) -> _ParsedTip:
    """`_parse_tip`, cached by a digest of the content (not the bytes themselves, which would
    keep every file in memory)."""
    key = (display, name, hashlib.blake2b(raw, digest_size=16).digest())
    parsed = _PARSED.get(key)
    if parsed is None:
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.clear()
        parsed = _PARSED[key] = _parse_tip(display, name, raw)
    return parsed


def _parse_tip(display: str, name: str, raw: bytes) -> _ParsedTip:
    """Bytes -> validated tip, with the file name's rules."""
    return parse_tip_text(raw, display, name)


def parse_tip_file(display: str, name: str, raw: bytes) -> _ParsedTip:
    """One tip file's bytes (`name` its file name, `display` its path as shown) -> its
    validated tip and problems, with the file name's rules: what `read_tip` parses with."""
    return _parse_tip(display, name, raw)


def parse_tip_text(raw: bytes, display: str, name: str | None = None) -> _ParsedTip:
    """One tip file's bytes -> its validated tip (or None) and its problems, as `runform
    check` reads it; `name` (the file name) adds the file-name rules. `display` is the path
    shown in diagnostics."""
    source = read_yaml_text(raw, display)
    if not isinstance(source, SourceDocument):
        return _ParsedTip(None, None, tuple(source), START)
    from runform.content.model import Tip as Model  # pydantic: only when a file is parsed
    from runform.content.validation import as_record, validate_document

    model, problems = validate_document(
        Model,
        source.data,
        path=display,
        positions=source.positions,
        value_positions=source.value_positions,
    )
    tip: Tip | None = as_record(model) if model is not None else None
    name_slug, name_problems = (
        _check_file_name(Path(name), source, tip) if name is not None else (None, [])
    )
    values = source.value_positions
    poster = values.get(("video", "poster"), START)
    slug_at = values.get(("slug",), START)
    tags = tuple(values.get(("tags", i), START) for i in range(len(tip.tags) if tip else 0))
    keys = _warning_positions(source) if tip is not None else {}
    left_out = left_out_in_fields(tip) if tip is not None else ()
    found = (*problems, *name_problems)
    if tip is None and _marked_draft(source):
        found = tuple(_parked(problem) for problem in found)
    return _ParsedTip(tip, name_slug, found, poster, slug_at, tags, keys, left_out)


def _marked_draft(source: SourceDocument) -> bool:
    """`draft: true` in a file that reads as YAML, whatever else is wrong with it."""
    data = source.data
    return isinstance(data, Mapping) and str(data.get("draft", "")).strip().lower() == "true"


def _parked(problem: Diagnostic) -> Diagnostic:
    """A draft's problem: a warning, so an unfinished draft never stops a build or the
    publishing of the other tips; the draft stays out of the site until it is valid."""
    return replace(
        problem,
        severity=Severity.WARNING,
        code="unfinished-draft",
        hint=(problem.hint + "; " if problem.hint else "")
        + "a draft is left out until it is fixed",
    )


# Scalars whose value a warning points at; for any other key, the key itself
_VALUE_KEYS: Final = frozenset({("date",), ("summary",), ("teaser",)})


def _warning_positions(source: SourceDocument) -> dict[KeyPath, Position]:
    """The few positions warnings need (top-level keys and Markdown fields), kept so `check`
    never reads a tip twice; a handful per tip, not the whole map."""
    kept: dict[KeyPath, Position] = {}
    for keys, position in source.positions.items():
        if not keys:
            continue
        top = len(keys) <= 2 and not isinstance(keys[-1], int)
        markdown = keys[-1] in ("body", "fix", "text") or keys[:2] == ("drill", "steps")
        if top or markdown:
            kept[keys] = (
                source.value_positions.get(keys, position) if keys in _VALUE_KEYS else position
            )
    return kept


def build_catalog(
    results: Iterable[tuple[Entry | None, list[Diagnostic]]],
    other: Iterable[Diagnostic] = (),
) -> Catalog:
    """Every file's result -> the catalog, with the rules across files; `other` adds problems
    found beside the files (strays in tips/)."""
    entries: list[Entry] = []
    diagnostics: list[Diagnostic] = list(other)
    for entry, problems in results:
        diagnostics.extend(problems)
        if entry is not None:
            entries.append(entry)
    diagnostics.extend(_check_unique_slugs(entries))
    diagnostics.extend(_check_tag_spelling(entries))
    entries.sort(key=lambda e: (e.tip.date, e.slug))
    return Catalog(entries=tuple(entries), diagnostics=tuple(sorted(diagnostics)))


def _check_file_name(
    path: Path, source: SourceDocument, tip: Tip | None
) -> tuple[str | None, list[Diagnostic]]:
    parsed = parse_tip_file_name(path.name)
    if parsed is None:
        return None, [
            Diagnostic.at(
                source.path,
                START,
                f"file name '{path.name}' must look like YYYY-MM-DD-some-slug.yml",
                "rename it after its publish date and title, e.g. 2026-11-27-heel-pick-up.yml",
            )
        ]
    prefix, slug = parsed.date_text, parsed.slug
    if tip is not None and tip.date.isoformat() != prefix:
        where = source.value_positions.get(("date",), START)
        return slug, [
            Diagnostic.at(
                source.path,
                where,
                f"date {tip.date.isoformat()} does not match the file name's date {prefix}",
                f"rename the file to {tip.date.isoformat()}-{slug}{path.suffix} or fix the date",
            )
        ]
    return slug, []


def _check_poster(
    tip: Tip, display: str, where: Position, docs_dir: Path | None
) -> list[Diagnostic]:
    if docs_dir is None or tip.video is None or tip.video.poster is None:
        return []
    poster = docs_dir / tip.video.poster
    if poster.is_file():
        real_docs = docs_dir.resolve()
        if real_docs in poster.resolve().parents:
            return []
        return [
            Diagnostic.at(
                display,
                where,
                f"poster '{tip.video.poster}' links to a file outside {docs_dir.name}/",
                f"copy the image itself to {docs_dir.name}/{tip.video.poster}",
            )
        ]
    return [
        Diagnostic.at(
            display,
            where,
            f"poster '{tip.video.poster}' is not a file in {docs_dir.name}/",
            f"put the image at {docs_dir.name}/{tip.video.poster} or fix the path",
        )
    ]


def _check_unique_slugs(entries: list[Entry]) -> list[Diagnostic]:
    first_by_slug: dict[str, Entry] = {}
    problems: list[Diagnostic] = []
    for entry in sorted(entries, key=lambda e: e.path):
        first = first_by_slug.setdefault(entry.slug, entry)
        if first is entry:
            continue
        # at the tip's own `slug:` when it has one, else at the file (its name gave the slug)
        where = entry.key_positions.get(("slug",), START)
        problems.append(
            Diagnostic(
                entry.path,
                where.line,
                where.col,
                f"slug '{entry.slug}' is already used by {first.path}",
                "two tips cannot share one page address: set a different 'slug:' in one of them",
            )
        )
    return problems


def _check_tag_spelling(entries: list[Entry]) -> list[Diagnostic]:
    """One tag, one spelling, one page: tags that differ only in case are one tag written two
    ways, and tags whose page slugs agree ('Hip drive', 'hip-drive': `paths.tag_slug`) would
    share one tag page. Either way every spelling after the first (by file path, then place
    in the tip) is refused at its line, so `check` and every build stop on it."""
    first_by_key: dict[str, tuple[str, Entry]] = {}
    first_by_slug: dict[str, tuple[str, Entry]] = {}
    problems: list[Diagnostic] = []
    for entry in sorted(entries, key=lambda e: e.path):
        for index, tag in enumerate(entry.tip.tags):
            first_tag, first_entry = first_by_key.setdefault(tag.casefold(), (tag, entry))
            if first_tag == tag:
                first_tag, first_entry = first_by_slug.setdefault(tag_slug(tag), (tag, entry))
                if first_tag == tag:
                    continue
                message = f"tag '{tag}' would share the page of tag '{first_tag}'"
                hint = "write them the same way, or make them differ in letters or digits"
            else:
                message, hint = (
                    f"tag '{tag}' is written '{first_tag}'",
                    "write a tag the same way in every tip",
                )
            where = entry.tag_positions[index] if index < len(entry.tag_positions) else START
            origin = "this tip" if first_entry is entry else first_entry.path
            problems.append(Diagnostic.at(entry.path, where, f"{message} in {origin}", hint))
    return problems
