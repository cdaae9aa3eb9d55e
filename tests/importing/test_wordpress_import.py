"""`runform import wordpress`: a real export in, real tip files, redirects.yml and posters out,
checked by the real `runform check` and built by a real `runform build`."""

from __future__ import annotations

import json

import pytest
from cli_runner import AS_OF, lines, runform
from import_helpers import BLOG, DATA, import_project, make_uploads, run_import
from lxml import html as lxml_html

from conftest import minimal_tip

HEEL_YAML = (DATA / "expected" / "2019-05-17-heel-pick-up.yml").read_text(encoding="utf-8")

ARMS_YAML = (DATA / "expected" / "2020-03-06-relaxed-arms.yml").read_text(encoding="utf-8")

REPORT = [
    'imported post 101 "Heel Pick Up" -> tips/2019-05-17-heel-pick-up.yml'
    " (guessed: heading 'Why master the movement?' from a paragraph in bold;"
    " heading 'What it feels like' from a paragraph in capitals;"
    " 1 note from a paragraph in italics or bold;"
    " 2 faults from the list under 'Common faults';"
    " drill 'Wall heel pulls' (2 steps) from the numbered list under 'The drill: wall heel pulls';"
    " summary from the first sentence; cue 'Heel Pull' from the quoted phrase;"
    " video title is the post title)"
    " (dropped: shortcode [button]; an image)"
    " (poster: docs/images/2019/05/heel.jpg)"
    " (3 comments left behind: use --comments isso)",
    'imported post 102 "Relaxed Arms & Shoulders" -> tips/2020-03-06-relaxed-arms.yml'
    " (guessed: video title from its caption 'Arm swing from the shoulder';"
    " 2 faults from the list under 'Common mistakes';"
    " drill 'Relaxed Arms & Shoulders drill' (2 steps) from the numbered list under 'Drill';"
    " cue is the title)"
    " (dropped: an image; a table)",
    'imported post 103 "La foulée" -> tips/2021-01-08-la-foulee.yml'
    " (guessed: no headings: the whole post is one section, headed by the title;"
    " summary from the first sentence; cue is the title; video title is the post title)"
    " (dropped: an image (caption: 'A caption'); shortcode [su_note] (its text was kept);"
    " a gallery;"
    " an embedded frame (www.google.com);"
    " another video (https://www.youtube.com/watch?v=ccccccccccc);"
    " a video runform cannot show (oldblog.example))",
    'skipped post 104 "Members only": password-protected',
    'skipped post 105 "Half-written": draft',
    'skipped post 106 "Next week": scheduled',
    'skipped post 107 "Club news": not in category runformfriday',
    'skipped page 2 "About": a page, not a post',
    'skipped post 108 "Old thoughts": trashed',
    "not posts, not imported: 1 attachment",
    "3 tips imported, 6 posts skipped; 6 redirects added to redirects.yml;"
    " 1 poster copied to docs/images/.",
]

REDIRECTS = """\
# Old addresses that lead to a tip: "old path": tip-slug, one per line.
# The path is the part of the old address after the site's name, e.g. /2019/05/17/heel-pick-up/
# or /?p=1412. `runform check` reports a redirect to a tip that does not exist.
"/2019/05/17/heel-pick-up/": heel-pick-up
"/?p=101": heel-pick-up
"/2020/03/06/relaxed-arms/": relaxed-arms
"/?p=102": relaxed-arms
"/2021/01/08/la-foul%c3%a9e/": la-foulee
"/?p=103": la-foulee
"""


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """One import of blog.xml into a new project on New Zealand time, with uploads."""
    root = tmp_path_factory.mktemp("imported")
    project = import_project(root / "site")
    uploads = make_uploads(root / "uploads")
    args = ("--category", "runformfriday", "--uploads", str(uploads))
    result = run_import(project, str(BLOG), *args)
    return project, uploads, result


def test_the_report_has_one_line_per_post(imported):
    _, _, result = imported
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert lines(result.stdout) == REPORT


def test_a_classic_post_becomes_this_tip(imported):
    project, _, _ = imported
    written = (project.tips / "2019-05-17-heel-pick-up.yml").read_text(encoding="utf-8")
    assert written == HEEL_YAML, "tips/2019-05-17-heel-pick-up.yml: the classic post"


def test_a_block_editor_post_becomes_this_tip(imported):
    project, _, _ = imported
    written = (project.tips / "2020-03-06-relaxed-arms.yml").read_text(encoding="utf-8")
    assert written == ARMS_YAML, "tips/2020-03-06-relaxed-arms.yml: the block-editor post"


def test_the_date_is_the_publish_day_on_the_site_clock(imported, tmp_path):
    project, _, _ = imported
    # 2019-05-16 20:00 UTC is Friday 17 May in New Zealand, and still Thursday in London
    assert (project.tips / "2019-05-17-heel-pick-up.yml").is_file()
    london = import_project(tmp_path / "london", timezone="Europe/London")
    assert run_import(london, str(BLOG), "--category", "runformfriday").returncode == 0
    assert sorted(p.name for p in london.tips.iterdir())[0] == "2019-05-16-heel-pick-up.yml"


def test_every_written_tip_passes_the_real_check(imported):
    project, _, _ = imported
    result = runform(project.root, "check", "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert (report["checked"], report["errors"]) == (3, 0), report["diagnostics"]


def test_the_poster_is_copied_from_uploads_and_redirects_are_listed(imported):
    project, uploads, _ = imported
    copied = project.root / "docs" / "images" / "2019" / "05" / "heel.jpg"
    assert copied.read_bytes() == (uploads / "2019" / "05" / "heel.jpg").read_bytes()
    assert (project.root / "redirects.yml").read_text(encoding="utf-8") == REDIRECTS


def test_the_imported_set_builds_with_pages_at_the_old_addresses(imported):
    project, _, _ = imported
    result = runform(project.root, "build", "--as-of", AS_OF)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project.site
    for slug in ("heel-pick-up", "relaxed-arms", "la-foulee"):
        assert (site / "tips" / slug / "index.html").is_file(), f"tips/{slug}/ was not built"
    old = lxml_html.fromstring((site / "2019/05/17/heel-pick-up/index.html").read_bytes())
    assert old.xpath("//meta[@http-equiv='refresh']/@content") == [
        "0; url=../../../../tips/heel-pick-up/"
    ]
    assert old.xpath("//link[@rel='canonical']/@href") == [
        "https://coach.example/tips/heel-pick-up/"
    ]
    assert old.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert old.xpath("//a/@href") == ["../../../../tips/heel-pick-up/"]
    assert old.xpath("//a/text()") == ["Heel Pick Up"]
    by_id = lxml_html.fromstring((site / "p/101/index.html").read_bytes())
    assert by_id.xpath("//meta[@http-equiv='refresh']/@content") == [
        "0; url=../../tips/heel-pick-up/"
    ]
    assert (site / "2021/01/08/la-foulée/index.html").is_file(), "the percent-decoded path"
    home = lxml_html.fromstring((site / "index.html").read_bytes())
    scripts = [s.text or "" for s in home.xpath("//script[not(@src)]")]
    assert any('location.replace("p/"+m[1]+"/")' in s for s in scripts), "no ?p= script on home"


def test_a_second_run_skips_what_exists_and_changes_nothing(imported):
    project, uploads, _ = imported
    before = {p.name: p.read_bytes() for p in project.tips.iterdir()}
    redirects = (project.root / "redirects.yml").read_bytes()
    again = run_import(project, str(BLOG), "--category", "runformfriday", "--uploads", str(uploads))
    assert again.returncode == 0, again.stderr
    report = lines(again.stdout)
    assert report[:3] == [
        'skipped post 101 "Heel Pick Up": tips/2019-05-17-heel-pick-up.yml already exists'
        " (left as it was)",
        'skipped post 102 "Relaxed Arms & Shoulders": tips/2020-03-06-relaxed-arms.yml already'
        " exists (left as it was)",
        'skipped post 103 "La foulée": tips/2021-01-08-la-foulee.yml already exists'
        " (left as it was)",
    ]
    assert report[-1] == "0 tips imported, 9 posts skipped; 0 redirects added to redirects.yml."
    assert {p.name: p.read_bytes() for p in project.tips.iterdir()} == before
    assert (project.root / "redirects.yml").read_bytes() == redirects


def test_a_dry_run_writes_nothing(tmp_path):
    project = import_project(tmp_path / "site")
    uploads = make_uploads(tmp_path / "uploads")
    before = sorted(p.relative_to(project.root) for p in project.root.rglob("*"))
    result = run_import(project, str(BLOG), "--dry-run", "--uploads", str(uploads))
    assert result.returncode == 0, result.stderr
    assert sorted(p.relative_to(project.root) for p in project.root.rglob("*")) == before
    assert lines(result.stdout)[-1] == (
        "Dry run: nothing was written. 4 tips imported, 5 posts skipped;"
        " 8 redirects added to redirects.yml; 1 poster copied to docs/images/."
    )


def test_draft_marks_every_tip_and_the_site_still_builds(tmp_path):
    project = import_project(tmp_path / "site")
    result = run_import(project, str(BLOG), "--category", "runformfriday", "--draft")
    assert result.returncode == 0, result.stderr
    texts = [p.read_text(encoding="utf-8") for p in sorted(project.tips.iterdir())]
    assert [t.endswith("draft: true\n") for t in texts] == [True, True, True]
    assert (
        "(fetch wp-content/uploads/2019/05/heel.jpg for the video poster: give --uploads)"
        in (lines(result.stdout)[0])
    )
    assert "poster:" not in texts[0], "no poster without the image"
    project.build_ok()
    assert not (project.site / "2019/05/17/heel-pick-up").exists(), "a draft has no redirect"
    assert not (project.site / "tips/heel-pick-up").exists()


def test_json_report(tmp_path):
    project = import_project(tmp_path / "site")
    result = run_import(project, str(BLOG), "--tag", "arms", "--format", "json", "--dry-run")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    imported = [p for p in report["posts"] if p["imported"]]
    assert [(p["post_id"], p["file"], p["old_paths"]) for p in imported] == [
        (102, "tips/2020-03-06-relaxed-arms.yml", ["/2020/03/06/relaxed-arms/", "/?p=102"])
    ]
    assert report["other_items"] == {"attachment": 1}
    assert report["outcome"]["dry_run"] is True
    skipped = {p["post_id"]: p["reason"] for p in report["posts"] if not p["imported"]}
    assert skipped[101] == "not in tag arms"


def test_imported_tags_take_the_projects_spelling(tmp_path):
    project = import_project(tmp_path / "project")
    existing = minimal_tip("Old", "2019-01-04") + 'tags: ["Hamstrings", "Swing Phase"]\n'
    project.write_tip("2019-01-04-old.yml", existing)
    result = run_import(project, str(BLOG))
    assert result.returncode == 0, result.stderr
    imported = (project.tips / "2019-05-17-heel-pick-up.yml").read_text(encoding="utf-8")
    assert '"Hamstrings"' in imported and '"Swing Phase"' in imported
    assert '"hamstrings"' not in imported and '"swing phase"' not in imported
    check = runform(project.root, "check", "--format", "json")
    assert json.loads(check.stdout)["errors"] == 0
