"""`runform build`: as-of publishing, a summary line, and no half-written site on failure."""

from __future__ import annotations

from cli_runner import lines, runform

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
