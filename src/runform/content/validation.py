"""pydantic `ValidationError` -> diagnostics at the YAML position of the offending key or value.

Used for tips and for the site settings alike. pydantic's error `type` is mapped to our words
with a dict, as pydantic's docs show for custom messages; our own field validators already
speak the coach's language (types starting with `runform_`) and carry a `hint` in their context.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from runform.content import records
from runform.content.diagnostics import START, Diagnostic, Position

ModelT = TypeVar("ModelT", bound=BaseModel)
Path = tuple[str | int, ...]

_MESSAGES: dict[str, str] = {
    "missing": "missing required key '{key}'",
    "extra_forbidden": "unknown key '{key}'",
    "tuple_type": "{key} must be a list of items, each on a line starting with '- '",
    "list_type": "{key} must be a list of items, each on a line starting with '- '",
    "too_short": "{key} needs at least {min_length} item",
    "model_type": "{key} must be a set of keys (such as 'name:') indented below it",
    "model_attributes_type": "{key} must be a set of keys (such as 'name:') indented below it",
    "dict_type": "{key} must be a set of keys indented below it",
    "enum": "{key} must be one of {expected}, not '{input}'",
    "bool_type": "{key} must be true or false",
    "bool_parsing": "{key} must be true or false, not '{input}'",
    "int_parsing": "{key} must be a whole number, not '{input}'",
    "int_type": "{key} must be a whole number",
    "greater_than_equal": "{key} must be {ge} or more",
    "less_than_equal": "{key} must be {le} or fewer",
    "string_type": "{key} must be text",
}
_HINTS: dict[str, str] = {
    "missing": "add '{key}:' here",
    "tuple_type": "write each item on its own line as '- item'",
    "list_type": "write each item on its own line as '- item'",
    "too_short": "add at least one item",
}


def validate_document(
    model: type[ModelT],
    data: Mapping[str, Any],
    *,
    path: str,
    positions: Mapping[Path, Position],
    value_positions: Mapping[Path, Position] | None = None,
    prefix: Path = (),
) -> tuple[ModelT | None, list[Diagnostic]]:
    """Validate `data`; on failure, one diagnostic per problem, placed at its YAML position.

    `prefix` is where `data` sits inside its file (`("extra", "runform")` in mkdocs.yml).
    """
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        locate = _Locator(data, positions, value_positions or positions, prefix)
        items = _without_follow_on_errors(error.errors())
        return None, [_diagnostic(model, item, path, locate) for item in items]


def _without_follow_on_errors(items: list[Any]) -> list[Any]:
    """pydantic also reports a list as too short when its only items are invalid: keep those."""
    locs = [tuple(item["loc"]) for item in items]
    return [
        item
        for item in items
        if item["type"] != "too_short"
        or not any(
            len(other) > len(item["loc"]) and other[: len(item["loc"])] == tuple(item["loc"])
            for other in locs
        )
    ]


def _diagnostic(model: type[BaseModel], item: Any, path: str, locate: _Locator) -> Diagnostic:
    kind = item["type"]
    keys = locate.data_path(item["loc"], kind)
    context = dict(item.get("ctx") or {})
    label = _label(keys)
    if kind == "extra_forbidden":
        label = str(keys[-1])
    if kind == "missing":
        label = str(item["loc"][-1])
        keys = (*keys, label)
    if kind.startswith("runform_"):
        message = f"{label} {item['msg']}"
        hint = context.get("hint")
    else:
        template = _MESSAGES.get(kind)
        fields = {"key": label, "input": item.get("input"), **context}
        message = template.format(**fields) if template else f"{label}: {item['msg']}"
        hint = _HINTS[kind].format(**fields) if kind in _HINTS else None
        if kind == "extra_forbidden":
            hint = _did_you_mean(str(keys[-1]), _allowed_keys(model, keys[:-1]))
    position = locate.position(keys, kind)
    return Diagnostic.at(path, position, message, hint)


def _label(keys: Path) -> str:
    """'video.url', 'cue.name': the key and the keys it sits under (list positions left out)."""
    names = [str(k) for k in keys if isinstance(k, str)]
    return ".".join(names) if names else "the file"


def _did_you_mean(key: str, allowed: Sequence[str]) -> str | None:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"allowed keys here: {', '.join(allowed)}" if allowed else None


class _Locator:
    """Turns a pydantic `loc` into the key path of the YAML data, and that into a position."""

    def __init__(
        self,
        data: Mapping[str, Any],
        positions: Mapping[Path, Position],
        value_positions: Mapping[Path, Position],
        prefix: Path,
    ) -> None:
        self._data = data
        self._positions = positions
        self._value_positions = value_positions
        self._prefix = prefix

    def data_path(self, loc: Sequence[str | int], kind: str) -> Path:
        """Follow `loc` through the data, dropping union tags that are not keys."""
        node: Any = self._data
        keys: list[str | int] = []
        last = len(loc) - 1 if kind == "missing" else len(loc)
        for segment in loc[:last]:
            if _has_child(node, segment):
                node = node[segment]
                keys.append(segment)
        return tuple(keys)

    def position(self, keys: Path, kind: str) -> Position:
        full = (*self._prefix, *keys)
        if kind == "missing":
            full = full[:-1]
            table = self._positions
        elif kind == "extra_forbidden":
            table = self._positions
        else:
            table = self._value_positions
        while full and full not in table:
            full = full[:-1]
        return table.get(full, START)


def _has_child(node: Any, segment: str | int) -> bool:
    if isinstance(node, Mapping):
        return segment in node
    return isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node)


def _allowed_keys(model: type[BaseModel], keys: Path) -> list[str]:
    """The field names of the (sub)model found at `keys`."""
    current: type[BaseModel] | None = model
    for key in keys:
        if current is None:
            return []
        if isinstance(key, int):
            continue
        field = current.model_fields.get(key)
        current = _model_in(field.annotation) if field else None
    return list(current.model_fields) if current else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_in(typing.get_args(annotation)[0])
    if origin in (tuple, list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if found := _model_in(arg):
                return found
    return None


def as_record(value: Any) -> Any:
    """A validated model (or a tuple of them) -> the class of the same name in
    `runform.content.records`, field by field in the model's order; other values as they
    are. Raises AttributeError for a model with no record (a test walks every model of the
    tip and the settings, so that never ships)."""
    if isinstance(value, BaseModel):
        record = getattr(records, type(value).__name__)
        return record(*(as_record(getattr(value, name)) for name in type(value).model_fields))
    if isinstance(value, tuple):
        return tuple(as_record(item) for item in value)
    return value
