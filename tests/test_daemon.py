"""The daemon as real processes: crashes, several daemons, downtime, SMTP outages, signals.

Each test starts `calendar-service run --scheduler-only` subprocesses on SQLite or PostgreSQL
against an aiosmtpd server of its own, and waits (bounded, polling the database) for the
outcome. The database is the record: after any number of kill -9s every due reminder is sent,
a message is only ever sent again for a kill between the server's acceptance and the commit,
and then with the same Message-ID.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from calendar_service.adapters.catalog_file import load_catalog
from calendar_service.adapters.db.reminder_store import ReminderStore
from calendar_service.adapters.db.repository import Repository
from calendar_service.bootstrap import Container
from calendar_service.daemon.logs import JsonFormatter
from calendar_service.entrypoints.web import create_app
from calendar_service.services.planning import plan
from calendar_service.settings import load_settings
from tests.cli import PROJECT
from tests.daemon_support import (
    CST,
    NOW,
    DaemonProcess,
    ServerOnPort,
    Timeline,
    children,
    compose_workers,
    ended,
    received_ids,
    sent_message_ids,
    statuses,
    subscribe,
    wait_for,
)
from tests.smtp_server import SmtpServer, free_port, smtp_server

FIXTURES = (smtp_server,)  # used by name below
postgres_only = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
sqlite_only = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def daemons() -> Iterator[list[DaemonProcess]]:
    """Every daemon a test starts; any still running at the end is killed."""
    started: list[DaemonProcess] = []
    yield started
    for daemon in started:
        daemon.stop()


def _all_sent(engine: Engine, due_by: dt.datetime, expected: int) -> bool:
    counts = statuses(engine, due_by)
    return counts["sent"] == expected and sum(counts.values()) == expected


def _sent_at_least(engine: Engine, count: int) -> Callable[[], bool]:
    return lambda: statuses(engine)["sent"] >= count


def test_kill_9_during_dispatch_loses_nothing_and_duplicates_only_at_the_commit(
    repository: Repository,
    engine: Engine,
    database_url: str,
    smtp_server: SmtpServer,
    tmp_path: Path,
    daemons: list[DaemonProcess],
) -> None:
    expected = subscribe(repository, 143)  # 1,001 reminders
    timeline = Timeline(NOW)
    rng = random.Random(1688)
    kills = 5
    marks = sorted(rng.sample(range(50, expected - 100), kills))
    orphans: list[int] = []
    for mark in marks:
        daemon = DaemonProcess(tmp_path, database_url, smtp_server.url(), timeline.now())
        daemons.append(daemon)
        wait_for(_sent_at_least(engine, mark), 60, f"{mark} sent", every=0.02)
        orphans += compose_workers(daemon.process.pid)  # once a pass has been long enough
        daemon.kill()
    final = DaemonProcess(tmp_path, database_url, smtp_server.url(), timeline.now())
    daemons.append(final)
    wait_for(lambda: _all_sent(engine, NOW, expected), 60, f"all {expected} sent")
    assert final.terminate() == 0
    received = received_ids(smtp_server)
    assert set(received) == sent_message_ids(engine)
    assert len(received) == expected
    duplicates = sum(received.values()) - len(received)
    assert duplicates <= kills, received.most_common(kills + 1)
    assert orphans  # a pass of 1,001 reminders composes in a worker
    wait_for(lambda: all(map(ended, orphans)), 60, "the killed daemons' workers to end")


@postgres_only
def test_concurrent_claims_on_postgresql_take_each_reminder_once(
    repository: Repository, engine: Engine
) -> None:
    expected = subscribe(repository, 70)
    plan(load_catalog(PROJECT / "data" / "activities.toml"), repository, NOW, CST)
    store = ReminderStore(engine)
    barrier = threading.Barrier(4)

    def claim(owner: str) -> list[int]:
        barrier.wait()
        taken: list[int] = []
        while batch := store.claim_due(NOW, owner, dt.timedelta(minutes=10), limit=25):
            taken += [item.id for item in batch]
        return taken

    with ThreadPoolExecutor(4) as pool:
        claimed = list(pool.map(claim, [f"owner-{i}" for i in range(4)]))
    every = [i for ids in claimed for i in ids]
    assert len(every) == len(set(every)) == expected
    assert all(claimed), "each claimer got some"


@postgres_only
def test_three_daemons_on_one_postgresql_send_each_reminder_once(
    repository: Repository,
    engine: Engine,
    database_url: str,
    smtp_server: SmtpServer,
    tmp_path: Path,
    daemons: list[DaemonProcess],
) -> None:
    expected = subscribe(repository, 70)
    daemons += [
        DaemonProcess(tmp_path, database_url, smtp_server.url(), NOW, lease=600, name=f"d{i}")
        for i in range(3)
    ]
    wait_for(lambda: _all_sent(engine, NOW, expected), 60, f"all {expected} sent")
    assert [d.terminate() for d in daemons] == [0, 0, 0]
    received = received_ids(smtp_server)
    assert sum(received.values()) == len(received) == expected
    assert set(received) == sent_message_ids(engine)
    assert all('"event": "start"' in d.output() for d in daemons)


def test_after_downtime_what_fell_due_goes_once_and_what_expired_is_missed(
    repository: Repository,
    engine: Engine,
    database_url: str,
    smtp_server: SmtpServer,
    tmp_path: Path,
    daemons: list[DaemonProcess],
) -> None:
    expected = subscribe(repository, 10)
    first = DaemonProcess(tmp_path, database_url, smtp_server.url(), NOW)
    daemons.append(first)
    wait_for(lambda: _all_sent(engine, NOW, expected), 60, "the first reminders")
    assert first.terminate() == 0
    before = set(received_ids(smtp_server))
    later = dt.datetime(2026, 12, 29, 10, 0, tzinfo=NOW.tzinfo)  # two weeks down
    second = DaemonProcess(tmp_path, database_url, smtp_server.url(), later)
    daemons.append(second)

    def caught_up() -> bool:
        counts = statuses(engine, later)
        return counts["pending"] == counts["sending"] == 0 and counts["missed"] > 0

    wait_for(caught_up, 60, "the catch-up after the downtime")
    assert second.terminate() == 0
    rows = [s.row for s in ReminderStore(engine).all() if s.row.due_at <= later]
    received = received_ids(smtp_server)
    assert max(received.values()) == 1
    for row in rows:
        if row.message_id in before:
            continue
        if row.deadline_at > later:
            assert row.status.value == "sent" and received[row.message_id or ""] == 1, row
        else:
            assert row.status.value == "missed" and row.message_id is None, row
    new = [r for r in rows if r.status.value == "sent" and r.message_id not in before]
    assert new, "something fell due during the downtime and is still before its deadline"


def test_reminders_wait_while_smtp_is_down_and_go_out_when_it_returns(
    repository: Repository,
    engine: Engine,
    database_url: str,
    tmp_path: Path,
    daemons: list[DaemonProcess],
) -> None:
    expected = subscribe(repository, 10)
    port = free_port()  # nothing listens: connection refused
    url = f"smtp://127.0.0.1:{port}"
    timeline = Timeline(NOW)
    first = DaemonProcess(tmp_path, database_url, url, timeline.now())
    daemons.append(first)
    store = ReminderStore(engine)

    def all_retrying() -> bool:
        tried = [s.row for s in store.all() if s.row.attempts > 0]
        waiting = [r for r in tried if r.status.value == "pending" and r.due_at > NOW]
        return len(tried) == len(waiting) == expected

    wait_for(all_retrying, 60, "every due reminder tried once and put back for a retry")
    returned = ServerOnPort(port)
    server = returned.start()
    try:
        assert first.terminate() == 0
        # The first retry waits at most 1.5 minutes: move the clock past it.
        timeline.jump(timeline.now() + dt.timedelta(minutes=2))
        second = DaemonProcess(tmp_path, database_url, url, timeline.now())
        daemons.append(second)
        wait_for(lambda: statuses(engine)["sent"] == expected, 60, "the retries to go out")
        assert second.terminate() == 0
        received = received_ids(server)
        assert sum(received.values()) == len(received) == expected
    finally:
        returned.stop()


@sqlite_only
def test_a_second_daemon_on_the_same_sqlite_database_refuses(
    repository: Repository,
    database_url: str,
    smtp_server: SmtpServer,
    tmp_path: Path,
    daemons: list[DaemonProcess],
) -> None:
    subscribe(repository, 1)
    first = DaemonProcess(tmp_path, database_url, smtp_server.url(), NOW)
    daemons.append(first)
    wait_for(lambda: '"event": "start"' in first.output(), 30, "the first daemon to start")
    second = DaemonProcess(tmp_path, database_url, smtp_server.url(), NOW)
    daemons.append(second)
    code = second.process.wait(30)
    assert code != 0
    assert "another daemon" in second.output() and "already running" in second.output()
    assert first.process.poll() is None
    assert first.terminate() == 0


def test_sigterm_mid_batch_exits_0_and_leaves_nothing_in_sending(
    repository: Repository,
    engine: Engine,
    database_url: str,
    smtp_server: SmtpServer,
    tmp_path: Path,
    daemons: list[DaemonProcess],
) -> None:
    expected = subscribe(repository, 70)
    daemon = DaemonProcess(tmp_path, database_url, smtp_server.url(), NOW, lease=600)
    daemons.append(daemon)
    wait_for(lambda: statuses(engine)["sent"] >= 120, 60, "a batch under way", every=0.02)
    workers = compose_workers(daemon.process.pid)
    assert len(workers) == 1  # CALENDAR_COMPOSE_WORKERS's default
    tracker = set(children(daemon.process.pid)) - set(workers)  # multiprocessing's
    assert daemon.terminate() == 0
    assert all(map(ended, workers))  # the daemon stopped it before it exited
    wait_for(lambda: all(map(ended, tracker)), 30, "the resource tracker to end")
    counts = statuses(engine, NOW)
    assert counts["sending"] == 0
    assert counts["sent"] + counts["pending"] == expected and counts["pending"] > 0
    received = received_ids(smtp_server)
    assert sum(received.values()) == len(received) == counts["sent"]
    assert set(received) == sent_message_ids(engine)


def test_healthz_shows_the_scheduler_here_or_says_it_is_not_running_here(
    repository: Repository, database_url: str
) -> None:
    subscribe(repository, 1)
    container = Container(load_settings(database_url=database_url))
    web_only = TestClient(create_app(container, lambda: NOW))
    body = web_only.get("/healthz").json()
    assert body["status"] == "ok" and body["scheduler"] == "not running here"
    assert body["reminders"] == {"due": 0, "failed": 0}
    state = {"state": "running", "jobs": {"dispatch": {"last_run": None}}}
    both = TestClient(create_app(container, lambda: NOW, health=lambda: state))
    assert both.get("/healthz").json()["scheduler"] == state


def test_log_lines_are_one_json_object_each() -> None:
    record = logging.makeLogRecord(
        {"name": "calendar_service.daemon", "levelname": "INFO", "msg": "dispatch ok"}
    )
    record.job, record.sent = "dispatch", 3
    line = JsonFormatter().format(record)
    assert "\n" not in line
    assert json.loads(line) | {"ts": None} == {
        "ts": None,
        "level": "info",
        "logger": "calendar_service.daemon",
        "msg": "dispatch ok",
        "job": "dispatch",
        "sent": 3,
    }
