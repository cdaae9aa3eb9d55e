"""`runform check`: exact lines and exit codes for good, warning-only and broken projects."""

from __future__ import annotations

import cProfile
import json
from datetime import date, timedelta
from pathlib import Path

from cli_runner import lines, runform

from conftest import minimal_tip, parse_calls
from runform.content.inspection import check_project
from runform.content.project import open_project

TAGS = {"tags": "[cadence]"}


def test_a_good_project_passes_with_a_one_line_summary(make_project):
    project = make_project(
        {
            "2026-11-20-first.yml": minimal_tip("First", "2026-11-20", **TAGS),
            "2026-11-27-second.yml": minimal_tip("Second", "2026-11-27", **TAGS),
        },
        example_tips=False,
    )
    result = runform(project.root, "check")
    assert result.returncode == 0, f"check failed on a good project:\n{result.stdout}"
    assert lines(result.stdout) == ["runform: 2 tips checked, no problems."]
    assert result.stderr == ""


def test_warnings_are_listed_at_their_key_and_do_not_fail(make_project):
    long_summary = "x" * 170
    project = make_project(
        {
            # a Thursday, sharing its date with the next tip; no tags
            "2026-11-26-thursday.yml": minimal_tip("Thursday", "2026-11-26"),
            "2026-11-26-same-day.yml": minimal_tip("Same day", "2026-11-26", **TAGS),
            "2026-11-20-long.yml": minimal_tip("Long", "2026-11-20", **TAGS).replace(
                "A one-line summary for the test tip.", long_summary
            ),
            "2026-11-13-video.yml": minimal_tip(
                "Video",
                "2026-11-13",
                video="\n  url: https://youtu.be/aaaaaaaaaaa\n  title: A",
                **TAGS,
            ),
            "2026-11-06-teaser.yml": minimal_tip("Teaser", "2026-11-06", teaser='"Soon"', **TAGS),
        },
        example_tips=False,
    )
    result = runform(project.root, "check")
    assert result.returncode == 0, f"warnings alone must not fail check:\n{result.stdout}"
    assert lines(result.stdout) == [
        "tips/2026-11-06-teaser.yml:10:9: warning: teaser is never shown: the tip was published"
        " on 2026-11-06 (remove 'teaser:'; a teaser is shown only while its tip is next up)",
        "tips/2026-11-13-video.yml:10:1: warning: video has no credit"
        " (add 'credit:' under 'video:' with the name of who made it)",
        "tips/2026-11-20-long.yml:3:10: warning: summary is 170 characters long; search engines"
        " show only about 160 (shorten it by 10 characters)",
        "tips/2026-11-26-same-day.yml:2:7: warning: date 2026-11-26 is a Thursday, not the"
        " publish day (Friday) (move it to Friday 2026-11-27, or change"
        " extra.runform.publish_weekday in mkdocs.yml)",
        "tips/2026-11-26-same-day.yml:2:7: warning: 2 tips are dated 2026-11-26;"
        " also tips/2026-11-26-thursday.yml"
        " (move one to a free publish day; runform schedule lists them)",
        "tips/2026-11-26-thursday.yml:1:1: warning: tip has no tags"
        " (add a few, e.g. 'tags: [cadence, drills]', so readers find related tips)",
        "tips/2026-11-26-thursday.yml:2:7: warning: date 2026-11-26 is a Thursday, not the"
        " publish day (Friday) (move it to Friday 2026-11-27, or change"
        " extra.runform.publish_weekday in mkdocs.yml)",
        "tips/2026-11-26-thursday.yml:2:7: warning: 2 tips are dated 2026-11-26;"
        " also tips/2026-11-26-same-day.yml"
        " (move one to a free publish day; runform schedule lists them)",
        "runform: 0 errors, 8 warnings (5 tips checked).",
    ]


def test_markdown_a_tip_page_leaves_out_is_a_warning_at_its_field(make_project):
    tip = minimal_tip("Pictures", "2026-11-20", **TAGS).replace(
        "      Because it does.\n",
        "      # Why\n\n      ![stride](stride.png) and <b>bold</b>\n",
    )
    drill = '\n  name: "Drill"\n  steps:\n    - "Walk tall."\n    - "---"'
    project = make_project(
        {"2026-11-20-pictures.yml": tip + f"drill:{drill}\n"}, example_tips=False
    )
    result = runform(project.root, "check")
    assert result.returncode == 0, f"warnings alone must not fail check:\n{result.stdout}"
    hint = (
        "(a tip's Markdown shows emphasis, lists, links, code and quotes; write the rest as text)"
    )
    assert lines(result.stdout) == [
        "tips/2026-11-20-pictures.yml:8:5: warning: rationale.body has a heading, an image and"
        f" raw HTML, which the tip page leaves out {hint}",
        "tips/2026-11-20-pictures.yml:17:7: warning: drill step 2 has a horizontal rule,"
        f" which the tip page leaves out {hint}",
        "runform: 0 errors, 2 warnings (1 tip checked).",
    ]
    project.build_ok("2026-11-20")
    html = project.page("tips/pictures/")
    assert "stride.png" not in html and "<b>" not in html, "what check warned of is left out"


def test_a_broken_project_lists_every_error_and_exits_1(make_project):
    project = make_project(
        {
            "2026-11-20-good.yml": minimal_tip("Good", "2026-11-20", **TAGS),
            "2026-11-27-typo.yml": minimal_tip("Typo", "2026-11-27", cues='"x"', **TAGS),
            "2026-12-04-no-summary.yml": minimal_tip("No summary", "2026-12-04", **TAGS).replace(
                'summary: "A one-line summary for the test tip."\n', ""
            ),
        },
        example_tips=False,
    )
    project.set_extra({"timezone": "Europe/Londno"})
    result = runform(project.root, "check")
    assert result.returncode == 1, f"check must fail on errors:\n{result.stdout}"
    config_line, config_col = next(
        (number, text.index("timezone") + 1)
        for number, text in enumerate((project.root / "mkdocs.yml").read_text().splitlines(), 1)
        if "timezone:" in text
    )
    assert lines(result.stdout) == [
        f"mkdocs.yml:{config_line}:{config_col}: error: timezone 'Europe/Londno' is not a time zone"
        " (did you mean 'Europe/London'?)",
        "tips/2026-11-27-typo.yml:10:1: error: unknown key 'cues' (did you mean 'cue'?)",
        "tips/2026-12-04-no-summary.yml:1:1: error: missing required key 'summary'"
        " (add 'summary:' here)",
        "runform: 3 errors (3 tips checked).",
    ]
    assert "Traceback" not in result.stderr


def test_paths_limit_the_report_to_those_files(make_project):
    project = make_project(
        {
            "2026-11-20-good.yml": minimal_tip("Good", "2026-11-20", **TAGS),
            "2026-11-27-typo.yml": minimal_tip("Typo", "2026-11-27", cues='"x"', **TAGS),
        },
        example_tips=False,
    )
    good = runform(project.root, "check", "tips/2026-11-20-good.yml")
    assert (good.returncode, lines(good.stdout)) == (0, ["runform: 1 tip checked, no problems."])
    missing = runform(project.root, "check", "tips/nope.yml")
    assert missing.returncode == 1
    assert lines(missing.stdout)[0] == "tips/nope.yml:1:1: error: no such file or folder"


def test_json_format_for_editors_and_tools(make_project):
    project = make_project(
        {"2026-11-27-typo.yml": minimal_tip("Typo", "2026-11-27", cues='"x"')},
        example_tips=False,
    )
    result = runform(project.root, "check", "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report == {
        "checked": 1,
        "errors": 1,
        "warnings": 0,  # a tip with errors gets no warnings until it is valid
        "diagnostics": [
            {
                "path": "tips/2026-11-27-typo.yml",
                "line": 10,
                "col": 1,
                "severity": "error",
                "message": "unknown key 'cues'",
                "hint": "did you mean 'cue'?",
                "code": None,
            },
        ],
    }


def test_every_warning_carries_its_rules_code(make_project):
    long_summary = "A" * 170
    tip = minimal_tip("Coded", "2026-11-26").replace(
        '"A one-line summary for the test tip."', f'"{long_summary}"'
    )
    tip += 'teaser: "Soon"\nvideo:\n  url: https://youtu.be/aaaaaaaaaaa\n  title: "Drill"\n'
    tip += 'intro: "![x](y.png) text"\n'
    project = make_project(
        {"2026-11-26-coded.yml": tip, "2026-11-26-twin.yml": minimal_tip("Twin", "2026-11-26")},
        example_tips=False,
    )
    result = runform(project.root, "check", "--format", "json", as_of="2026-11-30")
    codes = sorted(
        (d["path"].removeprefix("tips/2026-11-26-"), d["code"])
        for d in json.loads(result.stdout)["diagnostics"]
    )
    assert codes == [
        ("coded.yml", "long-summary"),
        ("coded.yml", "markdown-left-out"),
        ("coded.yml", "no-tags"),
        ("coded.yml", "off-weekday"),
        ("coded.yml", "shared-date"),
        ("coded.yml", "unused-teaser"),
        ("coded.yml", "video-without-credit"),
        ("twin.yml", "no-tags"),
        ("twin.yml", "off-weekday"),
        ("twin.yml", "shared-date"),
    ]


def test_github_format_prints_workflow_annotations_like_yamllint(make_project):
    project = make_project(
        {"2026-11-27-typo.yml": minimal_tip("Typo", "2026-11-27", cues='"x"', **TAGS)},
        example_tips=False,
    )
    result = runform(project.root, "check", "--format", "github")
    assert result.returncode == 1
    assert lines(result.stdout) == [
        "::group::tips/2026-11-27-typo.yml",
        "::error file=tips/2026-11-27-typo.yml,line=10,col=1::10:1 unknown key 'cues'"
        " (did you mean 'cue'?)",
        "::endgroup::",
        "runform: 1 error (1 tip checked).",
    ]


def test_500_tips_are_checked_each_read_once(tmp_path: Path):
    root = tmp_path / "big"
    (root / "tips").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Big\n", encoding="utf-8")
    first = date(2017, 1, 6)
    for week in range(500):
        day = (first + timedelta(weeks=week)).isoformat()
        text = minimal_tip(f"Tip {week}", day)  # no tags: each tip gets a warning
        (root / "tips" / f"{day}-tip-{week}.yml").write_text(text, encoding="utf-8")
    project = open_project(root / "mkdocs.yml")
    profile = cProfile.Profile()
    result = profile.runcall(check_project, project, [], date(2026, 11, 24))
    assert result.checked == 500
    assert [d.code for d in result.diagnostics] == ["no-tags"] * 500
    assert parse_calls(profile) == 500  # timing is `make bench`'s: no clock here
    assert parse_calls(profile, "read_yaml_text") == 500, "warnings reuse the first read"
