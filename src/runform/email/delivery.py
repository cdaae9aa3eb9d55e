"""Delivery at most once per tip, without a database: the live feed is the record.

The rule (`new_tips`): a tip is emailed when it is in this build's feed and was not in the
feed of the site that was live just before this build was deployed, and it is not older than
the newest tip that feed had. The publish workflow keeps the live `feed.json` before it
deploys (`runform email live`), deploys, and only after a successful deploy sends
(`runform email send --previous-feed … --current-feed …`). So:

- a late or a skipped Friday run: the tip is still missing from the live feed, so the next
  run that deploys sends it; two tips going live in one deploy are both new, both sent;
- a re-run, or a push the same day: the live feed already has the tip, nothing is sent;
- a failed build or deploy: the send step never runs, and the live feed still lacks the tip,
  so the next successful deploy sends it; a tip that is not published is in no feed;
- the first deploy (no live feed yet: `null`) sends nothing rather than the whole feed, and
  the date floor keeps a raised `feed.count` or a changed slug from re-sending old tips.

The workflow's `concurrency` group runs one publish at a time, so two runs never read the same
live feed. A previous feed from another site (its `home_page_url` differs) is refused.
"""

from __future__ import annotations

import json
import smtplib
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Final

from runform.content.records import EmailSettings, SmtpSecurity, SmtpSettings

NO_LIVE_FEED: Final = b"null\n"  # what `runform email live` writes when the site has no feed yet


class DeliveryError(Exception):
    """Delivery cannot go ahead safely (unreadable feed, SMTP refused, missing password)."""


@dataclass(frozen=True, order=True)
class FeedEntry:
    """One feed item: its date first, so entries sort oldest first."""

    published: date
    id: str  # the tip page's full address (the feed item's id)


@dataclass(frozen=True)
class LiveFeed:
    home_page_url: str
    entries: tuple[FeedEntry, ...]


def new_tips(current: Sequence[FeedEntry], previous: LiveFeed | None) -> tuple[FeedEntry, ...]:
    """The entries of this build's feed to email, oldest first: not in the live feed, and not
    older than its newest entry. No live feed (`None`, the first deploy): nothing."""
    if previous is None:
        return ()
    sent = {entry.id for entry in previous.entries}
    floor = max((entry.published for entry in previous.entries), default=date.min)
    return tuple(sorted(e for e in current if e.id not in sent and e.published >= floor))


def parse_feed(data: bytes, origin: str) -> LiveFeed | None:
    """A JSON Feed (as runform writes it) -> its items; `null` -> None (no live feed).
    Raises DeliveryError when it is neither."""
    try:
        feed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DeliveryError(f"{origin} is not a JSON Feed: {error}") from None
    if feed is None:
        return None
    try:
        entries = tuple(
            FeedEntry(datetime.fromisoformat(item["date_published"]).date(), str(item["id"]))
            for item in feed["items"]
        )
        return LiveFeed(str(feed["home_page_url"]), entries)
    except (KeyError, TypeError, ValueError) as error:
        raise DeliveryError(f"{origin} is not a JSON Feed of tips ({error!r} missing)") from None


def fetch_live_feed(url: str, timeout: float = 30.0) -> bytes:
    """The live site's feed as served now, past any cache; NO_LIVE_FEED when it answers 404
    (the site has never been deployed). Raises DeliveryError on any other failure."""
    fresh = f"{url}{'&' if '?' in url else '?'}runform-fresh={time.time_ns()}"
    request = urllib.request.Request(
        fresh, headers={"Cache-Control": "no-cache", "Pragma": "no-cache"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return bytes(response.read())
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return NO_LIVE_FEED
        raise DeliveryError(f"the live feed {url} answered {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        raise DeliveryError(f"the live feed {url} cannot be read: {error}") from None


def read_previous_feed(source: str) -> bytes:
    """`--previous-feed`: a file (written by `runform email live`) or an http(s) address."""
    if source.startswith(("https://", "http://")):
        return fetch_live_feed(source)
    path = Path(source)
    if not path.is_file():
        raise DeliveryError(
            f"{source} is missing: without the feed that was live before this deploy, "
            "runform cannot tell which tips are new, so it sends nothing "
            "(send one by hand with: runform email send --tip SLUG)"
        )
    return path.read_bytes()


def smtp_password(settings: EmailSettings, environ: Mapping[str, str]) -> str | None:
    """The SMTP password from the environment variable the settings name (None: no login)."""
    smtp = settings.smtp
    if smtp.user is None:
        return None
    password = environ.get(smtp.password_env)
    if not password:
        raise DeliveryError(
            f"smtp.user is set but the environment variable {smtp.password_env} is empty "
            f"(in the workflow: add a repository secret named {smtp.password_env})"
        )
    return password


def send_messages(
    settings: EmailSettings, messages: Sequence[bytes], *, password: str | None
) -> dict[str, str]:
    """Hand every message to the SMTP server in one session, from `from_address` to `to`.
    Returns the recipients the server refused while it took the message for the others
    ({address: "550 5.1.1 its reply"}; empty when all were taken); a server that refuses
    every recipient raises DeliveryError.

    `security: starttls` requires the upgrade: a server that does not offer STARTTLS is left
    before anything is sent, never written to in plain text; `tls` speaks TLS from the first
    byte. Either way the server's certificate, and that it is issued for `smtp.host`, are
    checked by `ssl.create_default_context()`, which trusts OpenSSL's default CA file and CA
    directory (with a Linux system's OpenSSL, the system's store; on Windows, Python loads
    the system store as well). `SSL_CERT_FILE` names a CA file read *instead of* the default
    file (it does not add to it; the default directory is still searched) and `SSL_CERT_DIR`
    a directory searched instead of the default one. So a provider with its own certificate
    authority is trusted with SSL_CERT_FILE=its-ca.pem.
    Raises DeliveryError, in words a coach can act on (see `_explain`).
    """
    smtp = settings.smtp
    if not settings.can_send or smtp.host is None or settings.from_address is None:
        raise DeliveryError("email.from_address, email.to and email.smtp.host are needed to send")
    where = f"SMTP {smtp.host}:{smtp.port}"
    context = ssl.create_default_context()
    client: smtplib.SMTP
    try:
        if smtp.security is SmtpSecurity.TLS:
            client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout, context=context)
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
        with client:
            if smtp.security is SmtpSecurity.STARTTLS:
                client.ehlo_or_helo_if_needed()
                if not client.has_extn("starttls"):
                    raise DeliveryError(f"{where}: {_NO_STARTTLS}")
                client.starttls(context=context)
            if smtp.user is not None and password is not None:
                client.login(smtp.user, password)
            refused: dict[str, str] = {}
            for message in messages:
                answer = client.sendmail(settings.from_address, list(settings.to), message)
                refused |= {address: _reply(*reply) for address, reply in answer.items()}
            return refused
    except (smtplib.SMTPException, OSError) as error:
        raise DeliveryError(f"{where}: {_explain(error, smtp)}") from None


_NO_STARTTLS: Final = (
    "the server does not offer STARTTLS, and security: starttls never sends in plain text"
    " (a server that speaks TLS from the first byte, usually on port 465, needs security: tls)"
)
_NAME_MISMATCH: Final = {62, 64}  # OpenSSL's X509_V_ERR_HOSTNAME_MISMATCH, _IP_ADDRESS_MISMATCH


def _explain(error: smtplib.SMTPException | OSError, smtp: SmtpSettings) -> str:
    """An SMTP or TLS failure in a coach's words: what failed in the certificate (without
    OpenSSL's source line), the server's reply as text (smtplib's str() is a tuple of bytes),
    and what to change."""
    if isinstance(error, ssl.SSLCertVerificationError):
        reason = f"the server's certificate failed verification: {error.verify_message}"
        if error.verify_code in _NAME_MISMATCH:
            return reason.rstrip(".")
        return (
            f"{reason} (if your provider uses its own certificate authority, "
            "set SSL_CERT_FILE to its certificate file)"
        )
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        refused = "; ".join(
            f"{address} ({_reply(*reply)})" for address, reply in error.recipients.items()
        )
        return f"the server refused every recipient: {refused} (check email.to)"
    if isinstance(error, smtplib.SMTPResponseException):
        said = _reply(error.smtp_code, error.smtp_error)
        if isinstance(error, smtplib.SMTPSenderRefused):
            return (
                f"the server refused the sender {error.sender}: {said} (check email.from_address)"
            )
        if isinstance(error, smtplib.SMTPAuthenticationError):
            return (
                f"the server refused the login of {smtp.user}: {said} "
                f"(check smtp.user and the password in {smtp.password_env})"
            )
        return f"the server answered {said}"
    return str(error)


def _reply(code: int, text: bytes | str) -> str:
    """An SMTP reply as a line: "550 5.1.1 No such user" (smtplib keeps the text as bytes)."""
    return f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"
