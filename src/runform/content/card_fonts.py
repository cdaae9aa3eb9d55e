"""Which font files draw the social cards, and which characters they can draw.

The cards' bold face draws a tip's title and its cue's name; a character missing from that
font's character map (cmap) comes out as an empty box (the font's .notdef glyph). `runform
check` warns about such characters (`content.warnings`, rule `card-glyphs`) without loading
Pillow: fontTools reads only the font's cmap table. The files are DejaVu Sans from Debian's
`fonts-dejavu-core`, or `extra.runform.cards.font` (one file for both faces); without either,
cards use Pillow's bundled font, whose coverage runform does not check.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
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


def missing_characters(text: str, font: Path) -> list[str]:
    """The characters of `text` that `font` has no glyph for, each once, in order of first
    appearance. Spaces and invisible format characters (ZWJ, variation selectors) are never
    missing: they draw nothing. A font fontTools cannot read misses nothing (its problems
    are `runform check`'s settings errors)."""
    covered = _character_map(font)
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


@lru_cache(maxsize=8)
def _character_map(font: Path) -> frozenset[int] | None:
    # loaded here: only a site that draws cards with a font file needs fontTools
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(font, lazy=True, fontNumber=0) as opened:
            best = opened.getBestCmap()
    except (OSError, TTLibError, KeyError, AssertionError, ValueError):
        return None
    return frozenset(best or ())
