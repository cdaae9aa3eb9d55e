"""`runform email send` over TLS, as a coach's provider speaks it: real aiosmtpd servers on
127.0.0.1 with certificates from a test certificate authority (trustme), trusted the way a
coach trusts a provider's own authority, through `SSL_CERT_FILE`. Nothing of runform or
smtplib is replaced: `runform` runs as a subprocess and talks to the servers.

- `security: starttls` (the default) delivers only after the upgrade; a server without
  STARTTLS gets nothing, not even in plain text;
- a certificate the client does not trust, or issued for another host, is refused;
- `security: tls` speaks TLS from the first byte;
- a login goes over the upgraded connection, with the password from `smtp.password_env`.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import trustme
from aiosmtpd.smtp import AuthResult, LoginPassword
from cli_runner import runform

from conftest import Project
from email_helpers import LIST_ADDRESS, SENDER, email_project, write_email
from runform.content.project import open_project
from runform.email.delivery import DeliveryError, send_messages
from smtp_sink import LOCAL_HOST, SmtpSink

TIP = "heel-pick-up"
SENT = f"Sent {TIP} (2026-11-20) to {LIST_ADDRESS}\n"
TLS_VERSION = "TLSv1.3"  # what Python's client and aiosmtpd agree on with OpenSSL 3
UNTRUSTED = (
    "the server's certificate failed verification: unable to get local issuer certificate"
    " (if your provider uses its own certificate authority, set SSL_CERT_FILE to its"
    " certificate file)"
)


@pytest.fixture(scope="module")
def test_ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def server_cert(test_ca: trustme.CA) -> trustme.LeafCert:
    """The server's certificate, issued for the address runform connects to."""
    return test_ca.issue_cert(LOCAL_HOST)


def server_context(cert: trustme.LeafCert) -> ssl.SSLContext:
    """A server-side TLS context presenting `cert` (aiosmtpd's tls_context/ssl_context)."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    return context


@pytest.fixture
def trusts_test_ca(test_ca: trustme.CA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The coach's environment trusts the test CA as it would a provider's own authority:
    SSL_CERT_FILE names its certificate (no SSL_CERT_DIR)."""
    ca_file = tmp_path / "provider-ca.pem"
    test_ca.cert_pem.write_to_path(str(ca_file))
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)


@pytest.fixture
def trusts_system_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither SSL_CERT_FILE nor SSL_CERT_DIR: only OpenSSL's default (system) store."""
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)


@dataclass
class Accounts:
    """An aiosmtpd authenticator with one account; `attempts` keeps every (mechanism, user,
    password) a client tried, in order."""

    user: str
    password: str
    attempts: list[tuple[str, str, str]] = field(default_factory=list)

    def __call__(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        assert isinstance(auth_data, LoginPassword)
        user, password = auth_data.login.decode(), auth_data.password.decode()
        self.attempts.append((mechanism, user, password))
        # handled=False: aiosmtpd answers the client itself (235, or 535 5.7.8)
        return AuthResult(success=(user, password) == (self.user, self.password), handled=False)


def coach_project(root: Path, port: int, security: str, **smtp: Any) -> Project:
    settings = {"host": LOCAL_HOST, "port": port, "security": security, "timeout": 10, **smtp}
    return email_project(root, smtp=settings)


def send_tip(project: Project, env: dict[str, str] | None = None) -> Any:
    return runform(project.root, "email", "send", "--tip", TIP, env=env)


def assert_refused(result: Any, expected: str) -> None:
    """runform printed `expected` as its one line (a DeliveryError's), exit code 1."""
    assert (result.returncode, result.stdout) == (1, ""), result.stderr
    assert result.stderr == f"runform: nothing more was sent: {expected}\n"


def assert_delivered_encrypted(project: Project, smtp: SmtpSink) -> None:
    written = (write_email(project, "--tip", TIP) / f"{TIP}.eml").read_bytes()
    assert [d.data for d in smtp.received] == [written]
    assert [(d.sender, d.recipients, d.tls) for d in smtp.received] == [
        (SENDER, [LIST_ADDRESS], TLS_VERSION)
    ]


@pytest.mark.usefixtures("trusts_test_ca")
def test_starttls_delivers_the_written_email_after_the_upgrade(
    tmp_path: Path, server_cert: trustme.LeafCert
) -> None:
    context = server_context(server_cert)
    with SmtpSink(tls_context=context, require_starttls=True) as smtp:
        project = coach_project(tmp_path / "project", smtp.port, "starttls")
        result = send_tip(project)
        assert (result.returncode, result.stdout, result.stderr) == (0, SENT, "")
        assert_delivered_encrypted(project, smtp)


@pytest.mark.usefixtures("trusts_test_ca")
def test_starttls_never_falls_back_to_plain_text(tmp_path: Path) -> None:
    with SmtpSink() as smtp:  # takes mail in plain text, offers no STARTTLS
        project = coach_project(tmp_path / "project", smtp.port, "starttls")
        expected = (
            f"SMTP {LOCAL_HOST}:{smtp.port}: the server does not offer STARTTLS, and"
            " security: starttls never sends in plain text (a server that speaks TLS from"
            " the first byte, usually on port 465, needs security: tls)"
        )
        settings = open_project(project.root / "mkdocs.yml").settings.email
        with pytest.raises(DeliveryError) as raised:
            send_messages(settings, [b"Subject: plain?\r\n\r\nno\r\n"], password=None)
        assert str(raised.value) == expected
        assert_refused(send_tip(project), expected)
        assert smtp.received == []


@pytest.mark.usefixtures("trusts_system_only")
@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_a_certificate_the_client_does_not_trust_is_refused(
    tmp_path: Path, server_cert: trustme.LeafCert, security: str
) -> None:
    context = server_context(server_cert)
    options = (
        {"tls_context": context, "require_starttls": True}
        if security == "starttls"
        else {"ssl_context": context}
    )
    with SmtpSink(**options) as smtp:
        project = coach_project(tmp_path / "project", smtp.port, security)
        assert_refused(send_tip(project), f"SMTP {LOCAL_HOST}:{smtp.port}: {UNTRUSTED}")
        assert smtp.received == []


@pytest.mark.usefixtures("trusts_test_ca")
def test_a_trusted_certificate_for_another_host_is_refused(
    tmp_path: Path, test_ca: trustme.CA
) -> None:
    context = server_context(test_ca.issue_cert("smtp.coach.example"))
    with SmtpSink(tls_context=context, require_starttls=True) as smtp:
        project = coach_project(tmp_path / "project", smtp.port, "starttls")
        assert_refused(
            send_tip(project),
            f"SMTP {LOCAL_HOST}:{smtp.port}: the server's certificate failed verification:"
            f" IP address mismatch, certificate is not valid for '{LOCAL_HOST}'",
        )
        assert smtp.received == []


@pytest.mark.usefixtures("trusts_test_ca")
def test_implicit_tls_delivers_on_its_port(tmp_path: Path, server_cert: trustme.LeafCert) -> None:
    with SmtpSink(ssl_context=server_context(server_cert)) as smtp:
        project = coach_project(tmp_path / "project", smtp.port, "tls")
        result = send_tip(project)
        assert (result.returncode, result.stdout, result.stderr) == (0, SENT, "")
        assert_delivered_encrypted(project, smtp)


PASSWORD = "correct horse battery staple"
LOGIN = {"user": SENDER, "password_env": "COACH_SMTP_PASSWORD"}


def login_sink(cert: trustme.LeafCert, accounts: Accounts) -> SmtpSink:
    """STARTTLS required; AUTH offered only after it; no mail without a login."""
    return SmtpSink(
        tls_context=server_context(cert),
        require_starttls=True,
        authenticator=accounts,
        auth_required=True,
        auth_require_tls=True,
    )


@pytest.mark.usefixtures("trusts_test_ca")
def test_login_over_starttls_with_the_password_from_the_named_variable(
    tmp_path: Path, server_cert: trustme.LeafCert
) -> None:
    accounts = Accounts(SENDER, PASSWORD)
    with login_sink(server_cert, accounts) as smtp:
        project = coach_project(tmp_path / "project", smtp.port, "starttls", **LOGIN)
        env = {"COACH_SMTP_PASSWORD": PASSWORD, "RUNFORM_SMTP_PASSWORD": "not this one"}
        result = send_tip(project, env)
        assert (result.returncode, result.stdout, result.stderr) == (0, SENT, "")
        assert accounts.attempts == [("PLAIN", SENDER, PASSWORD)]
        assert_delivered_encrypted(project, smtp)


@pytest.mark.usefixtures("trusts_test_ca")
def test_a_wrong_password_is_refused_and_nothing_is_sent(
    tmp_path: Path, server_cert: trustme.LeafCert
) -> None:
    accounts = Accounts(SENDER, PASSWORD)
    with login_sink(server_cert, accounts) as smtp:
        project = coach_project(tmp_path / "project", smtp.port, "starttls", **LOGIN)
        result = send_tip(project, {"COACH_SMTP_PASSWORD": "correct horse"})
        assert_refused(
            result,
            f"SMTP {LOCAL_HOST}:{smtp.port}: the server refused the login of {SENDER}:"
            " 535 5.7.8 Authentication credentials invalid"
            " (check smtp.user and the password in COACH_SMTP_PASSWORD)",
        )
        # smtplib tries each mechanism the server offers before it gives up
        assert accounts.attempts == [
            ("PLAIN", SENDER, "correct horse"),
            ("LOGIN", SENDER, "correct horse"),
        ]
        assert smtp.received == []
