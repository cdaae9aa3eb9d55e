"""An export is untrusted XML: bombs and external entities are refused with a line, a cut-off
file is reported where it breaks, and old non-UTF-8 exports read as they were written."""

from __future__ import annotations

import pytest
from cli_runner import lines
from import_helpers import DATA, import_project, run_import

from runform.importers.wxr import MAX_EXPORT_BYTES, ExportError, parse_export, read_export

ENTITIES = (
    "{name}:{line}:3: error: the export declares XML entities (EntitiesForbidden); a WordPress"
    " export never does, and they can hide a denial-of-service or read local files"
    " (export the site again from WordPress)"
)


@pytest.mark.parametrize(
    ("name", "line"),
    [("billion-laughs.xml", 3), ("external-entity.xml", 4)],
    ids=["billion-laughs", "external-entity"],
)
def test_entities_are_refused_at_their_line(name, line):
    with pytest.raises(ExportError) as caught:
        read_export(DATA / name, name)
    assert str(caught.value.diagnostic) == ENTITIES.format(name=name, line=line)


def test_a_cut_off_export_is_reported_where_it_breaks():
    with pytest.raises(ExportError) as caught:
        read_export(DATA / "cut-off.xml", "cut-off.xml")
    assert str(caught.value.diagnostic) == (
        "cut-off.xml:8:4: error: the export is not well-formed XML: mismatched tag"
        " (export it again from WordPress; a cut-off download ends like this)"
    )


def test_a_break_before_the_end_is_not_called_a_cut_off_download(tmp_path):
    export = tmp_path / "stray.xml"
    text = (DATA / "cut-off.xml").read_text(encoding="utf-8").replace("</channel>", "")
    text = text.replace("Heel Pick Up", "Heel \x01 Pick Up") + "\t</item>\n</channel>\n</rss>\n"
    export.write_text(text, encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        read_export(export, "stray.xml")
    assert str(caught.value.diagnostic) == (
        "stray.xml:6:24: error: the export is not well-formed XML: not well-formed"
        " (invalid token) (see what the file has at this line, then export it again from"
        " WordPress)"
    )


def test_an_over_large_export_is_refused_before_parsing(tmp_path):
    big = tmp_path / "big.xml"
    big.write_bytes(b"<rss>" + b" " * 2048 + b"</rss>")
    with pytest.raises(ExportError) as caught:
        read_export(big, "big.xml", max_bytes=1024)
    assert caught.value.diagnostic.message.startswith("the export is 0 MiB; runform reads")
    assert MAX_EXPORT_BYTES == 256 * 1024 * 1024


def test_a_windows_1252_export_with_split_cdata_reads_as_written():
    export = read_export(DATA / "windows-1252.xml", "windows-1252.xml")
    assert export.version == "1.1"
    assert export.blog_url == "https://oldblog.example"
    (item,) = export.items
    assert item.title == "Café stride “drills”"
    assert item.content == "The “Quick Feet” cue. A ]]> split."


def test_other_rss_is_not_an_export():
    with pytest.raises(ExportError) as caught:
        parse_export(b"<rss><channel><title>x</title></channel></rss>", "feed.xml")
    assert str(caught.value.diagnostic) == (
        "feed.xml:1:1: error: this RSS file is not a WordPress export (no wp:wxr_version)"
        " (use the file WordPress writes at Tools -> Export)"
    )


def test_the_command_prints_the_line_and_imports_nothing(tmp_path):
    project = import_project(tmp_path / "site")
    result = run_import(project, str(DATA / "billion-laughs.xml"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert lines(result.stderr) == [
        ENTITIES.format(name=str(DATA / "billion-laughs.xml"), line=3),
        "runform: the export cannot be read; nothing was imported.",
    ]
    assert list(project.tips.iterdir()) == []


def test_the_windows_1252_post_becomes_a_tip(tmp_path):
    project = import_project(tmp_path / "site")
    result = run_import(project, str(DATA / "windows-1252.xml"))
    assert result.returncode == 0, result.stderr
    text = (project.tips / "2012-06-01-cafe-stride.yml").read_text(encoding="utf-8")
    assert 'title: "Café stride “drills”"\n' in text
    assert 'name: "Quick Feet"\n' in text


HTTPS_NAMESPACES = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="https://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="https://wordpress.org/export/1.2/">
<channel>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_blog_url>https://coach.example</wp:base_blog_url>
  <item>
    <title>Quick feet</title>
    <content:encoded><![CDATA[<p>Light steps.</p>]]></content:encoded>
    <excerpt:encoded><![CDATA[Step lightly.]]></excerpt:encoded>
    <wp:post_id>7</wp:post_id>
    <wp:post_type>post</wp:post_type>
    <wp:status>publish</wp:status>
  </item>
</channel>
</rss>
"""


def test_an_export_with_https_namespaces_reads_like_any_other():
    """WordPress.com writes the wp and excerpt namespaces with https://."""
    export = parse_export(HTTPS_NAMESPACES, "wpcom.xml")
    assert (export.version, export.blog_url) == ("1.2", "https://coach.example")
    (item,) = export.items
    assert (item.post_id, item.post_type, item.status) == (7, "post", "publish")
    assert (item.content, item.excerpt) == ("<p>Light steps.</p>", "Step lightly.")
