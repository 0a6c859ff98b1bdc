"""What the database refuses, or adds only once, on SQLite and PostgreSQL: repeated imports,
check and foreign-key constraints, reminders planned from two engines at once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from calendar_service.adapters.db import Repository, UnknownStoreError, make_engine
from calendar_service.adapters.db.engine import write_transaction
from calendar_service.adapters.db.reminder_store import mark_planned
from calendar_service.adapters.db.tables import (
    PLANNED,
    PRODUCT_SNAPSHOTS,
    REMINDERS,
    STORE_SNAPSHOTS,
    STORES,
)
from calendar_service.domain.reminders import ReminderStatus
from calendar_service.domain.snapshots import ProductSnapshot
from tests.factories import product_with_every_figure, store_with_every_figure
from tests.storage_support import IMPORTED, at, count, insert_row, reminder

# Imports -----------------------------------------------------------------------------------------


def test_the_same_batch_twice_adds_nothing(repository: Repository, engine: Engine) -> None:
    stores = [store_with_every_figure("s1"), store_with_every_figure("s2")]
    products = [product_with_every_figure("p1", "s1"), product_with_every_figure("p2", "s2")]
    assert repository.add_snapshots(stores, products, "a.csv", IMPORTED) == (2, 2)
    assert repository.add_snapshots(stores, products, "a.csv", IMPORTED) == (0, 0)
    # The same instant written in another zone, and 23.50 written 23.5, are the same data.
    same = [dataclasses.replace(s, captured_at=s.captured_at.astimezone(dt.UTC)) for s in stores]
    cheaper = [dataclasses.replace(p, wholesale_price=Decimal("23.5")) for p in products]
    assert repository.add_snapshots(same, cheaper, "b.csv", IMPORTED) == (0, 0)
    assert (count(engine, STORE_SNAPSHOTS), count(engine, PRODUCT_SNAPSHOTS)) == (2, 2)
    changed = dataclasses.replace(stores[0], buyers_30d=16)
    assert repository.add_snapshots([changed], [], "c.csv", IMPORTED) == (1, 0)


def test_a_large_batch_crosses_chunks(repository: Repository, engine: Engine) -> None:
    products = [ProductSnapshot(f"p{i:05}", "s1", at(1), stock=i) for i in range(5000)]
    assert repository.add_snapshots([store_with_every_figure()], products, "big.csv", IMPORTED) == (
        1,
        5000,
    )
    assert repository.add_snapshots([store_with_every_figure()], products, "big.csv", IMPORTED) == (
        0,
        0,
    )
    assert count(engine, PRODUCT_SNAPSHOTS) == 5000
    assert len(repository.latest_product_snapshots("s1", at(2))) == 5000


def test_products_of_an_unknown_store_write_nothing(repository: Repository, engine: Engine) -> None:
    repository.add_snapshots([store_with_every_figure("s1")], [], "stores.csv", IMPORTED)
    products = [product_with_every_figure("p1", "s1"), product_with_every_figure("p2", "nowhere")]
    with pytest.raises(UnknownStoreError, match="nowhere") as raised:
        repository.add_snapshots(
            [store_with_every_figure("s2")], products, "products.csv", IMPORTED
        )
    assert "p2" in str(raised.value)
    assert repository.store_ids() == ["s1"]
    assert (count(engine, STORE_SNAPSHOTS), count(engine, PRODUCT_SNAPSHOTS)) == (1, 0)
    # A product whose store comes in the same batch, or is already known, is fine.
    batch = [product_with_every_figure("p2", "s2"), product_with_every_figure("p1", "s1")]
    assert repository.add_snapshots([store_with_every_figure("s2")], batch, "b.csv", IMPORTED) == (
        1,
        2,
    )


# Constraints -------------------------------------------------------------------------------------


def _store_snapshot_values(**figures: Any) -> dict[str, Any]:
    return {
        "store_id": "s1",
        "captured_at": at(1),
        "imported_at": IMPORTED,
        "source": "sql",
        "content_hash": "x" * 64,
        **figures,
    }


@pytest.mark.parametrize(
    "figures",
    [
        {"products_online": -1},
        {"buyers_30d": -1},
        {"medal_level": 6},
        {"medal_level": -1},
        {"dispute_rate_90d": Decimal(2)},
        {"dispute_rate_90d": Decimal("-0.0001")},
        {"satisfaction": Decimal("5.1")},
        {"gmv_30d": Decimal("-0.01")},
        {"shipping_promise": "12h"},
    ],
    ids=str,
)
def test_check_constraints_refuse_impossible_store_figures(
    engine: Engine, figures: dict[str, Any]
) -> None:
    insert_row(engine, STORES, store_id="s1", created_at=IMPORTED)
    with pytest.raises(IntegrityError):
        insert_row(engine, STORE_SNAPSHOTS, **_store_snapshot_values(**figures))


def test_check_constraints_accept_the_bounds(engine: Engine) -> None:
    insert_row(engine, STORES, store_id="s1", created_at=IMPORTED)
    bounds = {"medal_level": 5, "dispute_rate_90d": Decimal(1), "satisfaction": Decimal(5)}
    insert_row(engine, STORE_SNAPSHOTS, **_store_snapshot_values(**bounds))
    inside = {"medal_level": 0, "dispute_rate_90d": Decimal("0.5"), "gmv_30d": Decimal(0)}
    insert_row(engine, STORE_SNAPSHOTS, **_store_snapshot_values(**inside, content_hash="y" * 64))
    assert count(engine, STORE_SNAPSHOTS) == 2


@pytest.mark.parametrize(
    "figures",
    [{"stock": -1}, {"activity_discount": Decimal(2)}, {"wholesale_price": Decimal(-1)}],
    ids=str,
)
def test_check_constraints_refuse_impossible_product_figures(
    repository: Repository, engine: Engine, figures: dict[str, Any]
) -> None:
    repository.add_snapshots(
        [store_with_every_figure()], [product_with_every_figure()], "a.csv", IMPORTED
    )
    values = {
        "product_id": "p1",
        "store_id": "s1",
        "captured_at": at(2),
        "imported_at": IMPORTED,
        "source": "sql",
        "content_hash": "x" * 64,
        **figures,
    }
    with pytest.raises(IntegrityError):
        insert_row(engine, PRODUCT_SNAPSHOTS, **values)


def test_reminder_status_and_attempts_are_checked(repository: Repository, engine: Engine) -> None:
    repository.add_snapshots([store_with_every_figure()], [], "a.csv", IMPORTED)
    subscription = repository.subscribe("s1", "a@example.com", "zh-CN", now=IMPORTED)
    values = dataclasses.asdict(reminder(subscription.id, "promo-327:2027"))
    with pytest.raises(IntegrityError):
        insert_row(engine, REMINDERS, **{**values, "status": "lost"})
    with pytest.raises(IntegrityError):
        insert_row(engine, REMINDERS, **{**values, "attempts": -1})


def test_foreign_keys_are_enforced(engine: Engine) -> None:
    with pytest.raises(IntegrityError):
        insert_row(engine, STORE_SNAPSHOTS, **_store_snapshot_values(store_id="nowhere"))


def test_foreign_keys_are_on_for_every_sqlite_connection(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'calendar.db'}")
    try:
        connections = [engine.connect() for _ in range(3)]
        assert [c.exec_driver_sql("PRAGMA foreign_keys").scalar() for c in connections] == [1] * 3
        assert connections[0].exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        for connection in connections:
            connection.close()
    finally:
        engine.dispose()


# Reminders ---------------------------------------------------------------------------------------


@pytest.fixture
def subscription_id(repository: Repository) -> int:
    repository.add_snapshots([store_with_every_figure()], [], "a.csv", IMPORTED)
    return repository.subscribe("s1", "a@example.com", "zh-CN", now=IMPORTED).id


def test_reminder_keys_are_unique(engine: Engine, subscription_id: int) -> None:
    values = dataclasses.asdict(reminder(subscription_id, "promo-327:2027"))
    insert_row(engine, REMINDERS, **{**values, "status": ReminderStatus.PENDING.value})
    with pytest.raises(IntegrityError):
        insert_row(engine, REMINDERS, **{**values, "status": ReminderStatus.PENDING.value})


def test_planning_twice_adds_nothing(
    repository: Repository, engine: Engine, subscription_id: int
) -> None:
    rows = [reminder(subscription_id, f"promo-327:{year}") for year in (2027, 2028)]
    assert repository.add_reminders(rows) == 2
    assert repository.add_reminders(rows) == 0
    more = [*rows, reminder(subscription_id, "promo-327:2027", kind="deadline")]
    assert repository.add_reminders(more + more) == 1
    assert count(engine, REMINDERS) == 3
    with engine.connect() as connection:
        due = connection.execute(select(REMINDERS.c.status, REMINDERS.c.due_at)).all()
    assert {(status, due_at) for status, due_at in due} == {("pending", at(10))}


def test_planned_rows_keep_every_value_whether_shared_or_not(
    repository: Repository, engine: Engine, subscription_id: int
) -> None:
    # PostgreSQL sends a column with one value in every row once: here `status`, `attempts`
    # and the lease vary in the first batch and are shared in the second.
    mixed = [
        reminder(subscription_id, "promo-327:2027"),
        dataclasses.replace(
            reminder(subscription_id, "promo-327:2028"),
            status=ReminderStatus.SENDING,
            lease_owner="daemon-2",
            lease_until=at(11),
            attempts=2,
            due_at=at(12),
        ),
    ]
    shared = [reminder(subscription_id, f"promo-327:{year}") for year in (2029, 2030)]
    assert repository.add_reminders(mixed) == 2
    assert repository.add_reminders(shared) == 2
    query = select(
        REMINDERS.c.occurrence_key,
        REMINDERS.c.status,
        REMINDERS.c.lease_owner,
        REMINDERS.c.lease_until,
        REMINDERS.c.attempts,
        REMINDERS.c.due_at,
    ).order_by(REMINDERS.c.occurrence_key)
    with engine.connect() as connection:
        found = [tuple(r) for r in connection.execute(query)]
    assert found == [
        ("promo-327:2027", "pending", None, None, 0, at(10)),
        ("promo-327:2028", "sending", "daemon-2", at(11), 2, at(12)),
        ("promo-327:2029", "pending", None, None, 0, at(10)),
        ("promo-327:2030", "pending", None, None, 0, at(10)),
    ]


def test_a_planned_mark_is_written_once_and_moved_on(engine: Engine, subscription_id: int) -> None:
    with write_transaction(engine) as connection:
        mark_planned(connection, "monthly", [subscription_id, subscription_id], at(10), "v1")
    with write_transaction(engine) as connection:
        mark_planned(connection, "monthly", [subscription_id], at(17), "v2")
        mark_planned(connection, "yearly", [subscription_id], at(12), "v2")
    query = select(PLANNED.c.cycle, PLANNED.c.until, PLANNED.c.catalog_version).where(
        PLANNED.c.subscription_id == subscription_id
    )
    with engine.connect() as connection:
        found = sorted(tuple(r) for r in connection.execute(query))
    assert found == [("monthly", at(17), "v2"), ("yearly", at(12), "v2")]


def run_together(database_url: str, engine: Engine, work: Callable[[Repository], int]) -> list[int]:
    """`work` on two repositories with engines of their own, started at the same instant."""
    second = make_engine(database_url)
    repositories = [Repository(engine), Repository(second)]
    start = threading.Barrier(len(repositories))
    results: list[int] = []
    errors: list[BaseException] = []

    def run(repository: Repository) -> None:
        try:
            start.wait()
            results.append(work(repository))
        except BaseException as error:  # re-raised below, in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(r,)) for r in repositories]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    second.dispose()
    if errors:
        raise errors[0]
    return results


def test_planning_from_two_engines_at_once_adds_each_reminder_once(
    database_url: str, engine: Engine, subscription_id: int
) -> None:
    rows = [reminder(subscription_id, f"monthly-sales:2027-{m:02}") for m in range(1, 13)] * 2
    added = run_together(database_url, engine, lambda repository: repository.add_reminders(rows))
    assert sum(added) == 12
    assert count(engine, REMINDERS) == 12


def test_the_same_import_twice_at_once_adds_it_once(database_url: str, engine: Engine) -> None:
    stores = [store_with_every_figure(f"s{i}") for i in range(50)]
    products = [product_with_every_figure(f"p{i}", f"s{i % 50}") for i in range(500)]

    def load(repository: Repository) -> int:
        added_stores, added_products = repository.add_snapshots(stores, products, "a", IMPORTED)
        return added_stores + added_products

    assert sum(run_together(database_url, engine, load)) == 550
    assert (count(engine, STORE_SNAPSHOTS), count(engine, PRODUCT_SNAPSHOTS)) == (50, 500)
