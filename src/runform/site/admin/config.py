"""The editors' `config.yml`, generated from the tip model (the source of tip.schema.json too).

Contract: `tip_fields(strings)` walks `runform.content.model.Tip` and gives one editor field per
model field, in the order a coach writes (`scaffold.FIELD_ORDER`), nested fields in model order:

- label: the site's own word where `strings` has one (cue, faults, drill, dose, muscles, the
  note kinds), else an English label from `_LABELS`; hint: the field's description;
  required: the model's (an optional object's children are required only once it is used);
- widget by the field's type: one-line text `string` with a `pattern` holding its length and
  form rules, Markdown `text` (a plain text area: the editors' rich-text widgets rewrite the
  coach's Markdown), the date `datetime` storing `YYYY-MM-DD`, flags `boolean`, the note kind
  `select`, the poster `image`, tuples of models `list` with `fields`, tuples of text `list`
  with one `field`, models `object`;
- in `local_config` (Decap), the fields of an optional object (video, drill) are optional:
  Decap would demand them even with no video; runform's backend checks them on save;
- `cta` (true, false, or a tip's own text/label/url) is a `boolean` in the form: the editors
  have no widget for "a flag or an object"; an object written by hand is kept on save.

`local_config` is for Decap CMS under `runform edit` (runform's local backend, the site's
language for Decap's own words); `published_config` is for Sveltia CMS on the published
site (GitHub with a token; every text double-quoted and empty optional fields left out, so
what it commits reads back as the same text under runform's YAML rules). Both share the tips
collection: folder `tips`, `format: yml`, files `YYYY-MM-DD-slug.yml`, images in
`docs/images` referenced as `images/<file>` (relative to docs/, as `video.poster` expects).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from enum import Enum
from typing import Any, Final

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from runform.content import fields as kinds
from runform.content.model import Tip
from runform.content.scaffold import FIELD_ORDER
from runform.content.settings import Strings
from runform.site.admin.addresses import github_repo as github_repo

TIPS_FOLDER: Final = "tips"
MEDIA_FOLDER: Final = "docs/images"
PUBLIC_FOLDER: Final = "images"
LOCAL_API_PATH: Final = "/admin/api/v1"
PREVIEW_PATH: Final = "/admin/preview/"  # + a tip's file name without .yml: to its page
DATE_FORMAT: Final = "YYYY-MM-DD"

# English labels for the form; keys are dotted field paths. Where the site has its own word
# for the same thing (`strings`), `_STRING_LABELS` wins.
_LABELS: Final = {
    "title": "Title",
    "date": "Publish day",
    "summary": "Summary",
    "teaser": "Teaser",
    "tags": "Tags",
    "tags.item": "Tag",
    "intro": "Introduction",
    "cue": "Technique cue",
    "cue.name": "Cue",
    "cue.say": "Say to yourself",
    "video": "Video",
    "video.url": "Video address",
    "video.title": "What the video shows",
    "video.credit": "Credit",
    "video.credit_url": "Credit link",
    "video.start": "Start at",
    "video.poster": "Poster image",
    "rationale": "Why it matters",
    "rationale.heading": "Heading",
    "rationale.body": "Text",
    "faults": "Common faults",
    "faults.name": "Fault",
    "faults.fix": "Fix",
    "drill": "Drill",
    "drill.name": "Name",
    "drill.steps": "Steps",
    "drill.steps.item": "Step",
    "drill.dose": "Dose",
    "muscles": "Muscles involved",
    "muscles.item": "Muscle",
    "notes": "Notes",
    "notes.kind": "Kind",
    "notes.text": "Text",
    "slug": "Page address",
    "draft": "Draft",
    "comments": "Comments",
    "cta": "Booking block",
}
_STRING_LABELS: Final = {
    "cue": "cue",
    "cue.say": "cue_say",
    "faults": "common_faults",
    "faults.fix": "fix",
    "drill": "drill",
    "drill.dose": "dose",
    "muscles": "muscles",
}
_SINGULAR: Final = {
    "rationale": "section",
    "faults": "fault",
    "notes": "note",
    "tags": "tag",
    "muscles": "muscle",
    "drill.steps": "step",
}
# Rules the model checks that a form can check as the coach types (the model stays the judge).
_PATTERNS: Final = {
    "date": (r"^\d{4}-\d{2}-\d{2}$", "Write the day as YYYY-MM-DD."),
    "slug": (r"^[a-z0-9]+(-[a-z0-9]+)*$", "Lowercase letters, digits and single dashes."),
    "video.url": (
        r"^https?://([a-z]+\.)?(youtube\.com|youtu\.be|youtube-nocookie\.com|vimeo\.com)/",
        "A YouTube or Vimeo address, as copied from the browser.",
    ),
    "video.credit_url": (r"^https?://", "A web address starting with https://"),
    "video.start": (r"^[0-9][0-9:hms]*$", "Seconds (90), m:ss (1:30) or h:mm:ss."),
    "cta.url": (r"^(https?://|mailto:|/)", "https://…, mailto:… or a site path such as /about/"),
}
_PATTERN_SKIP: Final = {"video.poster"}  # the image widget fills it in


def _unwrap(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    """`X | None` -> X, `Annotated[T, ...]` -> T; the validators found on the way are added
    to `metadata` (pydantic keeps an optional field's validators inside its annotation)."""
    found = list(metadata)
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            base, *extra = typing.get_args(annotation)
            found.extend(extra)
            annotation = base
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return annotation, found
            annotation = members[0]
        else:
            return annotation, found


def _validator(kind: Any) -> Any:
    """The validator of one of `content.fields`' annotated kinds (Markdown, PublishDate, ...):
    a model field of that kind carries this very object in its metadata."""
    return typing.get_args(kind)[1]


# A field's widget, by the kind of field it is (`content.fields`); compared by equality, so
# the flag inside `cta`'s choice, which wraps the same function, counts as a Flag.
_KIND_VALIDATORS: Final = {
    "flag": _validator(kinds.Flag),
    "date": _validator(kinds.PublishDate),
    "image": _validator(kinds.LocalImage),
    "markdown": _validator(kinds.Markdown),
}


def _is(kind: str, metadata: list[Any]) -> bool:
    return _KIND_VALIDATORS[kind] in metadata


def _max_length(metadata: list[Any]) -> int | None:
    """The length a one-line text field allows (`fields.line_validator`), or None."""
    for item in metadata:
        length = kinds.line_length(item)
        if length is not None:
            return length
    return None


def _model(annotation: Any) -> type[BaseModel] | None:
    return (
        annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    )


def _label(key: str, strings: Strings) -> str:
    if key in _STRING_LABELS:
        return str(getattr(strings, _STRING_LABELS[key]))
    return _LABELS[key]


def _scalar_field(
    key: str, annotation: Any, metadata: list[Any], strings: Strings
) -> dict[str, Any]:
    if annotation is bool or _is("flag", metadata):
        return {"widget": "boolean"}
    if _is("date", metadata):
        return {
            "widget": "datetime",
            "format": DATE_FORMAT,
            "date_format": DATE_FORMAT,
            "time_format": False,
            "picker_utc": True,
        }
    if _is("image", metadata):
        return {"widget": "image"}
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return {
            "widget": "select",
            "options": [
                {"label": str(getattr(strings, member.value, member.value)), "value": member.value}
                for member in annotation
            ],
        }
    # Markdown gets a plain text area: the editors' rich-text widgets rewrite the Markdown.
    field: dict[str, Any] = {"widget": "text" if _is("markdown", metadata) else "string"}
    length = _max_length(metadata)
    if key in _PATTERNS:
        field["pattern"] = list(_PATTERNS[key])
    elif length is not None:
        field["pattern"] = [rf"^.{{1,{length}}}$", f"One line, up to {length} characters."]
    return field


def _field(name: str, info: FieldInfo, strings: Strings, prefix: str) -> dict[str, Any]:
    key = f"{prefix}{name}"
    field: dict[str, Any] = {"name": name, "label": _label(key, strings)}
    if info.description:
        field["hint"] = info.description
    required = info.is_required()
    annotation, metadata = _unwrap(info.annotation, info.metadata)
    if key == "cta":
        field.update(widget="boolean", default=True)
        field["hint"] = (
            "On: the site's booking block ends the tip; off: none. A tip's own text, label and"
            " address, written in its file, are kept."
        )
    elif typing.get_origin(annotation) is tuple:
        field["widget"] = "list"
        item, item_metadata = _unwrap(typing.get_args(annotation)[0], [])
        if (item_model := _model(item)) is not None:
            field["fields"] = _fields(item_model, strings, f"{key}.")
            field["label_singular"] = _SINGULAR.get(key, "item")
            field["summary"] = "{{fields." + next(iter(item_model.model_fields)) + "}}"
        else:
            sub = {"name": "item", "label": _label(f"{key}.item", strings)}
            sub.update(_scalar_field(f"{key}.item", item, item_metadata, strings))
            field["field"] = sub
            field["label_singular"] = _SINGULAR.get(key, "item")
            # a collapsed item shows its text ("hamstrings"), not the field's label ("Tag")
            field["summary"] = "{{fields.item}}"
        min_items = next((m.min_length for m in info.metadata if hasattr(m, "min_length")), None)
        if min_items:
            field["min"] = min_items
            required = True
    elif (sub_model := _model(annotation)) is not None:
        field["widget"] = "object"
        field["fields"] = _fields(sub_model, strings, f"{key}.")
        if not required:
            field["collapsed"] = True
    else:
        field.update(_scalar_field(key, annotation, metadata, strings))
        # A default only for the tip's own keys: Decap adds an item to an empty list whose
        # fields have defaults (an empty note would then be demanded); a note's kind left
        # unset is the model's default, `note`.
        if not prefix and not info.is_required() and info.default not in (None, ()):
            field["default"] = (
                info.default.value if isinstance(info.default, Enum) else info.default
            )
    field["required"] = bool(required)
    return field


def _fields(owner: type[BaseModel], strings: Strings, prefix: str = "") -> list[dict[str, Any]]:
    names = list(owner.model_fields)
    if owner is Tip:
        names = [*FIELD_ORDER, *(n for n in names if n not in FIELD_ORDER)]
    return [_field(name, owner.model_fields[name], strings, prefix) for name in names]


def tip_fields(strings: Strings | None = None) -> list[dict[str, Any]]:
    """Every field of a tip as editor fields (Decap/Sveltia `fields:`), labelled with
    `strings` (the site's words) where they have one."""
    return _fields(Tip, strings or Strings())


def _tips_collection(strings: Strings, *, preview_path: str = "") -> dict[str, Any]:
    collection: dict[str, Any] = {
        "name": "tips",
        "label": "Tips",
        "label_singular": "tip",
        "folder": TIPS_FOLDER,
        "format": "yml",
        "extension": "yml",
        "create": True,
        "identifier_field": "title",
        # {{slug}} is the title made into a slug; the file is tips/YYYY-MM-DD-<slug>.yml
        "slug": "{{fields.date}}-{{slug}}",
        "summary": "{{fields.date}} · {{title}}",
        "sortable_fields": ["date", "title"],
        "fields": tip_fields(strings),
    }
    if preview_path:
        collection["preview_path"] = preview_path
    return collection


def _relax_optional_objects(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Decap checks an optional object's required fields even when it is left empty (no
    video, no drill): there they are optional in the form, and runform's local backend,
    which refuses a tip with errors, says what a started video or drill still needs."""
    relaxed = []
    for field in fields:
        field = dict(field)
        if field["widget"] == "object" and not field["required"]:
            field["fields"] = [
                {**{k: v for k, v in child.items() if k != "min"}, "required": False}
                for child in field["fields"]
            ]
        relaxed.append(field)
    return relaxed


def local_config(
    strings: Strings | None = None, *, language: str = "en", editor_origin: str = ""
) -> dict[str, Any]:
    """Decap CMS's configuration for `runform edit`: runform's local backend on the same
    origin (`LOCAL_API_PATH`), and a link from each tip to its page in the preview, through
    the editor server's `PREVIEW_PATH` (a tip's page address is not its file name: the date
    is left out, and `slug:` may change it)."""
    config: dict[str, Any] = {
        "backend": {"name": "proxy", "proxy_url": LOCAL_API_PATH, "branch": "main"},
        "locale": language,
        "editor": {"preview": False},  # runform's preview shows the real page: PREVIEW_PATH
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
    }
    if editor_origin:
        config["site_url"] = editor_origin
        config["show_preview_links"] = True
    preview = PREVIEW_PATH.strip("/") + "/{{filename}}" if editor_origin else ""
    collection = _tips_collection(strings or Strings(), preview_path=preview)
    collection["fields"] = _relax_optional_objects(collection["fields"])
    config["collections"] = [collection]
    return config


def published_config(
    repo: str,
    strings: Strings | None = None,
    *,
    branch: str = "main",
    site_url: str = "",
) -> dict[str, Any]:
    """Sveltia CMS's configuration for the published site's /admin/: GitHub, signing in with
    a personal access token (no OAuth server), committing to `branch` of `repo`."""
    config: dict[str, Any] = {
        "backend": {"name": "github", "repo": repo, "branch": branch, "auth_methods": ["token"]},
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "output": {"omit_empty_optional_fields": True, "yaml": {"quote": "double"}},
    }
    if site_url:
        config["site_url"] = site_url
    config["collections"] = [_tips_collection(strings or Strings())]
    return config


def config_yaml(config: Mapping[str, Any]) -> str:
    """The configuration as the `config.yml` file the editors load."""
    header = "# Generated by runform from the tip format; rebuilt with the site. Do not edit.\n"
    return header + yaml.safe_dump(
        dict(config), sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
    )
