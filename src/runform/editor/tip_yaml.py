"""runform's own YAML writer for tips, and the normalising of what an editor saves.

An editor (Decap CMS) writes a tip with its own YAML 1.2 serializer: `title: no` and
`start: 1:30` unquoted (text in YAML 1.2, a yes/no value and a number in YAML 1.1, which
runform's reader follows and refuses), the date as a bare `2026-11-27`, empty optional fields
as `""`, and no schema line. `normalize_editor_yaml` reads that text as YAML 1.2 (ruamel.yaml,
which implements 1.2; PyYAML is 1.1) and writes it again with `dump_tip`:

- the `# yaml-language-server` schema line first, then the keys in the order `runform new`
  writes them (nested keys in model order; keys runform does not know last, kept for
  `runform check` to point at);
- every text double-quoted on one line (JSON escapes, which YAML shares), or as a literal
  block (`|`, `|-`, `|+`) when it has line breaks and no character a block cannot hold
  as it is; flags `true`/`false`; the date bare (`2026-11-27`); whole numbers bare;
- empty optional values (`""`, `[]`, `{}`, null) left out, as if never filled in.

`dump_tip` is deterministic and `read(dump_tip(data)) == data`, so a tip saved twice is
byte-for-byte the same, and the meaning of a hand-written tip is kept (comments and the
hand-written layout are not).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date, datetime
from io import StringIO
from typing import Any, Final

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from runform.content.model import Tip
from runform.content.scaffold import FIELD_ORDER
from runform.content.tip_schema import SCHEMA_COMMENT

_INDENT: Final = "  "
# What a literal block scalar cannot hold as it is: tabs and carriage returns (the reader
# refuses tab indentation), other control and non-printable characters, and Unicode line
# separators (YAML reads them as line breaks).
_NOT_IN_BLOCK: Final = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


class EditorYamlError(ValueError):
    """The editor's text is not a YAML mapping; the message says why, in one line."""


def read_editor_yaml(text: str) -> dict[str, Any]:
    """Text an editor wrote, read with YAML 1.2 rules, as plain data (dates as YYYY-MM-DD)."""
    reader = YAML(typ="safe", pure=True)
    reader.version = (1, 2)
    try:
        data = reader.load(StringIO(text))
    except YAMLError as error:
        raise EditorYamlError(" ".join(str(error).split())) from None
    if not isinstance(data, dict):
        raise EditorYamlError("the tip is not a mapping of keys such as 'title:'")
    return _plain(data)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


def prune_empty(value: Any) -> Any:
    """`value` without empty strings, lists, mappings and nulls, at any depth."""
    if isinstance(value, dict):
        pruned = {key: prune_empty(item) for key, item in value.items()}
        return {key: item for key, item in pruned.items() if not _is_empty(item)}
    if isinstance(value, list):
        pruned_items = [prune_empty(item) for item in value]
        return [item for item in pruned_items if not _is_empty(item)]
    return value


def normalize_editor_yaml(text: str) -> str:
    """What an editor saved -> the same tip in runform's own layout (see the module doc)."""
    return dump_tip(prune_empty(read_editor_yaml(text)))


def dump_tip(data: Mapping[str, Any]) -> str:
    """A tip's data as runform writes it: the schema line, then every key in order."""
    lines = [SCHEMA_COMMENT]
    lines.extend(_mapping_lines(data, Tip, ""))
    return "\n".join(lines) + "\n"


def _ordered_keys(data: Mapping[str, Any], owner: type[BaseModel] | None) -> list[str]:
    known = list(FIELD_ORDER) if owner is Tip else list(owner.model_fields) if owner else []
    if owner is Tip:
        known += [name for name in Tip.model_fields if name not in known]
    return [k for k in known if k in data] + [k for k in data if k not in known]


def _child_model(owner: type[BaseModel] | None, key: str) -> type[BaseModel] | None:
    if owner is None or key not in owner.model_fields:
        return None
    pending = [owner.model_fields[key].annotation]
    while pending:  # the first model inside X | None, tuple[X, ...], Union[bool, X], ...
        annotation = pending.pop(0)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        pending.extend(getattr(annotation, "__args__", ()))
    return None


def _mapping_lines(
    data: Mapping[str, Any], owner: type[BaseModel] | None, indent: str
) -> list[str]:
    lines: list[str] = []
    for key in _ordered_keys(data, owner):
        head = f"{indent}{_key(key)}:"
        lines.extend(_entry_lines(head, data[key], owner, key, indent))
    return lines


def _entry_lines(
    head: str, value: Any, owner: type[BaseModel] | None, key: str, indent: str
) -> list[str]:
    """`head` is `key:` or `- ` (a list item); the value follows on the line or below it."""
    child = _child_model(owner, key)
    inner = indent + _INDENT
    if isinstance(value, dict):
        if not value:
            return [f"{head} {{}}"]
        return [head, *_mapping_lines(value, child, inner)]
    if isinstance(value, list):
        if not value:
            return [f"{head} []"]
        lines = [head]
        for item in value:
            lines.extend(_item_lines(item, child, inner))
        return lines
    return _scalar_lines(head, value, inner, bare_date=owner is Tip and key == "date")


def _item_lines(item: Any, owner: type[BaseModel] | None, indent: str) -> list[str]:
    """One list item at `indent`: `- value`, or `- key: ...` with the mapping's other keys
    lined up under its first."""
    if isinstance(item, dict) and item:
        body = _mapping_lines(item, owner, indent + _INDENT)
        first = body[0][len(indent) + len(_INDENT) :]
        return [f"{indent}- {first}", *body[1:]]
    if isinstance(item, list) and item:
        body = [line for sub in item for line in _item_lines(sub, None, indent + _INDENT)]
        return [f"{indent}- {body[0].lstrip()}", *body[1:]]
    return _entry_lines(f"{indent}-", item, None, "", indent)


def _scalar_lines(head: str, value: Any, inner: str, *, bare_date: bool) -> list[str]:
    if isinstance(value, bool):
        return [f"{head} {'true' if value else 'false'}"]
    if isinstance(value, int):
        return [f"{head} {value}"]
    if value is None:
        return [f"{head} null"]
    text = str(value)
    if bare_date and _is_iso_date(text):
        return [f"{head} {text}"]
    if "\n" in text and _fits_block(text):
        return [f"{head} |{_chomping(text)}", *_block_lines(text, inner)]
    return [f"{head} {_quoted(text)}"]


def _is_iso_date(text: str) -> bool:
    try:
        return date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _quoted(text: str) -> str:
    """Double-quoted: JSON's escapes are YAML's; U+2028/9 and U+0085 escaped as YAML needs."""
    quoted = json.dumps(text, ensure_ascii=False)
    return quoted.replace("\u2028", "\\L").replace("\u2029", "\\P").replace("\x85", "\\N")


def _key(key: str) -> str:
    return key if re.fullmatch(r"[a-z_][a-z0-9_]*", key) else _quoted(key)


def _fits_block(text: str) -> bool:
    """A literal block holds `text` exactly: no character it cannot hold, no leading space
    on the first line (it would need an indentation indicator), no whitespace-only line."""
    if _NOT_IN_BLOCK.search(text) or text.startswith(" ") or text.startswith("\n"):
        return False
    return all(line.strip() or not line for line in text.split("\n"))


def _chomping(text: str) -> str:
    if not text.endswith("\n"):
        return "-"
    return "+" if text.endswith("\n\n") else ""


def _block_lines(text: str, inner: str) -> list[str]:
    body = text[:-1] if text.endswith("\n") else text
    return [f"{inner}{line}" if line else "" for line in body.split("\n")]
