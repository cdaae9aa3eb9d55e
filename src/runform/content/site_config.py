"""`extra.runform` of mkdocs.yml -> SiteSettings, with problems at their line in mkdocs.yml.

Shared by the MkDocs glue (which gets the mapping from MkDocs' config) and the command line
(which reads mkdocs.yml itself, so `runform check` starts without loading MkDocs).
"""

from __future__ import annotations

from typing import Any

from runform.content.diagnostics import START, ContentError, Diagnostic
from runform.content.reader import compose_positions
from runform.content.settings import SiteSettings
from runform.content.validation import validate_document

SETTINGS_PREFIX = ("extra", "runform")


def read_site_settings(raw: Any, *, config_text: str, display: str) -> SiteSettings:
    """Validate the `extra.runform` mapping; raises ContentError with every problem."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        position = compose_positions(config_text).get(SETTINGS_PREFIX, START)
        raise ContentError(
            [
                Diagnostic.at(
                    display, position, "extra.runform must be a set of keys", "see the README"
                )
            ]
        )
    settings, problems = validate_document(
        SiteSettings,
        raw,
        path=display,
        positions=compose_positions(config_text),
        prefix=SETTINGS_PREFIX,
    )
    if settings is None:
        raise ContentError(problems)
    return settings
