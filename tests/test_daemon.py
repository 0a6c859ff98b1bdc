"""The daemon as real processes: crashes, several daemons, downtime, SMTP outages, signals.

Each test starts `calendar-service run --scheduler-only` subprocesses on SQLite or PostgreSQL
against an aiosmtpd server of its own, and waits (bounded, polling the database) for the
outcome. The database is the record: after any number of kill -9s every due reminder is sent (or
suppressed as nothing worth telling), each address gets one message a day, and a message is
only ever sent again for a kill between the server's acceptance and the commit, and then with
the same Message-ID.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from calendar_service.adapters.catalog_file import load_catalog
from calendar_service.adapters.db.reminder_store import Claim, ReminderStore
from calendar_service.adapters.db.repository import Repository
from calendar_service.adapters.workdays import ChineseWorkdays
from calendar_service.bootstrap import Container
from calendar_service.daemon.logs import JsonFormatter
from calendar_service.domain.planning import SendDays
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
    messages_a_day,
    messages_sent,
    received_ids,
    sent_message_ids,
    settled,
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


def _once_a_day(server: SmtpServer, addresses: int) -> None:
    """Each address got exactly one message (one Message-ID) on the day."""
    counts = messages_a_day(server)
    assert len(counts) == addresses and set(counts.values()) == {1}, counts.most_common(3)


def test_kill_9_during_dispatch_loses_nothing_and_duplicates_only_at_the_commit(
    repository: Repository,
    engine: Engine,
    database_url: str,
    smtp_server: SmtpServer,
    tmp_path: Path,
    daemons: list[DaemonProcess],
) -> None:
    expected = subscribe(repository, 150)  # 150 messages, two stores each
    timeline = Timeline(NOW)
    rng = random.Random(1688)
    kills = 5
    # The first kill once the first pass is composing in its worker (after 64 messages).
    marks = sorted(rng.sample(range(80, expected - 10), kills))
    orphans: list[int] = []
    for mark in marks:
        daemon = DaemonProcess(tmp_path, database_url, smtp_server.url(), timeline.now())
        daemons.append(daemon)
        wait_for(lambda: messages_sent(engine) >= mark, 60, f"{mark} sent", every=0.02)  # noqa: B023
        orphans += compose_workers(daemon.process.pid)  # once a pass has been long enough
        daemon.kill()
    final = DaemonProcess(tmp_path, database_url, smtp_server.url(), timeline.now())
    daemons.append(final)
    wait_for(
        lambda: messages_sent(engine) == expected and settled(engine, timeline.now()),
        60,
        f"all {expected} messages sent",
    )
    assert final.terminate() == 0
    assert not statuses(engine)["sending"]  # every claim of a killed daemon was taken again
    received = received_ids(smtp_server)
    assert set(received) == sent_message_ids(engine)
    assert len(received) == expected
    duplicates = sum(received.values()) - len(received)
    assert duplicates <= kills, received.most_common(kills + 1)
    _once_a_day(smtp_server, expected)  # a message accepted twice is still the one message
    assert orphans  # a pass of 150 messages composes in a worker
    wait_for(lambda: all(map(ended, orphans)), 60, "the killed daemons' workers to end")


@postgres_only
def test_concurrent_claims_on_postgresql_take_each_address_once_with_all_its_reminders(
    repository: Repository, engine: Engine
) -> None:
    expected = subscribe(repository, 70)
    store = ReminderStore(engine)
    plan(load_catalog(PROJECT / "data" / "activities.toml"), store, NOW, CST)
    emails = {s.id: s.email for s in repository.subscriptions()}
    due: dict[str, set[int]] = {}
    for s in store.all():
        if s.row.due_at <= NOW:
            due.setdefault(emails[s.row.subscription_id], set()).add(s.id)
    days = SendDays(CST, ChineseWorkdays())
    barrier = threading.Barrier(4)

    def claim(owner: str) -> list[Claim]:
        barrier.wait()
        taken: list[Claim] = []
        while True:
            claimed = store.claim_recipients(
                NOW,
                owner,
                dt.timedelta(minutes=10),
                5,
                day_start=days.day_start(NOW),
                next_morning=days.next_morning(NOW),
            )
            taken += claimed.claims
            if not claimed.claims and not statuses(engine, NOW)["pending"]:
                return taken

    with ThreadPoolExecutor(4) as pool:
        claimed = list(pool.map(claim, [f"owner-{i}" for i in range(4)]))
    recipients = [c.recipient for found in claimed for c in found]
    assert len(recipients) == len(set(recipients)) == expected == len(due)
    for claim_ in (c for found in claimed for c in found):
        assert {s.id for s in claim_.reminders} == due[claim_.recipient]  # all of it, together
    assert all(claimed), "each claimer got some"


@postgres_only
def test_three_daemons_on_one_postgresql_send_each_address_one_message(
    repository: Repository,
    engine: Engine,
    database_url: str,
    smtp_server: SmtpServer,
    tmp_path: Path,
    daemons: list[DaemonProcess],
) -> None:
    expected = subscribe(repository, 70)
    timeline = Timeline(NOW)  # at or ahead of every daemon's clock
    daemons += [
        DaemonProcess(tmp_path, database_url, smtp_server.url(), NOW, lease=600, name=f"d{i}")
        for i in range(3)
    ]
    wait_for(
        lambda: messages_sent(engine) == expected and settled(engine, timeline.now()),
        60,
        f"all {expected} messages sent",
    )
    assert [d.terminate() for d in daemons] == [0, 0, 0]
    received = received_ids(smtp_server)
    assert sum(received.values()) == len(received) == expected
    assert set(received) == sent_message_ids(engine)
    _once_a_day(smtp_server, expected)
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
    timeline = Timeline(NOW)
    first = DaemonProcess(tmp_path, database_url, smtp_server.url(), NOW)
    daemons.append(first)
    wait_for(
        lambda: messages_sent(engine) == expected and settled(engine, timeline.now()),
        60,
        "the first messages",
    )
    assert first.terminate() == 0
    before = set(received_ids(smtp_server))
    stopped = timeline.now()
    planned = ReminderStore(engine).all()
    done = {s.id for s in planned if s.row.due_at <= stopped}  # all settled
    # Three weeks down: the monthly deadline reminders (18 December) expired meanwhile; the
    # quarterly sign-ups opened on 1 January and are still open. It wakes on a Tuesday at
    # 10:00, a sending time: what is caught up is due at once.
    later = dt.datetime(2027, 1, 5, 10, 0, tzinfo=NOW.tzinfo)
    timeline.jump(later)
    second = DaemonProcess(tmp_path, database_url, smtp_server.url(), later)
    daemons.append(second)

    def caught_up() -> bool:
        """All due by now is over, the expired missed, and the new messages sent (the
        daemon may dispatch once before it has planned what is due now)."""
        counts = statuses(engine, timeline.now())
        woke = len(received_ids(smtp_server)) > len(before)
        return counts["pending"] == counts["sending"] == 0 and counts["missed"] > 0 and woke

    wait_for(caught_up, 60, "the catch-up after the downtime")
    assert second.terminate() == 0
    woke = timeline.now()
    rows = [s.row for s in ReminderStore(engine).all() if s.row.due_at <= woke and s.id not in done]
    received = received_ids(smtp_server)
    assert max(received.values()) == 1
    for row in rows:
        if row.deadline_at > later:
            assert row.status.value in ("sent", "suppressed"), row
            assert row.status.value == "suppressed" or received[row.message_id or ""] == 1, row
        else:
            assert row.status.value == "missed" and row.message_id is None, row
    new = {r.message_id for r in rows if r.status.value == "sent"}
    assert not new & before
    assert new, "something fell due during the downtime and is still before its deadline"
    # What it planned on waking (what was not planned before) is due then, not when it fell due.
    old = {s.id for s in planned}
    caught_up_rows = [s.row for s in ReminderStore(engine).all() if s.id not in old]
    assert all(r.due_at >= later for r in caught_up_rows if r.due_at <= woke)
    assert any(r.status.value == "sent" for r in caught_up_rows if r.due_at <= woke)
    # What fell due while it was down went in one message per address, on the day it woke.
    assert len(new) <= expected and max(messages_a_day(smtp_server).values()) == 1


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
    emails = {s.id: s.email for s in repository.subscriptions()}

    def all_retrying() -> bool:
        tried = [s.row for s in store.all() if s.row.attempts > 0]
        waiting = [r for r in tried if r.status.value == "pending" and r.due_at > NOW]
        addresses = {emails[r.subscription_id] for r in tried}
        return len(tried) == len(waiting) > 0 and len(addresses) == expected

    wait_for(all_retrying, 60, "every address's message tried once and put back for a retry")
    returned = ServerOnPort(port)
    server = returned.start()
    try:
        assert first.terminate() == 0
        # The first retry waits at most 1.5 minutes: move the clock past it.
        timeline.jump(timeline.now() + dt.timedelta(minutes=2))
        second = DaemonProcess(tmp_path, database_url, url, timeline.now())
        daemons.append(second)
        wait_for(
            lambda: messages_sent(engine) == expected and settled(engine, timeline.now()),
            60,
            "the retries to go out",
        )
        assert second.terminate() == 0
        received = received_ids(server)
        assert sum(received.values()) == len(received) == expected
        _once_a_day(server, expected)
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
    expected = subscribe(repository, 150)
    timeline = Timeline(NOW)
    daemon = DaemonProcess(tmp_path, database_url, smtp_server.url(), NOW, lease=600)
    daemons.append(daemon)
    wait_for(lambda: messages_sent(engine) >= 70, 60, "a pass under way", every=0.02)
    workers = compose_workers(daemon.process.pid)
    assert len(workers) == 1  # CALENDAR_COMPOSE_WORKERS's default, past the first 64 messages
    tracker = set(children(daemon.process.pid)) - set(workers)  # multiprocessing's
    assert daemon.terminate() == 0
    assert all(map(ended, workers))  # the daemon stopped it before it exited
    wait_for(lambda: all(map(ended, tracker)), 30, "the resource tracker to end")
    counts = statuses(engine, timeline.now())
    assert counts["sending"] == 0
    assert set(counts) <= {"sent", "suppressed", "pending"} and counts["pending"] > 0
    sent = messages_sent(engine)
    assert 70 <= sent < expected
    received = received_ids(smtp_server)
    assert sum(received.values()) == len(received) == sent
    assert set(received) == sent_message_ids(engine)
    assert max(messages_a_day(smtp_server).values()) == 1


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
