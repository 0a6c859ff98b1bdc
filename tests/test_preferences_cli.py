"""`subscribe` with preferences and `preferences EMAIL` through real processes, on SQLite and
PostgreSQL: a table, JSON, what changed, and one line (exit 2) for every bad value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calendar_service.adapters.db import Repository, make_engine
from calendar_service.domain.subscriptions import Subscription
from tests.cli import Result, run_cli

STORES = "store_id,name,captured_at\nshop-a,甲店,2026-11-01 09:00\nshop-b,乙店,2026-11-01 09:00\n"
OPS = "ops@example.com"


def _cli(database_url: str, *args: str) -> Result:
    return run_cli(*args, env={"CALENDAR_DATABASE_URL": database_url})


def _of(database_url: str, email: str = OPS) -> dict[str, Subscription]:
    engine = make_engine(database_url)
    try:
        return {s.store_id: s for s in Repository(engine).subscriptions_of(email)}
    finally:
        engine.dispose()


@pytest.fixture
def db(database_url: str, tmp_path: Path) -> str:
    """Two stores; ops@ subscribed to shop-a with chosen preferences, to shop-b with defaults."""
    stores = tmp_path / "stores.csv"
    stores.write_text(STORES, encoding="utf-8")
    assert _cli(database_url, "import", str(stores)).code == 0
    made = _cli(
        database_url,
        *("subscribe", "shop-a", OPS, "--cycles", "monthly,daily", "--no-ineligible"),
        *("--daily-summary", "daily", "--lang", "en"),
    )
    assert made.code == 0, made.err
    assert f"subscribed: {OPS} → shop-a (en)" in made.out
    assert _cli(database_url, "subscribe", "shop-b", OPS).code == 0
    return database_url


def test_subscribe_stores_the_preferences_given(db: str) -> None:
    a, b = _of(db).values()
    assert (set(a.cycles), a.include_ineligible, a.daily_summary, a.locale) == (
        {"monthly", "daily"},
        False,
        "daily",
        "en",
    )
    assert (set(b.cycles), b.include_ineligible, b.daily_summary, b.locale) == (
        {"yearly", "quarterly", "monthly", "daily"},
        True,
        "weekly",
        "zh-CN",
    )
    again = _cli(db, "subscribe", "shop-a", OPS, "--lang", "en", "--cycles", "all")
    assert again.code == 0 and "changed preferences" in again.out
    assert "cycles monthly,daily → yearly,quarterly,monthly,daily" in again.out
    assert _of(db)["shop-a"].include_ineligible is False  # not given: kept


def test_preferences_shows_a_table_and_json(db: str) -> None:
    shown = _cli(db, "preferences", OPS)
    assert shown.code == 0, shown.err
    head, a, b = shown.out.splitlines()
    assert head.split() == ["store", "cycles", "ineligible", "daily", "summary", "lang", "name"]
    assert a.split() == ["shop-a", "monthly,daily", "no", "daily", "en", "甲店"]
    assert b.split() == [
        "shop-b",
        "yearly,quarterly,monthly,daily",
        "yes",
        "weekly",
        "zh-CN",
        "乙店",
    ]
    assert a.index("monthly") == head.index("cycles")  # aligned columns

    as_json = json.loads(_cli(db, "preferences", OPS, "--store", "shop-a", "--json").out)
    assert as_json == {
        "email": OPS,
        "changed": [],
        "subscriptions": [
            {
                "store_id": "shop-a",
                "store_name": "甲店",
                "email": OPS,
                "cycles": ["monthly", "daily"],
                "include_ineligible": False,
                "daily_summary": "daily",
                "locale": "en",
            }
        ],
    }
    nobody = _cli(db, "preferences", "nobody@example.com")
    assert nobody.code == 0 and "has no active subscription" in nobody.out


def test_preferences_sets_on_every_store_or_the_ones_named_and_says_what_changed(db: str) -> None:
    every = _cli(db, "preferences", OPS, "--cycles", "yearly,monthly", "--include-ineligible")
    assert every.code == 0, every.err
    assert every.out.splitlines()[:3] == [
        "shop-a: cycles monthly,daily → yearly,monthly; include_ineligible no → yes",
        "shop-b: cycles yearly,quarterly,monthly,daily → yearly,monthly",
        "2 subscriptions changed",
    ]
    assert {s.cycles for s in _of(db).values()} == {frozenset({"yearly", "monthly"})}

    one = _cli(db, "preferences", OPS, "--store", "shop-b", "--daily-summary", "daily", "--json")
    assert json.loads(one.out)["changed"] == [
        {"store_id": "shop-b", "daily_summary": {"before": "weekly", "after": "daily"}}
    ]
    assert _of(db)["shop-a"].locale == "en" and _of(db)["shop-b"].locale == "zh-CN"
    same = _cli(db, "preferences", OPS, "--lang", "en", "--store", "shop-a")
    assert same.code == 0 and same.out.startswith("nothing changed")


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (("--cycles", "weekly"), "error: --cycles: unknown cycle weekly: write one or more of"),
        (("--cycles", ","), "error: --cycles: unknown cycle ','"),
        (("--daily-summary", "hourly"), "error: --daily-summary 'hourly' is not one of weekly"),
        (("--lang", "fr"), "error: --lang 'fr' is not one of zh-CN, en"),
        (("--store", "shop-z", "--no-ineligible"), f"error: {OPS} has no active subscription to"),
    ],
)
def test_a_bad_value_is_one_line_exit_2_and_nothing_changes(
    db: str, args: tuple[str, ...], problem: str
) -> None:
    before = _of(db)
    for command in (("preferences", OPS), ("subscribe", "shop-b", OPS)):
        if command[0] == "subscribe" and "--store" in args:
            continue
        result = _cli(db, *command, *args)
        assert result.code == 2, (command, result)
        assert result.err.startswith(problem) and result.err.count("\n") == 1
        assert "Traceback" not in result.err
    assert _of(db) == before
