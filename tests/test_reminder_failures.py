"""Reminders end to end when something goes wrong: a message is the unit that is retried, fails
or is missed, and its outcome is recorded on every reminder it carries; nothing goes twice and
nothing is lost. On SQLite and PostgreSQL, composed in line and in a worker (test_reminders.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from email.message import Message
from typing import Self

import pytest
from sqlalchemy import Engine, update

from calendar_service.adapters.db.reminder_store import ReminderStore
from calendar_service.adapters.db.repository import Repository
from calendar_service.adapters.db.tables import SUBSCRIPTIONS
from calendar_service.domain.catalog import Catalog
from calendar_service.domain.reminders import ReminderStatus
from calendar_service.mail.transport import Outgoing, SendResult, SmtpTransport
from calendar_service.services.compose import InlineComposer
from calendar_service.services.compose_pool import ComposePool
from calendar_service.services.compose_worker import WorkerSpec
from calendar_service.services.dispatch import LEASE
from calendar_service.services.planning import plan
from tests.reminder_support import (
    AGENCY,
    MAIL,
    OPS,
    composer,
    dispatch_at,
    due,
    of_address,
    parsed,
    per_recipient_day,
    run_pass,
    smtp,
    subscribed,
    to,
    with_status,
)
from tests.smtp_server import DROP, SmtpServer, smtp_server
from tests.times import CST, MONTHLY_SIGNUP_OPEN, SAMPLE_CAPTURED

FIXTURES = (smtp_server, composer, subscribed)  # used by name below


def _once(server: SmtpServer) -> None:
    """No Message-ID received twice, no address written to twice a day."""
    messages = parsed(server)
    assert max(Counter(m["Message-ID"] for m in messages).values()) == 1
    assert max(per_recipient_day(messages).values()) == 1


def test_temporary_failure_is_retried_later_and_sent_once(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    store = ReminderStore(engine)
    smtp_server.handler.fail_next(1, "451 4.3.0 try again later")
    report = run_pass(catalog, subscribed, store, smtp_server, composer)
    assert (report.retrying, report.sent) == (1, 1)
    waiting = [
        s for s in store.all() if s.row.attempts == 1 and s.row.status is ReminderStatus.PENDING
    ]
    assert len({s.row.subscription_id for s in waiting}) == 1  # one address's message
    retry_at = waiting[0].row.due_at
    assert all(s.row.due_at == retry_at for s in waiting)
    assert MONTHLY_SIGNUP_OPEN < retry_at < min(s.row.deadline_at for s in waiting)
    assert all([a.smtp_code for a in store.attempts(s.id)] == [451] for s in waiting)
    later = run_pass(catalog, subscribed, store, smtp_server, composer, now=retry_at)
    assert later.sent == 1 and later.told == len(waiting)
    for s in waiting:
        assert [a.outcome for a in store.attempts(s.id)] == ["temporary", "sent"]
    assert len(smtp_server.handler.messages) == 2
    _once(smtp_server)


def test_dropped_connection_mid_pass_loses_nothing(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    store = ReminderStore(engine)
    smtp_server.handler.fail_next(1, DROP)
    report = run_pass(catalog, subscribed, store, smtp_server, composer)
    assert (report.retrying, report.sent) == (1, 1)  # the dropped one waits; the other went
    retry = next(
        s for s in store.all() if s.row.status is ReminderStatus.PENDING and s.row.attempts == 1
    )
    again = run_pass(catalog, subscribed, store, smtp_server, composer, now=retry.row.due_at)
    assert again.sent == 1
    assert all(s.row.status is not ReminderStatus.SENDING for s in store.all())
    assert {to(m) for m in parsed(smtp_server)} == {OPS, AGENCY}
    _once(smtp_server)


def test_permanent_failure_fails_and_suppresses_the_address(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    store = ReminderStore(engine)
    smtp_server.handler.fail_next(1, "550 5.1.1 no such user", at="RCPT")
    report = run_pass(catalog, subscribed, store, smtp_server, composer)
    assert (report.failed, report.sent) == (1, 1)
    (bounced,) = {s.email for s in subscribed.subscriptions(active_only=False) if not s.active}
    theirs = of_address(subscribed, due(store), bounced)
    failed = with_status(theirs, ReminderStatus.FAILED)
    assert failed and all([a.smtp_code for a in store.attempts(s.id)] == [550] for s in failed)
    assert all(s.row.status is ReminderStatus.SUPPRESSED for s in theirs if s not in failed)
    assert not any(bounced in m.rcpt_tos for m in smtp_server.handler.messages)
    # Nothing more goes to the address: its reminders due later are suppressed then.
    friday = dt.datetime(2026, 12, 18, 9, 30, tzinfo=CST)
    later = run_pass(catalog, subscribed, store, smtp_server, composer, now=friday)
    assert later.sent == 1 and later.suppressed > 0
    assert not any(bounced in m.rcpt_tos for m in smtp_server.handler.messages)
    left = of_address(subscribed, due(store, friday), bounced)
    assert all(s.row.status in (ReminderStatus.FAILED, ReminderStatus.SUPPRESSED) for s in left)


class UnexpectedError(Exception):
    pass


class BreaksOnSecond:
    """A transport that sends once, then fails in a way no transport should."""

    def __init__(self, inner: SmtpTransport) -> None:
        self.inner = inner
        self.sent = 0

    def open(self) -> None:
        self.inner.open()

    def close(self) -> None:
        self.inner.close()

    def send(self, msg: Message | Outgoing) -> SendResult:
        if self.sent == 1:
            raise UnexpectedError("the transport broke")
        self.sent += 1
        return self.inner.send(msg)

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def test_an_error_while_sending_reaches_the_caller_and_leaves_the_rest_claimed(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    """The sender thread's error is raised in the dispatching thread; what it had not recorded
    stays claimed, for the next pass once the lease lapses, and goes out once then."""
    store = ReminderStore(engine)
    plan(catalog, store, MONTHLY_SIGNUP_OPEN, CST)
    transport = BreaksOnSecond(smtp(smtp_server))
    with pytest.raises(UnexpectedError, match="the transport broke"):
        dispatch_at(catalog, subscribed, store, transport, composer)
    (first,) = parsed(smtp_server)
    claimed = with_status(due(store), ReminderStatus.SENDING)
    assert claimed and not of_address(subscribed, claimed, to(first))  # the other address's
    later = MONTHLY_SIGNUP_OPEN + LEASE + dt.timedelta(minutes=1)
    report = run_pass(catalog, subscribed, store, smtp_server, composer, now=later)
    assert report.sent == 1 and report.told + report.suppressed == len(claimed)
    assert {to(m) for m in parsed(smtp_server)} == {OPS, AGENCY}
    assert not with_status(store.all(), ReminderStatus.SENDING)
    _once(smtp_server)


class DiesAfterSending(BreaksOnSecond):
    """A transport whose process dies, as it were, once the server has accepted a message and
    before its outcome is recorded."""

    def send(self, msg: Message | Outgoing) -> SendResult:
        self.inner.send(msg)
        raise UnexpectedError("gone after the server accepted")


def test_a_message_accepted_but_not_recorded_goes_again_as_the_same_message(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    """What it had nothing to say of was suppressed before it was sent; claimed again once the
    lease lapses, the rest make the same message, Message-ID and all: the address never gets a
    second, different message that day."""
    store = ReminderStore(engine)
    plan(catalog, store, MONTHLY_SIGNUP_OPEN, CST)
    with pytest.raises(UnexpectedError, match="gone after the server accepted"):
        dispatch_at(catalog, subscribed, store, DiesAfterSending(smtp(smtp_server)), composer)
    (first,) = parsed(smtp_server)
    theirs = of_address(subscribed, due(store), to(first))
    assert with_status(theirs, ReminderStatus.SUPPRESSED)  # settled before it was sent
    assert with_status(theirs, ReminderStatus.SENDING)  # the rest: claimed, never recorded
    later = MONTHLY_SIGNUP_OPEN + LEASE + dt.timedelta(minutes=1)
    assert run_pass(catalog, subscribed, store, smtp_server, composer, now=later).sent == 2
    again = [m["Message-ID"] for m in parsed(smtp_server) if to(m) == to(first)]
    assert again == [first["Message-ID"]] * 2
    sent = with_status(of_address(subscribed, due(store), to(first)), ReminderStatus.SENT)
    assert sent and {s.row.message_id for s in sent} == {first["Message-ID"]}


@pytest.mark.parametrize("stored", ["店主@example.com", "two words@example.com", "ops@"])
def test_a_stored_address_that_cannot_be_a_header_fails_alone_and_is_suppressed(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    stored: str,
    composer: ComposePool | None,
) -> None:
    """A row written before addresses were checked as they are now: the pass goes on."""
    with engine.begin() as connection:
        connection.execute(
            update(SUBSCRIPTIONS).where(SUBSCRIPTIONS.c.email == OPS).values(email=stored)
        )
    store = ReminderStore(engine)
    report = run_pass(catalog, subscribed, store, smtp_server, composer)
    assert (report.failed, report.sent) == (1, 1)
    theirs = of_address(subscribed, due(store), stored)
    assert theirs and all(s.row.status is ReminderStatus.FAILED for s in theirs)
    for s in theirs:
        (attempt,) = store.attempts(s.id)
        assert attempt.outcome == "address-error" and repr(stored) in (attempt.detail or "")
    assert any(repr(stored) in line and "suppressed" in line for line in report.lines)
    assert not any(
        s.active for s in subscribed.subscriptions(active_only=False) if s.email == stored
    )
    assert [m.rcpt_tos for m in smtp_server.handler.messages] == [[AGENCY]]


@pytest.mark.parametrize("workers", [0, 1])
def test_a_message_that_cannot_be_written_fails_alone_and_the_rest_go_out(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    database_url: str,
    smtp_server: SmtpServer,
    workers: int,
) -> None:
    """The catalog lost an activity after its reminders were planned: the messages that carry
    them fail with the reason, recorded on each reminder, in line or in a worker; the pass goes
    on, and an address that hears only of the daily activities gets its message."""
    daily_only = "daily@example.com"
    subscribed.subscribe("b2b-220003", daily_only, "en", now=SAMPLE_CAPTURED, cycles=["daily"])
    store = ReminderStore(engine)
    plan(catalog, store, MONTHLY_SIGNUP_OPEN, CST)
    gone = "monthly-sales"
    edited = dataclasses.replace(
        catalog, activities=tuple(a for a in catalog.activities if a.key != gone)
    )
    pool = None
    if workers:
        spec = WorkerSpec(database_url, edited, str(CST), MAIL)
        pool = ComposePool(
            spec, workers, InlineComposer(edited, subscribed, CST, MAIL), start_after=0
        )
        pool.start(wait_ready=60)
    try:
        report = dispatch_at(edited, subscribed, store, smtp(smtp_server), pool)
    finally:
        if pool is not None:
            pool.close()
    now_due = due(store)
    for address in (OPS, AGENCY):
        theirs = of_address(subscribed, now_due, address)
        assert any(s.row.activity == gone for s in theirs)
        assert all(s.row.status is ReminderStatus.FAILED for s in theirs)
        for failed in theirs:
            (attempt,) = store.attempts(failed.id)
            assert attempt.outcome == "render-error"
            assert f"unknown activity '{gone}'" in (attempt.detail or "")
        assert any(line.startswith(f"{address}: cannot be written") for line in report.lines)
    rest = of_address(subscribed, now_due, daily_only)
    assert rest and all(s.row.status is ReminderStatus.SENT for s in rest)
    assert (report.failed, report.sent) == (2, 1)
    assert [m.rcpt_tos for m in smtp_server.handler.messages] == [[daily_only]]
    if pool is not None:
        assert pool.composed_in_workers == 3 and pool.composed_in_line == 0


def test_past_deadline_is_missed_never_sent(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    store = ReminderStore(engine)
    plan(catalog, store, MONTHLY_SIGNUP_OPEN, CST)
    late = dt.datetime(2026, 12, 26, 10, 0, tzinfo=CST)  # the monthly sign-up closed on the 25th
    report = dispatch_at(catalog, subscribed, store, smtp(smtp_server), composer, late)
    monthly = [s for s in store.all() if s.row.occurrence_key.endswith(":2027-01")]
    assert monthly and all(s.row.status is ReminderStatus.MISSED for s in monthly)
    assert report.missed >= len(monthly)
    assert not any(store.attempts(s.id) for s in monthly)  # never tried
    # What went out that day carried only what was still open: the weekly digests.
    sent = with_status(store.all(), ReminderStatus.SENT)
    assert {s.row.kind for s in sent} <= {"digest"}
    assert report.sent == len(smtp_server.handler.messages)
