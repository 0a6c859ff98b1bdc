"""Database fixtures: every storage test runs on SQLite and on PostgreSQL.

PostgreSQL gets one database per test session and xdist worker, and a fresh schema per test
(selected through the connection's search_path), so a test always starts from an empty database.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from calendar_service.adapters.catalog_file import load_catalog
from calendar_service.adapters.db import Repository, create_schema, make_engine
from calendar_service.domain.catalog import Catalog
from calendar_service.settings import mask_url

POSTGRES_SETTING = "CALENDAR_TEST_POSTGRES_URL"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _admin_engine(url: URL) -> Engine:
    # AUTOCOMMIT: CREATE/DROP DATABASE cannot run inside a transaction.
    return create_engine(
        url, isolation_level="AUTOCOMMIT", poolclass=NullPool, connect_args={"connect_timeout": 5}
    )


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[Engine]:
    """An empty database of its own on the test server, dropped at the end of the session."""
    server = make_url(os.environ.get(POSTGRES_SETTING) or DEFAULT_POSTGRES_URL)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"calendar_test_{worker}_{secrets.token_hex(4)}"
    admin = _admin_engine(server)
    problem = ""
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except SQLAlchemyError as error:
        problem = str(getattr(error, "orig", error)).strip().splitlines()[0]
    if problem:  # failed outside the except block, so the report is the message, not a traceback
        pytest.fail(
            f"PostgreSQL at {POSTGRES_SETTING}={mask_url(server)} cannot be used ({problem}). "
            "The postgres tests must run, not skip: start the server (`make postgres`) or point "
            f"{POSTGRES_SETTING} at one where the user may create databases.",
            pytrace=False,
        )
    database = _admin_engine(server.set(database=name))
    try:
        yield database
    finally:
        database.dispose()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'var' / 'calendar.db'}"
        return
    database: Engine = request.getfixturevalue("postgres_database")
    schema = f"test_{secrets.token_hex(6)}"
    with database.connect() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    url = database.url.update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    with database.connect() as connection:
        # A connection a test left open would make this wait; the database goes at the end anyway.
        connection.exec_driver_sql("SET lock_timeout = '2s'")
        with contextlib.suppress(SQLAlchemyError):
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on the empty database, with the schema created."""
    engine = make_engine(database_url)
    create_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def repository(engine: Engine) -> Repository:
    return Repository(engine)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The shipped catalog, data/activities.toml."""
    return load_catalog(Path(__file__).resolve().parent.parent / "data" / "activities.toml")
