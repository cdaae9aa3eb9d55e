"""The editor in Chromium: Decap CMS on runform's local backend, offline, on a real site.

The editor's JavaScript comes from the local copy `make editor-assets` fetched (the CDN is
never reached: every request off 127.0.0.1 is aborted).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import html
from playwright.sync_api import Locator, Page, expect

from conftest import Project
from runform.content.settings import Strings
from runform.editor.backend import LocalRepository
from runform.editor.server import EditorServer, EditorSite

REPO = Path(__file__).resolve().parents[2]
ASSETS = REPO / ".cache" / "editor-assets"
SHOTS = REPO / ".cache" / "screenshots"


@pytest.fixture
def editor(make_project: Callable[..., Project]) -> Iterator[tuple[Project, EditorServer]]:
    if not ASSETS.is_dir():
        pytest.fail(f"{ASSETS} is missing: run `make editor-assets` (make test does it)")
    project = make_project()
    server = _editor_server(project, ASSETS)
    yield project, server
    server.stop()


def _editor_server(project: Project, assets: Path | None) -> EditorServer:
    """The local editor on `project`, serving the editor's program from `assets` (None: the
    pinned CDN address), started in a thread."""
    site = EditorSite(
        LocalRepository(project.root, project.root / "docs"),
        site_name="Test Running Club",
        preview_url="http://127.0.0.1:8000/",
        strings=Strings(),
        assets_dir=assets,
    )
    server = EditorServer(site)
    server.serve_in_thread()
    return server


def _open(visit: Any, server: EditorServer, width: int = 1280) -> Page:
    page = visit(width=width).page()
    page.goto(f"{server.origin}/admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Heel Pick Up").wait_for()
    return page


def _list(page: Page, name: str) -> Locator:
    return page.locator(f'div[id^="{name}-field-"]').first


def _publish(page: Page) -> None:
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()
    page.get_by_text("Changes saved", exact=True).wait_for()


def _check(project: Project, *paths: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "runform", "check", *paths],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_tip_written_in_the_form_is_saved_checked_and_built(
    editor: tuple[Project, EditorServer], visit: Any
) -> None:
    project, server = editor
    page = _open(visit, server)
    page.goto(f"{server.origin}/admin/#/collections/tips/new")
    page.locator('[id^="title-field-"]').first.fill("no")
    page.locator('[id^="date-field-"]').fill("2026-12-11")
    page.locator('[id^="summary-field-"]').fill("Time: 12:30 # sharp, every run.")
    tags = _list(page, "tags")
    for n, tag in enumerate(["cadence", "drills"]):
        tags.get_by_role("button", name="Add tag").click()
        tags.locator('[id^="item-field-"]').nth(n).fill(tag)
    page.locator('[id^="name-field-"]').first.fill("Quick: feet # fast")
    rationale = _list(page, "rationale")
    for n, (heading, body) in enumerate(
        [("Why cadence?", "Shorter steps land **under** you."), ("Second: # why", "Less load.")]
    ):
        rationale.get_by_role("button", name="Add section").click()
        rationale.locator('[id^="heading-field-"]').nth(n).fill(heading)
        rationale.locator('[id^="body-field-"]').nth(n).fill(body)
    faults = _list(page, "faults")
    faults.get_by_role("button", name="Add fault").click()
    faults.locator('[id^="name-field-"]').first.fill("Overstriding")
    faults.locator('[id^="fix-field-"]').first.fill("Land with the foot *under* the hip.")
    drill = _list(page, "drill")
    drill.locator("button[aria-label='Expand']").first.click()
    drill.locator('[id^="name-field-"]').first.fill("Metronome strides")
    steps = _list(page, "steps")
    for n, step in enumerate(["Set 180 bpm.", "Run 20 s to the beat."]):
        steps.get_by_role("button", name="Add step").click()
        steps.locator('[id^="item-field-"]').nth(n).fill(step)
    video = _list(page, "video")
    video.locator("button[aria-label='Expand']").first.click()
    video.locator('[id^="url-field-"]').fill("https://www.youtube.com/watch?v=aaaaaaaaaaa")
    video.locator('[id^="title-field-"]').fill("Cadence drill")
    page.screenshot(path=str(SHOTS / "editor-form-desktop.png"))
    _publish(page)

    saved = project.tips / "2026-12-11-no.yml"
    assert saved.is_file(), sorted(p.name for p in project.tips.iterdir())
    check = _check(project, "tips/2026-12-11-no.yml")
    assert check.returncode == 0, check.stdout + check.stderr
    data = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert data["title"] == "no"
    assert data["summary"] == "Time: 12:30 # sharp, every run."
    assert data["cue"] == {"name": "Quick: feet # fast"}
    assert [s["heading"] for s in data["rationale"]] == ["Why cadence?", "Second: # why"]
    assert data["tags"] == ["cadence", "drills"]
    assert data["drill"]["steps"] == ["Set 180 bpm.", "Run 20 s to the beat."]

    built = project.build_ok(as_of="2026-12-11")
    tip = html.fromstring((built / "tips" / "no" / "index.html").read_bytes())
    text = " ".join(tip.text_content().split())
    for expected in [
        "Time: 12:30 # sharp, every run.",
        "Quick: feet # fast",
        "Why cadence?",
        "Second: # why",
        "Overstriding",
        "Metronome strides",
        "Run 20 s to the beat.",
        "Cadence drill",
    ]:
        assert expected in text, expected
    assert (tip.xpath("//h1")[0].text or "").strip() == "no"


def test_editing_a_tip_on_a_phone_keeps_the_rest_of_it(
    editor: tuple[Project, EditorServer], visit: Any
) -> None:
    project, server = editor
    page = _open(visit, server, width=375)
    page.goto(f"{server.origin}/admin/#/collections/tips/entries/2026-11-20-heel-pick-up")
    rationale = _list(page, "rationale")
    rationale.locator('[id^="heading-field-"]').first.wait_for(state="attached")
    page.screenshot(path=str(SHOTS / "editor-form-phone.png"))
    before = yaml.safe_load((project.tips / "2026-11-20-heel-pick-up.yml").read_text("utf-8"))
    page.locator('[id^="summary-field-"]').fill("An edited summary: with a colon # and hash.")
    _publish(page)
    after = yaml.safe_load((project.tips / "2026-11-20-heel-pick-up.yml").read_text("utf-8"))
    assert after["summary"] == "An edited summary: with a colon # and hash."
    assert after["rationale"] == before["rationale"]
    assert after["faults"] == before["faults"]
    check = _check(project, "tips/2026-11-20-heel-pick-up.yml")
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_tips_tags_show_their_words_in_the_form(
    editor: tuple[Project, EditorServer], visit: Any
) -> None:
    _, server = editor
    page = _open(visit, server)
    page.goto(f"{server.origin}/admin/#/collections/tips/entries/2026-11-20-heel-pick-up")
    handles = _item_handles(page, "tags")
    expect(handles).to_have_count(3)
    items = handles.locator("xpath=../..")  # handle -> item top bar -> item, collapsed
    for n, tag in enumerate(["swing phase", "hamstrings", "drills"]):
        expect(items.nth(n)).to_contain_text(tag)
    _list(page, "tags").screenshot(path=str(SHOTS / "editor-tags.png"))


def _item_handles(page: Page, name: str) -> Locator:
    """The drag handles of a list's items (dnd-kit marks them `aria-roledescription`)."""
    return _list(page, name).locator('[aria-roledescription="sortable"]')


def _drag(page: Page, handles: Locator, source: int, target: int) -> None:
    """Drag item `source` onto item `target` by its handle, with the mouse as a coach does
    (Decap's list has mouse and touch sensors only: no keyboard, no move up/down buttons)."""
    handles.nth(target).scroll_into_view_if_needed()
    items = handles.locator("xpath=../..")  # handle -> item top bar -> item
    start, goal = items.nth(source).bounding_box(), items.nth(target).bounding_box()
    grip = handles.nth(source).bounding_box()
    assert start and goal and grip
    x, y = grip["x"] + grip["width"] / 2, grip["y"] + grip["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x, y - 10, steps=5)  # past the sensor's 4 px activation distance
    page.mouse.move(x, y + goal["y"] - start["y"] - 5, steps=20)
    page.mouse.up()


def test_a_fault_deleted_and_sections_reordered_in_the_form_are_saved(
    editor: tuple[Project, EditorServer], visit: Any
) -> None:
    project, server = editor
    path = project.tips / "2026-11-20-heel-pick-up.yml"
    before = yaml.safe_load(path.read_text("utf-8"))
    page = _open(visit, server)
    page.goto(f"{server.origin}/admin/#/collections/tips/entries/2026-11-20-heel-pick-up")
    sections = _item_handles(page, "rationale")
    sections.nth(2).wait_for()
    _drag(page, sections, source=2, target=0)
    headings = _list(page, "rationale").locator('[id^="heading-field-"]')
    reordered = [
        "How it fits proper running form",
        "Why master the movement?",
        "Let the strong muscles do their share",
    ]
    expect(headings).to_have_count(3)
    for n, heading in enumerate(reordered):  # waits for the form to show the new order
        expect(headings.nth(n)).to_have_value(heading)
    faults = _item_handles(page, "faults")
    faults.nth(1).locator("xpath=../button[last()]").click()  # the item's remove (x) button
    expect(faults).to_have_count(1)  # waits for the form to drop the item
    _publish(page)

    after = yaml.safe_load(path.read_text("utf-8"))
    old = before["rationale"]
    assert after["rationale"] == [old[2], old[0], old[1]]
    assert after["faults"] == before["faults"][:1]
    assert {k: v for k, v in after.items() if k not in ("rationale", "faults")} == {
        k: v for k, v in before.items() if k not in ("rationale", "faults")
    }
    check = _check(project, "tips/2026-11-20-heel-pick-up.yml")
    assert check.returncode == 0, check.stdout + check.stderr


def test_without_its_program_the_editor_says_why(make_project, visit) -> None:
    """The editor's script comes from a CDN unless --editor-assets is given; when that cannot
    load (offline), the page says what to do instead of staying blank."""
    server = _editor_server(make_project(), None)
    try:
        page = visit().page()  # every request off 127.0.0.1 is refused, as offline
        page.goto(f"{server.origin}/admin/")
        message = page.locator("#rf-editor-missing")
        message.wait_for(state="visible", timeout=10_000)
        assert message.inner_text().startswith(
            "The tip editor could not load its program from unpkg.com."
        )
    finally:
        server.stop()
