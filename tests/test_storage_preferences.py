"""Subscription preferences in the database, on SQLite and PostgreSQL: set on one subscription,
on all of an address's, or on some stores' only; checked; all or nothing."""

from __future__ import annotations

import pytest

from calendar_service.adapters.db import Repository
from calendar_service.domain.snapshots import StoreSnapshot
from calendar_service.domain.subscriptions import CYCLES, Preferences, Subscription
from tests.storage_support import IMPORTED

EVERY = frozenset(CYCLES)


@pytest.fixture
def watched(repository: Repository) -> Repository:
    """ops@ watches s1, s2 and s3 (s3 ended); boss@ watches s1."""
    stores = [StoreSnapshot(s, IMPORTED, name=f"店{s}") for s in ("s1", "s2", "s3")]
    repository.add_snapshots(stores, [], "test", IMPORTED)
    for store in ("s1", "s2", "s3"):
        repository.subscribe(store, "ops@example.com", now=IMPORTED)
    repository.subscribe("s1", "boss@example.com", now=IMPORTED)
    repository.unsubscribe("ops@example.com", "s3", IMPORTED)
    return repository


def _of(repository: Repository, email: str) -> dict[str, Subscription]:
    return {s.store_id: s for s in repository.subscriptions_of(email, active_only=False)}


def test_a_new_subscription_has_the_schema_s_defaults_or_what_it_is_given(
    watched: Repository,
) -> None:
    first = _of(watched, "ops@example.com")["s1"]
    assert (first.cycles, first.include_ineligible, first.daily_summary) == (EVERY, True, "weekly")
    made = watched.subscribe(
        "s2",
        "new@example.com",
        "en",
        IMPORTED,
        cycles="monthly,daily",
        include_ineligible=False,
        daily_summary="daily",
    )
    assert made.cycles == {"monthly", "daily"} and made.locale == "en"
    assert (made.include_ineligible, made.daily_summary) == (False, "daily")
    assert _of(watched, "new@example.com")["s2"] == made  # as stored, read back


def test_subscribing_again_keeps_the_preferences_not_given(watched: Repository) -> None:
    watched.set_recipient_preferences("ops@example.com", Preferences.checked("daily", False))
    again = watched.subscribe("s1", "ops@example.com", now=IMPORTED)
    assert again.cycles == {"daily"} and again.include_ineligible is False
    back = watched.subscribe("s3", "ops@example.com", now=IMPORTED)  # ended before the change
    assert back.active and back.cycles == EVERY
    changed = watched.subscribe("s1", "ops@example.com", now=IMPORTED, daily_summary="daily")
    assert changed.cycles == {"daily"} and changed.daily_summary == "daily"


def test_setting_on_all_of_an_address_s_active_subscriptions_says_what_changed(
    watched: Repository,
) -> None:
    changes = watched.set_recipient_preferences(
        "ops@EXAMPLE.com",
        Preferences.checked(cycles="monthly,yearly"),  # any spelling
    )
    assert [c.before.store_id for c in changes] == ["s1", "s2"]  # not the ended s3
    assert all(c.changed == ("cycles",) for c in changes)
    assert all(
        c.before.cycles == EVERY and c.after.cycles == {"yearly", "monthly"} for c in changes
    )
    ops = _of(watched, "ops@example.com")
    assert ops["s1"].cycles == ops["s2"].cycles == {"yearly", "monthly"}
    assert ops["s3"].cycles == EVERY  # ended: left as it was
    assert _of(watched, "boss@example.com")["s1"].cycles == EVERY  # another address's

    again = watched.set_recipient_preferences(
        "ops@example.com", Preferences.checked(cycles=["yearly", "monthly"], locale="zh-CN")
    )
    assert again == []  # nothing changed, nothing said


def test_setting_on_some_stores_only(watched: Repository) -> None:
    changes = watched.set_recipient_preferences(
        "ops@example.com", Preferences.checked(daily_summary="daily", locale="en"), ["s2"]
    )
    assert [(c.before.store_id, c.changed) for c in changes] == [
        ("s2", ("daily_summary", "locale"))
    ]
    ops = _of(watched, "ops@example.com")
    assert (ops["s2"].daily_summary, ops["s2"].locale) == ("daily", "en")
    assert (ops["s1"].daily_summary, ops["s1"].locale) == ("weekly", "zh-CN")


def test_a_store_not_watched_refuses_the_whole_change(watched: Repository) -> None:
    before = watched.subscriptions(active_only=False)
    for stores in (["s1", "s3"], ["s1", "nowhere"]):  # s3 has ended; nowhere was never one
        with pytest.raises(ValueError, match=r"no active subscription to store (s3|nowhere)"):
            watched.set_recipient_preferences(
                "ops@example.com", Preferences.checked(include_ineligible=False), stores
            )
    assert watched.subscriptions(active_only=False) == before  # s1 not half-changed


def test_setting_on_one_subscription(watched: Repository) -> None:
    s1 = _of(watched, "ops@example.com")["s1"]
    change = watched.set_preferences(s1.id, Preferences.checked(include_ineligible=False))
    assert change is not None and change.changed == ("include_ineligible",)
    assert change.after.include_ineligible is False and change.after.id == s1.id
    assert _of(watched, "ops@example.com")["s2"].include_ineligible is True
    same = watched.set_preferences(s1.id, Preferences.checked(include_ineligible=False))
    assert same is not None and same.changed == () and same.after == change.after
    ended = _of(watched, "ops@example.com")["s3"]
    done = watched.set_preferences(ended.id, Preferences.checked(daily_summary="daily"))
    assert done is not None and done.after.daily_summary == "daily" and not done.after.active
    assert watched.set_preferences(999_999, Preferences.checked(locale="en")) is None
    assert watched.subscription(s1.id) == change.after and watched.subscription(999_999) is None


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ({"cycles": "weekly"}, "unknown cycle weekly: write one or more of yearly"),
        ({"cycles": ""}, "unknown cycle '': write one or more of"),
        ({"cycles": []}, "write one or more of yearly, quarterly, monthly, daily"),
        ({"cycles": ["monthly", "hourly"]}, "unknown cycle hourly"),
        ({"daily_summary": "hourly"}, "daily summary 'hourly' is not one of weekly, daily"),
        ({"locale": "fr"}, "locale 'fr' is not one of zh-CN, en: write zh-CN or en"),
        ({"include_ineligible": "yes"}, "include_ineligible 'yes' is not a boolean"),
    ],
)
def test_bad_preferences_say_what_to_write_and_nothing_is_written(
    watched: Repository, given: dict[str, object], problem: str
) -> None:
    before = watched.subscriptions(active_only=False)
    with pytest.raises(ValueError, match=problem):
        watched.set_recipient_preferences("ops@example.com", Preferences.checked(**given))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=problem):
        watched.subscribe("s2", "new@example.com", **given)  # type: ignore[arg-type]
    assert watched.subscriptions(active_only=False) == before


def test_names_of_the_stores(watched: Repository) -> None:
    assert watched.store_names(["s2", "s1", "nowhere"]) == {"s1": "店s1", "s2": "店s2"}
    assert watched.store_names([]) == {}
