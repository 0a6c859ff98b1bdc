"""The persistence layer against real SQLite and real PostgreSQL (see conftest.database_url)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, Table, func, insert, inspect, select
from sqlalchemy.exc import IntegrityError

from calendar_service.adapters.db import (
    Repository,
    UnknownStoreError,
    check_connection,
    create_schema,
    make_engine,
)
from calendar_service.adapters.db.tables import (
    FEED_TOKENS,
    PRODUCT_SNAPSHOTS,
    REMINDERS,
    STORE_SNAPSHOTS,
    STORES,
    SUBSCRIPTIONS,
)
from calendar_service.domain.reminders import ReminderRow, ReminderStatus
from calendar_service.domain.snapshots import (
    PRODUCT_COLUMNS,
    STORE_COLUMNS,
    ProductSnapshot,
    StoreSnapshot,
)
from calendar_service.errors import DatabaseError
from tests.times import CST

IMPORTED = dt.datetime(2027, 3, 1, 9, 0, tzinfo=CST)


def at(day: int, hour: int = 8) -> dt.datetime:
    """A capture time in March 2027, China Standard Time."""
    return dt.datetime(2027, 3, day, hour, 0, tzinfo=CST)


def full_store(store_id: str = "s1", captured_at: dt.datetime | None = None) -> StoreSnapshot:
    """A store snapshot with every figure known."""
    return StoreSnapshot(
        store_id=store_id,
        captured_at=captured_at or at(1),
        name="义乌小商品旗舰店",
        member_since=dt.date(2019, 5, 20),
        medal_level=3,
        satisfaction=Decimal("4.8"),
        products_online=120,
        products_listed=118,
        gmv_30d=Decimal("12345.67"),
        buyers_30d=15,
        shipping_promise="48h",
        buyer_protection=True,
        delivery_guarantee=False,
        alipay_verified=True,
        online_trading=True,
        disputes_90d=1,
        dispute_rate_90d=Decimal("0.0001"),
        risk_score=Decimal("32"),
        industrial_belt="义乌",
        last_group_wholesale_gmv=Decimal("0.01"),
        last_promotion_gmv=Decimal("999999.999999"),
        email="owner@example.com",
    )


def full_product(
    product_id: str = "p1", store_id: str = "s1", captured_at: dt.datetime | None = None
) -> ProductSnapshot:
    """A product snapshot with every figure known."""
    return ProductSnapshot(
        product_id=product_id,
        store_id=store_id,
        captured_at=captured_at or at(1),
        title="加厚保温杯 500ml",
        listed_at=dt.date(2027, 2, 1),
        wholesale_price=Decimal("23.50"),
        sales_30d=340,
        buyers_30d=41,
        clicks_30d=0,
        competitiveness_score=Decimal("20"),
        free_sample=True,
        sample_price=Decimal("23.5"),
        stock=1,
        online_order=True,
        image_square=True,
        image_watermark=False,
        description_complete=True,
        activity_discount=Decimal("0.85"),
        free_shipping=False,
    )


def count(engine: Engine, table: Table) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(table)) or 0


def insert_row(engine: Engine, table: Table, **values: Any) -> None:
    with engine.begin() as connection:
        connection.execute(insert(table).values(**values))


def reminder(subscription_id: int, occurrence: str, kind: str = "opens") -> ReminderRow:
    return ReminderRow.planned(
        subscription_id=subscription_id,
        store_id="s1",
        activity="promo-327",
        occurrence_key=occurrence,
        kind=kind,
        due_at=at(10),
        deadline_at=at(20),
    )


# Schema --------------------------------------------------------------------------------------


def test_create_schema_twice_is_harmless_and_keeps_data(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        create_schema(engine)
        create_schema(engine)
        Repository(engine).add_snapshots([full_store()], [], "a.csv", IMPORTED)
        create_schema(engine)
        assert Repository(engine).store_ids() == ["s1"]
    finally:
        engine.dispose()


def test_snapshot_tables_have_a_column_for_every_domain_field(engine: Engine) -> None:
    schema = inspect(engine)
    store_columns = {c["name"] for c in schema.get_columns("store_snapshots")}
    product_columns = {c["name"] for c in schema.get_columns("product_snapshots")}
    assert set(STORE_COLUMNS) <= store_columns
    assert set(PRODUCT_COLUMNS) <= product_columns


def test_sqlite_file_goes_in_a_folder_created_for_it(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "calendar.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        create_schema(engine)
        assert path.exists()
    finally:
        engine.dispose()


# Round trips ---------------------------------------------------------------------------------


def test_store_snapshot_round_trips_every_field(repository: Repository) -> None:
    snapshot = full_store()
    repository.add_snapshots([snapshot], [], "stores.csv", IMPORTED)
    back = repository.latest_store_snapshot("s1", at(2))
    assert back == snapshot
    assert back is not None
    assert back.captured_at.utcoffset() == dt.timedelta(0)  # aware, in UTC
    assert str(back.gmv_30d) == "12345.67"
    assert str(back.dispute_rate_90d) == "0.0001"


def test_product_snapshot_round_trips_every_field(repository: Repository) -> None:
    snapshot = full_product()
    repository.add_snapshots([full_store()], [snapshot], "products.csv", IMPORTED)
    assert repository.latest_product_snapshots("s1", at(2)) == [snapshot]


def test_unknown_figures_stay_unknown_and_zero_stays_zero(repository: Repository) -> None:
    unknown = StoreSnapshot("unknown", at(1))
    zero = StoreSnapshot(
        "zero", at(1), medal_level=0, gmv_30d=Decimal(0), buyer_protection=False, buyers_30d=0
    )
    bare_product = ProductSnapshot("p1", "unknown", at(1))
    repository.add_snapshots([unknown, zero], [bare_product], "a.csv", IMPORTED)
    assert repository.latest_store_snapshot("unknown", at(2)) == unknown
    back = repository.latest_store_snapshot("zero", at(2))
    assert back == zero
    assert back is not None
    assert (back.medal_level, back.gmv_30d, back.buyer_protection) == (0, Decimal(0), False)
    assert repository.latest_product_snapshots("unknown", at(2)) == [bare_product]


@pytest.mark.parametrize(
    "value",
    ["0.0001", "12345.67", "0.000001", "999999999999.999999", "0", "100", "4.5"],
)
def test_decimals_round_trip_exactly(repository: Repository, value: str) -> None:
    snapshot = StoreSnapshot("s1", at(1), gmv_30d=Decimal(value))
    repository.add_snapshots([snapshot], [], "a.csv", IMPORTED)
    back = repository.latest_store_snapshot("s1", at(1))
    assert back is not None
    assert back.gmv_30d == Decimal(value)
    assert str(back.gmv_30d) == value


@settings(
    max_examples=40,
    deadline=None,
    # The database is shared by the examples on purpose: each writes a store of its own.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.decimals(min_value=0, max_value=Decimal("999999999999.999999"), places=6))
def test_any_storable_decimal_round_trips(repository: Repository, value: Decimal) -> None:
    store_id = f"s{value}"
    repository.add_snapshots([StoreSnapshot(store_id, at(1), gmv_30d=value)], [], "h", IMPORTED)
    back = repository.latest_store_snapshot(store_id, at(1))
    assert back is not None
    assert back.gmv_30d == value


@pytest.mark.parametrize("value", ["0.0000001", "1000000000000", "NaN"])
def test_decimals_that_cannot_be_stored_exactly_are_refused(
    repository: Repository, value: str
) -> None:
    snapshot = StoreSnapshot("s1", at(1), gmv_30d=Decimal(value))
    with pytest.raises(ValueError, match="gmv_30d"):
        repository.add_snapshots([snapshot], [], "a.csv", IMPORTED)
    assert repository.store_ids() == []


def test_an_offset_datetime_comes_back_as_the_same_instant(repository: Repository) -> None:
    eight_am_cst = dt.datetime(2027, 3, 27, 8, 0, tzinfo=CST)
    repository.add_snapshots([StoreSnapshot("s1", eight_am_cst)], [], "a.csv", IMPORTED)
    back = repository.latest_store_snapshot("s1", eight_am_cst)  # as_of is inclusive
    assert back is not None
    assert back.captured_at == eight_am_cst
    assert back.captured_at == dt.datetime(2027, 3, 27, 0, 0, tzinfo=dt.UTC)
    assert back.captured_at.tzinfo is not None


def test_naive_datetimes_are_refused(repository: Repository) -> None:
    naive = dt.datetime(2027, 3, 1, 8, 0)  # noqa: DTZ001 - the point of the test
    with pytest.raises(ValueError, match="no time zone"):
        repository.add_snapshots([StoreSnapshot("s1", naive)], [], "a.csv", IMPORTED)
    with pytest.raises(ValueError, match="no time zone"):
        repository.latest_store_snapshot("s1", naive)
    with pytest.raises(ValueError, match="no time zone"):
        repository.add_snapshots([], [], "a.csv", naive)


# Latest and history --------------------------------------------------------------------------


def test_latest_snapshot_is_by_capture_time_not_insertion_order(repository: Repository) -> None:
    newer = dataclasses.replace(full_store(captured_at=at(5)), name="新名字", medal_level=4)
    older = dataclasses.replace(full_store(captured_at=at(3)), name="旧名字", medal_level=2)
    repository.add_snapshots([newer], [], "new.csv", IMPORTED)
    repository.add_snapshots([older], [], "old.csv", IMPORTED)
    assert repository.latest_store_snapshot("s1", at(9)) == newer
    assert repository.latest_store_snapshots(at(9)) == {"s1": newer}
    assert repository.stores() == [("s1", "新名字")]  # the name of the newest snapshot


def test_a_blank_name_in_the_newest_snapshot_keeps_the_known_name(repository: Repository) -> None:
    repository.add_snapshots([StoreSnapshot("s1", at(1), name="老店")], [], "a.csv", IMPORTED)
    repository.add_snapshots([StoreSnapshot("s1", at(2))], [], "b.csv", IMPORTED)
    assert repository.stores() == [("s1", "老店")]


def test_as_of_and_history_windows(repository: Repository) -> None:
    snapshots = [StoreSnapshot("s1", at(day), buyers_30d=day) for day in (3, 1, 2)]
    repository.add_snapshots(snapshots, [], "a.csv", IMPORTED)
    assert repository.latest_store_snapshot("s1", at(1, 7)) is None
    latest = repository.latest_store_snapshot("s1", at(2, 23))
    assert latest is not None
    assert latest.buyers_30d == 2
    assert repository.latest_store_snapshot("other", at(9)) is None
    history = repository.store_history("s1", until=at(3))
    assert [s.buyers_30d for s in history] == [1, 2, 3]
    assert [s.buyers_30d for s in repository.store_history("s1", at(2), since=at(2))] == [2]
    assert repository.latest_store_snapshots(at(1, 7)) == {}


def test_latest_products_newest_per_product(repository: Repository) -> None:
    stores = [StoreSnapshot("s1", at(1)), StoreSnapshot("s2", at(1))]
    products = [
        ProductSnapshot("p1", "s1", at(1), sales_30d=1),
        ProductSnapshot("p1", "s1", at(4), sales_30d=4),
        ProductSnapshot("p2", "s1", at(2), sales_30d=2),
        ProductSnapshot("p3", "s2", at(1), sales_30d=9),
    ]
    repository.add_snapshots(stores, products, "a.csv", IMPORTED)
    assert [p.sales_30d for p in repository.latest_product_snapshots("s1", at(9))] == [4, 2]
    assert [p.sales_30d for p in repository.latest_product_snapshots("s1", at(3))] == [1, 2]
    every = repository.latest_product_snapshots_all(at(3))
    assert {s: [p.sales_30d for p in ps] for s, ps in every.items()} == {"s1": [1, 2], "s2": [9]}


def test_reads_for_a_page_of_stores_equal_the_reads_store_by_store(
    repository: Repository,
) -> None:
    stores = [StoreSnapshot(s, at(day), buyers_30d=day) for s in ("s1", "s2") for day in (3, 1)]
    products = [
        ProductSnapshot("p1", "s1", at(1), sales_30d=1),
        ProductSnapshot("p1", "s2", at(2), sales_30d=2),  # the product now in another store
        ProductSnapshot("p2", "s2", at(1), sales_30d=3),
    ]
    repository.add_snapshots([*stores, StoreSnapshot("s3", at(5))], products, "a.csv", IMPORTED)
    page = ["s1", "s2", "s3", "none"]
    latest = repository.latest_store_snapshots(at(4), page)
    assert latest == {s: repository.latest_store_snapshot(s, at(4)) for s in ("s1", "s2")}

    def buyers(found: dict[str, list[StoreSnapshot]]) -> dict[str, list[int | None]]:
        return {s: [snapshot.buyers_30d for snapshot in found[s]] for s in found}

    assert buyers(repository.store_histories(page, until=at(4), since=at(2))) == {
        "s1": [3],
        "s2": [3],
    }
    assert buyers(repository.store_histories(page, until=at(4))) == {"s1": [1, 3], "s2": [1, 3]}
    assert [s.buyers_30d for s in repository.store_history("s2", until=at(4))] == [1, 3]

    def sales(found: dict[str, list[ProductSnapshot]]) -> dict[str, list[tuple[str, int | None]]]:
        return {s: [(p.product_id, p.sales_30d) for p in found[s]] for s in found}

    every = repository.latest_products_of(page, at(4))
    assert sales(every) == {"s1": [("p1", 1)], "s2": [("p1", 2), ("p2", 3)]}
    # Every store at once (the dashboard) and one store at a time (emails, feeds): the same.
    assert repository.latest_product_snapshots_all(at(4)) == every
    assert {s: repository.latest_product_snapshots(s, at(4)) for s in every} == every
    assert repository.latest_store_snapshots(at(4), ["s3"]) == {}
    with pytest.raises(TypeError, match="not the string"):
        repository.store_histories("s1", until=at(4))


# Imports -------------------------------------------------------------------------------------


def test_the_same_batch_twice_adds_nothing(repository: Repository, engine: Engine) -> None:
    stores = [full_store("s1"), full_store("s2")]
    products = [full_product("p1", "s1"), full_product("p2", "s2")]
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
    assert repository.add_snapshots([full_store()], products, "big.csv", IMPORTED) == (1, 5000)
    assert repository.add_snapshots([full_store()], products, "big.csv", IMPORTED) == (0, 0)
    assert count(engine, PRODUCT_SNAPSHOTS) == 5000
    assert len(repository.latest_product_snapshots("s1", at(2))) == 5000


def test_products_of_an_unknown_store_write_nothing(repository: Repository, engine: Engine) -> None:
    repository.add_snapshots([full_store("s1")], [], "stores.csv", IMPORTED)
    products = [full_product("p1", "s1"), full_product("p2", "nowhere")]
    with pytest.raises(UnknownStoreError, match="nowhere") as raised:
        repository.add_snapshots([full_store("s2")], products, "products.csv", IMPORTED)
    assert "p2" in str(raised.value)
    assert repository.store_ids() == ["s1"]
    assert (count(engine, STORE_SNAPSHOTS), count(engine, PRODUCT_SNAPSHOTS)) == (1, 0)
    # A product whose store comes in the same batch, or is already known, is fine.
    batch = [full_product("p2", "s2"), full_product("p1", "s1")]
    assert repository.add_snapshots([full_store("s2")], batch, "b.csv", IMPORTED) == (1, 2)


# Constraints ---------------------------------------------------------------------------------


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
    repository.add_snapshots([full_store()], [full_product()], "a.csv", IMPORTED)
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
    repository.add_snapshots([full_store()], [], "a.csv", IMPORTED)
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


# Reminders -----------------------------------------------------------------------------------


@pytest.fixture
def subscription_id(repository: Repository) -> int:
    repository.add_snapshots([full_store()], [], "a.csv", IMPORTED)
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
    stores = [full_store(f"s{i}") for i in range(50)]
    products = [full_product(f"p{i}", f"s{i % 50}") for i in range(500)]

    def load(repository: Repository) -> int:
        added_stores, added_products = repository.add_snapshots(stores, products, "a", IMPORTED)
        return added_stores + added_products

    assert sum(run_together(database_url, engine, load)) == 550
    assert (count(engine, STORE_SNAPSHOTS), count(engine, PRODUCT_SNAPSHOTS)) == (50, 500)


# Feed tokens ---------------------------------------------------------------------------------


def test_feed_tokens_are_stored_hashed_and_revocable(
    repository: Repository, engine: Engine
) -> None:
    repository.add_snapshots([full_store("s1"), full_store("s2")], [], "a.csv", IMPORTED)
    token = repository.create_feed_token("s1", now=IMPORTED)
    other = repository.create_feed_token("s2", now=IMPORTED)
    assert len(token) >= 43
    assert token != other
    with engine.connect() as connection:
        stored = connection.execute(select(FEED_TOKENS)).mappings().all()
    assert all(token not in str(dict(row)) for row in stored)
    assert repository.store_for_feed_token(token) == "s1"
    assert repository.store_for_feed_token("not-a-token") is None
    assert repository.revoke_feed_tokens("s1", now=IMPORTED) == 1
    assert repository.revoke_feed_tokens("s1", now=IMPORTED) == 0
    assert repository.store_for_feed_token(token) is None
    assert repository.store_for_feed_token(other) == "s2"
    fresh = repository.create_feed_token("s1")
    assert repository.store_for_feed_token(fresh) == "s1"


def test_a_feed_token_for_an_unknown_store_is_refused(repository: Repository) -> None:
    with pytest.raises(UnknownStoreError, match="nowhere"):
        repository.create_feed_token("nowhere")


# Subscriptions -------------------------------------------------------------------------------


def test_subscribe_is_idempotent_and_reactivates(repository: Repository, engine: Engine) -> None:
    repository.add_snapshots([full_store("s1"), full_store("s2")], [], "a.csv", IMPORTED)
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
    repository.add_snapshots([full_store()], [], "a.csv", IMPORTED)
    with pytest.raises(ValueError, match=email if locale == "en" else locale):
        repository.subscribe("s1", email, locale)
    with pytest.raises(UnknownStoreError):
        repository.subscribe("nowhere", "a@example.com", "en")


def test_ending_a_subscription_is_idempotent(repository: Repository) -> None:
    repository.add_snapshots([full_store()], [], "a.csv", IMPORTED)
    subscription = repository.subscribe("s1", "a@example.com", "en", now=at(1))
    assert repository.end_subscription(subscription.id, now=at(2)) is True
    assert repository.end_subscription(subscription.id, now=at(3)) is True
    assert repository.end_subscription(subscription.id + 1) is False
    assert repository.end_subscription_by_token_hash("0" * 64) is False
    (ended,) = repository.subscriptions("s1", active_only=False)
    assert ended.unsubscribed_at == at(2)  # the second click changed nothing
    assert not ended.active


# Connection check ----------------------------------------------------------------------------


def test_check_connection_passes_on_a_working_database(engine: Engine) -> None:
    check_connection(engine)


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://calendar:s3cret-pw@127.0.0.1:1/calendar",
        "postgresql://calendar:s3cret-pw@127.0.0.1:1/calendar",
        "this is not a url",
        "postgresql+psycopg://calendar:s3cret-pw@127.0.0.1:notaport/calendar",
        "mysql://calendar:s3cret-pw@127.0.0.1/calendar",
        "sqlite:////proc/no-such-folder/calendar.db",
    ],
)
def test_check_connection_names_the_setting_and_hides_the_password(url: str) -> None:
    with pytest.raises(DatabaseError) as raised:
        engine = make_engine(url)
        try:
            check_connection(engine)
        finally:
            engine.dispose()
    message = str(raised.value)
    assert "CALENDAR_DATABASE_URL" in message
    assert "s3cret-pw" not in message
    assert "\n" not in message
    assert raised.value.__cause__ is None  # no chained traceback for the CLI to print
    if "s3cret-pw" in url:
        assert "***" in message


def test_check_connection_on_a_sqlite_path_that_is_a_folder(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}")
    with pytest.raises(DatabaseError, match=r"CALENDAR_DATABASE_URL=sqlite:///.*folder"):
        check_connection(engine)
    engine.dispose()


def test_has_store_is_true_only_for_imported_stores(repository: Repository) -> None:
    assert not repository.has_store("s-1")
    repository.add_snapshots([full_store()], [], "stores.csv", IMPORTED)
    assert repository.has_store(full_store().store_id)
    assert not repository.has_store("nowhere")
