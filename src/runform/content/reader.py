"""One tip file -> `SourceDocument` (plain data plus where each key sits), or diagnostics.

This is the only module that reads tip files. It never constructs Python objects from YAML:
it walks PyYAML's *event* stream with an explicit stack and builds dicts, lists and strings
itself, so that

- every scalar stays text; a plain scalar that YAML 1.1 would read as a bool, number, null or
  timestamp becomes a `BareScalar` carrying that `kind`, and the model layer decides;
- anchors, aliases, merge keys, tags, duplicate keys and second documents are refused where
  they stand (an alias is never expanded, so an alias bomb costs nothing);
- nesting deeper than `MAX_DEPTH` stops the walk (never recursion, never the C composer,
  which crashes on deeply nested input).

PyYAML marks are 0-based; they become 1-based `Position`s here and nowhere else.
"""

from __future__ import annotations

import math
import os
import re
from bisect import bisect_right
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from runform.content.diagnostics import START, Diagnostic, Position
from runform.content.misreadings import plain_scalar_problem, source_lines, syntax_problem
from runform.content.scalars import BareScalar, FoldedPlain

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 8

KeyPath = tuple[str | int, ...]

_EventLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()
_BARE_KINDS = {
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
}
_UTF8_BOM = b"\xef\xbb\xbf"
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# A tab in the leading whitespace of a line.
_TAB_INDENT = re.compile("(?<![^\r\n\x85\u2028\u2029])( *)\t")
# What YAML forbids in a stream (PyYAML's Reader.NON_PRINTABLE).
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)

_EMPTY_HINT = "a tip needs at least title, date, summary, cue and rationale"
_FULL_VALUE_HINT = "write the value out in full"
_TAB_MESSAGE = "tab character used for indentation"
_TAB_HINT = "indent with spaces"
_QUOTE_HINT = "put the text in quotes"
_NESTING_HINT = "use fewer nested lists and mappings"


def bare_kind(value: str) -> str | None:
    """What YAML 1.1 would read the unquoted `value` as, or None if it would read text."""
    return _short_bare_kind(value) if len(value) <= 64 else _resolve_kind(value)


def _resolve_kind(value: str) -> str | None:
    return _BARE_KINDS.get(_RESOLVER.resolve(yaml.ScalarNode, value, (True, False)))


_short_bare_kind = lru_cache(maxsize=4096)(_resolve_kind)


@dataclass(frozen=True)
class SourceDocument:
    """A tip file read as plain data, with where each key (and value) starts."""

    path: str
    data: dict[str, Any]
    positions: Mapping[KeyPath, Position]
    value_positions: Mapping[KeyPath, Position]


def read_yaml_file(path: Path, display_path: str) -> SourceDocument | list[Diagnostic]:
    """Read one tip file; a file too large is refused before it is read."""
    raw = read_file_bytes(path, display_path)
    return raw if isinstance(raw, list) else read_yaml_text(raw, display_path)


def read_file_bytes(path: Path, display_path: str) -> bytes | list[Diagnostic]:
    """The bytes of one tip file, or why they cannot be had (too large, unreadable)."""
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > MAX_FILE_BYTES:
                return [_too_large(display_path, size)]
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return [Diagnostic.at(display_path, START, f"file cannot be read: {reason}")]
    return raw


def read_yaml_text(raw: bytes, display_path: str) -> SourceDocument | list[Diagnostic]:
    """Turn the bytes of one tip file into a SourceDocument, or every problem found in it."""
    if len(raw) > MAX_FILE_BYTES:
        return [_too_large(display_path, len(raw))]
    if raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return [_not_utf8(display_path, raw, error.start)]

    diagnostics: list[Diagnostic] = []
    if "\t" in text:
        diagnostics.extend(_tab_diagnostics(text, display_path))
    unprintable = _unprintable_diagnostics(text, display_path)
    if unprintable:
        return sorted(diagnostics + unprintable)

    walk = _Walk(display_path, text)
    try:
        walk.run(_events(text))
    except yaml.MarkedYAMLError as error:
        misread = syntax_problem(walk.lines, error.problem_mark, error.context_mark)
        if misread is not None:
            syntax: Diagnostic | None = misread.diagnostic(display_path)
        else:
            syntax = _syntax_diagnostic(error, text, display_path)
        if syntax is not None and not _caused_by_tab(syntax, diagnostics):
            diagnostics.append(syntax)
    except yaml.YAMLError as error:  # ReaderError: the stream itself is unreadable
        diagnostics.append(Diagnostic.at(display_path, START, f"file is not valid YAML: {error}"))
    diagnostics.extend(walk.diagnostics)

    if not diagnostics and walk.empty:
        diagnostics.append(Diagnostic.at(display_path, START, "file is empty", _EMPTY_HINT))
    if diagnostics:
        return sorted(set(diagnostics))  # a misreading found twice is one problem
    return SourceDocument(
        path=display_path,
        data=walk.root,
        positions=MappingProxyType(walk.positions),
        value_positions=MappingProxyType(walk.value_positions),
    )


def compose_positions(text: str) -> dict[KeyPath, Position]:
    """Where each key (and list item) of a config file such as mkdocs.yml starts.

    Composing builds nodes only, so tags such as `!ENV` or `!!python/name:` are harmless here.
    Returns {} if the text is not valid YAML.
    """
    try:
        root = yaml.compose(text, Loader=_EventLoader)  # libyaml's nodes carry marks too
    except (yaml.YAMLError, RecursionError):
        return {}
    positions: dict[KeyPath, Position] = {(): START}
    if root is None:
        return positions
    seen: set[int] = set()
    pending: deque[tuple[KeyPath, yaml.Node]] = deque([((), root)])
    while pending:
        path, node = pending.popleft()
        if id(node) in seen:  # an alias: each node is listed once, at its first path
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    child = (*path, key.value)
                    positions.setdefault(child, _position(key.start_mark))
                    pending.append((child, value))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                child = (*path, index)
                positions.setdefault(child, _position(item.start_mark))
                pending.append((child, item))
    return positions


# -- the event walk ---------------------------------------------------------------------------

_EXPECT_KEY: Any = object()  # a mapping frame waiting for its next key
_DISCARD: Any = object()  # a mapping frame whose next value belongs nowhere


class _Frame:
    __slots__ = ("container", "firsts", "keep", "key", "path")

    def __init__(self, container: dict[str, Any] | list[Any], path: KeyPath, keep: bool) -> None:
        self.container = container
        self.path = path
        self.keep = keep  # False: walked for problems, attached nowhere
        self.key: Any = _EXPECT_KEY
        self.firsts: dict[str, int] = {}  # key -> line it first appears on


class _Walk:
    """Builds plain data from events with an explicit stack, collecting problems."""

    def __init__(self, display_path: str, text: str) -> None:
        self.display_path = display_path
        self.lines = source_lines(text)
        self.diagnostics: list[Diagnostic] = []
        self.root: Any = None
        self.empty = True
        self.positions: dict[KeyPath, Position] = {(): START}
        self.value_positions: dict[KeyPath, Position] = {(): START}

    def _report(self, mark: Any, message: str, hint: str | None = None) -> None:
        self.diagnostics.append(Diagnostic.at(self.display_path, _position(mark), message, hint))

    def run(self, events: Iterator[Event]) -> None:
        stack: list[_Frame] = []
        documents = 0
        for event in events:
            cls = type(event)
            if cls is ScalarEvent or cls is MappingStartEvent or cls is SequenceStartEvent:
                is_scalar = cls is ScalarEvent
                if event.anchor is not None:
                    self._report(event.start_mark, "anchors are not allowed", _FULL_VALUE_HINT)
                if event.tag is not None:
                    self._report(
                        event.start_mark,
                        f"tags such as '{_written_tag(event.tag)}' are not allowed",
                        "remove the tag; write plain text",
                    )
                if is_scalar:
                    value: Any = event.value
                    plain = event.implicit[0] and not event.style
                    if plain:
                        kind = bare_kind(value)
                        if kind is not None:
                            value = BareScalar(value, kind)
                        elif event.end_mark.line > event.start_mark.line:
                            value = FoldedPlain(value, event.start_mark.line + 2)
                        misread = plain_scalar_problem(
                            self.lines,
                            event.start_mark,
                            event.end_mark,
                            event.value,
                            text_like=kind is None,
                        )
                        if misread is not None:
                            self.diagnostics.append(misread.diagnostic(self.display_path))
                            if not stack:  # reported instead of "the top level must be ..."
                                self.empty = False
                                return
                else:
                    plain = False
                    value = {} if cls is MappingStartEvent else []
            elif cls is AliasEvent:
                self._report(event.start_mark, "aliases are not allowed", _FULL_VALUE_HINT)
                is_scalar, plain, value = True, False, None
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                stack.pop()
                continue
            elif cls is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self._report(
                        event.start_mark,
                        "only one YAML document per file",
                        "remove the second '---'",
                    )
                    return
                continue
            else:  # stream start/end, document end
                continue

            # Place the node: the root, a mapping key, a mapping value or a list item.
            path: KeyPath | None
            if not stack:
                path = ()
                if (
                    is_scalar
                    and plain
                    and value == ""
                    and event.tag is None
                    and event.anchor is None
                ):
                    return  # a document with no content: the file is empty
                self.empty = False
                if cls is not MappingStartEvent:
                    self._report(
                        event.start_mark,
                        "the top level must be a mapping of keys such as 'title:' and 'date:'",
                    )
                    path = None
                else:  # a missing top-level key is reported where the keys begin, not at 1:1
                    mark = event.start_mark  # (a schema comment or blank lines may come first)
                    self.positions[()] = Position(mark.line + 1, mark.column + 1)
                self.root = value
            else:
                parent = stack[-1]
                container = parent.container
                if type(container) is list:
                    path = (*parent.path, len(container))
                    container.append(value)
                    if parent.keep:
                        mark = event.start_mark
                        position = Position(mark.line + 1, mark.column + 1)
                        self.positions[path] = position
                        self.value_positions[path] = position
                    else:
                        path = None
                elif parent.key is _EXPECT_KEY:
                    path = None  # keys are never containers we keep
                    parent.key = self._take_key(parent, event, is_scalar, plain, value)
                else:
                    key = parent.key
                    parent.key = _EXPECT_KEY
                    if key is _DISCARD or not parent.keep:
                        path = None
                    else:
                        path = (*parent.path, key)
                        container[key] = value
                        mark = event.start_mark
                        self.value_positions[path] = Position(mark.line + 1, mark.column + 1)

            if not is_scalar:
                if len(stack) >= MAX_DEPTH:
                    self._report(
                        event.start_mark,
                        f"nesting is deeper than {MAX_DEPTH} levels",
                        _NESTING_HINT,
                    )
                    return
                stack.append(_Frame(value, path or (), path is not None))

    def _take_key(
        self, parent: _Frame, event: Event, is_scalar: bool, plain: bool, value: Any
    ) -> Any:
        """Check a mapping key; return it, or _DISCARD if its value must be dropped."""
        if not is_scalar:
            self._report(event.start_mark, "keys must be plain text", "write the key as a word")
            return _DISCARD
        if value is None:  # an alias, already reported
            return _DISCARD
        key = str(value)
        if plain and key == "<<":
            self._report(
                event.start_mark, "merge keys ('<<') are not allowed", "write the keys out in full"
            )
            return _DISCARD
        mark = event.start_mark
        line = mark.line + 1
        first = parent.firsts.get(key)
        if first is not None:
            self._report(
                event.start_mark,
                f"duplicate key '{key}' (first on line {first})",
                "remove one of them",
            )
            return _DISCARD
        parent.firsts[key] = line
        if parent.keep:
            self.positions[(*parent.path, key)] = Position(line, mark.column + 1)
        return key


def _events(text: str) -> Iterator[Event]:
    """PyYAML events for `text`, from libyaml when available.

    libyaml refuses more than 1000 levels of nesting with an error before it emits the deep
    events; then the text up to that point is parsed again and its remaining events follow,
    so the walk can stop at the level that is too deep and report that exact place.
    """
    emitted = 0
    loader = _EventLoader(text)
    try:
        while (event := loader.get_event()) is not None:
            emitted += 1
            yield event
            if type(event) is StreamEndEvent:
                return
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        if mark is None or "maximum nesting depth" not in (error.problem or ""):
            raise
        prefix = text[: mark.index]
        try:
            for index, event in enumerate(_events(prefix)):
                if index >= emitted:
                    yield event
        except yaml.MarkedYAMLError as earlier:
            # A real mistake before the cut, not the cut itself, is the better report.
            if earlier.problem_mark is not None and earlier.problem_mark.index < len(prefix):
                raise earlier from None
        raise error from None
    finally:
        loader.dispose()


def _written_tag(tag: str) -> str:
    """A resolved tag as a coach would have written it: '!!str', not 'tag:yaml.org,2002:str'."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


# -- problems found before or instead of parsing ----------------------------------------------


def _too_large(display_path: str, size: int) -> Diagnostic:
    kib = math.ceil(size / 1024)
    message = f"file is {kib} KiB; a tip must be {MAX_FILE_BYTES // 1024} KiB or smaller"
    return Diagnostic.at(display_path, START, message)


def _not_utf8(display_path: str, raw: bytes, bad_byte: int) -> Diagnostic:
    before = raw[:bad_byte].decode("utf-8")  # valid: the first bad byte comes after it
    position = _LineIndex(before).position(len(before))
    return Diagnostic.at(
        display_path, position, "file is not UTF-8 text", "save it as UTF-8 in your editor"
    )


def _tab_diagnostics(text: str, display_path: str) -> list[Diagnostic]:
    lines = _LineIndex(text)
    return [
        Diagnostic.at(display_path, lines.position(match.end(1)), _TAB_MESSAGE, _TAB_HINT)
        for match in _TAB_INDENT.finditer(text)
    ]


def _unprintable_diagnostics(text: str, display_path: str) -> list[Diagnostic]:
    matches = list(_NON_PRINTABLE.finditer(text))
    if not matches:
        return []
    lines = _LineIndex(text)
    return [
        Diagnostic.at(
            display_path,
            lines.position(match.start()),
            f"invisible control character U+{ord(match.group()):04X} is not allowed",
            "delete it; it often comes with text copied from another program",
        )
        for match in matches
    ]


def _caused_by_tab(syntax: Diagnostic, tabs: list[Diagnostic]) -> bool:
    """A syntax error on a line already reported for tab indentation adds nothing."""
    return any(tab.line == syntax.line for tab in tabs)


class _LineIndex:
    """Character offset -> 1-based line and column, with YAML's line breaks."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]

    def position(self, offset: int) -> Position:
        line = bisect_right(self.starts, offset)
        return Position(line, offset - self.starts[line - 1] + 1)


# -- syntax errors in a coach's words ---------------------------------------------------------


def _syntax_diagnostic(
    error: yaml.MarkedYAMLError, text: str, display_path: str
) -> Diagnostic | None:
    problem = error.problem or ""
    context = error.context or ""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return Diagnostic.at(display_path, START, f"file is not valid YAML: {problem}")
    here = _position(mark)
    opened = _position(error.context_mark) if error.context_mark is not None else here

    def found(message: str, hint: str | None, where: Position = here) -> Diagnostic:
        return Diagnostic.at(display_path, where, message, hint)

    char = text[mark.index] if 0 <= mark.index < len(text) else ""
    if "maximum nesting depth" in problem:
        return found(f"nesting is deeper than {MAX_DEPTH} levels", _NESTING_HINT)
    if "mapping values are not allowed" in problem:
        return found(
            "unexpected ': ' here", "put text containing ': ' in quotes, or check the indentation"
        )
    if "could not find expected ':'" in problem:
        return found(
            "expected a 'key: value' line",
            "add the key and ':', or indent the line to continue the text above",
            opened,
        )
    if "tab character" in problem or ("cannot start any token" in problem and char == "\t"):
        return found("tab character is not allowed here", "use spaces")
    if "cannot start any token" in problem:
        return found(f"a value cannot start with '{char}'", _QUOTE_HINT)
    if "quoted scalar" in context and ("end of stream" in problem or "separator" in problem):
        return found("quoted text is never closed", "add the closing quote", opened)
    if "unknown escape character" in problem:
        backslash = here  # libyaml marks the backslash, PyYAML the character after it
        if char != "\\" and mark.index > 0 and text[mark.index - 1] == "\\":
            backslash = Position(here.line, here.col - 1)
        else:
            char = text[mark.index + 1 : mark.index + 2]
        return found(
            f"unknown escape '\\{char}' in double-quoted text",
            "use single quotes, or write '\\\\' for a backslash",
            backslash,
        )
    for bracket, closer, what in (("[", "]", "list"), ("{", "}", "mapping")):
        if f"',' or '{closer}'" in problem:
            return found(
                f"the {what} opened with '{bracket}' on line {opened.line} is not closed",
                f"close it with '{closer}', or put text containing ',', '{bracket}' or ': '"
                " in quotes",
            )
    if "block mapping" in context and ("expected key" in problem or "<block end>" in problem):
        return found(
            "expected a new 'key:' here",
            "check the indentation; if a value starts with a quote, quote the whole value",
        )
    if "block collection" in context:
        return found(
            "expected a list item ('- ') here",
            "check the indentation: the keys of one item line up, each new item starts with '- '",
        )
    if "block scalar" in context:
        return found(
            "unexpected text after '|' or '>'", "start the text on the next line, indented"
        )
    if "alias" in context or "anchor" in context:
        symbol = "*" if "alias" in context else "&"
        return found(f"a value cannot start with '{symbol}'", _QUOTE_HINT, opened)
    if "document start" in problem:
        return found(
            "text after the end of the document ('...')", "remove the '...' line or what follows"
        )
    problem = problem.replace(" in this context", " here")
    return found(f"file is not valid YAML: {problem}", "check the indentation and quotes here")
