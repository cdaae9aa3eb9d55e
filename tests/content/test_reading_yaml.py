"""Reading one tip file: exact `path:line:col: error: ...` lines for every way YAML goes wrong,
text-only scalars, and where each key sits. Golden inputs live in tests/data/yaml/."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from runform.content.diagnostics import Diagnostic, Position
from runform.content.reader import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    BareScalar,
    SourceDocument,
    bare_kind,
    compose_positions,
    read_yaml_file,
    read_yaml_text,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "yaml"

EMPTY = "file is empty (a tip needs at least title, date, summary, cue and rationale)"
FULL = "(write the value out in full)"
TAG_HINT = "(remove the tag; write plain text)"
TAB = "tab character used for indentation (indent with spaces)"
NESTING = f"nesting is deeper than {MAX_DEPTH} levels (use fewer nested lists and mappings)"
TOP_LEVEL = "the top level must be a mapping of keys such as 'title:' and 'date:'"

GOLDEN = {
    "duplicate-key.yml": [
        "4:1: error: duplicate key 'title' (first on line 1) (remove one of them)",
    ],
    "duplicate-nested-key.yml": [
        "5:5: error: duplicate key 'heading' (first on line 3) (remove one of them)",
    ],
    "anchor.yml": [f"2:10: error: anchors are not allowed {FULL}"],
    "alias.yml": [f"2:10: error: aliases are not allowed {FULL}"],
    "merge-key.yml": [
        "3:3: error: merge keys ('<<') are not allowed (write the keys out in full)",
    ],
    "python-tag.yml": [
        f"2:10: error: tags such as '!!python/object/apply:os.system' are not allowed {TAG_HINT}",
    ],
    "custom-tag.yml": [
        f"1:8: error: tags such as '!!str' are not allowed {TAG_HINT}",
        f"2:10: error: tags such as '!shout' are not allowed {TAG_HINT}",
    ],
    "second-document.yml": [
        "3:1: error: only one YAML document per file (remove the second '---')",
    ],
    "tabs.yml": [f"3:1: error: {TAB}", f"4:3: error: {TAB}"],
    "empty.yml": [f"1:1: error: {EMPTY}"],
    "top-level-list.yml": [f"1:1: error: {TOP_LEVEL}"],
    "non-scalar-key.yml": ["2:1: error: keys must be plain text (write the key as a word)"],
    "too-deep.yml": [f"6:17: error: {NESTING}"],
    "syntax-error.yml": [
        "2:13: error: unexpected ': ' here"
        " (put text containing ': ' in quotes, or check the indentation)",
    ],
    "unclosed-quote.yml": ["1:8: error: quoted text is never closed (add the closing quote)"],
    "unclosed-list.yml": [
        "3:5: error: the list opened with '[' on line 2 is not closed"
        " (close it with ']', or put text containing ',', '[' or ': ' in quotes)",
    ],
    "missing-colon.yml": [
        "2:1: error: expected a 'key: value' line"
        " (add the key and ':', or indent the line to continue the text above)",
    ],
    "bad-indentation.yml": [
        "4:4: error: expected a list item ('- ') here"
        " (check the indentation: the keys of one item line up, each new item starts with '- ')",
    ],
    "quote-then-text.yml": [
        "1:15: error: expected a new 'key:' here"
        " (check the indentation; if a value starts with a quote, quote the whole value)",
    ],
    "many-problems.yml": [
        f"2:10: error: anchors are not allowed {FULL}",
        f"3:6: error: tags such as '!!str' are not allowed {TAG_HINT}",
        "4:1: error: duplicate key 'title' (first on line 1) (remove one of them)",
        f"6:5: error: aliases are not allowed {FULL}",
    ],
}


def problems(result: SourceDocument | list[Diagnostic], display_path: str) -> list[str]:
    assert isinstance(result, list), f"{display_path}: expected problems, got {result!r}"
    return [str(diagnostic) for diagnostic in result]


def read_text(text: str | bytes, display_path: str = "tips/tip.yml") -> list[str]:
    raw = text.encode() if isinstance(text, str) else text
    return problems(read_yaml_text(raw, display_path), display_path)


def read_document(text: str, display_path: str = "tips/tip.yml") -> SourceDocument:
    result = read_yaml_text(text.encode(), display_path)
    assert isinstance(result, SourceDocument), f"{display_path}: unexpected {result}"
    return result


# -- golden files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [pytest.param(name, lines, id=name.removesuffix(".yml")) for name, lines in GOLDEN.items()],
)
def test_golden_file_reports_exact_lines(name: str, expected: list[str]) -> None:
    display_path = f"tips/{name}"
    lines = problems(read_yaml_file(DATA / name, display_path), display_path)
    wanted = [f"{display_path}:{line}" for line in expected]
    assert lines == wanted, f"{name}: expected {wanted}, got {lines}"


def test_every_golden_file_is_checked() -> None:
    on_disk = {path.name for path in DATA.glob("*.yml")}
    checked = set(GOLDEN) | {"valid.yml", "alias-bomb.yml"}
    assert on_disk == checked, f"golden files without a test: {sorted(on_disk - checked)}"


def test_valid_file_reads_as_text_only_data() -> None:
    document = read_yaml_file(DATA / "valid.yml", "tips/valid.yml")
    assert isinstance(document, SourceDocument), f"tips/valid.yml: unexpected {document}"
    assert document.path == "tips/valid.yml"
    assert document.data["title"] == "Heel pick-up"
    assert document.data["cue"] == "Heel up, foot under you.\n"
    assert document.data["rationale"][1] == {
        "heading": "What it fixes",
        "body": "Over-striding and heavy landings.\n",
    }

    def texts(value: object) -> bool:
        if isinstance(value, dict):
            return all(type(k) is str and texts(v) for k, v in value.items())
        if isinstance(value, list):
            return all(texts(item) for item in value)
        return isinstance(value, str)

    assert texts(document.data), "every key and value must be text"


# -- problems in generated files --------------------------------------------------------------


def test_not_utf8_points_at_the_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "not-utf8.yml"
    path.write_bytes("title: Heel\nsummary: Café \xe9t\xe9\n".encode("latin-1"))
    lines = problems(read_yaml_file(path, "tips/not-utf8.yml"), "tips/not-utf8.yml")
    assert lines == [
        "tips/not-utf8.yml:2:13: error: file is not UTF-8 text (save it as UTF-8 in your editor)"
    ]


def test_not_utf8_column_counts_characters_not_bytes() -> None:
    lines = read_text("title: é\nsummary: ö".encode() + b"\xff\n")
    assert lines == [
        "tips/tip.yml:2:11: error: file is not UTF-8 text (save it as UTF-8 in your editor)"
    ]


def test_utf8_byte_order_mark_is_ignored() -> None:
    document = read_yaml_text(b"\xef\xbb\xbftitle: Heel\n", "tips/bom.yml")
    assert isinstance(document, SourceDocument), document
    assert document.data == {"title": "Heel"}
    assert document.positions[("title",)] == Position(1, 1)


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "too-large.yml"
    path.write_bytes(b"title: x\n" + b"#" * (MAX_FILE_BYTES + 2000) + b"\n")
    lines = problems(read_yaml_file(path, "tips/too-large.yml"), "tips/too-large.yml")
    assert lines == [
        "tips/too-large.yml:1:1: error: file is 258 KiB; a tip must be 256 KiB or smaller"
    ]


def test_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "limit.yml"
    head = b"title: x\n"
    path.write_bytes(head + b"#" * (MAX_FILE_BYTES - len(head)))
    assert isinstance(read_yaml_file(path, "tips/limit.yml"), SourceDocument)


def test_missing_file_is_a_diagnostic(tmp_path: Path) -> None:
    lines = problems(read_yaml_file(tmp_path / "gone.yml", "tips/gone.yml"), "tips/gone.yml")
    assert lines == ["tips/gone.yml:1:1: error: file cannot be read: No such file or directory"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="no-bytes"),
        pytest.param("\n  \n", id="whitespace"),
        pytest.param("---\n# nothing yet\n", id="only-a-document-marker"),
    ],
)
def test_empty_file(text: str) -> None:
    assert read_text(text) == [f"tips/tip.yml:1:1: error: {EMPTY}"]


def test_control_characters_are_each_reported() -> None:
    lines = read_text("title: Heel\x07\nsummary: a\x01b\n")
    hint = "(delete it; it often comes with text copied from another program)"
    assert lines == [
        f"tips/tip.yml:1:12: error: invisible control character U+0007 is not allowed {hint}",
        f"tips/tip.yml:2:11: error: invisible control character U+0001 is not allowed {hint}",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "title: @home\n",
            "1:8: error: a value cannot start with '@' (put the text in quotes)",
            id="reserved-character",
        ),
        pytest.param(
            'title: "a\\qb"\n',
            "1:10: error: unknown escape '\\q' in double-quoted text"
            " (use single quotes, or write '\\\\' for a backslash)",
            id="unknown-escape",
        ),
        pytest.param(
            "cue: |x\n  Heel up\n",
            "1:7: error: unexpected text after '|' or '>'"
            " (start the text on the next line, indented)",
            id="block-scalar-header",
        ),
        pytest.param(
            "title: x\n...\ndate: y\n",
            "3:1: error: text after the end of the document ('...')"
            " (remove the '...' line or what follows)",
            id="after-document-end",
        ),
        pytest.param(
            "video: {url: x\n",
            "2:1: error: the mapping opened with '{' on line 1 is not closed"
            " (close it with '}', or put text containing ',', '{' or ': ' in quotes)",
            id="unclosed-mapping",
        ),
    ],
)
def test_syntax_errors_in_plain_words(text: str, expected: str) -> None:
    lines = read_text(text)
    assert lines == [f"tips/tip.yml:{expected}"], f"{text!r}: expected {expected}, got {lines}"


def test_syntax_error_keeps_problems_found_before_it() -> None:
    lines = read_text("title: &t Heel\nsummary: Cue: lift\n")
    assert lines == [
        f"tips/tip.yml:1:8: error: anchors are not allowed {FULL}",
        "tips/tip.yml:2:13: error: unexpected ': ' here"
        " (put text containing ': ' in quotes, or check the indentation)",
    ]


def test_tab_on_a_line_the_parser_rejects_is_reported_once() -> None:
    assert read_text("title: x\n\tdate: y\n") == [f"tips/tip.yml:2:1: error: {TAB}"]


def test_tag_on_a_mapping_is_refused() -> None:
    lines = read_text("title: x\nvideo: !!python/object:os.system {url: y}\n")
    assert lines == [
        "tips/tip.yml:2:8: error: tags such as '!!python/object:os.system' are not allowed"
        f" {TAG_HINT}"
    ]


def test_quoted_merge_key_is_an_ordinary_key() -> None:
    assert read_document('"<<": x\n').data == {"<<": "x"}


# -- nesting and alias bombs: refused fast, never expanded ------------------------------------


def test_deep_nesting_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "deep-nesting.yml"
    path.write_text("[" * 25_000)
    started = time.perf_counter()
    result = read_yaml_file(path, "tips/deep-nesting.yml")
    elapsed = time.perf_counter() - started
    assert problems(result, "tips/deep-nesting.yml") == [
        f"tips/deep-nesting.yml:1:1: error: {TOP_LEVEL}",
        f"tips/deep-nesting.yml:1:9: error: {NESTING}",
    ]
    assert elapsed < 2, f"deep nesting took {elapsed:.2f} s"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        pytest.param("title: " + "[" * 50_000, "1:15", id="flow-under-a-key"),
        pytest.param("title: " + "{a: " * 20_000, "1:36", id="flow-mappings"),
        pytest.param("notes:\n" + "- " * 20_000 + "x\n", "2:15", id="block-lists"),
    ],
)
def test_deep_nesting_points_at_the_ninth_level(text: str, where: str) -> None:
    started = time.perf_counter()
    lines = read_text(text)
    assert time.perf_counter() - started < 2
    assert lines == [f"tips/tip.yml:{where}: error: {NESTING}"]


def test_eight_levels_are_allowed() -> None:
    # the top-level mapping, six block lists and one flow list: eight levels
    text = "a:\n" + "".join("  " * level + "- \n" for level in range(1, 7)) + "  " * 7 + "[x]\n"
    assert read_document(text).data["a"] == [[[[[[["x"]]]]]]]
    deeper = text.replace("[x]", "[[x]]")
    assert read_text(deeper) == [f"tips/tip.yml:8:16: error: {NESTING}"]


def test_alias_bomb_is_refused_quickly() -> None:
    started = time.perf_counter()
    result = read_yaml_file(DATA / "alias-bomb.yml", "tips/alias-bomb.yml")
    elapsed = time.perf_counter() - started
    lines = problems(result, "tips/alias-bomb.yml")
    assert elapsed < 2, f"alias bomb took {elapsed:.2f} s"
    assert lines[:3] == [
        f"tips/alias-bomb.yml:1:4: error: anchors are not allowed {FULL}",
        f"tips/alias-bomb.yml:2:4: error: anchors are not allowed {FULL}",
        f"tips/alias-bomb.yml:2:8: error: aliases are not allowed {FULL}",
    ]
    assert len(lines) == 9 + 8 * 9, "one line per anchor and per alias, nothing expanded"


# -- scalars stay text ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        pytest.param("no", "bool", id="no"),
        pytest.param("yes", "bool", id="yes"),
        pytest.param("on", "bool", id="on"),
        pytest.param("12", "int", id="int"),
        pytest.param("12:30", "int", id="sexagesimal"),
        pytest.param("1.5", "float", id="float"),
        pytest.param("~", "null", id="tilde"),
        pytest.param("", "null", id="empty-value"),
        pytest.param("2026-11-27", "timestamp", id="date"),
    ],
)
def test_bare_scalar_keeps_text_and_kind(written: str, kind: str) -> None:
    value = read_document(f"title: {written}\n").data["title"]
    assert type(value) is BareScalar, f"{written!r}: expected a BareScalar, got {value!r}"
    assert value == written
    assert value.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('title: "no"\n', id="double-quoted"),
        pytest.param("title: '12'\n", id="single-quoted"),
        pytest.param("title: |\n  no\n", id="literal-block"),
        pytest.param("title: Heel pick-up\n", id="plain-text"),
    ],
)
def test_quoted_block_and_ordinary_text_stay_plain_str(text: str) -> None:
    value = read_document(text).data["title"]
    assert type(value) is str, f"{text!r}: expected str, got {value!r}"


def test_keys_are_plain_str_even_when_bare() -> None:
    data = read_document("yes: 1\n12: 2\n").data
    assert [type(key) for key in data] == [str, str]
    assert list(data) == ["yes", "12"]


def test_bare_kind_follows_yaml_1_1() -> None:
    assert bare_kind("off") == "bool"
    assert bare_kind("1:30") == "int"
    assert bare_kind("Heel pick-up") is None
    assert BareScalar("no", "bool") == "no"


# -- positions --------------------------------------------------------------------------------


def test_positions_of_keys_values_and_list_items() -> None:
    document = read_yaml_file(DATA / "valid.yml", "tips/valid.yml")
    assert isinstance(document, SourceDocument)
    keys, values = document.positions, document.value_positions
    assert keys[()] == Position(2, 1)  # where the keys begin, after the file's comment
    assert values[()] == Position(1, 1)
    assert keys[("title",)] == Position(2, 1)
    assert values[("title",)] == Position(2, 8)
    assert keys[("video", "url")] == Position(10, 3)
    assert values[("video", "url")] == Position(10, 8)
    assert keys[("rationale", 1)] == values[("rationale", 1)] == Position(15, 5)
    assert keys[("rationale", 1, "heading")] == Position(15, 5)
    assert values[("rationale", 1, "heading")] == Position(15, 14)
    assert values[("rationale", 1, "body")] == Position(16, 11)
    assert keys[("notes", 1)] == Position(20, 4)
    assert values[("caption",)] == Position(21, 9), "an empty value sits after its colon"


def test_compose_positions_of_mkdocs_config() -> None:
    text = (
        "site_name: Runform\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n"
        "  runform:\n"
        "    booking:\n"
        "      url: !ENV [BOOKING_URL, 'https://example.com']\n"
    )
    positions = compose_positions(text)
    assert positions[()] == Position(1, 1)
    assert positions[("markdown_extensions", 0, "pymdownx.emoji", "emoji_index")] == Position(4, 7)
    assert positions[("extra", "runform", "booking", "url")] == Position(8, 7)


@pytest.mark.parametrize(
    "text",
    [pytest.param("a: [b\n", id="syntax-error"), pytest.param("---\na: 1\n---\nb: 2\n", id="two")],
)
def test_compose_positions_of_broken_config_is_empty(text: str) -> None:
    assert compose_positions(text) == {}
