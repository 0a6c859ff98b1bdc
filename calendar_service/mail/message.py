"""A rendered reminder as an RFC 5322 message: multipart/alternative, one-click unsubscribe.

Header values are encoded by the stdlib (policy SMTP, `email.headerregistry.Address`). Anything
user-supplied that reaches a header is made one line first (`single_line`): the library refuses
CR/LF in a header, and a store called "a\\r\\nBcc: x" must neither break the message nor make
sending raise.

Non-ASCII subjects and display names are encoded with `email.header.Header` and stored as they
are: Python 3.11's header folder (policy SMTP) can leave the space at a fold between two encoded
words outside them, where RFC 2047 section 6.2 makes every reader drop it ("开始 · 店" arrives as
"开始· 店"). `Header` keeps spaces inside the encoded words.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage

from calendar_service.domain.reminders import ReminderRow
from calendar_service.domain.subscriptions import Subscription

_SPACES = re.compile(r"\s+")
MAX_LINE = 78  # RFC 5322's recommended header line length
SUBJECT_MAX = 78  # characters: what a mail client shows, and short enough to read on a phone


@dataclass(frozen=True)
class MailLinks:
    """The links every reminder carries; `unsubscribe` is the https URL of POST /unsubscribe/…"""

    feed: str | None
    dashboard: str
    unsubscribe: str
    unsubscribe_mailto: str  # mailto:unsubscribe@domain?subject=TOKEN


@dataclass(frozen=True)
class Rendered:
    """One reminder rendered in full: nothing is sent unless all three parts are here."""

    subject: str
    text: str
    html: str
    locale: str = "zh-CN"


def single_line(text: str) -> str:
    """`text` on one line: control characters and line or paragraph separators become spaces."""
    cleaned = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)
    return _SPACES.sub(" ", cleaned).strip()


def truncate(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def message_id(key: str, domain: str) -> str:
    """The Message-ID of a reminder: derived from its key, so a retry sends the same one."""
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@{single_line(domain)}>"


def build_message(
    *,
    sender: str,
    subscription: Subscription,
    store_name: str | None,
    reminder: ReminderRow,
    rendered: Rendered,
    links: MailLinks,
    message_domain: str,
    date: dt.datetime | None = None,
) -> EmailMessage:
    """The reminder as an email: text and HTML alternatives, list and auto-reply headers.

    `sender` is an address, optionally with a display name ("1688活动提醒 <noreply@example.com>");
    `date` is the Date header (the send time; the current time when not given).
    """
    msg = EmailMessage(policy=email.policy.SMTP)
    sender_name, sender_address = email.utils.parseaddr(single_line(sender))
    if not sender_address:
        raise ValueError(f"the sender {sender!r} has no email address")
    _set_mailbox(msg, "From", sender_name, sender_address)
    _set_mailbox(msg, "To", store_name or "", subscription.email)
    subject = truncate(single_line(rendered.subject), SUBJECT_MAX)
    if subject.isascii():
        msg["Subject"] = subject
    else:
        msg.set_raw("Subject", _encoded_words("Subject", subject))
    msg["Date"] = email.utils.format_datetime(date or dt.datetime.now(dt.UTC))
    msg["Message-ID"] = message_id(reminder.key, message_domain)
    msg["List-Unsubscribe"] = (
        f"<{single_line(links.unsubscribe)}>, <{single_line(links.unsubscribe_mailto)}>"
    )
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies
    msg["X-Auto-Response-Suppress"] = "All"  # the same, for Exchange
    msg.set_content(rendered.text, subtype="plain", cte=_transfer_encoding(rendered.text))
    msg.add_alternative(rendered.html, subtype="html", cte=_transfer_encoding(rendered.html))
    # After the content: setting it clears every Content-* header.
    msg["Content-Language"] = single_line(rendered.locale)
    return msg


def _set_mailbox(msg: EmailMessage, field: str, name: str, address: str) -> None:
    """Set a mailbox header; `Address` checks the address (an error when it is not one)."""
    mailbox = Address(display_name=single_line(name), addr_spec=single_line(address))
    if mailbox.display_name.isascii():
        msg[field] = mailbox  # quoted by the library where needed; no encoded words to fold
        return
    words = _encoded_words(field, mailbox.display_name)
    lines = words.split("\r\n")
    width = len(lines[-1]) + (len(field) + 2 if len(lines) == 1 else 0)  # "To: " on line one
    fold = "\r\n " if width + len(mailbox.addr_spec) + 3 > MAX_LINE else " "
    msg.set_raw(field, f"{words}{fold}<{mailbox.addr_spec}>")


def _encoded_words(field: str, text: str) -> str:
    """`text` as RFC 2047 encoded words folded under 78 columns, its spaces inside the words."""
    return Header(text, "utf-8", header_name=field).encode(linesep="\r\n")


_ASCII = bytes(range(0x80))


def _transfer_encoding(body: str) -> str:
    """7-bit safe for any relay: quoted-printable for mostly ASCII, base64 for mostly Chinese.

    A non-ASCII byte costs 3 characters in quoted-printable and 4/3 in base64, so base64 is
    shorter once more than about a sixth of the bytes are non-ASCII.
    """
    data = body.encode()
    non_ascii = len(data.translate(None, _ASCII))  # what is left once ASCII is deleted
    return "base64" if non_ascii * 6 > len(data) else "quoted-printable"
