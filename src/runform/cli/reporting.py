"""What the command line prints: diagnostics as text, JSON or GitHub annotations; the plan.

- text: one `path:line:col: severity: message (hint)` line per problem, then a count, as
  yamllint prints them;
- json: one object for editors and tools;
- github: workflow commands (`::error file=…,line=…,col=…::…`), grouped per file as yamllint's
  `--format github` does, so a pull request shows each problem on its line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from itertools import groupby
from typing import Final

from runform.content.diagnostics import Diagnostic, plural, printable, summarize
from runform.content.planner import ERRORS, MISSING, Plan, PlanRow
from runform.content.records import Weekday


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


_NO_TITLE: Final = "-"


def format_diagnostics(diagnostics: Sequence[Diagnostic], fmt: Format, checked: int) -> str:
    problems = sorted(diagnostics)
    if fmt is Format.JSON:
        return _json(problems, checked)
    if fmt is Format.GITHUB:
        return "\n".join([*_github(problems), _summary(problems, checked)])
    return "\n".join([*(str(d) for d in problems), _summary(problems, checked)])


def _summary(problems: Sequence[Diagnostic], checked: int) -> str:
    tips = plural(checked, "tip")
    if not problems:
        return f"runform: {tips} checked, no problems."
    return f"runform: {summarize(problems)} ({tips} checked)."


def _json(problems: Sequence[Diagnostic], checked: int) -> str:
    errors = sum(1 for d in problems if d.is_error)
    document = {
        "checked": checked,
        "errors": errors,
        "warnings": len(problems) - errors,
        "diagnostics": [
            {
                "path": d.path,
                "line": d.line,
                "col": d.col,
                "severity": str(d.severity),
                "message": d.message,
                "hint": d.hint,
                "code": d.code,
            }
            for d in problems
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def _github(problems: Sequence[Diagnostic]) -> list[str]:
    lines: list[str] = []
    for path, in_file in groupby(problems, key=lambda d: d.path):
        lines.append(f"::group::{_escape_data(path)}")
        for d in in_file:
            text = d.message + (f" ({d.hint})" if d.hint else "")
            lines.append(
                f"::{d.severity} file={_escape_property(d.path)},line={d.line},col={d.col}"
                f"::{d.line}:{d.col} {_escape_data(text)}"
            )
        lines.append("::endgroup::")
    return lines


def _escape_data(text: str) -> str:
    """GitHub's workflow-command escaping for a message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_plan(plan: Plan) -> str:
    weekday = plan.weekday.value.capitalize()
    lines = [
        f"Publish day: {weekday}. As of {_day(plan.as_of)} {plan.as_of.isoformat()}.",
        "",
    ]
    rows = [("Date", "Day", "Status", "Title")]
    rows += [_cells(row) for row in plan.recent]
    split = len(rows)
    rows += [_cells(row) for row in plan.upcoming]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for index, row in enumerate(rows):
        if index == split and plan.recent:
            lines.append(_line(("-" * widths[0], "-" * widths[1], "-" * widths[2], ""), widths))
        lines.append(_line(row, widths))
    if plan.gaps:
        lines.append("")
    for gap in plan.gaps:
        day = f"{_day(gap.day)} {gap.day.isoformat()}"
        if gap.broken:
            files = " and ".join(printable(path) for path in gap.broken)
            lines.append(
                f"warning: {day} has only {files}, which is left out for its errors; "
                "fix them (runform check lists them)"
            )
        elif gap.draft_only:
            files = " or ".join(printable(path) for path in gap.drafts)
            lines.append(
                f"warning: {day} has only a draft, which is never published; to publish it,"
                f" finish {files} and remove its 'draft: true' line"
            )
        else:
            lines.append(
                f"warning: {day} has no tip; start one with: "
                f'runform new "Title" --date {gap.day.isoformat()}'
            )
    return "\n".join(lines)


def _cells(row: PlanRow) -> tuple[str, str, str, str]:
    status = row.status.upper() if row.status in (MISSING, ERRORS) else row.status
    # a file left out for its problems has no title read: its path names it
    title = row.title or row.path or _NO_TITLE
    return (row.day.isoformat(), _day(row.day)[:3], status, printable(title))


def _line(cells: tuple[str, str, str, str], widths: list[int]) -> str:
    columns = [cell.ljust(width) for cell, width in zip(cells[:3], widths, strict=True)]
    return "  ".join([*columns, cells[3]]).rstrip()


def _day(day: date) -> str:
    return list(Weekday)[day.weekday()].value.capitalize()
