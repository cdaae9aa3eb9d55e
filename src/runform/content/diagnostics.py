"""Problems found in a coach's files, as values with a location.

Every stage returns diagnostics instead of raising on the first problem; the caller collects
them from every file, sorts them and raises one `ContentError`. One problem prints as one line:

    tips/2026-11-27-heel-pick-up.yml:12:3: error: unknown key 'cues' (did you mean 'cue'?)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

# C0 and C1 controls, DEL, line and paragraph separators, and the bidi embedding, override
# and isolate characters (Unicode TR #9), which can reorder what a terminal shows
_UNPRINTABLE_CODES: Final = [
    *range(0x00, 0x20),
    *range(0x7F, 0xA0),
    0x2028,
    0x2029,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
]
_ESCAPES: Final = {
    code: (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}") for code in _UNPRINTABLE_CODES
}
_UNPRINTABLE: Final = re.compile("[" + "".join(re.escape(chr(c)) for c in _UNPRINTABLE_CODES) + "]")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True, slots=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    col: int


START = Position(1, 1)


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    col: int
    message: str = field(compare=False)
    hint: str | None = field(default=None, compare=False)
    severity: Severity = field(default=Severity.ERROR, compare=False)
    code: str | None = field(default=None, compare=False)  # a warning's rule, e.g. "no-tags"

    @classmethod
    def at(
        cls,
        path: str,
        position: Position,
        message: str,
        hint: str | None = None,
        severity: Severity = Severity.ERROR,
        code: str | None = None,
    ) -> Diagnostic:
        return cls(path, position.line, position.col, message, hint, severity, code)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        """One line, whatever the values quoted in it hold: control and line-break characters
        are shown escaped, so a tip cannot clear the terminal or forge a second line."""
        hint = f" ({self.hint})" if self.hint else ""
        text = f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}{hint}"
        return printable(text)


def printable(text: str) -> str:
    """`text` with every control, line-break and bidirectional-format character escaped
    (`\\x1b`, `\\u2028`), for a terminal: the escapes are plain text, never acted on."""
    return text.translate(_ESCAPES) if _UNPRINTABLE.search(text) else text


def summarize(diagnostics: Iterable[Diagnostic]) -> str:
    """'2 errors, 1 warning' style count."""
    items = list(diagnostics)
    errors = sum(1 for d in items if d.is_error)
    warnings = len(items) - errors
    parts = [plural(errors, "error")]
    if warnings:
        parts.append(plural(warnings, "warning"))
    return ", ".join(parts)


def plural(count: int, word: str) -> str:
    """'1 tip', '0 tips', '2 tips': a count and an English noun that takes -s."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class ContentError(Exception):
    """Raised once, with every problem of every file, when content cannot be published."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(sorted(diagnostics))
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(d) for d in self.diagnostics]
        lines.append(f"runform: {summarize(self.diagnostics)} found; nothing was built.")
        return "\n".join(lines)
