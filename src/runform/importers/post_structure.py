"""A WordPress post's HTML -> the parts of a tip, saying what was guessed and what was dropped.

Contract:
- Input: the post's `content:encoded` as WordPress stores it (classic editor: paragraphs
  separated by blank lines, no `<p>`; block editor: `<!-- wp:... -->` comments around HTML)
  and the post's title. Output: a frozen `PostStructure` of Markdown and plain text, plus
  `guessed` and `dropped`, one phrase each for the import report. Nothing is written here.
- Videos: auto-embed lines (a bare YouTube/Vimeo address alone on its line), `[embed]` and
  `[video]` shortcodes, `wp:embed` blocks (their caption becomes the video's title) and
  `<iframe>` players. The first one runform can show (`runform.videos.parse_video_url`)
  becomes the video; others are dropped and reported. An embed that is no video (a tweet, an
  Instagram post: a `wp:embed` of oEmbed type rich, link or photo, or an `[embed]` of no video
  file) is reported as an embedded post or photo with its whole address.
- Sections: `<h1>`-`<h4>` headings, and classic-editor pseudo-headings (a short paragraph all
  in `<strong>`, or all in capitals). Text before the first heading is the intro; a list under
  a faults heading ("Common faults", "Mistakes", "What goes wrong", any case) becomes faults:
  each item "Name: fix", "Name - fix", "<strong>Name</strong> fix" or "Name. Fix."; items that
  name no fix stay text under "Also watch for" (a fault needs a fix). A numbered list under a
  drill heading becomes the drill; after its steps, a booking link, another call to action or
  a lone link is dropped, and other text there is headed "About the drill", never by the
  drill's own heading. Every other section is a rationale section. A paragraph all in italics
  is a note.
- `title_cue(title)`: the cue a "Topic: Cue" title names, for the importer's cue guess.
- HTML -> Markdown is markdownify's; links other than http(s), mailto and site paths become
  plain text, and text that looks like HTML is escaped (`<` -> `&lt;`), so the Markdown holds
  nothing the tip sanitizer would have to remove. Images, tables, galleries, forms, rules,
  scripts and unknown shortcodes are dropped and reported (an image with its caption's text);
  wrapping shortcodes keep their text, and so does a figure that holds no media (the block
  editor's pull quote). A definition list becomes a list of "**term**: text" items; nested
  bold or italics are written once; strike-through (which a tip page cannot show) is reported
  and its words kept.
- Paragraphs: a blank line outside `<pre>` ends one, as WordPress' wpautop reads it, also
  between two inline elements and inside a quote or a list item.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from markdownify import MarkdownConverter

from runform.content.videos import VideoUrlError, parse_video_url, watch_url

_BLOCK_EMBED: Final = re.compile(
    r"<!--\s*wp:(?:core-)?embed(?:/[\w-]+)?\s*(\{.*?\})?\s*/?-->(.*?)"
    r"<!--\s*/wp:(?:core-)?embed(?:/[\w-]+)?\s*-->",
    re.S,
)
_EMBED_SHORTCODE: Final = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.S | re.I)
_VIDEO_SHORTCODE: Final = re.compile(r"\[video\b([^\]]*)\](?:(.*?)\[/video\])?", re.S | re.I)
_ATTRIBUTE: Final = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))""")
_SHORTCODE_PAIR: Final = re.compile(r"\[([a-z][\w-]*)\b([^\]]*)\](.*?)\[/\1\]", re.S | re.I)
_SHORTCODE_SINGLE: Final = re.compile(r"\[([a-z][\w-]*)((?:\s+[^\]]*)?)/?\]", re.I)
# Wrapping shortcodes whose content is no text of the post: dropped whole.
_DROP_WHOLE: Final = frozenset(
    {"caption", "wp_caption", "button", "su_button", "maxbutton", "playlist", "audio", "gallery"}
)
_KNOWN_SINGLE: Final = frozenset({"gallery", "playlist", "audio", "button", "contact-form-7"})
_AUTO_EMBED_LINE: Final = re.compile(
    r"^[ \t]*(?:<p>)?\s*(https?://[^\s<>\"]+)\s*(?:</p>)?[ \t]*$", re.M
)
_VIDEO_MARK: Final = "rf-video"
_A_VIDEO: Final = "a video"
_AN_EMBEDDED_POST: Final = "an embedded post"
# A wp:embed block's "type" (oEmbed's): what the report calls one runform cannot show.
_EMBED_TYPES: Final = {
    "rich": _AN_EMBEDDED_POST,
    "link": _AN_EMBEDDED_POST,
    "photo": "an embedded photo",
}
_VIDEO_FILES: Final = (".mp4", ".m4v", ".webm", ".ogv", ".mov", ".wmv", ".flv")
# A blank line outside <pre>: the end of a paragraph, as WordPress' wpautop reads it. Marked
# before parsing, since the parser keeps a blank line between two tags as one line break.
_PARAGRAPH_MARK: Final = "rf-paragraph"
_PARAGRAPH_TAG: Final = f"<{_PARAGRAPH_MARK}></{_PARAGRAPH_MARK}>"
_NOT_TEXT: Final = re.compile(r"<pre\b.*?</pre\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)
_BLANK_LINE: Final = re.compile(r"\n[ \t]*\n\s*")
# Blocks whose paragraphs WordPress wraps in <p> inside them.
_PARAGRAPH_HOLDERS: Final = ("blockquote", "li")
_BLOCK_TAGS: Final = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "figure",
     "table", "hr", "iframe", "img", "script", "style", "form", "dl", "video", "audio",
     "noscript", "object", "embed", "canvas", "svg", "input", "button", "select", "textarea",
     _VIDEO_MARK}
)  # fmt: skip
_WRAPPERS: Final = frozenset({"div", "section", "article", "main", "aside", "header", "footer"})
_HEADINGS: Final = ("h1", "h2", "h3", "h4")
_DROP_NAMES: Final = {
    "table": "a table",
    "hr": "a horizontal rule",
    "script": "a script",
    "style": "a style sheet",
    "form": "a form",
    "input": "a form",
    "button": "a button",
    "select": "a form",
    "textarea": "a form",
    "video": "a self-hosted video",
    "audio": "an audio player",
    "object": "an embedded object",
    "embed": "an embedded object",
    "canvas": "a drawing",
    "svg": "a drawing",
    "noscript": "a script",
}
_STRONG: Final = ("strong", "b")
_EMPHASIS: Final = ("em", "i")
_STRUCK: Final = ("del", "s", "strike")
_MEDIA: Final = ("img", "picture", "video", "audio", "svg", "canvas", "object", "embed")
_FAULTS_HEADING: Final = re.compile(
    r"\b(?:faults?|mistakes?|errors?|pitfalls?|common problems?|go(?:es)? wrong|what to avoid)\b",
    re.I,
)
_DRILL_HEADING: Final = re.compile(r"\bdrills?\b", re.I)
_DASHES: Final = "\u2013\u2014-"  # en dash, em dash, hyphen
_DRILL_PREFIX: Final = re.compile(rf"^\s*(?:the\s+)?drills?\s*(?:[:{_DASHES}]\s*|$)", re.I)
_DOSE: Final = re.compile(
    r"\b\d+\s*(?:x|\u00d7|sets?|reps?|repetitions?|times|minutes?|mins?|seconds?|secs?|metres?|"
    r"meters?|m)\b",
    re.I,
)
_QUOTED: Final = re.compile(r"[“\"]([^”\"\n]{2,60})[”\"]")
MIN_SUMMARY_WORDS: Final = 5  # a summary guessed from the post's opening sentences
SENTENCE_END: Final = re.compile(  # between two sentences
    r"(?<=[.!?])\s+(?=[A-Z0-9“\"'(])"
)
_NAME_SPLIT: Final = re.compile(rf"\s*(?::|\s[{_DASHES}]\s)\s*")
_LINK_SCHEMES: Final = ("http", "https", "mailto")
# A paragraph after a drill that only asks the reader to do something off the page.
_BOOKING: Final = re.compile(
    r"\b(?:book(?:ing)?|appointments?|sessions?|coaching|consultations?|1[:-]1|one[- ]to[- ]one)\b",
    re.I,
)
_CALL_TO_ACTION: Final = re.compile(
    r"\b(?:subscribe|sign(?:ing)? up|newsletter|share (?:this|it)|follow (?:me|us)"
    r"|contact (?:me|us)|get in touch|join (?:me|us|the club)|buy|shop|enrol|register)\b",
    re.I,
)
MAX_CALL_TO_ACTION: Final = 160
# "Posture: Run Tall": a short topic, a colon, then the cue's name.
_TITLE_CUE: Final = re.compile(r"^\s*([^:]{1,30}?)\s*:\s+(\S.*?)\s*$")
_QUOTE_MARKS: Final = "\"' \u201c\u201d\u2018\u2019"  # straight and curly quotes
ALSO_WATCH_FOR: Final = "Also watch for"
ABOUT_THE_DRILL: Final = "About the drill"
MAX_HEADING: Final = 120
MAX_NOTE: Final = 400


@dataclass(frozen=True)
class VideoFound:
    url: str  # the plain watch address, without a start time
    start: int | None  # seconds
    caption: str | None  # the embed's caption: a title for the video


@dataclass(frozen=True)
class DrillFound:
    name: str
    steps: tuple[str, ...]  # Markdown
    dose: str | None


@dataclass(frozen=True)
class PostStructure:
    intro: str | None  # Markdown
    rationale: tuple[tuple[str, str], ...]  # (heading, Markdown body)
    faults: tuple[tuple[str, str], ...]  # (name, Markdown fix)
    drill: DrillFound | None
    notes: tuple[str, ...]  # Markdown
    video: VideoFound | None
    first_sentence: str | None  # plain text, for a summary when the post has no excerpt
    quoted_cue: str | None  # a short phrase the text puts in quotes, such as “Heel Pull”
    guessed: tuple[str, ...]
    dropped: tuple[str, ...]


@dataclass
class _Block:
    kind: str  # "heading", "paragraph", "list", "other", "note"
    tag: Tag | None
    text: str = ""  # plain text (headings: the heading)
    ordered: bool = False


@dataclass
class _Findings:
    videos: list[VideoFound | str] = field(default_factory=list)  # str: why it was refused
    guessed: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def drop(self, what: str) -> None:
        self.dropped.append(what)


def find_structure(content: str, title: str) -> PostStructure:
    """Split a post's HTML into a tip's parts; see the module's contract."""
    found = _Findings()
    marked = _mark_paragraphs(_mark_videos(content, found))
    soup = BeautifulSoup(marked, "html.parser")
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()
    blocks = _blocks(soup, found)
    blocks = [b for b in blocks if b.kind != "video"]
    video = _choose_video(found)
    notes = [_markdown_inner(b.tag) for b in blocks if b.kind == "note" and b.tag is not None]
    if notes:
        source = "a paragraph" if len(notes) == 1 else "paragraphs"
        found.guessed.append(f"{_count(len(notes), 'note')} from {source} in italics or bold")
    body = [b for b in blocks if b.kind != "note"]
    intro_blocks, sections = _sections(body)
    first_sentence = _first_sentence(body)
    quoted = _quoted_cue(body)
    intro = _markdown_blocks(intro_blocks) or None
    rationale: list[tuple[str, str]] = []
    faults: list[tuple[str, str]] = []
    drill: DrillFound | None = None
    drill_heading: str | None = None
    for heading, section in sections:
        if not faults and _FAULTS_HEADING.search(heading) and (split := _faults(section)):
            faults, unfixed, fault_list = split
            found.guessed.append(f"{_count(len(faults), 'fault')} from the list under '{heading}'")
            section = [b for b in section if b is not fault_list]
            if unfixed:
                rationale.append((ALSO_WATCH_FOR, "\n".join(f"- {item}" for item in unfixed)))
                named = ", ".join(f"'{_plain(item)}'" for item in unfixed)
                found.guessed.append(
                    f"{named} {'names' if len(unfixed) == 1 else 'name'} no fix (none after a "
                    f"colon or dash): kept under '{ALSO_WATCH_FOR}'"
                )
        elif (
            drill is None
            and _DRILL_HEADING.search(heading)
            and (made := _drill(heading, section, title, found))
        ):
            drill, section = made
            drill_heading = heading
            found.guessed.append(
                f"drill '{drill.name}' ({_count(len(drill.steps), 'step')}) from the numbered "
                f"list under '{heading}'"
            )
        if drill_heading is not None and heading.casefold() == drill_heading.casefold():
            heading = ABOUT_THE_DRILL  # the drill has that heading on the page already
        text = _markdown_blocks(section)
        if text:
            rationale.append((heading, text))
            if heading == ABOUT_THE_DRILL:
                found.guessed.append(f"text beside the drill's steps kept under '{heading}'")
        elif section or not (faults or drill):
            found.guessed.append(f"heading '{heading}' had no text under it and was left out")
    if not sections:
        if intro:
            rationale.append((title, intro))
            intro = None
            found.guessed.append("no headings: the whole post is one section, headed by the title")
    elif not rationale and intro:
        rationale.append((title, intro))
        intro = None
        found.guessed.append(
            "the text before the first heading is the section, headed by the title"
        )
    return PostStructure(
        intro=intro,
        rationale=tuple(rationale),
        faults=tuple(faults),
        drill=drill,
        notes=tuple(n for n in notes if n),
        video=video,
        first_sentence=first_sentence,
        quoted_cue=quoted,
        guessed=tuple(found.guessed),
        dropped=tuple(found.dropped),
    )


def comment_markdown(fragment: str) -> tuple[str, tuple[str, ...]]:
    """A WordPress comment's HTML -> (Markdown for Isso, what was dropped).

    Paragraphs as WordPress shows them (blank lines), headings as bold text, no images. Text
    that reads like HTML is left as it is: Isso's renderer escapes every '<' itself."""
    found = _Findings()
    soup = BeautifulSoup(_mark_paragraphs(fragment.replace("\r\n", "\n")), "html.parser")
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()
    blocks = _blocks(soup, found)
    for video in found.videos:
        found.drop(video if isinstance(video, str) else f"a video ({video.url})")
    parts = [_markdown(str(b.tag), _COMMENT_CONVERTER) for b in blocks if b.tag is not None]
    return "\n\n".join(p for p in parts if p), tuple(found.dropped)


# -- videos and shortcodes, on the raw text ---------------------------------------------------


def _mark_videos(content: str, found: _Findings) -> str:
    """Replace every video (and every shortcode) by a marker element, in reading order."""

    def mark(url: str, caption: str | None = None, what: str = _A_VIDEO) -> str:
        found.videos.append(_video(url.strip(), caption, what))
        return f'\n\n<{_VIDEO_MARK} data-n="{len(found.videos) - 1}"></{_VIDEO_MARK}>\n\n'

    def block_embed(match: re.Match[str]) -> str:
        url = ""
        attributes: Any = {}
        if match.group(1):
            try:
                attributes = json.loads(match.group(1))
            except ValueError:
                attributes = {}
        if isinstance(attributes, dict):
            url = str(attributes.get("url", ""))
            what = _EMBED_TYPES.get(str(attributes.get("type", "")), _A_VIDEO)
        else:
            what = _A_VIDEO
        inner = BeautifulSoup(match.group(2), "html.parser")
        if not url:
            url = (
                inner.get_text(" ", strip=True).split(" ")[0] if inner.get_text(strip=True) else ""
            )
        caption_tag = inner.find("figcaption")
        caption = caption_tag.get_text(" ", strip=True) if caption_tag else None
        return mark(url, caption or None, what)

    def embed_shortcode(url: str) -> str:
        video_file = urlsplit(url.strip()).path.lower().endswith(_VIDEO_FILES)
        return mark(url, None, _A_VIDEO if video_file else _AN_EMBEDDED_POST)

    def video_shortcode(match: re.Match[str]) -> str:
        attributes = _attributes(match.group(1))
        url = attributes.get("src") or next(
            (v for k, v in attributes.items() if k in ("mp4", "m4v", "webm", "ogv", "wmv", "flv")),
            "",
        )
        if not url and match.group(2):
            url = match.group(2).strip()
        return mark(url)

    text = content.replace("\r\n", "\n").replace("\r", "\n")
    text = _BLOCK_EMBED.sub(block_embed, text)
    text = _EMBED_SHORTCODE.sub(lambda m: embed_shortcode(html.unescape(m.group(1))), text)
    text = _VIDEO_SHORTCODE.sub(video_shortcode, text)
    text = _drop_shortcodes(text, found)
    return _AUTO_EMBED_LINE.sub(
        lambda m: mark(html.unescape(m.group(1))) if _is_video_url(m.group(1)) else m.group(0),
        text,
    )


def _mark_paragraphs(text: str) -> str:
    """Every blank line outside tags, comments and <pre> -> a paragraph marker element."""
    parts: list[str] = []
    last = 0
    for match in _NOT_TEXT.finditer(text):
        parts.append(_BLANK_LINE.sub(f"\n\n{_PARAGRAPH_TAG}\n\n", text[last : match.start()]))
        parts.append(match.group())
        last = match.end()
    parts.append(_BLANK_LINE.sub(f"\n\n{_PARAGRAPH_TAG}\n\n", text[last:]))
    return "".join(parts)


def _drop_shortcodes(text: str, found: _Findings) -> str:
    def pair(match: re.Match[str]) -> str:
        name = match.group(1).lower()
        if name in ("caption", "wp_caption"):
            found.drop(_image(BeautifulSoup(match.group(3), "html.parser").get_text(" ")))
            return "\n\n"
        if name in _DROP_WHOLE:
            found.drop(_shortcode_name(name))
            return "\n\n"
        found.drop(f"shortcode [{name}] (its text was kept)")
        return match.group(3)

    def single(match: re.Match[str]) -> str:
        name = match.group(1).lower()
        if name not in _KNOWN_SINGLE and "=" not in match.group(2):
            return match.group(0)  # "[sic]" in a sentence, not a shortcode
        found.drop(_shortcode_name(name))
        return ""

    previous = None
    while previous != text:  # nested shortcodes: the outer one first, then what it held
        previous = text
        text = _SHORTCODE_PAIR.sub(pair, text)
    return _SHORTCODE_SINGLE.sub(single, text)


def _shortcode_name(name: str) -> str:
    if name in ("caption", "wp_caption"):
        return "an image with a caption"
    if name == "gallery":
        return "a gallery"
    return f"shortcode [{name}]"


def _attributes(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
        for m in _ATTRIBUTE.finditer(text)
    }


def _is_video_url(url: str) -> bool:
    try:
        parse_video_url(html.unescape(url))
    except VideoUrlError:
        return False
    return True


def _video(url: str, caption: str | None, what: str = _A_VIDEO) -> VideoFound | str:
    """The video at `url`, or why not: for an embedded post or photo its whole address (the
    embed was nothing else), for a video its host."""
    try:
        ref = parse_video_url(url)
    except VideoUrlError:
        if what != _A_VIDEO and url:
            return f"{what} runform cannot show ({url})"
        host = urlsplit(url).hostname or url or "no address"
        return f"a video runform cannot show ({host})"
    return VideoFound(url=watch_url(ref, None), start=ref.start, caption=caption)


def _choose_video(found: _Findings) -> VideoFound | None:
    chosen: VideoFound | None = None
    for video in found.videos:
        if isinstance(video, str):
            found.drop(video)
        elif chosen is None:
            chosen = video
            if video.caption:
                found.guessed.append(f"video title from its caption '{video.caption}'")
        else:
            found.drop(f"another video ({video.url})")
    return chosen


# -- blocks ------------------------------------------------------------------------------------


def _blocks(soup: BeautifulSoup, found: _Findings) -> list[_Block]:
    blocks: list[_Block] = []
    _collect(soup, blocks, found)
    return blocks


def _collect(parent: Tag, blocks: list[_Block], found: _Findings) -> None:
    """Top-level blocks in order; wrappers are opened, runs of inline text become paragraphs."""
    run: list[Any] = []
    for node in list(parent.children):
        if isinstance(node, Tag) and node.name == _PARAGRAPH_MARK:
            run.append(NavigableString("\n\n"))
        elif isinstance(node, Tag) and (node.name in _BLOCK_TAGS or node.name in _WRAPPERS):
            _flush(run, blocks, found)
            run = []
            if node.name in _WRAPPERS:
                if "gallery" in " ".join(node.get("class") or []):
                    found.drop("a gallery")
                    continue
                _collect(node, blocks, found)
            else:
                blocks.extend(_block(node, found))
        else:
            run.append(node)
    _flush(run, blocks, found)


def _flush(run: list[Any], blocks: list[_Block], found: _Findings) -> None:
    """Inline nodes between blocks: paragraphs split at blank lines, as WordPress' wpautop does."""
    # Re-serialised as HTML: text nodes escaped, so text that reads like a tag stays text.
    text = "".join(
        str(node) if isinstance(node, Tag) else html.escape(str(node), quote=False)
        for node in run
        if not isinstance(node, Comment)
    ).replace(_PARAGRAPH_TAG, "\n\n")  # a paragraph's end inside an inline element
    for chunk in re.split(r"\n\s*\n", text):
        if not chunk.strip():
            continue
        paragraph = BeautifulSoup(f"<p>{chunk.strip()}</p>", "html.parser").p
        for line_break in paragraph.find_all(string=re.compile("\n")):
            parts = str(line_break).split("\n")
            replacement: list[Any] = []
            for i, part in enumerate(parts):
                if i:
                    replacement.append(paragraph.new_tag("br"))
                replacement.append(NavigableString(part))
            line_break.replace_with(*replacement)
        blocks.extend(_block(paragraph, found))


def _block(tag: Tag, found: _Findings) -> list[_Block]:
    name = tag.name
    if name == _VIDEO_MARK:
        return [_Block("video", None)]
    if name in ("img", "figure"):
        return _figure(tag, found)
    if name == "dl":
        tag = _term_list(tag)
        name = tag.name
    if name == "iframe":
        _iframe(tag, found)
        return []
    if name in _DROP_NAMES:
        found.drop(_DROP_NAMES[name])
        return []
    _clean_inside(tag, found)
    text = " ".join(tag.get_text(" ", strip=True).split())
    if name in _HEADINGS:
        return [_Block("heading", tag, text)] if text else []
    if name in ("h5", "h6"):
        tag.name = "p"
        inner = tag.decode_contents()
        tag.clear()
        tag.append(BeautifulSoup(f"<strong>{inner}</strong>", "html.parser"))
        return [_Block("paragraph", tag, text)] if text else []
    if name in ("ul", "ol"):
        return [_Block("list", tag, text, ordered=name == "ol")] if text else []
    if name == "p":
        if not text:
            return []
        if heading := _pseudo_heading(tag, text):
            found.guessed.append(f"heading '{heading[0]}' from {heading[1]}")
            return [_Block("heading", tag, heading[0])]
        if _is_note(tag, text):
            for emphasis in tag.find_all(["em", "i", "strong", "b"]):
                emphasis.unwrap()  # the callout itself sets it apart
            return [_Block("note", tag, text)]
        return [_Block("paragraph", tag, text)]
    return [_Block("other", tag, text)] if text else []


def _figure(tag: Tag, found: _Findings) -> list[_Block]:
    classes = " ".join(tag.get("class") or [])
    if "gallery" in classes:
        found.drop("a gallery")
    elif tag.find("table") is not None:
        found.drop("a table")
    elif tag.find("iframe") is not None:
        for frame in tag.find_all("iframe"):
            _iframe(frame, found)
    elif tag.name == "img" or tag.find(_MEDIA) is not None:
        caption = tag.find("figcaption")
        found.drop(_image(caption.get_text(" ") if caption else ""))
    else:  # a pull quote, a verse, a code listing: text in a figure
        blocks: list[_Block] = []
        _collect(tag, blocks, found)
        return blocks
    return []


def _image(caption: str) -> str:
    """How the report names a dropped image: with its caption, the text that goes with it."""
    caption = " ".join(caption.split())
    return f"an image (caption: '{_one_line(caption, MAX_HEADING)}')" if caption else "an image"


def _term_list(tag: Tag) -> Tag:
    """<dl><dt>Term</dt><dd>Text</dd>...</dl> -> <ul><li><strong>Term</strong>: Text</li>...:
    tip Markdown has no definition lists. `tag` is replaced in its tree."""
    items: list[str] = []
    for child in tag.find_all(["dt", "dd"], recursive=False):
        inner = child.decode_contents().strip()
        if child.name == "dt":
            items.append(f"<strong>{inner}</strong>")
        elif items and items[-1].endswith("</strong>"):
            items[-1] += f": {inner}"
        elif items:
            items[-1] += f" {inner}"
        else:
            items.append(inner)
    listed = BeautifulSoup(
        "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>", "html.parser"
    ).ul
    tag.replace_with(listed)
    return listed


def _iframe(tag: Tag, found: _Findings) -> None:
    source = html.unescape(str(tag.get("src") or ""))
    if _is_video_url(source):
        found.videos.append(_video(source, None))
    else:
        found.drop(f"an embedded frame ({urlsplit(source).hostname or 'no address'})")


def _clean_inside(tag: Tag, found: _Findings) -> None:
    """Inside a paragraph or list: drop what a tip cannot show, note videos; paragraphs in
    quotes and list items become <p> elements."""
    for holder in [tag, *tag.find_all(_PARAGRAPH_HOLDERS)]:
        if holder.name in _PARAGRAPH_HOLDERS and holder.find(_PARAGRAPH_MARK, recursive=False):
            _wrap_paragraphs(holder)
    for mark in tag.find_all(_PARAGRAPH_MARK):
        mark.replace_with(" ")
    for terms in tag.find_all("dl"):
        _term_list(terms)
    for names in (_STRONG, _EMPHASIS):  # <b>a <b>b</b></b>: Markdown cannot nest them
        for inner in tag.find_all(names):
            if inner.find_parent(names) is not None:
                inner.unwrap()
    struck = [" ".join(inner.get_text(" ").split()) for inner in tag.find_all(_STRUCK)]
    for inner in tag.find_all(_STRUCK):
        inner.unwrap()
    if struck := [words for words in struck if words]:
        named = ", ".join(f"'{_one_line(words, 60)}'" for words in struck)
        found.drop(f"strike-through on {named} (the words are kept)")
    for mark in tag.find_all(_VIDEO_MARK):
        mark.decompose()  # already counted in reading order by its marker number
    for frame in tag.find_all("iframe"):
        _iframe(frame, found)
        frame.decompose()
    for image in tag.find_all("img"):
        found.drop(_image(""))
        image.decompose()
    for name, what in _DROP_NAMES.items():
        for inner in tag.find_all(name):
            found.drop(what)
            inner.decompose()


def _wrap_paragraphs(holder: Tag) -> None:
    """<blockquote>a<marker/>b</blockquote> -> <blockquote><p>a</p><p>b</p></blockquote>;
    block elements inside stay as they are."""
    groups: list[list[Any]] = [[]]
    for node in list(holder.children):
        node.extract()
        if isinstance(node, Tag) and node.name == _PARAGRAPH_MARK:
            groups.append([])
        elif isinstance(node, Tag) and node.name in _BLOCK_TAGS:
            groups.extend([[node], []])
        else:
            groups[-1].append(node)
    for group in groups:
        if len(group) == 1 and isinstance(group[0], Tag) and group[0].name in _BLOCK_TAGS:
            holder.append(group[0])
        elif any(str(node).strip() for node in group):
            paragraph = BeautifulSoup("<p></p>", "html.parser").p
            for node in group:
                paragraph.append(node)
            holder.append(paragraph)


def _emphasised_only(tag: Tag, names: tuple[str, ...]) -> bool:
    """Every bit of text in `tag` sits inside one of the `names` elements."""
    for text in tag.find_all(string=True):
        if text.strip() and text.find_parent(list(names)) is None:
            return False
    return True


def _pseudo_heading(tag: Tag, text: str) -> tuple[str, str] | None:
    if len(text) > 90 or text.endswith((".", "!", ",", ";")):
        return None
    if _emphasised_only(tag, ("strong", "b")):
        return text.rstrip(":").strip(), "a paragraph in bold"
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and text == text.upper():
        heading = text.rstrip(":").strip()
        return heading[0] + heading[1:].lower(), "a paragraph in capitals"
    return None


def _is_note(tag: Tag, text: str) -> bool:
    if len(text) > MAX_NOTE:
        return False
    if _emphasised_only(tag, ("em", "i")):
        return True
    return _emphasised_only(tag, ("strong", "b")) and text.endswith((".", "!"))


# -- sections ----------------------------------------------------------------------------------


def _sections(blocks: list[_Block]) -> tuple[list[_Block], list[tuple[str, list[_Block]]]]:
    intro: list[_Block] = []
    sections: list[tuple[str, list[_Block]]] = []
    for block in blocks:
        if block.kind == "heading":
            sections.append((_one_line(block.text, MAX_HEADING), []))
        elif sections:
            sections[-1][1].append(block)
        else:
            intro.append(block)
    return intro, sections


def _faults(
    section: list[_Block],
) -> tuple[list[tuple[str, str]], list[str], _Block] | None:
    """The first list's items as (name, fix) faults, the items that name no fix (Markdown),
    and the list itself; None when no item names a fix (the list stays text)."""
    fault_list = next((b for b in section if b.kind == "list" and b.tag is not None), None)
    if fault_list is None or fault_list.tag is None:
        return None
    faults: list[tuple[str, str]] = []
    unfixed: list[str] = []
    for item in fault_list.tag.find_all("li", recursive=False):
        whole = " ".join(_markdown_inner(item).split())  # before _name_and_rest takes it apart
        split = _name_and_rest(item)
        if split is not None:
            faults.append(split)
        elif whole:
            unfixed.append(whole)
    if not faults:
        return None
    return faults, unfixed, fault_list


def _name_and_rest(item: Tag) -> tuple[str, str] | None:
    """'<strong>Flicking</strong>: think up' -> ('Flicking', 'think up')."""
    first = next((n for n in item.children if str(n).strip()), None)
    if isinstance(first, Tag) and first.name in ("strong", "b"):
        name = first.get_text(" ", strip=True).rstrip(f":.{_DASHES} ").strip()
        first.extract()
        rest = _markdown_inner(item).lstrip(f":.{_DASHES} \n")
        if name and rest:
            return _one_line(name, MAX_HEADING), rest
        return None
    text = " ".join(item.get_text(" ", strip=True).split())
    parts = _NAME_SPLIT.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0] and parts[1] and len(parts[0]) <= MAX_HEADING:
        return parts[0], _escape_text(parts[1])
    sentences = SENTENCE_END.split(text, maxsplit=1)
    if len(sentences) == 2 and len(sentences[0]) <= MAX_HEADING:
        return sentences[0].rstrip("."), _escape_text(sentences[1])
    return None


def _drill(
    heading: str, section: list[_Block], title: str, found: _Findings
) -> tuple[DrillFound, list[_Block]] | None:
    numbered = next((b for b in section if b.kind == "list" and b.ordered and b.tag), None)
    if numbered is None or numbered.tag is None:
        return None
    steps = tuple(
        step for li in numbered.tag.find_all("li", recursive=False) if (step := _markdown_inner(li))
    )
    if not steps:
        return None
    name = _DRILL_PREFIX.sub("", heading).strip() or f"{title_cue(title) or title} drill"
    name = name[0].upper() + name[1:]
    dose_block = next(
        (
            b
            for b in section
            if b.kind == "paragraph" and _DOSE.search(b.text) and len(b.text) <= MAX_HEADING
        ),
        None,
    )
    after = section.index(numbered)
    rest: list[_Block] = []
    for index, block in enumerate(section):
        if block is numbered or block is dose_block:
            continue
        if index > after and (what := _call_to_action(block)):
            found.drop(what)
            continue
        rest.append(block)
    drill = DrillFound(
        name=_one_line(name, MAX_HEADING),
        steps=steps,
        dose=dose_block.text if dose_block else None,
    )
    return drill, rest


def _call_to_action(block: _Block) -> str | None:
    """What a paragraph is, for the report, when it only sends the reader off the page: a
    booking link, another call to action, or a lone link; None for text worth keeping."""
    if block.kind != "paragraph" or block.tag is None or len(block.text) > MAX_CALL_TO_ACTION:
        return None
    links = block.tag.find_all("a")
    shown = " ".join(block.tag.get_text().split())
    if _BOOKING.search(block.text) and (links or _CALL_TO_ACTION.search(block.text)):
        return "a booking link (runform shows its own booking block)"
    if links and _CALL_TO_ACTION.search(block.text):
        return f"a call to action ('{shown}')"
    if len(links) == 1 and _emphasised_only(block.tag, ("a",)):
        href = str(links[0].get("href") or "").strip()
        return f"a link after the drill ('{shown}', {href})" if href else None
    return None


def title_cue(title: str) -> str | None:
    """The cue a 'Topic: Cue' title names ('Posture: Run Tall' -> 'Run Tall'), or None.

    The topic is at most three words; the cue one to six words and no question."""
    match = _TITLE_CUE.match(title)
    if match is None:
        return None
    topic, cue = match.group(1), match.group(2).strip(_QUOTE_MARKS)
    if len(topic.split()) > 3 or not 1 <= len(cue.split()) <= 6 or cue.endswith("?"):
        return None
    return cue or None


def _first_sentence(blocks: list[_Block]) -> str | None:
    """The first paragraph's opening sentence, with the sentences after it until there are
    MIN_SUMMARY_WORDS words: "No." alone tells a reader nothing of the tip."""
    paragraph = next((b for b in blocks if b.kind == "paragraph" and b.text), None)
    if paragraph is None:
        return None
    taken: list[str] = []
    for sentence in SENTENCE_END.split(paragraph.text):
        taken.append(sentence.strip())
        if sum(len(s.split()) for s in taken) >= MIN_SUMMARY_WORDS:
            break
    return " ".join(taken)


def _quoted_cue(blocks: list[_Block]) -> str | None:
    for block in blocks:
        if block.kind not in ("paragraph", "heading"):
            continue
        for match in _QUOTED.finditer(block.text):
            phrase = match.group(1).strip()
            if 1 <= len(phrase.split()) <= 5 and phrase[:1].isupper():
                return phrase
    return None


# -- Markdown ----------------------------------------------------------------------------------


class _TipMarkdown(MarkdownConverter):
    """markdownify with runform's Markdown rules: no images, headings or raw HTML."""

    def escape(self, text: str, parent_tags: Any) -> str:
        escaped = super().escape(text, parent_tags)
        return _escape_text(escaped) if self.options["escape_html"] else escaped

    def convert_img(self, el: Tag, text: str, parent_tags: Any) -> str:
        return ""

    def convert_hN(self, n: int, el: Tag, text: str, parent_tags: Any) -> str:
        return f"\n\n**{text.strip()}**\n\n" if text.strip() else ""

    def convert_hr(self, el: Tag, text: str, parent_tags: Any) -> str:
        return "\n\n"

    def convert_a(self, el: Tag, text: str, parent_tags: Any) -> str:
        href = str(el.get("href") or "").strip()
        scheme = urlsplit(href).scheme.lower()
        site_path = href.startswith("/") and not href.startswith("//")
        if not text.strip() or not (scheme in _LINK_SCHEMES or site_path):
            return text
        safe = href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
        el["href"] = safe
        if el.get("title"):
            del el["title"]
        return super().convert_a(el, text, parent_tags)


_OPTIONS: Final = {"heading_style": "ATX", "bullets": "-", "escape_underscores": False}
_CONVERTER: Final = _TipMarkdown(**_OPTIONS, escape_html=True)
# Isso escapes every '<' of a comment itself: escaping it here too would show "&lt;".
_COMMENT_CONVERTER: Final = _TipMarkdown(**_OPTIONS, escape_html=False)


def _escape_text(text: str) -> str:
    """Text that would read as HTML in Markdown stays text."""
    return text.replace("<", "&lt;")


def _markdown(fragment: str, converter: _TipMarkdown = _CONVERTER) -> str:
    text = converter.convert(fragment)
    text = re.sub(r"[ \t]+\n", lambda m: "  \n" if m.group(0).startswith("  ") else "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _markdown_inner(tag: Tag | None) -> str:
    return _markdown(tag.decode_contents()) if tag is not None else ""


def _markdown_blocks(blocks: list[_Block]) -> str:
    parts = [_markdown(str(b.tag)) for b in blocks if b.tag is not None and b.kind != "heading"]
    return "\n\n".join(p for p in parts if p)


def _plain(markdown: str) -> str:
    """A one-line Markdown item as the report names it: no emphasis marks, no final stop."""
    return re.sub(r"[*_`]", "", markdown).rstrip(". ")


def _one_line(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"
