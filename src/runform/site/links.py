"""Links a tip page offers beyond its own text: tagged booking links, share links, related tips.

- `with_utm`: a booking link to another site carries utm_source / utm_medium / utm_campaign,
  so the coach's analytics show which tip brought a booking. Fields the coach already put in
  the link win; mailto: and site paths are left alone.
- `share_links`: plain links to each network's own share page (no script of theirs).
- `RelatedTips`: the tips sharing the most tags with a tip, newest first among equals.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from runform.content.catalog import Entry
from runform.content.records import ShareNetwork, Strings

RELATED_COUNT = 3


def with_utm(url: str, *, source: str, medium: str, campaign: str) -> str:
    """`url` with the UTM fields added to its query; unchanged unless it is http(s)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return url
    present = {key for key, _ in parse_qsl(parts.query, keep_blank_values=True)}
    wanted = [("utm_source", source), ("utm_medium", medium), ("utm_campaign", campaign)]
    added = urlencode([(key, value) for key, value in wanted if key not in present])
    if not added:
        return url
    query = f"{parts.query}&{added}" if parts.query else added
    return urlunsplit(parts._replace(query=query))


@dataclass(frozen=True)
class ShareLink:
    network: str  # "email", "whatsapp", ...: names the icon
    label: str  # the accessible name, "Share on WhatsApp"
    url: str


def share_links(
    networks: Iterable[ShareNetwork],
    *,
    page_url: str,
    title: str,
    summary: str,
    hashtag: str,
    strings: Strings,
) -> tuple[ShareLink, ...]:
    """One link per network, to its share page with the tip's full address filled in."""
    address = quote(page_url, safe="")
    mail_body = quote(f"{summary}\n\n{page_url}", safe="")
    tag = hashtag.lstrip("#")
    targets = {
        ShareNetwork.EMAIL: (
            strings.share_email,
            f"mailto:?subject={quote(title, safe='')}&body={mail_body}",
        ),
        ShareNetwork.WHATSAPP: (
            strings.share_whatsapp,
            f"https://wa.me/?text={quote(f'{title} {page_url}', safe='')}",
        ),
        ShareNetwork.X: (
            strings.share_x,
            "https://x.com/intent/post?"
            + urlencode({"text": title, "url": page_url, **({"hashtags": tag} if tag else {})}),
        ),
        ShareNetwork.FACEBOOK: (
            strings.share_facebook,
            f"https://www.facebook.com/sharer/sharer.php?u={address}",
        ),
        ShareNetwork.LINKEDIN: (
            strings.share_linkedin,
            f"https://www.linkedin.com/sharing/share-offsite/?url={address}",
        ),
    }
    return tuple(ShareLink(network.value, *targets[network]) for network in dict.fromkeys(networks))


class RelatedTips:
    """Finds the tips sharing the most tags with a tip (case-insensitive), newest first among
    equals; tips sharing no tag are never related. Built once per site: a tag index, so each
    lookup visits only the tips that share a tag, counting them in C (`Counter`), and sorts
    only the few with the highest counts."""

    def __init__(self, candidates: Sequence[Entry]) -> None:
        # newest first, then by slug: a tip's place in this order breaks ties in the ranking
        self._entries = sorted(candidates, key=lambda e: (-e.tip.date.toordinal(), e.slug))
        self._place = {entry.slug: place for place, entry in enumerate(self._entries)}
        self._by_tag: dict[str, list[int]] = {}
        for place, entry in enumerate(self._entries):
            for tag in _tag_keys(entry):
                self._by_tag.setdefault(tag, []).append(place)

    def of(self, entry: Entry, count: int = RELATED_COUNT) -> list[Entry]:
        shared = Counter(chain.from_iterable(self._by_tag.get(t, ()) for t in _tag_keys(entry)))
        shared.pop(self._place.get(entry.slug, -1), None)
        ranked: list[int] = []
        for level in sorted(set(shared.values()), reverse=True):  # at most as many as tags
            ranked += sorted(place for place, n in shared.items() if n == level)
            if len(ranked) >= count:
                break
        return [self._entries[place] for place in ranked[:count]]


def _tag_keys(entry: Entry) -> set[str]:
    return {tag.casefold() for tag in entry.tip.tags}
