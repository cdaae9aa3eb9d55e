"""Drawing one social card with Pillow: the title, the cue and the site's name and colours.

Imported only when a card is missing from the cache (`cards.draw_cards`): Pillow's modules
take about 10 MB and 70 ms to load, which a build with every card cached does not need.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from PIL import Image, ImageDraw, ImageFont

from runform.site.cards.style import CARD_HEIGHT, CARD_WIDTH, CardStyle, CardText

_PAD: Final = 80
_BAND_HEIGHT: Final = 150
_TITLE_SIZES: Final = (76, 68, 60, 54, 48)
_TITLE_MAX_LINES: Final = 3


def draw_card(card: CardText, style: CardStyle) -> bytes:
    image = Image.new("RGB", (CARD_WIDTH, CARD_HEIGHT), style.background)
    draw = ImageDraw.Draw(image)
    width = CARD_WIDTH - 2 * _PAD
    small = _font(style.fonts.regular, 32)
    band_top = CARD_HEIGHT - _BAND_HEIGHT if (card.label or card.text) else CARD_HEIGHT

    draw.text(
        (_PAD, 64),
        _fit_line(card.site_name, small, width * 0.6),
        style.foreground,
        font=small,
        anchor="la",
    )
    if card.badge:
        draw.text(
            (CARD_WIDTH - _PAD, 64),
            _fit_line(card.badge, small, width * 0.38),
            style.foreground,
            font=small,
            anchor="ra",
        )
    draw.rectangle((_PAD, 122, _PAD + 96, 128), fill=style.foreground)

    title_font, lines = _fit_title(card.title, style.fonts.bold, width)
    line_height = round(title_font.size * 1.18)
    block = line_height * len(lines)
    top = 150 + max(0, (band_top - 150 - block) // 2)
    for index, line in enumerate(lines):
        draw.text(
            (_PAD, top + index * line_height),
            line,
            style.foreground,
            font=title_font,
            anchor="la",
            **_bold_kwargs(style.fonts.bold),
        )

    if band_top < CARD_HEIGHT:
        draw.rectangle((0, band_top, CARD_WIDTH, CARD_HEIGHT), fill=style.band)
        label_font, text_font = _font(style.fonts.regular, 28), _font(style.fonts.bold, 44)
        draw.text((_PAD, band_top + 30), card.label, style.foreground, font=label_font, anchor="la")
        draw.text(
            (_PAD, band_top + 72),
            _fit_line(card.text, text_font, width),
            style.foreground,
            font=text_font,
            anchor="la",
            **_bold_kwargs(style.fonts.bold),
        )

    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def _fit_title(
    title: str, font_path: Path | None, width: int
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which the title fits in three lines; else the smallest, cut."""
    for size in _TITLE_SIZES:
        font = _font(font_path, size)
        lines = _wrap(title, font, width)
        if len(lines) <= _TITLE_MAX_LINES:
            return font, lines
    lines = lines[:_TITLE_MAX_LINES]
    lines[-1] = _fit_line(lines[-1] + " …", font, width)
    return font, lines


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while font.getlength(current) > width and len(current) > 1:  # one very long word
            cut = _longest_prefix(current, font, width)
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    return lines or [""]


def _longest_prefix(text: str, font: ImageFont.FreeTypeFont, width: float) -> int:
    cut = len(text)
    while cut > 1 and font.getlength(text[:cut]) > width:
        cut -= 1
    return cut


def _fit_line(text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    if font.getlength(text) <= width:
        return text
    cut = _longest_prefix(text + "…", font, width) - 1
    return text[: max(cut, 1)].rstrip() + "…"


def _bold_kwargs(font_path: Path | None) -> dict[str, Any]:
    """Pillow's bundled font has no bold face: thicken its strokes instead."""
    return {} if font_path is not None else {"stroke_width": 1, "stroke_fill": None}


@lru_cache(maxsize=64)
def _font(path: Path | None, size: int) -> ImageFont.FreeTypeFont:
    if path is None:
        return ImageFont.load_default(size)  # type: ignore[return-value]
    return ImageFont.truetype(str(path), size)
