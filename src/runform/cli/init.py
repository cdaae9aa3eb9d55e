"""`runform init [DIR]`: a new site project, from a few questions (or flags, or `--yes`).

Every answer is checked with the rule `extra.runform` applies to the same setting (a time zone
typo gets the same did-you-mean hint as in mkdocs.yml); a bad answer is asked again, or, from a
flag, refused. Nothing is overwritten: when a file it would write exists, `init` writes nothing
and says which.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Final
from zoneinfo import ZoneInfo

from runform import __version__, editor
from runform.cli.common import CommandError, add_command
from runform.content.paths import display_path
from runform.content.records import Weekday

DEFAULT_SPEC: Final = f"runform @ git+https://github.com/runform/runform@v{__version__}"
EXAMPLES: Final = """examples:
  runform init my-site                       asks a few questions
  runform init my-site --yes                 the defaults, no questions
  runform init my-site --yes --name "Stride Lab" --coach "Stride Lab Running" \\
      --timezone Europe/London --booking-url https://example.com/book

Writes mkdocs.yml (extra.runform filled in), the hook, the home and about pages, an example
tip for the next publish day, the publish workflow for GitHub Pages, requirements.txt (which
runform the workflow installs; --runform-spec sets it) and a README. It never overwrites a
file: when one of them exists, it writes nothing."""

Check = Callable[[str], str]  # an answer -> the value to use; raises _Refused


class _Refused(Exception):
    """An answer a setting's rule refuses; the message is the rule's own words."""


@dataclass(frozen=True)
class Question:
    name: str  # the flag and the StarterAnswers field: --site-name -> site_name
    prompt: str
    default: Callable[[dict[str, str]], str]
    check: Check
    asked: Callable[[dict[str, str]], bool] = lambda answers: True


def _setting_check(build: Callable[[str], dict[str, Any]], key: str) -> Check:
    """Check an answer by validating the settings it would make, with the settings' rules."""

    def check(value: str) -> str:
        from runform.content.settings import SiteSettings  # pydantic: only for init
        from runform.content.validation import validate_document

        _settings, problems = validate_document(SiteSettings, build(value), path=key, positions={})
        if problems:
            first = problems[0]
            raise _Refused(first.message + (f" ({first.hint})" if first.hint else ""))
        return value

    return check


def _text(label: str, limit: int) -> Check:
    def check(value: str) -> str:
        value = " ".join(value.split())
        if not value:
            raise _Refused(f"{label} is empty (write a value)")
        if len(value) > limit:
            raise _Refused(f"{label} must be {limit} characters or fewer")
        return value

    return check


def _optional(check: Check) -> Check:
    return lambda value: check(value) if value.strip() else ""


def _site_url(value: str) -> str:
    value = value.strip()
    if not value.startswith(("https://", "http://")) or "." not in value.split("/")[2]:
        raise _Refused(
            f"'{value}' is not a web address (use https://USER.github.io/REPO/ or your domain)"
        )
    return value if value.endswith("/") else value + "/"


def _repo(value: str) -> str:
    value = value.strip().removeprefix("https://github.com/").strip("/")
    owner, _, name = value.partition("/")
    if (
        not owner
        or not name
        or "/" in name
        or not all(c.isalnum() or c in "-_." for c in owner + name)
    ):
        raise _Refused(f"'{value}' is not a GitHub repository (write OWNER/NAME)")
    return value


_PROVIDER_CHECK: Final = _setting_check(lambda v: {"comments": {"provider": v}}, "--comments")


def _comments(value: str) -> str:
    """none, giscus or isso; anything else gets the settings' own refusal."""
    value = value.strip().lower()
    return value if value in ("none", "giscus", "isso") else _PROVIDER_CHECK(value)


def _none(answers: dict[str, str]) -> str:
    return ""


def material_languages() -> frozenset[str]:
    """The languages Material for MkDocs translates its theme into (`theme.language`), read
    from its templates folder without importing it."""
    spec = find_spec("material")
    folders = list(spec.submodule_search_locations or []) if spec else []
    return frozenset(
        path.stem
        for folder in folders
        for path in (Path(folder) / "templates" / "partials" / "languages").glob("*.html")
        if path.stem != "custom"
    )


def _language(value: str) -> str:
    value = value.strip()
    known = material_languages()
    if value not in known:
        close = sorted(code for code in known if code.split("-")[0] == value.split("-")[0][:2])
        hint = f"did you mean '{close[0]}'?" if close else "use a code such as en, fr or pt-BR"
        raise _Refused(f"'{value}' is not a language Material for MkDocs knows ({hint})")
    return value


def machine_timezone(env: dict[str, str] | os._Environ[str] = os.environ) -> str:
    """This machine's IANA time zone name (TZ, /etc/timezone or /etc/localtime), else UTC."""
    candidates = [env.get("TZ", "").lstrip(":")]
    timezone_file = Path("/etc/timezone")
    if timezone_file.is_file():
        candidates.append(timezone_file.read_text(encoding="utf-8").strip())
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        candidates.append(str(localtime.readlink()).partition("zoneinfo/")[2])
    for name in candidates:
        try:
            if name:
                ZoneInfo(name)
                return name
        except (ValueError, KeyError, OSError):
            continue
    return "UTC"


QUESTIONS: Final = (
    Question("name", "Site name", lambda a: "Running Form Friday", _text("the site name", 80)),
    Question("coach", "Coach or clinic name", lambda a: a["name"], _text("the coach name", 80)),
    Question("site_url", "Site address (empty: set it later)", lambda a: "", _optional(_site_url)),
    Question(
        "timezone",
        "Time zone",
        lambda a: machine_timezone(),
        _setting_check(lambda v: {"timezone": v}, "--timezone"),
    ),
    Question(
        "weekday",
        "Publish weekday",
        lambda a: "friday",
        _setting_check(lambda v: {"publish_weekday": v.strip().lower()}, "--weekday"),
    ),
    Question("language", "Language (theme.language)", lambda a: "en", _language),
    Question(
        "booking_url",
        "Booking page address (empty: none)",
        lambda a: "",
        _optional(_setting_check(lambda v: {"booking": {"url": v}}, "--booking-url")),
    ),
    Question(
        "assessment_url",
        "Video assessment address (empty: none)",
        lambda a: "",
        _optional(
            _setting_check(
                lambda v: {"booking": {"url": "https://x.example/", "assessment_url": v}},
                "--assessment-url",
            )
        ),
        asked=lambda a: bool(a.get("booking_url")),
    ),
    Question(
        "repo", "GitHub repository, OWNER/NAME (empty: none yet)", lambda a: "", _optional(_repo)
    ),
    Question("comments", "Comments: none, giscus or isso", lambda a: "none", _comments),
    Question(
        "giscus_repo_id",
        "giscus repo_id (from giscus' configuration page)",
        lambda a: "",
        _text("giscus repo_id", 120),
        asked=lambda a: a.get("comments") == "giscus",
    ),
    Question(
        "giscus_category",
        "giscus category",
        lambda a: "Comments",
        _text("giscus category", 120),
        asked=lambda a: a.get("comments") == "giscus",
    ),
    Question(
        "giscus_category_id",
        "giscus category_id",
        lambda a: "",
        _text("giscus category_id", 120),
        asked=lambda a: a.get("comments") == "giscus",
    ),
    Question(
        "isso_url",
        "Isso server address",
        lambda a: "",
        _setting_check(
            lambda v: {"comments": {"provider": "isso", "isso": {"url": v}}}, "--isso-url"
        ),
        asked=lambda a: a.get("comments") == "isso",
    ),
    Question(
        "runform_spec",
        "runform for the publish workflow",
        lambda a: DEFAULT_SPEC,
        _text("the spec", 300),
    ),
)


def _ask(question: Question, answers: dict[str, str]) -> str:
    default = question.default(answers)
    while True:
        shown = f" [{default}]" if default else ""
        print(f"{question.prompt}{shown}: ", end="", flush=True)
        line = sys.stdin.readline()
        if not line:  # end of input: the default, as --yes would
            print()
            return question.check(default)
        try:
            return question.check(line.strip() or default)
        except _Refused as refusal:
            print(f"  {refusal}; try again.", flush=True)


def gather_answers(args: argparse.Namespace) -> dict[str, str]:
    """Each question's answer: its flag, else (with --yes) its default, else asked."""
    answers: dict[str, str] = {}
    for question in QUESTIONS:
        if not question.asked(answers):
            answers[question.name] = ""
            continue
        given = getattr(args, question.name, None)
        try:
            if given is not None:
                answers[question.name] = question.check(given)
            elif args.yes:
                answers[question.name] = question.check(question.default(answers))
            else:
                answers[question.name] = _ask(question, answers)
        except _Refused as refusal:
            flag = "--" + question.name.replace("_", "-")
            raise CommandError(f"{flag}: {refusal}") from None
        if question.name == "comments":
            answers["comments"] = answers["comments"].strip().lower()
        if question.name == "weekday":
            answers["weekday"] = answers["weekday"].strip().lower()
    if answers["comments"] == "giscus" and not answers["repo"]:
        raise CommandError(
            "--comments giscus needs --repo OWNER/NAME (giscus uses its Discussions)"
        )
    return answers


def editor_signing_in() -> str:
    """The coach's steps to sign in to the published site's editor (for the site's README)."""
    return (Path(editor.__file__).parent / "SIGNING_IN.md").read_text(encoding="utf-8").strip()


def run(args: argparse.Namespace) -> int:
    from runform.content.scaffold import next_free_publish_day
    from runform.site.starter import StarterAnswers, starter_files  # Jinja: only for init

    folder = Path(args.dir).resolve()
    answers = gather_answers(args)
    weekday = Weekday(answers["weekday"])
    today = datetime.now(UTC).astimezone(ZoneInfo(answers["timezone"])).date()
    repo = answers["repo"]
    starter = StarterAnswers(
        site_name=answers["name"],
        coach=answers["coach"],
        site_url=answers["site_url"],
        timezone=answers["timezone"],
        weekday=weekday,
        language=answers["language"],
        booking_url=answers["booking_url"],
        assessment_url=answers["assessment_url"],
        comments=answers["comments"],
        version=__version__,
        runform_spec=answers["runform_spec"],
        repo_url=f"https://github.com/{repo}" if repo else "",
        giscus_repo=repo,
        giscus_repo_id=answers["giscus_repo_id"],
        giscus_category=answers["giscus_category"],
        giscus_category_id=answers["giscus_category_id"],
        isso_url=answers["isso_url"],
        signing_in=editor_signing_in() if repo else "",
    )
    files = starter_files(starter, next_free_publish_day(today, weekday, ()))
    existing = sorted(path for path in files if (folder / path).exists())
    if existing:
        raise CommandError(
            f"{folder} already has {', '.join(existing)}; nothing was written "
            "(run runform init in a new folder)"
        )
    for path, text in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as file:  # "x": never over an existing file
            file.write(text)
    shown = display_path(folder, Path.cwd())
    print(f"Created a runform {__version__} site in {shown}:")
    for path in files:
        print(f"  {path}")
    print(
        ("Next: runform serve" if shown == "." else f"Next: cd {shown} && runform serve")
        + '   (then runform new "Your first cue")\n'
        f"requirements.txt says which runform the publish workflow installs: "
        f"{answers['runform_spec']}"
    )
    return 0


def register(commands: Any) -> None:
    parser = add_command(commands, "init", "start a new site project in DIR", EXAMPLES, run)
    parser.add_argument("dir", nargs="?", default=".", metavar="DIR", help="default: here")
    parser.add_argument("--yes", "-y", action="store_true", help="take the defaults, ask nothing")
    flags = {
        "name": "the site's name",
        "coach": "the coach's or clinic's name",
        "site_url": "the site's address, e.g. https://USER.github.io/REPO/",
        "timezone": "IANA time zone, e.g. Europe/London (default: this machine's)",
        "weekday": "the publish weekday (default friday)",
        "language": "theme.language, e.g. en, fr, pt-BR",
        "booking_url": "where readers book a session",
        "assessment_url": "where readers send a video for assessment",
        "repo": "the site's GitHub repository, OWNER/NAME",
        "comments": "none, giscus or isso",
        "giscus_repo_id": "giscus: repo_id",
        "giscus_category": "giscus: category",
        "giscus_category_id": "giscus: category_id",
        "isso_url": "isso: the server's address",
        "runform_spec": "what requirements.txt installs (default: this version's release)",
    }
    for name, text in flags.items():
        parser.add_argument("--" + name.replace("_", "-"), dest=name, metavar="VALUE", help=text)
