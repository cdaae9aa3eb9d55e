"""A tip drafted from an imported post -> the text of its YAML file, checked as `runform check`
would, and written only where no file is.

Contract:
- `tip_yaml(draft)` writes keys in the order `runform new` uses. Every one-line value is a
  double-quoted scalar (JSON string syntax, which YAML reads the same), so `no`, `12:30` or a
  date in a title stays text; Markdown of more than one line is a `|` block. Characters YAML
  forbids are dropped, line and paragraph separators become line breaks (in Markdown) or
  spaces (in one-line values), tabs become spaces (a tab in a line's indentation is an error
  for the reader). Only `date`, `draft` and `kind` are written bare, with values that are
  exactly what the model wants.
- `check_tip_text(text, display)` reads the text back with runform's own reader and model and
  returns their errors: the importer writes nothing that `runform check` would refuse.
- `write_new_file(path, text)` never overwrites (`open(..., "x")`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from runform.content.catalog import parse_tip_text
from runform.content.diagnostics import Diagnostic
from runform.content.tip_schema import SCHEMA_COMMENT

_NON_PRINTABLE: Final = re.compile(
    "[^\x09\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_LINE_BREAKS: Final = re.compile("\r\n|[\r\x85\u2028\u2029]")


@dataclass(frozen=True)
class VideoDraft:
    url: str
    title: str
    start: int | None = None  # seconds
    poster: str | None = None  # a path under docs/


@dataclass(frozen=True)
class DrillDraft:
    name: str
    steps: tuple[str, ...]  # Markdown
    dose: str | None = None


@dataclass(frozen=True)
class TipDraft:
    """Every key an imported tip may have, as plain values (Markdown where the tip has it)."""

    title: str
    date: date
    summary: str
    cue: str
    rationale: tuple[tuple[str, str], ...]  # (heading, Markdown body)
    tags: tuple[str, ...] = ()
    intro: str | None = None
    video: VideoDraft | None = None
    faults: tuple[tuple[str, str], ...] = ()  # (name, Markdown fix)
    drill: DrillDraft | None = None
    notes: tuple[str, ...] = ()
    draft: bool = False
    source: str = ""  # one line for the file's comment, e.g. "WordPress post 1412"


def tip_yaml(tip: TipDraft) -> str:
    """The YAML text of `tip`; see the module's contract."""
    lines = [SCHEMA_COMMENT]
    if tip.source:
        lines.append(f"# Imported from {_line(tip.source)}: check what the import guessed.")
    lines.append(f"title: {_quoted(tip.title)}")
    lines.append(f"date: {tip.date.isoformat()}")
    lines.append(f"summary: {_quoted(tip.summary)}")
    if tip.tags:
        lines.append("tags:")
        lines.extend(f"  - {_quoted(tag)}" for tag in tip.tags)
    if tip.intro:
        lines.extend(_markdown("intro", tip.intro, ""))
    lines.append("cue:")
    lines.append(f"  name: {_quoted(tip.cue)}")
    if tip.video is not None:
        video = tip.video
        lines.append("video:")
        lines.append(f"  url: {_quoted(video.url)}")
        lines.append(f"  title: {_quoted(video.title)}")
        if video.start:
            lines.append(f"  start: {_quoted(_clock(video.start))}")
        if video.poster:
            lines.append(f"  poster: {_quoted(video.poster)}")
    lines.append("rationale:")
    for heading, body in tip.rationale:
        lines.append(f"  - heading: {_quoted(heading)}")
        lines.extend(_markdown("body", body, "    "))
    if tip.faults:
        lines.append("faults:")
        for name, fix in tip.faults:
            lines.append(f"  - name: {_quoted(name)}")
            lines.extend(_markdown("fix", fix, "    "))
    if tip.drill is not None:
        lines.append("drill:")
        lines.append(f"  name: {_quoted(tip.drill.name)}")
        lines.append("  steps:")
        for step in tip.drill.steps:
            lines.extend(_markdown("", step, "    ", item=True))
        if tip.drill.dose:
            lines.append(f"  dose: {_quoted(tip.drill.dose)}")
    if tip.notes:
        lines.append("notes:")
        for note in tip.notes:
            lines.append("  - kind: note")
            lines.extend(_markdown("text", note, "    "))
    if tip.draft:
        lines.append("draft: true")
    return "\n".join(lines) + "\n"


def check_tip_text(text: str, display: str) -> list[Diagnostic]:
    """The errors `runform check` would report for this one file's text (none, normally),
    read and validated by the catalog's own parser (file name rules aside)."""
    parsed = parse_tip_text(text.encode("utf-8"), display)
    return [d for d in parsed.problems if d.is_error]


def write_new_file(path: Path, text: str) -> bool:
    """Create `path` with `text`; False (and nothing written) when it exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except FileExistsError:
        return False
    return True


def clean_text(text: str) -> str:
    """Text YAML can hold: no forbidden characters, `\\n` line breaks, no tabs."""
    text = _LINE_BREAKS.sub("\n", text).replace("\t", "    ")
    return _NON_PRINTABLE.sub("", text)


def _line(text: str) -> str:
    return " ".join(clean_text(text).split())


def _quoted(text: str) -> str:
    return json.dumps(_line(text), ensure_ascii=False)


def _markdown(key: str, text: str, indent: str, *, item: bool = False) -> list[str]:
    body = clean_text(text).strip("\n")
    body = "\n".join(
        line.rstrip() if not line.endswith("  ") else line for line in body.split("\n")
    )
    lead = f"{indent}- " if item else f"{indent}{key}: "
    if "\n" not in body:
        return [f"{lead}{_quoted(body)}"]
    child = indent + "  "
    lines = [f"{lead}|"]
    for line in body.lstrip(" ").split("\n"):
        lines.append(f"{child}{line}" if line.strip() else "")
    return lines


def _clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
