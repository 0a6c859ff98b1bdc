"""`calendar-service db …`: the schema's revision, its history, and upgrading it in place."""

from __future__ import annotations

import click

from calendar_service.bootstrap import Container
from calendar_service.settings import load_settings


def _container() -> Container:
    """The database as it is: these commands must not refuse (or upgrade) it on the way in."""
    return Container(load_settings(), schema="as-is")


@click.group()
def db() -> None:
    """The database schema: its revision and upgrading it (back up first)."""


@db.command()
def current() -> None:
    """The database's schema revision, and whether it is the code's head.

    Exits 0 when it is at the head, 3 when an upgrade is pending, 4 when the database was
    written by a newer release, 5 when it is not this service's database.
    """
    from calendar_service.adapters.db.schema import Standing  # noqa: PLC0415  # only when used

    container = _container()
    state = container.migrations.current(container.engine)
    click.echo(state.describe())
    codes = {Standing.CURRENT: 0, Standing.EMPTY: 3, Standing.BEHIND: 3, Standing.AHEAD: 4}
    code = 0 if state.legacy and state.standing is Standing.CURRENT else codes.get(state.standing)
    raise SystemExit(5 if code is None else code)


@db.command()
def upgrade() -> None:
    """Apply the pending migrations, in one transaction (nothing to do when current).

    Back up first: copy the SQLite file while the service is stopped, or `pg_dump` PostgreSQL.
    `calendar-service run` does this by itself before it serves.
    """
    container = _container()
    before, after = container.migrations.upgrade(container.engine)
    if before.legacy:
        click.echo(f"recognised release 0.1.0's schema and stamped it {before.revision}")
    if before.revision == after.revision and not before.legacy:
        click.echo(f"already at the head ({after.revision}); nothing to do")
    elif before.revision != after.revision:
        click.echo(f"upgraded from {before.revision or 'an empty database'} to {after.revision}")


@db.command()
def history() -> None:
    """Every revision, oldest first; the database's own is marked."""
    container = _container()
    state = container.migrations.current(container.engine)
    for revision, message in container.migrations.history():
        mark = "  <- this database" if revision == state.revision else ""
        click.echo(f"{revision}  {message}{mark}")
