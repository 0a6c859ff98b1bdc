"""Use case: one reminder pass — send what is due, once (the status watch before it plans the
status-change reminders: `services.status_watch`).

A reminder is claimed (with a lease), re-judged from the latest data, rendered and sent; every
attempt is recorded. Temporary failures are retried with growing, jittered delays, never past
the sign-up deadline; permanent ones fail the reminder and suppress the address. A reminder
whose deadline has passed is never sent: it is marked missed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from calendar_service.adapters.db.reminder_store import Attempt, ReminderStore
from calendar_service.adapters.db.repository import Repository
from calendar_service.domain.catalog import Catalog
from calendar_service.domain.reminders import ReminderRow, ReminderStatus
from calendar_service.domain.subscriptions import Subscription
from calendar_service.mail.retry import next_attempt
from calendar_service.mail.transport import Transport
from calendar_service.services.compose import (
    Composed,
    ComposeJob,
    Composer,
    InlineComposer,
    MailSettings,
)
from calendar_service.services.planning import plan

LEASE = dt.timedelta(minutes=10)
BATCH = 100  # reminders claimed at once


@dataclass
class DispatchReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    missed: int = 0
    suppressed: int = 0
    lines: list[str] = field(default_factory=list)
    bounced: set[str] = field(default_factory=set)  # suppressed during this pass

    def summary(self) -> str:
        return (
            f"sent {self.sent}, retrying {self.retrying}, failed {self.failed}, "
            f"missed {self.missed}, suppressed {self.suppressed}"
        )


def dispatch(
    catalog: Catalog,
    repository: Repository,
    store: ReminderStore,
    transport: Transport,
    now: dt.datetime,
    tz: ZoneInfo,
    mail: MailSettings,
    owner: str,
    rng: random.Random,
    composer: Composer | None = None,
) -> DispatchReport:
    """Send every reminder due at `now`; each is recorded whatever happens to it. Composed in
    this thread unless a composer (a pool of worker processes) is given."""
    if composer is None:
        composer = InlineComposer(catalog, repository, tz, mail)
    return run_dispatch(repository, store, transport, composer, lambda: now, owner, rng)


def run_dispatch(
    repository: Repository,
    store: ReminderStore,
    transport: Transport,
    composer: Composer,
    clock: Callable[[], dt.datetime],
    owner: str,
    rng: random.Random,
    *,
    lease: dt.timedelta = LEASE,
    batch: int = BATCH,
    stopped: Callable[[], bool] = lambda: False,
) -> DispatchReport:
    """Claim due reminders `batch` at a time (each batch at `clock()`), compose, send and record
    each once, over one transport connection.

    The composer pulls the jobs as it needs them, so a pool composes the next reminders while
    this thread sends. On `stopped()` no more is claimed, and what is claimed but not sent is
    released (pending again); while the pass runs long, its claims are renewed.
    """
    report = DispatchReport()
    held: dict[int, None] = {}  # claimed and not yet recorded
    renew_at = clock() + lease / 2

    def jobs() -> Iterator[ComposeJob]:
        while not stopped():
            now = clock()
            claimed = store.claim_due(now, owner, lease, batch)
            if not claimed:
                return
            held.update(dict.fromkeys(item.id for item in claimed))
            subscriptions = store.subscriptions_by_id({i.row.subscription_id for i in claimed})
            for item in claimed:
                if stopped():
                    return
                sub = subscriptions.get(item.row.subscription_id)
                if item.row.deadline_at <= now:
                    store.finish(item.id, owner, ReminderStatus.MISSED)
                    report.missed += 1
                elif sub is None or not sub.active or sub.email in report.bounced:
                    store.finish(item.id, owner, ReminderStatus.SUPPRESSED)
                    report.suppressed += 1
                else:
                    yield ComposeJob(item.id, item.row, sub, now)
                    continue
                del held[item.id]

    with transport:
        for job, composed in composer.compose_all(jobs()):
            if stopped():
                continue  # released below, with the rest
            if clock() >= renew_at:
                store.renew(list(held), owner, clock() + lease)
                renew_at = clock() + lease / 2
            deliver(repository, store, transport, job, composed, owner, rng, report)
            del held[job.reminder_id]
    if held:
        report.lines.append(f"released {store.release(list(held), owner)}")
    return report


def deliver(
    repository: Repository,
    store: ReminderStore,
    transport: Transport,
    job: ComposeJob,
    composed: Composed,
    owner: str,
    rng: random.Random,
    report: DispatchReport,
) -> None:
    """Send one composed reminder and record its outcome with the attempt."""
    row, sub, now, reminder_id = job.row, job.subscription, job.now, job.reminder_id
    if sub.email in report.bounced:  # bounced since this reminder was composed
        store.finish(reminder_id, owner, ReminderStatus.SUPPRESSED)
        report.suppressed += 1
        return
    attempts = row.attempts + 1
    message = composed.message
    if message is None:
        attempt = Attempt(
            reminder_id, now, composed.problem or "render-error", None, composed.detail
        )
        store.finish(reminder_id, owner, ReminderStatus.FAILED, attempts=attempts, attempt=attempt)
        report.failed += 1
        if composed.problem == "address-error":
            repository.end_subscription(sub.id, now)  # by id: the address may not parse
            report.bounced.add(sub.email)
            report.lines.append(f"{row.key}: {composed.detail}; address suppressed")
        else:
            report.lines.append(f"{row.key}: cannot be written: {composed.detail}")
        return
    result = transport.send(message)
    attempt = Attempt(reminder_id, now, result.outcome, result.code, result.detail)
    if result.outcome == "sent":
        store.finish(
            reminder_id,
            owner,
            ReminderStatus.SENT,
            attempts=attempts,
            message_id=message.message_id,
            sent_at=now,
            attempt=attempt,
        )
        report.sent += 1
    elif result.outcome == "temporary":
        retry_at = next_attempt(attempts, now, row.deadline_at, rng)
        if retry_at is None:
            store.finish(
                reminder_id, owner, ReminderStatus.MISSED, attempts=attempts, attempt=attempt
            )
            report.missed += 1
        else:
            store.finish(
                reminder_id,
                owner,
                ReminderStatus.PENDING,
                attempts=attempts,
                due_at=retry_at,
                attempt=attempt,
            )
            report.retrying += 1
    else:
        store.finish(reminder_id, owner, ReminderStatus.FAILED, attempts=attempts, attempt=attempt)
        # The address bounces: no more mail to it, for any store.
        repository.unsubscribe(sub.email, now=now)
        report.bounced.add(sub.email)
        report.failed += 1
        report.lines.append(f"{row.key}: {result.code} {result.detail}; address suppressed")


@dataclass(frozen=True)
class Due:
    row: ReminderRow
    email: str
    stored: bool  # already planned; False: this pass would plan it


class _Collect:
    """A planning target that keeps the rows instead of writing them (--dry-run)."""

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


def due_reminders(
    catalog: Catalog, repository: Repository, store: ReminderStore, now: dt.datetime, tz: ZoneInfo
) -> list[Due]:
    """What a pass at `now` would send (planned or about to be), changing nothing."""
    emails = {s.id: s.email for s in repository.subscriptions(active_only=True)}
    collect = _Collect(repository)
    plan(catalog, collect, now, tz)
    found = {
        i.row.key: Due(i.row, emails.get(i.row.subscription_id, "?"), True)
        for i in store.pending(now, limit=10_000)
    }
    for row in collect.rows:
        if row.due_at <= now < row.deadline_at and row.key not in found:
            found[row.key] = Due(row, emails.get(row.subscription_id, "?"), False)
    return sorted(found.values(), key=lambda d: (d.row.due_at, d.row.key))
