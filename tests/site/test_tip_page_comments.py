"""Comments through runform's override of Material's partials/comments.html: giscus or Isso
settings reach the page (for runform.js to load lazily), a prompt sits above the thread,
`comments: false` and `provider: none` leave no thread, and bad settings point into mkdocs.yml."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from conftest import minimal_tip

GISCUS = {
    "repo": "stridelab/comments",
    "repo_id": "R_1",
    "category": "Tips",
    "category_id": "DIC_2",
}


def _section(html: str):
    return BeautifulSoup(html, "lxml").select_one("section.rf-comments")


def test_giscus_settings_reach_the_page_but_no_script_does(make_site):
    project = make_site(
        settings={"comments": {"provider": "giscus", "giscus": {**GISCUS, "reactions": False}}}
    )
    html = project.page("tips/heel-pick-up/")
    section = _section(html)
    assert section is not None, "tips/heel-pick-up/: no comments section"
    assert section["data-rf-comments"] == "giscus"
    assert section.select_one("h2").get_text() == "Comments"
    assert section.select_one(".rf-comments__prompt").get_text() == (
        "Questions about this tip? Ask below; the coach answers every week."
    )
    config = json.loads(section["data-rf-config"])
    assert config["src"] == "https://giscus.app/client.js"
    attributes = config["attributes"]
    assert {k: attributes[k] for k in ("data-repo", "data-repo-id", "data-category")} == {
        "data-repo": "stridelab/comments",
        "data-repo-id": "R_1",
        "data-category": "Tips",
    }
    assert attributes["data-category-id"] == "DIC_2"
    assert attributes["data-reactions-enabled"] == "0"
    assert attributes["data-mapping"] == "pathname"
    assert attributes["data-lang"] == "en", "giscus speaks theme.language by default"
    assert "giscus.app" not in "".join(str(s) for s in BeautifulSoup(html, "lxml").select("script"))


def test_isso_settings_and_a_hostile_title_stay_attributes(make_project):
    hostile = minimal_tip('Q "><script>alert(1)</script>', "2026-11-06")
    project = make_project({"2026-11-06-hostile.yml": hostile})
    project.set_extra(
        {
            "comments": {
                "provider": "isso",
                "isso": {
                    "url": "https://comments.coach.example",
                    "require_email": True,
                    "max_comments": 20,
                },
            }
        }
    )
    project.build_ok()
    section = _section(project.page("tips/hostile/"))
    assert section is not None, "the hostile tip has comments"
    thread = section.select_one("#isso-thread")
    assert thread["data-title"] == 'Q "><script>alert(1)</script>'
    assert section.select("script") == [], "the title became markup"
    config = json.loads(section["data-rf-config"])
    assert config["src"] == "https://comments.coach.example/js/embed.min.js"
    assert config["attributes"]["data-isso"] == "https://comments.coach.example/"
    assert config["attributes"]["data-isso-require-email"] == "true"
    assert config["attributes"]["data-isso-max-comments-top"] == "20"


def test_comments_false_and_provider_none_leave_no_thread(make_site):
    off = minimal_tip("Quiet Tip", "2026-11-06") + "comments: false\n"
    project = make_site(
        {"2026-11-06-quiet-tip.yml": off},
        settings={"comments": {"provider": "giscus", "giscus": GISCUS}},
    )
    assert _section(project.page("tips/quiet-tip/")) is None
    assert _section(project.page("tips/heel-pick-up/")) is not None
    assert _section(project.page("")) is None, "home has no comments"
    none = make_site()
    assert _section(none.page("tips/heel-pick-up/")) is None, "provider defaults to none"


def test_a_provider_without_its_settings_is_an_error_in_mkdocs_yml(make_project):
    project = make_project()
    project.set_extra({"comments": {"provider": "giscus", "giscus": {"repo": "a/b"}}})
    result = project.build()
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert (
        "error: comments with provider 'giscus' needs giscus: repo_id, category, category_id"
        in output
    ), output
    assert "mkdocs.yml:" in output and "Traceback" not in output
