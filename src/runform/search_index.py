"""Material's search index, trimmed to what finds a tip.

Every page load fetches the whole index, so its size is paid on every first visit. Tip bodies
are already kept out (`data-search-exclude` in the templates). Two things remain that Material
repeats for each section of a page, and this trims them for tip pages:
- the page's tags, copied onto every section entry: the tip's first entry keeps them, which is
  all search needs to find the tip by a tag (tags are boosted there);
- a section entry whose text is empty (a rationale heading over an excluded body): its heading
  moves into the tip's first entry, so searching for it still finds the tip.
"""

from __future__ import annotations

import json
from typing import Any

TIP_PREFIX = "tips/"


def trim_search_index(text: str) -> str:
    """Material's `search_index.json`, trimmed as described above for entries under tips/."""
    index: dict[str, Any] = json.loads(text)
    kept: list[dict[str, Any]] = []
    first_entries: dict[str, dict[str, Any]] = {}
    for entry in index.get("docs", []):
        location = str(entry.get("location", ""))
        page, _, section = location.partition("#")
        if not location.startswith(TIP_PREFIX) or page == TIP_PREFIX:
            kept.append(entry)
            continue
        if not section:
            first_entries[page] = entry
            kept.append(entry)
            continue
        entry.pop("tags", None)
        first = first_entries.get(page)
        if first is not None and not entry.get("text"):
            first["text"] = f"{first.get('text', '')} <p>{entry.get('title', '')}</p>".strip()
            continue
        kept.append(entry)
    index["docs"] = kept
    return json.dumps(index, separators=(",", ":"))
