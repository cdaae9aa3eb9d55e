"""Bad tips are refused with one `path:line:col: error: message (hint)` line per problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import DATA, minimal_tip
from runform.content.catalog import load_catalog

INVALID = DATA / "tips" / "invalid"

# file name -> the exact lines `runform` prints for it
EXPECTED: dict[str, list[str]] = {
    "2026-11-20-unknown-key.yml": [
        "tips/2026-11-20-unknown-key.yml:9:1: error: unknown key 'cues' (did you mean 'cue'?)",
    ],
    "2026-11-20-missing-key.yml": [
        "tips/2026-11-20-missing-key.yml:1:1: error: missing required key 'summary'"
        " (add 'summary:' here)",
    ],
    "2026-11-20-title-too-long.yml": [
        "tips/2026-11-20-title-too-long.yml:1:8: error: title is 95 characters long;"
        " it must be 90 or fewer (shorten it by 5 characters)",
    ],
    "2026-11-20-bare-boolean.yml": [
        "tips/2026-11-20-bare-boolean.yml:1:8: error: title 'no' would be read as a yes/no value,"
        ' not as text (put it in quotes: "no")',
    ],
    "2026-11-20-bare-sexagesimal.yml": [
        "tips/2026-11-20-bare-sexagesimal.yml:1:8: error: title '12:30' would be read as a number,"
        ' not as text (put it in quotes: "12:30")',
    ],
    "2026-11-20-multiline-title.yml": [
        "tips/2026-11-20-multiline-title.yml:1:8: error: title must be one line"
        " (join the lines into one sentence)",
    ],
    "2026-02-30-impossible-date.yml": [
        "tips/2026-02-30-impossible-date.yml:2:7: error: date '2026-02-30' is not a real date:"
        " February 2026 has 28 days (pick a day from 01 to 28)",
    ],
    "2026-13-01-impossible-month.yml": [
        "tips/2026-13-01-impossible-month.yml:2:7: error: date '2026-13-01' is not a real date:"
        " there is no month 13 (months run from 01 to 12)",
    ],
    "2026-11-20-date-prefix.yml": [
        "tips/2026-11-20-date-prefix.yml:2:7: error: date 2026-11-27 does not match the file"
        " name's date 2026-11-20 (rename the file to 2026-11-27-date-prefix.yml or fix the date)",
    ],
    "heel-pick-up.yml": [
        "tips/heel-pick-up.yml:1:1: error: file name 'heel-pick-up.yml' must look like"
        " YYYY-MM-DD-some-slug.yml (rename it after its publish date and title,"
        " e.g. 2026-11-27-heel-pick-up.yml)",
    ],
    "2026-11-20-video-host.yml": [
        "tips/2026-11-20-video-host.yml:10:8: error: video.url"
        " 'https://videos.example.com/watch?v=aaaaaaaaaaa' is not on YouTube or Vimeo"
        " (use a YouTube address such as https://www.youtube.com/watch?v=ID or"
        " https://youtu.be/ID, or a Vimeo address such as https://vimeo.com/ID)",
    ],
    "2026-11-20-video-id.yml": [
        "tips/2026-11-20-video-id.yml:10:8: error: video.url 'https://youtu.be/short' has no valid"
        " YouTube video id (11 letters, digits, '-' or '_') (use a YouTube address such as"
        " https://www.youtube.com/watch?v=ID or https://youtu.be/ID, or a Vimeo address such as"
        " https://vimeo.com/ID)",
    ],
    "2026-11-20-script-url.yml": [
        "tips/2026-11-20-script-url.yml:12:8: error: cta.url 'javascript:alert(1)' is not a web"
        " address (use an address starting with https://… or mailto:…)",
    ],
    "2026-11-20-data-url.yml": [
        "tips/2026-11-20-data-url.yml:12:15: error: video.credit_url 'data:text/html,hi'"
        " is not a web address (use an address starting with https://…)",
    ],
    "2026-11-20-video-without-title.yml": [
        "tips/2026-11-20-video-without-title.yml:9:1: error: missing required key 'title'"
        " (add 'title:' here)",
    ],
    "2026-11-20-draft-yes.yml": [
        "tips/2026-11-20-draft-yes.yml:3:8: error: draft must be true or false, not 'yes'"
        " (write true or false)",
    ],
    "2026-11-20-empty-rationale.yml": [
        "tips/2026-11-20-empty-rationale.yml:6:12: error: rationale needs at least 1 item"
        " (add at least one item)",
    ],
    "2026-11-20-note-kind.yml": [
        "tips/2026-11-20-note-kind.yml:10:11: error: notes.kind must be one of 'note', 'tip' or"
        " 'warning', not 'danger'",
    ],
}


def check_lines(project: Path) -> list[str]:
    catalog = load_catalog(project / "tips", root=project, docs_dir=project / "docs")
    return [str(d) for d in catalog.diagnostics]


def test_every_invalid_file_has_an_expectation() -> None:
    on_disk = {path.name for path in INVALID.iterdir()}
    assert on_disk == set(EXPECTED), "tests/data/tips/invalid and EXPECTED must list the same files"


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=lambda n: n.removesuffix(".yml"))
def test_invalid_tip_is_reported_at_its_line(tmp_path: Path, name: str) -> None:
    (tmp_path / "tips").mkdir()
    shutil.copy2(INVALID / name, tmp_path / "tips" / name)
    lines = check_lines(tmp_path)
    assert lines == EXPECTED[name], f"{name}: expected exactly {EXPECTED[name]!r}"


def test_all_problems_of_all_files_are_reported_together_and_sorted(tmp_path: Path) -> None:
    shutil.copytree(INVALID, tmp_path / "tips")
    lines = check_lines(tmp_path)
    expected = sorted(line for lines in EXPECTED.values() for line in lines)
    assert lines == expected, "every file's problems, sorted by path, line and column"


def test_several_problems_in_one_file_are_all_reported(tmp_path: Path) -> None:
    (tmp_path / "tips").mkdir()
    (tmp_path / "tips" / "2026-11-20-many.yml").write_text(
        'title: no\ndate: 2026-11-20\nsumary: "typo"\ncue:\n  name: "x"\n  sai: "y"\n'
        'rationale:\n  - heading: "h"\n    body: "b"\n',
        encoding="utf-8",
    )
    assert check_lines(tmp_path) == [
        "tips/2026-11-20-many.yml:1:1: error: missing required key 'summary' (add 'summary:' here)",
        "tips/2026-11-20-many.yml:1:8: error: title 'no' would be read as a yes/no value,"
        ' not as text (put it in quotes: "no")',
        "tips/2026-11-20-many.yml:3:1: error: unknown key 'sumary' (did you mean 'summary'?)",
        "tips/2026-11-20-many.yml:6:3: error: unknown key 'sai' (did you mean 'say'?)",
    ]


def test_two_tips_with_one_slug_are_reported_at_the_slug_key(tmp_path: Path) -> None:
    (tmp_path / "tips").mkdir()
    (tmp_path / "tips" / "2026-11-20-heel-pull.yml").write_text(minimal_tip(), encoding="utf-8")
    (tmp_path / "tips" / "2026-11-27-other.yml").write_text(
        minimal_tip(day="2026-11-27", slug="heel-pull"), encoding="utf-8"
    )
    assert check_lines(tmp_path) == [
        "tips/2026-11-27-other.yml:10:1: error: slug 'heel-pull' is already used by"
        " tips/2026-11-20-heel-pull.yml (two tips cannot share one page address:"
        " set a different 'slug:' in one of them)",
    ]


def test_two_tips_whose_file_names_give_one_slug_are_reported_at_the_file(
    tmp_path: Path,
) -> None:
    (tmp_path / "tips").mkdir()
    (tmp_path / "tips" / "2026-11-20-heel-pull.yml").write_text(minimal_tip(), encoding="utf-8")
    (tmp_path / "tips" / "2026-11-27-heel-pull.yml").write_text(
        minimal_tip(day="2026-11-27"), encoding="utf-8"
    )
    assert check_lines(tmp_path) == [
        "tips/2026-11-27-heel-pull.yml:1:1: error: slug 'heel-pull' is already used by"
        " tips/2026-11-20-heel-pull.yml (two tips cannot share one page address:"
        " set a different 'slug:' in one of them)",
    ]


def test_a_missing_key_is_reported_where_the_keys_begin(tmp_path: Path) -> None:
    # `runform new` starts a tip with a schema comment: line 1 is no place to add a key
    (tmp_path / "tips").mkdir()
    text = minimal_tip().replace('summary: "A one-line summary for the test tip."\n', "")
    (tmp_path / "tips" / "2026-11-20-new.yml").write_text(
        "# yaml-language-server: $schema=../schema/tip.schema.json\n\n" + text, encoding="utf-8"
    )
    assert check_lines(tmp_path) == [
        "tips/2026-11-20-new.yml:3:1: error: missing required key 'summary' (add 'summary:' here)"
    ]


def test_quoted_look_alikes_are_text(tmp_path: Path) -> None:
    (tmp_path / "tips").mkdir()
    (tmp_path / "tips" / "2026-11-20-quoted.yml").write_text(
        minimal_tip(title="no").replace('title: "no"', "title: 'no'"), encoding="utf-8"
    )
    catalog = load_catalog(tmp_path / "tips", root=tmp_path)
    assert catalog.diagnostics == ()
    assert catalog.entries[0].tip.title == "no"


def test_start_accepts_seconds_and_clock_times(tmp_path: Path) -> None:
    (tmp_path / "tips").mkdir()
    video = '\nvideo:\n  url: https://youtu.be/aaaaaaaaaaa?t=42\n  title: "Drill"\n'
    (tmp_path / "tips" / "2026-11-20-url-start.yml").write_text(
        minimal_tip() + video, encoding="utf-8"
    )
    (tmp_path / "tips" / "2026-11-13-clock-start.yml").write_text(
        minimal_tip(day="2026-11-13") + video + "  start: 1:30\n", encoding="utf-8"
    )
    catalog = load_catalog(tmp_path / "tips", root=tmp_path)
    assert catalog.diagnostics == ()
    starts = {e.slug: e.tip.video.start_seconds for e in catalog.entries if e.tip.video}
    assert starts == {"url-start": 42, "clock-start": 90}


def test_a_poster_must_be_a_file_under_docs(tmp_path: Path) -> None:
    (tmp_path / "tips").mkdir()
    (tmp_path / "docs").mkdir()
    video = '\nvideo:\n  url: https://youtu.be/aaaaaaaaaaa\n  title: "Drill"\n  poster: img/x.jpg\n'
    (tmp_path / "tips" / "2026-11-20-poster.yml").write_text(minimal_tip() + video, "utf-8")
    assert check_lines(tmp_path) == [
        "tips/2026-11-20-poster.yml:14:11: error: poster 'img/x.jpg' is not a file in docs/"
        " (put the image at docs/img/x.jpg or fix the path)"
    ]
    (tmp_path / "docs" / "img").mkdir()
    (tmp_path / "docs" / "img" / "x.jpg").write_bytes(b"\xff\xd8\xff")
    assert check_lines(tmp_path) == [], "the same tip passes once the image is there"
