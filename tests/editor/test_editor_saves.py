"""What the editor saves passes `runform check`: runform's writer and the local backend."""

from __future__ import annotations

import base64
import subprocess
import sys
from pathlib import Path
from typing import Any

from runform.content.reader import read_yaml_text
from runform.editor.backend import LocalRepository
from runform.editor.tip_yaml import normalize_editor_yaml

# What Decap CMS's YAML 1.2 writer gives for a tip typed into the form.
DECAP_TEXT = """title: no
date: 2026-12-04
summary: 'Time: 12:30 # sharp'
cue:
  name: "Quick: feet # fast"
  say: ""
rationale:
  - heading: 12:30
    body: |-
      Body one

      **bold**: # x
draft: false
teaser: ""
tags: []
"""

EXPECTED = """# yaml-language-server: $schema=../schema/tip.schema.json
title: "no"
date: 2026-12-04
summary: "Time: 12:30 # sharp"
cue:
  name: "Quick: feet # fast"
rationale:
  - heading: "12:30"
    body: |-
      Body one

      **bold**: # x
draft: false
"""


def test_editor_text_is_rewritten_in_runforms_layout() -> None:
    assert normalize_editor_yaml(DECAP_TEXT) == EXPECTED


def test_text_reads_back_as_typed_and_a_second_save_changes_nothing() -> None:
    text = normalize_editor_yaml(DECAP_TEXT)
    document = read_yaml_text(text.encode(), "tips/2026-12-04-no.yml")
    assert not isinstance(document, list), document
    assert document.data["title"] == "no"
    assert document.data["summary"] == "Time: 12:30 # sharp"
    assert document.data["cue"] == {"name": "Quick: feet # fast"}
    assert document.data["rationale"][0]["heading"] == "12:30"
    assert document.data["rationale"][0]["body"] == "Body one\n\n**bold**: # x"
    assert normalize_editor_yaml(text) == text


def test_awkward_text_is_quoted_not_put_in_a_block() -> None:
    text = normalize_editor_yaml(
        'title: "a\\tb"\nsummary: "  lead\\nnext"\ncue: {name: "x\\u2028y"}\n'
    )
    assert 'title: "a\\tb"' in text
    assert 'summary: "  lead\\nnext"' in text
    assert 'name: "x\\Ly"' in text
    document = read_yaml_text(text.encode(), "t.yml")
    assert not isinstance(document, list), document
    assert document.data["summary"] == "  lead\nnext"
    assert document.data["cue"]["name"] == "x\u2028y"


def _repo(tmp_path: Path) -> LocalRepository:
    (tmp_path / "tips").mkdir()
    (tmp_path / "docs" / "images").mkdir(parents=True)
    return LocalRepository(tmp_path, tmp_path / "docs")


def _persist(repo: LocalRepository, path: str, raw: str, assets: Any = ()) -> tuple[int, Any]:
    entry = {"slug": "x", "path": path, "raw": raw}
    options = {"commitMessage": "c", "useWorkflow": False, "status": ""}
    request = {"dataFiles": [entry], "assets": list(assets), "options": options, "branch": "m"}
    return repo.handle({"action": "persistEntry", "params": request})


def test_backend_saves_a_checked_tip_that_runform_check_accepts(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n", encoding="utf-8")
    poster = {
        "path": "docs/images/p.jpg",
        "content": base64.b64encode(b"jpg").decode(),
        "encoding": "base64",
    }
    raw = DECAP_TEXT.replace(
        "draft: false",
        "video:\n  url: https://youtu.be/aaaaaaaaaaa\n  title: Demo\n  poster: images/p.jpg",
    )
    assert _persist(repo, "tips/2026-12-04-no.yml", raw, [poster]) == (
        200,
        {"message": "entry persisted"},
    )
    assert (tmp_path / "docs" / "images" / "p.jpg").read_bytes() == b"jpg"
    saved = (tmp_path / "tips" / "2026-12-04-no.yml").read_text(encoding="utf-8")
    assert saved.startswith("# yaml-language-server:")
    check = subprocess.run(
        [sys.executable, "-m", "runform", "check", "tips/2026-12-04-no.yml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    entries = repo.handle(
        {"action": "entriesByFolder", "params": {"folder": "tips", "extension": "yml", "depth": 1}}
    )
    assert entries[0] == 200
    assert [e["file"]["path"] for e in entries[1]] == ["tips/2026-12-04-no.yml"]
    assert entries[1][0]["data"] == saved


def test_backend_refuses_a_tip_with_errors_and_writes_nothing(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    status, answer = _persist(repo, "tips/2026-12-11-no.yml", DECAP_TEXT)
    assert status == 422
    assert answer["error"].splitlines() == [
        "Not saved: runform check finds",
        "tips/2026-12-11-no.yml:3:7: error: date 2026-12-04 does not match the file name's "
        "date 2026-12-11 (rename the file to 2026-12-04-no.yml or fix the date)",
    ]
    assert not (tmp_path / "tips" / "2026-12-11-no.yml").exists()


def test_backend_refuses_paths_outside_tips_and_images(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n", encoding="utf-8")
    for path in (
        "mkdocs.yml",
        "tips/../mkdocs.yml",
        "/etc/passwd",
        "tips/sub/x.yml",
        "tips/x.md",
        "docs/index.md",
    ):
        status, _ = repo.handle({"action": "getEntry", "params": {"path": path}})
        assert status == 422, path
    status, _ = repo.handle({"action": "deleteFile", "params": {"path": "mkdocs.yml"}})
    assert status == 422
    assert (tmp_path / "mkdocs.yml").is_file()
    assert repo.handle({"action": "nope"}) == (422, {"error": "Unknown action nope"})
