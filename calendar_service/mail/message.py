"""A rendered day's message as an RFC 5322 message: multipart/alternative, one-click unsubscribe.

Built with the standard library's MIME classes under its compat32 policy, whose headers are
plain strings or `email.header.Header`s: the modern policy parses every header into a
registry object on the way in and refolds it on the way out, which cost several times the rest
of a send. What that policy did for free is done here, explicitly:

- Anything user-supplied that reaches a header is made one line first (`single_line`): a store
  called "a\\r\\nBcc: x" must neither add a header nor make sending raise.
- Mailboxes are checked with `email.headerregistry.Address` (an error when not an address).
- Text goes out as typed only when it is printable ASCII, cannot be mistaken for an encoded word
  and fits the line; anything else becomes RFC 2047 encoded words from `email.header.Header`,
  which folds them under 78 columns and keeps the spaces inside the words (a space left at a
  fold between two encoded words is dropped by every reader, RFC 2047 section 6.2). Each word
  stays within RFC 2047's 75 characters: lines are cut at 76 columns, and a continuation line
  is a space and one word.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import email.errors
import email.utils
import functools
import hashlib
import re
from dataclasses import dataclass
from email.header import Header
from email.headerregistry import Address
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.policy import Compat32
from typing import Any

# Runs of whitespace and of Unicode's Cc (C0, DEL, C1), Zl and Zp characters: one space each.
_BREAKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")
MAX_LINE = 78  # RFC 5322's recommended header line length
MAX_LENGTH = 998  # and its limit
ENCODED_WORD_LINE = 76  # a space and an encoded word of at most 75 characters (RFC 2047 2)
FOLD = "\r\n"  # how build_day_message folds a header value's lines
SUBJECT_MAX = 78  # characters: what a mail client shows, and short enough to read on a phone


@dataclass(frozen=True)
class CalendarLinks:
    """A feed to subscribe to: its URL, the same as webcal://, and Google Calendar's page."""

    https: str
    webcal: str
    google: str


@dataclass(frozen=True)
class MailLinks:
    """The links a message carries, built by the caller; `unsubscribe` is the https URL of
    POST /unsubscribe/…. `calendar` is the store's private feed (in the subscriber's language),
    when the message is about one store; `store_page` the dashboard's page of the store;
    `preferences` the subscriber's preferences page, linked beside the unsubscribe link."""

    calendar: CalendarLinks | None
    store_page: str | None
    dashboard: str
    unsubscribe: str
    preferences: str | None = None


@dataclass(frozen=True)
class Rendered:
    """One message rendered in full: nothing is sent unless all three parts are here."""

    subject: str
    text: str
    html: str
    locale: str = "zh-CN"


def single_line(text: str) -> str:
    """`text` on one line: control characters and line or paragraph separators become spaces."""
    return _BREAKS.sub(" ", text).strip()


def truncate(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def message_id(key: str, domain: str) -> str:
    """The Message-ID of a message: derived from its key, so a retry sends the same one."""
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@{single_line(domain)}>"


class AddressError(ValueError):
    """The sender's or the subscriber's address cannot go into a header: nothing to send."""


def build_day_message(
    *,
    sender: str,
    recipient: str,
    to_name: str,
    key: str,
    rendered: Rendered,
    links: MailLinks,
    message_domain: str,
    date: dt.datetime | None = None,
) -> Message:
    """A rendered message as an email: text and HTML alternatives, list and auto-reply headers.

    `sender` is an address, optionally with a display name ("1688活动提醒 <noreply@example.com>");
    `to_name` the recipient's display name ("" for none); `key` identifies what the message
    tells (its Message-ID is derived from it, so a retry sends the same one); `date` is the
    Date header (the send time; the current time when not given). AddressError when the
    sender's or the recipient's address cannot go into a header.
    """
    mid = message_id(key, message_domain)
    msg = MIMEMultipart("alternative", boundary=_boundary(mid), policy=POLICY)
    msg["From"] = sender_header(sender)
    msg["To"] = _mailbox("To", to_name, recipient)
    msg["Subject"] = _text("Subject", truncate(single_line(rendered.subject), SUBJECT_MAX))
    msg["Date"] = email.utils.format_datetime(date or dt.datetime.now(dt.UTC))
    msg["Message-ID"] = mid
    # RFC 8058's one-click https link only: a mailto address would need a mailbox someone reads.
    msg["List-Unsubscribe"] = f"<{single_line(links.unsubscribe)}>"
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies
    msg["X-Auto-Response-Suppress"] = "All"  # the same, for Exchange
    msg["Content-Language"] = single_line(rendered.locale)
    msg.attach(_part(rendered.text, "plain"))
    msg.attach(_part(rendered.html, "html"))
    return msg


@functools.lru_cache(maxsize=16)  # the same sender for every message of a pass
def sender_header(sender: str) -> str:
    """The From header's value for `sender`, an address with an optional display name;
    AddressError (a ValueError) saying what is wrong when it cannot be one."""
    name, address = email.utils.parseaddr(single_line(sender))
    if "@" not in address:
        raise AddressError(
            f"the sender {sender!r} has no email address; write 名称 <reminders@example.com>"
        )
    return _mailbox("From", name, address)


class _Prefolded(Compat32):
    """compat32, except that a header value already in RFC 5322 lines goes out as it is (what
    the modern policy calls refold_source="long"): `build_day_message` encodes and folds its values,
    and folding them a second time, on every send, cost as much as building the message. Its
    values are folded with CRLF; they go out with the line ending asked for (LF in a Maildir)."""

    def fold_binary(self, name: str, value: Any) -> bytes:
        if isinstance(value, str) and value.isascii():
            lines = value.split(FOLD)
            if _folded(name, lines):
                return f"{name}: {self.linesep.join(lines)}{self.linesep}".encode("ascii")
        return super().fold_binary(name, value)


def _folded(name: str, lines: list[str]) -> bool:
    """Whether these are a header's lines as sent: printable, continued with a space, each under
    78 columns unless it is one word (a long URL) that no fold could shorten."""
    return (
        all(line.isprintable() for line in lines)
        and _fits(len(name) + 2, lines[0])
        and all(line[:1] == " " and _fits(0, line) for line in lines[1:])
    )


def _fits(indent: int, line: str) -> bool:
    return indent + len(line) <= MAX_LINE or (
        indent + len(line) <= MAX_LENGTH and " " not in line.strip()
    )


POLICY = _Prefolded(linesep=FOLD, mangle_from_=False)
_ENCODED_WORD = re.compile(r"=\?")


def _plain(field: str, text: str) -> bool:
    """Whether `text` can go into the header as it is: printable ASCII that cannot be read as
    an encoded word and fits on the header's first line."""
    return (
        text.isascii()
        and text.isprintable()
        and not _ENCODED_WORD.search(text)
        and len(field) + 2 + len(text) <= MAX_LINE
    )


def _text(field: str, text: str) -> str:
    return text if _plain(field, text) else _encoded_words(field, text)


def _boundary(mid: str) -> str:
    """The multipart boundary, from the Message-ID: a retry sends the same bytes.

    The generator would otherwise draw one at random and search both parts for it with a regex
    compiled anew for every message. Neither search is needed: every part is base64 or
    quoted-printable (`_part`), and a boundary line "--=_…" cannot occur in either, as base64
    has neither "-" nor "_" and quoted-printable writes "=" only before two hex digits or at
    the end of a line (the standard library's own boundaries start with "=" for that reason).
    """
    return f"=_{mid[1:25]}"  # 96 bits; short enough for Content-Type to fit on one line


@functools.lru_cache(maxsize=4096)  # a subscription gets several reminders a pass
def _mailbox(field: str, name: str, address: str) -> str:
    """A mailbox header value; `Address` checks the address (AddressError when it is not one,
    or not ASCII: the transport sends to ASCII addresses only)."""
    spec = single_line(address)
    if not spec.isascii():
        raise AddressError(f"{field} address {address!r} is not ASCII (SMTPUTF8 is not used)")
    try:
        mailbox = Address(display_name=single_line(name), addr_spec=spec)
    except (ValueError, LookupError, email.errors.MessageError) as error:  # what its parser raises
        what = str(error).rstrip(")") or type(error).__name__
        raise AddressError(f"{field} address {address!r}: {what}") from None
    if not mailbox.display_name:
        return mailbox.addr_spec
    plain = email.utils.formataddr((mailbox.display_name, mailbox.addr_spec))
    if _plain(field, plain):
        return plain  # the display name quoted where RFC 5322 needs it
    words = _encoded_words(field, mailbox.display_name)
    lines = words.split(FOLD)
    width = len(lines[-1]) + (len(field) + 2 if len(lines) == 1 else 0)  # "To: " on line one
    fold = f"{FOLD} " if width + len(mailbox.addr_spec) + 3 > MAX_LINE else " "
    return f"{words}{fold}<{mailbox.addr_spec}>"


def _encoded_words(field: str, text: str) -> str:
    """`text` as RFC 2047 encoded words of at most 75 characters, one a line, its spaces inside
    the words. `Header` cuts at 78 columns by default, which lets a word reach 77."""
    header = Header(text, "utf-8", maxlinelen=ENCODED_WORD_LINE, header_name=field)
    return header.encode(linesep=FOLD)


def _part(body: str, subtype: str) -> Message:
    """A text part, UTF-8, in the 7-bit transfer encoding that suits it (binascii's encoders)."""
    part = Message(policy=POLICY)
    part["Content-Type"] = f'text/{subtype}; charset="utf-8"'
    data = body.encode()
    if _mostly_non_ascii(data):
        part["Content-Transfer-Encoding"] = "base64"
        part.set_payload(base64.encodebytes(data).decode("ascii"))
    else:
        part["Content-Transfer-Encoding"] = "quoted-printable"
        part.set_payload(binascii.b2a_qp(data, istext=True).decode("ascii"))
    return part


_ASCII = bytes(range(0x80))


def _mostly_non_ascii(data: bytes) -> bool:
    """Whether base64 is shorter than quoted-printable (both 7-bit safe for any relay).

    A non-ASCII byte costs 3 characters in quoted-printable and 4/3 in base64, so base64 is
    shorter once more than about a sixth of the bytes are non-ASCII.
    """
    non_ascii = len(data.translate(None, _ASCII))  # what is left once ASCII is deleted
    return non_ascii * 6 > len(data)
