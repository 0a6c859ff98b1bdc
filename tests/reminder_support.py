"""What the end-to-end reminder tests share: the mail settings, the sample's two subscribers,
a pass (plan and dispatch) composed in line or in a pool's worker, and what the SMTP server
received, read back per message and per recipient."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import random
from collections import Counter
from collections.abc import Iterator
from email.message import EmailMessage

import pytest

from calendar_service.adapters.db.reminder_store import ReminderStore, StoredReminder
from calendar_service.adapters.db.repository import Repository
from calendar_service.domain.catalog import Catalog
from calendar_service.domain.planning import DIGEST, STATUS_CHANGE
from calendar_service.domain.reminders import ReminderStatus
from calendar_service.mail.transport import SmtpTransport, Transport, parse_smtp_url
from calendar_service.services.compose import InlineComposer, MailSettings
from calendar_service.services.compose_pool import ComposePool
from calendar_service.services.compose_worker import WorkerSpec
from calendar_service.services.delivery import Channels
from calendar_service.services.dispatch import DispatchReport, dispatch
from calendar_service.services.planning import plan
from calendar_service.services.sample import load_sample
from calendar_service.services.signed_links import SignedLinks
from tests.cli import PROJECT
from tests.smtp_server import SmtpServer
from tests.times import CST, MONTHLY_SIGNUP_OPEN, SAMPLE_CAPTURED

LINKS_KEY = "unsubscribe links' key for the tests"
BASE = "https://calendar.example.com"
MAIL = MailSettings(
    "1688活动提醒 <reminders@calendar.example.com>",
    BASE,
    "calendar.example.com",
    dt.timedelta(days=30),
    SignedLinks(LINKS_KEY.encode()),
)
OPS, AGENCY = "ops@example.com", "agency@example.com"
# The stores of the sample the two subscribers watch, and their names.
OPS_STORE, AGENCY_STORE = "b2b-220011", "b2b-220001"
OPS_NAME, AGENCY_NAME = "深圳市锦源小家电有限公司", "温州市盛源服装有限公司"


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
    """The sample, ops@ watching one store in Chinese and agency@ another in English."""
    load_sample(PROJECT / "data" / "sample", repository, CST, SAMPLE_CAPTURED)
    repository.subscribe(OPS_STORE, OPS, "zh-CN", now=SAMPLE_CAPTURED)
    repository.subscribe(AGENCY_STORE, AGENCY, "en", now=SAMPLE_CAPTURED)
    return repository


def smtp(server: SmtpServer) -> SmtpTransport:
    return SmtpTransport(parse_smtp_url(server.url()))


def run_pass(
    catalog: Catalog,
    repository: Repository,
    store: ReminderStore,
    server: SmtpServer,
    composer: ComposePool | None,
    now: dt.datetime = MONTHLY_SIGNUP_OPEN,
) -> DispatchReport:
    """Plan at `now`, then a dispatch pass at `now` over SMTP to `server`."""
    plan(catalog, store, now, CST)
    return dispatch_at(catalog, repository, store, smtp(server), composer, now)


def dispatch_at(
    catalog: Catalog,
    repository: Repository,
    store: ReminderStore,
    transport: Transport,
    composer: ComposePool | None,
    now: dt.datetime = MONTHLY_SIGNUP_OPEN,
) -> DispatchReport:
    """A dispatch pass at `now` over `transport`, nothing planned first."""
    return dispatch(
        catalog,
        repository,
        store,
        Channels(transport),
        now,
        CST,
        MAIL,
        "test",
        random.Random(1),
        composer=composer,
    )


def parsed(server: SmtpServer) -> list[EmailMessage]:
    return [
        email.message_from_bytes(m.data, policy=email.policy.default)
        for m in server.handler.messages
    ]


def to(message: EmailMessage) -> str:
    return str(message["To"].addresses[0].addr_spec)


def per_recipient_day(messages: list[EmailMessage]) -> Counter[tuple[str, dt.date]]:
    """How many messages each address got on each local day (by the Date header)."""
    return Counter((to(m), m["Date"].datetime.astimezone(CST).date()) for m in messages)


def due(store: ReminderStore, now: dt.datetime = MONTHLY_SIGNUP_OPEN) -> list[StoredReminder]:
    """The reminders due at `now` (whatever became of them)."""
    return [s for s in store.all() if s.row.due_at <= now]


def of_address(
    repository: Repository, found: list[StoredReminder], address: str
) -> list[StoredReminder]:
    """Those of `found` for subscriptions of `address` (ended ones too)."""
    ids = {s.id for s in repository.subscriptions(active_only=False) if s.email == address}
    return [s for s in found if s.row.subscription_id in ids]


def with_status(found: list[StoredReminder], status: ReminderStatus) -> list[StoredReminder]:
    return [s for s in found if s.row.status is status]


Told = frozenset[tuple[str, str, str]]  # store, occurrence (or "digest"), kind


def carried(store: ReminderStore) -> dict[str, Told]:
    """The reminders each sent message carried, by message id, named as a preview's items."""
    found: dict[str, set[tuple[str, str, str]]] = {}
    for s in store.all():
        row = s.row
        if row.status is not ReminderStatus.SENT:
            continue
        occurrence = row.occurrence_key
        if row.kind == DIGEST:
            occurrence = "digest"
        elif row.kind == STATUS_CHANGE:
            occurrence = ":".join(occurrence.split(":")[:2])
        found.setdefault(row.message_id or "", set()).add((row.store_id, occurrence, row.kind))
    return {mid: frozenset(told) for mid, told in found.items()}
