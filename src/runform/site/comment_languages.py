"""A site's language (Material's `theme.language`) -> the code each comment service knows.

giscus loads its frame from `https://giscus.app/<lang>/widget`: a code it has no translation
for breaks the frame, so only its own codes may be passed. Its codes are not all BCP 47
(Greek is `gr`, Khmer `kh`, Serbo-Croatian `hbs`) and Chinese needs its region (`zh-CN`,
`zh-TW`, `zh-HK`). Isso picks a translation by BCP 47 tag and falls back to the primary
subtag, which sends Traditional Chinese (`zh-Hant`) to Simplified; its Portuguese is
`pt-BR` or `pt-PT`.

Both lists are the services' own: giscus' `availableLanguages` (lib/i18n.tsx) with its
fallbacks (i18n.fallbacks.json), and Isso's translation catalogue (isso/js/app/i18n.js).
A language neither has (Norwegian Bokmål, `nb`) gets English, which both always have.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

FALLBACK: Final = "en"

GISCUS_LANGUAGES: Final = frozenset(
    {
        "ar", "be", "bg", "ca", "cs", "da", "de", "en", "eo", "es", "eu", "fa", "fr", "gr",
        "hbs", "he", "hu", "id", "it", "ja", "kh", "ko", "nl", "pl", "pt", "ro", "ru", "th",
        "tr", "vi", "uk", "uz", "zh-CN", "zh-TW", "zh-HK",
    }
)  # fmt: skip
# Codes Material (or BCP 47) uses for a language giscus has under another code; by
# lower-cased tag, then by primary subtag.
_GISCUS_ALIASES: Final = {
    "el": "gr",
    "km": "kh",
    "sh": "hbs",
    "sr": "hbs",
    "hr": "hbs",
    "bs": "hbs",
    "gsw": "de",
    "zh": "zh-CN",
    "zh-hans": "zh-CN",
    "zh-sg": "zh-CN",
    "zh-hant": "zh-TW",
    "zh-mo": "zh-HK",
    "zh-hant-hk": "zh-HK",
    "zh-hant-tw": "zh-TW",
}

ISSO_LANGUAGES: Final = frozenset(
    {
        "bg", "ca", "cs", "da", "de", "en", "el", "eo", "es", "fa", "fi", "fr", "gl", "hr",
        "hu", "id", "it", "ja", "ko", "nl", "oc", "pl", "pt-BR", "pt-PT", "ru", "sk", "sv",
        "tr", "uk", "vi", "zh-CN", "zh-TW",
    }
)  # fmt: skip
_ISSO_ALIASES: Final = {
    "pt": "pt-PT",
    "zh": "zh-CN",
    "zh-hans": "zh-CN",
    "zh-sg": "zh-CN",
    "zh-hant": "zh-TW",
    "zh-hk": "zh-TW",
    "zh-mo": "zh-TW",
    "zh-hant-hk": "zh-TW",
    "zh-hant-tw": "zh-TW",
}


def giscus_language(language: str) -> str:
    """`theme.language` (or `comments.giscus.lang`) -> a giscus code: "el" -> "gr",
    "zh" -> "zh-CN", "pt-BR" -> "pt", "nb" -> "en"."""
    return _service_code(language, GISCUS_LANGUAGES, _GISCUS_ALIASES)


def isso_language(language: str) -> str:
    """`theme.language` (or `comments.isso.lang`) -> an Isso code: "zh-Hant" -> "zh-TW",
    "pt" -> "pt-PT", "de-CH" -> "de", "nb" -> "en"."""
    return _service_code(language, ISSO_LANGUAGES, _ISSO_ALIASES)


def _service_code(language: str, known: frozenset[str], aliases: Mapping[str, str]) -> str:
    """The whole tag if the service has it (any case, `_` or `-`), else an alias of the whole
    tag, else the primary subtag or its alias, else English."""
    tag = language.strip().replace("_", "-").lower()
    by_lower = {code.lower(): code for code in known}
    primary = tag.split("-", 1)[0]
    for candidate in (tag, primary):
        if candidate in by_lower:
            return by_lower[candidate]
        if candidate in aliases:
            return aliases[candidate]
    return FALLBACK
