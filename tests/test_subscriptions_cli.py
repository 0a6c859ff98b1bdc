"""`subscribe` and `unsubscribe` through real processes, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from calendar_service.adapters.db import Repository, make_engine
from calendar_service.domain.subscriptions import Subscription
from tests.cli import Result, run_cli

STORES = "store_id,name,captured_at\nshop-a,甲店,2026-11-01 09:00\nshop-b,乙店,2026-11-01 09:00\n"


def _cli(database_url: str, *args: str) -> Result:
    return run_cli(*args, env={"CALENDAR_DATABASE_URL": database_url})


def _subscriptions(database_url: str, active_only: bool = True) -> list[Subscription]:
    engine = make_engine(database_url)
    try:
        return Repository(engine).subscriptions(active_only=active_only)
    finally:
        engine.dispose()


@pytest.fixture
def db(database_url: str, tmp_path: Path) -> str:
    stores = tmp_path / "stores.csv"
    stores.write_text(STORES, encoding="utf-8")
    result = _cli(database_url, "import", str(stores))
    assert result.code == 0, result.err
    return database_url


def test_an_invalid_address_is_named_with_what_is_wrong(db: str) -> None:
    result = _cli(db, "subscribe", "shop-a", "owner@localhost")
    assert result.code == 2
    assert "'owner@localhost' is not a valid email address" in result.err
    assert "period" in result.err  # email-validator's reason: the domain has no dot
    assert "Traceback" not in result.err
    result = _cli(db, "unsubscribe", "owner.example.com")
    assert result.code == 2 and "must have an @-sign" in result.err
    assert _subscriptions(db) == []


def test_an_address_needing_smtputf8_is_refused_and_a_chinese_domain_kept_in_ascii(
    db: str,
) -> None:
    refused = _cli(db, "subscribe", "shop-a", "店主@例子.中国")
    assert refused.code == 2
    assert "'店主@例子.中国' is not a valid email address" in refused.err
    assert "before the @-sign" in refused.err and "Traceback" not in refused.err
    assert _subscriptions(db) == []

    kept = _cli(db, "subscribe", "shop-a", "owner@例子.中国")
    assert kept.code == 0, kept.err
    assert [s.email for s in _subscriptions(db)] == ["owner@xn--fsqu00a.xn--fiqs8s"]
    ended = _cli(db, "unsubscribe", "owner@例子.中国")  # either spelling finds it
    assert ended.code == 0 and "1 subscription ended" in ended.out
    assert _subscriptions(db) == []


def test_an_unknown_store_is_an_error(db: str) -> None:
    result = _cli(db, "subscribe", "shop-z", "owner@example.com")
    assert result.code == 1
    assert "no data for store 'shop-z'" in result.err
    assert _cli(db, "unsubscribe", "owner@example.com", "shop-z").code == 1
    assert _subscriptions(db) == []


def test_one_address_for_several_stores_then_unsubscribe_one_then_all(db: str) -> None:
    for store in ("shop-a", "shop-b"):
        result = _cli(db, "subscribe", store, "Agency@Example.COM")
        assert result.code == 0, result.err
        assert f"subscribed: Agency@example.com → {store} (zh-CN)" in result.out
    assert [(s.store_id, s.email) for s in _subscriptions(db)] == [
        ("shop-a", "Agency@example.com"),
        ("shop-b", "Agency@example.com"),
    ]
    one = _cli(db, "unsubscribe", "agency@example.com", "shop-a")
    assert one.code == 0, one.err
    assert "agency@example.com had no active subscription" in one.out  # the local part counts

    one = _cli(db, "unsubscribe", "Agency@example.com", "shop-a")
    assert one.code == 0 and "from store shop-a: 1 subscription ended" in one.out
    assert [s.store_id for s in _subscriptions(db)] == ["shop-b"]

    _cli(db, "subscribe", "shop-a", "Agency@example.com")
    every = _cli(db, "unsubscribe", "Agency@example.com")
    assert every.code == 0 and "from all stores: 2 subscriptions ended" in every.out
    assert _subscriptions(db) == []
    again = _cli(db, "unsubscribe", "Agency@example.com")
    assert again.code == 0 and "nothing to do" in again.out


def test_subscribing_again_is_idempotent_and_can_change_the_locale(db: str) -> None:
    first = _cli(db, "subscribe", "shop-a", "owner@example.com", "--locale", "en")
    assert first.code == 0 and "subscribed: owner@example.com → shop-a (en)" in first.out
    again = _cli(db, "subscribe", "shop-a", "owner@example.com", "--locale", "en")
    assert again.code == 0 and "already subscribed" in again.out
    (only,) = _subscriptions(db)
    assert only.locale == "en"

    changed = _cli(db, "subscribe", "shop-a", "owner@example.com")
    assert changed.code == 0 and "changed locale from en" in changed.out
    _cli(db, "unsubscribe", "owner@example.com", "shop-a")
    back = _cli(db, "subscribe", "shop-a", "owner@example.com", "--locale", "en")
    assert back.code == 0 and "subscribed again" in back.out
    (same,) = _subscriptions(db, active_only=False)
    assert (same.id, same.locale, same.active) == (only.id, "en", True)
    bad = _cli(db, "subscribe", "shop-a", "owner@example.com", "--locale", "fr")
    assert bad.code == 2 and "'fr' is not one of" in bad.err
