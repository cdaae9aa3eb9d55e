"""Fetch the pinned editor packages with npm into a local folder (`make editor-assets`).

    python tests/fetch_editor_assets.py .cache/editor-assets

Runs `npm pack NAME@VERSION` for each bundle in `runform.site.admin.assets.BUNDLES` (npm checks
the tarball against the registry's own hash), keeps the package's `dist/` folder as
`DIR/<bundle.folder>/dist/` (and `schema/`, Sveltia's config schema) without source maps,
and refuses a script whose hash is not the pinned one. A folder
already complete is left as it is, so the step is quick once done.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from runform.site.admin.assets import BUNDLES, EditorBundle, subresource_integrity


def fetch(bundle: EditorBundle, assets_dir: Path) -> None:
    target = assets_dir / bundle.folder
    script = bundle.local_script(assets_dir)
    if script.is_file() and subresource_integrity(script.read_bytes()) == bundle.integrity:
        return
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            ["npm", "pack", "--silent", "--pack-destination", work, bundle.spec],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (tarball,) = Path(work).glob("*.tgz")
        with tarfile.open(tarball) as archive:
            members = [
                m
                for m in archive.getmembers()
                if m.name.startswith(("package/dist/", "package/schema/"))
                and not m.name.endswith(".map")
            ]
            archive.extractall(work, members=members, filter="data")
        fetched = Path(work, "package", bundle.script)
        found = subresource_integrity(fetched.read_bytes())
        if found != bundle.integrity:
            pinned = bundle.integrity
            raise SystemExit(f"{bundle.spec}: {bundle.script} is {found}, pinned {pinned}")
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        for folder in ("dist", "schema"):
            if Path(work, "package", folder).is_dir():
                shutil.move(str(Path(work, "package", folder)), target / folder)
    print(f"Fetched {bundle.spec} into {target}")


def main(argv: list[str]) -> int:
    assets_dir = Path(argv[1] if len(argv) > 1 else ".cache/editor-assets")
    for bundle in BUNDLES:
        fetch(bundle, assets_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
