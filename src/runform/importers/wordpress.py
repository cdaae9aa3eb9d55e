"""An `Export` -> an `ImportPlan`: which posts become which tips, and why the others do not.

Contract:
- Pure: reads nothing and writes nothing. The command gathers what exists (tip files, slugs,
  whether an upload is there) and hands it in; it then writes what the plan says (Pelican's
  order: gather everything first, then write).
- Only published posts (`wp:post_type` post, `wp:status` publish, no password) are imported,
  and, with `categories`/`tags`, only those carrying one of them (by the term's slug). Every
  other post or page gets one `PostResult` saying why; attachments, menu items, revisions and
  other non-content items are counted by type (`ImportPlan.other_items`).
- A tip's date is the post's publish time (`post_date_gmt`, UTC) on the site's clock
  (`timezone`); its slug is `wp:post_name`, percent-decoded and transliterated to ASCII
  (anyascii), so `/2019/05/17/heel-pick-up/` becomes `/tips/heel-pick-up/`.
- Old addresses: the post's permalink path (relative to the old blog's address) and
  `/?p=<id>`, for redirects.yml.
- Tags: the post's tags and categories, except the categories chosen with `categories` and any
  category or tag that every selected post carries (when two or more are selected): it says
  nothing about one tip (`ImportPlan.common_terms` names them for the report, once).
- Title: the text of the post's title (WordPress keeps it as HTML, so tags are left out);
  'Post <id>' for a post without one, which the report says.
- Cue: a phrase the text quotes, else the part of a "Topic: Cue" title after its colon, else
  the title; the report says which.
- A post whose tip exists (its file name, or the tip file that says "Imported from WordPress
  post <id>") is skipped, never rewritten; with `comments`, its approved comments still go to
  that tip's thread (`ImportPlan.kept`), so an import first run without comments can add them.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import PurePosixPath
from typing import Final
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup

from runform.content.paths import slugify
from runform.importers.post_structure import SENTENCE_END, find_structure, title_cue
from runform.importers.tip_writer import DrillDraft, TipDraft, VideoDraft, check_tip_text, tip_yaml
from runform.importers.wxr import Comment, Export, Item

MAX_TITLE: Final = 90
MAX_SUMMARY: Final = 240
MAX_CUE: Final = 60
MAX_TAG: Final = 40
_STATUS_REASONS: Final = {
    "draft": "draft",
    "auto-draft": "draft",
    "pending": "pending review",
    "private": "private",
    "future": "scheduled",
    "trash": "trashed",
}
_IMAGE_SUFFIXES: Final = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".svg")
_UPLOADS_MARK: Final = "/wp-content/uploads/"
_UNCATEGORIZED: Final = "uncategorized"
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s")


@dataclass(frozen=True)
class ImportOptions:
    timezone: ZoneInfo
    categories: tuple[str, ...] = ()  # term slugs; empty: every category
    tags: tuple[str, ...] = ()
    draft: bool = False
    comments: bool = False  # comments go to Isso: also those of posts whose tips exist


@dataclass(frozen=True)
class Poster:
    upload: str  # path relative to wp-content/uploads/, e.g. "2019/05/heel.jpg"
    image: str  # path under docs/, e.g. "images/2019/05/heel.jpg"


@dataclass(frozen=True)
class PostResult:
    """One line of the report."""

    post_id: int
    title: str
    kind: str  # "post" or "page"
    imported: bool
    file: str | None = None  # "tips/2019-05-17-heel-pick-up.yml"
    reason: str | None = None  # why it was skipped
    guessed: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()
    poster: str | None = None  # the poster used, a path under docs/
    fetch: str | None = None  # an upload to fetch, when --uploads did not have it
    old_paths: tuple[str, ...] = ()
    comments: int = 0  # approved comments that go to Isso


@dataclass(frozen=True)
class PlannedTip:
    file_name: str  # "2019-05-17-heel-pick-up.yml"
    slug: str
    text: str  # the YAML
    title: str
    old_paths: tuple[str, ...]
    poster: Poster | None
    comments: tuple[Comment, ...]  # approved comments, oldest first


@dataclass(frozen=True)
class KeptTip:
    """A post whose tip exists already: the file is left alone, its comments still move."""

    file: str  # "tips/2025-03-07-run-tall.yml"
    slug: str  # the existing tip's page slug
    title: str
    comments: tuple[Comment, ...]  # approved comments, oldest first


@dataclass(frozen=True)
class ImportPlan:
    results: tuple[PostResult, ...]
    tips: tuple[PlannedTip, ...]
    other_items: Mapping[str, int] = field(default_factory=dict)  # post type -> count
    # categories and tags every selected post carries: no tip takes them as a tag
    common_terms: tuple[str, ...] = ()
    kept: tuple[KeptTip, ...] = ()  # with `comments`: existing tips whose comments move


@dataclass(frozen=True)
class Existing:
    """What the project already has, for the planner to avoid."""

    files: frozenset[str]  # tip file names in tips/
    slugs: Mapping[str, str]  # slug -> the tip file using it
    upload_exists: Callable[[str], bool]  # is this upload (relative path) in --uploads?
    uploads_given: bool
    # each tag's spelling in the project, by its casefolded name: an imported tag takes it, as
    # `runform check` wants one spelling per tag
    tag_spellings: Mapping[str, str] = field(default_factory=dict)
    file_slugs: Mapping[str, str] = field(default_factory=dict)  # tip file name -> its slug
    # WordPress post id -> the tip file name that says it was imported from that post
    imported_from: Mapping[int, str] = field(default_factory=dict)


def plan_import(export: Export, options: ImportOptions, existing: Existing) -> ImportPlan:
    """Decide for every item of `export`; see the module's contract."""
    results: list[PostResult] = []
    tips: list[PlannedTip] = []
    kept: list[KeptTip] = []
    others: Counter[str] = Counter()
    taken = dict(existing.slugs)
    spellings = dict(existing.tag_spellings)
    selected = [
        item
        for item in export.items
        if item.post_type in ("post", "page") and _skip_reason(item, options) is None
    ]
    common, common_names = _common_terms(selected, options)
    for item in export.items:
        if item.post_type not in ("post", "page"):
            others[item.post_type or "unknown"] += 1
            continue
        reason = _skip_reason(item, options)
        if reason is not None:
            results.append(_skipped(item, reason))
            continue
        result, planned = _plan_post(item, export, options, existing, taken, spellings, common)
        if isinstance(planned, KeptTip):
            kept.append(planned)
        elif planned is not None:
            tips.append(planned)
            taken[planned.slug] = f"tips/{planned.file_name}"
        results.append(result)
    return ImportPlan(tuple(results), tuple(tips), dict(others), common_names, kept=tuple(kept))


def _common_terms(
    selected: list[Item], options: ImportOptions
) -> tuple[frozenset[tuple[str, str]], tuple[str, ...]]:
    """The categories and tags (domain, slug) every one of two or more selected posts carries,
    and their names for the report; the categories chosen with --category are not named (they
    are never tags anyway)."""
    if len(selected) < 2:
        return frozenset(), ()
    kinds = ("category", "post_tag")
    sets = [{(t.domain, t.slug) for t in item.terms if t.domain in kinds} for item in selected]
    common = frozenset(set.intersection(*sets))
    names: list[str] = []
    for term in selected[0].terms:
        key = (term.domain, term.slug)
        if key not in common or _never_a_tag(term.domain, term.slug, options):
            continue
        name = " ".join(html.unescape(term.name).split())
        if name and name not in names:
            names.append(name)
    return common, tuple(names)


def _never_a_tag(domain: str, slug: str, options: ImportOptions) -> bool:
    return domain == "category" and (slug in options.categories or slug == _UNCATEGORIZED)


def _skipped(item: Item, reason: str) -> PostResult:
    return PostResult(item.post_id, _title(item), item.post_type, False, reason=reason)


def _skip_reason(item: Item, options: ImportOptions) -> str | None:
    if item.post_type == "page":
        return "a page, not a post"
    if item.status != "publish":
        return _STATUS_REASONS.get(item.status, f"status '{item.status}'")
    if item.password:
        return "password-protected"
    if options.categories or options.tags:
        slugs = {(t.domain, t.slug) for t in item.terms}
        wanted = {("category", s) for s in options.categories} | {
            ("post_tag", s) for s in options.tags
        }
        if not slugs & wanted:
            return f"not in {_selection(options)}"
    return None


def _selection(options: ImportOptions) -> str:
    parts = [f"category {s}" for s in options.categories] + [f"tag {s}" for s in options.tags]
    return " or ".join(parts)


def _plan_post(
    item: Item,
    export: Export,
    options: ImportOptions,
    existing: Existing,
    taken: Mapping[str, str],
    spellings: dict[str, str],
    common: frozenset[tuple[str, str]] = frozenset(),
) -> tuple[PostResult, PlannedTip | KeptTip | None]:
    title = _title(item)
    day = _local_day(item, options.timezone)
    if day is None:
        return _skipped(item, "it has no publish date"), None
    slug = post_slug(item.post_name, title, item.post_id)
    file_name = f"{day.isoformat()}-{slug}.yml"
    if file_name in existing.files:
        reason = f"tips/{file_name} already exists (left as it was)"
        return _kept(item, title, file_name, reason, options, existing)
    if slug in taken:
        reason = f"the address /tips/{slug}/ is taken by {taken[slug]}"
        own = existing.imported_from.get(item.post_id)
        if own is not None and f"tips/{own}" == taken[slug]:
            reason = f"tips/{own} was imported from it already (left as it was)"
            return _kept(item, title, own, reason, options, existing)
        return _skipped(item, reason), None
    structure = find_structure(item.content, title)
    guessed = list(structure.guessed)
    if not _title_text(item):
        guessed.insert(0, f"the post has no title: '{title}'")
    dropped = list(structure.dropped)
    summary = _summary(item, structure.first_sentence, title, guessed)
    cue, cue_source = _cue(structure.quoted_cue, title)
    guessed.append(cue_source)
    tags = _tags(item, options, dropped, spellings, common)
    video: VideoDraft | None = None
    poster_plan, fetch, poster_note = _poster(item, export, existing)
    if structure.video is not None:
        video_title = structure.video.caption or title
        if not structure.video.caption:
            guessed.append("video title is the post title")
        video = VideoDraft(
            url=structure.video.url,
            title=_cut(video_title, 120),
            start=structure.video.start,
            poster=poster_plan.image if poster_plan else None,
        )
    elif poster_plan is not None or fetch is not None:
        dropped.append(f"the featured image ({poster_note}): the tip has no video to show it")
        poster_plan = fetch = None
    rationale = structure.rationale or ((title, summary),)
    if not structure.rationale:
        guessed.append("the post has no text: its one section is the summary")
    draft = TipDraft(
        title=_cut(title, MAX_TITLE),
        date=day,
        summary=summary,
        cue=cue,
        rationale=rationale,
        tags=tags,
        intro=structure.intro,
        video=video,
        faults=structure.faults,
        drill=DrillDraft(structure.drill.name, structure.drill.steps, structure.drill.dose)
        if structure.drill
        else None,
        notes=structure.notes,
        draft=options.draft,
        source=f"WordPress post {item.post_id}",
    )
    text = tip_yaml(draft)
    problems = check_tip_text(text, f"tips/{file_name}")
    if problems:
        first = problems[0]
        return _skipped(item, f"the tip would not pass runform check: {first.message}"), None
    old_paths = old_addresses(item, export.blog_url, slug)
    comments = approved_comments(item.comments)
    result = PostResult(
        post_id=item.post_id,
        title=title,
        kind=item.post_type,
        imported=True,
        file=f"tips/{file_name}",
        guessed=tuple(guessed),
        dropped=tuple(dropped),
        poster=poster_plan.image if poster_plan else None,
        fetch=fetch,
        old_paths=old_paths,
        comments=len(comments),
    )
    planned = PlannedTip(
        file_name=file_name,
        slug=slug,
        text=text,
        title=draft.title,
        old_paths=old_paths,
        poster=poster_plan,
        comments=comments,
    )
    return result, planned


def _kept(
    item: Item,
    title: str,
    file_name: str,
    reason: str,
    options: ImportOptions,
    existing: Existing,
) -> tuple[PostResult, KeptTip | None]:
    """A post whose tip exists: skipped, and with `options.comments` its comments still move
    to the existing tip's thread."""
    comments = approved_comments(item.comments) if options.comments else ()
    result = PostResult(
        item.post_id, title, item.post_type, False, reason=reason, comments=len(comments)
    )
    if not comments:
        return result, None
    slug = existing.file_slugs.get(file_name) or file_name[len("YYYY-MM-DD-") : -len(".yml")]
    return result, KeptTip(f"tips/{file_name}", slug, _cut(title, MAX_TITLE), comments)


def _cue(quoted: str | None, title: str) -> tuple[str, str]:
    """(the cue's name, how it was found, for the report)."""
    if quoted:
        return quoted, f"cue '{quoted}' from the quoted phrase"
    named = title_cue(title)
    if named and len(named) <= MAX_CUE:
        return named, f"cue '{named}' from the title, after its colon"
    return _cut(title, MAX_CUE), "cue is the title"


def _title(item: Item) -> str:
    """The post's title as text: WordPress titles are HTML ('Cadence: <em>Quick</em> Feet');
    'Post <id>' when it has none."""
    return _title_text(item) or f"Post {item.post_id}"


def _title_text(item: Item) -> str:
    return " ".join(BeautifulSoup(item.title, "html.parser").get_text().split())


def _local_day(item: Item, timezone: ZoneInfo) -> date | None:
    if item.post_date_gmt is not None:
        return item.post_date_gmt.replace(tzinfo=UTC).astimezone(timezone).date()
    return item.post_date.date() if item.post_date is not None else None


def post_slug(post_name: str, title: str, post_id: int) -> str:
    """`wp:post_name` as a tip slug: percent-decoded, transliterated, lowercase, dashes.

    'la-foul%c3%a9e' -> 'la-foulee'; '%e8%b7%91%e6%ad%a5' -> 'paobu'; empty -> from the
    title, else 'post-<id>'.
    """
    for source in (unquote(post_name), title):
        if slug := slugify(source):
            return slug
    return f"post-{post_id}"


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _summary(item: Item, first_sentence: str | None, title: str, guessed: list[str]) -> str:
    excerpt = " ".join(BeautifulSoup(item.excerpt, "html.parser").get_text(" ").split())
    if excerpt:
        if len(excerpt) > MAX_SUMMARY:
            guessed.append(f"summary: the excerpt, cut to {MAX_SUMMARY} characters")
        return _cut_sentences(excerpt)
    if first_sentence:
        several = SENTENCE_END.search(first_sentence) is not None
        guessed.append(f"summary from the first sentence{'s' if several else ''}")
        return _cut_sentences(first_sentence)
    guessed.append("summary is the title")
    return _cut(title, MAX_SUMMARY)


def _cut_sentences(text: str) -> str:
    """At most MAX_SUMMARY characters, ending at a sentence when one ends in time."""
    if len(text) <= MAX_SUMMARY:
        return text
    ends = [m.start() for m in _SENTENCE_END.finditer(text) if m.start() < MAX_SUMMARY]
    return text[: ends[-1]] if ends else _cut(text, MAX_SUMMARY)


def _tags(
    item: Item,
    options: ImportOptions,
    dropped: list[str],
    spellings: dict[str, str],
    common: frozenset[tuple[str, str]] = frozenset(),
) -> tuple[str, ...]:
    """The post's tags (and categories other than the chosen ones, and no term every selected
    post carries), each spelled as the project (or an earlier imported post) first spelled it,
    invisible characters dropped."""
    tags: list[str] = []
    seen: set[str] = set()
    for term in item.terms:
        if _never_a_tag(term.domain, term.slug, options) or (term.domain, term.slug) in common:
            continue
        if term.domain not in ("category", "post_tag"):
            continue
        visible = "".join(c for c in html.unescape(term.name) if unicodedata.category(c) != "Cf")
        name = " ".join(visible.split())
        name = spellings.setdefault(name.casefold(), name) if name else name
        if not name or name.lower() in seen:
            continue
        if len(name) > MAX_TAG:
            dropped.append(f"tag '{name}' (longer than {MAX_TAG} characters)")
            continue
        seen.add(name.lower())
        tags.append(name)
    return tuple(tags)


def _poster(
    item: Item, export: Export, existing: Existing
) -> tuple[Poster | None, str | None, str]:
    """(the poster to copy, or the upload to fetch, and how to name the image in the report)."""
    thumbnail = item.meta.get("_thumbnail_id", "").strip()
    attachment = export.item(int(thumbnail)) if thumbnail.isdigit() else None
    if attachment is None or not attachment.attachment_url:
        return None, None, ""
    relative = _upload_path(attachment.attachment_url, export.blog_url)
    if relative is None or not relative.lower().endswith(_IMAGE_SUFFIXES):
        return None, None, attachment.attachment_url
    poster = Poster(upload=relative, image=f"images/{relative}")
    if existing.uploads_given and existing.upload_exists(relative):
        return poster, None, relative
    return None, f"wp-content/uploads/{relative}", relative


def _upload_path(url: str, blog_url: str) -> str | None:
    """'https://old.example/wp-content/uploads/2019/05/heel.jpg' -> '2019/05/heel.jpg'."""
    path = unquote(urlsplit(url).path)
    index = path.find(_UPLOADS_MARK)
    relative = path[index + len(_UPLOADS_MARK) :] if index >= 0 else None
    if relative is None:
        return None
    parts = PurePosixPath(relative).parts
    if not parts or any(p in ("..", ".", "") for p in parts) or "\\" in relative:
        return None
    return "/".join(parts)


def old_addresses(item: Item, blog_url: str, slug: str) -> tuple[str, ...]:
    """The post's old permalink path (relative to the blog's address) and `/?p=<id>`."""
    paths: list[str] = []
    base = urlsplit(blog_url).path.rstrip("/")
    link = urlsplit(item.link)
    path = link.path
    if base and (path == base or path.startswith(base + "/")):
        path = path[len(base) :]
    if link.query:
        path = f"{path or '/'}?{link.query}"
    if path and path != "/" and path not in (f"/tips/{slug}/", f"/tips/{slug}"):
        paths.append(path)
    by_id = f"/?p={item.post_id}"
    if item.post_id and by_id not in paths:
        paths.append(by_id)
    return tuple(paths)


def approved_comments(comments: tuple[Comment, ...]) -> tuple[Comment, ...]:
    """Approved comments (no pingbacks, trackbacks, spam, pending or trash), oldest first."""
    kept = [
        c for c in comments if c.approved == "1" and c.comment_type in ("", "comment") and c.content
    ]
    return tuple(sorted(kept, key=lambda c: (c.date_gmt or datetime.min, c.comment_id)))
