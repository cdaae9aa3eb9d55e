"""`runform edit`'s editor server: Decap CMS and runform's local backend on 127.0.0.1.

One origin serves everything the editor needs, so the browser never sends the coach's
files across origins:

    GET  /admin/                  the editor page (Decap CMS)
    GET  /admin/config.yml        `config.local_config` for this site
    GET  /admin/assets/<file>     a local copy of the editor (`--editor-assets`), if given
    POST /admin/api/v1            the local-backend protocol (`backend.LocalRepository`)
    GET  /admin/preview/<name>    302 to the tip's page in `runform serve`'s preview
    GET  /                        302 to /admin/

The API answers only requests that cannot come from another web page: the body must be
`application/json` (a cross-origin page cannot send that without a preflight, which is never
granted), an `Origin`, when sent, must be this server's, and the `Host` must be the address
it listens on (no DNS rebinding). The server binds to 127.0.0.1 only.
"""

from __future__ import annotations

import json
import mimetypes
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from typing import Any, Final
from urllib.parse import unquote, urlsplit

from runform.content.catalog import read_tip
from runform.content.paths import parse_tip_file_name
from runform.content.project import Project
from runform.content.records import Strings
from runform.editor.backend import LocalRepository
from runform.site.addresses import encode_path, page_url, tip_uri
from runform.site.admin.assets import DECAP
from runform.site.admin.config import (
    LOCAL_API_PATH,
    PREVIEW_PATH,
    TIPS_FOLDER,
    config_yaml,
    local_config,
)
from runform.site.admin.page import admin_html

LOCAL_HOST: Final = "127.0.0.1"
MAX_BODY: Final = 32 * 1024 * 1024  # an image upload arrives base64-encoded in one request
_ASSETS_PATH: Final = "/admin/assets/"


@dataclass(frozen=True)
class EditorSite:
    """What the editor server serves, for one site.

    preview_url: the preview's address with the site's path ("http://127.0.0.1:8000/");
    assets_dir: a local copy of the editor packages (see `assets`), or None for the CDN.
    """

    repository: LocalRepository
    site_name: str
    preview_url: str
    strings: Strings
    language: str = "en"
    use_directory_urls: bool = True
    assets_dir: Path | None = None

    def page(self) -> str:
        script = f"{_ASSETS_PATH}{DECAP.folder}/{DECAP.script}" if self.assets_dir else ""
        return admin_html(
            DECAP, title=f"{self.site_name}: editor", language=self.language, script_url=script
        )

    def config(self, origin: str) -> str:
        return config_yaml(local_config(self.strings, language=self.language, editor_origin=origin))

    def tip_page_url(self, name: str) -> str | None:
        """The preview address of the tip in tips/<name>.yml, or None if there is none."""
        path = self.repository.root / TIPS_FOLDER / f"{name}.yml"
        if "/" in name or not path.is_file():
            return None
        entry, _ = read_tip(path, f"{TIPS_FOLDER}/{path.name}", None)
        parts = parse_tip_file_name(path.name)
        slug = entry.slug if entry is not None else parts.slug if parts is not None else None
        if slug is None:
            return None
        page = encode_path(page_url(tip_uri(slug), self.use_directory_urls))
        return self.preview_url.rstrip("/") + "/" + page


def editor_site(project: Project, preview_url: str, assets_dir: Path | None = None) -> EditorSite:
    """What the editor server serves for `project`, linking tips to `preview_url` (the
    preview's address with the site's path); `assets_dir`: a local copy of the editors.
    mkdocs.yml's site_name, theme.language and use_directory_urls come from `project.config`."""
    config = project.config
    theme = config.get("theme") if isinstance(config.get("theme"), Mapping) else {}
    return EditorSite(
        repository=LocalRepository(project.root, project.docs_dir),
        site_name=str(config.get("site_name") or project.root.name),
        preview_url=preview_url,
        strings=project.settings.strings,
        language=str(theme.get("language") or "en"),
        use_directory_urls=config.get("use_directory_urls") is not False,
        assets_dir=assets_dir,
    )


class EditorServer(ThreadingHTTPServer):
    """The editor server on 127.0.0.1:`port` (0: any free port); `serve_in_thread()` starts it."""

    daemon_threads = True

    def __init__(self, site: EditorSite, port: int = 0) -> None:
        super().__init__((LOCAL_HOST, port), _Handler)
        self.site = site
        self._thread: threading.Thread | None = None

    @property
    def origin(self) -> str:
        return f"http://{LOCAL_HOST}:{self.server_address[1]}"

    def serve_in_thread(self) -> None:
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: EditorServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    # -- answers ---------------------------------------------------------------------------

    def _send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, answer: Any) -> None:
        self._send(status, json.dumps(answer).encode(), "application/json; charset=utf-8")

    def _redirect(self, location: str) -> None:
        self._send(302, b"", "text/plain", Location=location)

    def _not_found(self) -> None:
        self._send(404, b"Not found\n", "text/plain; charset=utf-8")

    def _host_ok(self) -> bool:
        return self.headers.get("Host") == self.server.origin.removeprefix("http://")

    # -- GET ---------------------------------------------------------------------------------

    def do_GET(self) -> None:
        if not self._host_ok():
            self._send(421, b"Wrong host\n", "text/plain")
            return
        path = urlsplit(self.path).path
        site = self.server.site
        if path in ("/", "/admin"):
            self._redirect("/admin/")
        elif path == "/admin/":
            self._send(200, site.page().encode(), "text/html; charset=utf-8")
        elif path == "/admin/config.yml":
            body = site.config(self.server.origin).encode()
            self._send(200, body, "text/yaml; charset=utf-8")
        elif path.startswith(PREVIEW_PATH):
            target = site.tip_page_url(unquote(path[len(PREVIEW_PATH) :]).strip("/"))
            self._redirect(target) if target else self._not_found()
        elif path.startswith(_ASSETS_PATH) and site.assets_dir is not None:
            self._asset(site.assets_dir, unquote(path[len(_ASSETS_PATH) :]))
        else:
            self._not_found()

    do_HEAD = do_GET

    def _asset(self, assets_dir: Path, relative: str) -> None:
        parts = PurePosixPath(relative).parts
        if not parts or ".." in parts or relative.startswith("/"):
            self._not_found()
            return
        file = assets_dir.joinpath(*parts)
        if not file.is_file():
            self._not_found()
            return
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind.endswith("javascript"):
            kind += "; charset=utf-8"
        self._send(200, file.read_bytes(), kind)

    # -- POST --------------------------------------------------------------------------------

    def do_POST(self) -> None:
        if urlsplit(self.path).path != LOCAL_API_PATH:
            self._not_found()
            return
        origin = self.headers.get("Origin")
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if not self._host_ok() or (origin is not None and origin != self.server.origin):
            self._json(403, {"error": "only the editor on this address may change files"})
            return
        if content_type != "application/json":
            self._json(415, {"error": "requests must be application/json"})
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._json(413, {"error": f"a request may be {MAX_BODY // 2**20} MB at most"})
            return
        try:
            request = json.loads(self.rfile.read(length) or b"null")
        except ValueError:
            self._json(400, {"error": "the request is not JSON"})
            return
        status, answer = self.server.site.repository.handle(request)
        self._json(status, answer)
