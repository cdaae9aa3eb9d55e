"""Both parts -> one `multipart/alternative` message, with the standard library's `email`.

Deterministic, so the same tip and settings give the same bytes: the Date is the tip's
publish moment (midnight of its date in the site's time zone, as in the feeds), the
Message-ID is made of the slug, the date and a digest of `site_url` (two sites on one host
never share one), and the MIME boundary is a digest of the two parts. Lines end with CRLF
(`email.policy.SMTP`); both parts are UTF-8, quoted-printable, text/plain first, as
RFC 2046 orders alternatives (plainest first). `List-Unsubscribe` is set when
`email.unsubscribe` is an address (https: or mailto:); with a merge tag the list service adds
its own.
"""

from __future__ import annotations

import hashlib
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Final
from urllib.parse import urlsplit

from runform.content.email_settings import is_merge_tag
from runform.email.content import EmailContent
from runform.site.feeds import published_at

POLICY: Final = policy.SMTP


def message_id(content: EmailContent) -> str:
    """`<heel-pick-up.2026-11-20.1a2b3c4d@example.github.io>`: the same tip, the same id."""
    site_url = content.site.links.site_url
    digest = hashlib.sha256(site_url.encode("utf-8")).hexdigest()[:10]
    host = urlsplit(site_url).hostname or "runform.invalid"
    return f"<{content.slug}.{content.tip.date.isoformat()}.{digest}@{host}>"


def build_message(content: EmailContent, html: str, text: str) -> EmailMessage:
    """The message: headers from the settings and the tip, text/plain then text/html."""
    email = content.settings.email
    message = EmailMessage(policy=POLICY)
    if email.from_address:
        message["From"] = formataddr(
            (email.from_name or content.site.site_name, email.from_address)
        )
    if email.to:
        message["To"] = ", ".join(email.to)
    if email.reply_to:
        message["Reply-To"] = email.reply_to
    message["Subject"] = content.subject
    message["Date"] = format_datetime(published_at(content.tip.date, content.settings.timezone))
    message["Message-ID"] = message_id(content)
    if email.unsubscribe and not is_merge_tag(email.unsubscribe):
        message["List-Unsubscribe"] = f"<{email.unsubscribe}>"
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    digest = hashlib.sha256(f"{text}\0{html}".encode()).hexdigest()[:32]
    message.set_boundary(f"=_runform_{digest}")
    message["Content-Language"] = content.site.language  # after the parts: set_content clears it
    return message


def message_bytes(message: EmailMessage) -> bytes:
    """The message as it is written to a `.eml` file and sent: CRLF line ends."""
    return message.as_bytes(policy=POLICY)
