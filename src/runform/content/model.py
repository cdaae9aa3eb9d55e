"""The tip format as pydantic models. Field names are exactly the YAML keys.

Each field's kind (what it accepts, how it is refused) comes from `fields.py`, shared with the
settings model; the descriptions here feed the JSON Schema and `runform new`'s comments.
"""

from __future__ import annotations

from typing import Annotated, Any, Final, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag

from runform.content.fields import (
    Flag,
    HttpUrl,
    LinkUrl,
    LocalImage,
    Markdown,
    Phrase,
    PublishDate,
    Slug,
    StartSeconds,
    Summary,
    TagName,
    Title,
    VideoUrl,
    boolean,
    line_validator,
)
from runform.content.fields import Line as Line
from runform.content.records import NoteKind as NoteKind
from runform.content.records import VideoAddress


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Cue(_Strict):
    name: Annotated[str, line_validator(60)] = Field(
        description="The technique cue: a short name for the movement. Up to 60 characters.",
        examples=["Heel Pull"],
    )
    say: Phrase | None = Field(
        None,
        description="Optional: a short phrase the runner repeats to themselves while running.",
        examples=["Heel up, under the hip"],
    )


class RationaleSection(_Strict):
    heading: Line = Field(
        description="The section's heading, shown as a ## heading. One line.",
        examples=["Why master the movement?"],
    )
    body: Markdown = Field(
        description="The section's text, in Markdown (emphasis, lists, links).",
        examples=["Picking the foot up under the hip brings the **hamstrings** into the swing."],
    )


class Fault(_Strict):
    name: Line = Field(
        description="What the runner does wrong, in a few words. One line.",
        examples=["Flicking the foot back"],
    )
    fix: Markdown = Field(
        description="How to fix it, in Markdown.",
        examples=["Think *up*, not *back*: the heel travels straight up under the hip."],
    )


class Drill(_Strict):
    name: Line = Field(
        description="The drill's name. One line.", examples=["Wall-supported heel pulls"]
    )
    steps: tuple[Markdown, ...] = Field(
        min_length=1,
        description="The drill's steps, one list item each, in Markdown. At least one.",
        examples=[["Stand tall side-on to a wall.", "Pull the outside heel up under the hip."]],
    )
    dose: Line | None = Field(
        None,
        description="Optional: how much and when, such as sets and repetitions.",
        examples=["2 sets of 10 pulls each leg, before an easy run"],
    )


class Note(_Strict):
    kind: NoteKind = Field(
        NoteKind.NOTE,
        description="How the callout looks: note (the default), tip or warning.",
        examples=["tip"],
    )
    text: Markdown = Field(
        description="The callout's text, in Markdown.",
        examples=["We are not POSE Technique coaches."],
    )


class Video(VideoAddress, _Strict):
    url: VideoUrl = Field(
        description="The video's address on YouTube or Vimeo, as copied from the browser.",
        examples=["https://www.youtube.com/watch?v=aaaaaaaaaaa"],
    )
    title: Line = Field(
        description="What the video shows; its name for screen readers. One line.",
        examples=["Heel pull drill, demonstrated by Jeff Grant"],
    )
    credit: Line | None = Field(
        None,
        description="Who made the video, shown under it. `runform check` warns when it is missing.",
        examples=["Jeff Grant, Hillseeker Fitness"],
    )
    credit_url: HttpUrl | None = Field(
        None,
        description="Optional: a web address the credit links to (https://…).",
        examples=["https://example.com/jeff-grant"],
    )
    start: StartSeconds | None = Field(
        None,
        description="Optional: where the video starts, in seconds (90), m:ss or h:mm:ss ('1:30').",
        examples=["1:30"],
    )
    poster: LocalImage | None = Field(
        None,
        description="Optional: a still image shown before the video plays, a path under docs/.",
        examples=["images/heel-pull.jpg"],
    )


class CallToAction(_Strict):
    text: Line = Field(
        description="The sentence above the button. One line.",
        examples=["Struggling with your heel pull? Book a form check."],
    )
    label: Annotated[str, line_validator(40)] = Field(
        description="The button's words. Up to 40 characters.",
        examples=["Book a form check"],
    )
    url: LinkUrl = Field(
        description="Where the button goes: https://…, mailto:… or a site path such as /about/.",
        examples=["https://example.com/book"],
    )


def _cta_kind(value: Any) -> str:
    return "action" if isinstance(value, dict | CallToAction) else "flag"


CtaChoice = Annotated[
    Union[  # noqa: UP007 (pydantic needs the tagged members inside a typing.Union)
        Annotated[bool, BeforeValidator(boolean), Tag("flag")],
        Annotated[CallToAction, Tag("action")],
    ],
    Discriminator(_cta_kind),
]


class Tip(_Strict):
    title: Title = Field(
        description="The tip's title. One line, up to 90 characters.", examples=["Heel Pick Up"]
    )
    date: PublishDate = Field(
        description="The publish day, YYYY-MM-DD; the same date starts the file name.",
        examples=["2026-11-27"],
    )
    summary: Summary = Field(
        description="One or two sentences on what the reader gains, shown on cards, in feeds and"
        " to search engines. One line, up to 240 characters; keep it under 160.",
        examples=["Pull the heel up under the hip so your hamstrings share the work of the swing."],
    )
    cue: Cue = Field(
        description="The technique cue: its name, and optionally a phrase to say.",
        examples=[{"name": "Heel Pull", "say": "Heel up, under the hip"}],
    )
    rationale: tuple[RationaleSection, ...] = Field(
        min_length=1,
        description="Why it matters: one or more sections, each a heading and a Markdown body.",
        examples=[
            [{"heading": "Why master the movement?", "body": "It brings in the hamstrings."}]
        ],
    )
    slug: Slug | None = Field(
        None,
        description="Optional: the page address (/tips/<slug>/); by default the file name's.",
        examples=["heel-pick-up"],
    )
    draft: Flag = Field(
        False,
        description="true keeps the tip out of the site (only the preview shows it).",
        examples=[True],
    )
    teaser: Line | None = Field(
        None,
        description="Optional: one line shown on the home page while this tip is next up.",
        examples=["Lift the heel, not the knee: a hamstring cue for a lighter swing."],
    )
    intro: Markdown | None = Field(
        None,
        description="Optional: an opening paragraph shown under the cue box, in Markdown.",
        examples=["The **Heel Pull** is one of the cues runners find hardest at first."],
    )
    tags: tuple[TagName, ...] = Field(
        (),
        description="Topics for the Tags page, each up to 40 characters. `check` warns when empty.",
        examples=[["swing phase", "hamstrings", "drills"]],
    )
    muscles: tuple[Line, ...] = Field(
        (),
        description="Optional: the muscles the tip works, listed under 'Muscles involved'.",
        examples=[["Hamstrings", "Hip flexors"]],
    )
    video: Video | None = Field(
        None,
        description="Optional: a YouTube or Vimeo video shown with the tip.",
        examples=[{"url": "https://youtu.be/aaaaaaaaaaa", "title": "Heel pull drill"}],
    )
    faults: tuple[Fault, ...] = Field(
        (),
        description="Optional: common faults, each a name and a Markdown fix.",
        examples=[[{"name": "Flicking the foot back", "fix": "Think *up*, not *back*."}]],
    )
    drill: Drill | None = Field(
        None,
        description="Optional: one drill to practise the cue: a name, steps and a dose.",
        examples=[{"name": "Wall-supported heel pulls", "steps": ["Stand tall by a wall."]}],
    )
    notes: tuple[Note, ...] = Field(
        (),
        description="Optional: callouts at the end, each of kind note, tip or warning.",
        examples=[[{"kind": "note", "text": "We are not POSE Technique coaches."}]],
    )
    comments: Flag = Field(
        True, description="false turns comments off for this tip.", examples=[False]
    )
    cta: CtaChoice = Field(
        True,
        description="The booking block at the end: true (the site's), false (none), or this"
        " tip's own text, label and url.",
        examples=[False, {"text": "Book a form check.", "label": "Book", "url": "/about/"}],
    )


TIP_KEYS: Final = frozenset(Tip.model_fields)
