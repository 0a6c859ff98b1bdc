"""The daemon: APScheduler as a clock driving the planners and the dispatcher (see run.py)."""

from __future__ import annotations

from calendar_service.daemon.clock import ShiftedClock
from calendar_service.daemon.lock import DaemonLock, SingleDaemonError, lock_sqlite
from calendar_service.daemon.run import DaemonOptions, run_daemon

__all__ = [
    "DaemonLock",
    "DaemonOptions",
    "ShiftedClock",
    "SingleDaemonError",
    "lock_sqlite",
    "run_daemon",
]
