"""Engines for the embedded SQLite default and for PostgreSQL, the schema, and a start-up check."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry

from calendar_service.errors import DatabaseError

SETTING = "CALENDAR_DATABASE_URL"
DEFAULT_URL = "sqlite:///var/calendar.db"
EXAMPLES = f"{DEFAULT_URL} or postgresql+psycopg://USER:PASSWORD@HOST:5432/NAME"

# Connection execution option: this transaction will write. SQLite then takes the write lock at
# BEGIN, so two writers queue on the busy timeout instead of failing when a read lock cannot be
# upgraded; PostgreSQL needs nothing.
WRITE = "calendar_write"
SQLITE_BUSY_TIMEOUT_S = 15.0
POSTGRES_CONNECT_TIMEOUT_S = 10


def mask_url(url: str | URL) -> str:
    """The URL with any password replaced by ***, also when it does not parse."""
    if isinstance(url, URL):
        return url.render_as_string(hide_password=True)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def make_engine(url: str) -> Engine:
    """An engine for `url` (SQLite file or PostgreSQL); DatabaseError when the URL is unusable."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as error:
        raise DatabaseError(
            f"{SETTING}={mask_url(url)} is not a database URL ({error}); "
            f"set it to a URL such as {EXAMPLES}"
        ) from None
    backend = parsed.get_backend_name()
    try:
        if backend == "sqlite":
            return _sqlite_engine(parsed)
        if backend in ("postgresql", "postgres"):
            return _postgres_engine(parsed)
    except (ArgumentError, ImportError, TypeError, ValueError) as error:
        raise DatabaseError(
            f"{SETTING}={mask_url(parsed)} cannot be used: {error}; set it to a URL such as "
            f"{EXAMPLES}"
        ) from None
    raise DatabaseError(
        f"{SETTING}={mask_url(parsed)} names a database the service does not support "
        f"({backend}); use SQLite or PostgreSQL, e.g. {EXAMPLES}"
    )


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
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")  # the driver the project installs
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
            f"SQLite database ({DEFAULT_URL})"
        ) from None


def _reason(error: SQLAlchemyError, url: URL) -> str:
    """The driver's own first line, without any password it might echo."""
    cause = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    reason = lines[0] if lines else type(cause).__name__
    if url.password:
        reason = reason.replace(str(url.password), "***")
    return reason.rstrip(".")
