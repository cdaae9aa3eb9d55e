"""Benchmark runform against plain Material pages and Material's blog plugin.

    python bench/run.py            N = 10, 100, 500; 5 timed builds each after a warm-up
    python bench/run.py --full     adds N = 1000
    python bench/run.py --quick    N = 10, 1 build, no warm-up, a short serve check (< 60 s)

Every build is a fresh `python -m mkdocs build -q -f <project>/mkdocs.yml` child; its wall time
and peak RSS (from os.wait4, so per build) are recorded. Builds are interleaved (runform, plain,
blog, runform, ...) so drift of the machine hits all three alike. Prints a table and writes
<out>/<date>.json. Exit status: 0 when everything ran (targets missed or not), 1 when a build,
the check or the preview crashed, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import itertools
import json
import os
import platform
import re
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
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from typing import Any

from generate import FIXED_DATE, GLUE_RELPATH, HOOK_RELPATH, REPO, Projects, write_projects

TOOLS = ("runform", "plain", "blog")
LABELS = {"runform": "runform", "plain": "plain Material", "blog": "Material blog"}
BUILD_TIMEOUT_S = 600.0
CHECK_TIMEOUT_S = 120.0
SERVE_START_TIMEOUT_S = 300.0
SERVE_EDIT_TIMEOUT_S = 60.0
CLI_RELPATH = "src/runform/cli/__init__.py"

# targets from the issue; `limit` is what the measured value must not exceed
TARGETS = {
    "time_vs_plain": ("runform / plain Material build time at N=500", 1.10),
    "time_vs_blog": ("runform / blog plugin build time at N=500", 0.45),
    "per_tip_flat": ("per-tip ms (100->500) / per-tip ms (10->100)", 1.25),
    "rss_vs_plain": ("runform / plain Material peak RSS at N=500", 1.50),
    "check_500": ("`runform check` of 500 tips, s", 1.0),
    "tip_page_growth": ("tip page HTML size change N=10 -> N=500, %", 2.0),
    "search_per_tip": ("search index KB per tip at N=500", 1.0),
    "save_to_served": ("save-to-served in the preview at N=500, s", 2.0),
}


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


def run_child(cmd: list[str], *, cwd: Path, env: dict[str, str], timeout: float) -> Run:
    """Run cmd to completion; wall time and the child's own peak RSS (os.wait4)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    ok = proc.returncode == 0
    error = ""
    if not ok:
        lines = [line for line in stderr.strip().splitlines() if line.strip()]
        reason = "timed out" if proc.returncode == -signal.SIGKILL else f"exit {proc.returncode}"
        error = f"{reason}: {' | '.join(lines[-3:])[:400]}"
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds=seconds, rss_mb=usage.ru_maxrss / 1024, ok=ok, error=error, cpu_s=cpu)


def build(config: Path, env: dict[str, str]) -> Run:
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
    return run_child(cmd, cwd=config.parent, env=env, timeout=BUILD_TIMEOUT_S)


def runform_missing() -> str | None:
    """Why runform's column cannot be measured, or None when the pipeline exists."""
    missing = [p for p in (HOOK_RELPATH, GLUE_RELPATH) if not (REPO / p).is_file()]
    return f"not available ({', '.join(missing)} missing)" if missing else None


def runform_command(*args: str) -> list[str]:
    """`runform ARGS...` without relying on an installed console script."""
    code = "import sys; from runform.cli import main; sys.argv[0] = 'runform'; sys.exit(main())"
    return [sys.executable, "-c", code, *args]


def has_runform_serve(env: dict[str, str]) -> bool:
    if not (REPO / CLI_RELPATH).is_file():
        return False
    probe = subprocess.run(
        runform_command("serve", "--help"), env=env, capture_output=True, check=False, timeout=60
    )
    return probe.returncode == 0


# ---------------------------------------------------------------------------------------------
# Built sites: where a tip's page is, what a first visit loads


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


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str]] = []  # (kind, url)
        self._config = False
        self.config_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        rel = a.get("rel", "").split()
        if tag == "link" and "stylesheet" in rel:
            self.refs.append(("css", a.get("href", "")))
        elif tag == "link" and "icon" in rel:
            self.refs.append(("other", a.get("href", "")))
        elif tag == "script" and a.get("src"):
            self.refs.append(("js", a["src"]))
        elif tag == "img" and a.get("src") and a.get("loading") != "lazy":
            self.refs.append(("other", a["src"]))
        self._config = tag == "script" and a.get("id") == "__config"

    def handle_data(self, data: str) -> None:
        if self._config:
            self.config_text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._config = False


def first_visit(site: Path, page: Path) -> dict[str, Any]:
    """Bytes a first visit to `page` loads from this site: the page, its CSS, JS (and Material's
    search worker) and the search index. Off-site references (web fonts) are counted apart."""
    parser = _Refs()
    parser.feed(page.read_text(encoding="utf-8"))
    refs = list(parser.refs)
    with contextlib.suppress(ValueError):
        config = json.loads(parser.config_text or "{}")
        if config.get("search"):
            refs.append(("js", config["search"]))
            base = config.get("base", ".")
            refs.append(("search_index", f"{base}/search/search_index.json"))
    files = {"page": [page]}
    external = 0
    for kind, url in refs:
        if re.match(r"^([a-z]+:)?//", url):
            external += 1
            continue
        path = (page.parent / url.split("#")[0].split("?")[0]).resolve()
        if path.is_file() and path not in files.setdefault(kind, []):
            files[kind].append(path)
    by_kind = {k: sum(p.stat().st_size for p in v) for k, v in files.items()}
    total = sum(by_kind.values())
    gz = sum(len(gzip.compress(p.read_bytes(), 6)) for v in files.values() for p in v)
    return {"bytes": total, "gzip_bytes": gz, "by_kind": by_kind, "external_refs": external}


def site_sizes(config: Path, tool: str, projects: Projects) -> dict[str, Any]:
    site = config.parent / "site"
    page = tip_page(site, tool, projects)
    index = site / "search" / "search_index.json"
    return {
        "tip_pages": count_tip_pages(site, projects),
        "tip_page": str(page.relative_to(site)) if page else None,
        "tip_page_bytes": page.stat().st_size if page else None,
        "search_index_bytes": index.stat().st_size if index.is_file() else None,
        "first_visit": first_visit(site, page) if page else None,
    }


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
    if tool == "runform" and has_runform_serve(env):
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
    sizes: dict[str, Any] | None = None
    status: str = "ok"  # ok | failed: ... | not available (...)

    @property
    def times(self) -> list[float]:
        return [r.seconds for r in self.runs if r.ok]

    @property
    def rss(self) -> list[float]:
        return [r.rss_mb for r in self.runs if r.ok]


def measure_builds(
    projects: Projects, runs: int, warmup: bool, env: dict[str, str], unavailable: str | None
) -> dict[str, ToolResult]:
    results = {tool: ToolResult() for tool in TOOLS}
    active = [t for t in TOOLS if not (t == "runform" and unavailable)]
    if unavailable:
        results["runform"].status = unavailable
    if warmup:
        for tool in active:
            results[tool].warmup = build(projects.config(tool), env)
    for _ in range(runs):
        for tool in active:
            if results[tool].status != "ok":
                continue
            run = build(projects.config(tool), env)
            results[tool].runs.append(run)
            if not run.ok:
                results[tool].status = f"failed: {run.error}"
            print(
                f"  N={projects.n:<5} {tool:8} {run.seconds:7.2f} s {run.rss_mb:7.1f} MB"
                + ("" if run.ok else f"  {run.error}"),
                file=sys.stderr,
                flush=True,
            )
    for tool in active:
        if results[tool].status == "ok":
            results[tool].sizes = site_sizes(projects.config(tool), tool, projects)
    return results


def measure_check(projects: Projects, runs: int, env: dict[str, str]) -> dict[str, Any]:
    cmd = runform_command("check")
    out = [
        run_child(cmd, cwd=projects.runform.parent, env=env, timeout=CHECK_TIMEOUT_S)
        for _ in range(runs)
    ]
    ok = all(r.ok for r in out)
    return {
        "ok": ok,
        "seconds": [round(r.seconds, 3) for r in out],
        "median_s": statistics.median(r.seconds for r in out),
        "error": next((r.error for r in out if not r.ok), ""),
    }


def summary(values: list[float]) -> dict[str, float] | None:
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def pair_ratios(a: ToolResult, b: ToolResult, attr: str = "seconds") -> dict[str, float] | None:
    pairs = [
        getattr(x, attr) / getattr(y, attr)
        for x, y in zip(a.runs, b.runs, strict=False)
        if x.ok and y.ok
    ]
    return summary(pairs)


# ---------------------------------------------------------------------------------------------
# Report


def fmt_range(s: dict[str, float] | None, digits: int = 2) -> str:
    if s is None:
        return "-"
    if s["min"] == s["max"]:
        return f"{s['median']:.{digits}f}"
    return f"{s['median']:.{digits}f} ({s['min']:.{digits}f}-{s['max']:.{digits}f})"


def kb(n: int | None) -> str:
    return "-" if n is None else f"{n / 1024:.1f}"


def judge(report: dict[str, Any]) -> list[dict[str, Any]]:
    per_n = {int(k): v for k, v in report["sizes_and_times"].items()}
    out = []

    def add(key: str, value: float | None, note: str = "") -> None:
        text, limit = TARGETS[key]
        if value is None:
            out.append(
                {
                    "target": key,
                    "what": text,
                    "limit": limit,
                    "value": None,
                    "pass": None,
                    "note": note or "not measured",
                }
            )
            return
        passed = value <= limit
        over = (value / limit - 1) * 100 if limit else 0.0
        out.append(
            {
                "target": key,
                "what": text,
                "limit": limit,
                "value": round(value, 4),
                "pass": passed,
                "over_pct": None if passed else round(over, 1),
                "note": note,
            }
        )

    n500 = per_n.get(500, {})
    ratios = n500.get("ratios", {})
    add("time_vs_plain", (ratios.get("runform/plain") or {}).get("median"))
    add("time_vs_blog", (ratios.get("runform/blog") or {}).get("median"))
    marg = report["marginal_ms_per_tip"].get("runform", {})
    flat = None
    if marg.get("10->100") and marg.get("100->500"):
        flat = marg["100->500"] / marg["10->100"]
    add("per_tip_flat", flat)
    rss = n500.get("rss_mb", {})
    if rss.get("runform") and rss.get("plain"):
        add("rss_vs_plain", rss["runform"]["median"] / rss["plain"]["median"])
    else:
        add("rss_vs_plain", None)
    check = n500.get("check")
    add("check_500", check["median_s"] if check and check.get("ok") else None)
    s10 = (per_n.get(10, {}).get("sizes") or {}).get("runform") or {}
    s500 = (n500.get("sizes") or {}).get("runform") or {}
    growth = None
    if s10.get("tip_page_bytes") and s500.get("tip_page_bytes"):
        growth = abs(s500["tip_page_bytes"] / s10["tip_page_bytes"] - 1) * 100
    add("tip_page_growth", growth)
    per_tip = None
    if s500.get("search_index_bytes"):
        per_tip = s500["search_index_bytes"] / 1024 / 500
    add("search_per_tip", per_tip)
    serve = report.get("serve") or {}
    add(
        "save_to_served",
        serve.get("median_s") if serve.get("ok") and serve.get("n") == 500 else None,
        "" if serve.get("n") in (None, 500) else f"measured at N={serve.get('n')} only",
    )
    return out


def format_report(report: dict[str, Any]) -> str:
    lines: list[str] = []
    env = report["environment"]
    lines.append(
        f"runform bench {report['date']}: {report['runs']} timed build(s) per tool and N"
        f"{' after a warm-up' if report['warmup'] else ''}; {env['cores']} cores, "
        f"Python {env['python']}, mkdocs {env['mkdocs']}, mkdocs-material {env['material']}"
    )
    per_n = report["sizes_and_times"]
    status = report.get("runform_status", "ok")
    if status != "ok":
        lines.append(f"runform: {status}")
    lines.append("")
    lines.append("Build time, s: median (min-max); ratios are per interleaved pair")
    head = f"{'N':>5}  {'runform':<21}{'plain Material':<21}{'Material blog':<21}"
    lines.append(head + f"{'runform/plain':<21}runform/blog")
    for n, row in per_n.items():
        cells = [
            fmt_range(row["time_s"].get(t))
            if row["status"][t] == "ok"
            else ("n/a" if "not available" in row["status"][t] else "FAILED")
            for t in TOOLS
        ]
        ratios = [fmt_range(row["ratios"].get(k)) for k in ("runform/plain", "runform/blog")]
        lines.append(f"{n:>5}  " + "".join(f"{c:<21}" for c in cells + ratios).rstrip())
    if report["warmup"]:
        lines.append("")
        lines.append("First build of each (the warm-up; runform draws its social cards here), s:")
        for n, row in per_n.items():
            cells = [f"{w['seconds']:.2f}" if (w := row["warmup"].get(t)) else "-" for t in TOOLS]
            lines.append(f"{n:>5}  " + "".join(f"{c:<21}" for c in cells).rstrip())
    lines.append("")
    lines.append("CPU time (user+sys) per build, s: the same builds; less sensitive to other load")
    lines.append(head + f"{'runform/plain':<21}runform/blog")
    for n, row in per_n.items():
        cells = [fmt_range(row["cpu_s"].get(t)) for t in TOOLS]
        cells += [fmt_range(row["cpu_ratios"].get(k)) for k in ("runform/plain", "runform/blog")]
        lines.append(f"{n:>5}  " + "".join(f"{c:<21}" for c in cells).rstrip())
    for n, row in per_n.items():
        for tool in TOOLS:
            if row["status"][tool].startswith("failed"):
                lines.append(f"  N={n} {tool} {row['status'][tool]}")
    marg = report["marginal_ms_per_tip"]
    spans = sorted({s for v in marg.values() for s in v}, key=lambda s: int(s.split("->")[0]))
    if spans:
        lines.append("")
        lines.append("Marginal build cost, ms per tip (difference of medians)")
        lines.append(f"{'':16}" + "".join(f"{s:>12}" for s in spans))
        for tool in TOOLS:
            vals = marg.get(tool, {})
            lines.append(
                f"{LABELS[tool]:16}"
                + "".join(
                    f"{vals[s]:12.2f}" if vals.get(s) is not None else f"{'-':>12}" for s in spans
                )
            )
    lines.append("")
    lines.append("Peak RSS per build, MB: median (min-max)")
    lines.append(
        f"{'N':>5}  {'runform':<21}{'plain Material':<21}{'Material blog':<21}runform/plain"
    )
    for n, row in per_n.items():
        rss = row["rss_mb"]
        ratio = "-"
        if rss.get("runform") and rss.get("plain"):
            ratio = f"{rss['runform']['median'] / rss['plain']['median']:.2f}"
        lines.append(
            f"{n:>5}  " + "".join(f"{fmt_range(rss.get(t), 1):<21}" for t in TOOLS) + ratio
        )
    lines.append("")
    lines.append(
        "Output sizes, KB (runform / plain / blog): tip page HTML; search index "
        "(per tip); first visit to a tip page (gzip)"
    )
    for n, row in per_n.items():
        sizes = row["sizes"]
        page = " / ".join(kb((sizes.get(t) or {}).get("tip_page_bytes")) for t in TOOLS)
        index = " / ".join(
            f"{kb(b)} ({b / 1024 / int(n):.2f})"
            if (b := (sizes.get(t) or {}).get("search_index_bytes"))
            else "-"
            for t in TOOLS
        )
        visit = " / ".join(
            f"{kb(fv['bytes'])} ({kb(fv['gzip_bytes'])})"
            if (fv := (sizes.get(t) or {}).get("first_visit"))
            else "-"
            for t in TOOLS
        )
        lines.append(f"{n:>5}  page {page}")
        lines.append(f"{'':5}  search {index}")
        lines.append(f"{'':5}  first visit {visit}")
        counts = [(sizes.get(t) or {}).get("tip_pages") for t in TOOLS]
        if any(c is not None and c != int(n) for c in counts):
            lines.append(
                f"{'':5}  WARNING tip pages found (runform/plain/blog): {counts}, expected {n}"
            )
    checks = [(n, row.get("check")) for n, row in per_n.items() if row.get("check")]
    if not checks:
        lines += ["", f"runform check: {report.get('check_status', 'not measured')}"]
    else:
        lines.append("")
        lines.append(
            "runform check, s: "
            + "; ".join(
                f"N={n} {c['median_s']:.2f}" if c["ok"] else f"N={n} FAILED ({c['error']})"
                for n, c in checks
            )
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
    lines.append("")
    lines.append("Targets")
    for t in report["targets"]:
        if t["pass"] is None:
            mark, detail = "----", t["note"]
        elif t["pass"]:
            mark, detail = "PASS", f"{t['value']:.3g} <= {t['limit']:g}"
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
    }


def update_readme(readme: Path, table: str) -> None:
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- bench:latest:start -->", "<!-- bench:latest:end -->"
    if start not in text or end not in text:
        return
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}\n```text\n{table}\n```\n{end}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark runform against plain Material and Material's blog plugin."
    )
    parser.add_argument("--full", action="store_true", help="also N=1000")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="N=10, one build, no warm-up (the smoke test run by `make test`)",
    )
    parser.add_argument("--n", type=int, nargs="+", help="tip counts (overrides the default)")
    parser.add_argument("--runs", type=int, help="timed builds per tool and N (default 5)")
    parser.add_argument(
        "--out",
        type=Path,
        help="results directory (default bench/results for the standard run; bench/work/results"
        " with --quick, --n, --runs or --no-serve, so a partial run never replaces it)",
    )
    parser.add_argument(
        "--work",
        type=Path,
        help="where projects are written (default bench/work, bench/work/quick with --quick)",
    )
    parser.add_argument("--no-serve", action="store_true", help="skip the preview measurement")
    parser.add_argument(
        "--update-readme", action="store_true", help="put the printed table into bench/README.md"
    )
    args = parser.parse_args(argv)

    quick = args.quick
    ns = args.n or ([10] if quick else [10, 100, 500] + ([1000] if args.full else []))
    runs = args.runs or (1 if quick else 5)
    warmup = not quick
    partial = quick or bool(args.n or args.runs or args.no_serve)
    out_dir = args.out or REPO / ("bench/work/results" if partial else "bench/results")
    work = args.work or (REPO / "bench/work/quick" if quick else REPO / "bench/work")
    env = child_env()
    unavailable = runform_missing()
    crashed = False

    report: dict[str, Any] = {
        "date": date.today().isoformat(),
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "runs": runs,
        "warmup": warmup,
        "ns": ns,
        "environment": versions(),
        "runform_status": unavailable or "ok",
        "check_status": "ok"
        if (REPO / CLI_RELPATH).is_file()
        else f"not available ({CLI_RELPATH} missing)",
        "sizes_and_times": {},
        "marginal_ms_per_tip": {},
    }
    results_by_n: dict[int, dict[str, ToolResult]] = {}
    projects_by_n: dict[int, Projects] = {}
    for n in ns:
        print(f"N={n}: writing projects", file=sys.stderr, flush=True)
        projects = projects_by_n[n] = write_projects(n, work)
        results = results_by_n[n] = measure_builds(projects, runs, warmup, env, unavailable)
        row: dict[str, Any] = {
            "status": {t: results[t].status for t in TOOLS},
            "time_s": {t: summary(results[t].times) for t in TOOLS},
            "rss_mb": {t: summary(results[t].rss) for t in TOOLS},
            "ratios": {
                "runform/plain": pair_ratios(results["runform"], results["plain"]),
                "runform/blog": pair_ratios(results["runform"], results["blog"]),
            },
            "cpu_s": {t: summary([r.cpu_s for r in results[t].runs if r.ok]) for t in TOOLS},
            "cpu_ratios": {
                "runform/plain": pair_ratios(results["runform"], results["plain"], "cpu_s"),
                "runform/blog": pair_ratios(results["runform"], results["blog"], "cpu_s"),
            },
            "sizes": {t: results[t].sizes for t in TOOLS},
            "runs": {t: [asdict(r) for r in results[t].runs] for t in TOOLS},
            "warmup": {t: asdict(w) if (w := results[t].warmup) else None for t in TOOLS},
        }
        if not unavailable and (REPO / CLI_RELPATH).is_file():
            row["check"] = measure_check(projects, runs, env)
            crashed |= not row["check"]["ok"]
        crashed |= any(r.status.startswith("failed") for r in results.values())
        report["sizes_and_times"][str(n)] = row

    for tool in TOOLS:
        meds = {
            n: statistics.median(results_by_n[n][tool].times)
            for n in ns
            if results_by_n[n][tool].times
        }
        keys = sorted(meds)
        report["marginal_ms_per_tip"][tool] = {
            f"{a}->{b}": (meds[b] - meds[a]) / (b - a) * 1000 for a, b in itertools.pairwise(keys)
        }

    if not args.no_serve:
        serve_n = 500 if 500 in ns else max(ns)
        edits = 1 if quick else 3
        measured = results_by_n[serve_n]
        print(f"N={serve_n}: save-to-served", file=sys.stderr, flush=True)
        if not unavailable and measured["runform"].status == "ok":
            report["serve"] = measure_serve(projects_by_n[serve_n], env, edits)
            crashed |= not report["serve"]["ok"]
        if not quick and measured["plain"].status == "ok":  # the baseline, for scale
            report["serve_plain"] = measure_serve(projects_by_n[serve_n], env, edits, "plain")
            crashed |= not report["serve_plain"]["ok"]

    report["targets"] = judge(report)
    table = format_report(report)
    print(table)
    out_dir.mkdir(parents=True, exist_ok=True)
    out_file = out_dir / f"{report['date']}.json"
    out_file.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nwrote {out_file}")
    if args.update_readme and not quick:
        update_readme(REPO / "bench/README.md", table)
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
