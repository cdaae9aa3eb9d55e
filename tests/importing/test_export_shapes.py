"""Shapes real WordPress exports have and our own examples lacked, each through the real
`runform import wordpress`: a WordPress.com export (https namespaces), a title with markup in
it, a post with no title, a post with many images (counted in the report, not listed)."""

from __future__ import annotations

import pytest
import yaml
from cli_runner import lines
from import_helpers import import_project, run_import

EXPORT = """\
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="https://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="https://wordpress.org/export/1.2/">
<channel>
  <link>https://coach.example</link>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_blog_url>https://coach.example</wp:base_blog_url>
  <item>
    <title><![CDATA[Cadence: <em>Quick</em> <b>Feet</b>]]></title>
    <link>https://coach.example/2024/05/03/quick-feet/</link>
    <content:encoded><![CDATA[<p>Short, light steps.</p>
<img src="a.jpg"><img src="b.jpg"><img src="c.jpg">
<table><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table>]]></content:encoded>
    <excerpt:encoded><![CDATA[]]></excerpt:encoded>
    <wp:post_id>11</wp:post_id>
    <wp:post_date_gmt>2024-05-03 07:00:00</wp:post_date_gmt>
    <wp:post_name>quick-feet</wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
  </item>
  <item>
    <title></title>
    <link>https://coach.example/?p=12</link>
    <content:encoded><![CDATA[Relax the hands.]]></content:encoded>
    <excerpt:encoded><![CDATA[]]></excerpt:encoded>
    <wp:post_id>12</wp:post_id>
    <wp:post_date_gmt>2024-05-10 07:00:00</wp:post_date_gmt>
    <wp:post_name></wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
  </item>
</channel>
</rss>
"""

REPORT = [
    'imported post 11 "Cadence: Quick Feet" -> tips/2024-05-03-quick-feet.yml'
    " (guessed: no headings: the whole post is one section, headed by the title;"
    " summary from the first sentence; cue 'Quick Feet' from the title, after its colon)"
    " (dropped: an image (3 times); a table (2 times))",
    'imported post 12 "Post 12" -> tips/2024-05-10-post-12.yml'
    " (guessed: the post has no title: 'Post 12';"
    " no headings: the whole post is one section, headed by the title;"
    " summary from the first sentence; cue is the title)",
    "2 tips imported, 0 posts skipped; 3 redirects added to redirects.yml.",
]


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    root = tmp_path_factory.mktemp("shapes")
    export = root / "wpcom.xml"
    export.write_text(EXPORT, encoding="utf-8")
    project = import_project(root / "site", "UTC")
    return project, run_import(project, str(export))


def test_the_report(imported):
    _, result = imported
    assert result.returncode == 0, result.stderr
    assert lines(result.stdout) == REPORT


def test_a_title_with_markup_becomes_its_text(imported):
    project, _ = imported
    tip = yaml.safe_load((project.tips / "2024-05-03-quick-feet.yml").read_text("utf-8"))
    assert (tip["title"], tip["cue"]["name"]) == ("Cadence: Quick Feet", "Quick Feet")
    assert tip["rationale"] == [{"heading": "Cadence: Quick Feet", "body": "Short, light steps."}]
