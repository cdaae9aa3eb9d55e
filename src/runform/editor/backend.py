"""Decap CMS's local-backend protocol, on a site's own `tips/` and `docs/images/` folders.

Decap CMS's `proxy` backend sends every read and write as one JSON POST,
`{"action": ..., "params": {...}}`, and expects JSON back (an `{"error": ...}` with a 4xx or
5xx status when it fails). Decap's own server for it, `decap-server`, is a Node program; a
coach has Python and no Node, so runform speaks the same protocol here (hand-written: no
Python package implements it). The actions of the simple publish mode are served:
`info`, `entriesByFolder`, `entriesByFiles`, `getEntry`, `persistEntry`, `getMedia`,
`getMediaFile`, `persistMedia`, `deleteFile`, `deleteFiles`, `getDeployPreview`.

Differences from decap-server, on purpose:
- only two places can be read or written: tip files (`.yml`) directly in `tips/`, and files
  directly in `docs/images/`; any other path, `..` or a link out of them is refused (422);
- a saved tip is rewritten in runform's own layout (`tip_yaml.normalize_editor_yaml`) and
  checked as `runform check` checks a file (YAML rules, the model, the file name, the
  poster); a tip with errors is not written, and Decap shows the lines of the check.

`LocalRepository.handle(request)` takes the decoded JSON body and returns (status, answer);
the HTTP side (origin checks, JSON decoding) belongs to `server`.
"""

from __future__ import annotations

import base64
import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Final

from runform.content.catalog import read_tip
from runform.editor.tip_yaml import EditorYamlError, normalize_editor_yaml
from runform.site.admin.config import MEDIA_FOLDER, TIPS_FOLDER

TIP_EXTENSION: Final = ".yml"
Answer = tuple[int, Any]


class RequestRefused(Exception):
    """A request the backend will not carry out; the message is shown in the editor."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class LocalRepository:
    """A site's folders as Decap's local backend sees them.

    root: the folder holding mkdocs.yml; docs_dir: the site's docs/ (posters are checked
    against it). Paths in requests are relative to `root`, with '/' separators.
    """

    root: Path
    docs_dir: Path

    def handle(self, request: Any) -> Answer:
        """One protocol request (the JSON body) -> (HTTP status, JSON-ready answer)."""
        if not isinstance(request, dict) or not isinstance(request.get("action"), str):
            return 422, {"error": "a request needs an 'action'"}
        params = request.get("params") or {}
        if not isinstance(params, dict):
            return 422, {"error": "'params' must be an object"}
        action = _ACTIONS.get(request["action"])
        if action is None:
            return 422, {"error": f"Unknown action {request['action']}"}
        try:
            return 200, action(self, params)
        except RequestRefused as refused:
            return refused.status, {"error": str(refused)}

    # -- paths -------------------------------------------------------------------------------

    def _resolve(self, relative: Any, *, area: str) -> Path:
        """`relative` ('tips/x.yml') as a path inside `area`, or RequestRefused."""
        if not isinstance(relative, str) or not relative:
            raise RequestRefused("a path is missing")
        parts = PurePosixPath(relative)
        if parts.is_absolute() or ".." in parts.parts or "\\" in relative:
            raise RequestRefused(f"'{relative}' is outside the site's {area}/ folder")
        if parts.parent != PurePosixPath(area):
            raise RequestRefused(f"'{relative}' is not a file directly in {area}/")
        if area == TIPS_FOLDER and parts.suffix != TIP_EXTENSION:
            raise RequestRefused(f"'{relative}' is not a tip file ({TIP_EXTENSION})")
        folder = (self.root / area).resolve()
        path = (self.root / relative).resolve()
        if path.parent != folder:
            raise RequestRefused(f"'{relative}' leads outside the site's {area}/ folder")
        return path

    def _area_of(self, relative: Any) -> str:
        text = relative if isinstance(relative, str) else ""
        return MEDIA_FOLDER if text.startswith(MEDIA_FOLDER + "/") else TIPS_FOLDER

    # -- entries -----------------------------------------------------------------------------

    def _entry(self, relative: str) -> dict[str, Any]:
        path = self._resolve(relative, area=TIPS_FOLDER)
        try:
            raw = path.read_bytes()
        except OSError:
            return {"data": None, "file": {"path": relative, "id": None}}
        return {
            "data": raw.decode("utf-8", errors="replace"),
            "file": {"path": relative, "id": hashlib.sha256(raw).hexdigest()},
        }

    def info(self, params: dict[str, Any]) -> Any:
        return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}

    def entries_by_folder(self, params: dict[str, Any]) -> Any:
        if params.get("folder") != TIPS_FOLDER:
            raise RequestRefused(f"only the {TIPS_FOLDER}/ folder holds entries")
        folder = self.root / TIPS_FOLDER
        names = (
            sorted(p.name for p in folder.glob(f"*{TIP_EXTENSION}") if p.is_file())
            if folder.is_dir()
            else []
        )
        return [self._entry(f"{TIPS_FOLDER}/{name}") for name in names]

    def entries_by_files(self, params: dict[str, Any]) -> Any:
        files = params.get("files") or []
        return [self._entry(item.get("path")) for item in files if isinstance(item, dict)]

    def get_entry(self, params: dict[str, Any]) -> Any:
        return self._entry(params.get("path"))

    def persist_entry(self, params: dict[str, Any]) -> Any:
        data_files = params.get("dataFiles") or [params.get("entry")]
        # Images first: a tip's poster is checked against docs/ (an image left by a refused
        # tip is harmless, and is there for the next try).
        for path, content in [self._asset(asset) for asset in params.get("assets") or []]:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        writes: list[tuple[Path, bytes]] = []
        for data_file in data_files:
            if not isinstance(data_file, dict) or not isinstance(data_file.get("raw"), str):
                raise RequestRefused("a saved entry needs its 'path' and 'raw' text")
            if data_file.get("newPath"):
                raise RequestRefused("a tip cannot be renamed from the editor")
            path = self._resolve(data_file.get("path"), area=TIPS_FOLDER)
            writes.append((path, self._checked_tip(path.name, data_file["raw"])))
        for path, content in writes:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        return {"message": "entry persisted"}

    def _checked_tip(self, name: str, raw: str) -> bytes:
        """The editor's text in runform's layout, if it passes the file's checks."""
        try:
            text = normalize_editor_yaml(raw)
        except EditorYamlError as error:
            raise RequestRefused(f"the tip could not be read: {error}") from None
        display = f"{TIPS_FOLDER}/{name}"
        with tempfile.TemporaryDirectory() as folder:
            trial = Path(folder, name)
            trial.write_text(text, encoding="utf-8")
            _, problems = read_tip(trial, display, self.docs_dir)
        errors = [str(d) for d in problems if d.is_error]
        if errors:
            raise RequestRefused("\n".join(["Not saved: runform check finds", *errors]))
        return text.encode("utf-8")

    # -- media -------------------------------------------------------------------------------

    def _media_file(self, relative: str) -> dict[str, Any]:
        path = self._resolve(relative, area=MEDIA_FOLDER)
        try:
            content = path.read_bytes()
        except OSError:
            raise RequestRefused(f"'{relative}' is not a file", status=404) from None
        return {
            "id": hashlib.sha256(content).hexdigest(),
            "content": base64.b64encode(content).decode("ascii"),
            "encoding": "base64",
            "path": relative,
            "name": path.name,
        }

    def _asset(self, asset: Any) -> tuple[Path, bytes]:
        if not isinstance(asset, dict) or asset.get("encoding") != "base64":
            raise RequestRefused("a file to save must be base64-encoded")
        path = self._resolve(asset.get("path"), area=MEDIA_FOLDER)
        try:
            return path, base64.b64decode(str(asset.get("content", "")), validate=True)
        except ValueError:
            raise RequestRefused("a file to save is not valid base64") from None

    def get_media(self, params: dict[str, Any]) -> Any:
        if params.get("mediaFolder") != MEDIA_FOLDER:
            raise RequestRefused(f"images live in {MEDIA_FOLDER}/")
        folder = self.root / MEDIA_FOLDER
        names = sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
        return [self._media_file(f"{MEDIA_FOLDER}/{name}") for name in names]

    def get_media_file(self, params: dict[str, Any]) -> Any:
        return self._media_file(params.get("path"))

    def persist_media(self, params: dict[str, Any]) -> Any:
        path, content = self._asset(params.get("asset"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return self._media_file(path.relative_to(self.root.resolve()).as_posix())

    # -- deleting ----------------------------------------------------------------------------

    def delete_file(self, params: dict[str, Any]) -> Any:
        relative = params.get("path")
        self._resolve(relative, area=self._area_of(relative)).unlink(missing_ok=True)
        return {"message": f"deleted file {relative}"}

    def delete_files(self, params: dict[str, Any]) -> Any:
        paths = params.get("paths") or []
        targets = [self._resolve(p, area=self._area_of(p)) for p in paths]
        for target in targets:
            target.unlink(missing_ok=True)
        return {"message": f"deleted files {', '.join(map(str, paths))}"}

    def get_deploy_preview(self, params: dict[str, Any]) -> Any:
        return None


_ACTIONS: Final = {
    "info": LocalRepository.info,
    "entriesByFolder": LocalRepository.entries_by_folder,
    "entriesByFiles": LocalRepository.entries_by_files,
    "getEntry": LocalRepository.get_entry,
    "persistEntry": LocalRepository.persist_entry,
    "getMedia": LocalRepository.get_media,
    "getMediaFile": LocalRepository.get_media_file,
    "persistMedia": LocalRepository.persist_media,
    "deleteFile": LocalRepository.delete_file,
    "deleteFiles": LocalRepository.delete_files,
    "getDeployPreview": LocalRepository.get_deploy_preview,
}
