"""`runform edit` for real: the editor server and the live preview, both on 127.0.0.1."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lxml import html
from preview_server import free_port, stop, wait_for

from conftest import Project, new_project
from runform.site.admin.assets import DECAP

REPO = Path(__file__).resolve().parents[2]
ASSETS = REPO / ".cache" / "editor-assets"


@contextmanager
def running_editor(root: Path, editor_port: int, preview_port: int) -> Iterator[Path]:
    log = root / "edit.log"
    command = [
        sys.executable,
        "-m",
        "runform",
        "edit",
        "--editor-port",
        str(editor_port),
        "--dev-addr",
        f"127.0.0.1:{preview_port}",
        "--editor-assets",
        str(ASSETS),
    ]
    env = {**os.environ, "RUNFORM_AS_OF": "2026-11-24", "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(command, cwd=root, env=env, stdout=output, stderr=output)
        try:
            yield log
        finally:
            stop(server)


def _get(port: int, path: str) -> tuple[int, str | None, str]:
    """One GET that does not follow redirects: status, Location, body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.getheader("Location"), response.read().decode()
    finally:
        connection.close()


def test_runform_edit_serves_the_editor_for_the_site_and_links_tips_to_the_preview(
    tmp_path: Path,
) -> None:
    project: Project = new_project(tmp_path / "site")
    project.update_config(
        {
            "site_name": "Laufschule Nord",
            "use_directory_urls": False,
            "theme": {"name": "material", "font": False, "language": "de"},
        }
    )
    editor_port, preview_port = free_port(), free_port()
    editor = f"http://127.0.0.1:{editor_port}"
    with running_editor(project.root, editor_port, preview_port) as log:
        status, body = wait_for(f"{editor}/admin/", lambda s, _: s == 200, 30, "the editor page")
        page = html.fromstring(body)
        assert page.get("lang") == "de"
        assert page.findtext(".//title") == "Laufschule Nord: editor"
        (script,) = page.xpath("//script/@src")
        assert script == f"/admin/assets/{DECAP.folder}/{DECAP.script}"
        assert script.endswith("dist/decap-cms.js")

        status, location, _ = _get(editor_port, "/admin/preview/2026-11-20-heel-pick-up")
        tip_page = f"http://127.0.0.1:{preview_port}/tips/heel-pick-up.html"
        assert (status, location) == (302, tip_page), log.read_text(encoding="utf-8")
        assert _get(editor_port, "/admin/preview/2026-01-01-no-such-tip")[0] == 404
        _, tip_html = wait_for(tip_page, lambda s, _: s == 200, 120, "the preview's tip page")
        assert "Heel Pick Up" in tip_html
    assert "Editor at http://127.0.0.1:" in log.read_text(encoding="utf-8")


def test_runform_edit_says_when_its_port_is_taken(tmp_path: Path) -> None:
    project = new_project(tmp_path / "site")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "runform", "edit", "--editor-port", str(port)],
            cwd=project.root,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stderr.startswith(f"runform: the editor cannot listen on 127.0.0.1:{port}: ")
    assert result.stderr.rstrip().endswith("pick another port, e.g. --editor-port 8101")


def test_runform_edit_refuses_an_assets_folder_without_the_editor(tmp_path: Path) -> None:
    # what `npm pack decap-cms@…` and `tar xzf` give: package/dist/decap-cms.js, one level
    # short of the layout the editor page loads from
    project = new_project(tmp_path / "site")
    unpacked = tmp_path / "package"
    (unpacked / "dist").mkdir(parents=True)
    (unpacked / "dist" / "decap-cms.js").write_text("/* decap */", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "runform", "edit", "--editor-assets", str(unpacked)],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"runform: --editor-assets {unpacked} has no {DECAP.folder}/dist/decap-cms.js, so the"
        f" editor could not load; get the package with 'npm pack decap-cms@{DECAP.version}',"
        f" unpack it and move its 'package' folder to {unpacked / DECAP.folder}\n"
    )
