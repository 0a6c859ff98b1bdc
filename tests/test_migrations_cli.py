"""`calendar-service db …`, and what every other command does with a database whose schema is
not the code's: `run` upgrades it, the others refuse it with one line saying what to do."""

from __future__ import annotations

import datetime as dt
import email.policy
import shutil
import sqlite3
from collections import Counter
from collections.abc import Collection
from email.message import Message
from email.parser import BytesHeaderParser
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from calendar_service.adapters.db import make_engine
from calendar_service.adapters.db.schema import RELEASE_0_1_0, Migrations, default_migrations
from calendar_service.adapters.db.tables import REMINDERS, SUBSCRIPTIONS
from calendar_service.bootstrap import Container
from calendar_service.errors import DatabaseError
from calendar_service.settings import load_settings
from tests.cli import run_cli
from tests.daemon_support import DaemonProcess, wait_for
from tests.migration_support import RELEASE_DATA, migrations_with, next_revision, revision
from tests.smtp_server import SmtpServer, smtp_server
from tests.times import CST

FIXTURES = (smtp_server,)  # used by name below
DUE_18_DECEMBER = dt.datetime(2026, 12, 18, 10, 0, tzinfo=CST)


def _release_copy(tmp_path: Path) -> str:
    path = tmp_path / "calendar.db"
    shutil.copyfile(RELEASE_DATA / "sqlite.db", path)
    return f"sqlite:///{path}"


def _version(url: str) -> list[str]:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:
        return [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]


def test_db_current_and_upgrade_on_a_new_database(tmp_path: Path) -> None:
    env = {"CALENDAR_DATABASE_URL": f"sqlite:///{tmp_path / 'new.db'}"}
    empty = run_cli("db", "current", env=env)
    assert empty.code == 3 and "empty database" in empty.out
    done = run_cli("db", "upgrade", env=env)
    assert done.code == 0 and f"to {default_migrations().head}" in done.out
    current = run_cli("db", "current", env=env)
    assert current.code == 0 and current.out.strip() == f"{default_migrations().head} (head)"
    again = run_cli("db", "upgrade", env=env)
    assert again.code == 0 and "nothing to do" in again.out


def test_db_commands_on_a_release_0_1_0_database(tmp_path: Path) -> None:
    env = {"CALENDAR_DATABASE_URL": _release_copy(tmp_path)}
    current = run_cli("db", "current", env=env)
    assert "release 0.1.0, not stamped yet" in current.out
    history = run_cli("db", "history", env=env)
    assert history.code == 0 and f"{RELEASE_0_1_0}  The schema of release 0.1.0" in history.out
    done = run_cli("db", "upgrade", env=env)
    assert done.code == 0 and "recognised release 0.1.0's schema" in done.out
    assert _version(env["CALENDAR_DATABASE_URL"]) == [default_migrations().head]
    assert "<- this database" in run_cli("db", "history", env=env).out


@pytest.mark.parametrize(
    "command",
    [
        ("db", "upgrade"),
        ("run", "--scheduler-only"),
        ("eligibility", "b2b-220011"),
        ("subscribe", "b2b-220011", "a@example.com"),
        ("feed-url", "b2b-220011"),
        ("apikey", "list"),
        ("remind", "--dry-run"),
    ],
)
def test_a_database_written_by_a_newer_release_is_refused_by_every_command(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    url = _release_copy(tmp_path)
    default_migrations().upgrade(make_engine(url))
    with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    result = run_cli(*command, env={"CALENDAR_DATABASE_URL": url}, timeout=60)
    assert result.code != 0
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.err
    assert "9999" in lines[0] and default_migrations().head in lines[0]
    assert "newer release" in lines[0]
    assert run_cli("db", "current", env={"CALENDAR_DATABASE_URL": url}).code == 4


def test_db_current_refuses_a_database_of_other_tables(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
    env = {"CALENDAR_DATABASE_URL": f"sqlite:///{path}"}
    current = run_cli("db", "current", env=env)
    assert current.code == 5 and "unknown tables orders" in current.out
    refused = run_cli("subscribe", "s1", "a@example.com", env=env)
    assert refused.code != 0 and "did not make" in refused.err and "Traceback" not in refused.err


ADDS_A_COLUMN = revision(
    """
with op.batch_alter_table("api_keys") as batch:
    batch.add_column(sa.Column("note", sa.String(), nullable=True))
""",
)


def test_commands_refuse_a_database_behind_the_code_and_run_upgrades_it(tmp_path: Path) -> None:
    url = _release_copy(tmp_path)
    newer = Migrations(migrations_with(tmp_path, ADDS_A_COLUMN))
    refusing = Container(load_settings(database_url=url))
    refusing.migrations = newer
    with pytest.raises(DatabaseError) as refused:
        _ = refusing.engine
    message = str(refused.value)
    assert "\n" not in message and "revision 0001 (release 0.1.0)" in message
    assert (
        f"this code needs {next_revision()}" in message
        and "run `calendar-service db upgrade`" in message
    )
    assert _version_or_none(url) is None  # refused: nothing written

    upgrading = Container(load_settings(database_url=url), schema="upgrade")
    upgrading.migrations = newer
    _ = upgrading.engine
    assert _version(url) == [next_revision()]


def _version_or_none(url: str) -> str | None:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:
        found = connection.execute(
            "SELECT name FROM sqlite_master WHERE name = 'alembic_version'"
        ).fetchall()
    return _version(url)[0] if found else None


def test_commands_create_a_new_database_at_the_head(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    result = run_cli("apikey", "list", env={"CALENDAR_DATABASE_URL": url})
    assert result.code == 0, result.err
    assert _version(url) == [default_migrations().head]


def test_the_daemon_upgrades_a_release_0_1_0_database_and_sends_what_it_planned(
    tmp_path: Path, smtp_server: SmtpServer
) -> None:
    """The reminders release 0.1.0 planned for 18 December (eighteen, for two addresses) go out
    from the upgraded database: one message to each address, carrying all of its reminders."""
    url = _release_copy(tmp_path)
    engine = make_engine(url)
    try:
        planned = _due_on_18_december(engine)
        assert len(planned) == 18 and set(planned.values()) == set(ADDRESSES)
        daemon = DaemonProcess(tmp_path, url, smtp_server.url(), DUE_18_DECEMBER)
        try:
            wait_for(lambda: '"event": "start"' in daemon.output(), 60, "the daemon to start")
            assert _version(url) == [default_migrations().head]
            wait_for(
                lambda: _settled(engine, planned) and len(smtp_server.handler.messages) >= 2,
                60,
                "the reminders due on 18 December to be sent",
            )
            assert daemon.terminate() == 0
        finally:
            daemon.stop()
        received = Counter(r for m in smtp_server.handler.messages for r in m.rcpt_tos)
        assert received == Counter(ADDRESSES)  # each exactly once; the unsubscribed one never
        with engine.connect() as connection:
            rows = connection.execute(
                select(REMINDERS.c.id, REMINDERS.c.status, REMINDERS.c.message_id).where(
                    REMINDERS.c.id.in_(planned)
                )
            ).all()
        ids = {str(m["Message-ID"]) for m in _headers(smtp_server)}
        sent = {r.message_id for r in rows if r.status == "sent"}
        assert sent == ids  # every message carries some of them; nothing else was sent
        assert {r.status for r in rows} <= {"sent", "suppressed"}
    finally:
        engine.dispose()


ADDRESSES = ("ops@agency.example", "owner@seller.example")


def _due_on_18_december(engine: Engine) -> dict[int, str]:
    """The reminders release 0.1.0 left pending for 18 December: id → address."""
    day = DUE_18_DECEMBER.replace(hour=0)
    with engine.connect() as connection:
        found = connection.execute(
            select(REMINDERS.c.id, SUBSCRIPTIONS.c.email)
            .join(SUBSCRIPTIONS, SUBSCRIPTIONS.c.id == REMINDERS.c.subscription_id)
            .where(
                REMINDERS.c.status == "pending",
                REMINDERS.c.due_at >= day,
                REMINDERS.c.due_at <= DUE_18_DECEMBER,
            )
        ).all()
    return {r.id: r.email for r in found}


def _settled(engine: Engine, ids: Collection[int]) -> bool:
    """None of these reminders is pending or being sent any more."""
    query = select(REMINDERS.c.id).where(
        REMINDERS.c.id.in_(ids), REMINDERS.c.status.in_(("pending", "sending"))
    )
    with engine.connect() as connection:
        return connection.execute(query.limit(1)).first() is None


def _headers(server: SmtpServer) -> list[Message]:
    parser = BytesHeaderParser(policy=email.policy.default)
    return [parser.parsebytes(m.data) for m in server.handler.messages]
