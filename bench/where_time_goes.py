"""Where `runform build` spends its time next to `mkdocs build` of the same tips as plain pages.

    python bench/where_time_goes.py                  N=500, seed 248: strace and py-spy
    python bench/where_time_goes.py --n 100 --seed 7 --no-py-spy

Both projects are built once first (runform draws its cards, Python writes .pyc files), then:

- `strace -c -f`: system calls of the whole build (every thread and child) by kind, with
  counts and the kernel time strace attributes to them, side by side;
- `strace -f -e trace=<file calls>`: the same build again, its file system calls grouped by
  where the path points (the output site, the card cache, Python packages, ...), so a count
  says *what* was opened, stat'ed, written or copied;
- `py-spy record` (if installed: `pip install py-spy`): sampled Python stacks of the build,
  summarised as the frames with the most samples on top (own time) and runform's functions
  with the most samples anywhere on the stack (inclusive time).

strace slows a build several times over: its counts are exact, its times only relative.
Needs strace (Debian's `strace`) on PATH. Output goes to bench/work/profile-<N>/.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from generate import REPO, write_projects
from run import QUICK_SEED, build, child_env, run_child, runform_build, runform_command

# file system calls traced for the path summary
FILE_CALLS = (
    "openat,open,newfstatat,fstatat64,stat,lstat,statx,access,faccessat,faccessat2,readlink,"
    "unlink,unlinkat,rename,renameat,renameat2,mkdir,mkdirat,rmdir,link,linkat,symlink,"
    "getdents64,utimensat,chmod,fchmodat,copy_file_range,sendfile"
)


def strace_counts(cmd: list[str], cwd: Path, env: dict[str, str], out: Path) -> dict[str, dict]:
    """`strace -c -f` of cmd: syscall -> {calls, errors, seconds}."""
    subprocess.run(
        ["strace", "-c", "-f", "-o", str(out), *cmd],
        cwd=cwd,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    table: dict[str, dict] = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        # % time, seconds, usecs/call, calls, [errors], syscall
        if len(parts) >= 5 and re.fullmatch(r"[\d.]+", parts[0]) and parts[-1] != "total":
            errors = int(parts[4]) if len(parts) == 6 else 0
            table[parts[-1]] = {
                "calls": int(parts[3]),
                "errors": errors,
                "seconds": float(parts[1]),
            }
    return table


def _bucket(path: str, root: Path) -> str:
    """Where a traced path points, in a few words."""
    root_text = str(root)
    if path.startswith(root_text + "/") or path == root_text:
        parts = path[len(root_text) :].strip("/").split("/")
        top = parts[0]
        sub = parts[1] + "/" if len(parts) > 2 else "(files)"
        if top == "site":
            return f"project: output site/{sub}"
        if re.fullmatch(r"\.site\..*\.building", top):  # runform build's staging folder
            return f"project: staging .site.*.building/{sub}"
        if top.startswith(".site.old"):  # the previous site, moved aside and removed
            return f"project: old site .site.old-*/{sub}"
        if top == ".cache":
            return "project: .cache/ (cards)"
        return f"project: {top}/"
    for marker, name in (
        ("/site-packages/material/", "package: mkdocs-material"),
        ("/site-packages/mkdocs/", "package: mkdocs"),
        ("/site-packages/", "package: other site-packages"),
        (str(REPO / "src/runform/templates"), "runform: templates"),
        (str(REPO / "src/runform/theme"), "runform: theme"),
        (str(REPO / "src"), "runform: src"),
        (sys.base_prefix + "/", "Python itself (stdlib, lib-dynload)"),
        ("/usr/lib/python3", "Python itself (stdlib, lib-dynload)"),
        ("/usr/share/fonts", "fonts"),
        ("/tmp", "/tmp"),
    ):
        if marker in path:
            return name
    if path.startswith(("/proc", "/sys", "/dev")):
        return "/proc, /sys, /dev"
    return "elsewhere"


def strace_paths(cmd: list[str], cwd: Path, env: dict[str, str], out: Path) -> Counter:
    """Counts of (call, where the path points) for the file system calls of cmd."""
    subprocess.run(
        ["strace", "-f", "-qq", "-y", "-e", f"trace={FILE_CALLS}", "-o", str(out), *cmd],
        cwd=cwd,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    counts: Counter = Counter()
    call = re.compile(r"^(?:\d+\s+)?(\w+)\((.*)")
    # with -y a descriptor is printed with its path: 5</project/site/assets>
    dirfd = re.compile(r'^(?:-?\d+|AT_FDCWD)(?:<([^>]*)>)?,\s*"((?:[^"\\]|\\.)*)"')
    for line in out.read_text(encoding="utf-8", errors="replace").splitlines():
        m = call.match(line)
        if not m:
            continue
        name, rest = m.groups()
        if d := dirfd.match(rest):
            base, path = d.groups()
            path = path if path.startswith("/") else f"{base or cwd}/{path}"
        elif d := re.match(r'^"((?:[^"\\]|\\.)*)"', rest):
            path = d.group(1) if d.group(1).startswith("/") else f"{cwd}/{d.group(1)}"
        elif d := re.match(r"^-?\d+<([^>]*)>", rest):
            path = d.group(1)
        else:
            path = ""
        counts[(name, _bucket(path, cwd) if path else "(no path)")] += 1
    return counts


def py_spy_summary(cmd: list[str], cwd: Path, env: dict[str, str], out: Path, top: int) -> str:
    spy = shutil.which("py-spy")
    if spy is None:
        return "py-spy not installed (pip install py-spy): no Python stacks"
    subprocess.run(
        [spy, "record", "-r", "250", "-f", "raw", "-o", str(out), "--", *cmd],
        cwd=cwd,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    own: Counter = Counter()
    inclusive: Counter = Counter()
    total = 0
    for line in out.read_text(encoding="utf-8").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack:
            continue
        count = int(count_text)
        total += count
        frames = stack.split(";")
        own[_frame(frames[-1])] += count
        for frame in {_frame(f) for f in frames if "runform" in f}:
            inclusive[frame] += count
    lines = [f"{total} samples (250 a second)", "", f"Top {top} frames by own samples:"]
    lines += [f"  {c / total * 100:5.1f}%  {f}" for f, c in own.most_common(top)]
    lines += ["", f"Top {top} runform frames by inclusive samples:"]
    lines += [f"  {c / total * 100:5.1f}%  {f}" for f, c in inclusive.most_common(top)]
    return "\n".join(lines)


def _frame(frame: str) -> str:
    """'function (path/to/file.py:12)' -> 'function (file.py)': lines merged, paths short."""
    m = re.match(r"(.*) \((.*?):\d+\)$", frame)
    if not m:
        return frame
    name, path = m.groups()
    for marker in ("/src/", "-packages/", "/python3.11/", "/python3.12/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{name} ({path})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--seed", type=int, default=QUICK_SEED)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--no-py-spy", action="store_true")
    args = parser.parse_args(argv)
    if shutil.which("strace") is None:
        print("strace not found: apt-get install strace", file=sys.stderr)
        return 1
    work = REPO / f"bench/work/profile-{args.n}"
    projects = write_projects(args.n, work, seed=args.seed)
    env = child_env()
    rf_root = projects.runform.parent
    plain = projects.plain
    for warm in (runform_build(rf_root, env), build(plain, env)):
        if not warm.ok:
            print(f"warm-up build failed: {warm.error}", file=sys.stderr)
            return 1
    commands = {
        "runform": (runform_command("build", "--out", "site"), rf_root),
        "plain": ([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain)], plain.parent),
    }
    times = {k: run_child(cmd, cwd=cwd, env=env, timeout=900) for k, (cmd, cwd) in commands.items()}
    print(f"N={args.n}, seed {args.seed}: {projects.shape.describe()}")
    for k, run in times.items():
        print(
            f"  {k:8} wall {run.seconds:.2f} s, user {run.cpu_s - run.sys_s:.2f} s, "
            f"sys {run.sys_s:.2f} s, peak RSS {run.rss_mb:.0f} MB"
        )

    counts = {
        k: strace_counts(cmd, cwd, env, work / f"strace-c-{k}.txt")
        for k, (cmd, cwd) in commands.items()
    }
    names = sorted(
        set(counts["runform"]) | set(counts["plain"]),
        key=lambda s: -(counts["runform"].get(s, {}).get("calls", 0)),
    )
    print("\nSystem calls (strace -c -f): calls (errors), seconds in the kernel as strace saw it")
    print(
        f"  {'syscall':<18}{'runform':>18}{'plain':>18}{'extra calls':>13}"
        f"{'s runform':>11}{'s plain':>9}"
    )
    for name in names[: args.top]:
        r = counts["runform"].get(name, {"calls": 0, "errors": 0, "seconds": 0.0})
        p = counts["plain"].get(name, {"calls": 0, "errors": 0, "seconds": 0.0})
        print(
            f"  {name:<18}{r['calls']:>10} ({r['errors']:>5}){p['calls']:>10} ({p['errors']:>5})"
            f"{r['calls'] - p['calls']:>13}{r['seconds']:>11.3f}{p['seconds']:>9.3f}"
        )
    total = {k: sum(v["calls"] for v in c.values()) for k, c in counts.items()}
    print(
        f"  {'total':<18}{total['runform']:>18}{total['plain']:>18}"
        f"{total['runform'] - total['plain']:>13}"
    )

    paths = {
        k: strace_paths(cmd, cwd, env, work / f"strace-files-{k}.txt")
        for k, (cmd, cwd) in commands.items()
    }
    by_where: dict[str, Counter] = {k: Counter() for k in paths}
    for k, c in paths.items():
        for (_, where), n in c.items():
            by_where[k][where] += n
    wheres = sorted(
        set(by_where["runform"]) | set(by_where["plain"]), key=lambda w: -by_where["runform"][w]
    )
    print("\nFile system calls by where the path points (runform / plain)")
    for where in wheres:
        r, p = by_where["runform"][where], by_where["plain"][where]
        detail = ", ".join(
            f"{name} {n}" for (name, w), n in paths["runform"].most_common() if w == where
        )[:110]
        print(f"  {where:<40}{r:>8}{p:>8}   runform: {detail}")

    if not args.no_py_spy:
        print("\npy-spy, runform build:")
        cmd, cwd = commands["runform"]
        print(py_spy_summary(cmd, cwd, env, work / "py-spy-runform.txt", args.top))
        print("\npy-spy, plain mkdocs build:")
        cmd, cwd = commands["plain"]
        print(py_spy_summary(cmd, cwd, env, work / "py-spy-plain.txt", args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
