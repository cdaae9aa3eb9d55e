"""The preview's error page: what `runform serve` shows while a tip (or the settings) is broken.

Plain `mkdocs serve` leaves every request hanging when a rebuild fails. Under serve, the glue
keeps the build alive instead and puts this page where the site would be: every problem, with
its file:line:col, message and hint, the same lines the terminal prints. The page reloads by
itself once the next build is done (`built_at` is compared with the server's build clock).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from runform.content.diagnostics import Diagnostic, summarize
from runform.site.render import render_text

ERROR_TEMPLATE = "error.html.j2"


@dataclass(frozen=True)
class ProblemView:
    where: str  # "tips/2026-11-27-heel-pick-up.yml:12:3"
    severity: str
    message: str
    hint: str | None


@dataclass(frozen=True)
class ErrorPageView:
    title: str
    heading: str
    explanation: str
    waiting: str
    problems: tuple[ProblemView, ...]
    built_at: int  # milliseconds on the server's monotonic build clock


def error_page_view(diagnostics: Iterable[Diagnostic], built_at: int) -> ErrorPageView:
    problems = tuple(sorted(diagnostics))
    count = summarize(problems)
    return ErrorPageView(
        title=f"{count}: the preview is paused",
        heading=f"The preview is paused: {count} to fix",
        explanation=(
            "runform found these problems, so it cannot show the site. Fix each one in your "
            "editor and save: this page reloads by itself when the site builds again."
        ),
        waiting="Waiting for your next save…",
        problems=tuple(
            ProblemView(
                where=f"{d.path}:{d.line}:{d.col}",
                severity=str(d.severity),
                message=d.message,
                hint=d.hint,
            )
            for d in problems
        ),
        built_at=built_at,
    )


def render_error_page(diagnostics: Iterable[Diagnostic], built_at: int) -> str:
    return render_text(ERROR_TEMPLATE, page=error_page_view(diagnostics, built_at))
