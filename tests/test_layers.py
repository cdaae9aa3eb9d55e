"""The plan of the house, enforced: content/ <- site/ <- mkdocs_glue <- cli/, one way only.

- `runform.content` imports nothing of runform above it, and never MkDocs;
- `runform.site` imports content (and itself), never MkDocs, the glue or the CLI;
- `runform.mkdocs_glue` is the only module that imports `mkdocs` (or Material);
- `runform.cli` reaches the glue only inside a function (MkDocs loads only for build and serve).
Feature packages (an importer, the e-mail edition, the editor) sit beside site/ and follow
site/'s rule.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO, minimal_tip, new_project

SRC = REPO / "src" / "runform"
MKDOCS_MODULES = ("mkdocs", "material")
# what each layer may import of runform (top level of the module); anything else is a breach
ALLOWED = {
    "content": ("runform.content",),
    "site": ("runform.content", "runform.site"),
    "mkdocs_glue": ("runform.content", "runform.site"),
    "cli": ("runform.content", "runform.site", "runform.cli"),
}
FEATURE_ALLOWED = ("runform.content", "runform.site")


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, "runform.site.pages"
    target: str  # what it imports, "runform.content.catalog"
    line: int
    nested: bool  # inside a function: loaded only when that function runs


def _imports(src: Path) -> list[Import]:
    found: list[Import] = []
    for path in sorted(src.rglob("*.py")):
        parts = path.relative_to(src.parent).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nested_lines = {
            node.lineno
            for function in ast.walk(tree)
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
            for node in ast.walk(function)
            if isinstance(node, ast.Import | ast.ImportFrom)
        }
        type_only = _type_checking_lines(tree)
        for node in ast.walk(tree):
            if node.lineno in type_only if hasattr(node, "lineno") else False:
                continue
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module]
            else:
                continue
            found += [Import(module, t, node.lineno, node.lineno in nested_lines) for t in targets]
    return found


def _type_checking_lines(tree: ast.Module) -> set[int]:
    """Lines under `if TYPE_CHECKING:`, which never run."""
    lines: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            lines |= {n.lineno for n in ast.walk(node) if hasattr(n, "lineno")}
    return lines


def _layer(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) < 2:
        return None
    return parts[1] if parts[1] in ALLOWED else ("feature" if len(parts) > 2 else None)


def layer_violations(src: Path) -> list[str]:
    """Every import that breaks the plan, as 'module:line imports target (rule)'.

    A feature package (`runform.importers`, ...) follows site/'s rule plus its own package;
    the CLI may run any of them."""
    problems: list[str] = []
    for found in _imports(src):
        layer = _layer(found.module)
        where = f"{found.module}:{found.line} imports {found.target}"
        root = found.target.split(".")[0]
        if root in MKDOCS_MODULES and found.module != "runform.mkdocs_glue":
            problems.append(f"{where} (only runform.mkdocs_glue imports MkDocs)")
            continue
        if root != "runform" or layer is None or found.target == "runform":
            continue
        if found.target.startswith("runform.mkdocs_glue") and layer == "cli" and found.nested:
            continue  # the CLI loads MkDocs lazily, for build and serve
        if layer == "cli" and _layer(found.target) == "feature":
            continue  # a command runs a feature (the importer, the e-mail edition, the editor)
        allowed = FEATURE_ALLOWED if layer == "feature" else ALLOWED[layer]
        if layer == "feature":
            allowed = (*allowed, ".".join(found.module.split(".")[:2]))
        if not found.target.startswith(allowed):
            problems.append(f"{where} ({layer} may import only {', '.join(allowed)})")
    return problems


def test_the_package_follows_the_plan() -> None:
    assert layer_violations(SRC) == []


@pytest.mark.parametrize(
    ("file", "code", "expected"),
    [
        (
            "content/model.py",
            "from runform.site.pages import build_pages\n",
            "runform.content.model:1 imports runform.site.pages"
            " (content may import only runform.content)",
        ),
        (
            "site/pages.py",
            "import mkdocs.config\n",
            "runform.site.pages:1 imports mkdocs.config (only runform.mkdocs_glue imports MkDocs)",
        ),
        (
            "cli/check.py",
            "from runform.mkdocs_glue import build_with_mkdocs\n",
            "runform.cli.check:1 imports runform.mkdocs_glue"
            " (cli may import only runform.content, runform.site, runform.cli)",
        ),
        (
            "site/feeds.py",
            "from runform.cli.common import CommandError\n",
            "runform.site.feeds:1 imports runform.cli.common"
            " (site may import only runform.content, runform.site)",
        ),
    ],
    ids=["content-imports-site", "site-imports-mkdocs", "cli-imports-glue-eagerly", "site-cli"],
)
def test_the_rule_catches_a_breach(tmp_path: Path, file: str, code: str, expected: str) -> None:
    tree = tmp_path / "runform"
    target = tree / file
    target.parent.mkdir(parents=True)
    target.write_text(code, encoding="utf-8")
    assert layer_violations(tree) == [expected]


def test_no_module_writes_the_environment() -> None:
    """The as-of day and every other value travel as arguments: our code never sets os.environ
    (it reads RUNFORM_AS_OF at the edge, as a user-facing override)."""
    writes = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = node.targets if isinstance(node, ast.Assign) else []
            for target in targets:
                if isinstance(target, ast.Subscript) and ast.unparse(target.value) in _ENVIRON:
                    writes.append(f"{path.relative_to(SRC)}:{node.lineno}")
            if isinstance(node, ast.Call) and ast.unparse(node.func).endswith(
                ("environ.update", "putenv")
            ):
                writes.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert writes == []


_ENVIRON = ("os.environ", "environ")
_COUNT_PARSES = """
import cProfile, pstats, sys
from runform.cli import main
profile = cProfile.Profile()
code = profile.runcall(main, sys.argv[1:])
stats = pstats.Stats(profile).stats.items()
calls = sum(c[1] for (f, _l, n), c in stats if n == "_parse_tip" and f.endswith("catalog.py"))
reads = sum(c[1] for (f, _l, n), c in stats if n == "read_yaml_text" and f.endswith("reader.py"))
print(f"exit={code} parses={calls} reads={reads}")
"""


@pytest.mark.parametrize(
    "command",
    [
        ["build", "--as-of", "2026-11-24", "--out", "out"],
        ["publish", "--as-of", "2026-11-24", "--out", "out", "--summary", "summary.md"],
    ],
    ids=["build", "publish"],
)
def test_runform_build_reads_each_tip_once(tmp_path: Path, command: list[str]) -> None:
    tips = {
        f"2026-{month:02d}-{day:02d}-tip-{month}-{day}.yml": minimal_tip(
            f"Tip {month} {day}", f"2026-{month:02d}-{day:02d}"
        )
        for month, day in [(m, d) for m in range(1, 11) for d in (2, 16)]
    }
    project = new_project(tmp_path / "project", tips, example_tips=False)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("RUNFORM_AS_OF", None)
    result = subprocess.run(
        [sys.executable, "-c", _COUNT_PARSES, *command],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    counts = f"exit=0 parses={len(tips)} reads={len(tips)}"
    assert result.stdout.strip().splitlines()[-1] == counts, result.stderr
    assert "RUNFORM_AS_OF" not in env
