"""The tip format as a JSON Schema, generated from the pydantic model, for editors.

Editors (VS Code with Red Hat YAML, and others speaking the YAML language server) read
`schema/tip.schema.json` through the first line of a tip file,
`# yaml-language-server: $schema=../schema/tip.schema.json`, and then offer completion,
hover help (each field's description and example) and red squiggles as the coach types.

pydantic writes the schema; two changes make it say what the YAML reader accepts:
- an optional key takes a value or is left out: `teaser:` with nothing after it is refused,
  so the `null` choice pydantic adds for `X | None` is removed;
- pydantic's generated per-field titles ("Title", "Credit Url") are dropped: the editor shows
  the key itself, and the description says the rest.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

from runform.content.model import Tip

SCHEMA_PATH: Final = Path("schema") / "tip.schema.json"
SCHEMA_COMMENT: Final = f"# yaml-language-server: $schema=../{SCHEMA_PATH.as_posix()}"
_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
_NULL: Final = {"type": "null"}


def tip_schema() -> dict[str, Any]:
    """The JSON Schema of one tip file."""
    generated = Tip.model_json_schema()
    schema: dict[str, Any] = {
        "$schema": _DIALECT,
        "title": "runform tip",
        "description": (
            "One weekly running-technique tip: a YAML file in tips/ named YYYY-MM-DD-slug.yml."
        ),
    }
    schema.update({key: value for key, value in generated.items() if key != "title"})
    return _tidy(schema)


def tip_schema_text() -> str:
    """The schema as the committed file holds it: 2-space JSON with a final newline."""
    return json.dumps(tip_schema(), indent=2, ensure_ascii=False) + "\n"


def _tidy(node: Any) -> Any:
    if isinstance(node, list):
        return [_tidy(item) for item in node]
    if not isinstance(node, dict):
        return node
    tidy = {key: _tidy(value) for key, value in node.items()}
    if "properties" in tidy:
        tidy["properties"] = {
            name: _field_schema(schema) for name, schema in tidy["properties"].items()
        }
    return tidy


def _field_schema(schema: dict[str, Any]) -> dict[str, Any]:
    field = {key: value for key, value in schema.items() if key != "title"}
    choices = field.get("anyOf")
    if isinstance(choices, list) and _NULL in choices:
        rest = [choice for choice in choices if choice != _NULL]
        del field["anyOf"]
        field.pop("default", None)
        if len(rest) == 1:
            field = {**rest[0], **field}
        else:
            field["anyOf"] = rest
    return field


def write_schema_if_stale(path: Path) -> bool:
    """Write the schema to `path` unless it already holds it; True when written."""
    text = tip_schema_text()
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True
