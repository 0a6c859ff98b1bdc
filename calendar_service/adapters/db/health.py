"""A database that cannot take writes (a read-only file, a full disk, a read-only server): told
in one line to the user, as a 503 to API clients, and by /healthz before anyone writes."""

from __future__ import annotations

from sqlalchemy import Engine, false, update
from sqlalchemy.exc import InternalError, OperationalError, SQLAlchemyError

from calendar_service.adapters.db.engine import WRITE
from calendar_service.adapters.db.tables import DASHBOARD_SESSIONS

# OperationalError: SQLite's "readonly database", "database or disk is full", a lost server;
# InternalError: PostgreSQL's "cannot execute … in a read-only transaction". Not IntegrityError
# or ProgrammingError: those are the code's bugs, not the database's state.
UNAVAILABLE = (OperationalError, InternalError)
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
    matches no row and the transaction is rolled back."""
    try:
        with engine.connect() as connection:
            connection.execution_options(**{WRITE: True})
            with connection.begin() as transaction:
                statement = update(DASHBOARD_SESSIONS).where(false()).values(api_key_id=0)
                connection.execute(statement)
                transaction.rollback()
    except SQLAlchemyError as error:
        return reason(error)
    return None
