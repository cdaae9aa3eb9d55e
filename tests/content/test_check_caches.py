"""What `runform check` keeps in .cache/runform/ besides the parsed tips: the card font's
character map (fonts.json) and the Markdown each tip's fields have that its page leaves out
(kept with the parsed tip). A warm run reads neither the font (fontTools is not even
imported) nor any unchanged tip's Markdown, and prints exactly what a cold run prints; a
changed tip or a replaced font file is read again. Every run is a real `python -m runform`
process in a project folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from cli_runner import AS_OF
from fontTools import subset
from fontTools.ttLib import TTFont

from conftest import Project, minimal_tip, new_project
from runform.content.card_fonts import DEJAVU_BOLD, FONT_CACHE, character_map
from runform.content.catalog import left_out_in_fields, load_catalog
from runform.content.parse_cache import PARSE_CACHE
from runform.content.settings import Weekday
from runform.content.warnings import RuleContext, markdown_left_out

TAGS = {"tags": "[form]"}  # no `no-tags` warning in the way
HINT = "(a tip's Markdown shows emphasis, lists, links, code and quotes; write the rest as text)"
GLYPH_HINT = (
    "(the card shows an empty box for each; remove them, or set extra.runform.cards.font to"
    " a font that has them)"
)
CHECK_MARK = "\u2713"  # in DejaVu Sans Bold, not in the ASCII-only subset made below

# `runform check` run by the CLI's own `main`, under cProfile, reporting what it ran
_PROBE = """
import cProfile, json, pstats, sys
from runform.cli import main

profile = cProfile.Profile()
code = profile.runcall(main, ["check"])
calls = {}
for (file, _line, name), counts in pstats.Stats(profile).stats.items():
    if "runform" in file:
        calls[name] = calls.get(name, 0) + counts[1]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump({"code": code, "fontTools": "fontTools" in sys.modules, "calls": calls}, out)
"""


@dataclass(frozen=True)
class Run:
    code: int
    lines: list[str]
    font_tools: bool  # fontTools was imported
    markdown_read: int  # calls of markup.left_out_markdown
    fonts_read: int  # fonts fontTools read (card_fonts._read_character_map)
    parsed: int  # tip files parsed (catalog._parse_tip)


def _check(root: Path) -> Run:
    report = root.parent / f"{root.name}-probe.json"
    env = {**os.environ, "RUNFORM_AS_OF": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(report)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in done.stderr and "unexpected" not in done.stderr, done.stderr
    found = json.loads(report.read_text(encoding="utf-8"))
    calls = found["calls"]
    return Run(
        found["code"],
        done.stdout.rstrip("\n").split("\n"),
        found["fontTools"],
        calls.get("left_out_markdown", 0),
        calls.get("_read_character_map", 0),
        calls.get("_parse_tip", 0),
    )


def _cold(root: Path) -> Run:
    """A run without any cache, as the first run ever."""
    for name in (PARSE_CACHE, FONT_CACHE):
        (root / name).unlink(missing_ok=True)
    return _check(root)


def _tip(title: str, day: str, body: str = "Because it does.") -> str:
    """A minimal tip as a coach types it (the title not in JSON's surrogate escapes)."""
    tip = minimal_tip("T", day, **TAGS).replace('title: "T"', f'title: "{title}"')
    return tip.replace("Because it does.", body)


def _ascii_only_dejavu(path: Path) -> None:
    """A real TrueType file: DejaVu Sans Bold cut down to printable ASCII (fontTools'
    subsetter), so it lacks CHECK_MARK, which the whole font has."""
    font = TTFont(DEJAVU_BOLD)
    cutter = subset.Subsetter(subset.Options())
    cutter.populate(unicodes=range(0x20, 0x7F))
    cutter.subset(font)
    font.save(path)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    assert DEJAVU_BOLD.is_file(), f"{DEJAVU_BOLD} is missing: run `make test` (it installs it)"
    tips = {
        "2026-11-20-pictures.yml": _tip("Pictures", "2026-11-20", "See ![stride](stride.png)"),
        "2026-11-27-run-tall.yml": _tip("Run tall 🏃", "2026-11-27"),
        **{
            f"2026-10-{day:02d}-tip-{day}.yml": _tip(f"Tip {day}", f"2026-10-{day:02d}")
            for day in (2, 9, 16, 23, 30)
        },
    }
    return new_project(tmp_path / "project", tips, example_tips=False)


PICTURES = (
    "tips/2026-11-20-pictures.yml:8:5: warning: rationale.body has an image, which the tip"
    f" page leaves out {HINT}"
)
RUN_TALL = (
    "tips/2026-11-27-run-tall.yml:1:1: warning: title has characters the social card's font"
    f" (DejaVu Sans) cannot draw: '🏃' (U+1F3C3) {GLYPH_HINT}"
)


def test_a_warm_run_reads_no_font_and_no_markdown_and_says_the_same(project: Project) -> None:
    cold = _cold(project.root)
    assert cold.lines == [PICTURES, RUN_TALL, "runform: 0 errors, 2 warnings (7 tips checked)."]
    assert (cold.code, cold.font_tools, cold.fonts_read, cold.parsed) == (0, True, 1, 7)
    assert cold.markdown_read == 7  # one Markdown field a tip
    assert (project.root / FONT_CACHE).is_file() and (project.root / PARSE_CACHE).is_file()
    warm = _check(project.root)
    assert warm == Run(0, cold.lines, False, 0, 0, 0)


def test_a_changed_tip_gets_its_new_warning_and_loses_the_old(project: Project) -> None:
    _check(project.root)
    project.write_tip(
        "2026-11-20-pictures.yml", _tip("Pictures", "2026-11-20", "# Why\n\n      Text.")
    )
    changed = _check(project.root)
    heading = (
        "tips/2026-11-20-pictures.yml:8:5: warning: rationale.body has a heading, which the"
        f" tip page leaves out {HINT}"
    )
    assert changed.lines == [heading, RUN_TALL, "runform: 0 errors, 2 warnings (7 tips checked)."]
    assert (changed.parsed, changed.markdown_read, changed.font_tools) == (1, 1, False)
    assert _cold(project.root).lines == changed.lines
    project.write_tip("2026-11-20-pictures.yml", _tip("Pictures", "2026-11-20"))
    fixed = _check(project.root)
    assert fixed.lines == [RUN_TALL, "runform: 0 errors, 1 warning (7 tips checked)."]
    assert (fixed.parsed, fixed.markdown_read) == (1, 1)


def test_a_font_file_replaced_at_the_same_path_is_read_again(project: Project) -> None:
    fonts = project.root / "fonts"
    fonts.mkdir()
    font = fonts / "card.ttf"
    font.write_bytes(DEJAVU_BOLD.read_bytes())
    cut = project.root / "cut.ttf"
    _ascii_only_dejavu(cut)
    project.set_extra({"cards": {"font": "fonts/card.ttf"}})
    project.write_tip("2026-11-27-run-tall.yml", _tip(f"Check {CHECK_MARK}", "2026-11-27"))
    whole = _check(project.root)
    assert whole.lines == [PICTURES, "runform: 0 errors, 1 warning (7 tips checked)."]
    assert (whole.fonts_read, _check(project.root).font_tools) == (1, False)

    times = font.stat()
    cut.replace(font)  # another font under the same name and with the same times
    os.utime(font, ns=(times.st_atime_ns, times.st_mtime_ns))
    replaced = _check(project.root)
    assert replaced.lines == [
        PICTURES,
        "tips/2026-11-27-run-tall.yml:1:1: warning: title has characters the social card's"
        f" font (fonts/card.ttf) cannot draw: '{CHECK_MARK}' (U+2713) {GLYPH_HINT}",
        "runform: 0 errors, 2 warnings (7 tips checked).",
    ]
    assert (replaced.fonts_read, replaced.font_tools) == (1, True)
    assert _check(project.root) == replace(replaced, font_tools=False, fonts_read=0)

    font.write_bytes(DEJAVU_BOLD.read_bytes())  # back to the whole font, in place
    back = _check(project.root)
    assert back.lines == whole.lines
    assert (back.fonts_read, back.font_tools) == (0, False), "both maps are kept"


def _foreign_entries(path: Path) -> bytes:
    data = json.loads(path.read_text(encoding="utf-8"))
    return json.dumps({**data, "fonts": {key: [["x"]] for key in data["fonts"]}}).encode()


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: b"",
        lambda path: b"\x80not json",
        lambda path: b'{"format": "another-cache", "fonts": {}}',
        lambda path: b"[1, 2]",
        lambda path: path.read_bytes()[:100],
        _foreign_entries,
    ],
    ids=["empty", "garbage", "foreign", "list", "truncated", "bad-entries"],
)
def test_a_damaged_font_cache_only_means_reading_the_font_again(project: Project, damage) -> None:
    cold = _cold(project.root)
    cache = project.root / FONT_CACHE
    cache.write_bytes(damage(cache))
    again = _check(project.root)
    assert again == replace(cold, parsed=0, markdown_read=0)
    assert _check(project.root).font_tools is False, "and it is written anew"


def test_a_cache_folder_that_cannot_be_written_is_no_error(project: Project) -> None:
    (project.root / ".cache").write_text("a file where the folder would be", encoding="utf-8")
    first = _check(project.root)
    assert first.lines == [PICTURES, RUN_TALL, "runform: 0 errors, 2 warnings (7 tips checked)."]
    assert _check(project.root) == first, "nothing kept, nothing broken"


def test_the_map_from_the_cache_is_the_font_s_own(tmp_path: Path) -> None:
    cache = tmp_path / "fonts.json"
    with TTFont(DEJAVU_BOLD, lazy=True) as font:
        expected = frozenset(font.getBestCmap())
    assert character_map(DEJAVU_BOLD, cache) == expected
    (stored,) = json.loads(cache.read_text(encoding="utf-8"))["fonts"].values()
    assert stored == sorted(expected)
    assert character_map(tmp_path / "missing.ttf", cache) is None
    (tmp_path / "not-a-font.ttf").write_bytes(b"\x00\x01\x00\x00 but nothing else")
    assert character_map(tmp_path / "not-a-font.ttf", cache) is None


def test_a_tip_read_elsewhere_gets_the_same_markdown_warning(project: Project) -> None:
    """An entry made without the parse (left_out None) is looked at when the rule runs."""
    catalog = load_catalog(project.tips, root=project.root)
    (entry,) = [e for e in catalog.entries if e.slug == "pictures"]
    assert entry.left_out == ((("rationale", 0, "body"), ("an image",)),)
    assert left_out_in_fields(entry.tip) == entry.left_out
    context = RuleContext(date(2026, 11, 24), Weekday.FRIDAY, lambda e, keys: e.key_positions[keys])
    kept = list(markdown_left_out(entry, context))
    assert [str(d) for d in kept] == [PICTURES]
    assert list(markdown_left_out(replace(entry, left_out=None), context)) == kept
