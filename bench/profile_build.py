"""Where a build's time goes: cProfile of `mkdocs build` on a generated project.

    python bench/profile_build.py                 runform project, N=500
    python bench/profile_build.py --tool plain --n 100 --top 15

Prints the time spent in each package's own code (C built-ins and the standard library are
charged to the package that called them), the time inside runform's hook events, and the top
cumulative entries. The raw profile is kept next to the project (`build.prof`) for snakeviz or
`python -m pstats`. (Not named profile.py: that would shadow the standard library's module.)
"""

from __future__ import annotations

import argparse
import pstats
import re
import sys
from collections import defaultdict
from pathlib import Path

from generate import REPO, write_projects
from run import build, child_env, run_child

FuncKey = tuple[str, int, str]

_SITE_PACKAGES = re.compile(r"[/\\](?:site|dist)-packages[/\\]([^/\\]+)")


def direct_owner(func: FuncKey) -> str | None:
    """The package a function's code belongs to; None for built-ins and the standard library."""
    filename = func[0]
    norm = filename.replace("\\", "/")
    if "/src/runform/" in norm or norm.endswith("hooks/runform_hooks.py"):
        return "runform"
    if m := _SITE_PACKAGES.search(filename):
        name = m.group(1)
        name = name.removesuffix(".py").split(".")[0]
        return "pydantic" if name == "pydantic_core" else name
    return None


def owner_shares(stats: dict) -> dict[FuncKey, dict[str, float]]:
    """Each function's own time split by package. Built-ins and stdlib functions have no package:
    their time is split among their callers in proportion to the time each call took."""
    shares: dict[FuncKey, dict[str, float]] = {}

    def resolve(func: FuncKey, seen: frozenset[FuncKey]) -> dict[str, float]:
        if func in shares:
            return shares[func]
        owner = direct_owner(func)
        if owner is not None:
            result = {owner: 1.0}
        else:
            callers = stats[func][4] if func in stats else {}
            weights = {c: v[2] for c, v in callers.items() if c not in seen}
            total = sum(weights.values())
            result = defaultdict(float)
            if not total:  # interpreter start-up, imports: no caller took measurable time
                result["python"] = 1.0
            for caller, weight in weights.items():
                if weight:
                    for name, part in resolve(caller, seen | {func}).items():
                        result[name] += part * weight / total
            result = dict(result)
        shares[func] = result  # memoised even inside a cycle: an approximation, linear time
        return result

    for func in stats:
        resolve(func, frozenset())
    return shares


def main_owner(shares: dict[str, float]) -> str:
    return max(shares.items(), key=lambda item: item[1])[0]


def label(func: FuncKey) -> str:
    filename, line, name = func
    norm = filename.replace("\\", "/")
    for marker in ("/src/", "-packages/"):
        if marker in norm:
            norm = norm.split(marker, 1)[1]
            break
    return f"{norm}:{line}({name})" if line else name


def summarize(profile: Path, top: int) -> str:
    ps = pstats.Stats(str(profile))
    stats = ps.stats  # type: ignore[attr-defined]
    total = ps.total_tt  # type: ignore[attr-defined]
    shares = owner_shares(stats)
    by_owner: dict[str, float] = defaultdict(float)
    for func, (_, _, tt, _, _) in stats.items():
        for owner, part in shares[func].items():
            by_owner[owner] += tt * part
    lines = [
        f"total {total:.2f} s (profiled; cProfile adds overhead)",
        "",
        "Own time by package (C built-ins and stdlib charged to the caller's package):",
    ]
    for owner, tt in sorted(by_owner.items(), key=lambda item: -item[1]):
        if tt >= 0.005 * total:
            lines.append(f"  {owner:<22}{tt:8.2f} s {tt / total * 100:6.1f}%")
    hooks = [
        (func, stats[func][3])
        for func in stats
        if direct_owner(func) == "runform"
        and func[2].startswith("on_")
        and func[0].replace("\\", "/").endswith("mkdocs_glue.py")
    ]
    if hooks:
        lines += ["", "runform hook events, inclusive:"]
        for func, ct in sorted(hooks, key=lambda item: -item[1]):
            lines.append(f"  {func[2]:<22}{ct:8.2f} s {ct / total * 100:6.1f}%")
    own = sorted(
        ((f, s[3]) for f, s in stats.items() if direct_owner(f) == "runform"),
        key=lambda item: -item[1],
    )
    if own:
        lines += ["", f"Top {top} runform functions by cumulative time:"]
        lines += [f"  {ct:8.2f} s  {label(f)}" for f, ct in own[:top]]
    # leave out the wrappers every build passes through (runpy, click, mkdocs' main)
    every = sorted(
        ((f, s[3]) for f, s in stats.items() if f[0] != "~" and s[3] < 0.9 * total),
        key=lambda item: -item[1],
    )
    lines += ["", f"Top {top} entries by cumulative time (all packages):"]
    lines += [f"  {ct:8.2f} s  [{main_owner(shares[f])}] {label(f)}" for f, ct in every[:top]]
    return "\n".join(lines)


# cProfile's default (wall) clock: a CPU-time clock (time.process_time) costs a system call per
# event and inflated a 6 s build to 70 s here; profile on a quiet machine instead
_PROFILED_BUILD = """
import cProfile, sys
from mkdocs.__main__ import cli
out, config = sys.argv[1:3]
sys.argv = ["mkdocs", "build", "-q", "-f", config]
profile = cProfile.Profile()
code = 0
try:
    profile.runcall(cli)
except SystemExit as stop:
    code = stop.code
profile.dump_stats(out)
sys.exit(code)
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--tool", choices=("runform", "plain", "blog"), default="runform")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--work", type=Path, default=REPO / "bench/work/profile")
    args = parser.parse_args(argv)

    projects = write_projects(args.n, args.work)
    config = projects.config(args.tool)
    env = child_env()
    warm = build(config, env)  # compiles .pyc files so the profile shows steady-state cost
    if not warm.ok:
        print(f"build failed: {warm.error}", file=sys.stderr)
        return 1
    profile = config.parent / "build.prof"
    cmd = [sys.executable, "-c", _PROFILED_BUILD, str(profile), str(config)]
    run = run_child(cmd, cwd=config.parent, env=env, timeout=1200)
    if not run.ok:
        print(f"profiled build failed: {run.error}", file=sys.stderr)
        return 1
    print(
        f"{args.tool}, N={args.n}: unprofiled build {warm.seconds:.2f} s, "
        f"profiled {run.seconds:.2f} s; profile in {profile}"
    )
    print(summarize(profile, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
