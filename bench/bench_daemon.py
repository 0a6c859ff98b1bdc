"""The daemon at scale: plan reminders for N stores with real daemons; their time and memory.

The issue: "plan reminders for many stores on PostgreSQL with two daemons and report the time,
and the peak RSS of a daemon with many pending reminders (target ≤ 300 MB, flat as the count
grows) … and the same for SQLite."

For each database (a fresh PostgreSQL database on CALENDAR_TEST_POSTGRES_URL's server, then a
SQLite file in a temporary folder; BENCH_DAEMON_DATABASES=postgresql,sqlite picks them), two
phases: N/10 stores, then N (BENCH_DAEMON_STORES on PostgreSQL, BENCH_DAEMON_SQLITE_STORES on
SQLite, each 100,000 by default), each store with one subscription, inserted in bulk. In each
phase real `calendar-service run --scheduler-only` processes start at 2026-12-14 08:00
Asia/Shanghai (a Monday before the digest's 09:00: about 53 reminders per subscription within
the 60-day horizon, none due yet, so the dispatcher has nothing to send): two daemons on
PostgreSQL, one on SQLite (a second one there must refuse to start). Timed: from the start
until each daemon has logged its four planners (yearly, quarterly, monthly, daily) done; then
SIGTERM (exit 0 expected). Memory: each daemon's RSS sampled with psutil every 0.1 s, peak reported.

The targets (peak RSS ≤ 300 MB; the N phase within 1.5× the N/10 phase's peak) are reported
PASS / MISS and never fail the run; it exits non-zero only when a daemon does not behave.
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
from zoneinfo import ZoneInfo

import psutil
from sqlalchemy import create_engine, func, insert, make_url, select
from sqlalchemy.pool import NullPool

from calendar_service.adapters.db import create_schema, make_engine
from calendar_service.adapters.db.tables import REMINDERS, STORES, SUBSCRIPTIONS

DEFAULT_STORES = 100_000
TARGET_RSS_MB = 300.0
FLAT_RATIO = 1.5
TZ = ZoneInfo("Asia/Shanghai")
START = dt.datetime(2026, 12, 14, 8, 0, tzinfo=TZ)
PLANNERS = ("plan-yearly", "plan-quarterly", "plan-monthly", "plan-daily")
PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
CHUNK = 10_000
TIMEOUT_S = 7200.0  # a phase; 1,000,000 stores on PostgreSQL take about an hour here


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

    def planners_done(self) -> bool:
        done = set()
        for line in self.log.read_text(errors="replace").splitlines():
            if line.startswith("{"):
                entry = json.loads(line)
                if entry.get("job") in PLANNERS and entry.get("outcome") == "ok":
                    done.add(entry["job"])
        return done == set(PLANNERS)


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
    for size in (max(1, stores // 10), stores):
        started = time.perf_counter()
        _add_stores(url, done, size)
        done = size
        loaded = time.perf_counter() - started
        seconds, ran = _run_phase(url, folder, daemons)
        rows = _reminders(url)
        peak = max(d.peak_rss for d in ran) / 2**20
        peaks.append(peak)
        each = ", ".join(f"{d.peak_rss / 2**20:.0f}" for d in ran)
        print(
            f"   {label}: {size:,} stores/subscriptions (loaded in {loaded:.1f} s), {daemons} "
            f"daemon(s): planned in {seconds:.1f} s, {rows:,} reminder rows "
            f"({rows / seconds:,.0f}/s); peak RSS {each} MB"
        )
    verdict = "PASS" if max(peaks) <= TARGET_RSS_MB else "MISS"
    flat = "PASS" if peaks[1] <= peaks[0] * FLAT_RATIO else "MISS"
    print(
        f"   {label}: peak RSS {max(peaks):.0f} MB; target ≤ {TARGET_RSS_MB:.0f} MB  {verdict}; "
        f"N/10 → N: {peaks[0]:.0f} → {peaks[1]:.0f} MB; target ≤ {FLAT_RATIO}×  {flat}"
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
