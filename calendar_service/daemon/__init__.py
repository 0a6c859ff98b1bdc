"""The daemon: APScheduler as a clock driving the planners and the dispatcher.

The process around it (signals, the web app beside it) is `entrypoints/daemon.py`.
"""

from __future__ import annotations

from calendar_service.daemon.clock import ShiftedClock
from calendar_service.daemon.lock import DaemonLock, SingleDaemonError, lock_sqlite

__all__ = [
    "DaemonLock",
    "ShiftedClock",
    "SingleDaemonError",
    "lock_sqlite",
]
