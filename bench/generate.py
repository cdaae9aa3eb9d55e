"""Synthetic tips and the three sites the benchmark builds from them.

`make_tips(n, seed)` returns n tips, one a week going back from FIXED_DATE (past 2,900 tips,
the days between). Tip i depends only on the seed and i (each has its own random.Random),
so tip 0 is the same page at N=10 and N=500.
The seed also chooses the tips' *shape* (`make_shape`): how many rationale sections, paragraphs
and sentences, how long the lists, faults and drill steps, how many notes, links and tags, how
many tips have a video, a poster or no drill. Different seeds write like different coaches, so
a run over several seeds shows how runform fares on content nobody tuned it for.

`write_projects(n, work_dir, repo)` writes, from the same words:
  runform/  tips/*.yml + docs/ + mkdocs.yml with the repo's hook (the repo's mkdocs.yml when it
            exists, with paths made absolute; a minimal one until then)
  plain/    the same tips as plain Material for MkDocs pages (docs/tips/<slug>.md, not in the nav),
            with the same pages and nav around them (home, all tips, booking, the repo's docs/)
  blog/     (with blog=True) the same tips as posts of Material's blog plugin

Posters are small JPEG files written to docs/images/ of the runform and plain projects alike.

Run alone: `python bench/generate.py 10 --seed 7 --out bench/work/demo`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

FIXED_DATE = date(2026, 11, 27)  # a Friday: the newest tip; the others go back a week each
# A week apart, 2,900 tips reach back to 1971 (a site carries days from 1970-01-02): tips past
# that (a 5,000-tip run) fill the days between the weekly ones, going back from the newest
WEEKLY_LIMIT = 2900
DEFAULT_SEED = 20261127
REPO = Path(__file__).resolve().parent.parent
HOOK_RELPATH = "hooks/runform_hooks.py"
GLUE_RELPATH = "src/runform/mkdocs_glue.py"

# ---------------------------------------------------------------------------------------------
# Words

_FOCUS = [
    ("Heel Pick Up", "heel recovery", "hamstrings"),
    ("Arm Carriage", "arm swing", "upper body"),
    ("Cadence", "step rate", "cadence"),
    ("Forward Lean", "lean from the ankles", "posture"),
    ("Foot Strike", "landing under the hips", "foot strike"),
    ("Hip Extension", "hip drive", "glutes"),
    ("Knee Drive", "knee lift", "hip flexors"),
    ("Relaxed Shoulders", "shoulder tension", "upper body"),
    ("Ankle Stiffness", "ankle spring", "calves"),
    ("Core Stability", "trunk control", "core"),
    ("Breathing Rhythm", "breath timing", "breathing"),
    ("Downhill Running", "braking forces", "hills"),
    ("Uphill Running", "climbing posture", "hills"),
    ("Head Position", "gaze and neck", "posture"),
    ("Pelvic Tilt", "pelvis position", "posture"),
    ("Push Off", "toe off", "calves"),
    ("Stride Length", "overstriding", "stride"),
    ("Hand Position", "relaxed hands", "upper body"),
    ("Ground Contact", "contact time", "foot strike"),
    ("Swing Leg", "leg recovery", "swing phase"),
]
_CONTEXT = [
    "on Easy Runs",
    "at Threshold Pace",
    "in the Last Mile",
    "on Trails",
    "for Beginners",
    "on the Track",
    "When Tired",
    "in Races",
    "on Hills",
    "in the Warm-Up",
    "for Masters Runners",
    "After Injury",
    "on Long Runs",
    "in Strides",
    "on Tempo Days",
    "in Headwind",
]
_TAGS = [
    "hamstrings",
    "swing phase",
    "drills",
    "cadence",
    "posture",
    "foot strike",
    "glutes",
    "hip flexors",
    "upper body",
    "calves",
    "core",
    "breathing",
    "hills",
    "stride",
    "strength",
    "mobility",
    "racing",
    "beginners",
    "injury prevention",
    "warm-up",
    "track",
    "trail",
    "recovery",
    "efficiency",
]
_SUBJECTS = [
    "your {focus}",
    "a smooth {focus}",
    "good {focus}",
    "the {focus}",
    "an efficient {focus}",
    "a quiet {focus}",
    "a relaxed {focus}",
]
_VERBS = [
    "saves energy",
    "keeps you tall",
    "protects your knees",
    "shortens ground contact",
    "lets the hips do the work",
    "keeps the rhythm steady",
    "makes faster paces feel easier",
    "reduces braking",
    "spreads the load across bigger muscles",
    "helps you hold form late",
]
_OPENERS = [
    "Most runners never think about this until something hurts.",
    "Watch any good club runner and you will notice it at once.",
    "This is one of those small changes that pays off every single run.",
    "Coaches talk about it a lot, but it is rarely explained well.",
    "It sounds technical, yet it is something you can feel on your next jog.",
    "Film yourself for ten seconds and you will see what we mean.",
]
_FILLERS = [
    "Think of it as a habit you build, not a trick you switch on.",
    "Start slowly and let the movement become automatic before adding speed.",
    "A few minutes twice a week is enough to notice a difference within a month.",
    "You do not need special shoes or equipment for any of this.",
    "The goal is not perfection but a little less wasted motion each stride.",
    "Tired legs fall back into old patterns, so practise it when you are fresh.",
    "Pair it with easy running so the new pattern is learnt at low effort.",
    "If it feels strange at first, that is normal: your body is learning.",
    "Check it again after a few weeks; habits drift when we stop paying attention.",
    "Small, consistent changes beat big overhauls that last a single session.",
]
_HEADINGS = [
    "Why master {focus}?",
    "What good {focus} looks like",
    "How {focus} affects your pace",
    "When {focus} breaks down",
    "The science behind {focus}",
    "How to feel {focus}",
    "{focus} and injury risk",
    "Putting {focus} into practice",
]
_LIST_ITEMS = [
    "keep the movement *under the hips*",
    "let the **arms follow the legs**",
    "relax the jaw and the hands",
    "stay tall through the crown of the head",
    "land softly and quietly",
    "count your steps for thirty seconds",
    "keep the elbows close to the body",
    "push the ground *back*, not down",
    "let the heel rise naturally",
    "breathe out over two or three steps",
    "look ahead about twenty metres",
    "keep the knee soft on landing",
]
_FAULTS = [
    ("Overstriding", "reaching out in front of the body"),
    ("Crossing over", "letting the arms swing across the chest"),
    ("Sitting back", "bending at the waist so the hips drop"),
    ("Flicking the leg back", "kicking the heel out instead of lifting it"),
    ("Tense shoulders", "shrugging the shoulders towards the ears"),
    ("Heavy landing", "slapping the foot down on every step"),
    ("Looking down", "dropping the chin to watch the feet"),
    ("Bouncing", "pushing up rather than forward"),
]
_DRILLS = [
    "Wall {focus} holds",
    "Marching {focus}",
    "Skipping for {focus}",
    "Butt kicks",
    "A-skips",
    "B-skips",
    "High knees",
    "Straight-leg bounds",
    "Carioca",
    "Ankling",
]
_DRILL_STEPS = [
    "Stand tall facing a wall, hands at shoulder height.",
    "Lift one foot and bring the heel up under the hip.",
    "Hold for **two seconds**, then lower it with control.",
    "Switch legs and keep the pelvis level.",
    "Move forward slowly, keeping the rhythm *light*.",
    "Finish with 2 relaxed strides of 80 m.",
    "Keep the arms moving in time with the legs.",
    "Rest 60 s between sets and stay loose.",
]
_DOSES = [
    "3 x 10 each leg",
    "2 x 20 m",
    "3 x 30 s",
    "4 x 15 m, walk back",
    "2 x 12 each side",
    "3 x 20 m, twice a week",
]
_CREDITS = [
    ("Jeff Grant, Hillseeker Fitness", "https://example.com/hillseeker"),
    ("Anna Berg, Nordic Run Lab", "https://example.org/nordic-run-lab"),
    ("Tom Okafor, Track Basics", "https://example.net/track-basics"),
    ("Maria Lopez, Trail Form", "https://example.com/trail-form"),
]
_LINK_TEXTS = [
    ("a study on running economy", "https://example.org/research/running-economy"),
    ("our guide to easy runs", "https://example.com/guides/easy-runs"),
    ("this slow-motion video", "https://example.com/videos/slow-motion"),
    ("a physiotherapist's explanation", "https://example.net/physio/explained"),
    ("the drills library", "https://example.com/drills"),
]
_YOUTUBE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"


_NOTES = [
    ("note", "We are not physiotherapists: if something hurts, stop and ask one."),
    ("tip", "Film yourself from the side at an easy pace, then again at **tempo** pace."),
    ("warning", "Do not practise this on the day before a race; new patterns tire you out."),
    ("note", "This cue builds on last month's work on *posture*."),
    ("tip", "Say the cue out loud for the first few strides; it really helps."),
    ("warning", "Stop if you feel a sharp pain in the knee or the ankle."),
]
_MUSCLES = ["Hamstrings", "Glutes", "Hip flexors", "Calves", "Quadriceps", "Core", "Shoulders"]
_POSTER_COLOURS = [(230, 92, 0), (0, 128, 128), (60, 60, 70), (200, 180, 40), (90, 40, 140)]


@dataclass(frozen=True)
class Shape:
    """How one seed's coach writes: the ranges (inclusive) and shares each tip is drawn from.

    `make_shape(seed)` picks them, so a set of seeds covers short and long tips, few and many
    sections, lists, faults, steps, notes, links and tags, with and without videos and posters.
    """

    sections: tuple[int, int]  # rationale sections per tip
    paragraphs: tuple[int, int]  # paragraphs per section
    sentences: tuple[int, int]  # sentences per paragraph
    list_share: float  # share of sections with a bulleted list
    list_items: tuple[int, int]
    faults: tuple[int, int]
    drill_share: float  # share of tips with a drill
    drill_steps: tuple[int, int]
    notes: tuple[int, int]
    links: tuple[int, int]  # links per tip, spread over its paragraphs
    internal_link_share: float  # share of links that go to another tip of the site
    video_share: float  # share of tips with a video
    poster_share: float  # share of videos with a local poster image
    tags: tuple[int, int]
    intro_share: float
    muscles_share: float

    def describe(self) -> str:
        def span(r: tuple[int, int]) -> str:
            return f"{r[0]}" if r[0] == r[1] else f"{r[0]}-{r[1]}"

        return (
            f"sections {span(self.sections)} x paragraphs {span(self.paragraphs)} x sentences "
            f"{span(self.sentences)}; lists {self.list_share:.0%} ({span(self.list_items)}); "
            f"faults {span(self.faults)}; drill {self.drill_share:.0%} "
            f"({span(self.drill_steps)} steps); notes {span(self.notes)}; links "
            f"{span(self.links)} ({self.internal_link_share:.0%} internal); video "
            f"{self.video_share:.0%}, poster {self.poster_share:.0%} of them; "
            f"tags {span(self.tags)}"
        )


def _span(rng: random.Random, low: tuple[int, int], extra: int) -> tuple[int, int]:
    first = rng.randint(*low)
    return first, first + rng.randint(0, extra)


def make_shape(seed: int) -> Shape:
    """The shape of every tip written with `seed` (its own Random: independent of N)."""
    rng = random.Random(f"shape-{seed}")
    return Shape(
        sections=_span(rng, (1, 3), 3),
        paragraphs=_span(rng, (1, 2), 3),
        sentences=_span(rng, (2, 4), 5),
        list_share=rng.choice([0.0, 0.3, 0.6, 1.0]),
        list_items=_span(rng, (2, 4), 6),
        faults=_span(rng, (0, 2), 4),
        drill_share=rng.choice([0.5, 0.8, 1.0]),
        drill_steps=_span(rng, (1, 4), 4),
        notes=_span(rng, (0, 1), 2),
        links=_span(rng, (0, 2), 4),
        internal_link_share=rng.choice([0.0, 0.25, 0.5]),
        video_share=rng.choice([0.3, 0.7, 1.0]),
        poster_share=rng.choice([0.0, 0.3, 0.8]),
        tags=_span(rng, (0, 3), 3),
        intro_share=rng.choice([0.3, 0.7, 1.0]),
        muscles_share=rng.choice([0.0, 0.5]),
    )


@dataclass(frozen=True)
class SyntheticTip:
    index: int
    slug: str
    day: date
    data: dict[str, Any]  # exactly the YAML keys of a tip file
    poster_colour: tuple[int, int, int] | None = None  # the image at data["video"]["poster"]

    @property
    def filename(self) -> str:
        return f"{self.day.isoformat()}-{self.slug}.yml"


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _sentence(rng: random.Random, focus: str) -> str:
    subject = rng.choice(_SUBJECTS).format(focus=focus)
    text = f"{subject} {rng.choice(_VERBS)}"
    if rng.random() < 0.5:
        text += f" and {rng.choice(_VERBS)}"
    return text[0].upper() + text[1:] + "."


# A link is written as a placeholder and resolved per output: `../slug/` in a tip file, and
# `slug.md` (or the post's address) in the Markdown pages, as each tool's writer expects.
_INTERNAL = "\x00tip:{slug}\x00"
_INTERNAL_RE = re.compile("\x00tip:([a-z0-9-]+)\x00")


def _paragraph(rng: random.Random, focus: str, sentences: int, links: list[str]) -> str:
    parts = [rng.choice(_OPENERS)]
    for _ in range(sentences - 1):
        parts.append(_sentence(rng, focus) if rng.random() < 0.5 else rng.choice(_FILLERS))
    # emphasis on one word-group per paragraph
    k = rng.randrange(len(parts))
    parts[k] = parts[k].replace(focus, f"*{focus}*", 1)
    parts.extend(f"See [{text}]({url}) for more." for text, url in links)
    return " ".join(parts)


def _link(rng: random.Random, shape: Shape, newer: list[tuple[str, str]]) -> tuple[str, str]:
    if newer and rng.random() < shape.internal_link_share:
        slug, title = rng.choice(newer)
        return f"last week's tip on {title.lower()}", _INTERNAL.format(slug=slug)
    return rng.choice(_LINK_TEXTS)


def _deal(rng: random.Random, count: int, slots: int) -> list[int]:
    """`count` items dealt at random over `slots` places."""
    dealt = [0] * slots
    for _ in range(count):
        dealt[rng.randrange(slots)] += 1
    return dealt


def _section(
    rng: random.Random, shape: Shape, focus: str, heading: str, links: list[list[tuple[str, str]]]
) -> dict[str, str]:
    paragraphs = [_paragraph(rng, focus, rng.randint(*shape.sentences), ls) for ls in links]
    if rng.random() < shape.list_share:
        count = rng.randint(*shape.list_items)
        items = [rng.choice(_LIST_ITEMS) for _ in range(count)]
        bullets = "\n".join(f"- {item[0].upper()}{item[1:]}" for item in items)
        paragraphs.insert(min(1, len(paragraphs)), bullets)
    return {"heading": heading, "body": "\n\n".join(paragraphs) + "\n"}


def _video(rng: random.Random, title: str) -> dict[str, str]:
    credit, credit_url = rng.choice(_CREDITS)
    if rng.random() < 0.75:
        video_id = "".join(rng.choice(_YOUTUBE_CHARS) for _ in range(11))
        url = f"https://www.youtube.com/watch?v={video_id}"
    else:
        url = f"https://vimeo.com/{rng.randint(10_000_000, 999_999_999)}"
    return {"url": url, "title": f"{title} drill", "credit": credit, "credit_url": credit_url}


def make_tip(
    index: int, seed: int, shape: Shape, taken: set[str], newer: list[tuple[str, str]]
) -> SyntheticTip:
    """Tip `index`: its own Random, so it does not depend on how many tips are made.

    taken holds the slugs of tips 0..index-1, newer their (slug, title), so links and slug
    clashes are prefix-stable too."""
    rng = random.Random(seed * 1_000_003 + index)
    name, focus, tag = rng.choice(_FOCUS)
    title = f"{name} {rng.choice(_CONTEXT)}"
    slug = slugify(title)
    if slug in taken:
        title = f"{title}, Part {index}"
        slug = slugify(title)
    day = FIXED_DATE - timedelta(weeks=index) if index < WEEKLY_LIMIT else _daily(index)
    sections = rng.randint(*shape.sections)
    headings = [
        _HEADINGS[(start + k) % len(_HEADINGS)].format(focus=focus)
        for start in [rng.randrange(len(_HEADINGS))]
        for k in range(sections)
    ]
    paragraph_counts = [rng.randint(*shape.paragraphs) for _ in range(sections)]
    has_intro = rng.random() < shape.intro_share
    slots = sum(paragraph_counts) + (1 if has_intro else 0)
    per_slot = _deal(rng, rng.randint(*shape.links), slots)
    links = [[_link(rng, shape, newer[-8:]) for _ in range(k)] for k in per_slot]
    tag_count = rng.randint(*shape.tags)
    tags = [tag, *rng.sample([t for t in _TAGS if t != tag], max(0, tag_count - 1))][:tag_count]
    faults = [
        {"name": fname, "fix": f"Stop {what}. {rng.choice(_FILLERS)} {rng.choice(_FILLERS)}\n"}
        for fname, what in rng.sample(_FAULTS, min(len(_FAULTS), rng.randint(*shape.faults)))
    ]
    data: dict[str, Any] = {
        "title": title,
        "date": day,
        "summary": f"{_sentence(rng, focus)} {rng.choice(_FILLERS)}",
        "cue": {"name": name.split()[0] + " " + rng.choice(["Up", "Tall", "Light", "Quick"])},
    }
    if rng.random() < 0.7:
        data["cue"]["say"] = rng.choice(
            ["Heel up under the hip", "Run tall", "Quick and light", "Elbows back", "Push back"]
        )
    if has_intro:
        data["intro"] = _paragraph(rng, focus, rng.randint(*shape.sentences), links.pop()) + "\n"
    poster_colour = None
    if rng.random() < shape.video_share:
        data["video"] = _video(rng, name)
        if rng.random() < shape.poster_share:
            data["video"]["poster"] = f"images/posters/{slug}.jpg"
            poster_colour = rng.choice(_POSTER_COLOURS)
    data["rationale"] = []
    for heading, count in zip(headings, paragraph_counts, strict=True):
        mine, links = links[:count], links[count:]
        data["rationale"].append(_section(rng, shape, focus, heading, mine))
    if faults:
        data["faults"] = faults
    if rng.random() < shape.drill_share:
        drill_name = rng.choice(_DRILLS).format(focus=focus)
        steps = rng.randint(*shape.drill_steps)
        data["drill"] = {
            "name": drill_name[0].upper() + drill_name[1:],
            "steps": [_DRILL_STEPS[(index + k) % len(_DRILL_STEPS)] for k in range(steps)],
            "dose": rng.choice(_DOSES),
        }
    notes = rng.sample(_NOTES, min(len(_NOTES), rng.randint(*shape.notes)))
    if notes:
        data["notes"] = [{"kind": kind, "text": text + "\n"} for kind, text in notes]
    if rng.random() < shape.muscles_share:
        data["muscles"] = rng.sample(_MUSCLES, rng.randint(1, 3))
    if tags:
        data["tags"] = tags
    taken.add(slug)
    newer.append((slug, title))
    return SyntheticTip(index=index, slug=slug, day=day, data=data, poster_colour=poster_colour)


def _daily(index: int) -> date:
    """Tip `index` (>= WEEKLY_LIMIT): on a day between two weekly tips, newest weeks first."""
    extra = index - WEEKLY_LIMIT
    week, offset = divmod(extra, 6)
    return FIXED_DATE - timedelta(weeks=week, days=offset + 1)


def make_tips(n: int, seed: int = DEFAULT_SEED) -> list[SyntheticTip]:
    shape = make_shape(seed)
    taken: set[str] = set()
    newer: list[tuple[str, str]] = []
    return [make_tip(i, seed, shape, taken, newer) for i in range(n)]


def poster_jpeg(colour: tuple[int, int, int]) -> bytes:
    """A 640x360 JPEG poster: a colour field with a lighter band (a few KB)."""
    return _POSTERS.setdefault(colour, _draw_poster(colour))


_POSTERS: dict[tuple[int, int, int], bytes] = {}


def _draw_poster(colour: tuple[int, int, int]) -> bytes:
    from io import BytesIO

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 360), colour)
    light = tuple(min(255, c + 60) for c in colour)
    ImageDraw.Draw(image).rectangle((0, 250, 640, 300), fill=light)
    out = BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Tip -> YAML (every text value quoted: JSON strings for one line, `|` blocks for Markdown)


def _scalar(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False)


def _block(text: str, indent: str) -> str:
    lines = [f"{indent}{line}" if line else "" for line in text.rstrip("\n").split("\n")]
    return "|\n" + "\n".join(lines)


def _tip_links(text: str) -> str:
    return _INTERNAL_RE.sub(r"../\1/", text)


def tip_to_yaml(data: dict[str, Any]) -> str:
    out = [
        f"title: {_scalar(data['title'])}",
        f"date: {_scalar(data['date'])}",
        f"summary: {_scalar(data['summary'])}",
        "cue:",
        f"  name: {_scalar(data['cue']['name'])}",
    ]
    if "say" in data["cue"]:
        out.append(f"  say: {_scalar(data['cue']['say'])}")
    if "intro" in data:
        out.append(f"intro: {_block(_tip_links(data['intro']), '  ')}")
    if "video" in data:
        out.append("video:")
        out.extend(f"  {key}: {_scalar(value)}" for key, value in data["video"].items())
    out.append("rationale:")
    for section in data["rationale"]:
        out.append(f"  - heading: {_scalar(section['heading'])}")
        out.append(f"    body: {_block(_tip_links(section['body']), '      ')}")
    if "faults" in data:
        out.append("faults:")
        for fault in data["faults"]:
            out.append(f"  - name: {_scalar(fault['name'])}")
            out.append(f"    fix: {_block(fault['fix'], '      ')}")
    if "drill" in data:
        drill = data["drill"]
        out.append("drill:")
        out.append(f"  name: {_scalar(drill['name'])}")
        out.append("  steps:")
        out.extend(f"    - {_scalar(step)}" for step in drill["steps"])
        out.append(f"  dose: {_scalar(drill['dose'])}")
    if "notes" in data:
        out.append("notes:")
        for note in data["notes"]:
            out.append(f"  - kind: {note['kind']}")
            out.append(f"    text: {_block(note['text'], '      ')}")
    if "muscles" in data:
        out.append(f"muscles: [{', '.join(_scalar(m) for m in data['muscles'])}]")
    if "tags" in data:
        out.append(f"tags: [{', '.join(_scalar(tag) for tag in data['tags'])}]")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# Tip -> Markdown page (plain Material and blog post), the same words


def _video_html(video: dict[str, str]) -> str:
    url = video["url"]
    if "vimeo.com" in url:
        src = f"https://player.vimeo.com/video/{url.rsplit('/', 1)[-1]}?dnt=1"
    else:
        src = f"https://www.youtube-nocookie.com/embed/{url.rsplit('=', 1)[-1]}"
    title = video["title"].replace('"', "&quot;")
    return (
        f'<figure class="video">\n<iframe src="{src}" title="{title}" loading="lazy" '
        'allow="fullscreen; picture-in-picture" allowfullscreen></iframe>\n'
        f'<figcaption>{video["title"]}, video by <a href="{video["credit_url"]}">'
        f"{video['credit']}</a></figcaption>\n</figure>"
    )


def _indented(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.rstrip().split("\n"))


def tip_body_markdown(
    tip: SyntheticTip, *, excerpt_marker: bool = False, link: str = "{slug}.md", up: str = "../"
) -> str:
    """The tip as one Markdown page. link: how a link to another tip is written; up: the way
    from the page's folder to docs/ (for the poster)."""
    data = tip.data

    def links(text: str) -> str:
        return _INTERNAL_RE.sub(lambda m: link.format(slug=m.group(1)), text).rstrip()

    cue = data["cue"]
    parts = [f"# {data['title']}", data["summary"]]
    if excerpt_marker:
        parts.append("<!-- more -->")
    say = f'\n\n    "{cue["say"]}"' if "say" in cue else ""
    parts.append(f'!!! tip "Cue: {cue["name"]}"{say}')
    if "intro" in data:
        parts.append(links(data["intro"]))
    if "video" in data:
        if "poster" in data["video"]:
            parts.append(f"![{data['video']['title']}]({up}{data['video']['poster']})")
        parts.append(_video_html(data["video"]))
    for section in data["rationale"]:
        parts.append(f"## {section['heading']}")
        parts.append(links(section["body"]))
    if "faults" in data:
        parts.append("## Common faults")
        for fault in data["faults"]:
            parts.append(f"### {fault['name']}")
            parts.append(fault["fix"].rstrip())
    if "drill" in data:
        drill = data["drill"]
        parts.append(f"## Drill: {drill['name']}")
        parts.append("\n".join(f"{i}. {step}" for i, step in enumerate(drill["steps"], 1)))
        parts.append(f"**Dose:** {drill['dose']}")
    if "muscles" in data:
        parts.append(f"**Muscles involved:** {', '.join(data['muscles'])}")
    for note in data.get("notes", []):
        parts.append(f"!!! {note['kind']}\n\n{_indented(note['text'])}")
    return "\n\n".join(parts) + "\n"


def _front_matter(values: dict[str, Any]) -> str:
    lines = ["---"]
    for key, value in values.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines.extend(f"  - {_scalar(item)}" for item in value)
        else:
            lines.append(f"{key}: {_scalar(value)}")
    return "\n".join([*lines, "---", ""]) + "\n"


def tip_to_plain_page(tip: SyntheticTip) -> str:
    meta: dict[str, Any] = {"description": tip.data["summary"]}
    if tip.data.get("tags"):
        meta["tags"] = tip.data["tags"]
    return _front_matter(meta) + tip_body_markdown(tip)


def tip_to_blog_post(tip: SyntheticTip) -> str:
    tags = tip.data.get("tags", [])
    meta: dict[str, Any] = {"date": tip.day, "slug": tip.slug, "description": tip.data["summary"]}
    if tags:
        meta["categories"] = tags[:1]
        meta["tags"] = tags
    return _front_matter(meta) + tip_body_markdown(
        tip, excerpt_marker=True, link="{slug}.md", up="../../"
    )


# ---------------------------------------------------------------------------------------------
# mkdocs.yml: read the repo's (keeping `!!python/...` and `!ENV` tags as they are)


@dataclass(frozen=True)
class _Tagged:
    tag: str
    value: Any


class _KeepTagsLoader(yaml.SafeLoader):
    pass


class _KeepTagsDumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        return _Tagged(tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(tag, loader.construct_sequence(node, deep=True))
    return _Tagged(tag, loader.construct_mapping(node, deep=True))


def _represent_tagged(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_KeepTagsLoader.add_multi_constructor("!", _construct_tagged)
_KeepTagsLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_KeepTagsDumper.add_representer(_Tagged, _represent_tagged)


def dump_config(config: dict[str, Any]) -> str:
    return yaml.dump(config, Dumper=_KeepTagsDumper, sort_keys=False, allow_unicode=True)


def load_repo_config(repo: Path) -> dict[str, Any] | None:
    path = repo / "mkdocs.yml"
    if not path.is_file():
        return None
    loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_KeepTagsLoader)
    return loaded if isinstance(loaded, dict) else None


_DEFAULT_THEME: dict[str, Any] = {
    "name": "material",
    "features": ["navigation.footer", "content.code.copy", "search.suggest"],
}
_DEFAULT_EXTENSIONS: list[Any] = [
    "admonition",
    "attr_list",
    "md_in_html",
    {"toc": {"permalink": True}},
]


def _plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def _shared_settings(repo_config: dict[str, Any] | None) -> dict[str, Any]:
    """Theme, Markdown extensions and plugins the comparison sites share with runform's site."""
    base = repo_config or {}
    theme = dict(base.get("theme") or _DEFAULT_THEME)
    theme.pop("custom_dir", None)  # the repo's overrides do not exist in the work dir
    plugins = [p for p in base.get("plugins", ["search", "tags"]) if _plugin_name(p) != "blog"]
    if not any(_plugin_name(p) == "search" for p in plugins):
        plugins.insert(0, "search")
    return {
        "theme": theme,
        "markdown_extensions": base.get("markdown_extensions", _DEFAULT_EXTENSIONS),
        "plugins": plugins,
    }


def _runform_config(repo: Path, repo_config: dict[str, Any] | None) -> dict[str, Any]:
    hook = str(repo / HOOK_RELPATH)
    if repo_config is None:
        return {
            "site_name": "Runform bench",
            "site_url": "https://example.com/",
            "theme": _DEFAULT_THEME,
            "markdown_extensions": _DEFAULT_EXTENSIONS,
            "plugins": ["search", "tags"],
            "hooks": [hook],
            "watch": ["tips"],
            "nav": [{"Home": "index.md"}, {"About": "about.md"}, {"Tags": "tags.md"}],
        }
    config = dict(repo_config)
    config["hooks"] = [
        str(repo / h) if not Path(h).is_absolute() and (repo / h).exists() else h
        for h in config.get("hooks", [HOOK_RELPATH])
    ]
    if hook not in config["hooks"]:
        config["hooks"].append(hook)
    watch = []
    for item in config.get("watch", ["tips"]):
        # tips/ is the project's own; other paths (templates) stay the repo's
        watch.append(item if item.rstrip("/") == "tips" else str(repo / item))
    config["watch"] = watch
    theme = dict(config.get("theme") or _DEFAULT_THEME)
    if isinstance(theme.get("custom_dir"), str) and (repo / theme["custom_dir"]).exists():
        theme["custom_dir"] = str(repo / theme["custom_dir"])
    config["theme"] = theme
    for key in ("docs_dir", "site_dir", "repo_url", "edit_uri", "repo_name"):
        config.pop(key, None)
    return config


# ---------------------------------------------------------------------------------------------
# Writing the three projects

_ABOUT = (
    "# About\n\nA weekly running-technique tip: one movement, why it matters, the faults to "
    "watch for and a drill to practise it.\n"
)
_TAGS_PAGE = "# Tags\n\n<!-- material/tags -->\n"


@dataclass(frozen=True)
class Projects:
    n: int
    seed: int
    shape: Shape
    runform: Path  # each is the project's mkdocs.yml
    plain: Path
    blog: Path | None  # written only when asked for
    tips: tuple[SyntheticTip, ...]

    def config(self, tool: str) -> Path:
        path = {"runform": self.runform, "plain": self.plain, "blog": self.blog}[tool]
        if path is None:
            raise ValueError(f"no {tool} project was written")
        return path


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _write_posters(docs: Path, tips: list[SyntheticTip]) -> None:
    for tip in tips:
        if tip.poster_colour is not None:
            path = docs / tip.data["video"]["poster"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(poster_jpeg(tip.poster_colour))


def _write_runform(root: Path, tips: list[SyntheticTip], repo: Path) -> Path:
    repo_config = load_repo_config(repo)
    repo_docs = repo / "docs"
    if repo_config is not None and repo_docs.is_dir() and any(repo_docs.iterdir()):
        shutil.copytree(repo_docs, root / "docs")
    else:
        _write(root / "docs/index.md", "# Running form\n\nA new technique tip every Friday.\n")
        _write(root / "docs/about.md", _ABOUT)
        _write(root / "docs/tags.md", _TAGS_PAGE)
    for tip in tips:
        text = tip_to_yaml(tip.data)
        if tip.index == 0:  # cheap guard: the YAML we write reads back as the data we meant
            assert yaml.safe_load(text) == tip.data, tip.filename
        _write(root / "tips" / tip.filename, text)
    _write_posters(root / "docs", tips)
    config = root / "mkdocs.yml"
    _write(config, dump_config(_runform_config(repo, repo_config)))
    return config


def _site_config(name: str, shared: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "site_name": name,
        "site_url": "https://example.com/",
        **shared,
        **extra,
    }


def _home_listing(tips: list[SyntheticTip], link: str) -> str:
    lines = ["# Running form", "", "A new technique tip every Friday.", ""]
    for tip in tips:
        target = link.format(slug=tip.slug)
        lines.append(f"- [{tip.data['title']}]({target}): {tip.data['summary']}")
    return "\n".join(lines) + "\n"


_PLAIN_HOME_TIPS = 6  # runform's home: the newest tip and `recent_count` (5) before it


def _booking_page(booking: dict[str, Any]) -> str:
    """runform's `extra.runform.booking` as the Markdown page a Material site would have."""
    lines = ["# Work with us", "", str(booking.get("text", "")), ""]
    lines.append(f"[{booking.get('label', 'Book a session')}]({booking.get('url', '#')})")
    if booking.get("assessment_text"):
        lines += ["", str(booking["assessment_text"]), ""]
        lines.append(f"[{booking.get('assessment_label')}]({booking.get('assessment_url')})")
    return "\n".join(lines) + "\n"


def _write_plain(
    root: Path,
    tips: list[SyntheticTip],
    shared: dict[str, Any],
    repo: Path,
    repo_config: dict[str, Any] | None,
) -> Path:
    """The same site around the tips as runform's project: the repo's own pages (docs/) and
    nav when it has them; a home page with the newest tips, an "All tips" page listing every
    tip (runform's archive) and a booking page (runform's `booking` setting, as Markdown)."""
    repo_docs = repo / "docs"
    if repo_config is not None and repo_docs.is_dir() and any(repo_docs.iterdir()):
        shutil.copytree(repo_docs, root / "docs")
    else:
        _write(root / "docs/about.md", _ABOUT)
        _write(root / "docs/tags.md", _TAGS_PAGE)
    home = _home_listing(tips[:_PLAIN_HOME_TIPS], "tips/{slug}.md")
    _write(root / "docs/index.md", home + "\n[All tips](tips/index.md)\n")
    archive = _home_listing(tips, "{slug}.md").replace("# Running form", "# All tips", 1)
    _write(root / "docs/tips/index.md", archive)
    booking = ((repo_config or {}).get("extra") or {}).get("runform", {}).get("booking")
    if isinstance(booking, dict):
        _write(root / "docs/book.md", _booking_page(booking))
    for tip in tips:
        _write(root / "docs/tips" / f"{tip.slug}.md", tip_to_plain_page(tip))
    _write_posters(root / "docs", tips)
    nav = (repo_config or {}).get("nav")
    if not nav or not all(
        (root / "docs" / page).is_file() for item in nav for page in item.values()
    ):
        nav = [{"Home": "index.md"}, {"All tips": "tips/index.md"}, {"About": "about.md"}]
        nav.append({"Tags": "tags.md"})
    config = root / "mkdocs.yml"
    _write(
        config, dump_config(_site_config("Plain Material", shared, nav=nav, not_in_nav="/tips/\n"))
    )
    return config


def _write_blog(root: Path, tips: list[SyntheticTip], shared: dict[str, Any]) -> Path:
    _write(root / "docs/index.md", "# Running form\n\nA new technique tip every Friday.\n")
    _write(root / "docs/about.md", _ABOUT)
    _write(root / "docs/tags.md", _TAGS_PAGE)
    _write(root / "docs/blog/index.md", "# Tips\n")
    for tip in tips:
        _write(root / "docs/blog/posts" / f"{tip.slug}.md", tip_to_blog_post(tip))
    _write_posters(root / "docs", tips)
    plugins = [*shared["plugins"], "blog"]
    nav = [
        {"Home": "index.md"},
        {"Tips": "blog/index.md"},
        {"About": "about.md"},
        {"Tags": "tags.md"},
    ]
    config = root / "mkdocs.yml"
    _write(
        config, dump_config(_site_config("Material blog", {**shared, "plugins": plugins}, nav=nav))
    )
    return config


def write_projects(
    n: int, work_dir: Path, repo: Path = REPO, seed: int = DEFAULT_SEED, *, blog: bool = False
) -> Projects:
    """Write the projects for n tips of `seed` under work_dir/seed<seed>-N<n>/ (replacing what
    was there): runform and plain Material always, Material's blog plugin when `blog`."""
    tips = make_tips(n, seed)
    base = work_dir / f"seed{seed}-N{n}"
    if base.exists():
        shutil.rmtree(base)
    shared = _shared_settings(load_repo_config(repo))
    return Projects(
        n=n,
        seed=seed,
        shape=make_shape(seed),
        runform=_write_runform(base / "runform", tips, repo),
        plain=_write_plain(base / "plain", tips, shared, repo, load_repo_config(repo)),
        blog=_write_blog(base / "blog", tips, shared) if blog else None,
        tips=tuple(tips),
    )


def word_count(tip: SyntheticTip) -> int:
    text = tip_body_markdown(tip)
    return len(re.findall(r"[A-Za-z][A-Za-z'-]*", re.sub(r"<[^>]+>|\(http[^)]+\)", " ", text)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of tips")
    parser.add_argument("--out", type=Path, default=REPO / "bench/work")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--blog", action="store_true", help="also the Material blog project")
    args = parser.parse_args(argv)
    projects = write_projects(args.n, args.out, seed=args.seed, blog=args.blog)
    words = [word_count(t) for t in projects.tips]
    print(f"{args.n} tips of seed {args.seed}, {min(words)}-{max(words)} words each")
    print(f"shape: {projects.shape.describe()}")
    for tool in ("runform", "plain", "blog") if args.blog else ("runform", "plain"):
        print(f"{tool:8} {projects.config(tool)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
