"""Subscriptions: who gets sign-up reminder emails for which store, and in which language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, TypeGuard

Locale = Literal["zh-CN", "en"]
LOCALES: tuple[Locale, ...] = ("zh-CN", "en")
DEFAULT_LOCALE: Locale = "zh-CN"


def is_locale(value: str) -> TypeGuard[Locale]:
    """Whether `value` is one of the locales reminders are written in."""
    return value in LOCALES


@dataclass(frozen=True)
class Subscription:
    """One email address receiving one store's reminders; kept after unsubscribing, as a record."""

    id: int
    store_id: str
    email: str
    locale: Locale
    unsubscribe_token: str  # goes into every email's one-click unsubscribe link
    created_at: dt.datetime
    unsubscribed_at: dt.datetime | None = None

    @property
    def active(self) -> bool:
        return self.unsubscribed_at is None
