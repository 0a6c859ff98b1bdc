"""Store feeds are rebuilt only when the store's data changes, and revocation is honoured."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from calendar_service.adapters.db.repository import Repository
from calendar_service.domain.snapshots import StoreSnapshot
from calendar_service.errors import UnknownStoreError
from calendar_service.services.feed_cache import FeedCache
from calendar_service.services.feeds import FeedFile, feed_file

CST = ZoneInfo("Asia/Shanghai")
STAMP = dt.datetime(2027, 1, 10, tzinfo=CST)
STORE = StoreSnapshot("s-1", dt.datetime(2027, 1, 10, 9, tzinfo=CST), name="样品店", buyers_30d=3)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_feed_is_built_once_then_rebuilt_only_when_the_data_changes(
    repository: Repository,
) -> None:
    repository.add_snapshots([STORE], [], "a.csv", STAMP)
    token = repository.create_feed_token("s-1")
    clock = Clock()
    cache = FeedCache(repository, dt.timedelta(seconds=60), monotonic=clock)
    builds: list[tuple[str, ...]] = []

    def build(store_ids: tuple[str, ...]) -> FeedFile:
        builds.append(store_ids)
        return feed_file(f"feed {store_ids} #{len(builds)}".encode(), STAMP)

    first = cache.get(token, "zh", build)
    assert first is not None and builds == [("s-1",)]
    assert cache.get(token, "zh", build) is first  # within the interval: no database, no build
    clock.now = 61
    assert cache.get(token, "zh", build) is first and builds == [("s-1",)]  # checked, unchanged
    later = dataclasses.replace(STORE, captured_at=STORE.captured_at + dt.timedelta(days=1))
    repository.add_snapshots([later], [], "b.csv", STAMP)
    assert cache.get(token, "zh", build) is first  # not yet revalidated
    clock.now = 200
    rebuilt = cache.get(token, "zh", build)
    assert rebuilt is not None and rebuilt.etag != first.etag and len(builds) == 2
    assert cache.get(token, "en", build) is not None and len(builds) == 3  # another variant


def test_revoked_token_stops_working_after_the_interval(repository: Repository) -> None:
    repository.add_snapshots([STORE], [], "a.csv", STAMP)
    token = repository.create_feed_token("s-1")
    clock = Clock()
    cache = FeedCache(repository, dt.timedelta(seconds=60), monotonic=clock)

    def build(store_ids: tuple[str, ...]) -> FeedFile:
        return feed_file(" ".join(store_ids).encode(), STAMP)

    assert cache.get(token, "zh", build) is not None
    repository.revoke_feed_tokens("s-1")
    clock.now = 61
    assert cache.get(token, "zh", build) is None
    assert cache.get("never-issued", "zh", build) is None


def test_data_version_moves_with_store_and_product_snapshots(repository: Repository) -> None:
    repository.add_snapshots([STORE], [], "a.csv", STAMP)
    before = repository.data_version(["s-1"])
    repository.add_snapshots([STORE], [], "a.csv", STAMP)  # the same data again: no change
    assert repository.data_version(["s-1"]) == before
    later = dataclasses.replace(STORE, captured_at=STORE.captured_at + dt.timedelta(hours=1))
    repository.add_snapshots([later], [], "b.csv", STAMP)
    assert repository.data_version(["s-1"]) > before
    assert repository.data_version(["nowhere", "s-1"]) == repository.data_version(["s-1"])
    assert repository.data_version(["nowhere"]) == (0, 0)


def test_one_token_keeps_a_bounded_number_of_variants(repository: Repository) -> None:
    """A URL tried with many options replaces its own variants, never other tokens' feeds."""
    repository.add_snapshots([STORE], [], "a.csv", STAMP)
    mine, other = repository.create_feed_token("s-1"), repository.create_feed_token("s-1")
    cache = FeedCache(repository, dt.timedelta(seconds=60), size=10, per_token=3)
    builds: list[tuple[str, ...]] = []

    def build(store_ids: tuple[str, ...]) -> FeedFile:
        builds.append(store_ids)
        return feed_file(f"feed {len(builds)}".encode(), STAMP)

    kept = cache.get(other, "zh", build)
    for variant in range(20):
        cache.get(mine, variant, build)
    assert cache.get(other, "zh", build) is kept and len(builds) == 21  # still cached
    assert cache.get(mine, 19, build) is not None and len(builds) == 21  # the newest kept
    cache.get(mine, 0, build)
    assert len(builds) == 22  # an old variant of its own was dropped


def test_a_token_over_several_stores_or_all_of_them(repository: Repository) -> None:
    second = dataclasses.replace(STORE, store_id="s-2")
    third = dataclasses.replace(STORE, store_id="s-3")
    repository.add_snapshots([STORE, second, third], [], "a.csv", STAMP)
    some = repository.create_stores_feed_token(["s-2", "s-1", "s-2"])
    every = repository.create_stores_feed_token(None)
    own = repository.create_feed_token("s-3")
    assert repository.stores_for_feed_token(some) == ("s-1", "s-2")
    assert repository.stores_for_feed_token(every) == ("s-1", "s-2", "s-3")
    assert repository.stores_for_feed_token(own) == ("s-3",)
    # Revoking a store's URLs ends those over several stores that show it too.
    assert repository.revoke_feed_tokens("s-2") == 1
    assert repository.stores_for_feed_token(some) is None
    assert repository.stores_for_feed_token(every) is not None
    assert repository.revoke_feed_tokens(None) == 1  # the all-stores URLs
    assert repository.stores_for_feed_token(every) is None
    assert repository.stores_for_feed_token(own) == ("s-3",)
    with pytest.raises(UnknownStoreError):
        repository.create_stores_feed_token(["s-1", "nowhere"])
