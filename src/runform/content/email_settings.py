"""`extra.runform.email`: the email edition's settings group.

Everything is off until configured: the subscribe form appears when `subscribe.form_url` is
set, and `runform email send` needs `from_address`, `to` and `smtp.host`. The SMTP password is
never a setting: it is read from the environment variable named by `smtp.password_env` (in the
publish workflow, a repository secret).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Final
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from runform.content.fields import HttpUrl, Line
from runform.content.records import SmtpSecurity

_ADDRESS: Final = re.compile(r"[^@\s<>,;\"()\[\]\\]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
_HOST: Final = re.compile(r"[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")
_ENV_NAME: Final = re.compile(r"[A-Z_][A-Z0-9_]{0,63}")
_FIELD_NAME: Final = re.compile(r"[A-Za-z0-9_\[\]-]{1,60}")
# The unsubscribe merge tags of the common list services, written as they document them:
# {{ unsubscribe_url }} (Buttondown, Kit), *|UNSUB|* (Mailchimp), {$unsubscribe} (MailerLite).
_MERGE_TAG: Final = re.compile(r"\{\{ ?[a-z_][a-z0-9_.]* ?\}\}|\*\|[A-Z_]+\|\*|\{\$[a-z_]+\}")


def _refuse(kind: str, message: str, hint: str) -> None:
    raise PydanticCustomError(f"runform_{kind}", message, {"hint": hint})


def _address(value: Any) -> str:
    text = str(value).strip()
    if not _ADDRESS.fullmatch(text):
        _refuse(
            "email_address", f"'{text}' is not an email address", "write it as name@example.com"
        )
    return text


def _host(value: Any) -> str:
    text = str(value).strip()
    if not _HOST.fullmatch(text) or ".." in text:
        _refuse("smtp_host", f"'{text}' is not a host name", "write it as smtp.example.com")
    return text


def _env_name(value: Any) -> str:
    text = str(value).strip()
    if not _ENV_NAME.fullmatch(text):
        _refuse(
            "env_name",
            f"'{text}' is not an environment variable name",
            "use capitals, digits and _, e.g. RUNFORM_SMTP_PASSWORD",
        )
    return text


def _field_name(value: Any) -> str:
    text = str(value).strip()
    if not _FIELD_NAME.fullmatch(text):
        _refuse("field_name", f"'{text}' is not a form field name", "copy it from the list's form")
    return text


def _unsubscribe(value: Any) -> str:
    text = str(value).strip()
    if _MERGE_TAG.fullmatch(text):
        return text
    parts = urlsplit(text)
    if parts.scheme in ("https", "http") and parts.hostname:
        return text
    if parts.scheme == "mailto" and "@" in parts.path:
        return text
    _refuse(
        "unsubscribe",
        f"'{text}' is neither an unsubscribe address nor a list service's merge tag",
        "use https://…, mailto:…, or your service's tag such as {{ unsubscribe_url }} or *|UNSUB|*",
    )
    return text


Address = Annotated[str, BeforeValidator(_address)]
HostName = Annotated[str, BeforeValidator(_host)]
EnvName = Annotated[str, BeforeValidator(_env_name)]
FieldName = Annotated[str, BeforeValidator(_field_name)]
Unsubscribe = Annotated[str, BeforeValidator(_unsubscribe)]


def is_merge_tag(unsubscribe: str) -> bool:
    """True for a list service's tag (`*|UNSUB|*`), False for an address (https:, mailto:)."""
    return bool(_MERGE_TAG.fullmatch(unsubscribe))


class _Group(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SmtpSettings(_Group):
    """Where `runform email send` hands the messages over: the coach's provider or list address."""

    host: HostName | None = None
    port: int = Field(default=587, ge=1, le=65535)
    security: SmtpSecurity = SmtpSecurity.STARTTLS
    user: Line | None = None  # no user: no login
    password_env: EnvName = "RUNFORM_SMTP_PASSWORD"  # the variable holding the password
    timeout: int = Field(default=60, ge=1, le=600)  # seconds per connection step


class SubscribeSettings(_Group):
    """The subscribe form on home, under each tip and on /subscribe/: a plain HTML form that
    posts to the list service's own form address, so nothing loads from it before a reader
    presses the button."""

    form_url: HttpUrl | None = None  # the `action` of the service's embed form
    email_field: FieldName = "email"  # Mailchimp: EMAIL; MailerLite: fields[email]


class EmailSettings(_Group):
    """The email edition: who sends it, to which list, and how readers subscribe.

    `to` is the list's posting address (or your provider's), one message per new tip;
    `unsubscribe` is an https:/mailto: address (then a List-Unsubscribe header is set too)
    or the list service's merge tag, put into the footer as it is written.
    """

    from_address: Address | None = None
    from_name: Line | None = None  # default: site_name
    reply_to: Address | None = None
    to: tuple[Address, ...] = ()
    unsubscribe: Unsubscribe | None = None
    smtp: SmtpSettings = SmtpSettings()
    subscribe: SubscribeSettings = SubscribeSettings()

    @property
    def can_send(self) -> bool:
        return bool(self.from_address and self.to and self.smtp.host)
