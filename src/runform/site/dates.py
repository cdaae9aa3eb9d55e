"""Dates in words, in the site's language, by Babel's CLDR data ("20 November 2026").

Babel loads a language's whole CLDR table (root merged with the language: ~4 MB of Python
objects for English) the first time a date is worded, and keeps it for the life of the
process. A one-off build words every date its pages show first and lets go of the tables before it
renders a page (`word_dates_then_release`), so the pages reuse that memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache

import babel.core
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


def word_dates_then_release(days: Iterable[date], language: str) -> None:
    """Word every day of `days` now (`long_date` keeps them), then let go of the CLDR data
    Babel has loaded, which loads again if another date is worded later: the language's
    tables (`babel.localedata.clear_caches`, Babel 2.19) and the table of all languages that
    loading one consults (`babel.core._global_data`, ~2 MB, which Babel has no public way to
    drop; left alone when a later Babel keeps it elsewhere)."""
    for day in days:
        long_date(day, language)
    clear_caches = getattr(localedata, "clear_caches", None)
    if callable(clear_caches):
        clear_caches()
    if getattr(babel.core, "_global_data", None) is not None:
        babel.core._global_data = None
