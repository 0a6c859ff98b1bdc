"""The daemon at scale: plan reminders for N stores with real daemons; their time and memory.

The issue: "plan reminders for 1,000,000 stores with one subscriber each in ≤ 5 minutes with two
daemons on PostgreSQL, peak RSS ≤ 300 MB per daemon … and the same for SQLite."

For each database (a fresh PostgreSQL database on CALENDAR_TEST_POSTGRES_URL's server, dropped at
the end, then a SQLite file in a temporary folder; BENCH_DAEMON_DATABASES=postgresql,sqlite picks
them), two phases: N/10 stores, then N (BENCH_DAEMON_STORES on PostgreSQL,
BENCH_DAEMON_SQLITE_STORES on SQLite, each 100,000 by default: the full run is
`BENCH_DAEMON_STORES=1000000 BENCH_DAEMON_DATABASES=postgresql make bench daemon`), each store
with one subscription, inserted in bulk. Each phase plans every store from nothing (the
reminders and the planned marks of the phase before are deleted first). In each phase real
`calendar-service run --scheduler-only` processes start at 2026-12-14 08:00 Asia/Shanghai (a
Monday, before anything is due: the planner's 7-day horizon gives each subscription 11 rows,
none due during the run, so the dispatcher has nothing to send): two daemons on PostgreSQL, one
on SQLite (a second one there must refuse to start). The daemons split the work as they do in
production (`services.planning.plan`): each cycle's planner walks the subscriptions a page at a
time, passes over pages another daemon holds the advisory lock of or has just marked planned.
Timed: from the start until each daemon has logged its four planners (yearly, quarterly,
monthly, daily) done; then SIGTERM (exit 0 expected). Each daemon's share is read from its
planners' log lines. Memory: each daemon's RSS sampled with psutil every 0.1 s, peak reported.

The targets (N = 1,000,000 planned within 5 minutes on PostgreSQL; peak RSS ≤ 300 MB; the N
phase within 1.5× the N/10 phase's peak) are reported PASS / MISS and never fail the run; it
exits non-zero only when a daemon does not behave.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import psutil
from sqlalchemy import create_engine, delete, func, insert, make_url, select
from sqlalchemy.pool import NullPool

from calendar_service.adapters.db import create_schema, make_engine
from calendar_service.adapters.db.tables import (
    DAILY_STATUSES,
    DELIVERY_ATTEMPTS,
    PLANNED,
    REMINDERS,
    STORES,
    SUBSCRIPTIONS,
)

DEFAULT_STORES = 100_000
TARGET_RSS_MB = 300.0
FLAT_RATIO = 1.5
TZ = ZoneInfo("Asia/Shanghai")
START = dt.datetime(2026, 12, 14, 8, 0, tzinfo=TZ)
PLANNERS = ("plan-yearly", "plan-quarterly", "plan-monthly", "plan-daily")
PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
CHUNK = 10_000
TIMEOUT_S = 3600.0  # a phase
TARGET_STORES = 1_000_000  # the size for the time target
TARGET_SECONDS = 300.0  # TARGET_STORES planned by two daemons on PostgreSQL


class BenchError(Exception):
    """A daemon did not start, plan or stop as it should: the run fails."""


def _add_stores(url: str, first: int, last: int) -> None:
    """Stores first..last-1, one subscription each, in bulk."""
    engine = make_engine(url)
    create_schema(engine)
    created = START - dt.timedelta(days=30)
    try:
        for lo in range(first, last, CHUNK):
            ids = [f"bench-{i:07d}" for i in range(lo, min(last, lo + CHUNK))]
            with engine.begin() as connection:
                connection.execute(
                    insert(STORES),
                    [{"store_id": s, "name": s, "email": None, "created_at": created} for s in ids],
                )
                connection.execute(
                    insert(SUBSCRIPTIONS),
                    [
                        {
                            "store_id": s,
                            "email": f"{s}@example.com",
                            "locale": "zh-CN",
                            "created_at": created,
                        }
                        for s in ids
                    ],
                )
    finally:
        engine.dispose()


def _forget_planning(url: str) -> None:
    """No reminders and no planned marks: the next phase plans every store from nothing."""
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(
                    "TRUNCATE delivery_attempts, reminders, planned, daily_statuses"
                )
            else:
                for table in (DELIVERY_ATTEMPTS, REMINDERS, PLANNED, DAILY_STATUSES):
                    connection.execute(delete(table))
    finally:
        engine.dispose()


def _reminders(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.scalar(select(func.count()).select_from(REMINDERS)) or 0)
    finally:
        engine.dispose()


@dataclass
class Daemon:
    process: subprocess.Popen[bytes]
    log: Path
    started: float
    peak_rss: int = 0
    planned_at: float | None = None

    def _planner_lines(self) -> list[dict[str, Any]]:
        found = []
        for line in self.log.read_text(errors="replace").splitlines():
            if line.startswith("{"):
                entry = json.loads(line)
                if entry.get("job") in PLANNERS and entry.get("outcome") == "ok":
                    found.append(entry)
        return found

    def planners_done(self) -> bool:
        return {e["job"] for e in self._planner_lines()} == set(PLANNERS)

    def share(self) -> tuple[int, int, int]:
        """What its planners logged: subscriptions planned and rows added (summed over the
        cycles), and subscriptions passed over because another daemon was planning them."""
        lines = self._planner_lines()
        return (
            sum(int(e.get("subscriptions", 0)) for e in lines),
            sum(int(e.get("added", 0)) for e in lines),
            sum(int(e.get("left_to_another_daemon", 0)) for e in lines),
        )


def _start(url: str, folder: Path, name: str) -> Daemon:
    base = {k: v for k, v in os.environ.items() if not k.startswith("CALENDAR_")}
    env = {**base, "CALENDAR_DATABASE_URL": url, "CALENDAR_OUTBOX_DIR": str(folder / "outbox")}
    log = folder / f"{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "calendar_service", "run", "--scheduler-only"),
                *("--now", START.isoformat()),
            ],
            env=env,
            cwd=PROJECT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return Daemon(process, log, time.perf_counter())


def _run_phase(url: str, folder: Path, daemons: int) -> tuple[float, list[Daemon]]:
    """Start the daemons, sample their memory until each has planned, stop them."""
    started = [_start(url, folder, f"daemon{i}-{time.monotonic_ns()}") for i in range(daemons)]
    handles = [psutil.Process(d.process.pid) for d in started]
    deadline = time.perf_counter() + TIMEOUT_S
    while any(d.planned_at is None for d in started):
        for daemon, handle in zip(started, handles, strict=True):
            if daemon.process.poll() is not None:
                raise BenchError(f"a daemon exited early:\n{daemon.log.read_text()[-2000:]}")
            try:
                daemon.peak_rss = max(daemon.peak_rss, handle.memory_info().rss)
            except psutil.NoSuchProcess:
                continue
            if daemon.planned_at is None and daemon.planners_done():
                daemon.planned_at = time.perf_counter()
        if time.perf_counter() > deadline:
            raise BenchError(f"the daemons did not plan within {TIMEOUT_S:.0f} s")
        time.sleep(0.1)
    seconds = max(d.planned_at or 0 for d in started) - min(d.started for d in started)
    for daemon in started:
        daemon.process.send_signal(signal.SIGTERM)
    for daemon in started:
        code = daemon.process.wait(120)
        if code != 0:
            raise BenchError(
                f"a daemon exited {code} on SIGTERM:\n{daemon.log.read_text()[-2000:]}"
            )
    return seconds, started


def _check_refusal(url: str, folder: Path) -> None:
    """On SQLite a second daemon must refuse while the first runs."""
    first = _start(url, folder, "first")
    try:
        time.sleep(0.5)
        deadline = time.perf_counter() + 60
        while '"event": "start"' not in first.log.read_text(errors="replace"):
            if time.perf_counter() > deadline or first.process.poll() is not None:
                raise BenchError("the first SQLite daemon did not start")
            time.sleep(0.1)
        second = _start(url, folder, "second")
        if second.process.wait(60) == 0:
            raise BenchError("a second daemon on the same SQLite database did not refuse")
    finally:
        first.process.send_signal(signal.SIGTERM)
        first.process.wait(120)


@contextmanager
def _postgres() -> Iterator[str]:
    server = make_url(os.environ.get("CALENDAR_TEST_POSTGRES_URL") or DEFAULT_POSTGRES)
    name = f"bench_daemon_{secrets.token_hex(4)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def _bench(label: str, url: str, folder: Path, daemons: int, stores: int) -> None:
    peaks: list[float] = []
    done = 0
    seconds = 0.0
    for size in (max(1, stores // 10), stores):
        started = time.perf_counter()
        _add_stores(url, done, size)
        _forget_planning(url)
        done = size
        loaded = time.perf_counter() - started
        load = os.getloadavg()[0]
        seconds, ran = _run_phase(url, folder, daemons)
        rows = _reminders(url)
        peak = max(d.peak_rss for d in ran) / 2**20
        peaks.append(peak)
        each = ", ".join(f"{d.peak_rss / 2**20:.0f}" for d in ran)
        print(
            f"   {label}: {size:,} stores/subscriptions (loaded in {loaded:.1f} s), {daemons} "
            f"daemon(s), load average {load:.2f} → {os.getloadavg()[0]:.2f}: planned in "
            f"{seconds:.1f} s, {rows:,} reminder rows ({rows / seconds:,.0f}/s, "
            f"{size / seconds:,.0f} stores/s); peak RSS {each} MB"
        )
        for i, daemon in enumerate(ran):
            subs, added, passed = daemon.share()
            print(
                f"     daemon {i + 1}: planned {subs:,} subscription-cycles, added {added:,} "
                f"rows, passed over {passed:,} another daemon was planning"
            )
    verdict = "PASS" if max(peaks) <= TARGET_RSS_MB else "MISS"
    flat = "PASS" if peaks[1] <= peaks[0] * FLAT_RATIO else "MISS"
    print(
        f"   {label}: peak RSS {max(peaks):.0f} MB; target ≤ {TARGET_RSS_MB:.0f} MB  {verdict}; "
        f"N/10 → N: {peaks[0]:.0f} → {peaks[1]:.0f} MB; target ≤ {FLAT_RATIO}×  {flat}"
    )
    if daemons == 2:
        if stores >= TARGET_STORES:
            verdict = "PASS" if seconds <= TARGET_SECONDS else "MISS"
            print(
                f"   {label}: {stores:,} stores planned in {seconds:.0f} s; target "
                f"{TARGET_STORES:,} in ≤ {TARGET_SECONDS:.0f} s  {verdict}"
            )
        else:
            print(
                f"   {label}: at this rate {TARGET_STORES:,} stores would take about "
                f"{seconds * TARGET_STORES / stores:.0f} s (target ≤ {TARGET_SECONDS:.0f} s; "
                f"BENCH_DAEMON_STORES={TARGET_STORES} measures it)"
            )


def _count(name: str) -> int:
    stores = int(os.environ.get(name, str(DEFAULT_STORES)))
    if stores < 10:
        raise SystemExit(f"{name} must be at least 10, not {stores}")
    return stores


def main() -> None:
    databases = os.environ.get("BENCH_DAEMON_DATABASES", "postgresql,sqlite").split(",")
    unknown = set(databases) - {"postgresql", "sqlite"}
    if unknown:
        raise SystemExit(
            f"BENCH_DAEMON_DATABASES: unknown {', '.join(sorted(unknown))}; "
            "use postgresql, sqlite or both, comma-separated"
        )
    print(f"   load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    try:
        with tempfile.TemporaryDirectory(prefix="bench-daemon-") as tmp:
            folder = Path(tmp)
            if "postgresql" in databases:
                with _postgres() as url:
                    _bench("PostgreSQL", url, folder, 2, _count("BENCH_DAEMON_STORES"))
            if "sqlite" in databases:
                sqlite = f"sqlite:///{folder / 'calendar.db'}"
                _bench("SQLite", sqlite, folder, 1, _count("BENCH_DAEMON_SQLITE_STORES"))
                _check_refusal(sqlite, folder)
                print("   SQLite: a second daemon on the same file refused to start, as it should")
    except BenchError as error:
        print(f"   FAILED: {error}")
        sys.exit(1)
    print(f"   load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
