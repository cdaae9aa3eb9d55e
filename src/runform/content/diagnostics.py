"""Problems found in a coach's files, as values with a location.

Every stage returns diagnostics instead of raising on the first problem; the caller collects
them from every file, sorts them and raises one `ContentError`. One problem prints as one line:

    tips/2026-11-27-heel-pick-up.yml:12:3: error: unknown key 'cues' (did you mean 'cue'?)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
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

    @classmethod
    def at(
        cls,
        path: str,
        position: Position,
        message: str,
        hint: str | None = None,
        severity: Severity = Severity.ERROR,
    ) -> Diagnostic:
        return cls(path, position.line, position.col, message, hint, severity)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}{hint}"


def summarize(diagnostics: Iterable[Diagnostic]) -> str:
    """'2 errors, 1 warning' style count."""
    items = list(diagnostics)
    errors = sum(1 for d in items if d.is_error)
    warnings = len(items) - errors
    parts = [_plural(errors, "error")]
    if warnings:
        parts.append(_plural(warnings, "warning"))
    return ", ".join(parts)


def _plural(count: int, word: str) -> str:
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
