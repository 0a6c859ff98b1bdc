"""Feed tokens and subscriptions in the database, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from calendar_service.adapters.db import Repository, UnknownStoreError
from calendar_service.adapters.db.tables import FEED_TOKENS, SUBSCRIPTIONS
from tests.factories import store_with_every_figure
from tests.storage_support import IMPORTED, at, count

# Feed tokens -------------------------------------------------------------------------------------


def test_feed_tokens_are_stored_hashed_and_revocable(
    repository: Repository, engine: Engine
) -> None:
    repository.add_snapshots(
        [store_with_every_figure("s1"), store_with_every_figure("s2")], [], "a.csv", IMPORTED
    )
    token = repository.create_feed_token("s1", now=IMPORTED)
    other = repository.create_feed_token("s2", now=IMPORTED)
    assert len(token) >= 43
    assert token != other
    with engine.connect() as connection:
        stored = connection.execute(select(FEED_TOKENS)).mappings().all()
    assert all(token not in str(dict(row)) for row in stored)
    assert repository.stores_for_feed_token(token) == ("s1",)
    assert repository.stores_for_feed_token("not-a-token") is None
    assert repository.revoke_feed_tokens("s1", now=IMPORTED) == 1
    assert repository.revoke_feed_tokens("s1", now=IMPORTED) == 0
    assert repository.stores_for_feed_token(token) is None
    assert repository.stores_for_feed_token(other) == ("s2",)
    fresh = repository.create_feed_token("s1")
    assert repository.stores_for_feed_token(fresh) == ("s1",)


def test_a_feed_token_for_an_unknown_store_is_refused(repository: Repository) -> None:
    with pytest.raises(UnknownStoreError, match="nowhere"):
        repository.create_feed_token("nowhere")


# Subscriptions -----------------------------------------------------------------------------------


def test_subscribe_is_idempotent_and_reactivates(repository: Repository, engine: Engine) -> None:
    repository.add_snapshots(
        [store_with_every_figure("s1"), store_with_every_figure("s2")], [], "a.csv", IMPORTED
    )
    first = repository.subscribe("s1", "Owner@Example.COM", "zh-CN", now=at(1))
    again = repository.subscribe("s1", " Owner@example.com ", "en", now=at(2))
    assert (again.id, again.created_at) == (first.id, at(1))
    assert (again.email, again.locale, again.active) == ("Owner@example.com", "en", True)
    assert repository.unsubscribe("Owner@example.com", "s1", now=at(3)) == 1
    assert repository.subscriptions("s1") == []
    back = repository.subscribe("s1", "Owner@example.com", "zh-CN", now=at(4))
    assert (back.id, back.active, back.locale) == (first.id, True, "zh-CN")
    assert count(engine, SUBSCRIPTIONS) == 1
    repository.subscribe("s2", "Owner@example.com", "en")
    assert repository.unsubscribe("Owner@example.com") == 2
    assert repository.unsubscribe("Owner@example.com") == 0
    assert [s.store_id for s in repository.subscriptions(active_only=False)] == ["s1", "s2"]


@pytest.mark.parametrize(("email", "locale"), [("not-an-email", "en"), ("a@example.com", "fr")])
def test_subscribe_refuses_bad_input(repository: Repository, email: str, locale: str) -> None:
    repository.add_snapshots([store_with_every_figure()], [], "a.csv", IMPORTED)
    with pytest.raises(ValueError, match=email if locale == "en" else locale):
        repository.subscribe("s1", email, locale)
    with pytest.raises(UnknownStoreError):
        repository.subscribe("nowhere", "a@example.com", "en")


def test_ending_a_subscription_is_idempotent(repository: Repository) -> None:
    repository.add_snapshots([store_with_every_figure()], [], "a.csv", IMPORTED)
    subscription = repository.subscribe("s1", "a@example.com", "en", now=at(1))
    assert repository.end_subscription(subscription.id, now=at(2)) is True
    assert repository.end_subscription(subscription.id, now=at(3)) is True
    assert repository.end_subscription(subscription.id + 1) is False
    assert repository.end_subscription_by_token_hash("0" * 64) is False
    (ended,) = repository.subscriptions("s1", active_only=False)
    assert ended.unsubscribed_at == at(2)  # the second click changed nothing
    assert not ended.active
