"""Reminders end to end: plan, re-judge, write one message per address and day, send it to a real
SMTP server, record it on every reminder it carries — once.

Every test runs on SQLite and PostgreSQL against an aiosmtpd server started by the test, and
each pass composes its messages in line and, again, in a pool's worker process. Failures:
test_reminder_failures.py; the links in a sent message: test_reminder_links.py.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from sqlalchemy import Engine

from calendar_service.adapters.db.reminder_store import ReminderStore
from calendar_service.adapters.db.repository import Repository
from calendar_service.domain.catalog import Catalog
from calendar_service.domain.planning import INVITATION_SIGNAL
from calendar_service.domain.reminders import ReminderStatus
from calendar_service.domain.snapshots import StoreSnapshot
from calendar_service.mail.transport import MaildirTransport
from calendar_service.services.compose_pool import ComposePool
from calendar_service.services.planning import plan
from calendar_service.services.recipient_links import recipient_unsubscribe_url
from calendar_service.services.sample import load_sample
from tests.cli import PROJECT, run_cli
from tests.reminder_support import (
    AGENCY,
    AGENCY_NAME,
    AGENCY_STORE,
    BASE,
    MAIL,
    OPS,
    OPS_NAME,
    OPS_STORE,
    composer,
    dispatch_at,
    due,
    of_address,
    parsed,
    per_recipient_day,
    run_pass,
    subscribed,
    to,
    with_status,
)
from tests.smtp_server import SmtpServer, smtp_server
from tests.times import CST, MONTHLY_SIGNUP_OPEN, SAMPLE_CAPTURED

FIXTURES = (smtp_server, composer, subscribed)  # used by name below
THIRD_STORE, THIRD_NAME = "b2b-220003", "佛山华美玩具有限公司"


def test_each_address_gets_one_message_with_all_its_due_reminders_once(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    store = ReminderStore(engine)
    first = run_pass(catalog, subscribed, store, smtp_server, composer)
    # Two addresses: two messages, over one connection, each carrying several reminders (the
    # monthly sign-ups' openings and the weekly digest at least).
    assert first.sent == len(smtp_server.handler.messages) == 2
    assert smtp_server.handler.connections == 1
    assert sorted(r for m in smtp_server.handler.messages for r in m.rcpt_tos) == [AGENCY, OPS]
    now_due = due(store)
    sent = with_status(now_due, ReminderStatus.SENT)
    suppressed = with_status(now_due, ReminderStatus.SUPPRESSED)
    assert len(sent) + len(suppressed) == len(now_due)  # nothing left pending or claimed
    assert first.told == len(sent) and first.suppressed == len(suppressed)
    for address in (OPS, AGENCY):
        theirs = of_address(subscribed, sent, address)
        assert len({s.row.message_id for s in theirs}) == 1  # all in one message
        kinds = Counter(s.row.kind for s in theirs)
        assert kinds["opens"] >= 2 and kinds["digest"] == 1
    ids = Counter(m["Message-ID"] for m in parsed(smtp_server))
    assert max(ids.values()) == 1 and {s.row.message_id for s in sent} == set(ids)
    assert all(len(store.attempts(s.id)) == 1 for s in sent)
    again = run_pass(catalog, subscribed, store, smtp_server, composer)
    assert again.sent == again.told == 0 and len(smtp_server.handler.messages) == 2


def test_message_says_what_is_missing_with_the_headers_clients_need(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    run_pass(catalog, subscribed, ReminderStore(engine), smtp_server, composer)
    messages = parsed(smtp_server)
    (message,) = [m for m in messages if to(m) == OPS]
    assert message["To"].addresses[0].display_name == OPS_NAME  # about one store: named
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The one-click link is the address's: it ends every subscription of it.
    assert recipient_unsubscribe_url(BASE, MAIL.signer, OPS) in message["List-Unsubscribe"]
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "12月15日–25日" in text and "退订" in text and "<table" in html
    (english,) = [m for m in messages if to(m) == AGENCY]
    assert english["Content-Language"] == "en"
    # Links in the subscriber's language: the store's private feed, signed for the
    # subscription, and its dashboard page.
    subs = {s.email: s for s in subscribed.subscriptions()}
    ops_feed = MAIL.signer.feed_token(subs[OPS].id, 0)
    assert f'href="{BASE}/stores/{OPS_STORE}"' in html
    assert f'href="{BASE}/feeds/{ops_feed}.ics"' in html and "含本店的报名资格" in html
    english_html = english.get_body(("html",)).get_content()  # type: ignore[union-attr]
    agency_feed = MAIL.signer.feed_token(subs[AGENCY].id, 0)
    assert f'href="{BASE}/stores/{AGENCY_STORE}?lang=en"' in english_html
    assert f'href="{BASE}/feeds/{agency_feed}.ics?lang=en"' in english_html
    assert f'href="webcal://calendar.example.com/feeds/{agency_feed}.ics?lang=en"' in english_html
    assert f'href="{BASE}/?lang=en"' in english_html


def test_an_address_watching_three_stores_gets_one_message_about_all_three(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    for store_id in (AGENCY_STORE, THIRD_STORE):
        subscribed.subscribe(store_id, OPS, "zh-CN", now=SAMPLE_CAPTURED)
    store = ReminderStore(engine)
    report = run_pass(catalog, subscribed, store, smtp_server, composer)
    assert report.sent == 2
    (message,) = [m for m in parsed(smtp_server) if to(m) == OPS]
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert all(name in text for name in (OPS_NAME, AGENCY_NAME, THIRD_NAME))
    assert message["To"].addresses[0].display_name == ""  # no one store to name
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "/feeds/" not in html  # a private feed is one store's: only in a one-store message
    sent = of_address(subscribed, with_status(due(store), ReminderStatus.SENT), OPS)
    assert len({s.row.subscription_id for s in sent}) == 3
    assert {s.row.message_id for s in sent} == {message["Message-ID"]}
    assert run_pass(catalog, subscribed, store, smtp_server, composer).sent == 0


def test_a_second_message_the_same_day_waits_for_the_next_working_morning(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    store = ReminderStore(engine)
    morning = dt.datetime(2026, 12, 15, 9, 0, tzinfo=CST)  # a Tuesday
    assert run_pass(catalog, subscribed, store, smtp_server, composer, now=morning).sent == 2
    subscribed.subscribe(THIRD_STORE, OPS, "zh-CN", now=morning + dt.timedelta(hours=2))
    afternoon = morning + dt.timedelta(hours=6)
    later = run_pass(catalog, subscribed, store, smtp_server, composer, now=afternoon)
    assert later.sent == 0 and len(smtp_server.handler.messages) == 2
    third = next(s for s in subscribed.subscriptions(THIRD_STORE) if s.email == OPS)
    waiting = [s for s in store.all() if s.row.subscription_id == third.id]
    wednesday = dt.datetime(2026, 12, 16, 9, 0, tzinfo=CST)
    moved = [s for s in waiting if s.row.due_at == wednesday]
    assert later.deferred == len(moved) > 0
    assert all(s.row.status is ReminderStatus.PENDING for s in moved)
    after = run_pass(catalog, subscribed, store, smtp_server, composer, now=wednesday)
    assert after.sent == 1 and after.told + after.suppressed == len(moved)
    (message,) = parsed(smtp_server)[2:]
    assert to(message) == OPS and THIRD_NAME in str(message["To"])
    settled = {s.id: s.row for s in store.all() if s.row.subscription_id == third.id}
    assert {settled[s.id].status for s in moved} <= {ReminderStatus.SENT, ReminderStatus.SUPPRESSED}
    ids = {r.message_id for r in settled.values() if r.status is ReminderStatus.SENT}
    assert ids == {message["Message-ID"]}
    assert max(per_recipient_day(parsed(smtp_server)).values()) == 1


def test_invitation_only_activities_are_told_only_as_signals(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    """Nobody signs up for monthly-sales or monthly-core-promotion: no opening or deadline
    reminders, only a line for a store that shows the invitation signals."""
    invited = {a.key for a in catalog.activities if a.invitation_only}
    assert {"monthly-sales", "monthly-core-promotion"} <= invited
    store = ReminderStore(engine)
    run_pass(catalog, subscribed, store, smtp_server, composer)
    theirs = [s for s in store.all() if s.row.activity in invited]
    assert theirs and {s.row.kind for s in theirs} == {INVITATION_SIGNAL}
    told = with_status(theirs, ReminderStatus.SENT)
    # Of the sample's two stores, only b2b-220001 shows the core promotion's signals.
    assert [(s.row.store_id, s.row.activity) for s in told] == [
        (AGENCY_STORE, "monthly-core-promotion")
    ]
    assert all(s.row.status is ReminderStatus.SUPPRESSED for s in theirs if s not in told)
    (english,) = [m for m in parsed(smtp_server) if to(m) == AGENCY]
    text = english.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Monthly core promotion" in text and "May be invited" in text
    assert "Monthly sales" not in text


def test_store_names_with_newlines_and_markup_never_break_a_message(
    catalog: Catalog,
    repository: Repository,
    engine: Engine,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    load_sample(PROJECT / "data" / "sample", repository, CST, SAMPLE_CAPTURED)
    evil = StoreSnapshot(
        "evil", SAMPLE_CAPTURED, name="坏店\r\nBcc: x@evil.example <script>alert(1)</script>🙂"
    )
    repository.add_snapshots([evil], [], "api", SAMPLE_CAPTURED)
    repository.subscribe("evil", OPS, "zh-CN", now=SAMPLE_CAPTURED)
    report = run_pass(catalog, repository, ReminderStore(engine), smtp_server, composer)
    assert report.sent == 1 and report.failed == 0
    (message,) = parsed(smtp_server)
    assert smtp_server.handler.messages[0].rcpt_tos == [OPS]
    assert "\n" not in str(message["To"]) and "Bcc" not in message
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "<script>" not in html


def test_remind_command_delivers_to_the_outbox_and_twice_sends_nothing(
    database_url: str, tmp_path: Path
) -> None:
    env = {"CALENDAR_DATABASE_URL": database_url, "CALENDAR_OUTBOX_DIR": str(tmp_path / "out")}
    sample = PROJECT / "data" / "sample"
    assert run_cli("import", str(sample / "stores.csv"), env=env).code == 0
    for store_id in (OPS_STORE, AGENCY_STORE):
        assert run_cli("subscribe", store_id, OPS, env=env).code == 0
    dry = run_cli("remind", "--now", "2026-12-15T10:00", "--dry-run", env=env)
    assert dry.code == 0 and "would go out" in dry.out and "monthly-benchmark:2027-01" in dry.out
    assert not (tmp_path / "out").exists()
    first = run_cli("remind", "--now", "2026-12-15T10:00", env=env)
    assert first.code == 0, first.err
    outbox = tmp_path / "out" / "new"
    assert len(list(outbox.iterdir())) == 1 and "sent 1 messages" in first.out  # two stores
    second = run_cli("remind", "--now", "2026-12-15T10:00", env=env)
    assert second.code == 0 and "sent 0 messages" in second.out
    assert len(list(outbox.iterdir())) == 1


def test_maildir_transport_gets_the_same_messages(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    tmp_path: Path,
    composer: ComposePool | None,
) -> None:
    store = ReminderStore(engine)
    plan(catalog, store, MONTHLY_SIGNUP_OPEN, CST)
    report = dispatch_at(catalog, subscribed, store, MaildirTransport(tmp_path), composer)
    assert report.sent == len(list((tmp_path / "new").iterdir())) == 2  # one per address
