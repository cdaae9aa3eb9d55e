"""A first visit to a page in Chromium, every request counted, over a gzip static server.

    python bench/first_visit.py SITE_DIR tips/heel-pick-up/ [--prefix /runform/]

`GzipStaticServer` serves a built site on 127.0.0.1 as a static host does (GitHub Pages,
Netlify): text files (HTML, CSS, JS, JSON, XML, SVG, ...) gzip-compressed when the browser asks
for it, everything else as it is, under the URL path of the site's `site_url`. Python's
`http.server` cannot compress, and the well-kept compressing servers are WSGI middleware that
need a server besides; these few lines on top of `SimpleHTTPRequestHandler` are enough.

`first_visit(url)` opens the page in a fresh Chromium context (empty cache, Debian's
/usr/bin/chromium through Playwright), waits until the network has been idle, then counts every
request the page and its workers made: bytes on the wire (`Request.sizes()`: response headers
plus the body as transferred, so gzip-compressed where the server compressed it), by resource
type, and the number of `sitemap.xml` fetches. A request to the site's public address
(`site_url`, which Material uses to fetch `sitemap.xml` once per `<link rel="alternate">`) is
answered by the local server and counted with the bytes that server sent, as it would be on the
real host; other requests leaving 127.0.0.1 are refused and counted apart (their bytes are
unknown: a real visitor would load them from their hosts).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import mimetypes
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LOCAL_HOST = "127.0.0.1"
IDLE_WAIT_S = 1.5  # after "networkidle": a late fetch (search index, sitemap) still counts
# what static hosts compress: text, and the text formats of the web
_COMPRESSIBLE_TYPES = ("application/json", "application/xml", "image/svg+xml", "application/rss")
_COMPRESSIBLE_SUFFIXES = (".js", ".mjs", ".css", ".html", ".json", ".xml", ".svg", ".txt", ".map")


def _compressible(path: str, content_type: str) -> bool:
    return (
        content_type.startswith("text/")
        or content_type.startswith(_COMPRESSIBLE_TYPES)
        or path.endswith(_COMPRESSIBLE_SUFFIXES)
    )


class _GzipHandler(SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler that gzips text files (level 6, as static hosts do), below a
    URL prefix. The compressed bytes are kept per file (path, mtime, size)."""

    prefix = "/"
    cache: dict[tuple[str, int, int], bytes]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        if not url_path.startswith(self.prefix):
            return str(Path(self.directory) / "\x00missing")  # outside the site: 404
        return super().translate_path("/" + url_path[len(self.prefix) :])

    def do_GET(self) -> None:
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                super().do_GET()  # the handler's redirect to the folder's address
                return
            local = local / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        content_type = mimetypes.guess_type(local.name)[0] or "application/octet-stream"
        if not (wants_gzip and local.is_file() and _compressible(local.name, content_type)):
            super().do_GET()
            return
        stat = local.stat()
        key = (str(local), stat.st_mtime_ns, stat.st_size)
        body = self.cache.get(key)
        if body is None:
            body = self.cache[key] = gzip.compress(local.read_bytes(), 6, mtime=0)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


@dataclass
class GzipStaticServer:
    """`directory` served at http://127.0.0.1:<port><prefix>, gzip as static hosts do."""

    directory: Path
    prefix: str = "/"
    port: int = 0

    def __post_init__(self) -> None:
        prefix = "/" + self.prefix.strip("/") + "/" if self.prefix.strip("/") else "/"
        handler_class = type("Handler", (_GzipHandler,), {"prefix": prefix, "cache": {}})
        handler = functools.partial(handler_class, directory=str(self.directory))
        self._server = ThreadingHTTPServer((LOCAL_HOST, self.port), handler)
        self.port = self._server.server_address[1]
        self.prefix = prefix
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, path: str = "") -> str:
        return f"http://{LOCAL_HOST}:{self.port}{self.prefix}{path.lstrip('/')}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> GzipStaticServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@dataclass
class Visit:
    """What one first visit loaded. Bytes are on the wire: response headers plus the body as
    transferred (gzip where the server compressed it)."""

    url: str
    requests: int = 0  # every request to the site, failed ones included
    transferred: int = 0
    body_bytes: int = 0  # the bodies alone, as transferred
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)  # resource type -> counts
    sitemap_fetches: int = 0
    failed: list[str] = field(default_factory=list)  # site requests that did not complete
    external: list[str] = field(default_factory=list)  # refused: not on 127.0.0.1
    urls: list[str] = field(default_factory=list)


_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _fetch_raw(url: str) -> tuple[int, dict[str, str], bytes, int]:
    """GET with gzip accepted: status, headers, the body as sent (not decoded), header bytes."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        response = _NO_PROXY.open(request, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        raw = response.read()
        headers = dict(response.headers.items())
        status = response.status
    header_bytes = (
        len(f"HTTP/1.1 {status}\r\n") + sum(len(f"{k}: {v}\r\n") for k, v in headers.items()) + 2
    )
    return status, headers, raw, header_bytes


def first_visit(
    url: str, *, public_url: str | None = None, width: int = 1280, height: int = 800
) -> Visit:
    """Open `url` in a fresh Chromium context and count every request (see the module doc).
    public_url: the site's address (site_url) that `url`'s site answers for.
    Raises RuntimeError when Chromium is missing or the page does not load."""
    if not Path(CHROMIUM).is_file():
        raise RuntimeError(f"{CHROMIUM} not found (make browser installs Debian's chromium)")
    from playwright.sync_api import Request, Route, sync_playwright

    visit = Visit(url=url)
    origin = f"http://{LOCAL_HOST}:{urlsplit(url).port}/"
    lock = threading.Lock()

    def finished(request: Request) -> None:
        sizes = request.sizes()
        wire = sizes["responseHeadersSize"] + sizes["responseBodySize"]
        with lock:
            record(request, wire, sizes["responseBodySize"])

    def failed(request: Request) -> None:
        with lock:
            visit.failed.append(f"{request.url} ({request.failure})")
            record(request, 0, 0)

    def record(request: Request, wire: int, body: int) -> None:
        if not request.url.startswith(origin):
            return  # off-site: refused, or answered and counted by answer_public
        visit.body_bytes += body
        record_path(urlsplit(request.url).path, request.resource_type, wire)

    def record_path(path: str, resource_type: str, wire: int) -> None:
        visit.requests += 1
        visit.transferred += wire
        kind = visit.by_type.setdefault(resource_type, {"requests": 0, "bytes": 0})
        kind["requests"] += 1
        kind["bytes"] += wire
        visit.urls.append(path)
        if path.endswith("/sitemap.xml"):
            visit.sitemap_fetches += 1

    local_base = url.split(urlsplit(url).path, 1)[0] + _site_path(url, public_url)

    def answer_public(route: Route) -> None:
        """A request to the public address: fetched from the local server, counted here."""
        request = route.request
        local = local_base + request.url[len(public_url or "") :]
        status, headers, raw, header_bytes = _fetch_raw(local)
        body = gzip.decompress(raw) if headers.get("Content-Encoding") == "gzip" else raw
        with lock:
            record_path(urlsplit(request.url).path, request.resource_type, header_bytes + len(raw))
            visit.body_bytes += len(raw)
        kept = {k: v for k, v in headers.items() if k.lower() == "content-type"}
        route.fulfill(
            status=status, headers={**kept, "Access-Control-Allow-Origin": "*"}, body=body
        )

    def refuse_off_site(route: Route) -> None:
        if route.request.url.startswith(origin):
            route.continue_()
        elif public_url and route.request.url.startswith(public_url):
            answer_public(route)
        else:
            with lock:
                visit.external.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": width, "height": height})
            context.route("**/*", refuse_off_site)
            page = context.new_page()
            page.on("requestfinished", finished)
            page.on("requestfailed", failed)
            response = page.goto(url, wait_until="networkidle", timeout=60_000)
            if response is None or not response.ok:
                status = response.status if response else "no response"
                raise RuntimeError(f"{url}: {status}")
            time.sleep(IDLE_WAIT_S)
            page.wait_for_load_state("networkidle")
            context.close()
        finally:
            browser.close()
    return visit


def _site_path(url: str, public_url: str | None) -> str:
    """The URL path the local server serves the site under: public_url's path."""
    return urlsplit(public_url).path if public_url else "/"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOCAL_HOST, 0))
        return probe.getsockname()[1]


def measure(site: Path, page_path: str, site_url: str | None = None) -> dict[str, Any]:
    """Serve `site` with gzip under site_url's path and visit `page_path` (relative to the
    site); requests to site_url itself are answered by the same server."""
    prefix = urlsplit(site_url).path if site_url else "/"
    with GzipStaticServer(site, prefix, _free_port()) as server:
        return asdict(first_visit(server.url(page_path), public_url=site_url))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("page", help="the page's path in the site, e.g. tips/heel-pick-up/")
    parser.add_argument("--site-url", help="the site's site_url (its path is served too)")
    args = parser.parse_args(argv)
    visit = measure(args.site, args.page, args.site_url)
    print(json.dumps(visit, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
