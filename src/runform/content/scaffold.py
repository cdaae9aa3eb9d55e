"""`runform new`: the next free publish day, the file name, and a skeleton of every field.

The skeleton is written from the model itself (each field's description and example), so it
never falls behind the tip format. Required keys the command cannot fill are left empty:
`runform check` and every build refuse an empty value ("summary is empty"), so an unfinished
tip cannot be published by accident. Optional keys are commented out with an example.
"""

from __future__ import annotations

import json
import textwrap
import typing
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Final

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from runform.content.model import Tip
from runform.content.paths import file_name_date, tip_file_name  # noqa: F401 (re-exported)
from runform.content.settings import Weekday
from runform.content.tip_schema import SCHEMA_COMMENT

# The order a coach writes in: what it is, when, the pitch, then the body in the order the
# page shows it (the cue box, then the intro), then switches.
FIELD_ORDER: Final = (
    "title",
    "date",
    "summary",
    "teaser",
    "tags",
    "cue",
    "intro",
    "video",
    "rationale",
    "faults",
    "drill",
    "muscles",
    "notes",
    "slug",
    "draft",
    "comments",
    "cta",
)
_WIDTH: Final = 96


class TipExists(Exception):
    """The file `runform new` would write is already there; it is never overwritten."""


def taken_dates(tips_dir: Path) -> set[date]:
    """Days that already have a tip file, read from the file names (broken tips count too)."""
    days: set[date] = set()
    if not tips_dir.is_dir():
        return days
    for path in tips_dir.iterdir():
        if (day := file_name_date(path.name)) is not None:
            days.add(day)
    return days


def next_free_publish_day(today: date, weekday: Weekday, taken: Iterable[date]) -> date:
    """The first publish weekday from `today` on (today included) with no tip yet."""
    busy = set(taken)
    day = today + timedelta(days=(weekday.index - today.weekday()) % 7)
    while day in busy:
        day += timedelta(days=7)
    return day


def write_new_tip(path: Path, text: str) -> None:
    """Create `path` with `text`; refuses when the file exists (never overwrites)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as stream:
            stream.write(text)
    except FileExistsError:
        raise TipExists(path) from None


def tip_skeleton(title: str, day: date, video_url: str | None = None) -> str:
    """The new file's text: the schema line, then every field, described."""
    lines = [
        SCHEMA_COMMENT,
        "# A new tip. Keys left empty must be filled in before it can be published: run",
        "# `runform check` to see what is missing. Remove the '# ' before an optional key",
        "# to use it. The 'Writing a tip' page of the site's docs describes every key.",
        "",
    ]
    filled: dict[str, Any] = {"title": title, "date": day}
    if video_url is not None:
        filled["video"] = {"url": video_url}
    fields = Tip.model_fields
    for name in [*FIELD_ORDER, *(key for key in fields if key not in FIELD_ORDER)]:
        lines.extend(_field_lines(name, fields[name], filled.get(name), indent=""))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _field_lines(name: str, info: FieldInfo, value: Any, indent: str) -> list[str]:
    lines = _comment(info.description or "", indent)
    if value is not None and not isinstance(value, dict):
        lines.append(f"{indent}{name}: {_scalar(value)}")
        return lines
    model = _model_of(info.annotation)
    is_list = typing.get_origin(info.annotation) is tuple
    if value is None and not info.is_required():
        example = (info.examples or [None])[0]
        lines.extend(_commented_example(name, example, indent))
        return lines
    if model is None:
        lines.append(f"{indent}{name}:")
        return lines
    lines.append(f"{indent}{name}:")
    child_indent = indent + ("    " if is_list else "  ")
    children: list[str] = []
    for child_name, child_info in model.model_fields.items():
        child_value = (value or {}).get(child_name)
        children.extend(_field_lines(child_name, child_info, child_value, child_indent))
    if is_list:  # one item: its first key starts with '- ', its comments sit above the dash
        first = next(i for i, line in enumerate(children) if not line.lstrip().startswith("#"))
        for i in range(first):
            children[i] = f"{indent}  {children[i].lstrip()}"
        children[first] = f"{indent}  - {children[first].lstrip()}"
    lines.extend(children)
    return lines


def _comment(text: str, indent: str) -> list[str]:
    if not text:
        return []
    width = max(_WIDTH - len(indent) - 2, 40)
    return [f"{indent}# {line}" for line in textwrap.wrap(text, width)]


def _commented_example(name: str, example: Any, indent: str) -> list[str]:
    if example is None:
        return [f"{indent}# {name}:"]
    if isinstance(example, dict | list):
        if isinstance(example, list) and all(isinstance(item, str) for item in example):
            items = yaml.safe_dump(example, allow_unicode=True, default_flow_style=True)
            return [f"{indent}# {name}: {items.strip()}"]
        dumped = yaml.safe_dump(
            {name: example}, sort_keys=False, allow_unicode=True, default_flow_style=False
        )
        return [f"{indent}# {line}" for line in dumped.rstrip("\n").splitlines()]
    return [f"{indent}# {name}: {_scalar(example)}"]


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)  # JSON strings are YAML strings


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None
