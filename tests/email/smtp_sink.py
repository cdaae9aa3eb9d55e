"""A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps what it receives, and a static web
server standing in for the live site."""

from __future__ import annotations

import email
import functools
import socket
import threading
from collections import Counter
from dataclasses import dataclass, field
from email import policy
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

LOCAL_HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOCAL_HOST, 0))
        return int(probe.getsockname()[1])


@dataclass
class Delivery:
    sender: str
    recipients: list[str]
    data: bytes
    tls: str | None = None  # the TLS version the message came over ("TLSv1.3"), None: plain

    @property
    def message_id(self) -> str:
        return str(email.message_from_bytes(self.data, policy=policy.default)["Message-ID"])

    @property
    def slug(self) -> str:
        return self.message_id.strip("<>").split(".")[0]


@dataclass
class _Keeper:
    received: list[Delivery] = field(default_factory=list)
    refused: frozenset[str] = frozenset()  # recipients answered "550 5.1.1"

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address in self.refused:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        tls = server.transport.get_extra_info("ssl_object")  # after STARTTLS, or implicit TLS
        self.received.append(
            Delivery(
                envelope.mail_from,
                list(envelope.rcpt_tos),
                bytes(envelope.original_content),
                tls.version() if tls else None,
            )
        )
        return "250 Message accepted for delivery"


class SmtpSink:
    """aiosmtpd on 127.0.0.1:<free port>; `received` lists every message in order.

    `controller_options` go to aiosmtpd's Controller as they are: `tls_context` (offer
    STARTTLS) with `require_starttls`, `ssl_context` (TLS from the first byte),
    `authenticator` with `auth_required`/`auth_require_tls`. `refused`: recipients the
    server answers with 550 (the others are taken)."""

    def __init__(self, refused: frozenset[str] = frozenset(), **controller_options: Any) -> None:
        self.port = free_port()
        self._keeper = _Keeper(refused=refused)
        self._controller = Controller(
            self._keeper, hostname=LOCAL_HOST, port=self.port, **controller_options
        )

    def __enter__(self) -> SmtpSink:
        self._controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._controller.stop()

    @property
    def received(self) -> list[Delivery]:
        return self._keeper.received

    def per_tip(self) -> Counter[str]:
        return Counter(delivery.slug for delivery in self.received)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class LiveSite:
    """The "deployed" site: a folder served on 127.0.0.1 (404 for what is not there)."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self.port = free_port()
        handler = functools.partial(_Quiet, directory=str(directory))
        self._server = ThreadingHTTPServer((LOCAL_HOST, self.port), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{LOCAL_HOST}:{self.port}/"

    def __enter__(self) -> LiveSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
