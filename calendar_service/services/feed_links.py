"""Issuing a private feed URL: the one use case behind `feed-url`, the API and the dashboard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from calendar_service.services.feeds import SubscribeLinks, subscribe_links


class FeedTokens(Protocol):
    def create_feed_token(self, store_id: str, now: dt.datetime | None = None) -> str: ...

    def create_stores_feed_token(
        self, store_ids: Sequence[str] | None, now: dt.datetime | None = None
    ) -> str: ...


def issue_feed_url(
    tokens: FeedTokens,
    base_url: str,
    stores: Sequence[str] | None,
    lang: str,
    now: dt.datetime | None = None,
) -> SubscribeLinks:
    """A new private feed URL, with its webcal:// and Google Calendar forms: one store's own
    feed, one feed over several stores, or over every store (`stores` None). Shown once: only
    the token's hash is kept. UnknownStoreError names a store the database does not know."""
    if stores is not None and len(stores) == 1:
        token = tokens.create_feed_token(stores[0], now)
    else:
        token = tokens.create_stores_feed_token(stores, now)
    return feed_links(base_url, token, lang)


def feed_links(base_url: str, token: str, lang: str) -> SubscribeLinks:
    """The links of the feed a token opens, in `lang` ("zh" or "en")."""
    query = "?lang=en" if lang == "en" else ""
    return subscribe_links(f"{base_url}/feeds/{token}.ics{query}")
