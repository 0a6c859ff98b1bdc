"""Store feeds kept in memory: rebuilt only when the catalog, the stores' data or the day changes.

A cached feed is served without touching the database for `revalidate_after`; after that one
small query (the token, and its stores' data version) tells whether it still holds. So a revoked
token stops working in this process within `revalidate_after` at most.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Protocol

from calendar_service.services.feeds import FeedFile
from calendar_service.services.signed_links import SignedLinks


class FeedSource(Protocol):
    def stores_for_feed_token(self, token: str) -> tuple[str, ...] | None: ...

    def data_version(self, store_ids: Sequence[str]) -> tuple[int, int]: ...


class TokenStore(FeedSource, Protocol):
    def store_for_subscription_feed(self, subscription_id: int, generation: int) -> str | None: ...


@dataclass(frozen=True)
class SignedFeedSource:
    """Tokens made by staff (kept as their sha256), and the signed links in subscribers'
    mails: one store, while the subscription lasts and its feeds are not revoked."""

    signer: SignedLinks
    tokens: TokenStore

    def stores_for_feed_token(self, token: str) -> tuple[str, ...] | None:
        signed = self.signer.feed_of(token)
        if signed is None:
            return self.tokens.stores_for_feed_token(token)
        store_id = self.tokens.store_for_subscription_feed(*signed)
        return None if store_id is None else (store_id,)

    def data_version(self, store_ids: Sequence[str]) -> tuple[int, int]:
        return self.tokens.data_version(store_ids)


@dataclass
class _Entry:
    feed: FeedFile
    version: Hashable
    checked: float


class FeedCache:
    """Feeds by (token, options, day); thread-safe; bounded to `size` entries, and to
    `per_token` of them for one token, so one URL tried with many options cannot push every
    other subscriber's feed out."""

    def __init__(
        self,
        source: FeedSource,
        revalidate_after: dt.timedelta,
        size: int = 2048,
        monotonic: Callable[[], float] = time.monotonic,
        per_token: int = 8,
    ) -> None:
        self._source = source
        self._after = revalidate_after.total_seconds()
        self._size = size
        self._per_token = per_token
        self._monotonic = monotonic
        self._entries: dict[tuple[str, Hashable], _Entry] = {}
        self._lock = threading.Lock()

    def fresh(self, token: str, variant: Hashable) -> FeedFile | None:
        """The cached feed when it was checked within the interval: no database, no build (the
        web app serves it without leaving the event loop); else None, and `get` decides."""
        with self._lock:
            entry = self._entries.get((token, variant))
        if entry is not None and self._monotonic() - entry.checked < self._after:
            return entry.feed
        return None

    def get(
        self, token: str, variant: Hashable, build: Callable[[tuple[str, ...]], FeedFile]
    ) -> FeedFile | None:
        """The feed for `token`, built by `build(store_ids)` when needed; None for a bad token."""
        key = (token, variant)
        now = self._monotonic()
        with self._lock:
            entry = self._entries.get(key)
        if entry is not None and now - entry.checked < self._after:
            return entry.feed
        store_ids = self._source.stores_for_feed_token(token)
        if not store_ids:  # unknown, revoked, or over every store of an empty database
            with self._lock:
                self._entries.pop(key, None)
            return None
        version = (store_ids, self._source.data_version(store_ids))
        if entry is not None and entry.version == version:
            entry.checked = now
            return entry.feed
        feed = build(store_ids)
        with self._lock:
            self._entries.pop(key, None)
            mine = [k for k in self._entries if k[0] == token]
            if len(mine) >= self._per_token:
                self._entries.pop(mine[0])  # this token's oldest variant
            elif len(self._entries) >= self._size:
                self._entries.pop(next(iter(self._entries)))  # the oldest entry
            self._entries[key] = _Entry(feed, version, now)
        return feed
