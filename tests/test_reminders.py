"""Reminders end to end: plan, re-judge, render, send to a real SMTP server, record — once.

Every test runs on SQLite and PostgreSQL against an aiosmtpd server started by the test, and
each pass composes its messages in line and, again, in a pool's worker process.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy
import random
import re
from collections import Counter
from collections.abc import Iterator
from email.message import EmailMessage, Message
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, update

from calendar_service.adapters.db.reminder_store import ReminderStore
from calendar_service.adapters.db.repository import Repository
from calendar_service.adapters.db.tables import SUBSCRIPTIONS
from calendar_service.bootstrap import Container
from calendar_service.domain.catalog import Catalog
from calendar_service.domain.reminders import ReminderStatus
from calendar_service.entrypoints.web import create_app
from calendar_service.mail.transport import (
    MaildirTransport,
    Outgoing,
    SendResult,
    SmtpTransport,
    Transport,
    parse_smtp_url,
)
from calendar_service.services.compose import InlineComposer, MailSettings, week_start
from calendar_service.services.compose_pool import ComposePool
from calendar_service.services.compose_worker import WorkerSpec
from calendar_service.services.dispatch import LEASE, DispatchReport, dispatch
from calendar_service.services.planning import plan
from calendar_service.services.sample import load_sample
from calendar_service.services.signed_links import SignedLinks
from calendar_service.settings import load_settings
from tests.cli import PROJECT, run_cli
from tests.smtp_server import DROP, SmtpServer, smtp_server
from tests.times import CST, MONTHLY_SIGNUP_OPEN, SAMPLE_CAPTURED

FIXTURES = (smtp_server,)  # used by name below
LINKS_KEY = "unsubscribe links' key for the tests"
MAIL = MailSettings(
    "1688活动提醒 <reminders@calendar.example.com>",
    "https://calendar.example.com",
    "calendar.example.com",
    dt.timedelta(days=30),
    SignedLinks(LINKS_KEY.encode()),
)


@pytest.fixture(params=["in line", "worker"])
def composer(
    request: pytest.FixtureRequest, catalog: Catalog, repository: Repository, database_url: str
) -> Iterator[ComposePool | None]:
    """None (dispatch composes in line) or a pool of one worker, started and ready: whatever a
    pass composes, the worker composes."""
    if request.param == "in line":
        yield None
        return
    inline = InlineComposer(catalog, repository, CST, MAIL)
    spec = WorkerSpec(database_url, catalog, str(CST), MAIL)
    pool = ComposePool(spec, 1, inline, start_after=0)
    pool.start(wait_ready=60)
    yield pool
    pool.close()
    assert (pool.composed_in_line, pool.lost) == (0, 0)


@pytest.fixture
def subscribed(repository: Repository) -> Repository:
    load_sample(PROJECT / "data" / "sample", repository, CST, SAMPLE_CAPTURED)
    repository.subscribe("b2b-220011", "ops@example.com", "zh-CN", now=SAMPLE_CAPTURED)
    repository.subscribe("b2b-220001", "agency@example.com", "en", now=SAMPLE_CAPTURED)
    return repository


def _pass(
    catalog: Catalog,
    repository: Repository,
    engine_store: ReminderStore,
    server: SmtpServer,
    composer: ComposePool | None,
    now: dt.datetime = MONTHLY_SIGNUP_OPEN,
) -> DispatchReport:
    plan(catalog, repository, now, CST)
    transport = SmtpTransport(parse_smtp_url(server.url()))
    return _dispatch(catalog, repository, engine_store, transport, composer, now)


def _dispatch(
    catalog: Catalog,
    repository: Repository,
    engine_store: ReminderStore,
    transport: Transport,
    composer: ComposePool | None,
    now: dt.datetime = MONTHLY_SIGNUP_OPEN,
) -> DispatchReport:
    """A dispatch pass at `now` over `transport`, nothing planned first."""
    return dispatch(
        catalog,
        repository,
        engine_store,
        transport,
        now,
        CST,
        MAIL,
        "test",
        random.Random(1),
        composer=composer,
    )


def _parsed(server: SmtpServer) -> list[EmailMessage]:
    return [
        email.message_from_bytes(m.data, policy=email.policy.default)
        for m in server.handler.messages
    ]


def test_due_reminders_go_out_once_over_one_connection(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    store = ReminderStore(engine)
    first = _pass(catalog, subscribed, store, smtp_server, composer)
    # Two subscriptions, seven due each: the six monthly sign-ups' openings and the weekly digest.
    assert first.sent == len(smtp_server.handler.messages) == 14
    assert smtp_server.handler.connections == 1
    again = _pass(catalog, subscribed, store, smtp_server, composer)
    assert again.sent == 0 and len(smtp_server.handler.messages) == first.sent
    ids = Counter(m["Message-ID"] for m in _parsed(smtp_server))
    assert max(ids.values()) == 1
    sent = [s for s in store.all() if s.row.status is ReminderStatus.SENT]
    assert {s.row.message_id for s in sent} == set(ids)
    assert all(len(store.attempts(s.id)) == 1 for s in sent)


def test_message_says_what_is_missing_with_the_headers_clients_need(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    _pass(catalog, subscribed, ReminderStore(engine), smtp_server, composer)
    messages = _parsed(smtp_server)
    chinese = [
        m
        for m in messages
        if m["To"].addresses[0].addr_spec == "ops@example.com"
        and "月度销售额活动" in str(m["Subject"])
    ]
    assert len(chinese) == 1
    message = chinese[0]
    assert message["To"].addresses[0].display_name == "深圳市锦源小家电有限公司"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "https://calendar.example.com/unsubscribe/" in message["List-Unsubscribe"]
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "报名截止" in text and "退订" in text and "<table" in html
    english = [m for m in messages if m["To"].addresses[0].addr_spec == "agency@example.com"]
    assert english and english[0]["Content-Language"] == "en"
    # Links in the subscriber's language: the store's private feed, signed for the
    # subscription, and its dashboard page.
    base = "https://calendar.example.com"
    subs = {s.email: s for s in subscribed.subscriptions()}
    ops_feed = MAIL.signer.feed_token(subs["ops@example.com"].id, 0)
    assert f'href="{base}/stores/b2b-220011"' in html
    assert f'href="{base}/feeds/{ops_feed}.ics"' in html and "含本店的报名资格" in html
    english_html = english[0].get_body(("html",)).get_content()  # type: ignore[union-attr]
    agency_feed = MAIL.signer.feed_token(subs["agency@example.com"].id, 0)
    assert f'href="{base}/stores/b2b-220001?lang=en"' in english_html
    assert f'href="{base}/feeds/{agency_feed}.ics?lang=en"' in english_html
    assert f'href="webcal://calendar.example.com/feeds/{agency_feed}.ics?lang=en"' in english_html
    assert f'href="{base}/?lang=en"' in english_html


@pytest.mark.parametrize(
    ("key", "monday"),
    [("digest:2026-W51", dt.date(2026, 12, 14)), ("digest:2027-W01", dt.date(2027, 1, 4))],
)
def test_a_digest_is_dated_by_the_monday_of_its_week(key: str, monday: dt.date) -> None:
    assert week_start(key) == monday


def test_temporary_failure_is_retried_later_and_sent_once(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    store = ReminderStore(engine)
    smtp_server.handler.fail_next(1, "451 4.3.0 try again later")
    report = _pass(catalog, subscribed, store, smtp_server, composer)
    assert report.retrying == 1
    waiting = [
        s for s in store.all() if s.row.attempts == 1 and s.row.status is ReminderStatus.PENDING
    ]
    assert (
        len(waiting) == 1
        and MONTHLY_SIGNUP_OPEN < waiting[0].row.due_at < waiting[0].row.deadline_at
    )
    assert [a.smtp_code for a in store.attempts(waiting[0].id)] == [451]
    later = _pass(catalog, subscribed, store, smtp_server, composer, now=waiting[0].row.due_at)
    assert later.sent == 1
    ids = Counter(m["Message-ID"] for m in _parsed(smtp_server))
    assert max(ids.values()) == 1


def test_dropped_connection_mid_batch_loses_nothing(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    store = ReminderStore(engine)
    smtp_server.handler.fail_next(1, DROP)
    report = _pass(catalog, subscribed, store, smtp_server, composer)
    assert (report.retrying, report.sent) == (1, 13)  # the dropped one waits; the rest went
    retry = next(
        s for s in store.all() if s.row.status is ReminderStatus.PENDING and s.row.attempts == 1
    )
    assert _pass(catalog, subscribed, store, smtp_server, composer, now=retry.row.due_at).sent == 1
    assert all(s.row.status is not ReminderStatus.SENDING for s in store.all())


def test_permanent_failure_fails_and_suppresses_the_address(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    store = ReminderStore(engine)
    smtp_server.handler.fail_next(1, "550 5.1.1 no such user", at="RCPT")
    report = _pass(catalog, subscribed, store, smtp_server, composer)
    assert (report.failed, report.suppressed) == (1, 6)  # the address's six other mails
    failed = next(s for s in store.all() if s.row.status is ReminderStatus.FAILED)
    bounced = {s.email for s in subscribed.subscriptions(active_only=False) if not s.active}
    assert len(bounced) == 1
    assert [a.smtp_code for a in store.attempts(failed.id)] == [550]
    # What was composed for that address while the refused one was being sent never went out.
    assert not any(bounced & set(m.rcpt_tos) for m in smtp_server.handler.messages)


class UnexpectedError(Exception):
    pass


class BreaksOnThird:
    """A transport that sends twice, then fails in a way no transport should."""

    def __init__(self, inner: SmtpTransport) -> None:
        self.inner = inner
        self.sent = 0

    def open(self) -> None:
        self.inner.open()

    def close(self) -> None:
        self.inner.close()

    def send(self, msg: Message | Outgoing) -> SendResult:
        if self.sent == 2:
            raise UnexpectedError("the transport broke")
        self.sent += 1
        return self.inner.send(msg)

    def __enter__(self) -> BreaksOnThird:
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
    plan(catalog, subscribed, MONTHLY_SIGNUP_OPEN, CST)
    transport = BreaksOnThird(SmtpTransport(parse_smtp_url(smtp_server.url())))
    with pytest.raises(UnexpectedError, match="the transport broke"):
        _dispatch(catalog, subscribed, store, transport, composer)
    statuses = Counter(s.row.status for s in store.all() if s.row.due_at <= MONTHLY_SIGNUP_OPEN)
    assert statuses[ReminderStatus.SENT] == 2 == len(smtp_server.handler.messages)
    assert statuses[ReminderStatus.SENDING] > 0  # claimed, never recorded
    later = MONTHLY_SIGNUP_OPEN + LEASE + dt.timedelta(minutes=1)
    report = _pass(catalog, subscribed, store, smtp_server, composer, now=later)
    assert report.sent == statuses[ReminderStatus.SENDING] + statuses[ReminderStatus.PENDING]
    ids = Counter(m["Message-ID"] for m in _parsed(smtp_server))
    assert max(ids.values()) == 1


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
            update(SUBSCRIPTIONS)
            .where(SUBSCRIPTIONS.c.email == "ops@example.com")
            .values(email=stored)
        )
    bad = next(s for s in subscribed.subscriptions() if s.email == stored)
    store = ReminderStore(engine)
    report = _pass(catalog, subscribed, store, smtp_server, composer)
    theirs = [
        s
        for s in store.all()
        if s.row.subscription_id == bad.id and s.row.due_at <= MONTHLY_SIGNUP_OPEN
    ]
    failed = [s for s in theirs if s.row.status is ReminderStatus.FAILED]
    assert len(failed) == 1 and report.failed == 1
    assert all(s.row.status is ReminderStatus.SUPPRESSED for s in theirs if s not in failed)
    (attempt,) = store.attempts(failed[0].id)
    assert attempt.outcome == "address-error" and repr(stored) in (attempt.detail or "")
    assert any(repr(stored) in line and "suppressed" in line for line in report.lines)
    assert not next(s for s in subscribed.subscriptions(active_only=False) if s.id == bad.id).active
    received = smtp_server.handler.messages
    assert report.sent == len(received) == 7  # all of the other address's
    assert {tuple(m.rcpt_tos) for m in received} == {("agency@example.com",)}


@pytest.mark.parametrize("workers", [0, 1])
def test_a_reminder_that_cannot_be_written_fails_alone_and_the_rest_go_out(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    database_url: str,
    smtp_server: SmtpServer,
    workers: int,
) -> None:
    """The catalog lost an activity after its reminders were planned: each of them fails with
    the reason, recorded with its attempt, in line or in a worker; the pass goes on."""
    store = ReminderStore(engine)
    plan(catalog, subscribed, MONTHLY_SIGNUP_OPEN, CST)
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
    transport = SmtpTransport(parse_smtp_url(smtp_server.url()))
    try:
        report = _dispatch(edited, subscribed, store, transport, pool)
    finally:
        if pool is not None:
            pool.close()
    due = [s for s in store.all() if s.row.due_at <= MONTHLY_SIGNUP_OPEN]
    theirs = [s for s in due if s.row.activity == gone]
    assert theirs and all(s.row.status is ReminderStatus.FAILED for s in theirs)
    for failed in theirs:
        (attempt,) = store.attempts(failed.id)
        assert attempt.outcome == "render-error" and f"unknown activity '{gone}'" in (
            attempt.detail or ""
        )
        assert any(line.startswith(f"{failed.row.key}: cannot be written") for line in report.lines)
    rest = [s for s in due if s.row.activity != gone]
    assert all(s.row.status is ReminderStatus.SENT for s in rest)
    assert (report.failed, report.sent) == (len(theirs), len(rest))
    assert len(smtp_server.handler.messages) == len(rest) > 0
    if pool is not None:
        assert pool.composed_in_workers == len(due) and pool.composed_in_line == 0


def test_past_deadline_is_missed_never_sent(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    store = ReminderStore(engine)
    plan(catalog, subscribed, MONTHLY_SIGNUP_OPEN, CST)
    late = dt.datetime(2026, 12, 26, 10, 0, tzinfo=CST)  # the monthly sign-up closed on the 25th
    transport = SmtpTransport(parse_smtp_url(smtp_server.url()))
    report = _dispatch(catalog, subscribed, store, transport, composer, late)
    assert report.missed > 0
    monthly = [
        s
        for s in store.all()
        if s.row.occurrence_key.startswith("monthly-") and s.row.occurrence_key.endswith(":2027-01")
    ]
    assert monthly and all(s.row.status is ReminderStatus.MISSED for s in monthly)
    assert not any("2027-01" in str(m["Subject"]) for m in _parsed(smtp_server))


def test_unsubscribe_stops_mail_and_get_never_unsubscribes(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    database_url: str,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
    tmp_path: Path,
) -> None:
    store = ReminderStore(engine)
    plan(catalog, subscribed, MONTHLY_SIGNUP_OPEN, CST)
    ops = next(s for s in subscribed.subscriptions() if s.email == "ops@example.com")
    container = Container(load_settings(database_url=database_url, secret_key_file=tmp_path / "k"))
    client = TestClient(create_app(container, lambda: MONTHLY_SIGNUP_OPEN))
    token = container.signed_links.unsubscribe_token(ops.id)
    page = client.get(f"/unsubscribe/{token}")
    assert page.status_code == 200 and '<form method="post"' in page.text
    assert any(s.email == "ops@example.com" for s in subscribed.subscriptions())  # still there
    for _ in range(2):  # one click, and again harmlessly
        done = client.post(f"/unsubscribe/{token}", data={"List-Unsubscribe": "One-Click"})
        assert done.status_code == 200 and "已退订" in done.text
    assert client.post("/unsubscribe/nope").status_code == 404
    transport = SmtpTransport(parse_smtp_url(smtp_server.url()))
    report = _dispatch(catalog, subscribed, store, transport, composer)
    recipients = {r for m in smtp_server.handler.messages for r in m.rcpt_tos}
    assert recipients == {"agency@example.com"} and report.suppressed > 0


def _sent_to_ops(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> EmailMessage:
    """A pass over real SMTP, and the first mail ops@example.com received."""
    _pass(catalog, subscribed, ReminderStore(engine), smtp_server, composer)
    return next(
        m for m in _parsed(smtp_server) if m["To"].addresses[0].addr_spec == "ops@example.com"
    )


def _web(database_url: str, **settings: Any) -> TestClient:
    """The web app on the database, with the key the mails' links were signed with."""
    found = load_settings(database_url=database_url, secret_key=LINKS_KEY, **settings)
    return TestClient(create_app(Container(found), lambda: MONTHLY_SIGNUP_OPEN))


def test_the_link_in_a_sent_mail_ends_its_subscription_and_no_other(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    database_url: str,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    mail = _sent_to_ops(catalog, subscribed, engine, smtp_server, composer)
    link = re.search(
        r"<https://calendar\.example\.com(/unsubscribe/[^>]+)>", mail["List-Unsubscribe"]
    )
    assert link is not None
    client = _web(database_url)
    assert client.post(link[1]).status_code == 200
    left = {s.email for s in subscribed.subscriptions()}
    assert "ops@example.com" not in left and "agency@example.com" in left
    forged = link[1][:-1] + ("A" if link[1][-1] != "A" else "B")
    assert client.post(forged).status_code == 404


def test_the_feed_link_in_a_sent_mail_serves_the_store_until_revoked(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    database_url: str,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    mail = _sent_to_ops(catalog, subscribed, engine, smtp_server, composer)
    html = mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    link = re.search(r'href="https://calendar\.example\.com(/feeds/[^"]+\.ics)"', html)
    assert link is not None
    client = _web(database_url, feed_revalidate_seconds=0)
    feed = client.get(link[1])
    assert feed.status_code == 200 and feed.headers["cache-control"].startswith("private")
    assert "深圳市锦源小家电有限公司" in feed.text  # b2b-220011, the store of ops's mail
    subscribed.revoke_feed_tokens("b2b-220011", MONTHLY_SIGNUP_OPEN)
    assert client.get(link[1]).status_code == 404  # revoking the store's URLs ends it too
    forged = link[1].replace("/feeds/", "/feeds/9")
    assert client.get(forged).status_code == 404


def test_store_names_with_newlines_and_markup_never_break_a_message(
    catalog: Catalog,
    repository: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    load_sample(PROJECT / "data" / "sample", repository, CST, SAMPLE_CAPTURED)
    from calendar_service.domain.snapshots import StoreSnapshot  # noqa: PLC0415

    evil = StoreSnapshot(
        "evil", SAMPLE_CAPTURED, name="坏店\r\nBcc: x@evil.example <script>alert(1)</script>🙂"
    )
    repository.add_snapshots([evil], [], "api", SAMPLE_CAPTURED)
    repository.subscribe("evil", "ops@example.com", "zh-CN", now=SAMPLE_CAPTURED)
    report = _pass(catalog, repository, ReminderStore(engine), smtp_server, composer)
    assert report.sent > 0 and report.failed == 0
    for message, received in zip(_parsed(smtp_server), smtp_server.handler.messages, strict=True):
        assert received.rcpt_tos == ["ops@example.com"]
        assert "\n" not in str(message["To"]) and "Bcc" not in message
        html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
        assert "<script>" not in html


def test_remind_command_delivers_to_the_outbox_and_twice_sends_nothing(
    database_url: str, tmp_path: Path
) -> None:
    env = {"CALENDAR_DATABASE_URL": database_url, "CALENDAR_OUTBOX_DIR": str(tmp_path / "out")}
    sample = PROJECT / "data" / "sample"
    assert run_cli("import", str(sample / "stores.csv"), env=env).code == 0
    assert run_cli("subscribe", "b2b-220011", "ops@example.com", env=env).code == 0
    dry = run_cli("remind", "--now", "2026-12-15T10:00", "--dry-run", env=env)
    assert dry.code == 0 and "would go out" in dry.out and "monthly-sales:2027-01" in dry.out
    assert not (tmp_path / "out").exists()
    first = run_cli("remind", "--now", "2026-12-15T10:00", env=env)
    assert first.code == 0, first.err
    sent = len(list((tmp_path / "out" / "new").iterdir()))
    assert sent > 0 and f"sent {sent}," in first.out
    second = run_cli("remind", "--now", "2026-12-15T10:00", env=env)
    assert "sent 0," in second.out
    assert len(list((tmp_path / "out" / "new").iterdir())) == sent


def test_maildir_transport_gets_the_same_messages(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    tmp_path: Path,
    composer: ComposePool | None,
) -> None:
    plan(catalog, subscribed, MONTHLY_SIGNUP_OPEN, CST)
    report = _dispatch(
        catalog, subscribed, ReminderStore(engine), MaildirTransport(tmp_path), composer
    )
    assert report.sent > 0, report
    assert report.sent == len(list((tmp_path / "new").iterdir()))
