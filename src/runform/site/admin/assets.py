"""Where the editors' JavaScript comes from: two npm packages at pinned versions.

runform ships no editor JavaScript in its wheel (Decap CMS is 5 MB, Sveltia CMS 2 MB). The
pages that load an editor are coach-only (`/admin/`, and `runform edit`'s own page), so they
load the pinned file from a public CDN with a Subresource Integrity hash: the browser refuses
the file unless its bytes are exactly the npm package's. `runform edit --editor-assets DIR`
serves a local copy instead (offline work, and the tests, which never reach a CDN).

A local copy is the package's `dist/` folder as `npm pack NAME@VERSION` gives it, at
`DIR/<folder>/` (see `EditorBundle.folder`); `make editor-assets` fetches both with npm and
checks their hashes against the pins below.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Final


@dataclass(frozen=True)
class EditorBundle:
    """One editor's script, pinned: npm package, version, file in its tarball, and its hash."""

    package: str  # npm name, e.g. "decap-cms"
    version: str  # exact version, e.g. "3.16.3"
    script: str  # the file inside the package, e.g. "dist/decap-cms.js"
    integrity: str  # Subresource Integrity of that file: "sha384-<base64>"
    cdn_root: str  # where the CDN serves the package's files; "" for none

    @property
    def spec(self) -> str:
        """`name@version`, as `npm pack` takes it."""
        return f"{self.package}@{self.version}"

    @property
    def folder(self) -> str:
        """The local copy's folder name: the spec with '/' and '@' made safe for a path."""
        return f"{self.package.lstrip('@').replace('/', '-')}-{self.version}"

    @property
    def cdn_url(self) -> str:
        """The pinned script on the CDN (coach-only pages load it, with `integrity`)."""
        return f"{self.cdn_root}/{self.spec}/{self.script}"

    def local_script(self, assets_dir: Path) -> Path:
        """The script in a local copy under `assets_dir`."""
        return assets_dir / self.folder / self.script


# Decap CMS drives `runform edit`: it can talk to a local backend (runform's, in Python).
_CDN: Final = "https://unpkg.com"
DECAP: Final = EditorBundle(
    "decap-cms",
    "3.16.3",
    "dist/decap-cms.js",
    "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p",
    _CDN,
)
# Sveltia CMS is the published site's /admin/: it signs in to GitHub with a token, no server.
SVELTIA: Final = EditorBundle(
    "@sveltia/cms",
    "0.221.1",
    "dist/sveltia-cms.js",
    "sha384-JQ+XsKx/UzwdTiNnFStza3XtqqQoVtyNPApkfvwlzZDfhe7giE9CnfQrpHqgv3k6",
    _CDN,
)
BUNDLES: Final = (DECAP, SVELTIA)


def subresource_integrity(data: bytes) -> str:
    """The `integrity` attribute value of `data`: "sha384-" + base64 of its SHA-384 digest."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")
