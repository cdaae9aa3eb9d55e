"""Browser tests (Playwright + Debian Chromium); a package so its conftest is browser.conftest."""
