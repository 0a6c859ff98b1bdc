"""Plan, render, send and record N reminders to an SMTP sink, beside a raw smtplib loop.

The issue: "Plan, render, send and record N reminders to a local aiosmtpd sink, side by side in
the same run with a raw smtplib loop sending the same pre-built messages over one connection.
Target ≥ 0.5× the raw loop's messages per second."

One run, everything in a temporary directory and on 127.0.0.1 only:

- a fresh SQLite database with the sample data (`load_sample`, 35 stores) and, at
  2026-12-15 10:00 Asia/Shanghai (the monthly activities' sign-up opens that day: each
  subscription has an `opens` reminder per monthly activity and a weekly digest due), k
  addresses subscribed to every store, k chosen so that about BENCH_REMINDERS (default 2000)
  reminders are due;
- an aiosmtpd sink in this process (`aiosmtpd.controller.Controller`, its own thread and event
  loop) that accepts every message and keeps its envelope and bytes, nothing more.

The service: `plan` then `dispatch` (claim, re-judge and render, send over one SMTP connection,
record), timed together, once for each count of compose workers in BENCH_COMPOSE_WORKERS
(default "0,1": composed in the dispatcher's thread, then by one worker process as the service
does by default), each on a database of its own. A pool's workers are started and ready before
the timing starts, as a daemon's are from its first long pass on. Checked afterwards: every
due reminder is `sent` with a Message-ID, the sink received exactly one message per reminder,
each Message-ID once, to the subscription's address; the reminders not yet due are still
pending.

The baseline, after each service run: the bytes the sink received from the service, sent again
unchanged with `smtplib.SMTP.sendmail` over one connection (same envelope, same MAIL options),
timed; the sink must receive the same bytes again.

Where the dispatcher's time went is measured with thin timing wrappers around what `dispatch`
is handed (the reminder store, the repository's snapshot reads, the transport): a few
microseconds a call. With workers, the snapshot reads happen in them and are not timed.
BENCH_REMINDERS_PROFILE=1 runs the dispatcher under cProfile as well and prints the functions
that took the most time (the rates are then inflated by the profiler).

The target is reported PASS / MISS and never fails the run; it exits non-zero only when the sink
does not start or a run does not deliver what it should.
"""

from __future__ import annotations

import cProfile
import datetime as dt
import email.policy
import gc
import io
import math
import os
import pstats
import random
import smtplib
import socket
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import Message
from email.parser import BytesHeaderParser
from pathlib import Path
from types import TracebackType
from typing import Self

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from sqlalchemy import Engine

from calendar_service.adapters.db.reminder_store import Attempt, ReminderStore, StoredReminder
from calendar_service.adapters.db.repository import Repository
from calendar_service.bootstrap import Container
from calendar_service.domain.reminders import ReminderRow, ReminderStatus
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.subscriptions import Subscription
from calendar_service.mail.transport import Outgoing, SendResult, SmtpTransport, parse_smtp_url
from calendar_service.services.compose import mail_settings
from calendar_service.services.compose_pool import ComposePool, make_composer
from calendar_service.services.dispatch import DispatchReport, dispatch
from calendar_service.services.planning import plan
from calendar_service.services.sample import load_sample
from calendar_service.settings import load_settings

HOST = "127.0.0.1"
DEFAULT_REMINDERS = 2000
TARGET_VS_RAW = 0.5  # at least this share of the raw loop's messages per second
OWNER = "bench-reminders"
SEED = 1688
LOCALE = "zh-CN"
PROFILE_LINES = 20
SHOWN_PROBLEMS = 5
SINK_ATTEMPTS = 5  # another process may take the free port first
DEFAULT_WORKERS = "0,1"  # in line, then one compose worker: both in each run
MAX_WORKERS = 32
POOL_START_WAIT = 60.0  # seconds for the workers to start, before the timed run


class BenchError(Exception):
    """The sink does not start, or a run does not deliver what it should: the run fails."""


# The sink ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: list[str]
    mail_options: list[str]
    data: bytes

    @property
    def replay_options(self) -> list[str]:
        """The MAIL options to send it again with: smtplib adds SIZE=… itself."""
        return [o for o in self.mail_options if not o.upper().startswith("SIZE=")]

    def same(self, other: Received) -> bool:
        return (self.mail_from, self.rcpt_tos, self.replay_options, self.data) == (
            other.mail_from,
            other.rcpt_tos,
            other.replay_options,
            other.data,
        )


@dataclass
class Sink:
    """An aiosmtpd handler that accepts every message and keeps it, nothing else."""

    messages: list[Received] = field(default_factory=list)

    async def handle_DATA(  # noqa: N802  # aiosmtpd's hook name
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        content = envelope.original_content
        if not isinstance(content, bytes) or envelope.mail_from is None:
            return "554 5.6.0 no content"
        self.messages.append(
            Received(
                envelope.mail_from,
                list(envelope.rcpt_tos),
                list(envelope.mail_options),
                content,
            )
        )
        return "250 2.0.0 OK"

    def take(self) -> list[Received]:
        """What arrived so far; the sink starts over (call between runs, when idle)."""
        taken, self.messages = self.messages, []
        return taken


@contextmanager
def running_sink() -> Iterator[tuple[Sink, int]]:
    sink = Sink()
    for _ in range(SINK_ATTEMPTS):
        port = _free_port()
        controller = Controller(sink, hostname=HOST, port=port)
        try:
            controller.start()
        except (OSError, RuntimeError):
            continue
        break
    else:
        raise BenchError(f"the aiosmtpd sink did not start on {HOST} ({SINK_ATTEMPTS} ports tried)")
    try:
        yield sink, port
    finally:
        controller.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


# Timing wrappers: what dispatch is handed, each call's time added to a phase ----------------


@dataclass
class Clock:
    seconds: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    calls: Counter[str] = field(default_factory=Counter)

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started
            self.calls[name] += 1


CLAIM, READ, SEND, RECORD, PLAN = "claim", "read", "send", "record", "plan"


class TimedReminderStore(ReminderStore):
    """The reminder store, its claims and its records of outcomes timed."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        super().__init__(engine)
        self._clock = clock

    def claim_due(
        self, now: dt.datetime, owner: str, lease: dt.timedelta, limit: int = 200
    ) -> list[StoredReminder]:
        with self._clock.phase(CLAIM):
            return super().claim_due(now, owner, lease, limit)

    def finish(
        self,
        reminder_id: int,
        owner: str,
        status: ReminderStatus,
        *,
        attempts: int | None = None,
        due_at: dt.datetime | None = None,
        message_id: str | None = None,
        sent_at: dt.datetime | None = None,
        attempt: Attempt | None = None,
    ) -> bool:
        with self._clock.phase(RECORD):
            return super().finish(
                reminder_id,
                owner,
                status,
                attempts=attempts,
                due_at=due_at,
                message_id=message_id,
                sent_at=sent_at,
                attempt=attempt,
            )


class TimedRepository(Repository):
    """The repository, its snapshot reads (what `compose` reads per reminder) timed."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        super().__init__(engine)
        self.clock = clock

    def latest_store_snapshot(self, store_id: str, as_of: dt.datetime) -> StoreSnapshot | None:
        with self.clock.phase(READ):
            return super().latest_store_snapshot(store_id, as_of)

    def store_history(
        self, store_id: str, until: dt.datetime, since: dt.datetime | None = None
    ) -> list[StoreSnapshot]:
        with self.clock.phase(READ):
            return super().store_history(store_id, until, since)

    def latest_product_snapshots(self, store_id: str, as_of: dt.datetime) -> list[ProductSnapshot]:
        with self.clock.phase(READ):
            return super().latest_product_snapshots(store_id, as_of)


class TimedTransport:
    """The SMTP transport, each send (serialising the message and the SMTP exchange) timed."""

    def __init__(self, inner: SmtpTransport, clock: Clock) -> None:
        self.inner = inner
        self._clock = clock

    def open(self) -> None:
        self.inner.open()

    def close(self) -> None:
        self.inner.close()

    def send(self, msg: Message | Outgoing) -> SendResult:
        with self._clock.phase(SEND):
            return self.inner.send(msg)

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


# Setting up -------------------------------------------------------------------------------


class _Collect:
    """A planning target that keeps the rows instead of writing them (to size the run)."""

    def __init__(self, repository: Repository) -> None:
        self._repository = repository
        self.rows: list[ReminderRow] = []

    def subscriptions(
        self, store_id: str | None = None, active_only: bool = True
    ) -> list[Subscription]:
        return self._repository.subscriptions(store_id, active_only)

    def add_reminders(self, rows: Iterable[ReminderRow]) -> int:
        self.rows.extend(rows)
        return 0


@dataclass(frozen=True)
class Setup:
    container: Container
    now: dt.datetime
    expected: int  # reminders due at `now` once planned
    addresses: int  # subscribed to every store
    stores: int


def _set_up(database: Path, target: int) -> Setup:
    settings = load_settings(database_url=f"sqlite:///{database}")
    container = Container(settings)
    repository = container.repository
    tz = settings.tz
    now = dt.datetime(2026, 12, 15, 10, 0, tzinfo=tz)
    if now.utcoffset() != dt.timedelta(hours=8):
        raise BenchError(f"expected the service's time zone to be UTC+8, not {tz}")
    load_sample(settings.sample_dir, repository, tz, now)
    stores = sorted(repository.store_ids())
    if not stores:
        raise BenchError("the sample data has no stores")

    def subscribe(i: int) -> None:
        for store_id in stores:
            repository.subscribe(store_id, f"agent{i}@example.com", LOCALE, now=now)

    subscribe(0)
    collect = _Collect(repository)
    plan(container.catalog, collect, now, tz)
    per_address = sum(1 for row in collect.rows if row.due_at <= now)
    if per_address == 0:
        raise BenchError(f"nothing is due at {now} for one address subscribed to every store")
    addresses = max(1, round(target / per_address))
    for i in range(1, addresses):
        subscribe(i)
    return Setup(container, now, per_address * addresses, addresses, len(stores))


# The service run --------------------------------------------------------------------------


@dataclass
class ServiceRun:
    seconds: float
    plan_seconds: float
    dispatch_seconds: float
    added: int
    report: DispatchReport
    clock: Clock
    connections: int
    profile: str | None
    workers: int  # compose worker processes; 0: composed in line
    pool_seconds: float  # starting them, before the timed run


def _service(setup: Setup, port: int, profile: bool, workers: int) -> ServiceRun:
    container = setup.container
    settings = container.settings
    clock = Clock()
    repository = TimedRepository(container.engine, clock)
    store = TimedReminderStore(container.engine, clock)
    smtp = SmtpTransport(parse_smtp_url(f"smtp://{HOST}:{port}"))
    transport = TimedTransport(smtp, clock)
    mail = mail_settings(settings, container.signed_links)
    catalog, tz, now = container.catalog, settings.tz, setup.now
    started_pool = time.perf_counter()
    composer = make_composer(
        settings.model_copy(update={"compose_workers": workers}),
        catalog,
        repository,
        container.signed_links,
    )
    if isinstance(composer, ComposePool):
        composer.start(wait_ready=POOL_START_WAIT)  # as a daemon's are, from its first long pass
    pool_seconds = time.perf_counter() - started_pool
    profiler = cProfile.Profile() if profile else None
    gc.collect()
    try:
        if profiler is not None:
            profiler.enable()
        started = time.perf_counter()
        planned = plan(catalog, repository, now, tz)
        planned_at = time.perf_counter()
        report = dispatch(
            catalog,
            repository,
            store,
            transport,
            now,
            tz,
            mail,
            OWNER,
            random.Random(SEED),
            composer=composer,
        )
        finished = time.perf_counter()
        if profiler is not None:
            profiler.disable()
    finally:
        composer.close()
    clock.seconds[PLAN] = planned_at - started
    clock.calls[PLAN] = 1
    return ServiceRun(
        finished - started,
        planned_at - started,
        finished - planned_at,
        planned.added,
        report,
        clock,
        smtp.connections,
        _profile_text(profiler) if profiler is not None else None,
        workers,
        pool_seconds,
    )


def _profile_text(profiler: cProfile.Profile) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(PROFILE_LINES)
    stats.sort_stats("cumulative").print_stats(PROFILE_LINES)
    return out.getvalue()


_HEADERS = BytesHeaderParser(policy=email.policy.default)


def _message_id(data: bytes) -> str:
    value = _HEADERS.parsebytes(data)["Message-ID"]
    return "" if value is None else str(value).strip()


def _check_service(setup: Setup, run: ServiceRun, received: list[Received]) -> None:
    """BenchError unless each due reminder was sent once, recorded, to its subscriber."""
    container, now = setup.container, setup.now
    stored = ReminderStore(container.engine).all()
    due = [s for s in stored if s.row.due_at <= now]
    later = [s for s in stored if s.row.due_at > now]
    emails = {s.id: s.email for s in container.repository.subscriptions(active_only=False)}
    problems: list[str] = []
    if len(due) != setup.expected:
        problems.append(f"{len(due):,} reminders due after planning, {setup.expected:,} expected")
    report = run.report
    if (report.sent, report.retrying, report.failed, report.missed, report.suppressed) != (
        len(due),
        0,
        0,
        0,
        0,
    ):
        problems.append(f"dispatch: {report.summary()} for {len(due):,} due reminders")
    problems.extend(f"dispatch: {line}" for line in report.lines[:SHOWN_PROBLEMS])
    unsent = [s for s in due if s.row.status is not ReminderStatus.SENT or not s.row.message_id]
    problems.extend(
        f"{s.row.key}: {s.row.status.value}, message id {s.row.message_id!r}"
        for s in unsent[:SHOWN_PROBLEMS]
    )
    if unsent:
        problems.append(f"{len(unsent):,} due reminders not recorded as sent")
    touched = [s for s in later if s.row.status is not ReminderStatus.PENDING]
    if touched:
        problems.append(f"{len(touched):,} reminders not yet due are no longer pending")
    arrived = Counter(_message_id(m.data) for m in received)
    to = {_message_id(m.data): m.rcpt_tos for m in received}
    if len(received) != len(due):
        problems.append(f"the sink received {len(received):,} messages for {len(due):,} reminders")
    twice = [mid for mid, count in arrived.items() if count != 1]
    if twice:
        problems.append(f"{len(twice):,} Message-IDs arrived more than once, e.g. {twice[0]}")
    lost = [s for s in due if s.row.message_id not in arrived]
    if lost:
        problems.append(
            f"{len(lost):,} recorded Message-IDs never arrived, e.g. {lost[0].row.message_id}"
        )
    misaddressed = [
        s
        for s in due
        if s.row.message_id in to and to[s.row.message_id] != [emails[s.row.subscription_id]]
    ]
    if misaddressed:
        s = misaddressed[0]
        problems.append(
            f"{len(misaddressed):,} messages went to the wrong address, e.g. {s.row.key} to "
            f"{to[s.row.message_id or '']}, not {emails[s.row.subscription_id]}"
        )
    if problems:
        raise BenchError("the service run is wrong:\n     " + "\n     ".join(problems))


# The raw loop -----------------------------------------------------------------------------


def _raw(port: int, messages: list[Received]) -> float:
    """Send these envelopes and bytes again over one connection; the time it took."""
    gc.collect()
    started = time.perf_counter()
    with smtplib.SMTP(HOST, port) as smtp:  # leaving it sends QUIT
        smtp.ehlo()
        for m in messages:
            smtp.sendmail(m.mail_from, m.rcpt_tos, m.data, m.replay_options)
    return time.perf_counter() - started


def _check_raw(sent: list[Received], received: list[Received]) -> None:
    if len(received) != len(sent) or not all(map(Received.same, sent, received)):
        same = sum(1 for a, b in zip(sent, received, strict=False) if a.same(b))
        raise BenchError(
            f"the raw loop delivered {len(received):,} messages for {len(sent):,}; "
            f"{same:,} identical to the service's"
        )


# Report -----------------------------------------------------------------------------------


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else math.inf


def _breakdown(run: ServiceRun, n: int) -> None:
    clock = run.clock
    measured = {name: clock.seconds[name] for name in (CLAIM, READ, SEND, RECORD)}
    rest = run.dispatch_seconds - sum(measured.values())
    compose = (
        f"waiting for {run.workers} worker(s) (the rest)"
        if run.workers
        else "compose: judge, render, build, flatten (rest)"
    )
    rows = [
        ("plan (plan: occurrences, rows, INSERT)", clock.seconds[PLAN], clock.calls[PLAN]),
        ("claim (claim_due, batches of 100)", measured[CLAIM], clock.calls[CLAIM]),
        ("compose: snapshot reads (3 queries)", measured[READ], clock.calls[READ]),
        (compose, rest, n),
        ("SMTP (transport.send: the exchange)", measured[SEND], clock.calls[SEND]),
        ("record (finish, with the attempt)", measured[RECORD], clock.calls[RECORD]),
    ]
    print("   where the dispatcher's time went:")
    print(f"     {'phase':<44}{'s':>8}{'share':>8}{'ms/msg':>9}{'calls':>9}")
    for name, seconds, calls in rows:
        print(
            f"     {name:<44}{seconds:>8.2f}{seconds / run.seconds:>8.0%}"
            f"{seconds / n * 1000:>9.3f}{calls:>9,}"
        )


def _workers() -> list[int]:
    text = os.environ.get("BENCH_COMPOSE_WORKERS", DEFAULT_WORKERS)
    try:
        counts = [int(part) for part in text.split(",")]
    except ValueError:
        counts = []
    if not counts or any(c < 0 or c > MAX_WORKERS for c in counts):
        raise SystemExit(
            f"BENCH_COMPOSE_WORKERS must list worker counts from 0 to {MAX_WORKERS} separated "
            f"by commas, such as {DEFAULT_WORKERS}, not {text!r}"
        )
    return counts


def main() -> None:
    target = int(os.environ.get("BENCH_REMINDERS", str(DEFAULT_REMINDERS)))
    if target < 1:
        raise SystemExit(f"BENCH_REMINDERS must be at least 1, not {target}")
    profile = os.environ.get("BENCH_REMINDERS_PROFILE", "") not in ("", "0")
    counts = _workers()
    ratios: dict[int, float] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="bench-reminders-") as tmp:
            for workers in counts:
                ratios[workers] = _run(Path(tmp), target, profile, workers)
    except BenchError as error:
        print(f"   FAILED: {error}")
        sys.exit(1)
    if len(ratios) > 1:
        shown = ", ".join(f"{_mode(w)} {r:.3f}x" for w, r in ratios.items())
        print(f"   service / raw: {shown}; target ≥ {TARGET_VS_RAW:g}x")


def _mode(workers: int) -> str:
    return f"{workers} compose worker(s)" if workers else "composed in line"


def _run(tmp: Path, target: int, profile: bool, workers: int) -> float:
    print(f"   -- {_mode(workers)} (CALENDAR_COMPOSE_WORKERS={workers})")
    started = time.perf_counter()
    setup = _set_up(tmp / f"calendar-{workers}.db", target)
    engine = setup.container.engine
    try:
        n = setup.expected
        print(
            f"   {n:,} reminders due at {setup.now:%Y-%m-%d %H:%M %z} (asked for {target:,}): "
            f"{setup.addresses} address(es) subscribed to each of {setup.stores} stores, "
            f"{n // (setup.addresses * setup.stores)} due per subscription; SQLite in a "
            f"temporary folder; set up in {time.perf_counter() - started:.1f} s"
        )
        print(
            f"   load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; "
            "the aiosmtpd sink runs in this process (its own thread, the same GIL) for both"
        )
        with running_sink() as (sink, port):
            run = _service(setup, port, profile, workers)
            received = sink.take()
            _check_service(setup, run, received)
            raw_seconds = _raw(port, received)
            _check_raw(received, sink.take())
    finally:
        engine.dispose()

    ours, raw = _rate(n, run.seconds), _rate(n, raw_seconds)
    print(
        f"   checked: {n:,} reminders sent and recorded, {len(received):,} messages received "
        f"({sum(len(m.data) for m in received) / n / 1000:.1f} kB each on average), each "
        f"Message-ID once, to its subscriber; {run.connections} SMTP connection(s)"
    )
    if workers:
        print(f"   {workers} worker(s) started and ready in {run.pool_seconds:.2f} s (not timed)")
    print(
        f"   service  (plan + dispatch) {ours:>9,.1f} msg/s  ({run.seconds:.2f} s: plan "
        f"{run.plan_seconds:.2f} s adding {run.added:,} rows, dispatch {run.dispatch_seconds:.2f} s"
        f" = {_rate(n, run.dispatch_seconds):,.1f} msg/s)"
    )
    print(f"   raw smtplib loop           {raw:>9,.1f} msg/s  ({raw_seconds:.2f} s, same bytes)")
    ratio = ours / raw
    verdict = "PASS" if ratio >= TARGET_VS_RAW else "MISS"
    print(f"   service / raw = {ratio:.3f}x; target ≥ {TARGET_VS_RAW:g}x  {verdict}")
    _breakdown(run, n)
    if run.profile is not None:
        print("   cProfile of the dispatcher (rates above inflated by the profiler):")
        print("\n".join(f"     {line}" for line in run.profile.splitlines() if line.strip()))
    print(f"   load average at end: {os.getloadavg()[0]:.2f}")
    return ratio
