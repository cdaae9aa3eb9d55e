"""The preview's error page: what `runform serve` shows while a tip (or the settings) is broken.

A broken tip does not take the rest of the preview away: `preview_problems` leaves the broken
files out, gives each its own page at the tip's address listing its problems, and a banner
on every other page links to them. Problems outside tips/ (mkdocs.yml, docs/) still put the
error page below where the site was. `runform build` refuses either way.

Plain `mkdocs serve` leaves every request hanging when a rebuild fails. Under serve, the glue
keeps the build alive instead and puts this page where the site would be: every problem, with
its file:line:col, message and hint, the same lines the terminal prints. The page reloads by
itself once the next build is done (`built_at` is compared with the server's build clock).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from runform.content.catalog import RESERVED_SLUGS, YEAR_SLUG
from runform.content.diagnostics import Diagnostic, summarize
from runform.content.paths import parse_tip_file_name
from runform.site.addresses import relative_url, tip_uri
from runform.site.render import RenderedPage, render_page, render_text

ERROR_TEMPLATE = "error.html.j2"
BROKEN_TIP_TEMPLATE = "broken_tip.md.j2"
BANNER_TEMPLATE = "problems_banner.html.j2"


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
        problems=_views(problems),
        built_at=built_at,
    )


def render_error_page(diagnostics: Iterable[Diagnostic], built_at: int) -> str:
    return render_text(ERROR_TEMPLATE, page=error_page_view(diagnostics, built_at))


# -- A broken tip under `serve`: its own page shows its problems, a banner on every other ----


@dataclass(frozen=True)
class BrokenTip:
    """A file under tips/ with problems, and the page that shows them (None: it has no
    address of its own, such as a file whose name is not YYYY-MM-DD-slug.yml)."""

    path: str  # "tips/2026-11-27-heel-pick-up.yml"
    src_uri: str | None  # "tips/heel-pick-up.md"
    problems: tuple[ProblemView, ...]


@dataclass(frozen=True)
class PreviewProblems:
    """What the preview shows while some tips are broken: the tips it leaves out, a page for
    each, and a banner on every other page."""

    broken: tuple[BrokenTip, ...]

    @property
    def paths(self) -> frozenset[str]:
        return frozenset(tip.path for tip in self.broken)

    def pages(self) -> list[RenderedPage]:
        """A page at each broken tip's address listing its problems (serve reloads it)."""
        return [
            render_page(
                tip.src_uri,
                BROKEN_TIP_TEMPLATE,
                title=f"{tip.path}: {summarize_views(tip.problems)} to fix",
                path=tip.path,
                problems=tip.problems,
            )
            for tip in self.broken
            if tip.src_uri is not None
        ]

    def banner_html(self, from_uri: str, use_directory_urls: bool) -> str:
        """The banner of a page other than a broken tip's: each broken file, linked to its
        page, and how many problems it has."""
        links = [
            (
                tip.path,
                relative_url(from_uri, tip.src_uri, use_directory_urls) if tip.src_uri else None,
                summarize_views(tip.problems),
            )
            for tip in self.broken
            if tip.src_uri != from_uri
        ]
        return render_text(BANNER_TEMPLATE, broken=links) if links else ""


def summarize_views(problems: tuple[ProblemView, ...]) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    return f"{errors} error{'s' if errors != 1 else ''}"


def preview_problems(
    errors: Iterable[Diagnostic], tips_dir: str, taken_slugs: Iterable[str]
) -> PreviewProblems | None:
    """The preview's view of `errors` when every one of them is in a file under `tips_dir`
    (a tip, or a stray file beside them); None when any is elsewhere (mkdocs.yml, docs/),
    which still pauses the whole preview. A broken tip's page is at the address its file name
    gives, unless a good tip or the site's own pages already use it."""
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in sorted(errors):
        if not diagnostic.path.startswith(f"{tips_dir}/"):
            return None
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    taken = set(taken_slugs)
    broken = []
    for path, diagnostics in by_path.items():
        name = parse_tip_file_name(path.rpartition("/")[2])
        slug = name.slug if name else None
        usable = slug and slug not in taken and slug not in RESERVED_SLUGS
        usable = usable and not YEAR_SLUG.fullmatch(slug or "")
        if usable:
            taken.add(str(slug))
        broken.append(BrokenTip(path, tip_uri(str(slug)) if usable else None, _views(diagnostics)))
    return PreviewProblems(tuple(broken))


def _views(diagnostics: Iterable[Diagnostic]) -> tuple[ProblemView, ...]:
    return tuple(
        ProblemView(
            where=f"{d.path}:{d.line}:{d.col}",
            severity=str(d.severity),
            message=d.message,
            hint=d.hint,
        )
        for d in diagnostics
    )
