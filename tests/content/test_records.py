"""The records the site reads (`runform.content.records`) are the validated models' values,
field for field; and a run that finds every tip and the settings in .cache/runform/ never
loads pydantic (the cache holds records, not models). Every run below is a real process in a
project folder; the probe reports whether pydantic was imported."""

from __future__ import annotations

import dataclasses
import enum
import json
import os
import pickle
import subprocess
import sys
import typing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cli_runner import AS_OF, runform
from pydantic import BaseModel

from conftest import VALID_TIPS, Project, new_project
from runform.content import records
from runform.content.catalog import parse_tip_file
from runform.content.model import Tip
from runform.content.parse_cache import PARSE_CACHE
from runform.content.settings import SiteSettings
from runform.content.site_config import SETTINGS_CACHE

# Runs one command the way `runform` or `mkdocs` would, then says whether pydantic is loaded
_PROBE = """
import json, sys
report, command = sys.argv[1], sys.argv[2:]
if command[0] == "mkdocs":
    from mkdocs.__main__ import cli
    try:
        cli.main(args=command[1:], standalone_mode=False)
        code = 0
    except SystemExit as stop:
        code = stop.code
else:
    from runform.cli import main
    code = main(command)
with open(report, "w", encoding="utf-8") as out:
    json.dump({"code": code, "pydantic": "pydantic" in sys.modules}, out)
"""


def _models(model: type[BaseModel], found: list[type[BaseModel]]) -> list[type[BaseModel]]:
    """`model` and every model its fields hold (in tuples, unions, Annotated), once each."""
    if model in found:
        return found
    found.append(model)

    def visit(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            _models(annotation, found)
        for argument in typing.get_args(annotation):
            visit(argument)

    for field in model.model_fields.values():
        visit(field.annotation)
    return found


@pytest.mark.parametrize("root", [Tip, SiteSettings], ids=["tip", "settings"])
def test_every_model_has_a_record_with_its_fields_in_order(root: type[BaseModel]) -> None:
    models = _models(root, [])
    assert len(models) >= 8
    for model in models:
        record = getattr(records, model.__name__, None)
        assert record is not None, f"records has no {model.__name__}"
        assert dataclasses.is_dataclass(record)
        names = [field.name for field in dataclasses.fields(record)]
        assert names == list(model.model_fields), model.__name__


def _values(value: Any) -> list[Any]:
    """`value` and every value inside it."""
    if dataclasses.is_dataclass(value):
        inner = [getattr(value, field.name) for field in dataclasses.fields(value)]
    elif isinstance(value, tuple):
        inner = list(value)
    else:
        inner = []
    return [value, *(found for item in inner for found in _values(item))]


def test_a_parsed_tip_is_records_all_the_way_down() -> None:
    path = sorted(VALID_TIPS.glob("*.yml"))[0]
    parsed = parse_tip_file(f"tips/{path.name}", path.name, path.read_bytes())
    assert parsed.tip is not None and not parsed.problems
    values = _values(parsed.tip)
    kinds = {type(value) for value in values}
    assert records.Tip in kinds and records.Cue in kinds and records.RationaleSection in kinds
    for value in values:
        assert not isinstance(value, BaseModel), value
        assert (
            dataclasses.is_dataclass(value)
            or isinstance(value, str | int | date | tuple | enum.Enum)
            or value is None
        ), type(value)
    # the properties the pages read work on the record
    with_video = [v for v in values if isinstance(v, records.Video)]
    if with_video:
        assert with_video[0].ref.provider


def _probe(root: Path, *command: str) -> dict[str, Any]:
    report = root.parent / f"{root.name}-probe.json"
    env = {**os.environ, "RUNFORM_AS_OF": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(report), *command],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in done.stderr, done.stderr
    found: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    found["stdout"] = done.stdout
    return found


@pytest.fixture
def project(tmp_path: Path) -> Project:
    made = new_project(tmp_path / "project")
    made.set_extra({"hashtag": "#FormFriday"})
    return made


@pytest.mark.parametrize(
    "command",
    [("check",), ("build", "--out", "out"), ("schedule",), ("mkdocs", "build", "-q")],
    ids=["check", "build", "schedule", "mkdocs-build"],
)
def test_a_warm_run_never_loads_pydantic(project: Project, command: tuple[str, ...]) -> None:
    cold = _probe(project.root, *command)
    assert (cold["code"], cold["pydantic"]) == (0, True)  # it parsed: the probe sees pydantic
    assert (project.root / PARSE_CACHE).is_file() and (project.root / SETTINGS_CACHE).is_file()
    warm = _probe(project.root, *command)
    assert (warm["code"], warm["pydantic"]) == (0, False)
    assert warm["stdout"] == cold["stdout"]


def test_a_changed_setting_is_read_again(project: Project) -> None:
    assert runform(project.root, "build", "--out", "site").returncode == 0
    home = (project.site / "index.html").read_text(encoding="utf-8")
    assert "#FormFriday" in home
    project.set_extra({"hashtag": "#StrideSunday"})
    changed = _probe(project.root, "build", "--out", "site")
    assert (changed["code"], changed["pydantic"]) == (0, True)
    home = (project.site / "index.html").read_text(encoding="utf-8")
    assert "#StrideSunday" in home and "#FormFriday" not in home


def test_a_settings_problem_after_a_cached_run_is_reported(project: Project) -> None:
    assert runform(project.root, "check").returncode == 0
    project.set_extra({"recent_count": 99})
    done = runform(project.root, "build", "--out", "site")
    assert done.returncode == 1
    line = next(n for n, text in enumerate(_config(project), 1) if "recent_count" in text)
    column = _config(project)[line - 1].index("recent_count") + 1
    assert f"mkdocs.yml:{line}:{column}: error: recent_count must be 50 or fewer" in done.stderr


def _config(project: Project) -> list[str]:
    return (project.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()


class _Payload:
    """What a hostile cache file would carry: a call to run on load."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, ("touch pwned",))


@pytest.mark.parametrize("content", ["garbage", "payload"])
def test_a_foreign_settings_cache_only_means_validating_again(
    project: Project, content: str
) -> None:
    assert runform(project.root, "check").returncode == 0
    cache = project.root / SETTINGS_CACHE
    cache.write_bytes(b"\x00not a pickle" if content == "garbage" else pickle.dumps(_Payload()))
    again = _probe(project.root, "build", "--out", "site")
    assert (again["code"], again["pydantic"]) == (0, True)
    assert not (project.root / "pwned").exists()
    assert "#FormFriday" in (project.site / "index.html").read_text(encoding="utf-8")
