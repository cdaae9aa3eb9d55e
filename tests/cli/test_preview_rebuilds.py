"""The preview rebuilds only the generated pages whose content changed since its last build."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from conftest import Project
from runform import mkdocs_glue


def generate(project: Project, site_dir: Path) -> dict[str, bool]:
    """One preview rebuild's file list: src_uri -> will MkDocs rebuild it in a dirty build?"""
    config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(site_dir))
    config = config.plugins.on_config(config)  # MkDocs' own event runner, with our hook in it
    files = config.plugins.on_files(Files([]), config=config)
    modified = {}
    for file in files:
        if file.is_documentation_page():
            Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
            Path(file.abs_dest_path).write_text("built", encoding="utf-8")  # as a build would
            modified[file.src_uri] = file.is_modified()
    return modified


@pytest.fixture
def serving(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("RUNFORM_AS_OF", "2026-11-24")
    mkdocs_glue.on_startup(command="serve", dirty=True)
    yield
    mkdocs_glue.on_startup(command="build", dirty=False)
    mkdocs_glue._state.page_digests.clear()


def test_saving_one_tip_rebuilds_it_and_the_pages_that_show_it(
    make_project, tmp_path: Path, serving
) -> None:
    project = make_project()
    site_dir = tmp_path / "preview-site"
    first = generate(project, site_dir)
    assert all(first.values()), "the first build builds every page"
    assert not any(generate(project, site_dir).values()), "nothing changed, nothing rebuilt"

    tip = project.tips / "2026-11-13-cadence-quick-feet.yml"
    tip.write_text(
        tip.read_text("utf-8").replace("Quick Feet, Shorter Stride", "Quick Feet"), "utf-8"
    )
    rebuilt = {uri for uri, modified in generate(project, site_dir).items() if modified}
    assert rebuilt == {
        "tips/cadence-quick-feet.md",  # the edited tip
        "tips/heel-pick-up.md",  # its newer neighbour links to it by title
        "tips/index.md",  # the archive lists it
        "tips/2026/index.md",  # and so does its year's page
        "index.md",  # home lists it under recent tips
        "tips/midfoot-landing.md",  # a previewed draft sharing its 'stride' tag lists it
        "tags/cadence/index.md",  # the pages of its tags list it by title
        "tags/drills/index.md",
        "tags/stride/index.md",
    }, "only the edited tip and the pages showing its title are rebuilt"
