"""A new coach's project, as files: what `runform init` writes (the site template).

The files are Jinja templates in the package's `site_template/` folder (shipped in the
wheel); `starter_files` renders them from the coach's answers into a mapping of project path
-> text. It writes nothing and decides nothing about the answers' validity: the command
checks each answer against the settings' own rules first.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Final

from runform.content.records import Weekday
from runform.content.tip_schema import SCHEMA_COMMENT, SCHEMA_PATH, tip_schema_text
from runform.site.dates import babel_locale
from runform.site.render import render_starter

# project path -> template in site_template/
STARTER_FILES: Final = {
    "mkdocs.yml": "mkdocs.yml.j2",
    "requirements.txt": "requirements.txt.j2",
    "README.md": "README.md.j2",
    ".gitignore": "gitignore.j2",
    ".github/workflows/publish.yml": "workflows/publish.yml.j2",
    "hooks/runform_hooks.py": "hooks/runform_hooks.py.j2",
    "docs/index.md": "docs/index.md.j2",
    "docs/about.md": "docs/about.md.j2",
    "docs/tags.md": "docs/tags.md.j2",
}
PUBLISH_MINUTE_HOUR: Final = "17 5"  # 05:17 UTC: already the publish day from London to Sydney


@dataclass(frozen=True)
class StarterAnswers:
    """The coach's answers, each already checked by the settings' rules."""

    site_name: str
    coach: str
    site_url: str  # "" when not known yet
    timezone: str
    weekday: Weekday
    language: str
    booking_url: str  # "" for none
    assessment_url: str
    comments: str  # none, giscus or isso
    version: str  # the runform writing the site
    runform_spec: str  # what requirements.txt installs
    hashtag: str = "#RunFormFriday"
    repo_url: str = ""
    giscus_repo: str = ""
    giscus_repo_id: str = ""
    giscus_category: str = ""
    giscus_category_id: str = ""
    isso_url: str = ""
    signing_in: str = ""  # the editor's sign-in steps for the README, when the editor ships


def cron_for(weekday: Weekday) -> str:
    """GitHub's cron line for the publish weekday (cron counts 0 = Sunday; Python 0 = Monday)."""
    return f"{PUBLISH_MINUTE_HOUR} * * {(weekday.index + 1) % 7}"


def starter_files(answers: StarterAnswers, first_day: date) -> dict[str, str]:
    """Every file of a new project, by its path in the project: the settings, the hook, the
    pages, the workflow, the README, the tip schema and an example tip dated `first_day`."""
    weekday_name = answers.weekday.value.capitalize()
    context = {
        **asdict(answers),
        "weekday": answers.weekday.value,
        "weekday_name": weekday_name,
        "description": f"{answers.hashtag}: one running-technique tip every {weekday_name}.",
        "cron": cron_for(answers.weekday),
    }
    files = {path: render_starter(template, **context) for path, template in STARTER_FILES.items()}
    files[SCHEMA_PATH.as_posix()] = tip_schema_text()
    files["docs/images/.gitkeep"] = ""  # posters, and what the web editor uploads
    day_label = babel_locale("en").days["format"]["wide"][first_day.weekday()]
    files[f"tips/{first_day.isoformat()}-heel-pick-up.yml"] = render_starter(
        "tips/example.yml.j2",
        schema_comment=SCHEMA_COMMENT,
        day=first_day.isoformat(),
        day_label=f"{day_label} {first_day.isoformat()}",
        coach_yaml=answers.coach.replace("\\", "\\\\").replace('"', '\\"'),
    )
    return files
