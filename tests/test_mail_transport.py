"""Mail delivery against a real SMTP server (aiosmtpd) and a Maildir."""

from __future__ import annotations

import copy
import email
import io
import socket
import time
from email.generator import BytesGenerator
from email.message import EmailMessage, Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import default
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calendar_service.mail.transport import (
    Envelope,
    MaildirTransport,
    Outgoing,
    PermanentFailure,
    Sent,
    SmtpConfig,
    SmtpTransport,
    TemporaryFailure,
    envelope,
    message_bytes,
    parse_smtp_url,
)
from tests.smtp_server import (
    DROP,
    HOST,
    PASSWORD,
    USER,
    SmtpServer,
    free_port,
    smtp_server,
    smtps_server,
    starttls_smtp_server,
    tls_files,
)
from tests.transport_support import reminder, transport_for

FIXTURES = (smtp_server, smtps_server, starttls_smtp_server, tls_files)  # used by name below
USERINFO = f"{USER}:{quote(PASSWORD, safe='')}"


# SMTP --------------------------------------------------------------------------------------------


def test_a_batch_of_20_goes_over_one_connection_byte_for_byte(smtp_server: SmtpServer) -> None:
    batch = [reminder(n, to=f"seller{n}@example.com") for n in range(20)]
    with transport_for(smtp_server) as transport:
        results = [transport.send(msg) for msg in batch]
    assert results == [Sent(250, "accepted")] * 20
    assert smtp_server.handler.connections == 1
    received = smtp_server.handler.messages
    assert [r.rcpt_tos for r in received] == [[f"seller{n}@example.com"] for n in range(20)]
    for sent, got in zip(batch, received, strict=True):
        assert got.mail_from == "reminders@calendar.example.com"
        assert got.data == message_bytes(sent, linesep="\r\n")
        parsed = email.message_from_bytes(got.data, policy=default)
        assert parsed["Subject"] == sent["Subject"]
        assert parsed["From"] == sent["From"]
        body, text = parsed.get_body(("plain",)), sent.get_body(("plain",))
        assert body is not None and text is not None
        assert body.get_content().replace("\r\n", "\n") == text.get_content()


@pytest.mark.parametrize(
    ("at", "reply", "expected"),
    [
        ("DATA", "451 4.3.0 try later", TemporaryFailure(451, "451 4.3.0 try later")),
        ("DATA", "550 5.1.1 no such user", PermanentFailure(550, "550 5.1.1 no such user")),
        ("DATA", "554 5.7.1 spam", PermanentFailure(554, "554 5.7.1 spam")),
        ("MAIL", "553 5.1.8 sender rejected", PermanentFailure(553, "553 5.1.8 sender rejected")),
        ("MAIL", "452 4.3.1 full", TemporaryFailure(452, "452 4.3.1 full")),
        (
            "RCPT",
            "550 5.1.1 no such user",
            PermanentFailure(550, "seller@example.com: 550 5.1.1 no such user"),
        ),
        (
            "RCPT",
            "450 4.2.0 greylisted",
            TemporaryFailure(450, "seller@example.com: 450 4.2.0 greylisted"),
        ),
    ],
)
def test_replies_are_classified_and_the_batch_goes_on(
    smtp_server: SmtpServer, at: str, reply: str, expected: object
) -> None:
    smtp_server.handler.fail_next(1, reply, at=at)  # type: ignore[arg-type]  # parametrized
    with transport_for(smtp_server) as transport:
        first, second = transport.send(reminder(1)), transport.send(reminder(2))
    assert first == expected
    assert second == Sent(250, "accepted")
    assert smtp_server.handler.connections == 1
    assert len(smtp_server.handler.messages) == 1


def test_one_refused_recipient_of_two_is_reported_with_the_sent_message(
    smtp_server: SmtpServer,
) -> None:
    smtp_server.handler.fail_next(1, "550 5.1.1 no such user", at="RCPT")
    with transport_for(smtp_server) as transport:
        result = transport.send(reminder(to="gone@example.com, seller@example.com"))
    assert isinstance(result, Sent)
    assert "gone@example.com: 550" in result.detail
    assert smtp_server.handler.messages[0].rcpt_tos == ["seller@example.com"]


def test_a_421_hang_up_is_temporary_and_the_next_send_reconnects(smtp_server: SmtpServer) -> None:
    smtp_server.handler.fail_next(1, "421 4.3.2 shutting down", at="MAIL")
    with transport_for(smtp_server) as transport:
        assert transport.send(reminder(1)) == TemporaryFailure(421, "421 4.3.2 shutting down")
        assert transport.send(reminder(2)) == Sent(250, "accepted")
    assert smtp_server.handler.connections == 2


def test_a_drop_during_data_fails_that_message_and_the_next_reconnects(
    smtp_server: SmtpServer,
) -> None:
    with transport_for(smtp_server) as transport:
        results = [transport.send(reminder(n)) for n in range(3)]
        smtp_server.handler.fail_next(1, DROP, at="DATA")
        dropped = transport.send(reminder(3))
        results += [transport.send(reminder(n)) for n in range(4, 6)]
    assert isinstance(dropped, TemporaryFailure)
    assert dropped.code is None
    assert "connection lost while sending" in dropped.detail
    assert results == [Sent(250, "accepted")] * 5
    assert smtp_server.handler.connections == 2
    assert len(smtp_server.handler.messages) == 5


def test_a_connection_dropped_before_data_is_reopened_and_the_message_sent(
    smtp_server: SmtpServer,
) -> None:
    with transport_for(smtp_server) as transport:
        assert transport.send(reminder(1)) == Sent(250, "accepted")
        smtp_server.handler.fail_next(1, DROP, at="MAIL")  # as a server that timed out idling
        assert transport.send(reminder(2)) == Sent(250, "accepted")
    assert smtp_server.handler.connections == 2
    assert len(smtp_server.handler.messages) == 2


def test_a_fresh_connection_dropped_again_gives_up_for_that_message(
    smtp_server: SmtpServer,
) -> None:
    with transport_for(smtp_server) as transport:
        assert transport.send(reminder(1)) == Sent(250, "accepted")
        smtp_server.handler.fail_next(2, DROP, at="MAIL")
        result = transport.send(reminder(2))  # dropped, reconnected, dropped again
        assert isinstance(result, TemporaryFailure)
        assert transport.send(reminder(3)) == Sent(250, "accepted")
    assert smtp_server.handler.connections == 3


def test_a_server_that_is_down_fails_the_batch_temporarily_after_one_try() -> None:
    port = free_port()
    with SmtpTransport(SmtpConfig(HOST, port, timeout=2)) as transport:
        results = [transport.send(reminder(n)) for n in range(3)]
        assert transport.connections == 1  # the rest of the batch is not tried again
    assert all(isinstance(r, TemporaryFailure) and r.code is None for r in results)
    assert f"{HOST}:{port}" in results[0].detail
    assert "refused" in results[0].detail.lower()


def test_a_server_that_never_answers_times_out_temporarily() -> None:
    with socket.socket() as silent:
        silent.bind((HOST, 0))
        silent.listen()  # the kernel accepts; nobody ever greets
        port = silent.getsockname()[1]
        start = time.monotonic()
        with SmtpTransport(parse_smtp_url(f"smtp://{HOST}:{port}?timeout=0.3")) as transport:
            result = transport.send(reminder())
    assert time.monotonic() - start < 5
    assert isinstance(result, TemporaryFailure)
    assert "timed out" in result.detail


def test_bcc_recipients_get_the_message_without_the_header(smtp_server: SmtpServer) -> None:
    with transport_for(smtp_server) as transport:
        transport.send(reminder(Bcc="agency@example.com"))
    received = smtp_server.handler.messages[0]
    assert received.rcpt_tos == ["seller@example.com", "agency@example.com"]
    assert b"agency@example.com" not in received.data


def test_unsendable_messages_fail_permanently_without_connecting(smtp_server: SmtpServer) -> None:
    no_recipient = reminder()
    del no_recipient["To"]
    no_sender = reminder()
    del no_sender["From"]
    with transport_for(smtp_server) as transport:
        assert transport.send(no_recipient) == PermanentFailure(
            None, "the message has no recipients (To, Cc or Bcc)"
        )
        assert transport.send(no_sender) == PermanentFailure(None, "the message has no From header")
    assert transport.connections == 0


def test_a_non_ascii_address_fails_permanently_without_connecting(
    smtp_server: SmtpServer, tmp_path: Path
) -> None:
    """Subscriptions only take ASCII addresses; the transports never ask for SMTPUTF8."""
    for transport in (transport_for(smtp_server), MaildirTransport(tmp_path / "outbox")):
        with transport:
            result = transport.send(reminder(to="店主@example.com"))
        assert isinstance(result, PermanentFailure) and "not ASCII" in result.detail
    assert smtp_server.handler.connections == 0
    assert not (tmp_path / "outbox" / "new").exists() or not any(
        (tmp_path / "outbox" / "new").iterdir()
    )


def test_the_envelope_is_what_send_message_would_use() -> None:
    msg = reminder(Cc="Boss <boss@example.com>", Bcc="agency@example.com")
    assert envelope(msg) == Envelope(
        "reminders@calendar.example.com",
        ("seller@example.com", "agency@example.com", "boss@example.com"),
    )
    msg["Sender"] = "Ops <ops@calendar.example.com>"
    assert envelope(msg) == Envelope(
        "ops@calendar.example.com",
        ("seller@example.com", "agency@example.com", "boss@example.com"),
    )


LINE_BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\r\n"])
BODIES = st.lists(st.one_of(st.text(max_size=30), LINE_BREAKS), max_size=30).map("".join)


def _stdlib_bytes(msg: Message, linesep: str) -> bytes:
    """What the standard library's own generator writes (as smtplib.send_message uses it)."""
    msg = copy.copy(msg)
    del msg["Bcc"]
    out = io.BytesIO()
    BytesGenerator(out, policy=msg.policy.clone(linesep=linesep)).flatten(msg, linesep=linesep)
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(
    text=BODIES,
    html=BODIES,
    charset=st.sampled_from(["utf-8", "us-ascii", "gb18030"]),
    linesep=st.sampled_from(["\r\n", "\n"]),
    ascii_only=st.booleans(),
)
def test_message_bytes_are_the_standard_generators_bytes(
    text: str, html: str, charset: str, linesep: str, ascii_only: bool
) -> None:
    """`message_bytes` writes a body's lines in one go: byte for byte what BytesGenerator writes,
    for the modern and the compat32 message classes, any line breaks, any text."""
    if ascii_only or charset == "us-ascii":
        text, html = (t.encode("ascii", "replace").decode() for t in (text, html))
    modern = EmailMessage()
    modern["From"] = "提醒 <reminders@calendar.example.com>"
    modern["To"] = "seller@example.com"
    modern["Bcc"] = "agency@example.com"
    modern.set_content(text, charset=charset)
    modern.add_alternative(html, subtype="html")
    modern.set_boundary("==a==")
    old = MIMEMultipart("alternative", boundary="==b==")
    old["To"] = "seller@example.com"
    old.attach(MIMEText(text, "plain", "utf-8"))
    old.attach(MIMEText(html.encode("ascii", "replace").decode(), "html", "us-ascii"))
    raw = MIMEText("", "plain", "us-ascii")
    raw["To"] = "seller@example.com"
    raw.set_payload(text.encode("ascii", "replace").decode())  # as it is: line breaks and all
    for msg in (modern, old, raw):
        assert message_bytes(msg, linesep) == _stdlib_bytes(msg, linesep)
        # What a compose worker hands the dispatcher; the Maildir writes it with LF endings.
        wire = Outgoing.of(msg).data
        assert wire == message_bytes(msg, "\r\n")
        assert wire.replace(b"\r\n", b"\n") == message_bytes(msg, "\n")


def test_sending_needs_an_open_transport(smtp_server: SmtpServer, tmp_path: Path) -> None:
    for transport in (transport_for(smtp_server), MaildirTransport(tmp_path / "outbox")):
        with pytest.raises(RuntimeError, match="open the"):
            transport.send(reminder())
        with transport:
            assert isinstance(transport.send(reminder()), Sent)
        with pytest.raises(RuntimeError, match="open the"):
            transport.send(reminder())
