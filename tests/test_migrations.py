"""Schema migrations: release 0.1.0's databases upgrade in place, the models and the revisions
agree, a failed upgrade changes nothing, and daemons sharing PostgreSQL upgrade once."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import Engine, inspect, text

from calendar_service.adapters.db import make_engine
from calendar_service.adapters.db.schema import (
    RELEASE_0_1_0,
    Migrations,
    Standing,
    default_migrations,
)
from calendar_service.adapters.db.tables import METADATA
from calendar_service.bootstrap import Container
from calendar_service.entrypoints.web import create_app
from calendar_service.errors import DatabaseError
from calendar_service.settings import load_settings
from tests.migration_support import (
    Release,
    Rows,
    all_rows,
    as_before,
    migrations_with,
    next_revision,
    release_database,
    revision,
)
from tests.times import CST

UPGRADED_AT = dt.datetime(2026, 12, 16, 10, 0, tzinfo=CST)  # the app's clock after the upgrade

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def release(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Release]:
    """A database written by release 0.1.0, with its data."""
    with release_database(request.param, tmp_path) as found:
        yield found


@pytest.fixture
def release_engine(release: Release) -> Iterator[Engine]:
    engine = make_engine(release.url)
    yield engine
    engine.dispose()


def _revision_of(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


# Release 0.1.0 -----------------------------------------------------------------------------------


def test_release_0_1_0_is_recognised_then_upgraded_twice_with_every_row(
    release_engine: Engine,
) -> None:
    migrations = default_migrations()
    before = all_rows(release_engine)
    assert sum(map(len, before.values())) > 500  # stores, history, products, reminders...
    assert {t for t, rows in before.items() if not rows} <= {"planned"}
    state = migrations.current(release_engine)
    assert state.legacy and state.revision == RELEASE_0_1_0
    assert _revision_of(release_engine) is None  # not stamped yet

    first, after = migrations.upgrade(release_engine)
    assert first.legacy and after.standing is Standing.CURRENT and not after.legacy
    assert _revision_of(release_engine) == migrations.head
    upgraded = all_rows(release_engine)
    kept = _clear_tokens_hashed(before)
    assert as_before(upgraded, kept) == kept
    tokens = [row["unsubscribe_token"] for row in before["subscriptions"]]
    assert tokens and not any(t in repr(upgraded) for t in tokens)  # no token kept in clear

    again, still = migrations.upgrade(release_engine)
    assert again.standing is Standing.CURRENT and still == again
    assert all_rows(release_engine) == upgraded


def _clear_tokens_hashed(rows: Rows) -> Rows:
    """Release 0.1.0's rows as revision 0004 keeps them: unsubscribe tokens as their sha256."""
    subscriptions = []
    for row in rows["subscriptions"]:
        changed = {k: v for k, v in row.items() if k != "unsubscribe_token"}
        changed["unsubscribe_token_hash"] = hashlib.sha256(
            row["unsubscribe_token"].encode()
        ).hexdigest()
        subscriptions.append(changed)
    return rows | {"subscriptions": subscriptions}


def test_release_0_1_0_keys_feeds_and_unsubscribe_links_work_after_the_upgrade(
    release: Release, release_engine: Engine
) -> None:
    default_migrations().upgrade(release_engine)
    client = TestClient(
        create_app(Container(load_settings(database_url=release.url)), lambda: UPGRADED_AT)
    )

    stores = client.get("/api/stores", headers={"Authorization": f"Bearer {release.api_key}"})
    assert stores.status_code == 200 and len(stores.json()) == 35
    assert client.get("/api/stores", headers={"Authorization": "Bearer cs_nope"}).status_code == 401

    feed = client.get(release.feed_path)
    assert feed.status_code == 200 and feed.content.startswith(b"BEGIN:VCALENDAR")
    assert "深圳市锦源小家电有限公司".encode() in feed.content  # the store b2b-220011

    token = release.unsubscribe_path.rsplit("/", 1)[1]
    with release_engine.connect() as connection:
        count_active = text("SELECT count(*) FROM subscriptions WHERE unsubscribed_at IS NULL")
        active = connection.execute(count_active).scalar_one()
    done = client.post(release.unsubscribe_path, data={"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and token not in done.text
    with release_engine.connect() as connection:
        assert connection.execute(count_active).scalar_one() == active - 1


@pytest.fixture
def empty_engine(
    release_engine: Engine, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Engine]:
    """An empty database on the release database's backend."""
    engine = _empty_like(release_engine, tmp_path, request)
    yield engine
    engine.dispose()


def _empty_like(other: Engine, tmp_path: Path, request: pytest.FixtureRequest) -> Engine:
    """An empty database on `other`'s backend: a SQLite file, or a new PostgreSQL schema."""
    if other.dialect.name == "sqlite":
        return make_engine(f"sqlite:///{tmp_path / f'empty-{secrets.token_hex(4)}.db'}")
    server: Engine = request.getfixturevalue("postgres_database")
    schema = f"empty_{secrets.token_hex(6)}"
    with server.connect() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    options = {"options": f"-csearch_path={schema}"}
    return make_engine(server.url.update_query_dict(options).render_as_string(False))


def test_revision_1_is_release_0_1_0_schema_exactly(
    release_engine: Engine, empty_engine: Engine
) -> None:
    default_migrations().upgrade_to(empty_engine, RELEASE_0_1_0)
    assert _schema(empty_engine) == _schema(release_engine)


def _check_text(sqltext: str) -> str:
    """A CHECK's condition without casts and brackets: PostgreSQL deparses an IN list restored
    from pg_dump with other (equivalent) casts than the list it was created with."""
    bare = re.sub(r"::(character varying|text)(\[\])?", "", sqltext)
    return re.sub(r"[()\s]", "", bare)


def _schema(engine: Engine) -> dict[str, Any]:
    """Tables, columns, keys, indexes and checks as reflected, names of unnamed ones aside."""
    found: dict[str, Any] = {}
    with engine.connect() as connection:
        inspector = inspect(connection)
        for table in sorted(set(inspector.get_table_names()) - {"alembic_version"}):
            found[table] = {
                "columns": [
                    (c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)
                ],
                "pk": inspector.get_pk_constraint(table)["constrained_columns"],
                "fks": sorted(
                    (tuple(f["constrained_columns"]), f["referred_table"])
                    for f in inspector.get_foreign_keys(table)
                ),
                "indexes": sorted(
                    (i["name"], tuple(i["column_names"]), i["unique"])
                    for i in inspector.get_indexes(table)
                ),
                "unique": sorted(
                    (u["name"], tuple(u["column_names"]))
                    for u in inspector.get_unique_constraints(table)
                ),
                "checks": sorted(
                    (c["name"], _check_text(c["sqltext"]))
                    for c in inspector.get_check_constraints(table)
                ),
            }
    return found


# The models and the revisions --------------------------------------------------------------------


def test_the_revisions_build_exactly_the_models(database_url: str) -> None:
    """The guard for every schema change to come: a change to tables.py without its revision
    (or a revision without its model change) fails here, on both backends."""
    engine = make_engine(database_url)
    try:
        before, after = default_migrations().upgrade(engine, replay=True)
        assert before.standing is Standing.EMPTY and after.standing is Standing.CURRENT
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "compare_server_default": True}
            )
            assert compare_metadata(context, METADATA) == []
    finally:
        engine.dispose()


def test_a_new_database_made_at_the_head_equals_one_built_by_every_revision(
    database_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Alembic does not compare CHECK constraints or index names; the reflected schemas do."""
    shortcut = make_engine(database_url)
    replayed = _empty_like(shortcut, tmp_path, request)
    try:
        default_migrations().upgrade(shortcut)
        default_migrations().upgrade(replayed, replay=True)
        assert _schema(replayed) == _schema(shortcut)
    finally:
        shortcut.dispose()
        replayed.dispose()


def test_a_new_database_is_made_at_the_head_and_can_go_down_and_up(database_url: str) -> None:
    engine = make_engine(database_url)
    migrations = default_migrations()
    try:
        before, after = migrations.upgrade(engine)
        assert before.standing is Standing.EMPTY and after.revision == migrations.head
        migrations.downgrade(engine, "base")
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
        assert migrations.current(engine).standing is Standing.EMPTY
        migrations.upgrade(engine, replay=True)
        assert set(inspect(engine).get_table_names()) == set(METADATA.tables) | {"alembic_version"}
    finally:
        engine.dispose()


# Upgrades that change tables ---------------------------------------------------------------------

# A revision that rebuilds the subscriptions table (SQLite's batch mode: copy, drop, rename),
# which other tables reference: with foreign keys on, SQLite would refuse or cascade.
REBUILD = revision(
    """
with op.batch_alter_table("subscriptions") as batch:
    batch.add_column(sa.Column("note", sa.String(), nullable=True))
    batch.alter_column("locale", existing_type=sa.String(), type_=sa.String(8))
op.execute("UPDATE subscriptions SET note = 'kept'")
""",
)
FAILS_HALF_WAY = revision(
    """
with op.batch_alter_table("subscriptions") as batch:
    batch.add_column(sa.Column("note", sa.String(), nullable=True))
op.execute("DELETE FROM delivery_attempts")
raise RuntimeError("injected failure after the table was rebuilt")
""",
)


def test_an_upgrade_that_rebuilds_a_table_keeps_every_row_and_reference(
    release_engine: Engine, tmp_path: Path
) -> None:
    migrations = Migrations(migrations_with(tmp_path, REBUILD))
    default_migrations().upgrade(release_engine)  # the code's own revisions first
    before = all_rows(release_engine)
    assert migrations.current(release_engine).standing is Standing.BEHIND
    migrations.upgrade(release_engine)
    assert _revision_of(release_engine) == next_revision()
    after = all_rows(release_engine)
    assert as_before(after, before) == before
    assert {row["note"] for row in after["subscriptions"]} == {"kept"}
    with release_engine.connect() as connection:
        if connection.dialect.name == "sqlite":  # the pool's connections have them back on
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []


def test_a_migration_failing_half_way_leaves_the_old_revision_and_every_row(
    release_engine: Engine, tmp_path: Path
) -> None:
    migrations = Migrations(migrations_with(tmp_path, FAILS_HALF_WAY))
    default_migrations().upgrade(release_engine)  # at the code's head, as after a first upgrade
    before = all_rows(release_engine)
    with pytest.raises(DatabaseError) as failed:
        migrations.upgrade(release_engine)
    message = str(failed.value)
    assert "injected failure" in message and "left as it was" in message
    assert "\n" not in message
    assert _revision_of(release_engine) == default_migrations().head
    assert all_rows(release_engine) == before
    columns = {c["name"] for c in inspect(release_engine).get_columns("subscriptions")}
    assert "note" not in columns


def test_a_failed_first_upgrade_of_release_0_1_0_leaves_it_unstamped(
    release_engine: Engine, tmp_path: Path
) -> None:
    before = all_rows(release_engine)
    with pytest.raises(DatabaseError):
        Migrations(migrations_with(tmp_path, FAILS_HALF_WAY)).upgrade(release_engine)
    assert _revision_of(release_engine) is None
    assert "alembic_version" not in inspect(release_engine).get_table_names()
    assert all_rows(release_engine) == before


SLOW_AND_NOT_REPEATABLE = revision(
    """
op.execute("SELECT pg_sleep(0.5)")
op.create_table("upgrade_runs", sa.Column("id", sa.Integer(), primary_key=True))
op.execute("INSERT INTO upgrade_runs (id) VALUES (1)")
""",
)


@pytest.mark.postgres
def test_daemons_upgrading_one_postgres_database_at_once_run_the_migration_once(
    tmp_path: Path,
) -> None:
    with release_database("postgres", tmp_path) as release:
        location = migrations_with(tmp_path, SLOW_AND_NOT_REPEATABLE)
        outcomes: list[object] = []

        def daemon_start() -> None:
            engine = make_engine(release.url)
            try:
                outcomes.append(Migrations(location).upgrade(engine)[0].standing)
            except Exception as error:  # a second run of the revision would fail here
                outcomes.append(error)
            finally:
                engine.dispose()

        starts = [threading.Thread(target=daemon_start) for _ in range(3)]
        for start in starts:
            start.start()
        for start in starts:
            start.join(timeout=60)
        assert sorted(map(str, outcomes)) == sorted(
            [str(Standing.BEHIND), str(Standing.CURRENT), str(Standing.CURRENT)]
        )
        engine = make_engine(release.url)
        try:
            with engine.connect() as connection:
                runs = connection.execute(text("SELECT count(*) FROM upgrade_runs")).scalar_one()
            assert runs == 1 and _revision_of(engine) == next_revision()
        finally:
            engine.dispose()


def test_a_database_the_service_did_not_make_is_refused(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
        for attempt in (default_migrations().upgrade, default_migrations().require_current):
            with pytest.raises(DatabaseError, match="tables this service did not make"):
                attempt(engine)
        assert inspect(engine).get_table_names() == ["orders"]
    finally:
        engine.dispose()
