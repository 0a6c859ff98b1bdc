"""Use case part: a due reminder as an email, its store judged again from the latest data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from email.message import Message
from typing import Literal, Protocol
from urllib.parse import quote
from zoneinfo import ZoneInfo

from calendar_service.adapters.workdays import HOLIDAYS
from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.domain.eligibility import evaluate, evaluate_store
from calendar_service.domain.formatting import is_zh
from calendar_service.domain.planning import DIGEST, STATUS_CHANGE
from calendar_service.domain.reminders import ReminderRow
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.subscriptions import Subscription
from calendar_service.mail.message import (
    AddressError,
    CalendarLinks,
    MailLinks,
    Rendered,
    build_message,
)
from calendar_service.mail.render import (
    RenderError,
    render_digest,
    render_reminder,
    render_status_change,
)
from calendar_service.mail.transport import Outgoing
from calendar_service.services.eligibility import HISTORY, SnapshotReader, current_occurrences
from calendar_service.services.feed_links import feed_links
from calendar_service.services.signed_links import SignedLinks
from calendar_service.settings import Settings


@dataclass(frozen=True)
class MailSettings:
    sender: str
    base_url: str
    message_domain: str
    stale_after: dt.timedelta
    signer: SignedLinks


def mail_settings(settings: Settings, signer: SignedLinks) -> MailSettings:
    return MailSettings(
        settings.sender,
        settings.base_url,
        settings.message_domain,
        dt.timedelta(days=settings.stale_after_days),
        signer,
    )


class MailReader(SnapshotReader, Protocol):
    """What composing reads: the store's data, and the generation its feed links are signed
    with."""

    def feed_generation(self, store_id: str) -> int: ...


def links(mail: MailSettings, subscription: Subscription, feed_generation: int) -> MailLinks:
    """The links of a subscriber's mail, each in the subscriber's language: the store's
    private feed (signed: ends with the subscription, or when the store's feed URLs are
    revoked), its dashboard page, and the one-click unsubscribe."""
    token = mail.signer.unsubscribe_token(subscription.id)
    lang = "zh" if is_zh(subscription.locale) else "en"
    found = feed_links(
        mail.base_url, mail.signer.feed_token(subscription.id, feed_generation), lang
    )
    query = "" if lang == "zh" else "?lang=en"
    return MailLinks(
        calendar=CalendarLinks(found.https, found.webcal, found.google),
        store_page=f"{mail.base_url}/stores/{quote(subscription.store_id, safe='')}{query}",
        dashboard=f"{mail.base_url}/{query}",
        unsubscribe=f"{mail.base_url}/unsubscribe/{token}",
    )


def find_occurrence(catalog: Catalog, key: str, tz: ZoneInfo, around: dt.datetime) -> Occurrence:
    """The occurrence with this key (the daily series: the one running at `around`)."""
    activity = catalog.activity(key.split(":", 1)[0])
    day = around.astimezone(tz).date()
    if activity.cycle is Cycle.DAILY:
        return occurrences(catalog, day, day + dt.timedelta(days=7), tz, Cycle.DAILY)[
            [a.key for a in catalog.in_cycle(Cycle.DAILY)].index(activity.key)
        ]
    start, end = day - dt.timedelta(days=400), day + dt.timedelta(days=400)
    for occ in occurrences(catalog, start, end, tz, activity.cycle):
        if occ.key == key:
            return occ
    raise LookupError(f"no occurrence {key!r} within a year of {day}")


def week_start(digest_key: str) -> dt.date:
    """The Monday of a digest's ISO week ("digest:2026-W51" → 2026-12-14); ValueError if none."""
    year, _, week = digest_key.removeprefix(f"{DIGEST}:").partition("-W")
    return dt.date.fromisocalendar(int(year), int(week), 1)


class PassCache:
    """What one dispatch pass reads once: a store's data, an occurrence, at the pass's `now`."""

    def __init__(self, reader: MailReader, now: dt.datetime) -> None:
        self._reader = reader
        self._generations: dict[str, int] = {}
        self._now = now
        self._stores: dict[str, StoreData] = {}
        self.occurrences: dict[str, Occurrence] = {}
        self._daily: list[Occurrence] | None = None

    def store(self, store_id: str) -> StoreData:
        found = self._stores.get(store_id)
        if found is None:
            now, reader = self._now, self._reader
            found = self._stores[store_id] = (
                reader.latest_store_snapshot(store_id, now),
                reader.store_history(store_id, until=now, since=now - HISTORY),
                reader.latest_product_snapshots(store_id, now),
            )
        return found

    def feed_generation(self, store_id: str) -> int:
        found = self._generations.get(store_id)
        if found is None:
            found = self._generations[store_id] = self._reader.feed_generation(store_id)
        return found

    def daily(self, catalog: Catalog, tz: ZoneInfo) -> list[Occurrence]:
        """The daily activities' occurrences running at the pass's `now` (for digests)."""
        if self._daily is None:
            now = self._now
            self._daily = [
                o for o in current_occurrences(catalog, now, tz) if o.cycle is Cycle.DAILY
            ]
        return self._daily


StoreData = tuple[StoreSnapshot | None, list[StoreSnapshot], list[ProductSnapshot]]


def compose(
    catalog: Catalog,
    cache: PassCache,
    row: ReminderRow,
    subscription: Subscription,
    now: dt.datetime,
    tz: ZoneInfo,
    mail: MailSettings,
    previous_status: str | None = None,
) -> Message:
    """The message for a due reminder; raises RenderError or LookupError when it cannot be."""
    store, history, products = cache.store(row.store_id)
    name = store.name if store else None
    mail_links = links(mail, subscription, cache.feed_generation(subscription.store_id))
    locale = subscription.locale
    rendered: Rendered
    if row.kind == DIGEST:
        daily = cache.daily(catalog, tz)
        verdicts = evaluate_store(
            catalog,
            daily,
            store,
            products,
            history,
            now,
            mail.stale_after,
            store_id=row.store_id,
            holidays=HOLIDAYS,
        )
        rendered = render_digest(
            locale=locale,
            verdicts=[
                (catalog.activity(v.activity), o, v) for o, v in zip(daily, verdicts, strict=True)
            ],
            week_start=week_start(row.occurrence_key),
            now=now,
            tz=tz,
            links=mail_links,
            store_name=name,
            store_id=row.store_id,
        )
    else:
        key = row.occurrence_key
        if row.kind == STATUS_CHANGE:
            key = ":".join(key.split(":")[:2])  # activity:daily:day:status → the series
        occ = cache.occurrences.get(key) or cache.occurrences.setdefault(
            key, find_occurrence(catalog, key, tz, now)
        )
        activity = catalog.activity(row.activity)
        verdict = evaluate(
            catalog,
            row.activity,
            occ,
            store,
            products,
            history,
            now,
            mail.stale_after,
            store_id=row.store_id,
            holidays=HOLIDAYS,
        )
        if row.kind == STATUS_CHANGE:
            rendered = render_status_change(
                locale=locale,
                activity=activity,
                occurrence=occ,
                verdict=verdict,
                previous=previous_status or "unknown",  # type: ignore[arg-type]
                now=now,
                tz=tz,
                links=mail_links,
                store_name=name,
                store_id=row.store_id,
            )
        else:
            rendered = render_reminder(
                kind=row.kind,
                locale=locale,
                activity=activity,
                occurrence=occ,
                verdict=verdict,
                now=now,
                tz=tz,
                links=mail_links,
                store_name=name,
                store_id=row.store_id,
            )
    return build_message(
        sender=mail.sender,
        subscription=subscription,
        store_name=name,
        reminder=row,
        rendered=rendered,
        links=mail_links,
        message_domain=mail.message_domain,
        date=now,
    )


@dataclass(frozen=True)
class ComposeJob:
    """A claimed reminder to write, with all a composer needs (a worker process gets a copy)."""

    reminder_id: int
    row: ReminderRow
    subscription: Subscription
    now: dt.datetime  # the pass's time: the store is judged and the Date header set at it

    @property
    def previous_status(self) -> str | None:
        """A status change's status before it (the row's key names the one after)."""
        if self.row.kind != STATUS_CHANGE:
            return None
        return "ineligible" if self.row.occurrence_key.endswith(":eligible") else "eligible"


@dataclass(frozen=True)
class Composed:
    """The message for a job, or why there is none: the subscriber's address cannot go into a
    header, or the reminder cannot be written (a template or catalog error)."""

    message: Outgoing | None
    problem: Literal["address-error", "render-error"] | None = None
    detail: str = ""


class Composer(Protocol):
    """Writes claimed reminders; `compose_all` pulls jobs lazily and may yield out of order."""

    def compose_all(self, jobs: Iterable[ComposeJob]) -> Iterator[tuple[ComposeJob, Composed]]: ...

    def close(self) -> None: ...


class InlineComposer:
    """Composes in the calling thread; what a store's data is read once per pass (`now`)."""

    def __init__(
        self, catalog: Catalog, reader: MailReader, tz: ZoneInfo, mail: MailSettings
    ) -> None:
        self._catalog = catalog
        self._reader = reader
        self._tz = tz
        self._mail = mail
        self._cache: PassCache | None = None
        self._cache_at: dt.datetime | None = None

    def compose_one(self, job: ComposeJob) -> Composed:
        if self._cache is None or self._cache_at != job.now:
            self._cache, self._cache_at = PassCache(self._reader, job.now), job.now
        try:
            message = compose(
                self._catalog,
                self._cache,
                job.row,
                job.subscription,
                job.now,
                self._tz,
                self._mail,
                job.previous_status,
            )
            return Composed(Outgoing.of(message))
        except AddressError as error:  # the subscriber's: the sender's is checked at start-up
            return Composed(None, "address-error", str(error))
        # A template or catalog error, or text no header or body can carry: this reminder fails
        # alone instead of stopping every pass at it.
        except (RenderError, LookupError, ValueError) as error:
            return Composed(None, "render-error", str(error))

    def compose_all(self, jobs: Iterable[ComposeJob]) -> Iterator[tuple[ComposeJob, Composed]]:
        for job in jobs:
            yield job, self.compose_one(job)

    def close(self) -> None:
        self._cache = self._cache_at = None
