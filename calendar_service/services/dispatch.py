"""Use case: send what is due, one message per recipient (the status watch before it plans the
status-change reminders: `services.status_watch`).

A recipient's due reminders are claimed together (with a lease), each store re-judged from the
latest data, and what is worth telling written as one message and sent; every attempt is
recorded on each reminder it carries. A recipient gets at most one message a day: what falls
due after it is moved to the next sending morning. Temporary failures are retried with growing,
jittered delays, never past the last deadline; permanent ones fail the message and suppress the
address. A reminder whose deadline has passed is never sent: it is marked missed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol
from zoneinfo import ZoneInfo

from calendar_service.adapters.db.reminder_store import Attempt, Claim, Claimed, StoredReminder
from calendar_service.adapters.workdays import ChineseWorkdays
from calendar_service.domain.catalog import Catalog
from calendar_service.domain.planning import SendDays
from calendar_service.domain.recipients import channel_of
from calendar_service.domain.reminders import ReminderRow, ReminderStatus
from calendar_service.domain.subscriptions import Subscription
from calendar_service.mail.retry import next_attempt
from calendar_service.mail.transport import SendResult
from calendar_service.robots import RobotPost
from calendar_service.services.compose import (
    Composed,
    ComposeJob,
    Composer,
    InlineComposer,
    MailReader,
    MailSettings,
)
from calendar_service.services.delivery import Outbox

LEASE = dt.timedelta(minutes=10)
BATCH = 50  # recipients claimed at once


class Queue(Protocol):
    """The due reminders, as the dispatcher claims and records them."""

    def claim_recipients(
        self,
        now: dt.datetime,
        owner: str,
        lease: dt.timedelta,
        limit: int,
        *,
        day_start: dt.datetime,
        next_morning: dt.datetime,
    ) -> Claimed: ...

    def finish_all(
        self,
        reminder_ids: Sequence[int],
        owner: str,
        status: ReminderStatus,
        *,
        attempts: dict[int, int] | None = None,
        due_at: dt.datetime | None = None,
        message_id: str | None = None,
        sent_at: dt.datetime | None = None,
        told: dict[int, str] | None = None,
        attempt: Attempt | None = None,
    ) -> int: ...

    def told_of(self, rows: Sequence[ReminderRow]) -> dict[str, str]: ...

    def mark_posting(self, reminder_ids: Sequence[int], owner: str, message_id: str) -> int: ...

    def unmark_posting(self, reminder_ids: Sequence[int], owner: str) -> int: ...

    def subscriptions_by_id(self, ids: set[int]) -> dict[int, Subscription]: ...

    def release(self, reminder_ids: list[int], owner: str) -> int: ...

    def renew(self, reminder_ids: list[int], owner: str, until: dt.datetime) -> int: ...


class Subscribers(Protocol):
    """Ending subscriptions whose address cannot be written to."""

    def unsubscribe(
        self, email: str, store_id: str | None = None, now: dt.datetime | None = None
    ) -> int: ...

    def end_subscription(self, subscription_id: int, now: dt.datetime | None = None) -> bool: ...


@dataclass
class DispatchReport:
    sent: int = 0  # messages
    told: int = 0  # reminders those messages carried
    retrying: int = 0  # messages
    failed: int = 0  # messages
    missed: int = 0  # reminders
    suppressed: int = 0  # reminders with nothing worth telling, or to an ended subscription
    deferred: int = 0  # reminders moved to the next morning: their recipient had its message
    lines: list[str] = field(default_factory=list)
    bounced: set[str] = field(default_factory=set)  # suppressed during this pass

    def summary(self) -> str:
        return (
            f"sent {self.sent} messages ({self.told} reminders), retrying {self.retrying}, "
            f"failed {self.failed}, missed {self.missed}, suppressed {self.suppressed}, "
            f"deferred {self.deferred}"
        )


def run_dispatch(
    subscribers: Subscribers,
    queue: Queue,
    transport: Outbox,
    composer: Composer,
    clock: Callable[[], dt.datetime],
    owner: str,
    rng: random.Random,
    days: SendDays,
    *,
    lease: dt.timedelta = LEASE,
    batch: int = BATCH,
    stopped: Callable[[], bool] = lambda: False,
) -> DispatchReport:
    """Claim recipients with due reminders `batch` at a time (each batch at `clock()`),
    compose, send and record one message for each, over one transport connection.

    The composer pulls the jobs as it needs them, so a pool composes the next messages while
    this thread sends. On `stopped()` no more is claimed, and what is claimed but not sent is
    released (pending again); while the pass runs long, its claims are renewed.
    """
    report = DispatchReport()
    held: dict[int, None] = {}  # reminders claimed and not yet recorded
    renew_at = clock() + lease / 2

    def jobs() -> Iterator[ComposeJob]:
        while not stopped():
            now = clock()
            claimed = queue.claim_recipients(
                now,
                owner,
                lease,
                batch,
                day_start=days.day_start(now),
                next_morning=days.next_morning(now),
            )
            report.deferred += claimed.deferred
            report.missed += claimed.missed
            if not claimed.claims:
                if claimed.deferred or claimed.missed:
                    continue  # those recipients are settled: look for others
                return
            ids = {s.row.subscription_id for c in claimed.claims for s in c.reminders}
            subscriptions = queue.subscriptions_by_id(ids)
            told = queue.told_of([s.row for c in claimed.claims for s in c.reminders])
            for claim in claimed.claims:
                held.update(dict.fromkeys(s.id for s in claim.reminders))
            for claim in claimed.claims:
                if stopped():
                    return
                live = _settle(queue, owner, claim, subscriptions, now, report)
                for s in claim.reminders:
                    if s not in live:
                        del held[s.id]
                if live:
                    yield ComposeJob(
                        claim.recipient,
                        tuple((s.id, s.row) for s in live),
                        {s.row.subscription_id: subscriptions[s.row.subscription_id] for s in live},
                        {s.row.key: told[s.row.key] for s in live if s.row.key in told},
                        now,
                    )

    with transport:
        for job, composed in composer.compose_all(jobs()):
            if stopped():
                continue  # released below, with the rest
            if clock() >= renew_at:
                queue.renew(list(held), owner, clock() + lease)
                renew_at = clock() + lease / 2
            deliver(subscribers, queue, transport, job, composed, owner, rng, report)
            for reminder_id, _row in job.reminders:
                held.pop(reminder_id, None)
    if held:
        report.lines.append(f"released {queue.release(list(held), owner)}")
    return report


def deliver(
    subscribers: Subscribers,
    queue: Queue,
    transport: Outbox,
    job: ComposeJob,
    composed: Composed,
    owner: str,
    rng: random.Random,
    report: DispatchReport,
) -> None:
    """Send one composed message and record its outcome on each of its reminders."""
    now, ids = job.now, [i for i, _row in job.reminders]
    if job.recipient in report.bounced:  # bounced since this message was composed
        report.suppressed += queue.finish_all(ids, owner, ReminderStatus.SUPPRESSED)
        return
    rows = dict(job.reminders)
    message = composed.message
    if message is None and composed.problem != "quiet":
        _not_written(subscribers, queue, job, composed, owner, report)
        return
    told = dict(composed.told)
    quiet = [i for i in ids if i not in told]
    carried = [i for i in ids if i in told]
    report.suppressed += queue.finish_all(quiet, owner, ReminderStatus.SUPPRESSED)
    if message is None:  # quiet: nothing in it worth telling
        return
    attempts = {i: rows[i].attempts + 1 for i in carried}
    robot = isinstance(message, RobotPost)
    if robot:  # a group cannot tell a repeat: marked first, so a crash never posts it twice
        queue.mark_posting(carried, owner, message.message_id)
    result = transport.send(message)
    if robot and result.outcome != "sent":
        queue.unmark_posting(carried, owner)
    attempt = Attempt(0, now, result.outcome, result.code, result.detail)
    if result.outcome == "sent":
        queue.finish_all(
            carried,
            owner,
            ReminderStatus.SENT,
            attempts=attempts,
            message_id=message.message_id,
            sent_at=now,
            told=told,
            attempt=attempt,
        )
        report.sent += 1
        report.told += len(carried)
        return
    if result.outcome == "temporary":
        last = max(rows[i].deadline_at for i in carried)
        retry_at = _retry_at(result, max(attempts.values()), now, last, rng)
        status = ReminderStatus.MISSED if retry_at is None else ReminderStatus.PENDING
        queue.finish_all(
            carried, owner, status, attempts=attempts, due_at=retry_at, attempt=attempt
        )
        if retry_at is None:
            report.missed += len(carried)
        else:
            report.retrying += 1
        return
    queue.finish_all(carried, owner, ReminderStatus.FAILED, attempts=attempts, attempt=attempt)
    report.failed += 1
    if channel_of(job.recipient) is not None:
        # A robot refused (a signature, a keyword, a removed robot): this message fails; the
        # robot's failures are counted, and it is paused when they keep coming.
        report.lines.append(f"{job.recipient}: {result.code} {result.detail}")
        return
    # The address bounces: no more mail to it, for any store.
    subscribers.unsubscribe(job.recipient, now=now)
    report.bounced.add(job.recipient)
    report.lines.append(f"{job.recipient}: {result.code} {result.detail}; address suppressed")


def _not_written(
    subscribers: Subscribers,
    queue: Queue,
    job: ComposeJob,
    composed: Composed,
    owner: str,
    report: DispatchReport,
) -> None:
    """Not written, so what it would have told is unknown: the message fails on each of its
    reminders, with the reason recorded (never suppressed as if nothing were worth it)."""
    now, rows = job.now, dict(job.reminders)
    attempts = {i: row.attempts + 1 for i, row in rows.items()}
    attempt = Attempt(0, now, composed.problem or "render-error", None, composed.detail)
    queue.finish_all(list(rows), owner, ReminderStatus.FAILED, attempts=attempts, attempt=attempt)
    report.failed += 1
    if composed.problem == "address-error":
        for sub in job.subscriptions.values():
            subscribers.end_subscription(sub.id, now)  # by id: the address may not parse
        report.bounced.add(job.recipient)
        report.lines.append(f"{job.recipient}: {composed.detail}; address suppressed")
    else:
        report.lines.append(f"{job.recipient}: cannot be written: {composed.detail}")


def _retry_at(
    result: SendResult, attempts: int, now: dt.datetime, last: dt.datetime, rng: random.Random
) -> dt.datetime | None:
    """When to try again after a temporary failure (`mail.retry`), no sooner than the other
    side asked (a robot's rate limit); None when that is at or past the last deadline."""
    retry_at = next_attempt(attempts, now, last, rng)
    if retry_at is not None and result.retry_after is not None:
        asked = now + dt.timedelta(seconds=result.retry_after)
        retry_at = max(retry_at, asked) if asked < last else None
    return retry_at


def _settle(
    queue: Queue,
    owner: str,
    claim: Claim,
    subscriptions: Mapping[int, Subscription],
    now: dt.datetime,
    report: DispatchReport,
) -> list[StoredReminder]:
    """Record what a claim holds that is not to be written: reminders past their deadline
    (missed), of an ended subscription or a bounced address (suppressed), and those a crash
    left posted to a robot but unrecorded. The rest, to write."""
    late, ended, live, posted = [], [], [], []
    robot = channel_of(claim.recipient) is not None
    for s in claim.reminders:
        sub = subscriptions.get(s.row.subscription_id)
        if robot and s.row.message_id is not None:
            posted.append(s)  # a post a crash left unrecorded: never post twice
        elif s.row.deadline_at <= now:
            late.append(s.id)
        elif sub is None or not sub.active or claim.recipient in report.bounced:
            ended.append(s.id)
        else:
            live.append(s)
    report.missed += queue.finish_all(late, owner, ReminderStatus.MISSED)
    report.suppressed += queue.finish_all(ended, owner, ReminderStatus.SUPPRESSED)
    if posted:
        settled = _settle_unconfirmed(queue, owner, posted, now)
        report.told += settled
        report.lines.append(
            f"{claim.recipient}: {settled} reminders posted before a crash and not recorded: "
            "taken as sent, not posted again"
        )
    return live


def _settle_unconfirmed(
    queue: Queue, owner: str, posted: Sequence[StoredReminder], now: dt.datetime
) -> int:
    """Reminders whose post a daemon began and never recorded (it died in between): the group
    may have the message, and a group robot cannot tell a repeat, so they are recorded as sent
    under the message they went out in, not posted again. How many."""
    by_message: dict[str, list[int]] = {}
    for s in posted:
        by_message.setdefault(s.row.message_id or "", []).append(s.id)
    done = 0
    for message_id, ids in by_message.items():
        detail = "posted before a crash, its reply never recorded: not posted again"
        attempt = Attempt(0, now, "unconfirmed", None, detail)
        done += queue.finish_all(
            ids, owner, ReminderStatus.SENT, message_id=message_id, sent_at=now, attempt=attempt
        )
    return done


class Readers(MailReader, Subscribers, Protocol):
    """The stores' data to compose from, and the subscriptions a bounce ends."""


def dispatch(
    catalog: Catalog,
    repository: Readers,
    store: Queue,
    transport: Outbox,
    now: dt.datetime,
    tz: ZoneInfo,
    mail: MailSettings,
    owner: str,
    rng: random.Random,
    composer: Composer | None = None,
) -> DispatchReport:
    """One pass at `now`: every address with reminders due gets its message. Composed in this
    thread unless a composer (a pool of worker processes) is given."""
    if composer is None:
        composer = InlineComposer(catalog, repository, tz, mail)
    days = SendDays(tz, ChineseWorkdays())
    return run_dispatch(repository, store, transport, composer, lambda: now, owner, rng, days)
