"""Engines for the embedded SQLite default and for PostgreSQL, the schema, and a start-up check."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry

from calendar_service.errors import DatabaseError
from calendar_service.settings import (
    DATABASE_EXAMPLES,
    DEFAULT_DATABASE_URL,
    check_database_url,
    mask_url,
)

SETTING = "CALENDAR_DATABASE_URL"

# Connection execution option: this transaction will write. SQLite then takes the write lock at
# BEGIN, so two writers queue on the busy timeout instead of failing when a read lock cannot be
# upgraded; PostgreSQL needs nothing.
WRITE = "calendar_write"
SQLITE_BUSY_TIMEOUT_S = 15.0
POSTGRES_CONNECT_TIMEOUT_S = 10


def make_engine(url: str) -> Engine:
    """An engine for `url` (SQLite file or PostgreSQL); DatabaseError when the URL is unusable.

    The URL passes the settings' own check first (`settings.check_database_url`), so a URL the
    settings accept is one the engine takes, and the other way round.
    """
    try:
        checked = check_database_url(url)
    except ValueError as error:
        raise DatabaseError(f"{SETTING}={mask_url(url)}: {error}") from None
    try:
        parsed = make_url(checked)
    except (ArgumentError, ValueError) as error:
        raise DatabaseError(
            f"{SETTING}={mask_url(url)} is not a database URL ({error}); "
            f"set it to a URL such as {DATABASE_EXAMPLES}"
        ) from None
    try:
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(parsed)
        return _postgres_engine(parsed)
    except (ArgumentError, ImportError, TypeError, ValueError) as error:
        raise DatabaseError(
            f"{SETTING}={mask_url(parsed)} cannot be used: {error}; set it to a URL such as "
            f"{DATABASE_EXAMPLES}"
        ) from None


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    in_memory = database in ("", ":memory:") or url.query.get("mode") == "memory"
    if not in_memory and not database.startswith("file:"):
        folder = Path(database).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseError(
                f"{SETTING}={mask_url(url)}: cannot create the folder {folder} for the database "
                f"file ({error.strerror}); choose a writable path"
            ) from None
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # sqlite3's own transaction handling starts transactions late and never for SELECT; let
    # SQLAlchemy emit BEGIN itself (see _sqlite_on_begin), as its SQLite documentation advises.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")  # off by default in SQLite, per connection
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable enough with WAL, much faster
    cursor.close()


def _sqlite_on_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _postgres_engine(url: URL) -> Engine:
    return create_engine(
        url,
        pool_pre_ping=True,  # daemons outlive server restarts
        connect_args={"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S},
    )


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write: committed on success, rolled back on error."""
    with engine.connect() as connection:
        connection.execution_options(**{WRITE: True})
        with connection.begin():
            yield connection


def check_connection(engine: Engine) -> None:
    """Connect once; DatabaseError saying which setting to fix and how, when that fails."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        if engine.dialect.name == "sqlite":
            advice = "Check that the path names a file in a folder the service may write to"
        else:
            advice = (
                "Check that the server is running and that the URL (host, port, user, password, "
                "database name) is right"
            )
        raise DatabaseError(
            f"cannot connect to the database {SETTING}={mask_url(engine.url)}: "
            f"{_reason(error, engine.url)}. {advice}, or unset {SETTING} to use the embedded "
            f"SQLite database ({DEFAULT_DATABASE_URL})"
        ) from None


def _reason(error: SQLAlchemyError, url: URL) -> str:
    """The driver's own first line, without any password it might echo."""
    cause = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    reason = lines[0] if lines else type(cause).__name__
    if url.password:
        reason = reason.replace(str(url.password), "***")
    return reason.rstrip(".")
