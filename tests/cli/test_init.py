"""`runform init`: a new site from a few questions, that needs nothing from this repository."""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yaml
from cli_runner import check_workflow, lines, runform
from preview_server import fetch, free_port, stop, wait_for

from conftest import REPO, minimal_tip

FLAGS = ("--yes", "--name", "Stride Lab", "--coach", "Stride Lab Running")


def _runform(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return runform(cwd, *args, as_of=None, stdin=stdin)


def _settings(site: Path) -> dict:
    return yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))


def test_yes_takes_the_defaults_and_the_site_checks_clean(tmp_path: Path) -> None:
    result = _runform(tmp_path, "init", "site", "--yes", "--timezone", "Europe/London")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    created = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    tips = [p for p in created if p.startswith("tips/")]
    assert created == sorted(
        [
            ".github/workflows/publish.yml",
            ".gitignore",
            "README.md",
            "docs/about.md",
            "docs/images/.gitkeep",
            "docs/index.md",
            "docs/tags.md",
            "hooks/runform_hooks.py",
            "mkdocs.yml",
            "requirements.txt",
            "schema/tip.schema.json",
            *tips,
        ]
    )
    assert len(tips) == 1
    for path in created:
        assert f"  {path}" in result.stdout, "init says what it created"
    config = _settings(site)
    assert config["site_name"] == "Running Form Friday"
    assert config["extra"]["runform"] == {
        "version": "0.1.0",
        "timezone": "Europe/London",
        "publish_weekday": "friday",
        "hashtag": "#RunFormFriday",
        "comments": {"provider": "none"},
    }
    assert "watch" not in config, "the preview watches runform's own files by itself"
    assert not any("src/" in line for line in (site / "mkdocs.yml").read_text().splitlines())
    tip = (site / tips[0]).read_text(encoding="utf-8")
    assert tip.startswith("# yaml-language-server: $schema=../schema/tip.schema.json\n")
    check = _runform(site, "check")
    assert lines(check.stdout) == ["runform: 1 tip checked, no problems."]
    assert (site / ".gitignore").read_text().splitlines()[1:3] == ["/site/", ".cache/"]


def test_every_question_has_a_flag(tmp_path: Path) -> None:
    result = _runform(
        tmp_path,
        "init",
        "site",
        *FLAGS,
        "--site-url",
        "https://stride.github.io/tips",
        "--timezone",
        "America/New_York",
        "--weekday",
        "Tuesday",
        "--language",
        "fr",
        "--booking-url",
        "https://stride.example/book",
        "--assessment-url",
        "mailto:coach@stride.example",
        "--repo",
        "stride/tips",
        "--comments",
        "isso",
        "--isso-url",
        "https://comments.stride.example/",
        "--runform-spec",
        "runform @ git+https://github.com/stride/runform@v0.1.0",
    )
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    config = _settings(site)
    assert (config["site_name"], config["copyright"]) == ("Stride Lab", "&copy; Stride Lab Running")
    assert config["site_url"] == "https://stride.github.io/tips/"
    assert config["repo_url"] == "https://github.com/stride/tips"
    assert config["theme"]["language"] == "fr"
    assert {"Work with us": "book.md"} in config["nav"]
    settings = config["extra"]["runform"]
    assert settings["timezone"] == "America/New_York"
    assert settings["publish_weekday"] == "tuesday"
    assert settings["booking"] == {
        "url": "https://stride.example/book",
        "assessment_url": "mailto:coach@stride.example",
    }
    assert settings["comments"] == {
        "provider": "isso",
        "isso": {"url": "https://comments.stride.example/"},
    }
    assert (site / "requirements.txt").read_text().splitlines()[-1] == (
        "runform @ git+https://github.com/stride/runform@v0.1.0"
    )
    workflow = yaml.safe_load((site / ".github/workflows/publish.yml").read_text())
    assert workflow[True]["schedule"] == [{"cron": "17 5 * * 2"}], "Tuesday in cron is 2"
    tip = next((site / "tips").glob("*.yml"))
    assert time.strptime(tip.name[:10], "%Y-%m-%d").tm_wday == 1, "the next Tuesday"
    check = _runform(site, "check")
    assert lines(check.stdout) == ["runform: 1 tip checked, no problems."]
    readme = (site / "README.md").read_text(encoding="utf-8")
    assert "### Signing in (once per browser)" in readme, "--repo: the editor's sign-in steps"
    assert "runform edit" in readme


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        (
            "--timezone",
            "Europe/Londno",
            "runform: --timezone: timezone 'Europe/Londno' is not a time zone"
            " (did you mean 'Europe/London'?)",
        ),
        (
            "--booking-url",
            "javascript:alert(1)",
            "runform: --booking-url: booking.url 'javascript:alert(1)' is not a web address"
            " (use an address starting with https://… or mailto:…)",
        ),
        (
            "--language",
            "klingon",
            "runform: --language: 'klingon' is not a language Material for MkDocs knows"
            " (use a code such as en, fr or pt-BR)",
        ),
        (
            "--weekday",
            "fryday",
            "runform: --weekday: publish_weekday must be one of 'monday', 'tuesday', 'wednesday',"
            " 'thursday', 'friday', 'saturday' or 'sunday', not 'fryday'",
        ),
        (
            "--timezone",
            "London",
            "runform: --timezone: timezone 'London' is not a time zone"
            " (did you mean 'Europe/London'?)",
        ),
        (
            "--booking-url",
            "www.stride.example/book",
            "runform: --booking-url: booking.url 'www.stride.example/book' is not a web address"
            " (write it in full: https://www.stride.example/book)",
        ),
        (
            "--comments",
            "disqus",
            "runform: --comments: comments.provider must be one of 'none', 'giscus' or 'isso',"
            " not 'disqus'",
        ),
    ],
    ids=["timezone", "javascript-url", "language", "weekday", "city", "no-scheme", "comments"],
)
def test_a_bad_flag_is_refused_with_the_settings_words(
    tmp_path: Path, flag: str, value: str, message: str
) -> None:
    result = _runform(tmp_path, "init", "site", *FLAGS, flag, value)
    assert (result.returncode, result.stderr.strip()) == (1, message)
    assert not (tmp_path / "site").exists(), "nothing is written"


def test_questions_are_asked_and_a_bad_answer_asked_again(tmp_path: Path) -> None:
    answers = [
        "Quick Feet",  # site name
        "",  # coach: the site name
        "",  # site address: later
        "Europe/Londno",  # a typo ...
        "Europe/London",  # ... asked again
        "",  # weekday: friday
        "",  # language: en
        "https://quick.example/book",
        "",  # assessment: none
        "",  # repository: none
        "",  # comments: none
        "",  # runform spec: the default
    ]
    result = _runform(tmp_path, "init", "site", stdin="\n".join(answers) + "\n")
    assert result.returncode == 0, result.stderr
    assert (
        "  timezone 'Europe/Londno' is not a time zone (did you mean 'Europe/London'?);"
        " try again." in result.stdout
    )
    config = _settings(tmp_path / "site")
    assert (config["site_name"], config["copyright"]) == ("Quick Feet", "&copy; Quick Feet")
    assert config["extra"]["runform"]["timezone"] == "Europe/London"
    assert config["extra"]["runform"]["booking"] == {"url": "https://quick.example/book"}


def test_init_never_overwrites(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "docs").mkdir(parents=True)
    (site / "docs" / "index.md").write_text("# Mine\n", encoding="utf-8")
    result = _runform(tmp_path, "init", "site", "--yes")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"runform: {site} already has docs/index.md; nothing was written"
        " (run runform init in a new folder)"
    )
    assert sorted(p.name for p in site.rglob("*")) == ["docs", "index.md"]
    assert (site / "docs" / "index.md").read_text(encoding="utf-8") == "# Mine\n"


def test_the_generated_workflow_is_valid_and_installs_the_pinned_spec(tmp_path: Path) -> None:
    spec = "runform @ https://example.com/runform-0.1.0-py3-none-any.whl"
    assert _runform(tmp_path, "init", "site", "--yes", "--runform-spec", spec).returncode == 0
    workflow = tmp_path / "site" / ".github" / "workflows" / "publish.yml"
    result = check_workflow(workflow)
    assert result.returncode == 0, result.stdout
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    runs = [step.get("run", "") for step in data["jobs"]["build"]["steps"]]
    assert "python -m pip install -r requirements.txt" in runs
    assert any(run.startswith("runform publish --out site") for run in runs), runs
    assert data["jobs"]["deploy"]["if"] == "needs.build.outputs.deploy == 'true'"
    assert data["jobs"]["email"]["needs"] == "deploy", "the email edition: only after a deploy"
    email_runs = [step.get("run", "") for step in data["jobs"]["email"]["steps"]]
    assert "python -m pip install -r requirements.txt" in email_runs
    assert (tmp_path / "site" / "requirements.txt").read_text().splitlines()[-1] == spec


def test_version_and_an_older_runform_is_warned_about(tmp_path: Path) -> None:
    version = _runform(tmp_path, "--version")
    assert version.stdout.strip() == "runform 0.1.0"
    assert _runform(tmp_path, "init", "site", "--yes").returncode == 0
    config = tmp_path / "site" / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('version: "0.1.0"', 'version: "9.2.0"'), encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "version:" in row)
    check = _runform(tmp_path / "site", "check")
    assert check.returncode == 0
    assert lines(check.stdout)[0] == (
        f"mkdocs.yml:{line}:5: warning: this site was made with runform 9.2.0, but runform"
        " 0.1.0 is installed (install the version requirements.txt names:"
        " python -m pip install -r requirements.txt)"
    )


# -- the package stands alone: a wheel in a fresh venv, no repository on the path ---------------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    uv = Path(sys.executable).with_name("uv")
    subprocess.run(
        [str(uv), "build", "--wheel", "--out-dir", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (built,) = out.glob("runform-*.whl")
    return built


def test_the_wheel_ships_templates_theme_and_site_template(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for wanted in (
        "runform/templates/tip.md.j2",
        "runform/theme/main.html",
        "runform/theme/partials/comments.html",
        "runform/theme/assets/runform/runform.js",
        "runform/site_template/mkdocs.yml.j2",
        "runform/site_template/workflows/publish.yml.j2",
        "runform/site_template/tips/example.yml.j2",
        "runform/site_template/hooks/runform_hooks.py.j2",
        "runform/mkdocs_glue.py",
        "runform/cli/init.py",
        "runform/editor/SIGNING_IN.md",
    ):
        assert wanted in names, wanted
    assert not any(name.startswith(("tests/", "bench/")) for name in names)


def test_a_coach_installs_the_wheel_and_starts_a_site_without_this_repository(
    wheel: Path, tmp_path: Path
) -> None:
    uv = Path(sys.executable).with_name("uv")
    venv = tmp_path / "venv"
    subprocess.run([str(uv), "venv", "-q", "--python", sys.executable, str(venv)], check=True)
    subprocess.run(
        [str(uv), "pip", "install", "-q", "--python", str(venv / "bin" / "python"), str(wheel)],
        check=True,
        timeout=600,
    )
    runform = venv / "bin" / "runform"
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    work = tmp_path / "elsewhere"
    work.mkdir()

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(runform), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
        )

    init = run("init", "my-site", "--yes", "--timezone", "UTC", cwd=work)
    assert init.returncode == 0, init.stderr
    site = work / "my-site"
    assert "src/runform" not in (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert run("check", cwd=site).returncode == 0
    new = run("new", "Relaxed Arms", cwd=site)
    assert new.returncode == 0, new.stderr
    (written,) = (site / "tips").glob("*-relaxed-arms.yml")
    day = written.name[:10]
    written.write_text(  # the coach fills in the keys `new` left empty
        minimal_tip("Relaxed Arms", day) + 'tags: ["arms"]\n', encoding="utf-8"
    )
    assert run("check", cwd=site).returncode == 0
    build = run("build", "--as-of", day, cwd=site)
    assert build.returncode == 0, build.stderr
    assert (site / "site" / "tips" / "heel-pick-up" / "index.html").is_file()
    assert (site / "site" / "tips" / "relaxed-arms" / "index.html").is_file()
    assert str(REPO) not in (site / "site" / "index.html").read_text(encoding="utf-8")
    port = free_port()
    server = subprocess.Popen(
        [str(runform), "serve", "--dev-addr", f"127.0.0.1:{port}", "--as-of", day],
        cwd=site,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(f"{base}/tips/relaxed-arms/", lambda status, _: status == 200, 120, "the tip")
        status, home = fetch(f"{base}/", timeout=5)
        assert status == 200 and "Relaxed Arms" in home and "Heel Pick Up" in home
    finally:
        stop(server)
