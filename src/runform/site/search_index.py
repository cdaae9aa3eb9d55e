"""The search index entries of tip pages, made from the tips themselves.

Every page load fetches Material's whole search index, so what it holds is paid on every first
visit. Material builds it by parsing each page's HTML. Tip pages opt out of that
(`search: exclude` in their front matter) and runform writes their entries from the tip's
fields instead: what a reader searches for, and none of the body text.

- the tip's own entry (its URL): title, summary, cue, rationale headings, muscles, and the tags
  (Material boosts tags highest, so a tag search ranks the tip first);
- "Common faults" (a deep link to that heading): the names of the faults;
- "Drill: <name>" (a deep link to that heading).

Building them from the model costs nothing per page, where parsing 500 tip pages' HTML was
about a fifth of a build. Section anchors come from the page's table of contents, so they are
the ids MkDocs gave the headings.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from html import escape
from typing import Any

from runform.content.records import Strings, Tip


@dataclass(frozen=True)
class SearchEntry:
    location: str  # site-relative URL, "#anchor" for a section
    title: str  # plain text
    paragraphs: tuple[str, ...] = ()  # plain text, each shown as a paragraph of the result
    tags: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """Material's entry. Its results put title, text and each tag in as HTML, so all three
        are escaped here."""
        entry: dict[str, Any] = {
            "location": self.location,
            "title": escape(self.title, quote=False),
            "text": " ".join(f"<p>{escape(p, quote=False)}</p>" for p in self.paragraphs),
        }
        if self.tags:
            entry["tags"] = [escape(tag, quote=False) for tag in self.tags]
        return entry


@dataclass(frozen=True)
class TipSearch:
    """What a tip page's entries say, before its URL and heading ids are known (small: a
    build keeps this, not the tip, until MkDocs has laid the page out)."""

    entry: SearchEntry  # the tip's own entry, its location still empty
    sections: tuple[tuple[int, SearchEntry], ...]  # (position among the `##` headings, entry)

    def entries(self, *, url: str, heading_ids: Sequence[str]) -> tuple[SearchEntry, ...]:
        """`heading_ids`: the ids of the page's `##` headings in order, from its table of
        contents; a section whose heading has no id links to the page itself."""

        def located(entry: SearchEntry, position: int) -> SearchEntry:
            anchor = heading_ids[position] if position < len(heading_ids) else ""
            return replace(entry, location=f"{url}#{anchor}" if anchor else url)

        own = replace(self.entry, location=url)
        return (own, *(located(entry, position) for position, entry in self.sections))


def tip_search(tip: Tip, strings: Strings) -> TipSearch:
    """A tip's entries. Its `##` headings are the rationale sections, then the faults, then
    the drill (tip.md.j2)."""
    lead = [tip.summary, tip.cue.name]
    if tip.cue.say:
        lead.append(tip.cue.say)
    lead += [section.heading for section in tip.rationale]
    lead += tip.muscles
    sections: list[tuple[int, SearchEntry]] = []
    position = len(tip.rationale)
    if tip.faults:
        names = tuple(fault.name for fault in tip.faults)
        sections.append((position, SearchEntry("", strings.common_faults, names)))
        position += 1
    if tip.drill:
        sections.append((position, SearchEntry("", f"{strings.drill}: {tip.drill.name}")))
    own = SearchEntry("", tip.title, tuple(lead), tip.tags)
    return TipSearch(own, tuple(sections))


def add_tip_entries(index_text: str, entries: Iterable[SearchEntry]) -> str:
    """Material's `search_index.json` with the tips' entries added after its own."""
    index: dict[str, Any] = json.loads(index_text)
    index["docs"] = [*index.get("docs", []), *(entry.as_json() for entry in entries)]
    return json.dumps(index, separators=(",", ":"), ensure_ascii=False)
