"""Screenshots of the home page and a tip, desktop and phone, light and dark, saved under the
pytest temporary folder (look at them: `screenshots/` in the path this test prints). Also
checks nothing runs off the side of a phone screen."""

from __future__ import annotations

from pathlib import Path

import pytest

PAGES = {"home": "", "heel-pick-up": "tips/heel-pick-up/"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("name", list(PAGES))
def test_screenshot(reader_site, visit, tmp_path_factory, name, width, scheme):
    folder = Path(tmp_path_factory.getbasetemp()) / "screenshots"
    folder.mkdir(exist_ok=True)
    page = visit(width=width, color_scheme=scheme).page()
    page.goto(reader_site.url(PAGES[name]))
    page.wait_for_load_state("networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"/{PAGES[name]} is {overflow}px wide on a {width}px screen"
    target = folder / f"{name}-{width}-{scheme}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000, f"{target} looks empty"
    print(f"screenshot: {target}")
