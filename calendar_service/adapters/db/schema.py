"""The schema's version: where a database stands against the code's migrations, and upgrading it.

A database is one of: empty (nothing yet), at the code's head, behind it (an older revision, or
release 0.1.0's schema, which predates migrations and has no `alembic_version`), ahead of it
(written by a newer release), or foreign (tables this service did not make). `run` upgrades a
database that is behind; every other command refuses it and says to run `db upgrade`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, create_engine, inspect, text
from sqlalchemy.engine.interfaces import ReflectedColumn
from sqlalchemy.exc import SQLAlchemyError

from calendar_service.adapters.db.engine import SETTING, WRITE, write_transaction
from calendar_service.adapters.db.tables import METADATA
from calendar_service.errors import DatabaseError
from calendar_service.settings import mask_url

RELEASE_0_1_0 = "0001"  # the revision whose schema release 0.1.0 made with create_all
VERSION_TABLE = "alembic_version"
_MIGRATION_LOCK_KEY = 0x1688_A1E0  # serialises upgrades between daemons sharing PostgreSQL


class Standing(enum.Enum):
    EMPTY = "empty"
    CURRENT = "current"
    BEHIND = "behind"
    AHEAD = "ahead"
    FOREIGN = "foreign"


@dataclass(frozen=True)
class SchemaState:
    """Where a database stands: its revision (None before migrations) against the code's head."""

    standing: Standing
    revision: str | None
    head: str
    legacy: bool = False  # release 0.1.0's schema without alembic_version
    problems: tuple[str, ...] = field(default=())  # why a database is foreign

    def describe(self) -> str:
        """One line for `db current`."""
        if self.standing is Standing.EMPTY:
            return f"empty database (no tables); the code's head is {self.head}"
        if self.standing is Standing.FOREIGN:
            return "not a calendar-service database: " + "; ".join(self.problems)
        shown = (
            f"{self.revision} (release 0.1.0, not stamped yet)" if self.legacy else self.revision
        )
        if self.standing is Standing.CURRENT:
            return f"{shown} (head)"
        if self.standing is Standing.BEHIND:
            return f"{shown}; the code's head is {self.head}: run `calendar-service db upgrade`"
        return f"{shown}, written by a newer release; this code's head is {self.head}"


class Migrations:
    """The code's migrations (by default the package's own) and how to apply them to a database.

    `location` is an Alembic script location; tests point it at a copy with extra revisions.
    """

    def __init__(self, location: str | Path = "calendar_service.adapters.db:migrations") -> None:
        self.config = Config()
        self.config.set_main_option("script_location", str(location))
        self.script = ScriptDirectory.from_config(self.config)

    @property
    def head(self) -> str:
        head = self.script.get_current_head()
        assert head is not None, "the migrations have no revision"
        return head

    def known(self, revision: str) -> bool:
        try:
            return self.script.get_revision(revision) is not None
        except CommandError:
            return False

    def state(self, connection: Connection) -> SchemaState:
        """Where the database on `connection` stands."""
        inspector = inspect(connection)
        tables = set(inspector.get_table_names())
        head = self.head
        if VERSION_TABLE in tables:
            revision = MigrationContext.configure(connection).get_current_revision()
            if revision is None:
                return SchemaState(
                    Standing.EMPTY if tables == {VERSION_TABLE} else Standing.FOREIGN,
                    None,
                    head,
                    problems=("alembic_version is empty",),
                )
            if revision == head:
                return SchemaState(Standing.CURRENT, revision, head)
            standing = Standing.BEHIND if self.known(revision) else Standing.AHEAD
            return SchemaState(standing, revision, head)
        if not tables:
            return SchemaState(Standing.EMPTY, None, head)
        problems = _differences(self.columns_at(RELEASE_0_1_0), inspector.get_columns, tables)
        if problems:
            return SchemaState(Standing.FOREIGN, None, head, problems=tuple(problems))
        standing = Standing.CURRENT if head == RELEASE_0_1_0 else Standing.BEHIND
        return SchemaState(standing, RELEASE_0_1_0, head, legacy=True)

    @cache  # noqa: B019  (one Migrations object lives as long as the process)
    def columns_at(self, revision: str) -> dict[str, frozenset[str]]:
        """Each table's columns at `revision`, from the migrations run on a scratch database."""
        scratch = create_engine("sqlite://")
        try:
            with scratch.begin() as connection:
                self._run(connection, "upgrade", revision)
                inspector = inspect(connection)
                return {
                    table: frozenset(c["name"] for c in inspector.get_columns(table))
                    for table in inspector.get_table_names()
                    if table != VERSION_TABLE
                }
        finally:
            scratch.dispose()

    def history(self) -> list[tuple[str, str]]:
        """(revision, first line of its message), oldest first."""
        revisions = list(self.script.walk_revisions())
        return [(r.revision, (r.doc or "").strip().splitlines()[0]) for r in reversed(revisions)]

    def current(self, engine: Engine) -> SchemaState:
        with _guarded(engine, "read the schema's revision"), engine.connect() as connection:
            return self.state(connection)

    def upgrade(self, engine: Engine, *, replay: bool = False) -> tuple[SchemaState, SchemaState]:
        """Bring the database to the head, in one transaction; (before, after).

        An empty database gets the models' tables and is stamped at the head (Alembic's advice
        for a new database), unless `replay` asks for every revision to run; the migrations
        tests prove both give the same schema. Release
        0.1.0's schema is stamped at its revision first. Several daemons on one PostgreSQL
        database queue on an advisory lock, and each reads the revision again once it has it.
        """
        with _guarded(engine, "upgrade the schema"), _migration_connection(engine) as connection:
            before = self.state(connection)
            if before.standing is Standing.AHEAD:
                raise ahead_error(engine, before)
            if before.standing is Standing.FOREIGN:
                raise foreign_error(engine, before)
            if before.standing is Standing.EMPTY and not replay:
                METADATA.create_all(connection)
                self._run(connection, "stamp", self.head)
            else:
                if before.legacy:
                    self._run(connection, "stamp", RELEASE_0_1_0)
                if before.standing is not Standing.CURRENT:
                    self._run(connection, "upgrade", self.head)
            after = self.state(connection)
            _check_foreign_keys(connection)
        return before, after

    def upgrade_to(self, engine: Engine, revision: str) -> None:
        """Run the revisions up to `revision` only (tests build older schemas with it)."""
        with _guarded(engine, "upgrade the schema"), _migration_connection(engine) as connection:
            self._run(connection, "upgrade", revision)
            _check_foreign_keys(connection)

    def downgrade(self, engine: Engine, revision: str) -> None:
        """Step the database back to `revision` (for migrations whose downgrade is safe)."""
        with _guarded(engine, "downgrade the schema"), _migration_connection(engine) as connection:
            self._run(connection, "downgrade", revision)
            _check_foreign_keys(connection)

    def require_current(self, engine: Engine) -> None:
        """Nothing when the database is at the head; an empty one is created at the head;
        DatabaseError (one line, what to do) when it is behind, ahead or foreign."""
        state = self.current(engine)
        if state.standing is Standing.CURRENT:
            return
        if state.standing is Standing.EMPTY:
            self.upgrade(engine)
            return
        if state.standing is Standing.AHEAD:
            raise ahead_error(engine, state)
        if state.standing is Standing.FOREIGN:
            raise foreign_error(engine, state)
        raise DatabaseError(
            f"the database {mask_url(engine.url)} is at schema revision {state.revision}"
            f"{' (release 0.1.0)' if state.legacy else ''} and this code needs {state.head}: "
            "back it up, then run `calendar-service db upgrade` (or `calendar-service run`, "
            "which upgrades before it serves)"
        )

    def _run(self, connection: Connection, verb: str, revision: str) -> None:
        self.config.attributes["connection"] = connection
        try:
            getattr(command, verb)(self.config, revision)
        finally:
            del self.config.attributes["connection"]


def ahead_error(engine: Engine, state: SchemaState) -> DatabaseError:
    return DatabaseError(
        f"the database {mask_url(engine.url)} is at schema revision {state.revision}, written by "
        f"a newer release than this code (head {state.head}); run that release, or restore a "
        "backup made before it upgraded the database"
    )


def foreign_error(engine: Engine, state: SchemaState) -> DatabaseError:
    return DatabaseError(
        f"the database {mask_url(engine.url)} holds tables this service did not make "
        f"({'; '.join(state.problems)}); point {SETTING} at an empty database or at one the "
        "service created"
    )


def _differences(
    expected: dict[str, frozenset[str]],
    columns_of: Callable[[str], list[ReflectedColumn]],
    tables: set[str],
) -> list[str]:
    """How the tables found differ from the tables and columns expected; empty when they match."""
    problems = []
    missing = sorted(set(expected) - tables)
    extra = sorted(tables - set(expected))
    if missing:
        problems.append(f"missing tables {', '.join(missing)}")
    if extra:
        problems.append(f"unknown tables {', '.join(extra)}")
    for table in sorted(set(expected) & tables):
        found = {c["name"] for c in columns_of(table)}
        if found != expected[table]:
            odd = sorted(found ^ expected[table])
            problems.append(f"table {table} has other columns ({', '.join(odd)})")
    return problems


@contextmanager
def _migration_connection(engine: Engine) -> Iterator[Connection]:
    """A write transaction for migrating: the PostgreSQL advisory lock held in it; on SQLite,
    foreign keys off around it (the PRAGMA is a no-op inside a transaction, so it is set before
    BEGIN on the raw connection, and set back after the commit or rollback)."""
    if engine.dialect.name != "sqlite":
        with write_transaction(engine) as connection:
            lock = text("SELECT pg_advisory_xact_lock(:key)")
            connection.execute(lock, {"key": _MIGRATION_LOCK_KEY})
            yield connection
        return
    with engine.connect() as outer:
        raw = outer.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            outer.execution_options(**{WRITE: True})
            with outer.begin():
                yield outer
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def _check_foreign_keys(connection: Connection) -> None:
    """On SQLite, with foreign keys off during the rebuilds: refuse to commit broken references."""
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = sorted({str(row[0]) for row in broken})
        raise DatabaseError(
            f"the migration would leave rows whose references are broken in {', '.join(tables)}; "
            "nothing was changed"
        )


@contextmanager
def _guarded(engine: Engine, doing: str) -> Iterator[None]:
    """Driver and migration errors as one DatabaseError line; the transaction is rolled back."""
    try:
        yield
    except DatabaseError:
        raise
    except Exception as error:  # a migration may raise anything; the user gets one line
        cause = getattr(error, "orig", None) or error
        lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
        reason = lines[0] if lines else type(cause).__name__
        if not isinstance(error, SQLAlchemyError | CommandError):
            reason = f"{type(cause).__name__}: {reason}"
        raise DatabaseError(
            f"could not {doing} in {mask_url(engine.url)}: {reason}; the database was left as "
            "it was (the change runs in one transaction)"
        ) from None


@cache
def default_migrations() -> Migrations:
    """The package's own migrations, read once."""
    return Migrations()


def create_schema(engine: Engine) -> None:
    """Bring the database to the code's head: create an empty one, upgrade an older one."""
    default_migrations().upgrade(engine)


def migrations_folder() -> Path:
    """The folder of the package's own migrations."""
    return Path(str(files("calendar_service.adapters.db") / "migrations"))
