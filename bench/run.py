"""Benchmark runform against plain Material pages of the same content, on content of varied shape.

    python bench/run.py                 N = 100, 500; three seeds chosen for this run; 3 rounds
    python bench/run.py --full          adds N = 2000
    python bench/run.py --seeds 1 2 3   these seeds (each seed writes tips of its own shape)
    python bench/run.py --quick         N = 10, one seed, one round, no warm-up (< 60 s)
    python bench/run.py --blog          also Material's blog plugin (slow: ~16 s a build at 500)

Per seed and N, each round runs, as separate child processes and interleaved:
  runform  `runform build` in the runform project (what a coach runs; `--out site`)
  plain    `mkdocs build` of the same tips as plain Material pages
  deploy   the runform commands of .github/workflows/publish.yml's build job in order, each its
           own process (today one: `runform publish --out site --summary ...`, which checks,
           builds, writes the schedule and keeps the email state)
  check    `runform check`, what a coach runs before pushing
Wall time, CPU time and peak RSS (os.wait4, per child) are recorded. Then, once per run: the
tip parser's calls per tip in each deploy command (cProfile), a first visit to a tip page in
Chromium over a gzip static server (every request), and save-to-served in `runform serve`.

Prints a table and writes <out>/<date>.json. Exit status: 0 when everything ran (targets met or
not), 1 when a command, the browser or the preview failed or runform cannot be run, 2 on bad
arguments.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import itertools
import json
import os
import platform
import pstats
import random
import re
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from importlib import metadata
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

import yaml
from generate import FIXED_DATE, REPO, Projects, write_projects

TOOLS = ("runform", "plain", "deploy", "blog")
LABELS = {
    "runform": "runform build",
    "plain": "plain Material",
    "deploy": "deploy path",
    "blog": "Material blog",
    "check": "runform check",
    "check_cold": "runform check, no parse cache",
}
BUILD_TIMEOUT_S = 900.0
# runform.content.parse_cache.PARSE_CACHE: tips parsed by earlier runs, in the project
PARSE_CACHE = Path(".cache/runform/tips.pickle")
SERVE_START_TIMEOUT_S = 300.0
SERVE_EDIT_TIMEOUT_S = 60.0
WORKFLOW = REPO / ".github/workflows/publish.yml"
# The functions whose calls count as reading / validating a tip (cProfile, by function name in
# runform's own code). A rename in src/ must be followed here: the count then fails loudly.
PARSE_FUNCTIONS = {"read_yaml_text": "YAML reads", "validate_document": "validations"}
# `make test` runs --quick on this seed: fixed, so the test is repeatable, and one whose shape
# has every optional part (faults, notes, posters, tips without video or drill, internal links)
QUICK_SEED = 248

# The goals of issue 17; `limit` is what the measured value must not exceed. Ratios and times
# are judged on the worst seed (the largest per-seed median).
TARGETS = {
    "build_vs_plain": ("runform build / plain Material at N=500 (worst seed)", 1.0),
    "build_vs_plain_stretch": ("stretch: runform build / plain Material at N=500", 0.8),
    "rss_vs_plain": ("runform build / plain Material peak RSS at N=500 (worst seed)", 1.3),
    "per_tip_flat": ("per-tip ms 500->2000 over 100->500, runform build (worst seed)", 1.25),
    "deploy_vs_plain": ("deploy path / plain Material at N=500 (worst seed)", 1.2),
    "parses_per_tip": ("tip YAML reads or validations per tip in one process, N=500", 1.0),
    "check_500": ("`runform check` of 500 tips, s (worst seed)", 0.5),
    "save_to_served": ("save-to-served in the preview at N=500, s", 1.0),
    "first_visit_kb": ("first visit to a tip page at N=500, KB gzip transferred (worst seed)", 150),
    "search_per_tip": ("search index KB per tip at N=500 (worst seed)", 1.0),
    "build_vs_blog": ("runform build / blog plugin at N=500 (worst seed)", 0.45),
    # at least, not at most: every page, every run, at N=500 and the largest N
    "lighthouse_performance": ("Lighthouse mobile performance, lowest run of any page", 0.95),
    "lighthouse_accessibility": ("Lighthouse accessibility, lowest run of any page", 1.0),
}
AT_LEAST = frozenset({"lighthouse_performance", "lighthouse_accessibility"})
LIGHTHOUSE = REPO / ".cache/lighthouse/node_modules/.bin/lighthouse"  # `make bench` installs it


# ---------------------------------------------------------------------------------------------
# Child processes


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"  # Material's end-of-life banner
    env["RUNFORM_AS_OF"] = FIXED_DATE.isoformat()  # the newest synthetic tip is published
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO / "src"), env.get("PYTHONPATH", "")) if p
    )
    env.pop("PYTHONSTARTUP", None)
    return env


@dataclass
class Run:
    seconds: float  # wall time
    rss_mb: float
    ok: bool
    error: str = ""
    cpu_s: float = 0.0  # user + system time of the child: less sensitive to other load
    sys_s: float = 0.0  # system time alone
    steps: dict[str, float] = field(default_factory=dict)  # deploy: seconds of each command


def _gnu_time() -> str | None:
    """GNU time (Debian's `time` package), when it works: it reports a child's own peak RSS."""
    path = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").is_file() else None)
    if path is None:
        return None
    with tempfile.NamedTemporaryFile("r") as out:
        probe = subprocess.run(
            [path, "-f", "%M", "-o", out.name, "true"], capture_output=True, check=False
        )
        return path if probe.returncode == 0 and out.read().strip().isdigit() else None


GNU_TIME = _gnu_time()
# Peak RSS from os.wait4 is not the child's own: at exec Linux keeps the high-water mark of the
# forking process (this benchmark, 30-100 MB once Playwright is loaded) in the child's maxrss.
# GNU time forks the command from a 2 MB process and reports the command's own peak.
RSS_SOURCE = "GNU time %M (the command's own)" if GNU_TIME else "os.wait4 (includes the bench's)"


def run_child(cmd: list[str], *, cwd: Path, env: dict[str, str], timeout: float) -> Run:
    """Run cmd to completion: wall time, CPU time (os.wait4) and peak RSS (GNU time when
    installed, see RSS_SOURCE). On timeout the whole process group is killed."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rss_file:
        wrapped = [GNU_TIME, "-f", "%M", "-o", rss_file.name, *cmd] if GNU_TIME else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(
            wrapped,
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,
        )
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        reported = rss_file.read().strip().splitlines()
    rss_mb = usage.ru_maxrss / 1024
    if GNU_TIME and reported and reported[-1].isdigit():
        rss_mb = int(reported[-1]) / 1024
    ok = proc.returncode == 0 and not timed_out.is_set()
    error = ""
    if not ok:
        lines = [
            line
            for line in stderr.strip().splitlines()
            if line.strip() and not line.startswith("Command exited with non-zero status")
        ]
        reason = "timed out" if timed_out.is_set() else f"exit {proc.returncode}"
        error = f"{reason}: {' | '.join(lines[-3:])[:400]}"
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds=seconds, rss_mb=rss_mb, ok=ok, error=error, cpu_s=cpu, sys_s=usage.ru_stime)


def runform_command(*args: str) -> list[str]:
    """`runform ARGS...` as `python -m runform`: no installed console script needed, and it
    works whether the CLI is a module or a package."""
    return [sys.executable, "-m", "runform", *args]


class RunformUnavailable(Exception):
    """runform's CLI cannot be run: the benchmark stops (exit 1) rather than skip its column."""


def require_runform(env: dict[str, str], commands: list[str]) -> None:
    """`python -m runform COMMAND --help` must work for every command the benchmark runs."""
    for command in ["", *commands]:
        cmd = runform_command(*([command] if command else []), "--help")
        probe = subprocess.run(
            cmd, env=env, cwd=REPO, capture_output=True, text=True, check=False, timeout=120
        )
        if probe.returncode != 0:
            tail = " | ".join((probe.stderr or probe.stdout).strip().splitlines()[-3:])
            raise RunformUnavailable(f"`{shlex.join(cmd[1:])}` exited {probe.returncode}: {tail}")


def deploy_commands(workflow: Path = WORKFLOW) -> list[list[str]]:
    """The runform commands of the publish workflow's build job (what runs before the deploy;
    the email job runs after it, on its own machine), in order, as argument lists (today one:
    `runform publish --out site --summary "$GITHUB_STEP_SUMMARY" ...`). A folded `>-` block
    is one command; `$NAME` arguments stay as written (`deploy` gives them files)."""
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    commands: list[list[str]] = []
    for step in data["jobs"]["build"].get("steps", []):
        text = str(step.get("run", ""))
        lines = text.splitlines() if "\n" in text.strip() else [" ".join(text.split())]
        for line in lines:
            for match in re.finditer(r"(?:^|[;&|{(]\s*)runform\s+([^;&|}>)#]+)", line):
                commands.append(shlex.split(match.group(1)))
    if not commands:
        raise RunformUnavailable(f"no `runform ...` command in the build job of {workflow}")
    return commands


# GitHub's files for a step's summary and outputs: in the project, written fresh each round
_GITHUB_FILES: Final = {"GITHUB_STEP_SUMMARY": "ci-summary.md", "GITHUB_OUTPUT": "ci-outputs"}


def _expand(args: list[str], root: Path) -> list[str]:
    files = {name: str(root / file) for name, file in _GITHUB_FILES.items()}
    return [_expand_one(arg, files) for arg in args]


def _expand_one(arg: str, files: dict[str, str]) -> str:
    for name, path in files.items():
        arg = arg.replace(f"${{{name}}}", path).replace(f"${name}", path)
    return arg


def build(config: Path, env: dict[str, str]) -> Run:
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
    return run_child(cmd, cwd=config.parent, env=env, timeout=BUILD_TIMEOUT_S)


def runform_build(root: Path, env: dict[str, str]) -> Run:
    return run_child(
        runform_command("build", "--out", "site"), cwd=root, env=env, timeout=BUILD_TIMEOUT_S
    )


def deploy(root: Path, env: dict[str, str], commands: list[list[str]]) -> Run:
    """The workflow's commands one after another, stopping at the first that fails: wall and
    CPU times add up, peak RSS is the largest of them."""
    total = Run(seconds=0.0, rss_mb=0.0, ok=True)
    for file in _GITHUB_FILES.values():
        (root / file).unlink(missing_ok=True)
    for args in commands:
        argv = runform_command(*_expand(args, root))
        run = run_child(argv, cwd=root, env=env, timeout=BUILD_TIMEOUT_S)
        total.seconds += run.seconds
        total.cpu_s += run.cpu_s
        total.sys_s += run.sys_s
        total.rss_mb = max(total.rss_mb, run.rss_mb)
        total.steps[args[0]] = round(run.seconds, 3)
        if not run.ok:
            total.ok = False
            total.error = f"runform {shlex.join(args)}: {run.error}"
            break
    return total


# ---------------------------------------------------------------------------------------------
# Built sites: where a tip's page is, its size, what a first visit loads


def tip_page(site: Path, tool: str, projects: Projects, index: int = 0) -> Path | None:
    tip = projects.tips[index]
    candidates = {
        "runform": [site / "tips" / tip.slug / "index.html", site / tip.slug / "index.html"],
        "plain": [site / "tips" / tip.slug / "index.html"],
        "blog": [site / "blog" / tip.day.strftime("%Y/%m/%d") / tip.slug / "index.html"],
    }[tool]
    for path in candidates:
        if path.is_file():
            return path
    matches = sorted(site.glob(f"**/{tip.slug}/index.html"))
    return matches[0] if matches else None


def count_tip_pages(site: Path, projects: Projects) -> int:
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return 0
    text = sitemap.read_text(encoding="utf-8")
    return sum(1 for tip in projects.tips if f"/{tip.slug}/</loc>" in text)


def site_url(config: Path) -> str | None:
    """`site_url` of a project's mkdocs.yml (tags such as !!python/name left unread)."""
    text = config.read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*(\S+)\s*$", text, re.MULTILINE)
    return match.group(1).strip("'\"") if match else None


def site_sizes(config: Path, tool: str, projects: Projects) -> dict[str, Any]:
    site = config.parent / "site"
    page = tip_page(site, tool, projects)
    index = site / "search" / "search_index.json"
    return {
        "tip_pages": count_tip_pages(site, projects),
        "tip_page": str(page.relative_to(site)) if page else None,
        "tip_page_bytes": page.stat().st_size if page else None,
        "search_index_bytes": index.stat().st_size if index.is_file() else None,
    }


def measure_first_visit(config: Path, tool: str, projects: Projects) -> dict[str, Any]:
    """A first visit to the newest tip's page in Chromium, served with gzip (first_visit.py)."""
    from first_visit import measure

    site = config.parent / "site"
    page = tip_page(site, tool, projects)
    if page is None:
        return {"ok": False, "error": f"tip page not found in the {tool} site"}
    page_path = page.parent.relative_to(site).as_posix() + "/"
    try:
        visit = measure(site, page_path, site_url(config))
    except Exception as error:  # the browser or the page failed: reported, the run goes on
        return {"ok": False, "error": f"{type(error).__name__}: {error}"}
    return {"ok": True, **visit}


# ---------------------------------------------------------------------------------------------
# How often each deploy command reads and validates a tip (cProfile)

_PROFILED = """
import cProfile, runpy, sys
out = sys.argv[1]
sys.argv = ["runform", *sys.argv[2:]]
profile = cProfile.Profile()
code = 0
try:
    profile.runcall(runpy.run_module, "runform", run_name="__main__", alter_sys=True)
except SystemExit as stop:
    code = stop.code
profile.dump_stats(out)
sys.exit(code)
"""


def count_parses(
    projects: Projects, env: dict[str, str], commands: list[list[str]]
) -> dict[str, Any]:
    """Each deploy command once under cProfile in the runform project: calls of each
    PARSE_FUNCTIONS function in runform's own code, in all and per tip."""
    root = projects.runform.parent
    source = str(REPO / "src" / "runform")
    result: dict[str, Any] = {"ok": True, "n": projects.n, "seed": projects.seed, "commands": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for args in commands:
            out = Path(tmp) / f"{args[0]}.prof"
            cmd = [sys.executable, "-c", _PROFILED, str(out), *_expand(args, root)]
            (root / PARSE_CACHE).unlink(missing_ok=True)  # count what a fresh clone reads
            run = run_child(cmd, cwd=root, env=env, timeout=BUILD_TIMEOUT_S)
            name = f"runform {shlex.join(args)}"
            if not run.ok:
                result.update(ok=False, error=f"{name}: {run.error}")
                return result
            calls = dict.fromkeys(PARSE_FUNCTIONS, 0)
            for (filename, _, function), row in pstats.Stats(str(out)).stats.items():  # type: ignore[attr-defined]
                if function in calls and filename.startswith(source):
                    calls[function] += row[1]
            result["commands"][name] = {
                "calls": calls,
                # two decimals: a call or two outside the tips (the site settings) is not a re-read
                "per_tip": {f: round(c / projects.n, 2) for f, c in calls.items()},
                "profiled_s": round(run.seconds, 2),
            }
    # A command may read no tip (`runform schedule --today`), but the deploy as a whole must:
    # none at all means the parser moved or was renamed, and the count would lie
    missing = [
        function
        for function in PARSE_FUNCTIONS
        if not any(c["calls"][function] for c in result["commands"].values())
    ]
    if missing:
        result.update(
            ok=False,
            error=f"{', '.join(missing)} never called by any deploy command: has the tip parser "
            "moved or been renamed? Update PARSE_FUNCTIONS in bench/run.py",
        )
    return result


# ---------------------------------------------------------------------------------------------
# Save-to-served in the preview


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(url: str) -> str | None:
    try:
        with _NO_PROXY.open(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(predicate: Any, timeout: float, interval: float) -> float | None:
    """Seconds until predicate() is true, or None after timeout."""
    start = time.perf_counter()
    while (elapsed := time.perf_counter() - start) < timeout:
        if predicate():
            return time.perf_counter() - start
        time.sleep(interval)
    return None if not predicate() else elapsed


def _edit_target(projects: Projects, tool: str) -> tuple[Path, str]:
    """The file to edit so the newest tip's title changes, and the text that holds the title."""
    tip = projects.tips[0]
    title = tip.data["title"]
    root = projects.config(tool).parent
    if tool == "runform":
        return root / "tips" / tip.filename, json.dumps(title)
    folder = "docs/tips" if tool == "plain" else "docs/blog/posts"
    return root / folder / f"{tip.slug}.md", f"# {title}"


def measure_serve(
    projects: Projects, env: dict[str, str], edits: int, tool: str = "runform"
) -> dict[str, Any]:
    """Start `mkdocs serve` on one project, edit the newest tip's title `edits` times and time
    each save until the preview serves the page with the new title."""
    config = projects.config(tool)
    page = tip_page(config.parent / "site", tool, projects)
    if page is None:
        return {"ok": False, "n": projects.n, "error": f"tip page not found in the {tool} build"}
    page_path = page.relative_to(config.parent / "site").parent.as_posix() + "/"
    addr = f"127.0.0.1:{free_port()}"
    if tool == "runform":
        command = "runform serve"
        cmd = runform_command("serve", "-f", str(config), "--dev-addr", addr)
    else:
        command = "mkdocs serve"
        cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", addr]
    log: list[str] = []
    proc = subprocess.Popen(
        cmd,
        cwd=config.parent,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
    )

    def read_log() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            log.append(line.rstrip())

    reader = threading.Thread(target=read_log, daemon=True)
    reader.start()
    result: dict[str, Any] = {"ok": False, "n": projects.n, "tool": tool, "command": command}
    try:

        def serving_url() -> str | None:
            for line in log:
                if m := re.search(r"Serving on (http://\S+)", line):
                    return m.group(1).rstrip("/") + "/"
            return None

        started = wait_for(
            lambda: serving_url() is not None or proc.poll() is not None, SERVE_START_TIMEOUT_S, 0.1
        )
        base = serving_url()
        if started is None or base is None:
            result["error"] = "server did not start: " + " | ".join(log[-3:])
            return result
        url = base + page_path
        title = projects.tips[0].data["title"]
        if wait_for(lambda: fetch(url) is not None, 30, 0.1) is None:
            result["error"] = f"{url} not served"
            return result
        result["startup_s"] = round(started, 3)
        tip_file, needle = _edit_target(projects, tool)
        original = tip_file.read_text(encoding="utf-8")
        assert needle in original, f"{needle!r} not in {tip_file}"
        times: list[float] = []
        for k in range(1, edits + 1):
            new_title = f"{title} edited {k}"
            seen = len(log)
            time.sleep(1.0)  # let the watcher settle between edits
            # saved whole (write aside, then rename), so the watcher never sees a half-written file
            scratch = config.parent / f".bench-edit-{k}.tmp"
            scratch.write_text(
                original.replace(needle, needle.replace(title, new_title), 1), encoding="utf-8"
            )
            scratch.replace(tip_file)
            elapsed = wait_for(
                lambda t=new_title: t in (fetch(url) or ""), SERVE_EDIT_TIMEOUT_S, 0.02
            )
            if elapsed is None:
                result["error"] = f"edit {k}: new title not served after {SERVE_EDIT_TIMEOUT_S} s"
                result["log_tail"] = log[-5:]
                return result
            times.append(round(elapsed, 3))

            def rebuilds(since: int = seen) -> list[str]:
                pattern = r"Documentation built in ([\d.]+) seconds"
                return [m.group(1) for line in log[since:] if (m := re.search(pattern, line))]

            wait_for(rebuilds, 5, 0.05)  # MkDocs logs the time just after it swaps the site in
            built = rebuilds()
            result.setdefault("rebuild_s", []).append(float(built[0]) if built else None)
        tip_file.write_text(original, encoding="utf-8")
        result.update(ok=True, seconds=times, median_s=statistics.median(times))
        return result
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


# ---------------------------------------------------------------------------------------------
# The measurement plan


@dataclass
class ToolResult:
    runs: list[Run] = field(default_factory=list)
    warmup: Run | None = None
    status: str = "ok"  # ok | failed: ...

    def values(self, attr: str) -> list[float]:
        return [getattr(r, attr) for r in self.runs if r.ok]


def measure_builds(
    projects: Projects,
    runs: int,
    warmup: bool,
    env: dict[str, str],
    tools: list[str],
    commands: list[list[str]],
) -> dict[str, ToolResult]:
    """`runs` rounds of every tool, interleaved (the order turns each round, so no tool always
    follows another), after one warm-up of each when `warmup` (it draws runform's cards)."""
    root = projects.runform.parent

    def once(tool: str) -> Run:
        if tool == "runform":
            return runform_build(root, env)
        if tool in ("check", "check_cold"):
            if tool == "check_cold":  # as on a fresh clone: no parse cache yet
                (root / PARSE_CACHE).unlink(missing_ok=True)
            return run_child(runform_command("check"), cwd=root, env=env, timeout=BUILD_TIMEOUT_S)
        if tool == "deploy":
            return deploy(root, env, commands)
        return build(projects.config(tool), env)

    # `runform check` alone, in the same rounds: as a coach reruns it (the parse cache holds
    # the tips of the last run) and as on a fresh clone (no cache: every tip parsed)
    tools = [*tools, "check", "check_cold"]
    results = {tool: ToolResult() for tool in tools}
    if warmup:
        for tool in tools:
            results[tool].warmup = once(tool)
    for k in range(runs):
        for tool in tools[k % len(tools) :] + tools[: k % len(tools)]:
            if results[tool].status != "ok":
                continue
            run = once(tool)
            results[tool].runs.append(run)
            if not run.ok:
                results[tool].status = f"failed: {run.error}"
            print(
                f"  seed {projects.seed} N={projects.n:<5} {tool:8} {run.seconds:7.2f} s "
                f"(cpu {run.cpu_s:.2f}, sys {run.sys_s:.2f}) {run.rss_mb:7.1f} MB"
                + ("" if run.ok else f"  {run.error}"),
                file=sys.stderr,
                flush=True,
            )
    return results


def summary(values: list[float]) -> dict[str, float] | None:
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def pair_ratios(a: ToolResult, b: ToolResult, attr: str = "seconds") -> dict[str, float] | None:
    """a/b of each round (the runs of one round are neighbours in time)."""
    pairs = [
        getattr(x, attr) / getattr(y, attr)
        for x, y in zip(a.runs, b.runs, strict=False)
        if x.ok and y.ok and getattr(y, attr)
    ]
    return summary(pairs)


RATIOS = (("runform", "plain"), ("deploy", "plain"), ("runform", "blog"))


def measure_one(
    projects: Projects,
    runs: int,
    warmup: bool,
    env: dict[str, str],
    tools: list[str],
    commands: list[list[str]],
) -> dict[str, Any]:
    """One seed at one N: the builds, their ratios, `runform check` (what a coach runs before
    pushing; timed in the same rounds) and the output sizes."""
    results = measure_builds(projects, runs, warmup, env, tools, commands)
    row: dict[str, Any] = {
        "status": {t: results[t].status for t in tools},
        "time_s": {t: summary(results[t].values("seconds")) for t in tools},
        "cpu_s": {t: summary(results[t].values("cpu_s")) for t in tools},
        "sys_s": {t: summary(results[t].values("sys_s")) for t in tools},
        "rss_mb": {t: summary(results[t].values("rss_mb")) for t in tools},
        "ratios": {},
        "cpu_ratios": {},
        "rss_ratios": {},
    }
    for a, b in RATIOS:
        if a in results and b in results:
            key = f"{a}/{b}"
            row["ratios"][key] = pair_ratios(results[a], results[b])
            row["cpu_ratios"][key] = pair_ratios(results[a], results[b], "cpu_s")
            row["rss_ratios"][key] = pair_ratios(results[a], results[b], "rss_mb")
    if "check" in results:
        row["check_s"] = summary(results["check"].values("seconds"))
        row["check_cold_s"] = summary(results["check_cold"].values("seconds"))
    row["sizes"] = {
        t: site_sizes(projects.config(t), t, projects)
        for t in tools
        if t in ("runform", "plain", "blog") and results[t].status == "ok"
    }
    row["runs"] = {t: [asdict(r) for r in results[t].runs] for t in tools}
    row["warmup"] = {t: asdict(w) if (w := results[t].warmup) else None for t in tools}
    return row


# ---------------------------------------------------------------------------------------------
# Across seeds


def spread(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per N and ratio: each seed's median, and their min / median / max across seeds."""
    out: dict[str, dict[str, Any]] = {}
    kinds = {"wall": "ratios", "cpu": "cpu_ratios", "rss": "rss_ratios"}
    for n in map(str, report["ns"]):
        out[n] = {}
        for a, b in RATIOS:
            for kind, key in kinds.items():
                per_seed = {
                    seed: r["median"]
                    for seed, rows in report["results"].items()
                    if (r := (rows.get(n, {}).get(key) or {}).get(f"{a}/{b}"))
                }
                if per_seed:
                    values = list(per_seed.values())
                    out[n][f"{a}/{b} {kind}"] = {
                        "per_seed": per_seed,
                        "min": min(values),
                        "median": statistics.median(values),
                        "max": max(values),
                    }
    return out


def marginal(report: dict[str, Any]) -> dict[str, dict[str, dict[str, float]]]:
    """Per seed and tool: ms per extra tip between neighbouring N (difference of medians)."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    ns = sorted(report["ns"])
    for seed, rows in report["results"].items():
        out[seed] = {}
        for tool in report["tools"]:
            meds = {
                n: t["median"]
                for n in ns
                if (t := rows.get(str(n), {}).get("time_s", {}).get(tool))
            }
            keys = sorted(meds)
            out[seed][tool] = {
                f"{a}->{b}": (meds[b] - meds[a]) / (b - a) * 1000
                for a, b in itertools.pairwise(keys)
            }
    return out


def judge(report: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def add(key: str, value: float | None, note: str = "") -> None:
        text, limit = TARGETS[key]
        entry: dict[str, Any] = {"target": key, "what": text, "limit": limit}
        if value is None:
            entry.update(value=None, passed=None, note=note or "not measured")
        elif key in AT_LEAST:
            entry.update(value=round(value, 4), passed=value >= limit, note=note)
        else:
            entry.update(value=round(value, 4), passed=value <= limit, note=note)
            if value > limit:
                entry["over_pct"] = round((value / limit - 1) * 100, 1)
        out.append(entry)

    def worst(n: int, name: str) -> float | None:
        s = report["spread"].get(str(n), {}).get(name)
        return s["max"] if s else None

    def seeds_at(n: int) -> list[dict[str, Any]]:
        return [rows[str(n)] for rows in report["results"].values() if str(n) in rows]

    at500 = 500 in report["ns"]
    note500 = "" if at500 else "N=500 not measured"
    build = worst(500, "runform/plain wall")
    add("build_vs_plain", build, note500)
    add("build_vs_plain_stretch", build, note500)
    add("rss_vs_plain", worst(500, "runform/plain rss"), note500)
    flats = [
        m["runform"]["500->2000"] / m["runform"]["100->500"]
        for m in report["marginal"].values()
        if m.get("runform", {}).get("500->2000") and m["runform"].get("100->500")
    ]
    add("per_tip_flat", max(flats) if flats else None, "" if flats else "needs N=100, 500, 2000")
    add("deploy_vs_plain", worst(500, "deploy/plain wall"), note500)
    parses = report.get("parses") or {}
    per_tip = [
        v
        for c in (parses.get("commands") or {}).values()
        for v in c["per_tip"].values()
        if parses.get("n") == 500
    ]
    add(
        "parses_per_tip",
        max(per_tip) if per_tip else None,
        "" if per_tip else f"counted at N={parses.get('n')} only" if parses else "",
    )
    checks = [r["check_s"]["median"] for r in seeds_at(500) if r.get("check_s")]
    add("check_500", max(checks) if checks else None, note500)
    serve = report.get("serve") or {}
    add(
        "save_to_served",
        serve.get("median_s") if serve.get("ok") and serve.get("n") == 500 else None,
        "" if serve.get("n") in (None, 500) else f"measured at N={serve.get('n')} only",
    )
    visits = [
        v["runform"]["transferred"] / 1024
        for seed, v in (report.get("first_visit") or {}).items()
        if v.get("n") == 500 and v.get("runform", {}).get("ok")
    ]
    add("first_visit_kb", max(visits) if visits else None, note500 or "")
    indexes = [
        s["search_index_bytes"] / 1024 / 500
        for r in seeds_at(500)
        if (s := r["sizes"].get("runform")) and s.get("search_index_bytes")
    ]
    add("search_per_tip", max(indexes) if indexes else None, note500)
    if "blog" in report["tools"]:
        add("build_vs_blog", worst(500, "runform/blog wall"), note500)
    lighthouse = report.get("lighthouse") or {}
    for key, category in (
        ("lighthouse_performance", "performance"),
        ("lighthouse_accessibility", "accessibility"),
    ):
        lows = [
            page["lowest"][category]
            for pages in lighthouse.values()
            if isinstance(pages, dict) and "error" not in pages
            for page in pages.values()
        ]
        ns = ", ".join(f"N={n}" for n in lighthouse)
        add(key, min(lows) if lows else None, f"pages at {ns}" if lows else "")
    return out


def measure_lighthouse(projects: Projects, runs: int) -> dict[str, Any]:
    """Lighthouse on the runform site's home, archive, newest year page, a tip, /book/, the
    tags page and the page of the tag with the most tips, served with gzip as a static host
    serves it (bench/lighthouse.py)."""
    from lighthouse import largest_tag_page, measure_pages

    if not LIGHTHOUSE.is_file():
        return {"error": f"{LIGHTHOUSE} is missing: run `make bench` (it installs Lighthouse)"}
    config = projects.config("runform")
    site = config.parent / "site"
    page = tip_page(site, "runform", projects)
    pages = ["", "tips/", "tags/"]
    if page is not None:
        pages.append(page.parent.relative_to(site).as_posix() + "/")
    years = sorted(p.name for p in (site / "tips").iterdir() if p.name.isdigit())
    if years:
        pages.append(f"tips/{years[-1]}/")
    if (site / "book" / "index.html").is_file():
        pages.append("book/")
    if tag := largest_tag_page(site):
        pages.append(tag)
    prefix = urlsplit(site_url(config)).path or "/"
    try:
        return measure_pages(site, pages, prefix, runs, LIGHTHOUSE)
    except Exception as error:  # reported, the run goes on
        return {"error": f"{type(error).__name__}: {error}"}


# ---------------------------------------------------------------------------------------------
# Report


def fmt_range(s: dict[str, float] | None, digits: int = 2) -> str:
    if s is None:
        return "-"
    if s["min"] == s["max"]:
        return f"{s['median']:.{digits}f}"
    return f"{s['median']:.{digits}f} ({s['min']:.{digits}f}-{s['max']:.{digits}f})"


def kb(n: float | None) -> str:
    return "-" if n is None else f"{n / 1024:.1f}"


def _table(rows: list[list[str]], widths: list[int]) -> list[str]:
    return [
        "  " + "".join(f"{c:<{w}}" for c, w in zip(r, widths, strict=False)).rstrip() for r in rows
    ]


def format_report(report: dict[str, Any]) -> str:
    env = report["environment"]
    tools = report["tools"]
    lines = [
        f"runform bench {report['date']} (commit {env['commit']}): seeds "
        f"{', '.join(map(str, report['seeds']))} ({report['seeds_chosen']}); "
        f"{report['runs']} round(s) per seed and N{' after a warm-up' if report['warmup'] else ''}"
        f"; {env['cores']} cores, Python {env['python']}, mkdocs {env['mkdocs']}, "
        f"mkdocs-material {env['material']}",
        "",
        "Content shape of each seed:",
        *(f"  seed {seed}: {shape}" for seed, shape in report["shapes"].items()),
        "Deploy path (publish.yml): "
        + "; ".join(f"runform {shlex.join(c)}" for c in report["deploy_commands"]),
    ]
    for n in map(str, report["ns"]):
        lines += ["", f"N={n}: wall time, s, median (min-max) of the rounds; ratios per round"]
        head = ["seed", *(LABELS[t] for t in tools), "runform check", "check, no cache"]
        head += [f"{a}/{b}" for a, b in RATIOS if a in tools and b in tools]
        widths = [8, *([20] * len(tools)), 20, 20, *([20] * 3)]
        rows = [head]
        for seed, per_n in report["results"].items():
            row = per_n.get(n)
            if row is None:
                continue
            cells = [seed]
            for t in tools:
                status = row["status"][t]
                cells.append(fmt_range(row["time_s"][t]) if status == "ok" else "FAILED")
            cells.append(fmt_range(row.get("check_s")))
            cells.append(fmt_range(row.get("check_cold_s")))
            cells += [
                fmt_range(row["ratios"].get(f"{a}/{b}"))
                for a, b in RATIOS
                if a in tools and b in tools
            ]
            rows.append(cells)
        lines += _table(rows, widths)
        lines.append(
            f"N={n}: CPU (user+sys) s / of which sys s / peak RSS MB, medians; RSS from "
            f"{env.get('peak_rss_from', '?')}"
        )
        rows = [["seed", *(LABELS[t] for t in tools)]]
        for seed, per_n in report["results"].items():
            if (row := per_n.get(n)) is None:
                continue
            rows.append(
                [seed]
                + [
                    f"{row['cpu_s'][t]['median']:.2f} / {row['sys_s'][t]['median']:.2f} / "
                    f"{row['rss_mb'][t]['median']:.0f}"
                    if row["cpu_s"][t]
                    else "-"
                    for t in tools
                ]
            )
        lines += _table(rows, [8, *([20] * len(tools))])
        for seed, per_n in report["results"].items():
            for t, status in (per_n.get(n) or {}).get("status", {}).items():
                if status != "ok":
                    lines.append(f"  seed {seed} {LABELS[t]}: {status}")
    lines += ["", "Spread across seeds: each seed's median ratio, then min / median / max"]
    rows = [["N", "ratio", "per seed", "min / median / max"]]
    for n, ratios in report["spread"].items():
        for name, s in ratios.items():
            per_seed = ", ".join(f"{v:.2f}" for v in s["per_seed"].values())
            rows.append([n, name, per_seed, f"{s['min']:.2f} / {s['median']:.2f} / {s['max']:.2f}"])
    lines += _table(rows, [7, 24, 26, 20])
    spans = sorted(
        {s for m in report["marginal"].values() for v in m.values() for s in v},
        key=lambda s: int(s.split("->")[0]),
    )
    if spans:
        lines += ["", "Marginal cost, ms per extra tip (difference of medians), per seed"]
        rows = [["seed", "tool", *spans]]
        for seed, m in report["marginal"].items():
            for tool in tools:
                vals = m.get(tool, {})
                rows.append(
                    [seed, LABELS[tool], *(f"{vals[s]:.2f}" if s in vals else "-" for s in spans)]
                )
        lines += _table(rows, [8, 18, *([12] * len(spans))])
    lines += ["", "Output sizes, KB: tip page HTML; search index (per tip), runform / plain"]
    for seed, per_n in report["results"].items():
        for n, row in per_n.items():
            sizes = row["sizes"]
            page = " / ".join(
                kb((sizes.get(t) or {}).get("tip_page_bytes")) for t in ("runform", "plain")
            )
            index = " / ".join(
                f"{kb(b)} ({b / 1024 / int(n):.2f})"
                if (b := (sizes.get(t) or {}).get("search_index_bytes"))
                else "-"
                for t in ("runform", "plain")
            )
            lines.append(f"  seed {seed} N={n}: page {page}; search {index}")
            counts = [(sizes.get(t) or {}).get("tip_pages") for t in ("runform", "plain")]
            if any(c is not None and c != int(n) for c in counts):
                lines.append(f"    WARNING tip pages found (runform/plain): {counts}, expected {n}")
    parses = report.get("parses")
    if parses:
        lines += [
            "",
            f"Tip parser calls per tip, N={parses['n']}, seed {parses['seed']} (cProfile)",
        ]
        if parses.get("ok"):
            for name, c in parses["commands"].items():
                per = ", ".join(f"{PARSE_FUNCTIONS[f]} {v:.2f}" for f, v in c["per_tip"].items())
                lines.append(f"  {name:<36} {per}")
        else:
            lines.append(f"  FAILED: {parses.get('error')}")
    visits = report.get("first_visit") or {}
    if visits:
        lines += ["", "First visit to the newest tip's page in Chromium, gzip static server:"]
        lines.append(
            "  requests, KB transferred (document / CSS / JS / images / fetch+xhr / other)"
        )
        for seed, v in visits.items():
            for tool in ("runform", "plain"):
                fv = v.get(tool) or {}
                if not fv.get("ok"):
                    lines.append(
                        f"  seed {seed} N={v['n']} {LABELS[tool]}: FAILED {fv.get('error')}"
                    )
                    continue
                by = fv["by_type"]

                def part(*kinds: str, by: dict[str, Any] = by) -> str:
                    return kb(sum(by.get(k, {}).get("bytes", 0) for k in kinds))

                lines.append(
                    f"  seed {seed} N={v['n']} {LABELS[tool]:<15} {fv['requests']:3d} requests, "
                    f"{kb(fv['transferred'])} KB ({part('document')} / {part('stylesheet')} / "
                    f"{part('script')} / {part('image')} / {part('fetch', 'xhr')} / "
                    f"{part('other', 'font', 'manifest')}); sitemap.xml fetched "
                    f"{fv['sitemap_fetches']}x"
                    + (f"; {len(fv['external'])} off-site refused" if fv["external"] else "")
                )
    for key in ("serve", "serve_plain"):
        serve = report.get(key)
        if not serve:
            continue
        who = LABELS[serve.get("tool", "runform")]
        lines.append("")
        if serve.get("ok"):
            rebuilds = ", ".join(f"{r:.2f}" for r in serve.get("rebuild_s", []) if r is not None)
            lines.append(
                f"Save-to-served, {who} ({serve['command']}, N={serve['n']}): median "
                f"{serve['median_s']:.2f} s of {serve['seconds']}; "
                f"rebuild {rebuilds or '?'} s; startup {serve['startup_s']:.1f} s"
            )
        else:
            lines.append(
                f"Save-to-served, {who} (N={serve.get('n')}): {serve.get('error', 'not measured')}"
            )
    lines += ["", "Goals (issues 17 and 18)"]
    for t in report["targets"]:
        at_least = t["target"] in AT_LEAST
        if t["passed"] is None:
            mark, detail = "----", t["note"]
        elif t["passed"]:
            mark, detail = "PASS", f"{t['value']:.3g} {'>=' if at_least else '<='} {t['limit']:g}"
        elif at_least:
            mark, detail = "FAIL", f"{t['value']:.3g} < {t['limit']:g}"
        else:
            mark = "FAIL"
            detail = f"{t['value']:.3g} > {t['limit']:g} (over by {t['over_pct']:.0f}%)"
        lines.append(f"  {mark}  {t['what']}: {detail}")
    return "\n".join(lines)


def versions() -> dict[str, Any]:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "material": version("mkdocs-material"),
        "cores": os.cpu_count(),
        "machine": platform.machine(),
        "commit": commit or None,
        "peak_rss_from": RSS_SOURCE,
    }


def update_readme(readme: Path, table: str) -> None:
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- bench:latest:start -->", "<!-- bench:latest:end -->"
    if start not in text or end not in text:
        return
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}\n```text\n{table}\n```\n{end}{tail}", encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Main


def choose_seeds(count: int) -> list[int]:
    """Seeds nobody picked: drawn from the operating system's randomness for this run."""
    rng = random.SystemRandom()
    return sorted(rng.sample(range(1, 1_000_000), count))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark runform against plain Material pages of the same content."
    )
    parser.add_argument("--full", action="store_true", help="also N=2000")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="N=10, one seed, one round, no warm-up: the smoke test run by `make test`",
    )
    parser.add_argument("--n", type=int, nargs="+", help="tip counts (overrides the default)")
    parser.add_argument("--seeds", type=int, nargs="+", help="content seeds (default: 3 new ones)")
    parser.add_argument("--runs", type=int, help="timed rounds per seed and N (default 3)")
    parser.add_argument("--blog", action="store_true", help="also Material's blog plugin")
    parser.add_argument(
        "--out",
        type=Path,
        help="results directory (default bench/results for the standard run; bench/work/results"
        " with --quick, --n, --runs, --seeds or a --no-* option, so a partial run never replaces"
        " it)",
    )
    parser.add_argument(
        "--work",
        type=Path,
        help="where projects are written (default bench/work, bench/work/quick with --quick)",
    )
    parser.add_argument("--no-serve", action="store_true", help="skip the preview measurement")
    parser.add_argument("--no-browser", action="store_true", help="skip the first visit")
    parser.add_argument("--no-parses", action="store_true", help="skip the parser call count")
    parser.add_argument(
        "--no-lighthouse", action="store_true", help="skip Lighthouse (never run by --quick)"
    )
    parser.add_argument(
        "--update-readme", action="store_true", help="put the printed table into bench/README.md"
    )
    args = parser.parse_args(argv)

    quick = args.quick
    ns = sorted(args.n or ([10] if quick else [100, 500] + ([2000] if args.full else [])))
    if args.seeds:
        seeds, chosen = list(dict.fromkeys(args.seeds)), "given"
    elif quick:
        seeds, chosen = [QUICK_SEED], "the quick run's fixed seed"
    else:
        seeds, chosen = choose_seeds(3), "chosen for this run"
    runs = args.runs or (1 if quick else 3)
    warmup = not quick
    skipped = args.no_serve or args.no_browser or args.no_parses or args.no_lighthouse
    partial = quick or bool(args.n or args.runs or args.seeds or skipped)
    out_dir = args.out or REPO / ("bench/work/results" if partial else "bench/results")
    work = args.work or (REPO / "bench/work/quick" if quick else REPO / "bench/work")
    tools = ["runform", "plain", "deploy", *(["blog"] if args.blog else [])]
    env = child_env()
    # runform runs from src/ here: compile it as installing it would (`pip install` writes
    # bytecode), or a PYTHONDONTWRITEBYTECODE shell would charge every runform process for
    # compiling its ~100 modules, a cost no installed runform pays (MkDocs' are compiled)
    compileall.compile_dir(REPO / "src" / "runform", quiet=1)
    print(f"seeds: {' '.join(map(str, seeds))} ({chosen})", file=sys.stderr, flush=True)
    try:
        commands = deploy_commands()
        require_runform(env, sorted({c[0] for c in commands} | {"build", "serve"}))
    except RunformUnavailable as error:
        print(f"bench: runform cannot be run, nothing measured: {error}", file=sys.stderr)
        return 1

    report: dict[str, Any] = {
        "date": date.today().isoformat(),
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "runs": runs,
        "warmup": warmup,
        "ns": ns,
        "seeds": seeds,
        "seeds_chosen": chosen,
        "tools": tools,
        "deploy_commands": commands,
        "environment": versions(),
        "shapes": {},
        "results": {},
    }
    crashed = False
    visit_n = 500 if 500 in ns else max(ns)
    last: dict[int, Projects] = {}
    for seed in seeds:
        per_n: dict[str, Any] = {}
        for n in ns:
            print(f"seed {seed} N={n}: writing projects", file=sys.stderr, flush=True)
            projects = write_projects(n, work, seed=seed, blog=args.blog)
            report["shapes"][str(seed)] = projects.shape.describe()
            row = per_n[str(n)] = measure_one(projects, runs, warmup, env, tools, commands)
            crashed |= any(s != "ok" for s in row["status"].values())
            if n == visit_n and not args.no_browser:
                print(f"seed {seed} N={n}: first visit", file=sys.stderr, flush=True)
                visit = {"n": n}
                for tool in ("runform", "plain"):
                    visit[tool] = measure_first_visit(projects.config(tool), tool, projects)
                    crashed |= not visit[tool]["ok"]
                report.setdefault("first_visit", {})[str(seed)] = visit
            lighthouse_ns = {visit_n, max(ns)}
            if n in lighthouse_ns and seed == seeds[0] and not (quick or args.no_lighthouse):
                print(f"seed {seed} N={n}: Lighthouse", file=sys.stderr, flush=True)
                found = measure_lighthouse(projects, 3)
                report.setdefault("lighthouse", {})[str(n)] = found
                crashed |= "error" in found
            if n == visit_n and seed == seeds[0]:
                last[n] = projects  # kept for the parser count and the preview
            elif n != max(ns):  # a large project stays only if it is the last one written
                shutil.rmtree(projects.runform.parent.parent, ignore_errors=True)
        report["results"][str(seed)] = per_n

    if not args.no_parses:
        print(
            f"seed {seeds[0]} N={visit_n}: counting tip parser calls", file=sys.stderr, flush=True
        )
        report["parses"] = count_parses(last[visit_n], env, commands)
        crashed |= not report["parses"]["ok"]
    if not args.no_serve:
        print(f"seed {seeds[0]} N={visit_n}: save-to-served", file=sys.stderr, flush=True)
        report["serve"] = measure_serve(last[visit_n], env, 1 if quick else 3)
        crashed |= not report["serve"]["ok"]
        if not quick:  # the baseline, for scale
            report["serve_plain"] = measure_serve(last[visit_n], env, 3, "plain")
            crashed |= not report["serve_plain"]["ok"]

    report["spread"] = spread(report)
    report["marginal"] = marginal(report)
    report["targets"] = judge(report)
    out_dir.mkdir(parents=True, exist_ok=True)
    out_file = out_dir / f"{report['date']}.json"  # written first: the measurements are kept
    out_file.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    table = format_report(report)
    print(table)
    print(f"\nwrote {out_file}")
    if args.update_readme and not quick:
        update_readme(REPO / "bench/README.md", table)
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
