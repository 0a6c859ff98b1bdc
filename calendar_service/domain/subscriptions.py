"""Subscriptions: who gets sign-up reminders for which store, in which language, and what of
them (the subscription's preferences)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, TypeGuard

from email_validator import EmailNotValidError, validate_email

Locale = Literal["zh-CN", "en"]
DailySummary = Literal["weekly", "daily"]
DAILY_SUMMARIES: tuple[DailySummary, ...] = ("weekly", "daily")
CYCLES: tuple[str, ...] = ("yearly", "quarterly", "monthly", "daily")  # Cycle's values
LOCALES: tuple[Locale, ...] = ("zh-CN", "en")
DEFAULT_LOCALE: Locale = "zh-CN"


def is_locale(value: str) -> TypeGuard[Locale]:
    """Whether `value` is one of the locales reminders are written in."""
    return value in LOCALES


def parse_cycles(text: str) -> frozenset[str]:
    """A comma-separated list of cycles ("monthly,daily"; "all" for every one), checked: a
    ValueError naming the unknown ones and listing the known ones."""
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    if names == ["all"]:
        return frozenset(CYCLES)
    unknown = [n for n in names if n not in CYCLES]
    if unknown or not names:
        raise ValueError(
            f"unknown cycle {', '.join(unknown) or repr(text)}: write one or more of "
            f"{', '.join(CYCLES)}, separated by commas, or all"
        )
    return frozenset(names)


def cycles_text(cycles: frozenset[str]) -> str:
    """Cycles as stored and shown: in CYCLES' order, comma-separated."""
    return ",".join(c for c in CYCLES if c in cycles)


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
    """One email address receiving one store's reminders; kept after unsubscribing, as a record.

    Preferences: the cycles whose activities it is told about, whether the store is named when
    it cannot sign up (`include_ineligible`), and how often the daily activities are summed up.
    """

    id: int
    store_id: str
    email: str
    locale: Locale
    created_at: dt.datetime
    unsubscribed_at: dt.datetime | None = None
    cycles: frozenset[str] = frozenset(CYCLES)
    include_ineligible: bool = True
    daily_summary: DailySummary = "weekly"

    @property
    def active(self) -> bool:
        return self.unsubscribed_at is None
