"""redirects.yml: old addresses that must keep working, each leading to a tip by its slug.

The file sits next to mkdocs.yml and the coach may edit it; `runform import wordpress` adds
to it. One line per old address, the path as the old site had it (relative to the site's
address), then the slug of the tip it leads to:

    "/2019/05/17/heel-pick-up/": heel-pick-up
    "/?p=1412": heel-pick-up

Contract:
- Read with runform's own YAML reader (every value stays text; anchors, tags and duplicate
  keys are refused at their line). A missing file or one with only comments: no redirects.
- Every problem is a Diagnostic at its line: a path that does not start with '/', a full
  address, '..', a '#' part, a query other than WordPress' `?p=<id>` / `?page_id=<id>` (a
  static host serves one file whatever follows '?'), a '.php'-like file, the home page,
  two paths that land on one file, and a slug no tip has (an error, with a did-you-mean hint).
- `Redirect.output_path` is the file the redirect page is written to in the built site:
  `/2019/05/17/heel-pick-up/` -> `2019/05/17/heel-pick-up/index.html`, `/old.html` ->
  `old.html`, `/?p=1412` -> `p/1412/index.html` (the home page's script sends `/?p=1412`
  there: see `runform.site.redirect_pages.query_redirect_script`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from urllib.parse import unquote, urlsplit

from runform.content.diagnostics import START, Diagnostic, Position
from runform.content.paths import display_path
from runform.content.reader import SourceDocument, read_yaml_text

REDIRECTS_FILE: Final = "redirects.yml"
QUERY_FOLDER: Final = "p"  # /?p=1412 -> p/1412/
_QUERY: Final = re.compile(r"(?:p|page_id)=([0-9]{1,12})")
_SLUG: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PAGE_SUFFIXES: Final = (".html", ".htm")
_UNUSABLE: Final = re.compile(r"[\x00-\x20\x7f-\x9f\"<>\\^`{|}%]")
_HEADER: Final = """\
# Old addresses that lead to a tip: "old path": tip-slug, one per line.
# The path is the part of the old address after the site's name, e.g. /2019/05/17/heel-pick-up/
# or /?p=1412. `runform check` reports a redirect to a tip that does not exist.
"""


@dataclass(frozen=True)
class Redirect:
    old_path: str  # as written: "/2019/05/17/heel-pick-up/", "/?p=1412"
    slug: str
    line: int  # where it is in redirects.yml
    output_path: str  # "2019/05/17/heel-pick-up/index.html", "p/1412/index.html"

    @property
    def post_id(self) -> int | None:
        """1412 for '/?p=1412' (or '/?page_id=1412'); None for a plain path."""
        query = urlsplit(self.old_path).query
        match = _QUERY.fullmatch(query) if query else None
        return int(match.group(1)) if match else None


def read_redirects(
    path: Path, root: Path, known_slugs: Collection[str]
) -> tuple[list[Redirect], list[Diagnostic]]:
    """Every redirect in `path` and every problem with it (a slug not in `known_slugs` too).

    `root` is the project folder: diagnostics name the file relative to it.
    """
    display = display_path(path, root)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return [], []
    except OSError as error:
        return [], [Diagnostic.at(display, START, f"cannot read it: {error.strerror or error}")]
    if _only_comments(raw):
        return [], []
    source = read_yaml_text(raw, display)
    if not isinstance(source, SourceDocument):
        return [], list(source)
    if not isinstance(source.data, dict):
        return [], [
            Diagnostic.at(
                display,
                START,
                f'{REDIRECTS_FILE} must be lines of "old path": tip-slug',
                'e.g. "/2019/05/17/heel-pick-up/": heel-pick-up',
            )
        ]
    redirects: list[Redirect] = []
    problems: list[Diagnostic] = []
    by_output: dict[str, Redirect] = {}
    for key, value in source.data.items():
        key_at = source.positions.get((key,), START)
        value_at = source.value_positions.get((key,), key_at)
        output, problem = _output_path(str(key))
        if problem is not None:
            problems.append(Diagnostic.at(display, key_at, problem[0], problem[1]))
            continue
        slug_problem = _slug_problem(value, known_slugs)
        if slug_problem is not None:
            problems.append(Diagnostic.at(display, value_at, *slug_problem))
            continue
        redirect = Redirect(str(key), str(value).strip(), key_at.line, output)
        if (first := by_output.get(output)) is not None:
            problems.append(
                Diagnostic.at(
                    display,
                    key_at,
                    f"'{key}' lands on the same page as '{first.old_path}' (line {first.line})",
                    "keep one of the two lines",
                )
            )
            continue
        by_output[output] = redirect
        redirects.append(redirect)
    return redirects, sorted(problems)


def redirect_paths(path: Path) -> set[str] | None:
    """The old paths redirects.yml already lists; None when it cannot be read as redirects."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return set()
    except OSError:
        return None
    if _only_comments(raw):
        return set()
    source = read_yaml_text(raw, path.name)
    if not isinstance(source, SourceDocument) or not isinstance(source.data, dict):
        return None
    return {str(key) for key in source.data}


def redirect_lines(
    pairs: Iterable[tuple[str, str]], existing: str | None, present: Collection[str] = ()
) -> tuple[str, int]:
    """(text to append to redirects.yml, how many lines it adds) for the `pairs` (old path,
    slug) not in `present`; `existing` is the file's text (None: no file, so a header first)."""
    lines = [f'"{old}": {slug}' for old, slug in pairs if old not in present and _safe_key(old)]
    if not lines:
        return "", 0
    head = _HEADER if existing is None or not existing.strip() else ""
    separator = "" if not existing or existing.endswith("\n") else "\n"
    return separator + head + "\n".join(lines) + "\n", len(lines)


def _safe_key(old: str) -> bool:
    return '"' not in old and "\\" not in old and _output_path(old)[1] is None


def _only_comments(raw: bytes) -> bool:
    return all(not line.strip() or line.lstrip().startswith(b"#") for line in raw.splitlines())


def _output_path(old: str) -> tuple[str, tuple[str, str] | None]:
    """The built file for an old path, or (message, hint) when it cannot have one."""
    example = "write the part after the site's name, e.g. /2019/05/17/heel-pick-up/"
    parts = urlsplit(old)
    if parts.scheme or parts.netloc:
        shown = parts.path + (f"?{parts.query}" if parts.query else "")
        return "", (f"old path '{old}' is a full address", f"write only the path: {shown or '/'}")
    if not old.startswith("/") or old.startswith("//"):
        return "", (f"old path '{old}' must start with /", example)
    if parts.fragment or "#" in old:
        return "", (f"old path '{old}' has a '#' part", "a browser never sends it: leave it out")
    if parts.query:
        match = _QUERY.fullmatch(parts.query)
        if parts.path not in ("/", "/index.php") or match is None:
            return "", (
                f"old path '{old}' has a query ('?{parts.query}') a static site cannot tell apart",
                "only WordPress' /?p=<id> and /?page_id=<id> are followed",
            )
        return f"{QUERY_FOLDER}/{match.group(1)}/index.html", None
    segments = [unquote(s) for s in parts.path.split("/")[1:]]
    if segments and segments[-1] == "":
        segments = segments[:-1]
        trailing_slash = True
    else:
        trailing_slash = False
    if not segments:
        return "", (f"old path '{old}' is the home page", "the home page cannot lead elsewhere")
    for segment in segments:
        if segment in ("", ".", "..") or _UNUSABLE.search(segment):
            return "", (
                f"old path '{old}' has an unusable part '{segment}'",
                "write it as the old site's address had it, one part between single slashes",
            )
    last = segments[-1]
    if not trailing_slash and "." in last:
        if last.lower().endswith(_PAGE_SUFFIXES):
            return "/".join(segments), None
        return "", (
            f"old path '{old}' ends in '{last}', which a static site cannot serve as a page",
            "only paths ending in / or .html can redirect",
        )
    return "/".join([*segments, "index.html"]), None


def _slug_problem(value: object, known: Collection[str]) -> tuple[str, str] | None:
    if isinstance(value, dict | list) or value is None:
        return "the tip must be a slug, such as heel-pick-up", "write the tip's slug"
    slug = str(value).strip()
    if not _SLUG.fullmatch(slug):
        return (
            f"'{slug}' is not a slug",
            "use lowercase letters, digits and single dashes, e.g. heel-pick-up",
        )
    if slug not in known:
        close = difflib.get_close_matches(slug, sorted(known), n=1)
        hint = f"did you mean '{close[0]}'?" if close else "give the slug of a tip in tips/"
        return f"redirect to '{slug}': no tip has that slug", hint
    return None


def position_of(redirect: Redirect) -> Position:
    """Where the redirect's line starts in redirects.yml."""
    return Position(redirect.line, 1)
