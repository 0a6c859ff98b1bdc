"""`calendar-service run`: the scheduler and the web app in one process, or either alone.

SIGTERM and SIGINT end it cleanly: the web server stops accepting, the dispatcher finishes the
reminder in hand and releases the rest of its batch, the scheduler waits for its jobs, exit 0.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import logging
import os
import signal
import socket
import threading
from dataclasses import dataclass
from types import FrameType
from typing import Literal

from calendar_service.bootstrap import Container
from calendar_service.daemon.clock import ShiftedClock
from calendar_service.daemon.jobs import Work
from calendar_service.daemon.lock import lock_sqlite
from calendar_service.daemon.logs import configure_logging
from calendar_service.daemon.scheduler import Daemon

log = logging.getLogger("calendar_service.daemon")
Mode = Literal["both", "scheduler", "web"]


@dataclass(frozen=True)
class DaemonOptions:
    mode: Mode = "both"
    host: str | None = None
    port: int | None = None
    start: dt.datetime | None = None  # --now: the clock starts here and runs on
    tick: dt.timedelta = dt.timedelta(minutes=1)  # the dispatcher's period
    lease: dt.timedelta = dt.timedelta(minutes=10)  # how long a claim holds


def make_work(container: Container, clock: ShiftedClock, lease: dt.timedelta) -> Work:
    settings = container.settings
    stale_after = dt.timedelta(days=settings.stale_after_days)

    return Work(
        catalog=container.catalog,
        repository=container.repository,
        store=container.reminder_store,
        transport=container.transport,
        tz=settings.tz,
        clock=clock,
        owner=f"{socket.gethostname()}:{os.getpid()}",
        lease=lease,
        stale_after=stale_after,
        composer=container.composer(),
    )


def run_daemon(container: Container, options: DaemonOptions) -> int:
    """Run until SIGTERM or SIGINT; the exit status (0 after a clean stop)."""
    configure_logging()
    settings = container.settings
    clock = ShiftedClock.starting_at(options.start, settings.tz)
    lock = lock_sqlite(settings.database_url) if options.mode != "web" else None
    if lock is not None:
        lock.acquire()  # SingleDaemonError: another daemon has this SQLite file
    stop = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        log.info("stopping", extra={"event": "signal", "signal": signal.Signals(signum).name})
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # kill -USR1: where each thread is
    daemon: Daemon | None = None
    try:
        if options.mode != "web":
            daemon = Daemon(make_work(container, clock, options.lease), options.tick)
            daemon.start()
        if options.mode == "scheduler":
            while not stop.wait(3600):
                pass
        elif not stop.is_set():  # a signal during start-up: do not start serving
            _serve(container, clock, daemon, options)
    finally:
        if daemon is not None:
            daemon.stop()
        faulthandler.unregister(signal.SIGUSR1)
        for s, handler in previous.items():
            signal.signal(s, handler)
        if lock is not None:
            lock.release()
        container.engine.dispose()
    return 0


def _serve(
    container: Container, clock: ShiftedClock, daemon: Daemon | None, options: DaemonOptions
) -> None:
    import uvicorn  # noqa: PLC0415  # only the web part needs the server

    from calendar_service.entrypoints.web import create_app  # noqa: PLC0415
    from calendar_service.entrypoints.web_server import server_config  # noqa: PLC0415

    settings = container.settings
    app = create_app(container, clock, health=None if daemon is None else daemon.health)
    config = server_config(
        app,
        host=options.host or settings.host,
        port=options.port or settings.port,
        header_timeout=settings.header_timeout_seconds,
    )
    # uvicorn handles SIGTERM/SIGINT itself while it serves, then re-raises the signal to the
    # handlers installed before it (ours), which only set the stop flag: exit 0.
    uvicorn.Server(config).run()
