"""Databases written by release 0.1.0 (tests/data/release-0.1.0, made by its make.sh with that
release's own code), restored for a test, and a copy of the migrations with revisions added."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, inspect, make_url, text
from sqlalchemy.pool import NullPool

from calendar_service.adapters.db.schema import default_migrations, migrations_folder

RELEASE_DATA = Path(__file__).resolve().parent / "data" / "release-0.1.0"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@dataclass(frozen=True)
class Release:
    url: str
    api_key: str
    feed_path: str
    unsubscribe_path: str


def _secrets(backend: str) -> dict[str, str]:
    data: dict[str, str] = json.loads((RELEASE_DATA / f"{backend}.secrets.json").read_text())
    return data


@contextmanager
def release_database(backend: str, folder: Path) -> Iterator[Release]:
    """A database as release 0.1.0 left it: a copy of its SQLite file, or its pg_dump restored
    by psql into a new PostgreSQL database (dropped afterwards)."""
    found = _secrets(backend)
    if backend == "sqlite":
        path = folder / "calendar.db"
        shutil.copyfile(RELEASE_DATA / "sqlite.db", path)
        yield Release(f"sqlite:///{path}", **found)
        return
    server = make_url(os.environ.get("CALENDAR_TEST_POSTGRES_URL") or DEFAULT_POSTGRES_URL)
    name = f"calendar_release_{secrets.token_hex(4)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = server.set(database=name)
    libpq = url.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        subprocess.run(
            [
                "psql",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-f",
                str(RELEASE_DATA / "postgres.sql"),
                libpq,
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        yield Release(url.render_as_string(hide_password=False), **found)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


Rows = dict[str, list[dict[str, Any]]]


def all_rows(engine: Engine) -> Rows:
    """Every row of every table but alembic_version, in a stable order: what an upgrade keeps."""
    with engine.connect() as connection:
        tables = sorted(set(inspect(connection).get_table_names()) - {"alembic_version"})
        return {
            table: sorted(
                (
                    dict(row._mapping)
                    for row in connection.execute(text(f'SELECT * FROM "{table}"'))
                ),
                key=lambda row: repr(sorted(row.items())),
            )
            for table in tables
        }


def as_before(after: Rows, before: Rows) -> Rows:
    """`after` cut down to the tables and columns `before` has: the rows an upgrade must keep."""
    cut: Rows = {}
    for table, rows in before.items():
        columns = list(rows[0]) if rows else []
        cut[table] = sorted(
            ({c: row[c] for c in columns} for row in after.get(table, [])),
            key=lambda row: repr(sorted(row.items())),
        )
    return cut


def migrations_with(folder: Path, *revisions: str) -> Path:
    """A copy of the package's migrations with `revisions` (from `revision`) added after the
    head, numbered on from it: the first is `next_revision()`."""
    target = folder / "migrations"
    shutil.copytree(migrations_folder(), target, ignore=shutil.ignore_patterns("__pycache__"))
    head = int(default_migrations().head)
    for number, source in enumerate(revisions, start=head + 1):
        text = source.replace("REVISION", f"{number:04d}").replace("DOWN", f"{number - 1:04d}")
        (target / "versions" / f"{number:04d}_test.py").write_text(text)
    return target


def next_revision() -> str:
    """The id the first revision added by `migrations_with` gets."""
    return f"{int(default_migrations().head) + 1:04d}"


def revision(body: str) -> str:
    """The text of a revision whose upgrade is `body`, for `migrations_with`."""
    indented = "\n".join(f"    {line}" if line else "" for line in body.strip().splitlines())
    return (
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        "revision = 'REVISION'\ndown_revision = 'DOWN'\n"
        "branch_labels = None\ndepends_on = None\n\n"
        f"def upgrade() -> None:\n{indented}\n\n"
        "def downgrade() -> None:\n    pass\n"
    )
