"""Social card images, their cache: which cards must be drawn, and where drawn cards are kept.

Each card is cached under its content key (text, colours, font bytes, Pillow and layout
versions), so a rebuild with nothing changed draws nothing, and the same inputs give the same
bytes. A card is written under a unique temporary name and renamed into place, so two builds
sharing one cache never see each other's half-written file.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Final

import PIL  # the package's version only: Pillow's modules load when a card is drawn

from runform.site.cards.style import CardStyle, CardText

LAYOUT_VERSION: Final = "1"  # bump when the drawing changes, so cached cards are redrawn


@dataclass(frozen=True)
class DrawnCards:
    # name -> the PNG: its file in the card cache, or its bytes when there is no cache folder
    images: Mapping[str, Path | bytes]
    drawn: int  # how many were drawn (not found in the cache)


def card_key(card: CardText, style: CardStyle) -> str:
    identity = {
        "layout": LAYOUT_VERSION,
        "pillow": PIL.__version__,
        "text": asdict(card),
        "colours": [style.background, style.band, style.foreground],
        "fonts": style.fonts.digest,
    }
    encoded = json.dumps(identity, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


def draw_cards(
    cards: Mapping[str, CardText], style: CardStyle, cache_dir: Path | None
) -> DrawnCards:
    """Every card, from the cache when its key is there, else drawn (and then cached)."""
    images: dict[str, Path | bytes] = {}
    drawn = 0
    for name, card in cards.items():
        key = card_key(card, style)
        cached = _find_cached(cache_dir, key)
        if cached is None:
            from runform.site.cards.drawing import draw_card  # Pillow loads here, when needed

            cached = _write_cached(cache_dir, key, draw_card(card, style))
            drawn += 1
        images[name] = cached
    return DrawnCards(images=images, drawn=drawn)


def _find_cached(cache_dir: Path | None, key: str) -> Path | bytes | None:
    """A card drawn before: its file (never read here: MkDocs copies it), or kept bytes."""
    if cache_dir is None:
        return _MEMORY.get(key)
    path = cache_dir / f"{key}.png"
    return path if path.is_file() else None


def _write_cached(cache_dir: Path | None, key: str, data: bytes) -> Path | bytes:
    if cache_dir is None:
        _MEMORY[key] = data
        return data
    cache_dir.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(prefix=f".{key}.", suffix=".partial", dir=cache_dir)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        Path(partial).chmod(0o644)  # mkstemp makes it private; a card is published
        return Path(partial).replace(cache_dir / f"{key}.png")
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


_MEMORY: dict[str, bytes] = {}  # cards drawn with no cache folder, kept for `serve` rebuilds
