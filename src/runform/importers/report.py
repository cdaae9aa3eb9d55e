"""What `runform import wordpress` prints: one line per post, then one summary line.

text: `imported post 101 "Heel Pick Up" -> tips/2019-05-17-heel-pick-up.yml (guessed: …)
(dropped: …)`, `skipped post 102 "Members only": password-protected`; every other kind of
item (attachments, menu items) as one count; then what was written. json: the same facts as
one object for tools.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Final

from runform.importers.wordpress import ImportPlan, PostResult

TEXT: Final = "text"
JSON: Final = "json"


@dataclass(frozen=True)
class ImportOutcome:
    """What was written (or, in a dry run, would have been)."""

    dry_run: bool
    tips_written: int
    posters_copied: int
    redirects_added: int
    redirects_file: str  # "redirects.yml"
    comments_to_isso: int | None  # None: comments were not asked for
    isso_db: str | None = None
    isso_already: tuple[tuple[str, int], ...] = ()  # (thread URI, comments it held already)


def format_report(plan: ImportPlan, outcome: ImportOutcome, fmt: str) -> str:
    if fmt == JSON:
        return _json(plan, outcome)
    lines = [_line(result, outcome) for result in plan.results]
    if plan.other_items:
        counts = ", ".join(f"{n} {kind}" for kind, n in sorted(plan.other_items.items()))
        lines.append(f"not posts, not imported: {counts}")
    if plan.common_terms:
        lines.append(_common_terms_line(plan.common_terms))
    for uri, count in outcome.isso_already:
        held = _count(count, "comment")
        lines.append(f"comments: Isso has {held} at {uri} already; not written again")
    lines.append(_summary(plan, outcome))
    return "\n".join(lines)


def _line(result: PostResult, outcome: ImportOutcome) -> str:
    name = f'{result.kind} {result.post_id} "{result.title}"'
    if not result.imported:
        parts = [f"skipped {name}: {result.reason}"]
        _comments_part(result, outcome, parts)
        return " ".join(parts)
    parts = [f"imported {name} -> {result.file}"]
    if result.guessed:
        parts.append(f"(guessed: {_counted(result.guessed)})")
    if result.dropped:
        parts.append(f"(dropped: {_counted(result.dropped)})")
    if result.poster:
        parts.append(f"(poster: docs/{result.poster})")
    if result.fetch:
        parts.append(f"(fetch {result.fetch} for the video poster: give --uploads)")
    _comments_part(result, outcome, parts)
    return " ".join(parts)


def _counted(phrases: Sequence[str]) -> str:
    """The phrases in the order they first came, each once: a repeated one with its count
    ("an image (12 times)"), so a post with many images reads in one glance."""
    return "; ".join(p if n == 1 else f"{p} ({n} times)" for p, n in Counter(phrases).items())


def _comments_part(result: PostResult, outcome: ImportOutcome, parts: list[str]) -> None:
    if result.comments:
        where = (
            "to Isso"
            if outcome.comments_to_isso is not None
            else "left behind: use --comments isso"
        )
        parts.append(f"({_count(result.comments, 'comment')} {where})")


def _common_terms_line(names: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{name}'" for name in names)
    if len(names) == 1:
        return f"tags: {quoted} is on every imported post, so no tip carries it as a tag"
    return f"tags: {quoted} are on every imported post, so no tip carries them as tags"


def _summary(plan: ImportPlan, outcome: ImportOutcome) -> str:
    imported = sum(1 for r in plan.results if r.imported)
    skipped = len(plan.results) - imported
    verb = "would be" if outcome.dry_run else "were"
    parts = [
        f"{_count(imported, 'tip')} imported, {_count(skipped, 'post')} skipped",
        f"{_count(outcome.redirects_added, 'redirect')} added to {outcome.redirects_file}",
    ]
    if outcome.posters_copied:
        parts.append(f"{_count(outcome.posters_copied, 'poster')} copied to docs/images/")
    if outcome.comments_to_isso is not None:
        parts.append(f"{_count(outcome.comments_to_isso, 'comment')} written to {outcome.isso_db}")
    text = "; ".join(parts) + "."
    if outcome.dry_run:
        return f"Dry run: nothing was written. {text}".replace(" were ", f" {verb} ")
    return text


def _json(plan: ImportPlan, outcome: ImportOutcome) -> str:
    data = {
        "posts": [asdict(result) for result in plan.results],
        "other_items": dict(sorted(plan.other_items.items())),
        "common_terms": list(plan.common_terms),
        "outcome": asdict(outcome),
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"
