"""The persistence layer against real SQLite and real PostgreSQL (see conftest.database_url):
the schema, round trips, the latest snapshot and history, the connection check."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, inspect

from calendar_service.adapters.db import Repository, check_connection, create_schema, make_engine
from calendar_service.domain.snapshots import (
    PRODUCT_COLUMNS,
    STORE_COLUMNS,
    ProductSnapshot,
    StoreSnapshot,
)
from calendar_service.errors import DatabaseError
from tests.factories import product_with_every_figure, store_with_every_figure
from tests.storage_support import IMPORTED, at

# Schema ------------------------------------------------------------------------------------------


def test_create_schema_twice_is_harmless_and_keeps_data(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        create_schema(engine)
        create_schema(engine)
        Repository(engine).add_snapshots([store_with_every_figure()], [], "a.csv", IMPORTED)
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


# Round trips -------------------------------------------------------------------------------------


def test_store_snapshot_round_trips_every_field(repository: Repository) -> None:
    snapshot = store_with_every_figure()
    repository.add_snapshots([snapshot], [], "stores.csv", IMPORTED)
    back = repository.latest_store_snapshot("s1", at(2))
    assert back == snapshot
    assert back is not None
    assert back.captured_at.utcoffset() == dt.timedelta(0)  # aware, in UTC
    assert str(back.gmv_30d) == "12345.67"
    assert str(back.dispute_rate_90d) == "0.0001"


def test_product_snapshot_round_trips_every_field(repository: Repository) -> None:
    snapshot = product_with_every_figure()
    repository.add_snapshots([store_with_every_figure()], [snapshot], "products.csv", IMPORTED)
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
    plus_eight = dt.timezone(dt.timedelta(hours=8))  # an offset, not the Asia/Shanghai zone
    eight_am = dt.datetime(2027, 3, 27, 8, 0, tzinfo=plus_eight)
    repository.add_snapshots([StoreSnapshot("s1", eight_am)], [], "a.csv", IMPORTED)
    back = repository.latest_store_snapshot("s1", eight_am)  # as_of is inclusive
    assert back is not None
    assert back.captured_at == eight_am
    assert back.captured_at == dt.datetime(2027, 3, 27, 0, 0, tzinfo=dt.UTC)
    assert back.captured_at.utcoffset() is not None


def test_naive_datetimes_are_refused(repository: Repository) -> None:
    naive = dt.datetime(2027, 3, 1, 8, 0)  # noqa: DTZ001 - the point of the test
    with pytest.raises(ValueError, match="no time zone"):
        repository.add_snapshots([StoreSnapshot("s1", naive)], [], "a.csv", IMPORTED)
    with pytest.raises(ValueError, match="no time zone"):
        repository.latest_store_snapshot("s1", naive)
    with pytest.raises(ValueError, match="no time zone"):
        repository.add_snapshots([], [], "a.csv", naive)


# Latest and history ------------------------------------------------------------------------------


def test_latest_snapshot_is_by_capture_time_not_insertion_order(repository: Repository) -> None:
    newer = dataclasses.replace(
        store_with_every_figure(captured_at=at(5)), name="新名字", medal_level=4
    )
    older = dataclasses.replace(
        store_with_every_figure(captured_at=at(3)), name="旧名字", medal_level=2
    )
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


# Connection check --------------------------------------------------------------------------------


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
    repository.add_snapshots([store_with_every_figure()], [], "stores.csv", IMPORTED)
    assert repository.has_store(store_with_every_figure().store_id)
    assert not repository.has_store("nowhere")
