"""Shared by the import tests: a project in tmp_path, an uploads folder, the command."""

from __future__ import annotations

from pathlib import Path

from cli_runner import runform
from PIL import Image

from conftest import Project, new_project

DATA = Path(__file__).resolve().parent / "data"
BLOG = DATA / "blog.xml"


def import_project(root: Path, timezone: str = "Pacific/Auckland") -> Project:
    """An empty coach's project (no tips) on `timezone`, as `runform init` leaves it."""
    project = new_project(root, example_tips=False)
    project.set_extra({"timezone": timezone})
    return project


def make_uploads(root: Path) -> Path:
    """A copy of wp-content/uploads/ with the featured image of post 101."""
    image = root / "2019" / "05" / "heel.jpg"
    image.parent.mkdir(parents=True)
    Image.new("RGB", (16, 9), (200, 50, 50)).save(image)
    return root


def run_import(project: Project, *args: str):
    return runform(project.root, "import", "wordpress", *args)
