"""Editor support: the committed JSON Schema is current and describes every field; the
"Writing a tip" page documents every field of the tip format."""

from __future__ import annotations

import json
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from cli_runner import runform
from pydantic import BaseModel

from conftest import REPO
from runform.content.model import Tip
from runform.content.tip_schema import SCHEMA_COMMENT, SCHEMA_PATH, tip_schema_text

COMMITTED_SCHEMA = REPO / SCHEMA_PATH
WRITING_PAGE = REPO / "docs" / "writing-tips.md"


def field_paths(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Every key of the tip format, nested ones dotted: 'title', 'video.credit', ..."""
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        yield path
        for candidate in [info.annotation, *_args(info.annotation)]:
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                yield from field_paths(candidate, f"{path}.")


def _args(annotation: object) -> Iterator[object]:
    for arg in typing.get_args(annotation):
        yield arg
        yield from _args(arg)


FIELDS = sorted(set(field_paths(Tip)))


def test_the_committed_schema_is_current():
    assert COMMITTED_SCHEMA.is_file(), f"{SCHEMA_PATH} is missing: run `runform schema`"
    assert COMMITTED_SCHEMA.read_text(encoding="utf-8") == tip_schema_text(), (
        f"{SCHEMA_PATH} is out of date with runform/model.py: run `runform schema` and commit it"
    )


def schema_properties(schema: dict) -> Iterator[tuple[str, dict]]:
    for name, prop in schema.get("properties", {}).items():
        yield name, prop
    for model_name, definition in schema.get("$defs", {}).items():
        for name, prop in definition.get("properties", {}).items():
            yield f"{model_name}.{name}", prop


def test_every_schema_field_has_a_description_and_an_example():
    schema = json.loads(tip_schema_text())
    lacking = [
        name
        for name, prop in schema_properties(schema)
        if not prop.get("description") or not prop.get("examples")
    ]
    assert lacking == [], f"fields without a description or example in model.py: {lacking}"
    assert schema["additionalProperties"] is False, "unknown keys must be flagged by editors"


def test_optional_keys_do_not_accept_an_empty_value():
    """`teaser:` with nothing after it is refused by runform, so editors must flag it too."""
    text = tip_schema_text()
    assert '"type": "null"' not in text, "the schema lets an editor accept an empty value"


@pytest.mark.parametrize("path", sorted(REPO.glob("tips/*.yml")), ids=lambda p: p.name)
def test_example_tips_point_editors_at_the_schema(path: Path):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == SCHEMA_COMMENT, f"{path.name} must start with {SCHEMA_COMMENT!r}"


def test_the_writing_page_documents_every_field():
    text = WRITING_PAGE.read_text(encoding="utf-8")
    missing = [path for path in FIELDS if f"`{path}`" not in text]
    assert missing == [], f"{WRITING_PAGE.name} does not document: {missing}"


def test_the_writing_page_is_in_the_sites_navigation():
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    pages = [next(iter(item.values())) for item in config["nav"] if isinstance(item, dict)]
    assert "writing-tips.md" in pages, f"mkdocs.yml nav has no writing-tips.md: {pages}"


def test_runform_schema_check_fails_on_a_stale_file_and_schema_rewrites_it(tmp_path: Path):
    stale = tmp_path / "tip.schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    check = runform(tmp_path, "schema", "--output", str(stale), "--check")
    assert check.returncode == 1, "schema --check must fail on a stale file"
    assert runform(tmp_path, "schema", "--output", str(stale)).returncode == 0
    assert stale.read_text(encoding="utf-8") == tip_schema_text()
    assert runform(tmp_path, "schema", "--output", str(stale), "--check").returncode == 0
