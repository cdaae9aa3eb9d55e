"""redirects.yml: each problem at its line, every old address mapped to the file the built site
serves there, and the redirect page's HTML escaped."""

from __future__ import annotations

from pathlib import Path

from cli_runner import lines, runform
from lxml import html as lxml_html

from conftest import minimal_tip, new_project
from runform.content.redirects import read_redirects, redirect_lines
from runform.site.redirect_pages import (
    query_redirect_script,
    relative_target,
    render_redirect_page,
)

GOOD = """\
# comments are fine
"/2019/05/17/heel-pick-up/": heel-pick-up
"/?p=1412": heel-pick-up
"/index.php?page_id=7": heel-pick-up
/old/heel.html: heel-pick-up
/2019/05/18/no-slash: heel-pick-up
"""

BAD = """\
"https://old.example/2019/x/": heel-pick-up
2019/x/: heel-pick-up
"/x/": heal-pick-up
"/?s=heel": heel-pick-up
"/feed.php": heel-pick-up
"/": heel-pick-up
"/a/../b/": heel-pick-up
"/y/": [heel-pick-up]
"/z/": heel-pick-up
"/z": heel-pick-up
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "redirects.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_old_address_has_its_file(tmp_path):
    redirects, problems = read_redirects(_write(tmp_path, GOOD), tmp_path, {"heel-pick-up"})
    assert problems == []
    assert [(r.old_path, r.line, r.output_path, r.post_id) for r in redirects] == [
        ("/2019/05/17/heel-pick-up/", 2, "2019/05/17/heel-pick-up/index.html", None),
        ("/?p=1412", 3, "p/1412/index.html", 1412),
        ("/index.php?page_id=7", 4, "p/7/index.html", 7),
        ("/old/heel.html", 5, "old/heel.html", None),
        ("/2019/05/18/no-slash", 6, "2019/05/18/no-slash/index.html", None),
    ]
    assert relative_target(redirects[0], "tips/heel-pick-up/") == "../../../../tips/heel-pick-up/"


def test_every_problem_is_at_its_line(tmp_path):
    _, problems = read_redirects(_write(tmp_path, BAD), tmp_path, {"heel-pick-up"})
    assert [str(p) for p in problems] == [
        "redirects.yml:1:1: error: old path 'https://old.example/2019/x/' is a full address"
        " (write only the path: /2019/x/)",
        "redirects.yml:2:1: error: old path '2019/x/' must start with /"
        " (write the part after the site's name, e.g. /2019/05/17/heel-pick-up/)",
        "redirects.yml:3:8: error: redirect to 'heal-pick-up': no tip has that slug"
        " (did you mean 'heel-pick-up'?)",
        "redirects.yml:4:1: error: old path '/?s=heel' has a query ('?s=heel') a static site"
        " cannot tell apart (only WordPress' /?p=<id> and /?page_id=<id> are followed)",
        "redirects.yml:5:1: error: old path '/feed.php' ends in 'feed.php', which a static site"
        " cannot serve as a page (only paths ending in / or .html can redirect)",
        "redirects.yml:6:1: error: old path '/' is the home page"
        " (the home page cannot lead elsewhere)",
        "redirects.yml:7:1: error: old path '/a/../b/' has an unusable part '..'"
        " (write it as the old site's address had it, one part between single slashes)",
        "redirects.yml:8:8: error: the tip must be a slug, such as heel-pick-up"
        " (write the tip's slug)",
        "redirects.yml:10:1: error: '/z' lands on the same page as '/z/' (line 9)"
        " (keep one of the two lines)",
    ]


def test_no_file_or_only_comments_means_no_redirects(tmp_path):
    assert read_redirects(tmp_path / "redirects.yml", tmp_path, set()) == ([], [])
    assert read_redirects(_write(tmp_path, "# none yet\n\n"), tmp_path, set()) == ([], [])


def test_new_lines_skip_paths_already_listed():
    text, added = redirect_lines([("/a/", "x"), ("/b/", "y")], '"/a/": x', {"/a/"})
    assert (text, added) == ('\n"/b/": y\n', 1)
    assert redirect_lines([("/a/", "x")], None, {"/a/"}) == ("", 0)


def test_the_page_escapes_everything():
    page = render_redirect_page(
        target='../tips/x/"><script>',
        canonical="https://coach.example/tips/x/",
        title="<b>Arms</b> & legs",
        lang="fr",
    )
    tree = lxml_html.fromstring(page)
    assert tree.xpath("//script") == []
    assert tree.xpath("//title/text()") == ["<b>Arms</b> & legs"]
    assert tree.xpath("//html/@lang") == ["fr"]
    assert tree.xpath("//a/@href") == ['../tips/x/"><script>']


def test_the_query_script_goes_to_the_id_page():
    assert query_redirect_script(use_directory_urls=False).endswith(
        'location.replace("p/"+m[1]+"/index.html")}})();</script>'
    )


def test_check_reports_a_redirect_to_a_missing_tip(tmp_path):
    project = new_project(tmp_path / "site", {"2026-11-20-arms.yml": minimal_tip("Arms")})
    (project.root / "redirects.yml").write_text('"/old/": arms\n"/gone/": legs\n', "utf-8")
    result = runform(project.root, "check")
    assert result.returncode == 1
    assert (
        "redirects.yml:2:11: error: redirect to 'legs': no tip has that slug"
        in (lines(result.stdout)[0])
    )


def test_the_build_stops_on_a_bad_redirect_and_refuses_a_taken_address(make_project):
    project = make_project({"2026-11-20-arms.yml": minimal_tip("Arms")})
    (project.root / "redirects.yml").write_text('"/gone/": legs\n', "utf-8")
    failed = project.build()
    assert failed.returncode != 0
    assert "redirects.yml:1:11: error: redirect to 'legs': no tip has that slug" in failed.stderr
    (project.root / "redirects.yml").write_text('"/tips/heel-pick-up/": arms\n', "utf-8")
    taken = project.build()
    assert taken.returncode != 0
    assert (
        "redirects.yml:1:1: error: old path '/tips/heel-pick-up/' is an address the site has a"
        " page at (tips/heel-pick-up/index.html)" in taken.stderr
    ), taken.stderr
