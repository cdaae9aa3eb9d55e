"""Paths as the coach sees and names them: the display form, and the tip file name.

One tip file is `tips/YYYY-MM-DD-slug.yml` (`.yaml` is read too). Everything that shows a
path to the coach (diagnostics, messages) shows it relative to the project through
`display_path`; everything that reads or writes a tip's file name goes through
`parse_tip_file_name` / `tip_file_name`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from anyascii import anyascii

TIP_SUFFIXES: Final = (".yml", ".yaml")
# The days a site can carry: MkDocs writes the sitemap's gzip timestamp as a 32-bit count of
# seconds from 1970 (RFC 1952), so a tip's date must fit it.
FIRST_DAY: Final = date(1970, 1, 2)
LAST_DAY: Final = date(2105, 12, 31)

MAX_SLUG: Final = 80
# A slug: lowercase ASCII letters and digits in words joined by single dashes.
SLUG: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TIP_NAME: Final = re.compile(rf"(\d{{4}}-\d{{2}}-\d{{2}})-({SLUG.pattern})")
_DATE_PREFIX: Final = re.compile(r"(\d{4}-\d{2}-\d{2})-")


@dataclass(frozen=True)
class TipFileName:
    """The parts of a tip's file name: the date as written (maybe not a real day) and the slug."""

    date_text: str  # "2026-11-27"
    slug: str  # "heel-pick-up"


def display_path(path: Path, root: Path) -> str:
    """`path` relative to the project folder `root` in POSIX form when it lies inside it
    ("tips/2026-11-27-x.yml"), else as given."""
    if path.is_absolute() and root.is_absolute() and ".." not in path.parts:
        try:  # the common case, with no file-system call: a path found under root
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def parse_tip_file_name(name: str) -> TipFileName | None:
    """ "2026-11-27-heel-pick-up.yml" -> TipFileName("2026-11-27", "heel-pick-up"); None when
    the name does not have that shape (the suffix must be one of TIP_SUFFIXES)."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or f".{suffix}" not in TIP_SUFFIXES:
        return None
    match = _TIP_NAME.fullmatch(stem)
    return TipFileName(*match.groups()) if match else None


def file_name_date(name: str) -> date | None:
    """The day a file name starts with ("2026-11-27-…"), whatever follows; None if none."""
    match = _DATE_PREFIX.match(name)
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def tip_file_name(day: date, slug: str) -> str:
    """The file name of a tip: its publish day and slug."""
    return f"{day.isoformat()}-{slug}.yml"


def slugify(text: str) -> str:
    """A title as a slug: symbols such as emoji left out, the rest transliterated to ASCII
    (anyascii), lowercase, every run of other characters one dash, at most MAX_SLUG
    characters; "" when nothing is left.

    'Heel Pick Up' -> 'heel-pick-up'; 'Øvelse for hofter' -> 'ovelse-for-hofter';
    'Straße & Schritt' -> 'strasse-schritt'; 'Бег трусцой' -> 'beg-truscoy'.
    Used by `runform new` and the WordPress importer alike.
    """
    words = "".join(" " if unicodedata.category(char) == "So" else char for char in text)
    ascii_text = anyascii(words).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:MAX_SLUG].strip("-")


def tag_slug(tag: str) -> str:
    """The slug of a tag's page: `slugify` of its name ('Hip drive' -> 'hip-drive',
    'Übungen' -> 'ubungen'); a tag with no letter or digit that transliterates to ASCII
    ('🏃', '---') is named by its code points instead ('u1f3c3', 'u002d-u002d-u002d').

    Different tags can share a slug ('Hip drive', 'hip-drive'): the catalog refuses every
    spelling after the first (`catalog._check_tag_spelling`), so a site's tag slugs are unique.
    """
    slug = slugify(tag)
    if slug:
        return slug
    points = "-".join(f"u{ord(char):04x}" for char in tag if not char.isspace())
    return points[:MAX_SLUG].strip("-")
