"""Subscriptions: who gets sign-up reminder emails for which store, and in which language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, TypeGuard

from email_validator import EmailNotValidError, validate_email

Locale = Literal["zh-CN", "en"]
LOCALES: tuple[Locale, ...] = ("zh-CN", "en")
DEFAULT_LOCALE: Locale = "zh-CN"


def is_locale(value: str) -> TypeGuard[Locale]:
    """Whether `value` is one of the locales reminders are written in."""
    return value in LOCALES


def subscriber_address(text: str) -> str:
    """`text` as a subscriber's address: checked, normalised, its domain in ASCII (IDNA); a
    ValueError naming the address and saying what is wrong otherwise.

    Characters before the @ must be ASCII: such an address would need SMTPUTF8 (RFC 6531) from
    every server on the way, which this service does not ask for. A domain in Chinese is fine
    (用户名@例子.中国 is refused, user@例子.中国 becomes user@xn--fsqu00a.xn--fiqs8s).
    """
    try:
        checked = validate_email(text.strip(), check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError as e:
        raise ValueError(f"{text!r} is not a valid email address: {e}") from None
    return checked.ascii_email or checked.normalized


@dataclass(frozen=True)
class Subscription:
    """One email address receiving one store's reminders; kept after unsubscribing, as a record."""

    id: int
    store_id: str
    email: str
    locale: Locale
    created_at: dt.datetime
    unsubscribed_at: dt.datetime | None = None

    @property
    def active(self) -> bool:
        return self.unsubscribed_at is None
