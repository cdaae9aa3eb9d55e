"""A build lets go of each page's HTML once the page is written (`mkdocs_glue.on_post_page`,
which runs after every other plugin's `on_post_page`): MkDocs would keep every page's
converted HTML on its page object to the end of the build. A spy hook added after runform's
records what it sees; a real `mkdocs build` runs it."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import new_project

_SPY = """
import json
from pathlib import Path

from mkdocs.plugins import event_priority

_files = None
_seen = {}


def on_files(files, config):
    global _files
    _files = files
    return files


@event_priority(50)  # a plugin that reads the page when it is written: runform's runs later
def on_post_page(output, page, config):
    _seen[page.file.src_uri] = bool(page.content) and page.content in output
    return output


def on_post_build(config):
    pages = [f for f in _files.documentation_pages() if f.page is not None]
    left = {f.src_uri: f.page.content is not None for f in pages}
    report = Path(config.config_file_path).with_name("spy.json")
    report.write_text(json.dumps({"seen": _seen, "left": left}), encoding="utf-8")
"""


def test_every_page_lets_go_of_its_html_once_written(tmp_path: Path) -> None:
    project = new_project(tmp_path / "project")
    (project.root / "hooks" / "spy.py").write_text(_SPY, encoding="utf-8")
    project.update_config({"hooks": ["hooks/runform_hooks.py", "hooks/spy.py"]})
    project.build_ok()
    report = json.loads((project.root / "spy.json").read_text(encoding="utf-8"))
    seen, left = report["seen"], report["left"]
    assert {"tips/heel-pick-up.md", "tips/cadence-quick-feet.md", "tips/index.md"} <= seen.keys()
    assert any(not uri.startswith("tips/") for uri in seen)  # the coach's own pages too
    assert all(seen.values()), [uri for uri, ok in seen.items() if not ok]
    assert left.keys() == seen.keys()
    assert not any(left.values()), [uri for uri, kept in left.items() if kept]
