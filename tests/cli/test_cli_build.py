"""`runform build`: as-of publishing, a summary line, no half-written site on failure, and
no tip held while MkDocs renders."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from cli_runner import lines, runform

from conftest import weekly_tips

RELAXED_ARMS = "tips/relaxed-arms/index.html"  # scheduled for Friday 2026-11-27


def test_build_as_of_a_friday_publishes_that_days_tip(make_project):
    project = make_project()
    before = runform(project.root, "build", "--as-of", "2026-11-26")
    assert before.returncode == 0, before.stderr
    assert not (project.site / RELAXED_ARMS).exists(), "published a day early"
    result = runform(project.root, "build", "--as-of", "2026-11-27")
    assert result.returncode == 0, result.stderr
    assert (project.site / RELAXED_ARMS).is_file(), "the tip of 2026-11-27 was not published"
    assert not (project.site / "tips/midfoot-landing/index.html").exists(), "a draft leaked"
    assert lines(result.stdout) == [
        f"Site built in {project.site}: 3 tips published, 0 scheduled, 1 draft"
        " (as of 2026-11-27; only published tips are in the site)."
    ]


def test_an_unfinished_draft_left_out_is_named(make_project):
    unfinished = "title: Cadence Myths\ndate: 2026-12-11\nsummary:\ndraft: true\n"
    project = make_project({"2026-12-11-cadence-myths.yml": unfinished})
    result = runform(project.root, "build", "--as-of", "2026-11-27")
    assert result.returncode == 0, result.stderr
    assert lines(result.stdout) == [
        f"Site built in {project.site}: 3 tips published, 0 scheduled, 1 draft"
        " (as of 2026-11-27; only published tips are in the site).",
        "Note: 1 unfinished draft not counted above, left out until it validates:"
        " tips/2026-12-11-cadence-myths.yml (runform check lists what it lacks).",
    ]


def test_build_out_writes_elsewhere(make_project, tmp_path):
    project = make_project()
    out = tmp_path / "elsewhere" / "public"
    result = runform(project.root, "build", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "index.html").is_file()
    assert not project.site.exists()


def test_a_strict_warning_leaves_the_old_site_untouched(make_project):
    project = make_project()
    assert runform(project.root, "build").returncode == 0
    home = (project.site / "index.html").read_bytes()
    (project.root / "docs" / "tags.md").write_text("[broken](missing.md)\n", encoding="utf-8")
    result = runform(project.root, "build", "--as-of", "2026-11-27")
    assert result.returncode == 1, "a strict-mode warning must fail the build"
    assert "missing.md" in result.stderr and "Traceback" not in result.stderr
    assert lines(result.stderr)[-1].startswith(
        f"runform: the build failed, so {project.site} was left as it was:"
    )
    assert (project.site / "index.html").read_bytes() == home, "the old site was changed"
    assert not (project.site / RELAXED_ARMS).exists()
    leftovers = [p.name for p in project.root.iterdir() if p.name.startswith(".site")]
    assert leftovers == [], f"staging folders left behind: {leftovers}"


def test_a_broken_tip_stops_the_build_before_mkdocs_runs(make_project):
    project = make_project({"2026-12-11-typo.yml": "title: Typo\ncues: x\n"})
    result = runform(project.root, "build")
    assert result.returncode == 1
    assert lines(result.stderr) == [
        "tips/2026-12-11-typo.yml:1:1: error: missing required key 'date' (add 'date:' here)",
        "tips/2026-12-11-typo.yml:1:1: error: missing required key 'summary' (add 'summary:' here)",
        "tips/2026-12-11-typo.yml:1:1: error: missing required key 'cue' (add 'cue:' here)",
        "tips/2026-12-11-typo.yml:1:1: error: missing required key 'rationale'"
        " (add 'rationale:' here)",
        "tips/2026-12-11-typo.yml:2:1: error: unknown key 'cues' (did you mean 'cue'?)",
        "runform: 5 errors found; nothing was built.",
    ]
    assert not project.site.exists()


def test_build_refuses_to_replace_the_docs_folder(make_project):
    project = make_project()
    result = runform(project.root, "build", "--out", "docs")
    assert result.returncode == 1
    assert "cannot hold the site" in result.stderr
    assert (project.root / "docs" / "index.md").is_file()


def test_a_site_without_site_url_is_told_what_it_lacks(make_project):
    project = make_project()
    project.update_config({"site_url": None})
    result = runform(project.root, "build", "--out", "out")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "Note: mkdocs.yml sets no site_url, so the site has no feeds, share links or full"
        " addresses for social cards: set it to the address the site is published at."
    )
    with_url = make_project()
    assert "Note:" not in runform(with_url.root, "build", "--out", "out").stdout


# A coach's own hook that counts, while MkDocs renders the theme (on_env comes after every
# page is converted), the tips still alive in the process.
_COUNTING_HOOK = """\
import gc
from pathlib import Path

from runform.content.catalog import Entry
from runform.content.model import Tip


def on_env(env, config, files):
    gc.unfreeze()  # a build freezes what lives when it starts: count those too
    gc.collect()
    alive = [o for o in gc.get_objects() if isinstance(o, (Entry, Tip))]
    Path(config.config_file_path).with_name("alive.txt").write_text(str(len(alive)))
    return env
"""


@pytest.mark.parametrize("command", ["build", "publish"])
def test_the_build_lets_go_of_the_tips_once_their_pages_are_rendered(make_project, command):
    """The catalog is handed to the build, not kept by the command: while MkDocs holds every
    page (a build's peak memory), no tip is held any more."""
    project = make_project(weekly_tips(date(2026, 8, 28), 12))  # published by 2026-11-24
    (project.root / "hooks" / "counting.py").write_text(_COUNTING_HOOK, encoding="utf-8")
    config = yaml.safe_load((project.root / "mkdocs.yml").read_text(encoding="utf-8"))
    project.update_config({"hooks": [*config["hooks"], "hooks/counting.py"]})
    result = runform(project.root, command, "--out", "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project.root / "alive.txt").read_text() == "0"
    assert len(list((project.root / "site" / "tips").glob("tip-*/index.html"))) == 12
