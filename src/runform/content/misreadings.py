"""Text that YAML reads differently from how it looks, refused at the place it is written.

A coach writes YAML as text; a few spellings parse without error but not as meant:

- a plain value followed by ` #` is cut there (`title: Cadence ladder #3` is "Cadence
  ladder"; YAML 1.2, 6.6 "Comments"). A comment is kept when it is written as comments
  usually are (yamllint's `comments` rule: two spaces before `#`, one after it); any other
  ` #` after a value is refused with a hint to quote the value;
- curly quotes from a word processor (double or single, English or German style) are not
  YAML quotes: they stay in the text, and a `: ` or ` #` inside them breaks the line;
- `-Stand tall` and `title:Run tall` (no space after `-` or `:`) are plain text, not a
  list item or a key.

`plain_scalar_problem` looks at one plain scalar (its marks and the lines of the file);
`syntax_problem` finds one of these spellings behind a YAML syntax error, so the coach gets
one error, at the spelling, instead of PyYAML's complaint about a later line;
`settings_problems` runs the scalar checks over the `extra.runform` part of mkdocs.yml.
Positions here are 1-based `Position`s; PyYAML marks (0-based) come in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

import yaml

from runform.content.diagnostics import Diagnostic, Position

# Curly quotes that open a quotation in some language (English U+201C U+2018, German U+201E
# U+201A, Swedish U+201D U+2019) and those that close one.
CURLY_OPENERS: Final = "\u201c\u2018\u201e\u201a\u201d\u2019"
CURLY_CLOSERS: Final = "\u201d\u2019\u201c\u2018"
_LINE_BREAK: Final = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_AFTER_VALUE: Final = re.compile(r"([ \t]+)#(.*)")
_NO_SPACE_DASH: Final = re.compile(r"-(?=[^\s-])")
_NO_SPACE_COLON: Final = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?=[^\s/:])")
_DASH_HINT: Final = "put a space after '-'"
_COLON_HINT: Final = "put a space after ':'"


@dataclass(frozen=True)
class Problem:
    """Where a misread spelling is, and what to tell the coach."""

    position: Position
    message: str
    hint: str

    def diagnostic(self, path: str) -> Diagnostic:
        return Diagnostic.at(path, self.position, self.message, self.hint)


def source_lines(text: str) -> list[str]:
    """The lines of `text` split at YAML's line breaks (as PyYAML's marks count them)."""
    return _LINE_BREAK.split(text)


def quoted(text: str) -> str:
    """`text` as a YAML quoted scalar a coach can paste: double quotes unless it holds `"` or
    a backslash, then single quotes (with `'` doubled)."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def plain_scalar_problem(
    lines: list[str], start: Any, end: Any, value: str, *, text_like: bool
) -> Problem | None:
    """The misreading in one plain scalar (`start`/`end`: PyYAML marks), or None.

    `text_like` is False for values YAML resolves to a bool, number, null or date: those are
    never cut by a comment in a way that changes text, and `-5` is a number, not an item.
    """
    first = lines[start.line] if start.line < len(lines) else ""
    at_line_start = not first[: start.column].strip()
    if at_line_start and text_like and (missing := missing_space(first, start.line, start.column)):
        return missing
    rest = first[start.column :]
    if rest[:1] in CURLY_OPENERS and rest[:1]:
        closer = max(rest.rfind(char) for char in CURLY_CLOSERS)
        if closer > 0:
            return _curly(Position(start.line + 1, start.column + 1), rest[1:closer])
    if len(value) >= 2 and value[0] in CURLY_OPENERS and value[-1] in CURLY_CLOSERS:
        return _curly(Position(start.line + 1, start.column + 1), value[1:-1])
    last = lines[end.line] if end.line < len(lines) else ""
    comment = _AFTER_VALUE.match(last, end.column)
    if comment is None or not (text_like or value == ""):
        return None
    spaces, after = comment.group(1), comment.group(2)
    written_as_comment = not after[:1] or after[:1].isspace() or after[:1] == "#"
    if value == "":
        if written_as_comment:
            return None  # `key:  # to do` is an empty value with a comment
        hashed = f"#{after.rstrip()}"
        return Problem(
            Position(end.line + 1, end.column + len(spaces) + 1),
            f"'{hashed}' is read as a comment, so the value is empty",
            f"put it in quotes: {quoted(hashed)}",
        )
    if written_as_comment and len(spaces) >= 2:
        return None
    whole = f"{value}{spaces}#{after}".rstrip()
    return Problem(
        Position(start.line + 1, start.column + 1),
        f"'{whole}' is cut at ' #': YAML reads the rest of the line as a comment",
        f"put the whole value in quotes: {quoted(whole)};"
        " a comment needs two spaces before '#' and one after it",
    )


def missing_space(line: str, index: int, column: int) -> Problem | None:
    """`-Stand tall` or `title:Run tall` starting at `column` of `line` (0-based `index`)."""
    if _NO_SPACE_DASH.match(line, column) and not line.startswith("---", column):
        return Problem(
            Position(index + 1, column + 1),
            "'-' without a space after it does not start a list item",
            _DASH_HINT,
        )
    match = _NO_SPACE_COLON.match(line, column)
    if match and match.group(1).lower() not in ("http", "https", "mailto", "tel"):
        return Problem(
            Position(index + 1, match.end(1) + 1),
            f"'{match.group(1)}:' without a space after it does not start a 'key: value' line",
            _COLON_HINT,
        )
    return None


def syntax_problem(lines: list[str], problem: Any, context: Any) -> Problem | None:
    """The misread spelling behind a syntax error, or None.

    Looked for on the error's line (curly quotes before the error's column, or a missing space
    at the line's start, after an optional `- `), then on the line the error's context opened,
    then on the last line with content before the error's line.
    """
    if problem is None:
        return None
    line = lines[problem.line] if problem.line < len(lines) else ""
    before = line[: problem.column]
    openers = [before.rfind(char) for char in CURLY_OPENERS]
    opener = max(openers)
    if opener >= 0 and before[:opener].rstrip().endswith((":", "-", "[", ",")):
        rest = line[opener + 1 :]
        closer = max(rest.rfind(char) for char in CURLY_CLOSERS)
        inner = rest[:closer] if closer >= 0 else rest.rstrip()
        return _curly(Position(problem.line + 1, opener + 1), inner)
    candidates = [problem.line]
    if context is not None and context.line != problem.line:
        candidates.append(context.line)
    earlier = problem.line - 1
    while earlier >= 0 and (not lines[earlier].strip() or lines[earlier].lstrip()[0] == "#"):
        earlier -= 1
    if earlier >= 0:
        candidates.append(earlier)
    for index in candidates:
        text = lines[index] if index < len(lines) else ""
        column = len(text) - len(text.lstrip(" "))
        if found := missing_space(text, index, column):
            return found
        if text.startswith("- ", column):
            after_dash = len(text) - len(text[column + 1 :].lstrip(" "))
            if found := missing_space(text, index, after_dash):
                return found
    return None


def settings_problems(text: str, display: str, prefix: tuple[str, ...]) -> list[Diagnostic]:
    """The misread plain values under `prefix` (such as extra.runform) of a config file."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return []  # MkDocs reports the syntax error itself
    for key in prefix:
        if not isinstance(node, yaml.MappingNode):
            return []
        node = next(
            (value for name, value in node.value if getattr(name, "value", None) == key), None
        )
    if node is None:
        return []
    lines = source_lines(text)
    found: list[Diagnostic] = []
    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, yaml.MappingNode):
            for name, value in current.value:
                pending.extend((name, value))
        elif isinstance(current, yaml.SequenceNode):
            pending.extend(current.value)
        elif isinstance(current, yaml.ScalarNode) and current.style is None:
            resolved = yaml.resolver.Resolver().resolve(
                yaml.ScalarNode, current.value, (True, False)
            )
            text_like = resolved == "tag:yaml.org,2002:str"
            problem = plain_scalar_problem(
                lines, current.start_mark, current.end_mark, current.value, text_like=text_like
            )
            if problem is not None:
                found.append(problem.diagnostic(display))
    return sorted(found)


def _curly(position: Position, inner: str) -> Problem:
    return Problem(
        position,
        "curly quotes are not YAML quotes: YAML keeps them as part of the text",
        f"use straight quotes: {quoted(inner)}",
    )
