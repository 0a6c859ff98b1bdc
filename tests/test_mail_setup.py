"""Mail delivery settings and the other ways out: CALENDAR_SMTP_URL, TLS and login against a real
SMTP server (aiosmtpd), and the Maildir."""

from __future__ import annotations

import email
import ssl
from email.policy import default
from pathlib import Path
from urllib.parse import quote

import pytest

from calendar_service.mail.transport import (
    MaildirTransport,
    Sent,
    SmtpConfig,
    SmtpTransport,
    TemporaryFailure,
    make_transport,
    message_bytes,
    parse_smtp_url,
)
from tests.smtp_server import (
    HOST,
    PASSWORD,
    USER,
    SmtpServer,
    TlsFiles,
    smtp_server,
    smtps_server,
    starttls_smtp_server,
    tls_files,
)
from tests.transport_support import reminder, transport_for

FIXTURES = (smtp_server, smtps_server, starttls_smtp_server, tls_files)  # used by name below
USERINFO = f"{USER}:{quote(PASSWORD, safe='')}"


# CALENDAR_SMTP_URL -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://mail.example.com", SmtpConfig("mail.example.com", 25)),
        (
            "smtp://user:pass@mail.example.com:587?starttls=1",
            SmtpConfig("mail.example.com", 587, "user", "pass", "starttls"),
        ),
        ("smtps://u:p@mail.example.com", SmtpConfig("mail.example.com", 465, "u", "p", "tls")),
        ("smtp://h:2525?timeout=10&starttls=0", SmtpConfig("h", 2525, timeout=10.0)),
        ("smtp://a%40b.cn:p%3A%40%2F@h/", SmtpConfig("h", 25, "a@b.cn", "p:@/")),
        ("smtps://u:@h", SmtpConfig("h", 465, "u", "", "tls")),
    ],
)
def test_smtp_urls_parse(url: str, expected: SmtpConfig) -> None:
    assert parse_smtp_url(url) == expected


def test_the_password_is_not_in_the_config_repr() -> None:
    assert "hunter2" not in repr(parse_smtp_url("smtp://u:hunter2@h"))


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://u:hunter2@h", "scheme must be smtp or smtps"),
        ("smtp://u:hunter2@", "name the server host"),
        ("smtp://u:hunter2@h:99999", "Port out of range"),
        ("smtp://u:hunter2@h:port", "Port could not be cast"),
        ("smtp://u:hunter2@[::1", "Invalid IPv6 URL"),
        ("smtp://u@h", "give the password"),
        ("smtp://u:hunter2@h?starttls=maybe", "starttls must be 1 or 0"),
        ("smtp://u:hunter2@h?starttsl=1", "unknown or repeated option 'starttsl'"),
        ("smtp://u:hunter2@h?timeout=1&timeout=2", "unknown or repeated option 'timeout'"),
        ("smtps://u:hunter2@h?starttls=1", "TLS from the start"),
        ("smtp://u:hunter2@h?timeout=0", "timeout must be"),
        ("smtp://u:hunter2@h?timeout=nan", "timeout must be"),
        ("smtp://u:hunter2@h?timeout=soon", "timeout must be"),
        ("smtp://u:hunter2@h/inbox", "nothing may follow"),
    ],
)
def test_bad_smtp_urls_say_what_is_wrong_without_the_password(url: str, problem: str) -> None:
    with pytest.raises(ValueError, match="CALENDAR_SMTP_URL") as raised:
        parse_smtp_url(url)
    assert problem in str(raised.value)
    assert "hunter2" not in str(raised.value)


def test_make_transport_picks_smtp_or_the_maildir(tmp_path: Path) -> None:
    assert isinstance(make_transport(None, tmp_path), MaildirTransport)
    assert isinstance(make_transport("", tmp_path), MaildirTransport)
    smtp = make_transport("smtp://h:2525", tmp_path)
    assert isinstance(smtp, SmtpTransport)
    assert smtp.config == SmtpConfig("h", 2525)
    with pytest.raises(ValueError, match="CALENDAR_SMTP_URL"):
        make_transport("smtp://", tmp_path)


# TLS and AUTH ------------------------------------------------------------------------------------


def test_starttls_and_login(starttls_smtp_server: SmtpServer, tls_files: TlsFiles) -> None:
    url = starttls_smtp_server.url(userinfo=USERINFO, query="starttls=1")
    with make_transport(url, Path(), ssl_context=tls_files.client_context()) as transport:
        assert transport.send(reminder(1)) == Sent(250, "accepted")
        assert transport.send(reminder(2)) == Sent(250, "accepted")
    assert [(m.tls, m.user) for m in starttls_smtp_server.handler.messages] == [(True, USER)] * 2
    assert starttls_smtp_server.handler.connections == 1


def test_implicit_tls_and_login(smtps_server: SmtpServer, tls_files: TlsFiles) -> None:
    url = smtps_server.url(scheme="smtps", userinfo=USERINFO)
    with make_transport(url, Path(), ssl_context=tls_files.client_context()) as transport:
        assert transport.send(reminder()) == Sent(250, "accepted")
    assert [(m.tls, m.user) for m in smtps_server.handler.messages] == [(True, USER)]


def test_an_untrusted_certificate_is_a_temporary_failure(
    starttls_smtp_server: SmtpServer,
) -> None:
    url = starttls_smtp_server.url(userinfo=USERINFO, query="starttls=1")
    with make_transport(url, Path()) as transport:  # the system's CAs: self-signed is refused
        result = transport.send(reminder())
    assert isinstance(result, TemporaryFailure)
    assert "CERTIFICATE_VERIFY_FAILED" in result.detail
    assert starttls_smtp_server.handler.messages == []


def test_a_wrong_password_is_a_temporary_failure_without_the_password(
    starttls_smtp_server: SmtpServer, tls_files: TlsFiles
) -> None:
    url = starttls_smtp_server.url(userinfo=f"{USER}:hunter2", query="starttls=1")
    with make_transport(url, Path(), ssl_context=tls_files.client_context()) as transport:
        results = [transport.send(reminder(n)) for n in range(2)]
    assert results[0] == results[1]
    assert isinstance(results[0], TemporaryFailure)
    assert results[0].code == 535
    assert "login failed" in results[0].detail
    assert "hunter2" not in results[0].detail


def test_without_starttls_a_server_requiring_it_refuses(starttls_smtp_server: SmtpServer) -> None:
    with transport_for(starttls_smtp_server) as transport:  # no credentials, no STARTTLS
        result = transport.send(reminder())
    assert isinstance(result, TemporaryFailure)  # 530: a setting to fix, not the message's fault
    assert starttls_smtp_server.handler.messages == []


def test_default_ssl_context_verifies() -> None:
    transport = SmtpTransport(SmtpConfig(HOST, 25))
    assert transport._ssl_context.verify_mode == ssl.CERT_REQUIRED


# Maildir -----------------------------------------------------------------------------------------


def test_the_maildir_gets_one_file_per_message_as_it_would_be_sent(tmp_path: Path) -> None:
    outbox = tmp_path / "var" / "outbox"
    batch = [reminder(n, Bcc="agency@example.com") for n in range(3)]
    with MaildirTransport(outbox) as transport:
        results = [transport.send(msg) for msg in batch]
    files = sorted((outbox / "new").iterdir())
    assert len(files) == 3
    assert list((outbox / "cur").iterdir()) == list((outbox / "tmp").iterdir()) == []
    assert all(isinstance(r, Sent) and r.code is None for r in results)
    assert sorted(r.detail.removeprefix("written to ") for r in results) == [str(f) for f in files]
    written = {f.read_bytes() for f in files}
    assert written == {message_bytes(msg) for msg in batch}
    for data in written:
        parsed = email.message_from_bytes(data, policy=default)
        assert parsed["To"] == "seller@example.com"
        assert parsed["Bcc"] is None
        assert parsed["Subject"].startswith("报名提醒 #")


def test_an_unwritable_maildir_is_a_temporary_failure(tmp_path: Path) -> None:
    (tmp_path / "var").write_text("a file where the folder should be")
    with MaildirTransport(tmp_path / "var" / "outbox") as transport:
        result = transport.send(reminder())
    assert isinstance(result, TemporaryFailure)
    assert "cannot write to the Maildir" in result.detail
