"""What a new user's trial import found, each kept fixed through the real `runform import
wordpress` and the real `runform check`: faults under any faults heading, the text after a
drill's steps, a "Topic: Cue" title, a category on every post, comments moved on a re-run."""

from __future__ import annotations

import json
import sqlite3
from html import escape

import pytest
import yaml
from cli_runner import lines, runform
from import_helpers import DATA, import_project, run_import

TRIAL = DATA / "trial-export.xml"
RUN_TALL_YAML = (DATA / "expected" / "2025-03-07-run-tall.yml").read_text(encoding="utf-8")

TRIAL_REPORT = [
    'imported post 101 "Posture: Run Tall" -> tips/2025-03-07-run-tall.yml'
    " (guessed: 1 fault from the list under 'Common faults';"
    " 'Leaning back from the waist' names no fix (none after a colon or dash):"
    " kept under 'Also watch for';"
    " drill 'Run Tall drill' (2 steps) from the numbered list under 'Drill';"
    " cue 'Run Tall' from the title, after its colon; video title is the post title)"
    " (dropped: an image; a booking link (runform shows its own booking block))"
    " (1 comment left behind: use --comments isso)",
    'imported post 102 "Cadence: Quick Feet" -> tips/2025-03-14-quick-feet.yml'
    " (guessed: no headings: the whole post is one section, headed by the title;"
    " summary from the first sentence; cue 'Quick Feet' from the title, after its colon;"
    " video title is the post title)",
    'skipped post 103 "Arm carriage (unfinished)": draft',
    "tags: 'RunFormFriday' is on every imported post, so no tip carries it as a tag",
    "2 tips imported, 1 post skipped; 4 redirects added to redirects.yml.",
]


def _check_errors(project) -> int:
    result = runform(project.root, "check", "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)["errors"]


@pytest.fixture(scope="module")
def trial(tmp_path_factory):
    """The trial export imported as the new user did: no --category, no --comments."""
    project = import_project(tmp_path_factory.mktemp("trial") / "site", "Europe/London")
    return project, run_import(project, str(TRIAL))


def test_trial_report(trial):
    _, result = trial
    assert result.returncode == 0, result.stderr
    assert lines(result.stdout) == TRIAL_REPORT


def test_trial_post_becomes_this_tip(trial):
    """Faults from 'Common faults', no section headed 'Drill' and no booking link, the cue after
    the title's colon, no RunFormFriday tag."""
    project, _ = trial
    written = (project.tips / "2025-03-07-run-tall.yml").read_text(encoding="utf-8")
    assert written == RUN_TALL_YAML
    tip = yaml.safe_load(written)
    assert tip["faults"] == [{"name": "Sitting in a bucket", "fix": "push the hips forward."}]
    assert [s["heading"] for s in tip["rationale"]] == ["Why run tall?", "Also watch for"]
    assert "Book a session" not in written
    assert tip["cue"] == {"name": "Run Tall"}
    assert tip["tags"] == ["posture"]


def test_trial_tips_pass_the_real_check(trial):
    project, _ = trial
    assert _check_errors(project) == 0


def test_a_category_on_one_selected_post_stays_a_tag(tmp_path):
    """Only one post selected: its category says something about it, so it is kept."""
    project = import_project(tmp_path / "site", "Europe/London")
    result = run_import(project, str(TRIAL), "--tag", "posture")
    assert result.returncode == 0, result.stderr
    assert not any(line.startswith("tags:") for line in lines(result.stdout))
    tip = yaml.safe_load((project.tips / "2025-03-07-run-tall.yml").read_text(encoding="utf-8"))
    assert tip["tags"] == ["RunFormFriday", "posture"]


# -- faults headings and the text after a drill, in an export of their own ---------------------

_FAULT_LIST = (
    "<ul><li>Overstriding: land under the hip.</li>"
    "<li>Heel striking \u2013 shorten the stride.</li></ul>"
)
_FAULTS = [
    {"name": "Overstriding", "fix": "land under the hip."},
    {"name": "Heel striking", "fix": "shorten the stride."},
]
_HEADINGS = {
    201: "<h2>Mistakes</h2>",
    202: "<h4>COMMON MISTAKES</h4>",
    203: "<h3>What goes wrong</h3>",
    204: "<p><strong>Common faults:</strong></p>",
    205: "<strong>What Goes Wrong</strong>\n\n",  # classic editor: no <p>, a blank line
}
_DRILL_POST = (
    "<p>Find your rhythm.</p><h3>Drill</h3><ol><li>March on the spot.</li></ol>"
    "<p>Do it before every run.</p>"
    '<p><a href="https://example.org/demo">Watch the demo</a></p>'
    '<p>Subscribe to the <a href="https://example.org/news">newsletter</a>.</p>'
)


def _item(post_id: int, title: str, content: str) -> str:
    return f"""<item><title>{escape(title)}</title>
<link>https://old.example/?p={post_id}</link>
<content:encoded><![CDATA[{content}]]></content:encoded>
<excerpt:encoded><![CDATA[A summary.]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id>
<wp:post_date>2025-04-{post_id - 190:02d} 07:00:00</wp:post_date>
<wp:post_date_gmt>2025-04-{post_id - 190:02d} 07:00:00</wp:post_date_gmt>
<wp:post_name>post-{post_id}</wp:post_name><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type><wp:post_password></wp:post_password></item>"""


def _export(items: list[str]) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"'
        ' xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>Old</title>'
        "<link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version>"
        "<wp:base_blog_url>https://old.example</wp:base_blog_url>\n"
        + "\n".join(items)
        + "\n</channel></rss>\n"
    )


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    root = tmp_path_factory.mktemp("variants")
    items = [
        _item(post_id, f"Stride {post_id}", f"<p>Intro.</p>{heading}{_FAULT_LIST}")
        for post_id, heading in _HEADINGS.items()
    ]
    items.append(_item(206, "Q&A: Which drill first?", _DRILL_POST))
    export = root / "export.xml"
    export.write_text(_export(items), encoding="utf-8")
    project = import_project(root / "site", "Europe/London")
    return project, run_import(project, str(export))


@pytest.mark.parametrize("post_id", sorted(_HEADINGS), ids=lambda n: f"post-{n}")
def test_faults_under_any_faults_heading(variants, post_id):
    project, result = variants
    assert result.returncode == 0, result.stderr
    name = f"2025-04-{post_id - 190:02d}-post-{post_id}.yml"
    tip = yaml.safe_load((project.tips / name).read_text(encoding="utf-8"))
    assert tip["faults"] == _FAULTS
    assert [s["heading"] for s in tip["rationale"]] == [f"Stride {post_id}"]


def test_after_the_drill_links_are_dropped_and_text_never_takes_its_heading(variants):
    project, result = variants
    tip = yaml.safe_load((project.tips / "2025-04-16-post-206.yml").read_text(encoding="utf-8"))
    assert tip["drill"] == {
        "name": "Q&A: Which drill first? drill",
        "steps": ["March on the spot."],
    }
    assert tip["intro"] == "Find your rhythm."
    assert tip["rationale"] == [{"heading": "About the drill", "body": "Do it before every run."}]
    assert tip["cue"] == {"name": "Q&A: Which drill first?"}, "a question is no cue"
    assert lines(result.stdout)[5] == (
        'imported post 206 "Q&A: Which drill first?" -> tips/2025-04-16-post-206.yml'
        " (guessed: drill 'Q&A: Which drill first? drill' (1 step) from the numbered list"
        " under 'Drill'; text beside the drill's steps kept under 'About the drill';"
        " cue is the title)"
        " (dropped: a link after the drill ('Watch the demo', https://example.org/demo);"
        " a call to action ('Subscribe to the newsletter.'))"
    )


def test_variant_tips_pass_the_real_check(variants):
    project, _ = variants
    assert _check_errors(project) == 0


# -- comments: a re-run with --comments isso -------------------------------------------------


def _stored(db):
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT threads.uri, comments.created, comments.author, comments.text"
            " FROM comments JOIN threads ON threads.id = comments.tid ORDER BY comments.id"
        ).fetchall()


JANE = ("/tips/run-tall/", 1741428000.0, "Jane Runner", "This fixed my lower back ache, thanks!")


def test_a_rerun_with_comments_moves_them_without_rewriting_tips(tmp_path):
    project = import_project(tmp_path / "site", "Europe/London")
    first = run_import(project, str(TRIAL))
    assert "(1 comment left behind: use --comments isso)" in lines(first.stdout)[0]
    before = {p.name: p.read_bytes() for p in project.tips.iterdir()}
    db = tmp_path / "comments.db"

    again = run_import(project, str(TRIAL), "--comments", "isso", "--isso-db", str(db))
    assert again.returncode == 0, again.stderr
    assert lines(again.stdout)[0] == (
        'skipped post 101 "Posture: Run Tall": tips/2025-03-07-run-tall.yml already exists'
        " (left as it was) (1 comment to Isso)"
    )
    assert lines(again.stdout)[-1] == (
        f"0 tips imported, 3 posts skipped; 0 redirects added to redirects.yml;"
        f" 1 comment written to {db}."
    )
    assert _stored(db) == [JANE]
    assert {p.name: p.read_bytes() for p in project.tips.iterdir()} == before

    third = run_import(project, str(TRIAL), "--comments", "isso", "--isso-db", str(db))
    assert lines(third.stdout)[-2:] == [
        "comments: Isso has 1 comment at /tips/run-tall/ already; not written again",
        f"0 tips imported, 3 posts skipped; 0 redirects added to redirects.yml;"
        f" 0 comments written to {db}.",
    ]
    assert _stored(db) == [JANE], "never twice"


def test_a_rerun_finds_the_tip_the_import_wrote_under_another_date(tmp_path):
    """The site's clock changed since: the post's day is now 6 March, but the tip written on
    the first run says which post it came from, so its comments go to that tip's thread."""
    project = import_project(tmp_path / "site", "Europe/London")
    assert run_import(project, str(TRIAL)).returncode == 0
    project.set_extra({"timezone": "America/Los_Angeles"})
    db = tmp_path / "comments.db"
    again = run_import(project, str(TRIAL), "--comments", "isso", "--isso-db", str(db))
    assert again.returncode == 0, again.stderr
    assert lines(again.stdout)[0] == (
        'skipped post 101 "Posture: Run Tall": tips/2025-03-07-run-tall.yml was imported from'
        " it already (left as it was) (1 comment to Isso)"
    )
    assert _stored(db) == [JANE]
    assert sorted(p.name for p in project.tips.iterdir()) == [
        "2025-03-07-run-tall.yml",
        "2025-03-14-quick-feet.yml",
    ]


def test_a_readers_comment_on_the_new_site_does_not_stop_the_old_ones(tmp_path):
    project = import_project(tmp_path / "site", "Europe/London")
    assert run_import(project, str(TRIAL)).returncode == 0
    db = tmp_path / "comments.db"
    # Isso's own schema, with one comment a reader left on the new tip page
    empty = run_import(project, str(TRIAL), "--comments", "isso", "--isso-db", str(db))
    assert empty.returncode == 0
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM comments")
        connection.execute(
            "INSERT INTO comments (tid, parent, created, mode, remote_addr, text, author,"
            " voters) VALUES (1, NULL, 1900000000.0, 1, '', 'New here!', 'Ana', x'00')"
        )
    again = run_import(project, str(TRIAL), "--comments", "isso", "--isso-db", str(db))
    assert lines(again.stdout)[-1].endswith(f" 1 comment written to {db}.")
    assert _stored(db) == [("/tips/run-tall/", 1900000000.0, "Ana", "New here!"), JANE]
