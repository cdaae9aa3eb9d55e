"""The editors' config.yml covers every field of the tip format and is valid for Sveltia CMS."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from runform.content.settings import Strings
from runform.content.tip_schema import tip_schema
from runform.site.admin.assets import BUNDLES, SVELTIA, subresource_integrity
from runform.site.admin.config import config_yaml, github_repo, local_config, published_config

REPO = Path(__file__).resolve().parents[2]
ASSETS = REPO / ".cache" / "editor-assets"


def _assets() -> Path:
    if not ASSETS.is_dir():
        pytest.fail(f"{ASSETS} is missing: run `make editor-assets` (make test does it)")
    return ASSETS


def _schema_paths(schema: dict[str, Any]) -> set[str]:
    """Every property of tip.schema.json as a dotted path (list items: no index)."""
    defs = schema["$defs"]
    paths: set[str] = set()

    def walk(node: dict[str, Any], prefix: str) -> None:
        if "$ref" in node:
            walk(defs[node["$ref"].split("/")[-1]], prefix)
        for choice in node.get("anyOf", []):
            if "$ref" in choice or "properties" in choice:
                walk(choice, prefix)
        if node.get("type") == "array" and isinstance(node.get("items"), dict):
            walk(node["items"], prefix)
        for name, child in node.get("properties", {}).items():
            paths.add(prefix + name)
            walk(child, f"{prefix}{name}.")

    walk(schema, "")
    return paths


def _config_paths(fields: list[dict[str, Any]], prefix: str = "") -> set[str]:
    paths: set[str] = set()
    for field in fields:
        paths.add(prefix + field["name"])
        paths |= _config_paths(field.get("fields", []), f"{prefix}{field['name']}.")
    return paths


@pytest.mark.parametrize("which", ["local", "published"])
def test_every_field_of_the_tip_schema_is_in_the_editor_config(which: str) -> None:
    config = local_config() if which == "local" else published_config("coach/site")
    fields = config["collections"][0]["fields"]
    expected = _schema_paths(tip_schema()) - {"cta.text", "cta.label", "cta.url"}
    assert _config_paths(fields) == expected
    assert "cta" in _config_paths(fields)  # a flag in the form; its object form kept on save


def test_a_field_dropped_from_the_config_would_be_noticed() -> None:
    fields = local_config()["collections"][0]["fields"]
    without_drill_dose = [
        {**f, "fields": [g for g in f["fields"] if g["name"] != "dose"]}
        if f["name"] == "drill"
        else f
        for f in fields
    ]
    assert "drill.dose" not in _config_paths(without_drill_dose)
    assert "drill.dose" in _schema_paths(tip_schema())


def test_fields_carry_labels_hints_required_choices_and_rules() -> None:
    strings = Strings(common_faults="Fautes courantes", drill="Exercice", tip="Astuce")
    fields = {f["name"]: f for f in local_config(strings)["collections"][0]["fields"]}
    assert fields["title"] == {
        "name": "title",
        "label": "Title",
        "hint": "The tip's title. One line, up to 90 characters.",
        "widget": "string",
        "pattern": ["^.{1,90}$", "One line, up to 90 characters."],
        "required": True,
    }
    assert fields["date"]["widget"] == "datetime"
    assert fields["date"]["format"] == "YYYY-MM-DD"
    assert fields["date"]["time_format"] is False
    assert fields["faults"]["label"] == "Fautes courantes"
    assert fields["drill"]["label"] == "Exercice"
    assert fields["faults"]["required"] is False
    assert fields["rationale"]["required"] is True
    assert fields["rationale"]["min"] == 1
    notes = {f["name"]: f for f in fields["notes"]["fields"]}
    assert notes["kind"]["widget"] == "select"
    assert notes["kind"]["options"] == [
        {"label": "Note", "value": "note"},
        {"label": "Astuce", "value": "tip"},
        {"label": "Warning", "value": "warning"},
    ]
    drill = {f["name"]: f for f in fields["drill"]["fields"]}
    assert drill["steps"]["widget"] == "list"
    assert drill["steps"]["field"]["widget"] == "text"
    assert fields["tags"]["field"]["pattern"] == ["^.{1,40}$", "One line, up to 40 characters."]
    assert fields["tags"]["summary"] == drill["steps"]["summary"] == "{{fields.item}}"
    video = {f["name"]: f for f in fields["video"]["fields"]}
    assert video["poster"]["widget"] == "image"
    assert video["url"]["pattern"][0].startswith("^https?://")


def test_collection_names_files_by_date_and_slug_with_images_under_docs() -> None:
    config = published_config("coach/site")
    tips = config["collections"][0]
    assert (tips["folder"], tips["format"], tips["extension"]) == ("tips", "yml", "yml")
    assert tips["slug"] == "{{fields.date}}-{{slug}}"
    assert (config["media_folder"], config["public_folder"]) == ("docs/images", "images")
    assert config["backend"] == {
        "name": "github",
        "repo": "coach/site",
        "branch": "main",
        "auth_methods": ["token"],
    }
    assert config["output"] == {"omit_empty_optional_fields": True, "yaml": {"quote": "double"}}


def test_published_config_is_valid_for_sveltia_cms() -> None:
    schema_file = _assets() / SVELTIA.folder / "schema" / "sveltia-cms.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    config = yaml.safe_load(
        config_yaml(published_config("coach/site", site_url="https://c.example/"))
    )
    errors = [
        f"{list(e.path)}: {e.message}"
        for e in jsonschema.Draft7Validator(schema).iter_errors(config)
    ]
    assert errors == []


def test_sveltia_schema_catches_a_wrong_option() -> None:
    schema_file = _assets() / SVELTIA.folder / "schema" / "sveltia-cms.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    config = published_config("coach/site")
    config["collections"][0]["extention"] = "yml"  # a typo Sveltia would reject
    assert list(jsonschema.Draft7Validator(schema).iter_errors(config))


def test_local_copies_match_the_pinned_hashes() -> None:
    for bundle in BUNDLES:
        script = bundle.local_script(_assets())
        assert subresource_integrity(script.read_bytes()) == bundle.integrity, bundle.spec


@pytest.mark.parametrize(
    ("repo_url", "expected"),
    [
        ("https://github.com/coach/site", "coach/site"),
        ("https://github.com/coach/site.git", "coach/site"),
        ("https://github.com/coach/site/", "coach/site"),
        ("https://gitlab.com/coach/site", None),
        (None, None),
    ],
)
def test_github_repo_from_repo_url(repo_url: str | None, expected: str | None) -> None:
    assert github_repo(repo_url) == expected
