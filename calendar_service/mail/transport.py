"""Delivery of reminder emails: SMTP (one connection per batch) or, with no SMTP set, a Maildir.

`send()` never raises for a delivery problem: it returns `Sent`, `TemporaryFailure` (try again
later: 4xx, connection refused/dropped, timeout, TLS or login trouble) or `PermanentFailure`
(5xx for this message: the recipient or the message is refused), so a batch is never half done
silently. The caller decides what to do next with `calendar_service.mail.retry.next_attempt`.

    with make_transport(settings.smtp_url, settings.outbox_dir) as transport:
        for message in batch:
            result = transport.send(message)

A message goes out as an `Outgoing`: its envelope and its bytes, made once. `send()` takes
either; the dispatcher is handed `Outgoing`s, made where the message was composed (a compose
worker), so the sending thread only sends.
"""

from __future__ import annotations

import copy
import functools
import mailbox
import smtplib
import ssl
from dataclasses import dataclass, field
from email.generator import BytesGenerator
from email.message import Message
from email.utils import getaddresses
from io import BytesIO
from pathlib import Path
from types import TracebackType
from typing import Literal, Protocol, Self

from calendar_service.mail.retry import next_attempt
from calendar_service.settings import SmtpConfig, parse_smtp_url

__all__ = [
    "Envelope",
    "MaildirTransport",
    "Outgoing",
    "PermanentFailure",
    "SendResult",
    "Sent",
    "SmtpConfig",
    "SmtpTransport",
    "TemporaryFailure",
    "Transport",
    "envelope",
    "make_transport",
    "message_bytes",
    "next_attempt",
    "parse_smtp_url",
]

Outcome = Literal["sent", "temporary", "permanent"]


@dataclass(frozen=True)
class SendResult:
    """What became of one message. `code` is the SMTP reply code (or a robot platform's error
    code) when there was one; `retry_after`, on a temporary failure, the seconds the other side
    asked to wait before trying again (a robot's rate limit)."""

    outcome: Outcome
    code: int | None
    detail: str
    retry_after: float | None = None


@dataclass(frozen=True)
class Sent(SendResult):
    outcome: Literal["sent"] = field(default="sent", init=False)


@dataclass(frozen=True)
class TemporaryFailure(SendResult):
    """Not delivered now; the same message may go through later."""

    outcome: Literal["temporary"] = field(default="temporary", init=False)


@dataclass(frozen=True)
class PermanentFailure(SendResult):
    """Refused for good (5xx, or a message that cannot be sent): do not try again."""

    outcome: Literal["permanent"] = field(default="permanent", init=False)


_SETTINGS_CODES = {530, 534, 535, 538}  # authentication / TLS required: fix the settings, retry


def _text(code: int, text: bytes | str) -> str:
    return f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"


def _reply(code: int, detail: str) -> SendResult:
    if 500 <= code <= 599 and code not in _SETTINGS_CODES:
        return PermanentFailure(code, detail)
    return TemporaryFailure(code, detail)  # 4xx, and anything odd (smtplib's -1)


@dataclass(frozen=True)
class Envelope:
    """Who a message is from and to on the wire (SMTP's MAIL FROM and RCPT TO)."""

    sender: str
    recipients: tuple[str, ...]


def envelope(msg: Message) -> Envelope | PermanentFailure:
    """The envelope `smtplib.SMTP.send_message` takes from the headers: the Sender, else the
    From; the first To, Bcc and Cc. A PermanentFailure when there is no sender or recipient, or
    an address is not ASCII (subscriptions only take ASCII addresses: no SMTPUTF8 needed)."""
    sender = msg["Sender"] if "Sender" in msg else msg["From"]
    if not sender:
        return PermanentFailure(None, "the message has no From header")
    fields = tuple(str(v) for v in (msg["To"], msg["Bcc"], msg["Cc"]) if v is not None)
    return _envelope(str(sender), fields)


@functools.lru_cache(maxsize=4096)  # the From never changes; a To comes back for each reminder
def _envelope(sender: str, fields: tuple[str, ...]) -> Envelope | PermanentFailure:
    recipients = tuple(address for _, address in getaddresses(list(fields)) if address)
    if not recipients:
        return PermanentFailure(None, "the message has no recipients (To, Cc or Bcc)")
    route = Envelope(getaddresses([sender])[0][1], recipients)
    if not all(address.isascii() for address in (route.sender, *recipients)):
        return PermanentFailure(None, f"an address is not ASCII: {route.sender} to {recipients}")
    return route


@dataclass(frozen=True)
class Outgoing:
    """A message as it goes out: its envelope (or why it has none) and its bytes, CRLF ending
    every line; ValueError from `of` when the message cannot be written."""

    route: Envelope | PermanentFailure
    data: bytes
    message_id: str

    @classmethod
    def of(cls, msg: Message) -> Outgoing:
        return cls(envelope(msg), message_bytes(msg, "\r\n"), str(msg.get("Message-ID", "")))


class _Generator(BytesGenerator):
    """The standard library's BytesGenerator, a body's line endings converted in one pass.

    `Generator._write_lines` splits a body at its line breaks (CRLF, CR or LF) and writes each
    line and a line ending: several hundred calls for a reminder's two parts, which was most of
    the cost of a send. The bytes are the same (a split, joined again with the line ending, is
    a replacement of each line break); tests/test_mail_transport.py compares the two generators
    on any text.
    """

    def _write_lines(self, lines: str) -> None:
        assert self.policy is not None  # flatten() sets it, with the line ending asked for
        if lines:
            breaks = lines.replace("\r\n", "\n").replace("\r", "\n")
            self.write(breaks.replace("\n", self.policy.linesep))


def message_bytes(msg: Message, linesep: str = "\n") -> bytes:
    """The message as it is transmitted, what `smtplib.SMTP.send_message` would send: Bcc
    removed, `linesep` ending every line."""
    msg = copy.copy(msg)
    del msg["Bcc"]
    del msg["Resent-Bcc"]
    out = BytesIO()
    _Generator(out, policy=msg.policy.clone(linesep=linesep)).flatten(msg, linesep=linesep)
    return out.getvalue()


class Transport(Protocol):
    """Opened once per batch (`with transport:`), then `send()` for each message."""

    def open(self) -> None: ...
    def close(self) -> None: ...
    def send(self, msg: Message | Outgoing) -> SendResult: ...
    def __enter__(self) -> Self: ...
    def __exit__(
        self, kind: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None: ...


class Batch:
    """A transport opened and closed around a pass: open()/close() as a context manager, send()
    only between them."""

    _opened = False

    def open(self) -> None:
        self._opened = True

    def close(self) -> None:
        self._opened = False

    def _check_open(self) -> None:
        if not self._opened:
            raise RuntimeError(f"open the {type(self).__name__} first: `with transport: …`")

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class _Tracked(smtplib.SMTP):
    last_command = ""  # the last SMTP command sent: DATA means the server may have the message

    def putcmd(self, cmd: str, args: str = "") -> None:
        self.last_command = cmd.lower()
        super().putcmd(cmd, args)


class _TrackedSSL(_Tracked, smtplib.SMTP_SSL):
    pass


class SmtpTransport(Batch):
    """One SMTP connection per batch, opened at the first send and reused.

    A connection that drops is reopened once at the next send. If the drop came before DATA on a
    reused connection (an idle server hung up), the message is sent again on the new one;
    after DATA the server may have it, so the result is TemporaryFailure instead. If connecting
    (or TLS, or login) fails, the rest of the batch gets that TemporaryFailure without new tries.
    """

    def __init__(
        self,
        config: SmtpConfig,
        ssl_context: ssl.SSLContext | None = None,
        local_hostname: str | None = None,
    ) -> None:
        self.config = config
        self._ssl_context = ssl_context or ssl.create_default_context()
        self._local_hostname = local_hostname
        self._smtp: _Tracked | None = None
        self._down: TemporaryFailure | None = None
        self.connections = 0  # opened so far, for logs and tests

    def open(self) -> None:
        self.close()
        super().open()

    def close(self) -> None:
        smtp, self._smtp, self._down = self._smtp, None, None
        super().close()
        if smtp is not None:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()

    def send(self, msg: Message | Outgoing) -> SendResult:
        self._check_open()
        wire = _outgoing(msg)
        if isinstance(wire, PermanentFailure):
            return wire
        route = wire.route
        if isinstance(route, PermanentFailure):
            return route
        reused = self._smtp is not None
        result = self._attempt(wire.data, route)
        if reused and result is None:  # dropped before DATA on an old connection: once more
            result = self._attempt(wire.data, route)
        return result or TemporaryFailure(None, "the SMTP server closed the connection")

    def _attempt(self, data: bytes, route: Envelope) -> SendResult | None:
        """The result, or None when the connection dropped before DATA (nothing delivered)."""
        if self._smtp is None:
            if self._down is not None:
                return self._down
            self._down = self._connect()
            if self._down is not None:
                return self._down
        smtp = self._smtp
        assert smtp is not None
        try:
            refused = smtp.sendmail(route.sender, list(route.recipients), data)
        except smtplib.SMTPRecipientsRefused as e:  # every recipient refused
            codes = [(c, f"{rcpt}: {_text(c, t)}") for rcpt, (c, t) in e.recipients.items()]
            code, detail = min(codes) if codes else (-1, "no recipient accepted")
            return self._after_reply(smtp, code, detail)  # the lowest code: 4xx means retry
        except smtplib.SMTPResponseException as e:  # sender refused, data error, …
            return self._after_reply(smtp, e.smtp_code, _text(e.smtp_code, e.smtp_error))
        except OSError as e:  # SMTPServerDisconnected, reset, timeout (SMTPException is one too)
            self._smtp = None
            smtp.close()
            if smtp.last_command == "data":
                return TemporaryFailure(None, f"connection lost while sending the message: {e}")
            return None
        shown = ", ".join(f"{r}: {_text(c, t)}" for r, (c, t) in refused.items())
        return Sent(250, f"accepted; refused for {shown}" if shown else "accepted")

    def _after_reply(self, smtp: _Tracked, code: int, detail: str) -> SendResult:
        if smtp.sock is None:  # smtplib hangs up itself after a 421
            self._smtp = None
        return _reply(code, detail)

    def _connect(self) -> TemporaryFailure | None:
        c = self.config
        self.connections += 1
        try:  # given the host, the constructors connect and read the greeting
            if c.security == "tls":
                smtp: _Tracked = _TrackedSSL(
                    c.host,
                    c.port,
                    self._local_hostname,
                    timeout=c.timeout,
                    context=self._ssl_context,
                )
            else:
                smtp = _Tracked(c.host, c.port, self._local_hostname, timeout=c.timeout)
        except OSError as e:  # SMTPException is an OSError too
            return self._unusable(e)
        try:
            smtp.ehlo()
            if c.security == "starttls":
                smtp.starttls(context=self._ssl_context)
                smtp.ehlo()
            if c.username is not None and c.password is not None:
                smtp.login(c.username, c.password)
        except OSError as e:
            smtp.close()
            return self._unusable(e)
        self._smtp = smtp
        return None

    def _unusable(self, e: OSError) -> TemporaryFailure:
        """A connection that failed to open is the settings' or the network's problem: retry."""
        where = f"{self.config.host}:{self.config.port}"
        if isinstance(e, smtplib.SMTPResponseException):
            step = "login" if isinstance(e, smtplib.SMTPAuthenticationError) else "session"
            return TemporaryFailure(
                e.smtp_code, f"{where} {step} failed: {_text(e.smtp_code, e.smtp_error)}"
            )
        if isinstance(e, ssl.SSLError):
            return TemporaryFailure(None, f"TLS with {where} failed: {e}")
        reason = "timed out" if isinstance(e, TimeoutError) else str(e) or type(e).__name__
        return TemporaryFailure(None, f"cannot use the SMTP server at {where}: {reason}")


def _outgoing(msg: Message | Outgoing) -> Outgoing | PermanentFailure:
    if isinstance(msg, Outgoing):
        return msg
    try:
        return Outgoing.of(msg)
    except ValueError as e:  # malformed: a header the generator cannot write, …
        return PermanentFailure(None, f"the message cannot be sent: {e}")


class MaildirTransport(Batch):
    """With no SMTP server: each message becomes one file under `path/new/`, as it would be sent."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._maildir: mailbox.Maildir | None = None

    def open(self) -> None:
        super().open()
        self._maildir = None

    def send(self, msg: Message | Outgoing) -> SendResult:
        self._check_open()
        wire = _outgoing(msg)
        if isinstance(wire, PermanentFailure):
            return wire
        if isinstance(wire.route, PermanentFailure):
            return wire.route
        try:
            if self._maildir is None:
                # An existing empty folder is a Maildir too (mailbox only creates missing ones).
                for part in ("tmp", "new", "cur"):
                    (self.path / part).mkdir(parents=True, exist_ok=True)
                self._maildir = mailbox.Maildir(self.path, factory=None, create=True)
            key = self._maildir.add(wire.data.replace(b"\r\n", b"\n"))  # a file: LF
        except OSError as e:
            return TemporaryFailure(None, f"cannot write to the Maildir {self.path}: {e}")
        return Sent(None, f"written to {self.path / 'new' / key}")


def make_transport(
    settings_smtp_url: str | None,
    outbox_dir: Path,
    *,
    ssl_context: ssl.SSLContext | None = None,
) -> Transport:
    """SMTP when CALENDAR_SMTP_URL is set, else the Maildir at CALENDAR_OUTBOX_DIR."""
    if settings_smtp_url:
        return SmtpTransport(parse_smtp_url(settings_smtp_url), ssl_context=ssl_context)
    return MaildirTransport(outbox_dir)
