"""A recipient's links in mails: the preferences page, and the unsubscribe link that ends every
subscription of the address. Both carry `SignedLinks.recipient_token`; the mail composer builds
them with `preferences_url` and `recipient_unsubscribe_url`, the web app follows them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from calendar_service.domain.subscriptions import PREFERENCES, Subscription
from calendar_service.services.signed_links import SignedLinks


def preferences_url(base_url: str, signer: SignedLinks, email: str, lang: str = "zh") -> str:
    """`{base_url}/preferences/{token}`, with `?lang=en` for English (`lang` "en"; "zh" and
    "zh-CN" are the page's default). `email` as stored in the subscriptions."""
    url = f"{base_url.rstrip('/')}/preferences/{signer.recipient_token(email)}"
    return url + "?lang=en" if lang == "en" else url


def recipient_unsubscribe_url(base_url: str, signer: SignedLinks, email: str) -> str:
    """`{base_url}/unsubscribe/{token}`: its POST ends every subscription of the address (its
    GET only asks), for `List-Unsubscribe` and the mail's footer."""
    return f"{base_url.rstrip('/')}/unsubscribe/{signer.recipient_token(email)}"


class Recipients(Protocol):
    def subscriptions_of(self, email: str, active_only: bool = True) -> list[Subscription]: ...

    def store_names(self, store_ids: list[str]) -> dict[str, str | None]: ...

    def unsubscribe(
        self, email: str, store_id: str | None = None, now: dt.datetime | None = None
    ) -> int: ...


@dataclass(frozen=True)
class Watched:
    """One store a recipient hears about, as the preferences page lists it."""

    subscription: Subscription
    store_name: str | None


@dataclass(frozen=True)
class RecipientView:
    """What the preferences page shows: the address, its stores, the preferences the form
    starts from (the first store's) and whether its stores' preferences differ now."""

    email: str
    watched: list[Watched]

    @property
    def current(self) -> Subscription | None:
        return self.watched[0].subscription if self.watched else None

    @property
    def differ(self) -> bool:
        seen = {tuple(getattr(w.subscription, n) for n in PREFERENCES) for w in self.watched}
        return len(seen) > 1


def recipient_view(recipients: Recipients, email: str) -> RecipientView:
    """The address's active subscriptions with their stores' names, by store."""
    found = recipients.subscriptions_of(email)
    names = recipients.store_names([s.store_id for s in found])
    return RecipientView(email, [Watched(s, names.get(s.store_id)) for s in found])


def unsubscribe_recipient(
    signer: SignedLinks, recipients: Recipients, token: str, now: dt.datetime
) -> int | None:
    """End every active subscription of the address a recipient token names: how many ended
    (0 again, harmlessly); None when the token is no recipient token of this key."""
    email = signer.recipient_of(token)
    if email is None:
        return None
    return recipients.unsubscribe(email, None, now)
