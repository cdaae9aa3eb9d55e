"""`runform serve` prints what matters: no dirty-build warning, no nav or 404 noise."""

from __future__ import annotations

from pathlib import Path

from preview_server import fetch, running_preview, wait_for

from conftest import minimal_tip


def test_the_preview_log_has_no_mkdocs_noise_and_keeps_real_warnings(make_project) -> None:
    project = make_project({"2026-11-20-noise.yml": minimal_tip("Noise")}, example_tips=False)
    with running_preview(project.root) as preview:
        page = f"{preview.url}/tips/noise/"
        wait_for(page, lambda status, _html: status == 200, 90, "the first build")
        assert fetch(f"{preview.url}/no-such-page/")[0] == 404
        tip = project.tips / "2026-11-20-noise.yml"
        tip.write_text(minimal_tip("Noise again"), encoding="utf-8")
        wait_for(page, lambda _status, html: "Noise again" in html, 30, "the rebuild")
        (project.root / "docs" / "stray.md").write_text("[gone](missing.md)\n", "utf-8")
        log = Path(preview.log)
        wait_for(page, lambda *_: "missing.md" in log.read_text("utf-8"), 30, "the warning")
    text = log.read_text(encoding="utf-8")
    assert "'dirty' build" not in text
    assert 'not included in the "nav"' not in text
    assert "code 404" not in text
    assert "missing.md" in text  # a real warning about the site still shows
