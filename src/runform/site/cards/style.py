"""Social card images, their look: size, colours from Material's palette, and the font.

A card is one 1200x630 PNG per tip (and one for the site). `cache.py` decides which cards must
be drawn and keeps them; `drawing.py` draws one with Pillow and is loaded only when a card is
not in the cache, so a build with every card cached never loads Pillow's modules.

Why Pillow and not Material's `social` plugin: the plugin needs Cairo and fonts from Google
Fonts (it fails offline unless its font cache is seeded), and it draws Material's layout for
every page. Pillow ships as a wheel, draws offline, and the card shows what runform knows: the
title, the cue, the site's name and colours.

The font is DejaVu Sans from Debian's `fonts-dejavu-core` (`make` installs it when missing; the
CI image has it), or `extra.runform.cards.font` (checked by `runform check`, see
`content/site_config.py`); without either, Pillow's bundled font.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import PIL  # the package's version only: Pillow's modules load when a card is drawn

from runform.content.card_fonts import card_font_files
from runform.content.records import CardSettings

CARD_WIDTH: Final = 1200
CARD_HEIGHT: Final = 630

# Material for MkDocs' primary colours (`theme.palette.primary`): (colour, darker shade).
MATERIAL_PRIMARY: Final[Mapping[str, tuple[str, str]]] = {
    "red": ("#ef5552", "#e53734"),
    "pink": ("#e92063", "#c3185d"),
    "purple": ("#ab47bd", "#8c24a8"),
    "deep-purple": ("#7e56c2", "#673ab6"),
    "indigo": ("#4051b5", "#303fa1"),
    "blue": ("#2094f3", "#1975d2"),
    "light-blue": ("#02a6f2", "#0287cf"),
    "cyan": ("#00bdd6", "#0097a8"),
    "teal": ("#009485", "#007a6c"),
    "green": ("#4cae4f", "#398e3d"),
    "light-green": ("#8bc34b", "#689f38"),
    "lime": ("#cbdc38", "#b0b52c"),
    "yellow": ("#ffec3d", "#fbc02d"),
    "amber": ("#ffc105", "#ff9f00"),
    "orange": ("#ffa724", "#fa8900"),
    "deep-orange": ("#ff6e42", "#f4511f"),
    "brown": ("#795649", "#5d4037"),
    "grey": ("#757575", "#616161"),
    "blue-grey": ("#546d78", "#455a63"),
    "black": ("#14161a", "#0d0e11"),
    "white": ("#ffffff", "#eeeeee"),
}
_DEFAULT_PRIMARY: Final = "indigo"
_LIGHT_TEXT: Final = "#ffffff"
_DARK_TEXT: Final = "#1b1b1f"


@dataclass(frozen=True)
class CardFonts:
    bold: Path | None  # None: Pillow's bundled font
    regular: Path | None
    digest: str  # of the font files' bytes, part of every card's cache key


@dataclass(frozen=True)
class CardStyle:
    background: str
    band: str  # the darker strip at the bottom
    foreground: str
    fonts: CardFonts


@dataclass(frozen=True)
class CardText:
    """What one card says."""

    title: str
    site_name: str
    badge: str = ""  # top right, e.g. the hashtag
    label: str = ""  # in the bottom band, small: "Technique cue"
    text: str = ""  # in the bottom band, bold: the cue's name


def primary_colours(palette: Any) -> tuple[str, str]:
    """(colour, darker shade) of the first palette's primary colour, as Material shows it."""
    first = palette[0] if isinstance(palette, list) and palette else palette
    name = first.get("primary") if isinstance(first, Mapping) else None
    key = str(name or _DEFAULT_PRIMARY).strip().lower().replace(" ", "-")
    return MATERIAL_PRIMARY.get(key, MATERIAL_PRIMARY[_DEFAULT_PRIMARY])


def card_style(palette: Any, settings: CardSettings, root: Path) -> CardStyle:
    """Colours from the theme (or the settings) and the font to draw with."""
    _colour, dark = primary_colours(palette)
    background = settings.background or dark
    foreground = settings.foreground or _readable_text(background)
    return CardStyle(
        background=background,
        band=_shade(background, 0.82),
        foreground=foreground,
        fonts=find_fonts(settings.font, root),
    )


def find_fonts(font_setting: str | None, root: Path) -> CardFonts:
    """The font files `content.card_fonts` names (the same ones `runform check` looks at)."""
    files = card_font_files(font_setting, root)
    if files is None:
        return CardFonts(None, None, f"pillow-bundled-{PIL.__version__}")
    paths = list(dict.fromkeys([files.bold, files.regular]))
    return CardFonts(files.bold, files.regular, _digest_files(paths))


def _digest_files(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes() if path.is_file() else b"missing")
    return digest.hexdigest()


def _readable_text(background: str) -> str:
    """White text where it keeps a 3:1 contrast (large text, WCAG), else near-black."""
    return _LIGHT_TEXT if _contrast(background, _LIGHT_TEXT) >= 3.0 else _DARK_TEXT


def _contrast(first: str, second: str) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _shade(colour: str, factor: float) -> str:
    r, g, b = (round(int(colour[i : i + 2], 16) * factor) for i in (1, 3, 5))
    return f"#{r:02x}{g:02x}{b:02x}"
