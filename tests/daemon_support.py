"""Helpers for the daemon tests: real `calendar-service run` processes, data set-up, polling.

A daemon runs as `python -m calendar_service run --scheduler-only --now T --tick 0.5 --lease L`
with CALENDAR_DATABASE_URL and CALENDAR_SMTP_URL in its environment; its JSON log lines go to a
file under the test's tmp_path. The clock of a restarted daemon goes on from where the previous
one's was (`Timeline`), so leases taken before a kill lapse as they would in real time.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping
from email.parser import BytesHeaderParser
from pathlib import Path
from typing import Any, TypeVar

from aiosmtpd.controller import Controller
from sqlalchemy import Engine, func, select

from calendar_service.adapters.db.reminder_store import ReminderStore
from calendar_service.adapters.db.repository import Repository
from calendar_service.adapters.db.tables import REMINDERS
from calendar_service.daemon.jobs import Work
from calendar_service.domain.catalog import Catalog
from calendar_service.mail.transport import MaildirTransport
from calendar_service.services.compose import InlineComposer, MailSettings
from calendar_service.services.delivery import Channels
from calendar_service.services.sample import load_sample
from calendar_service.services.signed_links import SignedLinks
from tests.cli import PROJECT
from tests.smtp_server import HOST, RecordingHandler, SmtpServer
from tests.times import CST as CST  # noqa: PLC0414 (re-exported: test_daemon imports it from here)
from tests.times import MONTHLY_SIGNUP_OPEN, SAMPLE_CAPTURED

NOW = MONTHLY_SIGNUP_OPEN  # the daemon tests' clock: every address has a message due
T = TypeVar("T")


def subscribe(repository: Repository, addresses: int, stores_each: int = 2) -> int:
    """The sample data and `addresses` addresses (agent0@ …), each watching `stores_each`
    stores of it in turn; how many messages are due at NOW (one per address)."""
    load_sample(PROJECT / "data" / "sample", repository, CST, SAMPLE_CAPTURED)
    stores = repository.store_ids()
    for n in range(addresses):
        for k in range(stores_each):
            store_id = stores[(n * stores_each + k) % len(stores)]
            repository.subscribe(store_id, f"agent{n}@example.com", "zh-CN", now=SAMPLE_CAPTURED)
    return addresses


class Timeline:
    """The daemons' shared clock: starts at `start` and runs on in real time across restarts."""

    def __init__(self, start: dt.datetime) -> None:
        self.start = start
        self._began = time.monotonic()

    def now(self) -> dt.datetime:
        return self.start + dt.timedelta(seconds=time.monotonic() - self._began)

    def jump(self, to: dt.datetime) -> None:
        self.start, self._began = to, time.monotonic()


class DaemonProcess:
    """One `run --scheduler-only` process."""

    def __init__(
        self,
        tmp: Path,
        database_url: str,
        smtp_url: str,
        now: dt.datetime,
        *,
        lease: float = 2.0,
        name: str = "daemon",
        settings: Mapping[str, str] | None = None,
    ) -> None:
        base = {k: v for k, v in os.environ.items() if not k.startswith("CALENDAR_")}
        env = {**base, "CALENDAR_DATABASE_URL": database_url, "CALENDAR_SMTP_URL": smtp_url}
        env.update(settings or {})  # more CALENDAR_ variables
        self.log = tmp / f"{name}-{time.monotonic_ns()}.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    *(sys.executable, "-m", "calendar_service", "run", "--scheduler-only"),
                    *("--now", now.isoformat(), "--tick", "0.5", "--lease", str(lease)),
                ],
                env=env,
                cwd=PROJECT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def kill(self) -> None:
        self.process.kill()  # SIGKILL: no clean-up at all
        self.process.wait(10)

    def terminate(self, timeout: float = 30) -> int:
        """SIGTERM, and the exit status; a daemon still running after `timeout` seconds fails
        the test with its log and every thread's stack (SIGUSR1), then is killed."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.send_signal(signal.SIGUSR1)
            time.sleep(1)
            self.kill()
            raise AssertionError(
                f"the daemon did not stop within {timeout:.0f} s of SIGTERM; its log and "
                f"stacks:\n{self.output()[-8000:]}"
            ) from None

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.kill()


def ended(pid: int) -> bool:
    """Whether the process has ended (gone, or a zombie its parent has not reaped)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rpartition(")")[2].split()[0] in ("Z", "X")


def children(pid: int) -> list[int]:
    """The process's children now: for a daemon, its compose workers and multiprocessing's
    resource tracker, which starts with the first of them."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except FileNotFoundError:
            continue
    return found


def compose_workers(pid: int) -> list[int]:
    """The process's children that are spawned compose workers."""
    found = []
    for child in children(pid):
        try:
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(child)
        except FileNotFoundError:
            continue
    return found


def wait_for(check: Callable[[], T | None], timeout: float, what: str, every: float = 0.1) -> T:
    """Poll `check` until it returns something truthy; AssertionError naming `what` after
    `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(every)


def statuses(engine: Engine, due_by: dt.datetime | None = None) -> Counter[str]:
    """How many reminders are in each status (only those due by `due_by`, when given)."""
    query = select(REMINDERS.c.status, func.count()).group_by(REMINDERS.c.status)
    if due_by is not None:
        query = query.where(REMINDERS.c.due_at <= due_by)
    with engine.connect() as connection:
        return Counter({status: count for status, count in connection.execute(query)})


def sent_message_ids(engine: Engine) -> set[str]:
    query = select(REMINDERS.c.message_id).where(REMINDERS.c.status == "sent")
    with engine.connect() as connection:
        return {str(m) for m in connection.scalars(query)}


def messages_sent(engine: Engine) -> int:
    """How many messages the database records as sent (each on all of its reminders)."""
    return len(sent_message_ids(engine))


def settled(engine: Engine, due_by: dt.datetime) -> bool:
    """Every reminder due by `due_by` is over: sent, or suppressed as nothing worth telling."""
    counts = statuses(engine, due_by)
    return sum(counts.values()) == counts["sent"] + counts["suppressed"] > 0


_HEADERS = BytesHeaderParser(policy=email.policy.default)


def received_ids(server: SmtpServer) -> Counter[str]:
    """How many times the server accepted each Message-ID."""
    return Counter(
        str(_HEADERS.parsebytes(m.data)["Message-ID"]).strip()
        for m in list(server.handler.messages)
    )


def messages_a_day(server: SmtpServer) -> Counter[tuple[str, dt.date]]:
    """How many different messages (Message-IDs) each address received on each local day: a
    message accepted again with the same Message-ID is the same message, not a second one."""
    seen: set[tuple[str, str]] = set()
    found: Counter[tuple[str, dt.date]] = Counter()
    for received in list(server.handler.messages):
        headers = _HEADERS.parsebytes(received.data)
        message_id = str(headers["Message-ID"]).strip()
        day = headers["Date"].datetime.astimezone(CST).date()
        for recipient in received.rcpt_tos:
            if (recipient, message_id) not in seen:
                seen.add((recipient, message_id))
                found[recipient, day] += 1
    return found


class ServerOnPort:
    """An aiosmtpd server started on a given port later in a test (the SMTP server returns)."""

    def __init__(self, port: int) -> None:
        self.handler = RecordingHandler()
        self.port = port
        self._controller: Controller | None = None

    def start(self) -> SmtpServer:
        self._controller = Controller(self.handler, hostname=HOST, port=self.port)
        self._controller.start()
        return SmtpServer(self.handler, HOST, self.port)

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()


def job_work(
    catalog: Catalog,
    repository: Repository,
    store: ReminderStore,
    now: dt.datetime,
    stale_after: dt.timedelta = dt.timedelta(days=30),
    **options: Any,
) -> Work:
    """What the daemon's jobs are given, for calling a job in the test's process at `now`
    (mail goes nowhere: no job called this way sends any); `options`: Work's paging fields."""
    key = SignedLinks(b"a key for the daemon tests' links")
    mail = MailSettings("a@example.com", "https://example.com", "example.com", stale_after, key)
    return Work(
        catalog=catalog,
        repository=repository,
        store=store,
        transport=lambda: Channels(MaildirTransport(Path("unused"))),
        tz=CST,
        clock=lambda: now,
        owner="test",
        lease=dt.timedelta(minutes=1),
        stale_after=stale_after,
        composer=InlineComposer(catalog, repository, CST, mail),
        **options,
    )
