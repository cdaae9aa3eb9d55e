"""Text that is not what it seems: line separators, escaped controls, invisible-only values.

The red-team finding this started from: a title holding U+2028 (YAML's `\\L`) passed `check`,
was written into the page's front matter, and MkDocs' YAML reader took U+2028 for a line break:
`---` after it ended the front matter and the rest became Markdown with an `<img onerror>`.
Two kinds are closed here: one-line fields refuse every Unicode line break at their line, and
front matter is written so that no character can change its structure.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml
from cli_runner import lines, runform
from lxml import html as lxml_html

from conftest import Project, minimal_tip, new_project
from runform.site.render import front_matter_value

LINE_BREAKS = {
    "CR": "\\r",
    "NEL": "\\N",
    "LS": "\\L",
    "PS": "\\P",
    "VT": "\\v",
    "FF": "\\f",
}
CODES = {"CR": "000D", "NEL": "0085", "LS": "2028", "PS": "2029", "VT": "000B", "FF": "000C"}

# field -> (YAML lines of a tip that put the value there, line, column of the value)
FIELDS = {
    "title": ('title: "Run tall{x}--- <img src=x>"', 1, 8),
    "summary": ('summary: "A summary{x}--- x"', 3, 10),
    "cue.name": ('cue:\n  name: "Heel{x}pull"', 6, 9),
    "tags": ('tags: ["drills{x}x"]', 10, 8),
}


def _tip_with(field: str, value_line: str) -> str:
    lines_ = {
        "title": 'title: "Hostile"',
        "date": "date: 2026-11-20",
        "summary": 'summary: "A one-line summary."',
        "blank": "",
        "cue": 'cue:\n  name: "Test cue"',
        "rationale": 'rationale:\n  - heading: "Why"\n    body: "Because."',
        "tags": "tags: [drills]",
    }
    key = field.split(".")[0]
    lines_[key] = value_line
    return "\n".join(lines_.values()) + "\n"


@pytest.mark.parametrize("field", list(FIELDS))
@pytest.mark.parametrize("name", list(LINE_BREAKS))
def test_one_line_fields_refuse_every_line_break(make_project, field: str, name: str) -> None:
    template, line, col = FIELDS[field]
    tip = _tip_with(field, template.replace("{x}", LINE_BREAKS[name]))
    project = make_project({"2026-11-20-hostile.yml": tip}, example_tips=False)
    result = runform(project.root, "check")
    assert result.returncode == 1
    label = field
    assert lines(result.stdout)[0] == (
        f"tips/2026-11-20-hostile.yml:{line}:{col}: error: {label} must be one line"
        f" (it holds the invisible line break U+{CODES[name]})"
        " (join the lines into one sentence)"
    )


def test_the_line_separator_attack_fails_check_and_build_alike(make_project) -> None:
    tip = minimal_tip().replace(
        'title: "A Test Tip"',
        "title: \"Run tall\\L--- <img src=x onerror='document.body.dataset.pwned=1'>\"",
    )
    project = make_project({"2026-11-20-hostile.yml": tip}, example_tips=False)
    expected = (
        "tips/2026-11-20-hostile.yml:1:8: error: title must be one line"
        " (it holds the invisible line break U+2028) (join the lines into one sentence)"
    )
    check = runform(project.root, "check")
    assert lines(check.stdout)[0] == expected
    build = runform(project.root, "build", "--out", "site")
    assert build.returncode == 1
    assert expected in build.stdout + build.stderr
    assert not (project.root / "site").exists()


@pytest.mark.parametrize(
    ("escape", "code"), [("\\0", "0000"), ("\\e", "001B"), ("\\x01", "0001"), ("\\x9b", "009B")]
)
def test_escaped_control_characters_are_refused(make_project, escape: str, code: str) -> None:
    tip = minimal_tip().replace('"Test cue"', f'"Test{escape} cue"')
    project = make_project({"2026-11-20-hostile.yml": tip}, example_tips=False)
    result = runform(project.root, "check")
    assert lines(result.stdout)[0] == (
        f"tips/2026-11-20-hostile.yml:5:9: error: cue.name contains the invisible control"
        f" character U+{code} (delete it (an escape such as \\x01 or \\e in a quoted value"
        " makes one))"
    )


def test_a_title_of_only_invisible_characters_is_refused(make_project) -> None:
    tip = minimal_tip().replace('"A Test Tip"', '"\\u200b\\u200c\\u2060 \\ufeff"')
    project = make_project({"2026-11-20-blank.yml": tip}, example_tips=False)
    result = runform(project.root, "check")
    assert lines(result.stdout)[0] == (
        "tips/2026-11-20-blank.yml:1:8: error: title has no visible characters (write a value)"
    )


@pytest.mark.parametrize(
    "value",
    [
        "Run tall\u2028--- <img src=x>",
        "a\rb\nc\x85d\u2029e",
        'quote " backslash \\ colon: # hash',
        "emoji \U0001f3c3 and \u00e9",
        ["tag\u2028", "---"],
        {"key\n": [True, None, 3]},
    ],
    ids=["line-separator", "breaks", "quoting", "astral", "list", "mapping"],
)
def test_front_matter_values_read_back_unchanged(value: object) -> None:
    text = front_matter_value(value)
    assert text.isascii() and text.isprintable()
    assert yaml.safe_load(f"key: {text}\n") == {"key": value}


# A tip that passes every rule and tries everything else against the page's structure.
HOSTILE = """\
title: "Run tall --- <img src=x onerror='document.body.dataset.pwned=1'> \\" \\\\ \U0001f3c3"
date: 2026-11-20
summary: "--- </p><script>document.body.dataset.pwned=1</script> {{ x }} {% raw %}"
cue:
  name: "'\\"><svg onload=alert(1)>"
  say: "&lt;b&gt; &amp; ]]> <!--"
rationale:
  - heading: "--- title: pwned"
    body: "Text <img src=x onerror=alert(2)> more"
tags: ["\\"><img src=x>", "---"]
"""
BENIGN = """\
title: "Run tall and easy"
date: 2026-11-20
summary: "A plain summary of the tip."
cue:
  name: "Plain cue"
  say: "Plain phrase"
rationale:
  - heading: "Why it matters"
    body: "Because it does."
tags: ["drills", "form"]
"""


def _shape(page: Path) -> Counter[tuple[str, tuple[str, ...]]]:
    """Each element of a page as (tag, its attribute names), counted."""
    tree = lxml_html.fromstring(page.read_bytes())
    return Counter(
        (str(element.tag), tuple(sorted(element.attrib)))
        for element in tree.iter()
        if isinstance(element.tag, str)
    )


def _built(root: Path, tip: str) -> Project:
    project = new_project(root, {"2026-11-20-run-tall.yml": tip}, example_tips=False)
    project.set_extra(
        {"comments": {"provider": "isso", "isso": {"url": "https://comments.example.com/"}}}
    )
    project.build_ok("2026-11-24")
    return project


def test_every_page_of_a_hostile_tip_has_the_shape_the_templates_wrote(tmp_path: Path) -> None:
    hostile = _built(tmp_path / "hostile", HOSTILE)
    benign = _built(tmp_path / "benign", BENIGN)
    # the tags' pages: hostile '"><img src=x>' and '---' where benign has 'drills' and 'form'
    tag_pages = {"tags/img-src-x/": "tags/drills/", "tags/u002d-u002d-u002d/": "tags/form/"}

    def as_benign(path: Path) -> Path:
        text = path.as_posix()
        for hostile_dir, benign_dir in tag_pages.items():
            text = text.replace(hostile_dir, benign_dir)
        return Path(text)

    pages = sorted(p.relative_to(benign.site) for p in benign.site.rglob("*.html"))
    found = {as_benign(p.relative_to(hostile.site)): p for p in hostile.site.rglob("*.html")}
    assert pages == sorted(found)
    for page in pages:
        assert _shape(found[page]) == _shape(benign.site / page), page
    tip_page = (hostile.site / "tips/run-tall/index.html").read_text(encoding="utf-8")
    tree = lxml_html.fromstring(tip_page)
    assert tree.findtext(".//title").startswith(
        "Run tall --- <img src=x onerror='document.body.dataset.pwned=1'> \" \\ \U0001f3c3"
    )
    assert tree.xpath("//h1")[0].text_content().startswith("Run tall --- <img")
    thread = tree.get_element_by_id("isso-thread")
    assert thread.get("data-title").startswith("Run tall --- <img src=x")
