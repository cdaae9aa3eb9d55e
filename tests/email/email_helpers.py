"""Shared by the email tests: a coach's project with the email edition set up, and the
parsed parts of a written `.eml`."""

from __future__ import annotations

import email
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from cli_runner import runform
from lxml import html as lxml_html

from conftest import Project, new_project

SITE_URL = "https://coach.example/"
LIST_ADDRESS = "list@lists.coach.example"
SENDER = "coach@coach.example"


def email_settings(**overrides: Any) -> dict[str, Any]:
    """`extra.runform.email` for the tests: a sender, a list address, SMTP on 127.0.0.1."""
    settings: dict[str, Any] = {
        "from_address": SENDER,
        "from_name": "Coach Sam",
        "to": [LIST_ADDRESS],
        "unsubscribe": "https://coach.example/unsubscribe/",
        "smtp": {"host": "127.0.0.1", "port": 2525, "security": "none"},
    }
    settings.update(overrides)
    return settings


def email_project(root: Path, tips: dict[str, str] | None = None, **kwargs: Any) -> Project:
    project = new_project(root, tips, example_tips=kwargs.pop("example_tips", True))
    project.set_extra({"email": email_settings(**kwargs)})
    return project


def write_email(project: Project, *args: str) -> Path:
    """`runform email ARGS --out emails` in the project; returns the folder."""
    out = project.root / "emails"
    result = runform(project.root, "email", *args, "--out", str(out))
    assert result.returncode == 0, f"runform email failed:\n{result.stdout}\n{result.stderr}"
    return out


@dataclass(frozen=True)
class ParsedEmail:
    raw: bytes
    message: EmailMessage
    text: str
    html: str

    @property
    def tree(self) -> Any:
        return lxml_html.document_fromstring(self.html)


def parse_eml(path: Path) -> ParsedEmail:
    raw = path.read_bytes()
    message = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    plain = message.get_body(("plain",))
    rich = message.get_body(("html",))
    assert plain is not None and rich is not None, f"{path.name}: a text and an HTML part"
    text = plain.get_content().replace("\r\n", "\n")  # the wire has CRLF line ends
    return ParsedEmail(raw, message, text, rich.get_content())
