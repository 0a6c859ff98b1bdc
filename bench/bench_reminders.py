"""Plan, compose, send and record a day's messages to an SMTP sink, beside a raw smtplib loop.

The issue: "messages/s with composing in line for a realistic mix of recipients (one-store
sellers and agencies of 30–100 stores), as a ratio against a raw smtplib loop sending the same
number of messages of similar size to the same local aiosmtpd server, measured in the same
process. Target ≥ 0.5×."

One run, everything in a temporary directory and on 127.0.0.1 only:

- a fresh SQLite database with the sample data (`load_sample`, 35 stores) replicated under new
  store and product ids until there are enough stores (the copies `…~1`, `…~2`: the same
  figures, so the same verdicts), and at 2026-12-15 10:00 Asia/Shanghai (the monthly
  activities' sign-up opens that day: each subscription has its `opens` and invitation
  reminders and a weekly digest due) the recipients: BENCH_REMINDERS_SELLERS (default 200)
  one-store sellers, each subscribed to a store of its own, and agencies subscribed to
  BENCH_REMINDERS_AGENCIES stores each (default "30,60,80,100": four agencies), the stores of
  the sellers, taken in turn;
- an aiosmtpd sink in this process (`aiosmtpd.controller.Controller`, its own thread and event
  loop) that accepts every message and keeps its envelope and bytes, nothing more.

The service: `plan` then `dispatch` (claim per recipient, re-judge every store and write one
message per recipient, send over one SMTP connection, record), timed together, once for each
count of compose workers in BENCH_COMPOSE_WORKERS (default "0": composed in the dispatcher's
thread, the issue's measure; "0,1" adds one worker process, the service's default — on
2026-12-07 a pass with a worker did not finish within 10 minutes with this mix, before and after
that day's changes, so it is not in the default), each on a database of its own. A pool's
workers are started and ready before the timing starts, as a daemon's are from its first long
pass on. Checked afterwards: every due reminder is `sent` (or
`suppressed`: nothing in it worth telling); each recipient received at most one message, the
one whose Message-ID its sent reminders carry, to its address; the reminders not yet due are
still pending.

The baseline, after each service run: the bytes the sink received from the service, sent again
unchanged with `smtplib.SMTP.sendmail` over one connection (same envelope, same MAIL options),
timed, three times (the median is used: the loop takes well under a second, and a load spike
in one of them moved the ratio by half); the sink must receive the same bytes again each time.
The ratio is messages/s of the service over messages/s of the loop, the same messages, so it
is the loop's time over the service's.

Where the dispatcher's time went is measured with thin timing wrappers around what `dispatch`
is handed (the reminder store's claims and records, the repository's reads of the stores'
data, the transport): a few microseconds a call. With workers, the stores' data is read in them
and is not timed. BENCH_REMINDERS_PROFILE=1 runs the dispatcher under cProfile as well and
prints the functions that took the most time (the rates are then inflated by the profiler).

The target is reported PASS / MISS and never fails the run; it exits non-zero only when the sink
does not start or a run does not deliver what it should.
"""

from __future__ import annotations

import cProfile
import dataclasses
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
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from email.message import Message
from email.parser import BytesHeaderParser
from pathlib import Path
from types import TracebackType
from typing import Self

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from sqlalchemy import Engine

from calendar_service.adapters.db.reminder_store import Attempt, Claimed, ReminderStore
from calendar_service.adapters.db.repository import Repository, SnapshotBatches
from calendar_service.bootstrap import Container
from calendar_service.domain.reminders import ReminderRow, ReminderStatus
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.subscriptions import Subscription
from calendar_service.mail.transport import Outgoing, SendResult, SmtpTransport, parse_smtp_url
from calendar_service.services.compose import mail_settings
from calendar_service.services.compose_pool import ComposePool, make_composer
from calendar_service.services.delivery import Channels
from calendar_service.services.dispatch import DispatchReport, dispatch
from calendar_service.services.planning import plan
from calendar_service.services.sample import load_sample
from calendar_service.settings import load_settings

HOST = "127.0.0.1"
DEFAULT_SELLERS = 200
DEFAULT_AGENCIES = "30,60,80,100"
SAMPLE_STORES = 35  # in the sample data
TARGET_VS_RAW = 0.5  # at least this share of the raw loop's messages per second
OWNER = "bench-reminders"
SEED = 1688
LOCALE = "zh-CN"
PROFILE_LINES = 20
SHOWN_PROBLEMS = 5
SINK_ATTEMPTS = 5  # another process may take the free port first
DEFAULT_WORKERS = "0"  # in line: the target's measure (see the module's docstring for 1)
MAX_WORKERS = 32
RAW_RUNS = 3  # the raw loop, sent again this many times
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
    """The reminder store: its claims (with the subscriptions and what earlier messages told
    that go with them) and its records of outcomes timed."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        super().__init__(engine)
        self._clock = clock

    def claim_recipients(
        self,
        now: dt.datetime,
        owner: str,
        lease: dt.timedelta,
        limit: int,
        *,
        day_start: dt.datetime,
        next_morning: dt.datetime,
    ) -> Claimed:
        with self._clock.phase(CLAIM):
            return super().claim_recipients(
                now, owner, lease, limit, day_start=day_start, next_morning=next_morning
            )

    def subscriptions_by_id(self, ids: set[int]) -> dict[int, Subscription]:
        with self._clock.phase(CLAIM):
            return super().subscriptions_by_id(ids)

    def told_of(self, rows: Iterable[ReminderRow]) -> dict[str, str]:
        with self._clock.phase(CLAIM):
            return super().told_of(rows)

    def finish_all(
        self,
        reminder_ids: Sequence[int],
        owner: str,
        status: ReminderStatus,
        *,
        attempts: Mapping[int, int] | None = None,
        due_at: dt.datetime | None = None,
        message_id: str | None = None,
        sent_at: dt.datetime | None = None,
        told: Mapping[int, str] | None = None,
        attempt: Attempt | None = None,
    ) -> int:
        if not reminder_ids:
            return 0
        with self._clock.phase(RECORD):
            return super().finish_all(
                reminder_ids,
                owner,
                status,
                attempts=attempts,
                due_at=due_at,
                message_id=message_id,
                sent_at=sent_at,
                told=told,
                attempt=attempt,
            )


class TimedRepository(Repository):
    """The repository, its reads of the stores' data (what composing reads, a job's stores at
    a time) timed."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        super().__init__(engine)
        self.clock = clock

    def latest_store_snapshots(
        self, as_of: dt.datetime, store_ids: Collection[str] | None = None
    ) -> dict[str, StoreSnapshot]:
        with self.clock.phase(READ):
            return super().latest_store_snapshots(as_of, store_ids)

    def store_histories(
        self, store_ids: Collection[str], until: dt.datetime, since: dt.datetime | None = None
    ) -> dict[str, list[StoreSnapshot]]:
        with self.clock.phase(READ):
            return super().store_histories(store_ids, until, since)

    def latest_products_of(
        self, store_ids: Collection[str] | None, as_of: dt.datetime
    ) -> dict[str, list[ProductSnapshot]]:
        with self.clock.phase(READ):
            return super().latest_products_of(store_ids, as_of)

    def feed_generation(self, store_id: str) -> int:
        with self.clock.phase(READ):
            return super().feed_generation(store_id)


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


@dataclass(frozen=True)
class Mix:
    """Who is subscribed: one-store sellers and agencies of many stores."""

    sellers: int
    agencies: tuple[int, ...]  # stores per agency

    @property
    def stores(self) -> int:
        return max(self.sellers, *self.agencies, 1)

    def describe(self) -> str:
        sizes = ", ".join(str(a) for a in self.agencies) or "none"
        return (
            f"{self.sellers} one-store sellers and {len(self.agencies)} agencies ({sizes} stores)"
        )


class _Replicating:
    """A snapshot writer for `load_sample` that writes each store `copies` times, the copies
    under new store and product ids (`…~1`, `…~2`, …) with the same figures."""

    def __init__(self, repository: Repository, copies: int) -> None:
        self._repository = repository
        self._copies = copies

    def store_ids(self) -> list[str]:
        return self._repository.store_ids()

    def snapshot_batches(
        self, source: str, imported_at: dt.datetime
    ) -> AbstractContextManager[SnapshotBatches]:
        raise NotImplementedError("the sample is written in one call, by add_snapshots")

    def add_snapshots(
        self,
        stores: Sequence[StoreSnapshot],
        products: Sequence[ProductSnapshot],
        source: str,
        imported_at: dt.datetime,
    ) -> tuple[int, int]:
        added = (0, 0)
        for copy in range(self._copies):
            suffix = f"~{copy}" if copy else ""
            added = self._repository.add_snapshots(
                [dataclasses.replace(s, store_id=s.store_id + suffix) for s in stores],
                [
                    dataclasses.replace(
                        p, store_id=p.store_id + suffix, product_id=p.product_id + suffix
                    )
                    for p in products
                ],
                source,
                imported_at,
            )
        return added


@dataclass(frozen=True)
class Setup:
    container: Container
    now: dt.datetime
    mix: Mix
    recipients: dict[str, int]  # address: stores it watches
    stores: int


def _set_up(database: Path, mix: Mix) -> Setup:
    settings = load_settings(database_url=f"sqlite:///{database}")
    container = Container(settings)
    repository = container.repository
    tz = settings.tz
    now = dt.datetime(2026, 12, 15, 10, 0, tzinfo=tz)
    if now.utcoffset() != dt.timedelta(hours=8):
        raise BenchError(f"expected the service's time zone to be UTC+8, not {tz}")
    copies = max(1, math.ceil(mix.stores / SAMPLE_STORES))
    load_sample(settings.sample_dir, _Replicating(repository, copies), tz, now)
    stores = sorted(repository.store_ids())
    if len(stores) < mix.stores:
        raise BenchError(f"{len(stores)} stores after replicating the sample, {mix.stores} needed")
    recipients: dict[str, int] = {}
    for i in range(mix.sellers):
        email = f"seller{i}@example.com"
        repository.subscribe(stores[i], email, LOCALE, now=now)
        recipients[email] = 1
    start = 0
    for k, size in enumerate(mix.agencies):
        email = f"agency{k}@example.com"
        for j in range(size):
            repository.subscribe(stores[(start + j) % mix.stores], email, LOCALE, now=now)
        recipients[email] = size
        start = (start + size) % mix.stores
    return Setup(container, now, mix, recipients, len(stores))


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
        planned = plan(catalog, store, now, tz)
        planned_at = time.perf_counter()
        report = dispatch(
            catalog,
            repository,
            store,
            Channels(transport),
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


@dataclass(frozen=True)
class Delivered:
    due: int  # reminders due at `now`
    told: int  # of them, carried by a message
    quiet: int  # of them, with nothing worth telling (suppressed)


def _check_service(setup: Setup, run: ServiceRun, received: list[Received]) -> Delivered:
    """BenchError unless each due reminder was sent or had nothing to tell, and each recipient
    received at most one message, the one its reminders record, at its address."""
    container, now = setup.container, setup.now
    stored = ReminderStore(container.engine).all()
    due = [s for s in stored if s.row.due_at <= now]
    later = [s for s in stored if s.row.due_at > now]
    emails = {s.id: s.email for s in container.repository.subscriptions(active_only=False)}
    problems: list[str] = []
    report = run.report
    if (report.retrying, report.failed, report.missed, report.deferred) != (0, 0, 0, 0):
        problems.append(f"dispatch: {report.summary()} for {len(due):,} due reminders")
    problems.extend(f"dispatch: {line}" for line in report.lines[:SHOWN_PROBLEMS])
    sent = [s for s in due if s.row.status is ReminderStatus.SENT]
    quiet = [s for s in due if s.row.status is ReminderStatus.SUPPRESSED]
    other = [s for s in due if s.row.status not in (ReminderStatus.SENT, ReminderStatus.SUPPRESSED)]
    problems.extend(f"{s.row.key}: {s.row.status.value}" for s in other[:SHOWN_PROBLEMS])
    if other:
        problems.append(f"{len(other):,} due reminders neither sent nor suppressed")
    if not sent:
        problems.append("no due reminder was sent")
    touched = [s for s in later if s.row.status is not ReminderStatus.PENDING]
    if touched:
        problems.append(f"{len(touched):,} reminders not yet due are no longer pending")
    recorded: dict[str, set[str]] = defaultdict(set)  # recipient: Message-IDs recorded
    for s in sent:
        recorded[emails[s.row.subscription_id]].add(s.row.message_id or "")
    problems.extend(_check_messages(setup, report, recorded, received))
    if problems:
        raise BenchError("the service run is wrong:\n     " + "\n     ".join(problems[:20]))
    return Delivered(len(due), len(sent), len(quiet))


def _check_messages(
    setup: Setup, report: DispatchReport, recorded: dict[str, set[str]], received: list[Received]
) -> list[str]:
    """What is wrong with the messages: one per recipient, the one recorded, to its address."""
    problems: list[str] = []
    several = {r: ids for r, ids in recorded.items() if len(ids) != 1 or "" in ids}
    if several:
        r, ids = next(iter(several.items()))
        problems.append(
            f"{len(several):,} recipients with reminders sent in {len(ids)} messages, e.g. {r}"
        )
    arrived = Counter(_message_id(m.data) for m in received)
    to = {_message_id(m.data): m.rcpt_tos for m in received}
    if len(received) != len(recorded) or report.sent != len(recorded):
        problems.append(
            f"the sink received {len(received):,} messages, dispatch reported {report.sent:,}, "
            f"for {len(recorded):,} recipients with reminders sent"
        )
    twice = [mid for mid, count in arrived.items() if count != 1]
    if twice:
        problems.append(f"{len(twice):,} Message-IDs arrived more than once, e.g. {twice[0]}")
    for recipient, ids in recorded.items():
        for mid in ids:
            if mid not in arrived:
                problems.append(f"{recipient}: the recorded Message-ID {mid} never arrived")
            elif to[mid] != [recipient]:
                problems.append(f"{recipient}: its message went to {to[mid]}")
    unknown = set(recorded) - set(setup.recipients)
    if unknown:
        problems.append(f"messages to addresses never subscribed: {sorted(unknown)[:3]}")
    return problems


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
        else "compose: judge, render, build (the rest)"
    )
    rows = [
        ("plan (plan: occurrences, rows, INSERT)", clock.seconds[PLAN], clock.calls[PLAN]),
        ("claim (recipients, subscriptions, told)", measured[CLAIM], clock.calls[CLAIM]),
        ("compose: stores' data (bulk reads)", measured[READ], clock.calls[READ]),
        (compose, rest, n),
        ("SMTP (transport.send: the exchange)", measured[SEND], clock.calls[SEND]),
        ("record (finish_all, with the attempts)", measured[RECORD], clock.calls[RECORD]),
    ]
    print("   where the service's time went:")
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


def _mix() -> Mix:
    sellers_text = os.environ.get("BENCH_REMINDERS_SELLERS", str(DEFAULT_SELLERS))
    agencies_text = os.environ.get("BENCH_REMINDERS_AGENCIES", DEFAULT_AGENCIES)
    try:
        sellers = int(sellers_text)
        agencies = tuple(int(part) for part in agencies_text.split(",") if part.strip())
    except ValueError:
        sellers, agencies = -1, ()
    if sellers < 0 or any(a < 1 for a in agencies) or not (sellers or agencies):
        raise SystemExit(
            "BENCH_REMINDERS_SELLERS must be a count of one-store sellers (0 or more) and "
            "BENCH_REMINDERS_AGENCIES the stores of each agency separated by commas, such as "
            f"{DEFAULT_AGENCIES}; not {sellers_text!r} and {agencies_text!r}"
        )
    return Mix(sellers, agencies)


def main() -> None:
    mix = _mix()
    profile = os.environ.get("BENCH_REMINDERS_PROFILE", "") not in ("", "0")
    counts = _workers()
    ratios: dict[int, float] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="bench-reminders-") as tmp:
            for workers in counts:
                ratios[workers] = _run(Path(tmp), mix, profile, workers)
    except BenchError as error:
        print(f"   FAILED: {error}")
        sys.exit(1)
    if len(ratios) > 1:
        shown = ", ".join(f"{_mode(w)} {r:.3f}x" for w, r in ratios.items())
        print(f"   service / raw: {shown}; target ≥ {TARGET_VS_RAW:g}x (composed in line)")


def _mode(workers: int) -> str:
    return f"{workers} compose worker(s)" if workers else "composed in line"


def _run(tmp: Path, mix: Mix, profile: bool, workers: int) -> float:
    print(f"   -- {_mode(workers)} (CALENDAR_COMPOSE_WORKERS={workers})")
    started = time.perf_counter()
    setup = _set_up(tmp / f"calendar-{workers}.db", mix)
    engine = setup.container.engine
    try:
        watched = sum(setup.recipients.values())
        print(
            f"   {len(setup.recipients):,} recipients: {mix.describe()}; {watched:,} "
            f"subscriptions over {setup.stores} stores (the sample's replicated); due at "
            f"{setup.now:%Y-%m-%d %H:%M %z}; SQLite in a temporary folder; set up in "
            f"{time.perf_counter() - started:.1f} s"
        )
        print(
            f"   load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; "
            "the aiosmtpd sink runs in this process (its own thread, the same GIL) for both"
        )
        with running_sink() as (sink, port):
            run = _service(setup, port, profile, workers)
            received = sink.take()
            delivered = _check_service(setup, run, received)
            raws = []
            for _ in range(RAW_RUNS):  # the loop takes well under a second: its median
                raws.append(_raw(port, received))
                _check_raw(received, sink.take())
            raw_seconds = statistics.median(raws)
    finally:
        engine.dispose()

    n = len(received)
    sizes = sorted(len(m.data) for m in received)
    print(
        f"   checked: {delivered.due:,} reminders due, {delivered.told:,} told in {n:,} messages "
        f"(one per recipient; {delivered.quiet:,} with nothing worth telling suppressed), each "
        f"Message-ID once, to its recipient; {run.connections} SMTP connection(s); message "
        f"size median {sizes[n // 2] / 1000:.1f} kB, largest {sizes[-1] / 1000:.1f} kB, "
        f"mean {sum(sizes) / n / 1000:.1f} kB"
    )
    if workers:
        print(f"   {workers} worker(s) started and ready in {run.pool_seconds:.2f} s (not timed)")
    ours, raw = _rate(n, run.seconds), _rate(n, raw_seconds)
    print(
        f"   service  (plan + dispatch) {ours:>9,.1f} msg/s  ({run.seconds:.2f} s: plan "
        f"{run.plan_seconds:.2f} s adding {run.added:,} rows, dispatch {run.dispatch_seconds:.2f} s"
        f" = {_rate(n, run.dispatch_seconds):,.1f} msg/s)"
    )
    each = ", ".join(f"{r:.2f}" for r in raws)
    print(
        f"   raw smtplib loop           {raw:>9,.1f} msg/s  ({raw_seconds:.2f} s, the median of "
        f"{each} s; same bytes)"
    )
    ratio = ours / raw
    verdict = "PASS" if ratio >= TARGET_VS_RAW else "MISS"
    print(f"   service / raw = {ratio:.3f}x; target ≥ {TARGET_VS_RAW:g}x  {verdict}")
    _breakdown(run, n)
    if run.profile is not None:
        print("   cProfile of the service (rates above inflated by the profiler):")
        print("\n".join(f"     {line}" for line in run.profile.splitlines() if line.strip()))
    print(f"   load average at end: {os.getloadavg()[0]:.2f}")
    return ratio
