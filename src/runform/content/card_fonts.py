"""Which font files draw the social cards, and which characters they can draw.

The cards' bold face draws a tip's title and its cue's name; a character missing from that
font's character map (cmap) comes out as an empty box (the font's .notdef glyph). `runform
check` warns about such characters (`content.warnings`, rule `card-glyphs`) without loading
Pillow: fontTools reads only the font's cmap table, and only for a font file it has not read
before: the map is kept in `.cache/runform/fonts.json` by a digest of the file's bytes (so a
warm run does not even import fontTools). The files are DejaVu Sans from Debian's
`fonts-dejavu-core`, or `extra.runform.cards.font` (one file for both faces); without either,
cards use Pillow's bundled font, whose coverage runform does not check.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import io
import json
import os
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Final

DEJAVU_DIR: Final = Path("/usr/share/fonts/truetype/dejavu")
DEJAVU_BOLD: Final = DEJAVU_DIR / "DejaVuSans-Bold.ttf"
DEJAVU_REGULAR: Final = DEJAVU_DIR / "DejaVuSans.ttf"


@dataclass(frozen=True)
class CardFontFiles:
    bold: Path  # titles and cue names
    regular: Path  # the site's name, the hashtag, the cue label
    name: str  # as the coach knows it: the `cards.font` setting, or "DejaVu Sans"


def card_font_files(font_setting: str | None, root: Path) -> CardFontFiles | None:
    """The card font files: `cards.font` (relative to `root`, the folder of mkdocs.yml) for
    both faces, else DejaVu Sans when installed; None: Pillow's bundled font."""
    if font_setting:
        path = (root / font_setting).resolve()
        return CardFontFiles(path, path, font_setting)
    if DEJAVU_BOLD.is_file() and DEJAVU_REGULAR.is_file():
        return CardFontFiles(DEJAVU_BOLD, DEJAVU_REGULAR, "DejaVu Sans")
    return None


def missing_characters(text: str, font: Path, cache: Path | None = None) -> list[str]:
    """The characters of `text` that `font` has no glyph for, each once, in order of first
    appearance. Spaces and invisible format characters (ZWJ, variation selectors) are never
    missing: they draw nothing. A font fontTools cannot read misses nothing (its problems
    are `runform check`'s settings errors). Reads the font file on each call (`cache`: see
    `character_map`); for many texts, take its map once and use `missing_from`."""
    return missing_from(text, character_map(font, cache))


def missing_from(text: str, covered: frozenset[int] | None) -> list[str]:
    """`missing_characters` for a font whose `character_map` is `covered` (None: a font
    fontTools cannot read, which misses nothing)."""
    if covered is None:
        return []
    missing: list[str] = []
    for char in text:
        if ord(char) in covered or char in missing or _draws_nothing(char):
            continue
        missing.append(char)
    return missing


def _draws_nothing(char: str) -> bool:
    code = ord(char)
    variation_selector = 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
    return char.isspace() or variation_selector or unicodedata.category(char) in ("Cf", "Cc")


def character_map(font: Path, cache: Path | None = None) -> frozenset[int] | None:
    """The code points `font` has a glyph for (its first face's best cmap subtable, as
    fontTools reads it); None when the file cannot be read or fontTools cannot read it.

    cache: a file of earlier runs' maps (`FONT_CACHE` in the project), by a digest of the
    font file's bytes and of the fontTools that read them, so a changed or replaced font is
    read again; when it answers, fontTools is not even imported. A missing, damaged or
    foreign cache only means reading the font; one that cannot be written is left as it is.
    Costs a read and a digest of the font file (about 1 ms for DejaVu Sans Bold's 700 kB)."""
    try:
        data = font.read_bytes()
    except OSError:
        return None
    key = _font_key(data)
    remembered = (cache, key)  # per cache file: each project's cache gets the map written
    if remembered in _READ:
        return _READ[remembered]
    stored = _load_maps(cache) if cache is not None else {}
    if key in stored:
        covered = stored[key]
    else:
        covered = _read_character_map(data)
        if cache is not None:
            _save_maps(cache, {**stored, key: covered})
    if len(_READ) >= _KEPT:
        _READ.clear()
    _READ[remembered] = covered
    return covered


FONT_CACHE: Final = Path(".cache/runform/fonts.json")  # relative to mkdocs.yml
_FORMAT: Final = "runform-font-cache-1"
_KEPT: Final = 8  # fonts a cache file (and a process) remembers
# this process's maps, by cache file and `_font_key`
_READ: dict[tuple[Path | None, str], frozenset[int] | None] = {}


def _font_key(data: bytes) -> str:
    """A digest of a font file's bytes and of the fontTools that reads them (its
    `__init__.py`, which names its version), found without importing it."""
    digest = hashlib.blake2b(_FORMAT.encode(), digest_size=20)
    spec = importlib.util.find_spec("fontTools")
    if spec is not None and spec.origin is not None:
        with contextlib.suppress(OSError):
            digest.update(Path(spec.origin).read_bytes())
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def _load_maps(cache: Path) -> dict[str, frozenset[int] | None]:
    """The maps stored in `cache`, by key; {} when it is missing, damaged or foreign."""
    try:
        data = json.loads(cache.read_bytes())
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            return {}
        return {
            key: None if points is None else frozenset(int(point) for point in points)
            for key, points in data["fonts"].items()
        }
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def _save_maps(cache: Path, maps: dict[str, frozenset[int] | None]) -> None:
    """Write the newest `_KEPT` of `maps` to `cache` atomically (readers see the old file or
    the new); a folder that cannot be written is left as it is."""
    kept = dict(list(maps.items())[-_KEPT:])
    fonts = {key: None if points is None else sorted(points) for key, points in kept.items()}
    text = json.dumps({"format": _FORMAT, "fonts": fonts}, separators=(",", ":"))
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=cache.parent, prefix=".fonts.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                stream.write(text)
            Path(temp).replace(cache)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        return


def _read_character_map(data: bytes) -> frozenset[int] | None:
    # loaded here: only a font not in the cache needs fontTools
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(io.BytesIO(data), lazy=True, fontNumber=0) as opened:
            best = opened.getBestCmap()
    except (OSError, TTLibError, KeyError, AssertionError, ValueError):
        return None
    return frozenset(best or ())
