"""`extra.runform` of mkdocs.yml -> SiteSettings, with problems at their line in mkdocs.yml.

Shared by the MkDocs glue (which gets the mapping from MkDocs' config) and the command line
(which reads mkdocs.yml itself, so `runform check` starts without loading MkDocs).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Final, cast

from runform.content.diagnostics import START, ContentError, Diagnostic, Position
from runform.content.misreadings import settings_problems
from runform.content.parse_cache import ParseCache
from runform.content.reader import compose_positions
from runform.content.records import SiteSettings

SETTINGS_PREFIX = ("extra", "runform")
SETTINGS_CACHE: Final = Path(".cache/runform/settings.pickle")  # relative to mkdocs.yml


# The first four bytes of the font files FreeType (Pillow) reads: TrueType, OpenType (CFF),
# Apple TrueType and TrueType collections (OpenType spec, "Organization of an OpenType Font").
_FONT_SIGNATURES: Final = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf")
BOOK_PAGE: Final = "book.md"


def read_site_settings(
    raw: Any,
    *,
    config_text: str,
    display: str,
    root: Path | None = None,
    nav: Any = None,
    cache: Path | None = None,
) -> SiteSettings:
    """Validate the `extra.runform` mapping; raises ContentError with every problem.

    With `root` (the folder of mkdocs.yml), the rules that look at files run too (the card
    font must be a font file); with `cache` (a file, `root / SETTINGS_CACHE`), valid settings
    are kept there, so the next run with the same mkdocs.yml and mapping skips pydantic (see
    `records.py`); with `nav`, the rules between the settings and the rest of mkdocs.yml (a
    nav entry `book.md` needs `booking.url`). `runform check` and every build call this with
    both, so they agree on every settings rule.
    """
    if raw is None:
        raw = {}

    @functools.cache
    def positions() -> dict[Any, Position]:
        return compose_positions(config_text)

    if not isinstance(raw, dict):
        raise ContentError(
            [
                Diagnostic.at(
                    display,
                    positions().get(SETTINGS_PREFIX, START),
                    "extra.runform must be a set of keys",
                    "see the README",
                )
            ]
        )
    if cache is None:
        settings = _validate(raw, config_text, display)
    else:
        stored = ParseCache(cache, lambda *_: _validate(raw, config_text, display))
        key = f"{config_text}\0{raw!r}".encode()
        settings = stored.parse(display, "mkdocs.yml", key)
        stored.save()
    problems = [
        *(_card_font_problems(settings, root, positions, display) if root else []),
        *_book_in_nav_problems(settings, nav, positions, display),
    ]
    if problems:
        raise ContentError(problems)
    return settings


def default_settings() -> SiteSettings:
    """The settings of a site with no `extra.runform` (every group's defaults)."""
    from runform.content.settings import SiteSettings as Model
    from runform.content.validation import as_record

    return cast(SiteSettings, as_record(Model()))


def _validate(raw: dict[str, Any], config_text: str, display: str) -> SiteSettings:
    """The mapping through the settings model (pydantic, imported only here); raises
    ContentError with every problem, misread values first."""
    from runform.content.settings import SiteSettings as Model
    from runform.content.validation import as_record, validate_document

    misread = settings_problems(config_text, display, SETTINGS_PREFIX)
    settings, problems = validate_document(
        Model,
        raw,
        path=display,
        positions=compose_positions(config_text),
        prefix=SETTINGS_PREFIX,
    )
    if misread:  # a value cut short or in curly quotes: its other problems follow from that
        lines = {problem.line for problem in misread}
        raise ContentError(sorted([*misread, *(p for p in problems if p.line not in lines)]))
    if settings is None:
        raise ContentError(problems)
    return cast(SiteSettings, as_record(settings))


def _card_font_problems(
    settings: SiteSettings, root: Path, positions: Callable[[], dict[Any, Position]], display: str
) -> list[Diagnostic]:
    """`cards.font` must name a TrueType or OpenType file (relative to mkdocs.yml)."""
    font = settings.cards.font
    if not settings.cards.enabled or not font:
        return []
    path = root / font
    where = positions().get((*SETTINGS_PREFIX, "cards", "font"), START)
    hint = "give a .ttf or .otf file, relative to mkdocs.yml, or remove cards.font for DejaVu Sans"
    try:
        with path.open("rb") as file:
            head = file.read(4)
    except IsADirectoryError:
        return [Diagnostic.at(display, where, f"cards.font '{font}' is a folder, not a file", hint)]
    except OSError:
        return [Diagnostic.at(display, where, f"cards.font '{font}' is not a file", hint)]
    if head not in _FONT_SIGNATURES:
        return [Diagnostic.at(display, where, f"cards.font '{font}' is not a font file", hint)]
    return []


def _book_in_nav_problems(
    settings: SiteSettings, nav: Any, positions: Callable[[], dict[Any, Position]], display: str
) -> list[Diagnostic]:
    """The booking page exists only with `booking.url`; a nav entry for it needs one."""
    if settings.booking.url is not None:
        return []
    for index, target in _nav_targets(nav, ("nav",)):
        if str(target).strip("/") == BOOK_PAGE:
            where = positions().get(index, START)
            return [
                Diagnostic.at(
                    display,
                    where,
                    f"nav lists {BOOK_PAGE}, but extra.runform.booking.url is not set",
                    "set booking.url to make the booking page, or remove it from nav",
                )
            ]
    return []


def _nav_targets(nav: Any, keys: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every page a `nav:` names, with the key path of its entry."""
    if isinstance(nav, list):
        for index, item in enumerate(nav):
            yield from _nav_targets(item, (*keys, index))
    elif isinstance(nav, dict):
        for title, item in nav.items():
            yield from _nav_targets(item, (*keys, title))
    elif isinstance(nav, str):
        yield keys, nav
