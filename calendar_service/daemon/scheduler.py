"""The scheduler: APScheduler 3 as a clock only, its jobs defined here under fixed IDs.

Jobs live in a MemoryJobStore and are re-created at each start; what is due and what was sent
lives in the database. Each job runs at most once at a time; a run that overlaps its next turn
is coalesced. Every run logs one JSON line (job, outcome, seconds, what it did) and is kept for
/healthz.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor  # type: ignore[import-untyped]
from apscheduler.jobstores.base import JobLookupError  # type: ignore[import-untyped]
from apscheduler.jobstores.memory import MemoryJobStore  # type: ignore[import-untyped]
from apscheduler.schedulers import SchedulerNotRunningError  # type: ignore[import-untyped]
from apscheduler.schedulers.background import BackgroundScheduler  # type: ignore[import-untyped]
from apscheduler.triggers.interval import IntervalTrigger  # type: ignore[import-untyped]

from calendar_service.daemon.jobs import Work, dispatch_due, plan_cycle, watch_statuses
from calendar_service.domain.catalog import Cycle

log = logging.getLogger("calendar_service.daemon")

PLAN_EVERY = {  # how often each cycle's planner runs (and once at start)
    Cycle.YEARLY: dt.timedelta(hours=24),
    Cycle.QUARTERLY: dt.timedelta(hours=12),
    Cycle.MONTHLY: dt.timedelta(hours=6),
    Cycle.DAILY: dt.timedelta(hours=1),
}
WATCH_EVERY = dt.timedelta(minutes=10)  # daily status changes; also after each import
DISPATCH, IMPORTS, WATCH = "dispatch", "plan-after-import", "watch-daily-statuses"


def plan_job_id(cycle: Cycle) -> str:
    return f"plan-{cycle.value}"


@dataclass
class JobRun:
    started_at: dt.datetime
    seconds: float
    outcome: str  # ok | error | stopped
    result: dict[str, Any]


class Daemon:
    """The scheduler and the jobs' last runs; start(), then stop() from any thread."""

    def __init__(self, work: Work, tick: dt.timedelta) -> None:
        self.work = work
        self.tick = tick
        self.runs: dict[str, JobRun] = {}
        self._wake = threading.Event()
        self._dispatching = False
        self._data_version: tuple[int, ...] | None = None
        self._first_plans: set[str] = set()
        self._lock = threading.Lock()
        self._scheduler = BackgroundScheduler(
            timezone=dt.UTC,
            jobstores={"default": MemoryJobStore()},
            executors={"default": ThreadPoolExecutor(max_workers=4)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        )

    def start(self) -> None:
        self._data_version = self.work.store.data_version()
        now = dt.datetime.now(dt.UTC)  # the scheduler's own time: real time, never shifted
        jobs: list[tuple[str, Callable[[], dict[str, Any]], dt.timedelta]] = [
            (DISPATCH, self._dispatch, self.tick),
            *((plan_job_id(c), self._planner(c), every) for c, every in PLAN_EVERY.items()),
            (IMPORTS, self._after_import, self.tick),
            (WATCH, lambda: watch_statuses(self.work), WATCH_EVERY),
        ]
        self._first_plans = {plan_job_id(c) for c in PLAN_EVERY}
        for job_id, func, every in jobs:
            # The status watcher waits for the first planning: both walk every subscription.
            first = None if job_id == WATCH else now
            self._scheduler.add_job(
                self._logged,
                IntervalTrigger(seconds=every.total_seconds(), timezone=dt.UTC),
                args=(job_id, func),
                id=job_id,
                name=job_id,
                next_run_time=first,  # at once: start-up catches up (None: paused)
            )
        self._scheduler.start()
        log.info("scheduler started", extra={"event": "start", "owner": self.work.owner})

    def stop(self) -> None:
        """Ask running jobs to finish or release their batch, wait for them, stop the clock."""
        self.work.stop.set()
        if self._scheduler.running:
            self._scheduler.shutdown(wait=True)
        self.work.composer.close()  # its worker processes, once no job can use them
        log.info("scheduler stopped", extra={"event": "stop", "owner": self.work.owner})

    @property
    def running(self) -> bool:
        return bool(self._scheduler.running) and not self.work.stop.is_set()

    def health(self) -> dict[str, Any]:
        jobs: dict[str, Any] = {}
        for job in self._scheduler.get_jobs():
            run = self.runs.get(job.id)
            jobs[job.id] = {
                "next_run": _iso(job.next_run_time),
                "last_run": None
                if run is None
                else {
                    "at": run.started_at.isoformat(),
                    "outcome": run.outcome,
                    "seconds": round(run.seconds, 3),
                    **run.result,
                },
            }
        return {"state": "running" if self.running else "stopped", "jobs": jobs}

    # Jobs ------------------------------------------------------------------------------

    def _logged(self, job_id: str, func: Callable[[], dict[str, Any]]) -> None:
        started_at, started = self.work.clock(), time.perf_counter()
        try:
            result = func()
        except Exception as error:  # a job never kills the daemon; the next run tries again
            seconds = time.perf_counter() - started
            self.runs[job_id] = JobRun(started_at, seconds, "error", {"error": str(error)[:500]})
            log.exception(
                "%s failed",
                job_id,
                extra={"event": "job", "job": job_id, "outcome": "error", "seconds": seconds},
            )
            return
        seconds = time.perf_counter() - started
        outcome = "stopped" if result.pop("stopped", False) else "ok"
        self.runs[job_id] = JobRun(started_at, seconds, outcome, result)
        log.log(
            logging.DEBUG if result.get("changed") is False else logging.INFO,
            "%s %s",
            job_id,
            outcome,
            extra={
                "event": "job",
                "job": job_id,
                "outcome": outcome,
                "seconds": round(seconds, 3),
                "now": started_at.isoformat(),
                **result,
            },
        )

    def _planner(self, cycle: Cycle) -> Callable[[], dict[str, Any]]:
        def run() -> dict[str, Any]:
            try:
                result = plan_cycle(self.work, cycle)
            finally:
                self._planned_once(plan_job_id(cycle))
            if result["added"]:
                self._wake_dispatcher()
            return result

        return run

    def _planned_once(self, job_id: str) -> None:
        """Start the status watcher once every planner has run (or failed) once."""
        with self._lock:
            if not self._first_plans:
                return
            self._first_plans.discard(job_id)
            if self._first_plans or not self.running:
                return
        with contextlib.suppress(SchedulerNotRunningError, JobLookupError):
            self._scheduler.modify_job(WATCH, next_run_time=dt.datetime.now(dt.UTC))

    def _after_import(self) -> dict[str, Any]:
        """Plan every cycle and watch daily statuses when data or subscriptions changed."""
        version = self.work.store.data_version()
        if version == self._data_version:
            return {"changed": False}
        result = plan_cycle(self.work, None)
        result.update(watch_statuses(self.work))
        if not self.work.stop.is_set():
            self._data_version = version
        if result["added"] or result["status_changes"]:
            self._wake_dispatcher()
        return {"changed": True, **result}

    def _dispatch(self) -> dict[str, Any]:
        total: dict[str, Any] = {}
        self._dispatching = True
        try:
            return self._dispatch_until_quiet(total)
        finally:
            self._dispatching = False

    def _dispatch_until_quiet(self, total: dict[str, Any]) -> dict[str, Any]:
        while True:  # again at once when a planner added rows during this pass
            self._wake.clear()
            report = dispatch_due(self.work)
            for name in ("sent", "told", "retrying", "failed", "missed", "suppressed", "deferred"):
                total[name] = total.get(name, 0) + getattr(report, name)
            if report.lines:
                total.setdefault("notes", []).extend(report.lines[:20])
            if self.work.stop.is_set():
                total["stopped"] = True
                return total
            if not self._wake.is_set():
                return total

    def _wake_dispatcher(self) -> None:
        self._wake.set()
        if self.running and not self._dispatching:  # a running pass sees the flag itself
            with contextlib.suppress(SchedulerNotRunningError, JobLookupError):
                self._scheduler.modify_job(DISPATCH, next_run_time=dt.datetime.now(dt.UTC))


def _iso(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()
