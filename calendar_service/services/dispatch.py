"""Use case: one reminder pass — notice daily status changes, then send what is due, once.

A reminder is claimed (with a lease), re-judged from the latest data, rendered and sent; every
attempt is recorded. Temporary failures are retried with growing, jittered delays, never past
the sign-up deadline; permanent ones fail the reminder and suppress the address. A reminder
whose deadline has passed is never sent: it is marked missed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from calendar_service.adapters.db.reminder_store import Attempt, ReminderStore
from calendar_service.adapters.db.repository import Repository
from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.eligibility import evaluate_store
from calendar_service.domain.planning import (
    WorkdayCalendar,
    remembered,
    status_change_row,
    status_changes,
)
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
from calendar_service.services.eligibility import HISTORY, current_occurrences
from calendar_service.services.planning import plan

LEASE = dt.timedelta(minutes=10)
BATCH = 100  # reminders claimed at once
# Stores watched per page: one read of each kind and one write transaction a page. A page's
# latest product snapshots are all in memory at once, hence fewer stores than PAGE subscriptions.
WATCH_PAGE = 200


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


@dataclass
class Watched:
    """What a status watch did: status-change reminders added, stores watched."""

    status_changes: int = 0
    stores: int = 0


def watch_daily_statuses(
    catalog: Catalog,
    repository: Repository,
    store: ReminderStore,
    now: dt.datetime,
    tz: ZoneInfo,
    workdays: WorkdayCalendar,
    stale_after: dt.timedelta,
    *,
    page_size: int = WATCH_PAGE,
    stopped: Callable[[], bool] = lambda: False,
) -> Watched:
    """Plan a status-change reminder wherever a subscribed store's daily status flipped.

    Stores go `page_size` at a time, each page read with one query of each kind and written in
    one transaction; `stopped()` is asked before each page.
    """
    daily = [o for o in current_occurrences(catalog, now, tz) if o.cycle is Cycle.DAILY]
    watched = Watched()
    after: str | None = None
    while not stopped():
        page = store.subscribed_stores(after, page_size)
        if not page:
            break
        by_store: dict[str, list[Subscription]] = {}
        for sub in page:
            by_store.setdefault(sub.store_id, []).append(sub)
        watched.status_changes += _watch_stores(
            catalog, daily, repository, store, by_store, now, tz, workdays, stale_after
        )
        watched.stores += len(by_store)
        after = page[-1].store_id
    return watched


def _watch_stores(
    catalog: Catalog,
    daily: Sequence[Occurrence],
    repository: Repository,
    store: ReminderStore,
    by_store: Mapping[str, Sequence[Subscription]],
    now: dt.datetime,
    tz: ZoneInfo,
    workdays: WorkdayCalendar,
    stale_after: dt.timedelta,
) -> int:
    """One page of the watch: these stores (with their active subscriptions) judged on the
    daily activities; how many status-change reminders were new."""
    snapshots = repository.latest_store_snapshots(now, by_store)
    histories = repository.store_histories(by_store, until=now, since=now - HISTORY)
    products = repository.latest_products_of(by_store, now)
    previous = store.daily_statuses_of(by_store)
    rows: list[ReminderRow] = []
    kept: dict[str, dict[str, str]] = {}
    for store_id, subs in by_store.items():
        verdicts = evaluate_store(
            catalog,
            daily,
            snapshots.get(store_id),
            products.get(store_id, []),
            histories.get(store_id, []),
            now,
            stale_after,
            store_id=store_id,
        )
        current = {v.activity: v.status for v in verdicts}
        before = previous.get(store_id, {})
        changes = status_changes(before, current)
        rows += [
            row
            for sub in subs
            for change in changes
            if (row := status_change_row(sub, change, now, tz, workdays)) is not None
        ]
        kept[store_id] = remembered(before, current)
    return store.record_statuses(rows, kept, now)


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
            repository.unsubscribe_by_token(sub.unsubscribe_token, now)  # by address: no parse
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
