"""Subscriptions: who gets sign-up reminders for which store, in which language, and what of
them (the subscription's preferences)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any, Literal

from email_validator import EmailNotValidError, validate_email

from calendar_service.domain.locale import DEFAULT_LOCALE, LOCALES, Locale, is_locale
from calendar_service.domain.recipients import robot_id_of

# The locale lives in domain/locale.py; exported here too for the modules importing it from here.
__all__ = [
    "CYCLES",
    "DAILY_SUMMARIES",
    "DEFAULT_LOCALE",
    "LOCALES",
    "PREFERENCES",
    "DailySummary",
    "Locale",
    "PreferenceChange",
    "Preferences",
    "Subscription",
    "cycles_of",
    "cycles_text",
    "is_locale",
    "parse_cycles",
    "recipient_of",
    "subscriber_address",
]

DailySummary = Literal["weekly", "daily"]
DAILY_SUMMARIES: tuple[DailySummary, ...] = ("weekly", "daily")
CYCLES: tuple[str, ...] = ("yearly", "quarterly", "monthly", "daily")  # Cycle's values


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


def cycles_of(value: str | Iterable[str]) -> frozenset[str]:
    """Cycles from text ("monthly,daily", "all") or a collection of names, checked as
    `parse_cycles` does: none, or an unknown one, is a ValueError saying what to write."""
    return parse_cycles(value if isinstance(value, str) else ",".join(value))


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


def recipient_of(text: str) -> str:
    """`text` as a recipient: a group robot's key as it is ("dingtalk:3"), else checked and
    normalised as an address by `subscriber_address` (a ValueError saying what is wrong)."""
    key = text.strip()
    return key if robot_id_of(key) is not None else subscriber_address(text)


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
    robot_id: int | None = None  # a group robot's subscription: `email` its key, dingtalk:3

    @property
    def active(self) -> bool:
        return self.unsubscribed_at is None


PREFERENCES = ("cycles", "include_ineligible", "daily_summary", "locale")


@dataclass(frozen=True)
class Preferences:
    """Preferences to set on subscriptions; None leaves that one as it is. Checked when made:
    a ValueError names the preference and says what to write."""

    cycles: frozenset[str] | None = None
    include_ineligible: bool | None = None
    daily_summary: DailySummary | None = None
    locale: Locale | None = None

    def __post_init__(self) -> None:
        if self.cycles is not None:
            object.__setattr__(self, "cycles", cycles_of(self.cycles))
        if self.include_ineligible is not None and not isinstance(self.include_ineligible, bool):
            raise ValueError(
                f"include_ineligible {self.include_ineligible!r} is not a boolean: write "
                "true or false"
            )
        if self.daily_summary is not None and self.daily_summary not in DAILY_SUMMARIES:
            raise ValueError(
                f"daily summary {self.daily_summary!r} is not one of "
                f"{', '.join(DAILY_SUMMARIES)}: write weekly or daily"
            )
        if self.locale is not None and not is_locale(self.locale):
            raise ValueError(
                f"locale {self.locale!r} is not one of {', '.join(LOCALES)}: write zh-CN or en"
            )

    @classmethod
    def checked(
        cls,
        cycles: str | Iterable[str] | None = None,
        include_ineligible: bool | None = None,
        daily_summary: str | None = None,
        locale: str | None = None,
    ) -> Preferences:
        """Preferences from values as people and programs give them (cycles as text too)."""
        return cls(
            cycles=None if cycles is None else cycles_of(cycles),
            include_ineligible=include_ineligible,
            daily_summary=daily_summary,  # type: ignore[arg-type]  # checked in __post_init__
            locale=locale,  # type: ignore[arg-type]  # checked in __post_init__
        )

    @property
    def empty(self) -> bool:
        """Whether it sets nothing."""
        return all(getattr(self, name) is None for name in PREFERENCES)

    def changes(self, subscription: Subscription) -> dict[str, tuple[Any, Any]]:
        """What setting these on `subscription` would change: {name: (before, after)}."""
        found: dict[str, tuple[Any, Any]] = {}
        for f in fields(self):
            wanted = getattr(self, f.name)
            if wanted is not None and wanted != getattr(subscription, f.name):
                found[f.name] = (getattr(subscription, f.name), wanted)
        return found


@dataclass(frozen=True)
class PreferenceChange:
    """One subscription whose preferences were set: as it was, as it is now."""

    before: Subscription
    after: Subscription

    @property
    def changed(self) -> tuple[str, ...]:
        """The names of the preferences that changed, in PREFERENCES' order."""
        return tuple(n for n in PREFERENCES if getattr(self.before, n) != getattr(self.after, n))
