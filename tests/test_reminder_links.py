"""The links of a sent message, followed in the web app: the one-click unsubscribe ends every
subscription of the address (and no other address's), a store's own unsubscribe link ends that
one, and the private feed link (in a message about one store) serves the store until revoked.
On SQLite and PostgreSQL, composed in line and in a worker (test_reminders.py)."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from calendar_service.adapters.db.reminder_store import ReminderStore
from calendar_service.adapters.db.repository import Repository
from calendar_service.bootstrap import Container
from calendar_service.domain.catalog import Catalog
from calendar_service.domain.reminders import ReminderStatus
from calendar_service.entrypoints.web import create_app
from calendar_service.services.compose_pool import ComposePool
from calendar_service.services.planning import plan
from calendar_service.settings import load_settings
from tests.reminder_support import (
    AGENCY,
    LINKS_KEY,
    MAIL,
    OPS,
    OPS_NAME,
    OPS_STORE,
    composer,
    dispatch_at,
    due,
    of_address,
    parsed,
    run_pass,
    smtp,
    subscribed,
    to,
    with_status,
)
from tests.smtp_server import SmtpServer, smtp_server
from tests.times import CST, MONTHLY_SIGNUP_OPEN, SAMPLE_CAPTURED

FIXTURES = (smtp_server, composer, subscribed)  # used by name below
THIRD_STORE, THIRD_NAME = "b2b-220003", "佛山华美玩具有限公司"


def _web(database_url: str, **settings: Any) -> TestClient:
    """The web app on the database, with the key the mails' links were signed with."""
    found = load_settings(database_url=database_url, secret_key=LINKS_KEY, **settings)
    return TestClient(create_app(Container(found), lambda: MONTHLY_SIGNUP_OPEN))


def test_a_store_link_ends_that_store_and_get_never_unsubscribes(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    database_url: str,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    """A subscription's own link (a store's page, a 0.1.0 mail) ends that subscription: the
    address still gets its message, about its other store only."""
    subscribed.subscribe(THIRD_STORE, OPS, "zh-CN", now=SAMPLE_CAPTURED)
    store = ReminderStore(engine)
    plan(catalog, store, MONTHLY_SIGNUP_OPEN, CST)
    ops = next(s for s in subscribed.subscriptions(OPS_STORE) if s.email == OPS)
    client = _web(database_url)
    token = MAIL.signer.unsubscribe_token(ops.id)
    page = client.get(f"/unsubscribe/{token}")
    assert page.status_code == 200 and '<form method="post"' in page.text
    assert ops.id in {s.id for s in subscribed.subscriptions()}  # still there
    for _ in range(2):  # one click, and again harmlessly
        done = client.post(f"/unsubscribe/{token}", data={"List-Unsubscribe": "One-Click"})
        assert done.status_code == 200 and "已退订" in done.text
    assert client.post("/unsubscribe/nope").status_code == 404
    assert {s.store_id for s in subscribed.subscriptions_of(OPS)} == {THIRD_STORE}
    report = dispatch_at(catalog, subscribed, store, smtp(smtp_server), composer)
    assert report.sent == 2 and report.suppressed > 0
    (message,) = [m for m in parsed(smtp_server) if to(m) == OPS]
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert THIRD_NAME in text and OPS_NAME not in text
    ended = [s for s in due(store) if s.row.subscription_id == ops.id]
    assert ended and all(s.row.status is ReminderStatus.SUPPRESSED for s in ended)


def test_the_one_click_link_in_a_sent_mail_ends_every_store_of_the_address_and_no_other(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    database_url: str,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    subscribed.subscribe(THIRD_STORE, OPS, "zh-CN", now=SAMPLE_CAPTURED)
    subscribed.subscribe(OPS_STORE, AGENCY, "en", now=SAMPLE_CAPTURED)  # a store both watch
    store = ReminderStore(engine)
    run_pass(catalog, subscribed, store, smtp_server, composer)
    (mail,) = [m for m in parsed(smtp_server) if to(m) == OPS]
    link = re.search(
        r"<https://calendar\.example\.com(/unsubscribe/[^>]+)>", mail["List-Unsubscribe"]
    )
    assert link is not None
    client = _web(database_url)
    forged = link[1][:-1] + ("A" if link[1][-1] != "A" else "B")
    assert client.post(forged).status_code == 404
    assert len(subscribed.subscriptions_of(OPS)) == 2
    assert client.post(link[1]).status_code == 200
    assert subscribed.subscriptions_of(OPS) == []
    assert len(subscribed.subscriptions_of(AGENCY)) == 2  # the same store, another address
    friday = MONTHLY_SIGNUP_OPEN.replace(day=18)  # the monthly deadlines' reminders are due
    later = run_pass(catalog, subscribed, store, smtp_server, composer, now=friday)
    assert later.sent == 1 and [to(m) for m in parsed(smtp_server)[2:]] == [AGENCY]
    theirs = of_address(subscribed, due(store, friday), OPS)
    assert not with_status(theirs, ReminderStatus.PENDING)


def test_the_feed_link_in_a_sent_mail_serves_the_store_until_revoked(
    catalog: Catalog,
    subscribed: Repository,
    engine: Engine,
    database_url: str,
    smtp_server: SmtpServer,
    composer: ComposePool | None,
) -> None:
    run_pass(catalog, subscribed, ReminderStore(engine), smtp_server, composer)
    (mail,) = [m for m in parsed(smtp_server) if to(m) == OPS]
    html = mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    link = re.search(r'href="https://calendar\.example\.com(/feeds/[^"]+\.ics)"', html)
    assert link is not None
    client = _web(database_url, feed_revalidate_seconds=0)
    feed = client.get(link[1])
    assert feed.status_code == 200 and feed.headers["cache-control"].startswith("private")
    assert OPS_NAME in feed.text  # the store of ops's mail
    subscribed.revoke_feed_tokens(OPS_STORE, MONTHLY_SIGNUP_OPEN)
    assert client.get(link[1]).status_code == 404  # revoking the store's URLs ends it too
    forged = link[1].replace("/feeds/", "/feeds/9")
    assert client.get(forged).status_code == 404
