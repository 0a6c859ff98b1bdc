"""With the same data, what reminder passes send over a month is exactly what `preview` listed
beforehand: the same messages (recipient, day and time, subject) carrying the same items.

Passes run as `remind` runs them (plan, watch, dispatch) every morning of January 2027, sending
to a real SMTP server; on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import random
from collections.abc import Callable

from sqlalchemy import Engine

from calendar_service.adapters.db.reminder_store import ReminderStore
from calendar_service.adapters.db.repository import Repository
from calendar_service.adapters.workdays import ChineseWorkdays
from calendar_service.domain.catalog import Catalog
from calendar_service.domain.planning import DIGEST, SendDays
from calendar_service.mail.transport import SmtpTransport, parse_smtp_url
from calendar_service.services.compose import InlineComposer
from calendar_service.services.delivery import Channels
from calendar_service.services.dispatch import run_dispatch
from calendar_service.services.planning import plan
from calendar_service.services.preview import Preview
from calendar_service.services.status_watch import watch_daily_statuses
from tests.reminder_support import Told, carried
from tests.reminder_volume_support import (
    AGENCY,
    SELLER,
    STALE_AFTER,
    agency_and_seller,
    mail_settings,
    preview_days,
)
from tests.smtp_server import SmtpServer, smtp_server
from tests.times import CST

FIXTURES = (smtp_server,)  # used by name below
START = dt.datetime(2026, 12, 31, 8, tzinfo=CST)
FIRST, LAST = dt.date(2027, 1, 1), dt.date(2027, 1, 31)

Message = tuple[str, str, str]  # recipient, local send time, subject


def test_a_month_sent_is_the_month_previewed(
    catalog: Catalog, repository: Repository, engine: Engine, smtp_server: SmtpServer
) -> None:
    agency_and_seller(repository)
    store = ReminderStore(engine)
    previewed = preview_days(catalog, repository, store, START, FIRST, LAST)
    assert {p.recipient for p in previewed} == {AGENCY, SELLER}
    assert store.all() == []  # the preview wrote nothing

    composer = InlineComposer(catalog, repository, CST, mail_settings())
    workdays = ChineseWorkdays()
    day = FIRST
    times = [START]
    while day <= LAST:
        times.append(dt.datetime.combine(day, dt.time(9), tzinfo=CST))
        day += dt.timedelta(days=1)
    for now in times:  # what `remind --now` does, each morning
        clock = _clock(now)
        plan(catalog, store, now, CST, workdays=workdays)
        watch_daily_statuses(catalog, repository, store, now, CST, workdays, STALE_AFTER)
        with Channels(SmtpTransport(parse_smtp_url(smtp_server.url()))) as transport:
            run_dispatch(
                repository,
                store,
                transport,
                composer,
                clock,
                "test",
                random.Random(1),
                SendDays(CST, workdays),
            )

    received = _received(smtp_server)  # by Message-ID
    expected = [p for p in previewed if p.send_at.date() >= FIRST]
    assert sorted(received.values()) == sorted(_message(p) for p in expected)
    sent = carried(store)
    by_message = {m: sent[mid] for mid, m in received.items()}
    for p in expected:
        assert by_message[_message(p)] == _items(p), _message(p)


def _clock(now: dt.datetime) -> Callable[[], dt.datetime]:
    return lambda: now


def _message(p: Preview) -> Message:
    return p.recipient, f"{p.send_at.astimezone(CST):%Y-%m-%d %H:%M}", p.subject


def _items(p: Preview) -> Told:
    return frozenset(
        (i.store_id, "digest" if i.kind == DIGEST else i.occurrence, i.kind) for i in p.items
    )


def _received(server: SmtpServer) -> dict[str, Message]:
    found = {}
    for m in server.handler.messages:
        parsed = email.message_from_bytes(m.data, policy=email.policy.default)
        when = parsed["Date"].datetime.astimezone(CST)
        if when.date() >= FIRST:
            mid = str(parsed["Message-ID"])
            assert mid not in found  # nothing sent twice
            found[mid] = (m.rcpt_tos[0], f"{when:%Y-%m-%d %H:%M}", str(parsed["Subject"]))
    return found
