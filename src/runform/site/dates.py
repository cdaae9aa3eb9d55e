"""Dates in words, in the site's language, by Babel's CLDR data ("20 November 2026").

Babel loads a language's whole CLDR table (root merged with the language: ~4 MB of Python
objects for English) the first time a date is worded, and keeps it for the life of the
process. A one-off build words every date while it renders runform's pages, long before
MkDocs renders its own, so it lets go of the table then (`release_locale_data`) and MkDocs
reuses the memory.
"""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date
from functools import lru_cache

from babel import Locale, UnknownLocaleError, localedata
from babel.dates import format_date


def babel_locale(language: str) -> Locale:
    """Babel's locale for Material's `theme.language` ("fr", "pt-BR", "zh-Hant"); else
    English (an unknown or malformed code)."""
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


@lru_cache(maxsize=4096)
def long_date(day: date, language: str) -> str:
    """CLDR's long date of `day` in `language` ("20 November 2026", "20 novembre 2026"):
    each tip's date, on its page, the archive, the home page and cards; worded once."""
    return format_date(day, format="long", locale=babel_locale(language))


def full_date(day: date, language: str) -> str:
    """CLDR's full date, with the weekday ("Friday, 27 November 2026")."""
    return format_date(day, format="full", locale=babel_locale(language))


def release_locale_data() -> None:
    """Let go of the CLDR tables Babel has loaded (they load again when next needed), and of
    the worded dates. Babel keeps loaded tables in `babel.localedata._cache` and offers no
    public way to empty it (checked in Babel 2.19, `localedata.load`): when a later Babel
    keeps them elsewhere, this releases only the worded dates."""
    long_date.cache_clear()
    with getattr(localedata, "_cache_lock", None) or nullcontext():
        for name in ("_cache", "_dict_cache"):
            cache = getattr(localedata, name, None)
            if isinstance(cache, dict):
                cache.clear()
