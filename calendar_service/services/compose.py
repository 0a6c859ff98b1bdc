"""Use case part: a due reminder as an email, its store judged again from the latest data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.message import Message
from zoneinfo import ZoneInfo

from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.domain.eligibility import evaluate, evaluate_store
from calendar_service.domain.planning import DIGEST, STATUS_CHANGE
from calendar_service.domain.reminders import ReminderRow
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.subscriptions import Subscription
from calendar_service.mail.message import MailLinks, Rendered, build_message
from calendar_service.mail.render import render_digest, render_reminder, render_status_change
from calendar_service.services.eligibility import HISTORY, SnapshotReader, current_occurrences


@dataclass(frozen=True)
class MailSettings:
    sender: str
    base_url: str
    message_domain: str
    stale_after: dt.timedelta


def links(mail: MailSettings, subscription: Subscription, feed_url: str | None) -> MailLinks:
    token = subscription.unsubscribe_token
    return MailLinks(
        feed=feed_url,
        dashboard=f"{mail.base_url}/",
        unsubscribe=f"{mail.base_url}/unsubscribe/{token}",
        unsubscribe_mailto=f"mailto:unsubscribe@{mail.message_domain}?subject={token}",
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


class PassCache:
    """What one dispatch pass reads once: a store's data, an occurrence, at the pass's `now`."""

    def __init__(self, reader: SnapshotReader, now: dt.datetime) -> None:
        self._reader = reader
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
    mail_links = links(mail, subscription, f"{mail.base_url}/calendar.ics")
    locale = subscription.locale
    rendered: Rendered
    if row.kind == DIGEST:
        daily = cache.daily(catalog, tz)
        verdicts = evaluate_store(
            catalog, daily, store, products, history, now, mail.stale_after, store_id=row.store_id
        )
        rendered = render_digest(
            locale=locale,
            verdicts=[
                (catalog.activity(v.activity), o, v) for o, v in zip(daily, verdicts, strict=True)
            ],
            week_label=row.occurrence_key.removeprefix(f"{DIGEST}:"),
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
