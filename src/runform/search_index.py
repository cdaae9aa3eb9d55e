"""Material's search index, trimmed to what finds a tip.

Material copies a page's tags onto every section entry of the page, so each tip carried its
tags six or seven times in the index that every page load fetches. The tip's first entry
keeps them; that is all search needs to find the tip by a tag (tags are boosted there).
"""

from __future__ import annotations

import json
from typing import Any

TIP_PREFIX = "tips/"


def trim_search_index(text: str) -> str:
    """Material's `search_index.json` with tags only on each tip page's first entry."""
    index: dict[str, Any] = json.loads(text)
    for entry in index.get("docs", []):
        location = str(entry.get("location", ""))
        if location.startswith(TIP_PREFIX) and "#" in location:
            entry.pop("tags", None)
    return json.dumps(index, separators=(",", ":"))
