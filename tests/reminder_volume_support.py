"""What the volume and preview tests share: the sample data with an agency watching every store
and a seller watching one, the mail settings, and the preview over a range of days."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

from calendar_service.adapters.db.reminder_store import ReminderStore
from calendar_service.adapters.db.repository import Repository
from calendar_service.adapters.workdays import ChineseWorkdays
from calendar_service.domain.catalog import Catalog
from calendar_service.services.compose import (
    Composed,
    ComposeJob,
    InlineComposer,
    MailReader,
    MailSettings,
)
from calendar_service.services.preview import Preview, preview
from calendar_service.services.sample import load_sample
from calendar_service.services.signed_links import SignedLinks
from tests.cli import PROJECT
from tests.times import CST, SAMPLE_CAPTURED

AGENCY, SELLER = "agency@example.com", "seller@example.com"
SELLERS_STORE = "b2b-220001"
STALE_AFTER = dt.timedelta(days=30)
MAIL_KEY = b"the volume tests' key for mail links"


def mail_settings() -> MailSettings:
    return MailSettings(
        "1688活动提醒 <reminders@calendar.example.com>",
        "https://calendar.example.com",
        "calendar.example.com",
        STALE_AFTER,
        SignedLinks(MAIL_KEY),
    )


def agency_and_seller(repository: Repository) -> list[str]:
    """The sample's stores, every one watched by the agency, one by a seller; the store ids."""
    load_sample(PROJECT / "data" / "sample", repository, CST, SAMPLE_CAPTURED)
    stores = sorted(repository.latest_store_snapshots(SAMPLE_CAPTURED))
    for store_id in stores:
        repository.subscribe(store_id, AGENCY, "zh-CN", now=SAMPLE_CAPTURED)
    repository.subscribe(SELLERS_STORE, SELLER, "zh-CN", now=SAMPLE_CAPTURED)
    return stores


def composer_for(catalog: Catalog) -> Callable[[MailReader], Callable[[ComposeJob], Composed]]:
    mail = mail_settings()

    def make(reader: MailReader) -> Callable[[ComposeJob], Composed]:
        return InlineComposer(catalog, reader, CST, mail).compose_one

    return make


def preview_days(
    catalog: Catalog,
    repository: Repository,
    store: ReminderStore,
    now: dt.datetime,
    start: dt.date,
    end: dt.date,
    recipient: str | None = None,
) -> list[Preview]:
    return preview(
        catalog,
        repository,
        store,
        composer_for(catalog),
        now,
        CST,
        start,
        end,
        STALE_AFTER,
        ChineseWorkdays(),
        recipient=recipient,
    )


def per_day(found: list[Preview], recipient: str) -> Counter[dt.date]:
    return Counter(p.send_at.astimezone(CST).date() for p in found if p.recipient == recipient)


def per_month(found: list[Preview], recipient: str) -> Counter[str]:
    return Counter(f"{p.send_at.astimezone(CST):%Y-%m}" for p in found if p.recipient == recipient)
