"""Two builds of the same sources as of the same day are byte-identical, file by file.

The second build runs in another folder, on another "build day" (SOURCE_DATE_EPOCH, which
MkDocs uses for its build date), with another hash seed (set and dict order) and with no card
cache, so a build timestamp, an absolute path or an unordered set anywhere shows up as a
difference.
"""

from __future__ import annotations

import gzip
import struct
from datetime import UTC, datetime
from pathlib import Path

from conftest import Project


def tree(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_two_builds_are_byte_identical(make_project) -> None:
    first: Project = make_project()
    second: Project = make_project()
    first.build_ok("2026-11-24", env={"SOURCE_DATE_EPOCH": "1790000000", "PYTHONHASHSEED": "1"})
    second.build_ok("2026-11-24", env={"SOURCE_DATE_EPOCH": "1800000000", "PYTHONHASHSEED": "2"})
    one, two = tree(first.site), tree(second.site)
    assert sorted(one) == sorted(two), "both builds write the same files"
    differing = [name for name in one if one[name] != two[name]]
    assert differing == [], f"these files differ between two builds: {differing}"
    for name in (
        "sitemap.xml",
        "sitemap.xml.gz",
        "search/search_index.json",
        "feed.xml",
        "feed.json",
        "tags/index.html",
        "tags/drills/index.html",
        "assets/runform/cards/tips/heel-pick-up.png",
    ):
        assert name in one, f"{name} is part of the compared output"


def test_a_rebuild_with_a_warm_cache_is_identical_too(make_project) -> None:
    project: Project = make_project()
    project.build_ok("2026-11-24")
    cold = tree(project.site)
    project.build_ok("2026-11-24", env={"SOURCE_DATE_EPOCH": "1800000000"})
    warm = tree(project.site)
    differing = sorted(name for name in set(cold) | set(warm) if cold.get(name) != warm.get(name))
    assert differing == [], f"these files differ after a rebuild: {differing}"


def test_sitemap_gzip_carries_the_newest_tip_date_not_the_build_time(make_project) -> None:
    project: Project = make_project()
    project.build_ok("2026-11-24", env={"SOURCE_DATE_EPOCH": "1800000000"})
    data = (project.site / "sitemap.xml.gz").read_bytes()
    (mtime,) = struct.unpack("<I", data[4:8])  # RFC 1952: MTIME, bytes 4-7
    newest_tip = datetime(2026, 11, 20, tzinfo=UTC)
    assert mtime == int(newest_tip.timestamp()), "sitemap.xml.gz: mtime is the newest tip's date"
    assert gzip.decompress(data) == (project.site / "sitemap.xml").read_bytes()
