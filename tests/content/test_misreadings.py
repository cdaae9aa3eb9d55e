"""Text YAML would read differently from how it looks is refused at its place, once.

A value cut at ` #`, curly quotes, and a missing space after `-` or `:` each give one error, at
the spelling, with the fix in the hint: through `runform check` and `runform build` alike.
"""

from __future__ import annotations

import pytest
from cli_runner import lines, runform

from conftest import Project, minimal_tip

TIP = "2026-11-20-misread.yml"
PATH = f"tips/{TIP}"
CUT = "YAML reads the rest of the line as a comment"
COMMENT_RULE = "a comment needs two spaces before '#' and one after it"
CURLY = "curly quotes are not YAML quotes: YAML keeps them as part of the text"
DASH = "'-' without a space after it does not start a list item (put a space after '-')"


def _check_and_build(project: Project, expected: str) -> None:
    """`expected` is the one error both commands print."""
    check = runform(project.root, "check")
    assert check.returncode == 1
    errors = [line for line in lines(check.stdout) if ": error: " in line]
    assert errors == [expected], check.stdout
    build = runform(project.root, "build", "--out", "out")
    assert build.returncode == 1
    assert [line for line in build.stderr.splitlines() if ": error: " in line] == [expected]
    assert "Traceback" not in build.stderr
    assert not (project.root / "out").exists()


def _tip(old: str, new: str, extra: str = "") -> str:
    tip = minimal_tip() + extra
    assert old in tip
    return tip.replace(old, new)


# -- a plain value cut at ' #' ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'title: "A Test Tip"',
            "title: Cadence ladder #3",
            f"{PATH}:1:8: error: 'Cadence ladder #3' is cut at ' #': {CUT}"
            f' (put the whole value in quotes: "Cadence ladder #3"; {COMMENT_RULE})',
        ),
        (
            '  name: "Test cue"',
            "  name: Test cue # quick",
            f"{PATH}:5:9: error: 'Test cue # quick' is cut at ' #': {CUT}"
            f' (put the whole value in quotes: "Test cue # quick"; {COMMENT_RULE})',
        ),
        (
            '  name: "Test cue"',
            '  name: "Test cue"\n  say: #LandSoftly',
            f"{PATH}:6:8: error: '#LandSoftly' is read as a comment, so the value is empty"
            ' (put it in quotes: "#LandSoftly")',
        ),
        (
            "tags: []",
            "tags:\n  - drills #1\n  - posture",
            f"{PATH}:11:5: error: 'drills #1' is cut at ' #': {CUT}"
            f' (put the whole value in quotes: "drills #1"; {COMMENT_RULE})',
        ),
        (
            "      Because it does.",
            '      Because it does.\nfaults:\n  - name: Say "up"  #2\n    fix: Up.',
            f"{PATH}:11:11: error: 'Say \"up\"  #2' is cut at ' #': {CUT}"
            f" (put the whole value in quotes: 'Say \"up\"  #2'; {COMMENT_RULE})",
        ),
    ],
    ids=["title-hashtag", "one-space-comment", "empty-hashtag", "list-item", "quote-in-value"],
)
def test_a_value_cut_at_a_hash_is_refused(make_project, old: str, new: str, expected: str) -> None:
    project = make_project({TIP: _tip(old, new, "tags: []\n")}, example_tips=False)
    _check_and_build(project, expected)


def test_a_comment_written_as_a_comment_is_kept(make_project) -> None:
    tip = _tip('  name: "Test cue"', "  name: Test cue  # the cue\n  # say: #LandSoftly")
    tip = tip.replace("date: 2026-11-20", "date: 2026-11-20 # a Friday")
    project = make_project({TIP: tip}, example_tips=False)
    check = runform(project.root, "check")
    assert check.returncode == 0, check.stdout


def _settings_value(project: Project, key: str, written: str) -> tuple[int, int]:
    """Write `key: <written>` under extra.runform.strings as raw text; its line and column."""
    project.set_extra({"strings": {key: "PLACEHOLDER"}})
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("PLACEHOLDER", written)
    config.write_text(text, encoding="utf-8")
    rows = text.splitlines()
    line = next(n for n, row in enumerate(rows, 1) if row.strip().startswith(f"{key}:"))
    return line, rows[line - 1].index(written) + 1


def test_a_settings_string_cut_at_a_hash_is_refused(make_project) -> None:
    project = make_project()
    line, col = _settings_value(project, "cta_label", "Book session #1")
    _check_and_build(
        project,
        f"mkdocs.yml:{line}:{col}: error: 'Book session #1' is cut at ' #': {CUT}"
        f' (put the whole value in quotes: "Book session #1"; {COMMENT_RULE})',
    )


def test_a_settings_hashtag_read_as_a_comment_is_refused(make_project) -> None:
    project = make_project()
    project.set_extra({"hashtag": "PLACEHOLDER"})
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("PLACEHOLDER", "#RunFormFriday")
    config.write_text(text, encoding="utf-8")
    rows = text.splitlines()
    line = next(n for n, row in enumerate(rows, 1) if row.strip().startswith("hashtag:"))
    col = rows[line - 1].index("#") + 1
    _check_and_build(
        project,
        f"mkdocs.yml:{line}:{col}: error: '#RunFormFriday' is read as a comment, so the value"
        ' is empty (put it in quotes: "#RunFormFriday")',
    )


# -- curly quotes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            '  name: "Test cue"',
            '  name: "Test cue"\n  say: “Land softly”',
            f'{PATH}:6:8: error: {CURLY} (use straight quotes: "Land softly")',
        ),
        (
            'title: "A Test Tip"',
            "title: “Run: tall”",
            f'{PATH}:1:8: error: {CURLY} (use straight quotes: "Run: tall")',
        ),
        (
            'title: "A Test Tip"',
            "title: \u2018Run tall\u2019",
            f'{PATH}:1:8: error: {CURLY} (use straight quotes: "Run tall")',
        ),
        (
            'title: "A Test Tip"',
            "title: “Cadence ladder #3”",
            f'{PATH}:1:8: error: {CURLY} (use straight quotes: "Cadence ladder #3")',
        ),
        (
            "      Because it does.",
            "      Because it does.\ntags:\n  - „Laufen: leicht“",
            f'{PATH}:11:5: error: {CURLY} (use straight quotes: "Laufen: leicht")',
        ),
    ],
    ids=["say", "colon-inside", "single", "hash-inside", "german-list-item"],
)
def test_curly_quotes_are_refused_as_not_yaml_quotes(
    make_project, old: str, new: str, expected: str
) -> None:
    project = make_project({TIP: _tip(old, new)}, example_tips=False)
    _check_and_build(project, expected)


def test_curly_quotes_in_a_settings_string_are_refused(make_project) -> None:
    project = make_project()
    line, col = _settings_value(project, "cta_label", "“Book now”")
    _check_and_build(
        project, f'mkdocs.yml:{line}:{col}: error: {CURLY} (use straight quotes: "Book now")'
    )


# -- no space after '-' or ':' ------------------------------------------------------------------


STEPS = "drill:\n  name: Wall lean\n  steps:\n"


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            STEPS + "    - Stand tall\n    -Lean in\n    - Jog away\n",
            f"{PATH}:14:5: error: {DASH}",
        ),
        (STEPS + "    -Stand tall\n    - Lean in\n", f"{PATH}:13:5: error: {DASH}"),
        (
            STEPS + "    - Stand tall\n    -Lean in\n  dose: 5 times\n",
            f"{PATH}:14:5: error: {DASH}",
        ),
        (
            "faults:\n  -name: Leaning\n    fix: Stand up.\n  - name: Sitting\n    fix: Rise.\n",
            f"{PATH}:11:3: error: {DASH}",
        ),
        (
            "faults:\n  - name: Leaning\n    fix: Stand up.\n  -name: Sitting\n    fix: Rise.\n",
            f"{PATH}:13:3: error: {DASH}",
        ),
        ("faults:\n  -name: Leaning\n  fix: Stand up.\n", f"{PATH}:11:3: error: {DASH}"),
        ("tags:\n  - posture\n  -hips\n", f"{PATH}:12:3: error: {DASH}"),
    ],
    ids=[
        "middle-step",
        "first-step",
        "last-step",
        "first-fault",
        "second-fault",
        "fault-as-keys",
        "tag",
    ],
)
def test_a_dash_without_a_space_is_one_error_at_the_dash(
    make_project, extra: str, expected: str
) -> None:
    project = make_project({TIP: minimal_tip() + extra}, example_tips=False)
    _check_and_build(project, expected)


def _colon(line: int, col: int, key: str) -> str:
    return (
        f"{PATH}:{line}:{col}: error: '{key}:' without a space after it does not start a"
        " 'key: value' line (put a space after ':')"
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('title: "A Test Tip"', "title:Run tall", _colon(1, 6, "title")),
        (
            'title: "A Test Tip"',
            "# yaml-language-server: $schema=../schema/tip.schema.json\ntitle:Run tall",
            _colon(2, 6, "title"),
        ),
        (
            'summary: "A one-line summary for the test tip."',
            "summary:Stand up straight.",
            _colon(3, 8, "summary"),
        ),
        ('  name: "Test cue"', "  name:Run tall", _colon(5, 7, "name")),
        ('  - heading: "Why it matters"', "  - heading:Why", _colon(7, 12, "heading")),
        ("      Because it does.", "      Because it does.\nslug:run-tall", _colon(10, 5, "slug")),
    ],
    ids=["first-line", "after-comment", "middle", "nested", "in-list-item", "last-line"],
)
def test_a_colon_without_a_space_is_one_error_at_the_colon(
    make_project, old: str, new: str, expected: str
) -> None:
    project = make_project({TIP: _tip(old, new)}, example_tips=False)
    _check_and_build(project, expected)


def test_text_with_colons_and_dashes_in_values_is_kept(make_project) -> None:
    extra = (
        "video:\n  url: https://www.youtube.com/watch?v=aaaaaaaaaaa\n  title: Drill -fast\n"
        '  start: "1:30"\ndrill:\n  name: Ratio 3:1\n  steps:\n    - Note:this is text\n'
        "    - -5 degrees of lean\n"
    )
    project = make_project({TIP: minimal_tip() + extra}, example_tips=False)
    check = runform(project.root, "check")
    assert check.returncode == 0, check.stdout


@pytest.mark.parametrize(
    ("written", "shown"),
    [("'\"Land softly\"'", "Land softly"), ("'“Land softly”'", "Land softly"), ("«Doux»", "Doux")],
    ids=["straight-inside-quotes", "curly-inside-quotes", "guillemets"],
)
def test_a_cue_phrase_in_quotation_marks_is_refused(make_project, written: str, shown: str) -> None:
    """The page, feed and email put the cue's phrase in quotation marks: never twice."""
    tip = _tip('  name: "Test cue"', f'  name: "Test cue"\n  say: {written}')
    project = make_project({TIP: tip}, example_tips=False)
    _check_and_build(
        project,
        f"{PATH}:6:8: error: cue.say is in quotation marks; the page puts them around it itself"
        f" (leave them out: {shown})",
    )
