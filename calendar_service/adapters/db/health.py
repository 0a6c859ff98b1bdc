"""A database that cannot take writes (a read-only file, a full disk, a read-only server): told
in one line to the user, as a 503 to API clients, and by /healthz before anyone writes."""

from __future__ import annotations

from sqlalchemy import Engine, false, update
from sqlalchemy.exc import InternalError, OperationalError, SQLAlchemyError

from calendar_service.adapters.db.engine import SQLITE_BUSY_TIMEOUT_S, WRITE
from calendar_service.adapters.db.tables import DASHBOARD_SESSIONS

# OperationalError: SQLite's "readonly database", "database or disk is full", a lost server;
# InternalError: PostgreSQL's "cannot execute … in a read-only transaction". Not IntegrityError
# or ProgrammingError: those are the code's bugs, not the database's state.
UNAVAILABLE = (OperationalError, InternalError)
_PROBE_WAIT_MS = 50  # how long /healthz waits for SQLite's write lock

ADVICE = (
    "check that the database file and its folder are writable and the disk has room, or that "
    "the PostgreSQL server accepts writes, then try again"
)


def reason(error: SQLAlchemyError) -> str:
    """The driver's own first line (no SQL, no parameters)."""
    cause = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    return (lines[0] if lines else type(cause).__name__).rstrip(".")


def database_problem(error: BaseException) -> str | None:
    """One line saying the database failed and what to do; None for any other error."""
    if not isinstance(error, UNAVAILABLE):
        return None
    return f"the database cannot be used ({reason(error)}); nothing was changed: {ADVICE}"


def write_check(engine: Engine) -> str | None:
    """None when the database takes writes; else why not. Writes nothing: the statement
    matches no row and the transaction is rolled back.

    On SQLite it waits at most a moment for the write lock: a database locked by a writer (an
    import holds the lock for its whole length) takes writes, and /healthz must not wait for it.
    """
    sqlite = engine.dialect.name == "sqlite"
    try:
        with engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            if sqlite and raw is not None:
                raw.execute(f"PRAGMA busy_timeout={_PROBE_WAIT_MS}")
            try:
                connection.execution_options(**{WRITE: True})
                with connection.begin() as transaction:
                    statement = update(DASHBOARD_SESSIONS).where(false()).values(api_key_id=0)
                    connection.execute(statement)
                    transaction.rollback()
            finally:
                if sqlite and raw is not None:
                    raw.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
    except SQLAlchemyError as error:
        why = reason(error)
        if sqlite and why.startswith(("database is locked", "database is busy")):
            return None  # another connection is writing: the file takes writes
        return why
    return None
