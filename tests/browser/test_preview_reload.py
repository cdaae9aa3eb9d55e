"""In Chromium: a tip's preview page turns into the list of its problems when it breaks, and
back into the tip when it is fixed, with no reload by hand; home shows a banner meanwhile."""

from __future__ import annotations

from playwright.sync_api import Browser
from preview_server import running_preview, wait_for


def test_the_preview_reloads_itself_into_the_tips_problems_and_back(make_project, browser: Browser):
    project = make_project()
    tip = project.tips / "2026-11-20-heel-pick-up.yml"
    good = tip.read_text(encoding="utf-8")
    with running_preview(project.root) as preview:
        page_url = f"{preview.url}/tips/heel-pick-up/"
        wait_for(page_url, lambda status, _: status == 200, 90, "the first build")
        page = browser.new_page(viewport={"width": 390, "height": 844})
        try:
            page.goto(page_url)
            heading = page.locator("h1").first.inner_text()
            assert heading.startswith("Heel Pick Up"), heading

            tip.write_text(good.replace("title: Heel Pick Up", "title: [Heel"), "utf-8")
            page.wait_for_selector("[data-runform-problems]", timeout=10_000)
            where = page.locator(".rf-problems__where").first.inner_text()
            assert where == "tips/2026-11-20-heel-pick-up.yml:3:5", where
            home = browser.new_page(viewport={"width": 390, "height": 844})
            try:
                home.goto(f"{preview.url}/")
                banner = home.locator("[data-runform-problems-banner] a")
                assert banner.inner_text() == "tips/2026-11-20-heel-pick-up.yml"
                banner.click()
                home.wait_for_selector("[data-runform-problems]", timeout=10_000)
            finally:
                home.close()

            tip.write_text(good, encoding="utf-8")
            page.wait_for_function(
                "() => !document.querySelector('[data-runform-problems]')"
                " && document.querySelector('h1')?.innerText.startsWith('Heel Pick Up')",
                timeout=10_000,
            )
        finally:
            page.close()
