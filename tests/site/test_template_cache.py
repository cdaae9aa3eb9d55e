"""Compiled templates are code: a build never runs one it finds in the project folder, where a
clone or a pull request could bring a file (the old `.cache/runform/templates/`)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache

from conftest import new_project
from runform.site import render


def test_a_compiled_template_in_the_project_folder_never_runs(tmp_path: Path) -> None:
    project = new_project(tmp_path / "p")
    marker = tmp_path / "ran"
    folder = project.root / ".cache" / "runform" / "templates"
    folder.mkdir(parents=True)
    crafted = FileSystemBytecodeCache(str(folder))
    environment = Environment(loader=render._ENVIRONMENT.loader)
    for name in ("tip.md.j2", "home.md.j2", "archive.md.j2"):
        source, filename, _ = environment.loader.get_source(environment, name)
        bucket = crafted.get_bucket(environment, name, filename, source)
        bucket.code = compile(f"open({str(marker)!r}, 'w').close()", filename or name, "exec")
        crafted.set_bucket(bucket)
    assert len(list(folder.iterdir())) == 3
    project.build_ok("2026-11-24")
    assert not marker.exists()
    assert '<h1 id="heel-pick-up">Heel Pick Up' in project.page("tips/heel-pick-up/")
