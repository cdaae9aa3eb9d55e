"""Shared fixtures: build real sites with real `mkdocs build`, only ever inside tmp_path."""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SITE_TEMPLATE = DATA / "site"
VALID_TIPS = DATA / "tips" / "valid"


@dataclass
class Project:
    """A coach's project in tmp_path: mkdocs.yml, docs/, tips/, hooks/."""

    root: Path

    @property
    def tips(self) -> Path:
        return self.root / "tips"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def write_tip(self, name: str, text: str) -> Path:
        path = self.tips / name
        path.write_text(text, encoding="utf-8")
        return path

    def set_extra(self, settings: Mapping[str, Any]) -> None:
        """Merge `settings` into `extra.runform` of mkdocs.yml."""
        config_path = self.root / "mkdocs.yml"
        config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
        config.setdefault("extra", {}).setdefault("runform", {}).update(settings)
        config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")

    def update_config(self, changes: Mapping[str, Any]) -> None:
        config_path = self.root / "mkdocs.yml"
        config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
        config.update(changes)
        config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")

    def build(
        self,
        as_of: str = "2026-11-24",
        *,
        env: Mapping[str, str] | None = None,
        strict: bool = True,
    ) -> subprocess.CompletedProcess[str]:
        """Run a real `mkdocs build`; returns the finished process (check .returncode)."""
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(self.root / "mkdocs.yml"),
        ]
        if strict:
            command.append("--strict")
        full_env = {**os.environ, "RUNFORM_AS_OF": as_of, "NO_MKDOCS_2_WARNING": "1"}
        full_env.update(env or {})
        return subprocess.run(
            command, cwd=self.root, env=full_env, capture_output=True, text=True, timeout=300
        )

    def build_ok(self, as_of: str = "2026-11-24", **kwargs: Any) -> Path:
        result = self.build(as_of, **kwargs)
        assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
        return self.site

    def page(self, url_path: str) -> str:
        """HTML of a built page, by URL path such as 'tips/heel-pick-up/'."""
        target = self.site / url_path
        if url_path.endswith("/") or not url_path:
            target = target / "index.html"
        return target.read_text(encoding="utf-8")


def new_project(
    root: Path, tips: Mapping[str, str] | None = None, *, example_tips: bool = True
) -> Project:
    shutil.copytree(SITE_TEMPLATE, root, dirs_exist_ok=True)
    (root / "hooks").mkdir(exist_ok=True)
    shutil.copy2(REPO / "hooks" / "runform_hooks.py", root / "hooks" / "runform_hooks.py")
    (root / "tips").mkdir(exist_ok=True)
    if example_tips:
        for path in VALID_TIPS.glob("*.yml"):
            shutil.copy2(path, root / "tips" / path.name)
    project = Project(root)
    for name, text in (tips or {}).items():
        project.write_tip(name, text)
    return project


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Project]:
    """Factory: make_project(tips={...}, example_tips=True) -> Project in tmp_path."""
    counter = iter(range(1000))

    def factory(tips: Mapping[str, str] | None = None, *, example_tips: bool = True) -> Project:
        return new_project(tmp_path / f"project{next(counter)}", tips, example_tips=example_tips)

    return factory


@pytest.fixture
def make_site(make_project: Callable[..., Project]) -> Callable[..., Project]:
    """Factory: make_site(tips={...}, as_of=..., settings={...}) -> a Project already built."""

    def factory(
        tips: Mapping[str, str] | None = None,
        *,
        as_of: str = "2026-11-24",
        settings: Mapping[str, Any] | None = None,
        example_tips: bool = True,
        env: Mapping[str, str] | None = None,
    ) -> Project:
        project = make_project(tips, example_tips=example_tips)
        if settings:
            project.set_extra(settings)
        project.build_ok(as_of, env=env)
        return project

    return factory


def minimal_tip(title: str = "A Test Tip", day: str = "2026-11-20", **extra: str) -> str:
    """The smallest valid tip, as YAML text; `extra` adds raw `key: value` lines."""
    lines = [
        f"title: {json.dumps(title)}",
        f"date: {day}",
        'summary: "A one-line summary for the test tip."',
        "cue:",
        '  name: "Test cue"',
        "rationale:",
        '  - heading: "Why it matters"',
        "    body: |",
        "      Because it does.",
    ]
    lines += [f"{key}: {value}" for key, value in extra.items()]
    return "\n".join(lines) + "\n"


def weekly_tips(first: date, count: int, *, step_weeks: int = 1) -> dict[str, str]:
    """`count` minimal tips a week apart from `first` (backwards with step_weeks=-1),
    named as a coach would: {"2026-11-20-tip-0.yml": <yaml>, ...}, titled "Tip 0", "Tip 1"..."""
    days = [(first + timedelta(weeks=n * step_weeks)).isoformat() for n in range(count)]
    return {f"{day}-tip-{n}.yml": minimal_tip(f"Tip {n}", day) for n, day in enumerate(days)}


def parse_calls(profile: cProfile.Profile, name: str = "_parse_tip") -> int:
    """How many times a runform function ran under `profile`: the tip parser
    (runform.content.catalog._parse_tip) by default, or e.g. the YAML reader ("read_yaml_text")."""
    stats = pstats.Stats(profile)
    return sum(
        calls[1]
        for (file, _line, function), calls in stats.stats.items()  # type: ignore[attr-defined]
        if function == name and "runform" in file
    )


@pytest.fixture
def site_value(tmp_path: Path) -> Callable[..., Any]:
    """Factory: site_value(tips={...}, settings={...}, as_of="2026-11-24", site_url=...) -> the
    frozen SiteBuild that `runform.site.build.build_site` decides, without running MkDocs.
    For feeds, <head> tags, search entries and pages; keep full builds for what MkDocs does."""
    from runform.content.catalog import load_catalog
    from runform.content.settings import SiteSettings
    from runform.site.build import SiteInputs, build_site
    from runform.site.pages import SiteContext

    counter = iter(range(1000))

    def factory(
        tips: Mapping[str, str] | None = None,
        *,
        settings: Mapping[str, Any] | None = None,
        as_of: str = "2026-11-24",
        site_url: str = "https://coach.example/",
        example_tips: bool = True,
        preview: bool = False,
        use_directory_urls: bool = True,
        posters: bool = False,
    ) -> Any:
        root = tmp_path / f"value{next(counter)}"
        (root / "tips").mkdir(parents=True)
        (root / "docs" / "images").mkdir(parents=True)
        if posters:  # every poster a tip names, as an empty file under docs/images/
            for text in (tips or {}).values():
                for line in text.splitlines():
                    if line.strip().startswith("poster: "):
                        (root / "docs" / line.split(": ", 1)[1].strip()).touch()
        if example_tips:
            for path in VALID_TIPS.glob("*.yml"):
                shutil.copy2(path, root / "tips" / path.name)
        for name, text in (tips or {}).items():
            (root / "tips" / name).write_text(text, encoding="utf-8")
        catalog = load_catalog(root / "tips", root=root, docs_dir=root / "docs")
        assert not catalog.errors, [str(d) for d in catalog.errors]
        site = SiteContext(
            site_name="Test Running Club",
            site_url=site_url,
            use_directory_urls=use_directory_urls,
        )
        return build_site(
            SiteSettings.model_validate({"cards": {"enabled": False}, **dict(settings or {})}),
            catalog,
            date.fromisoformat(as_of),
            SiteInputs(site=site, root=root),
            preview=preview,
        )

    return factory
