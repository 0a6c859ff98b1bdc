"""Use case: the messages reminder passes would send over a range of days, from today's data,
writing nothing.

It runs what a pass runs, in memory: plan (`domain.planning`), notice status changes
(`status_watch.notice`), claim an address's due reminders with the one-message-a-day rule, and
compose each message with the dispatcher's composer (the same judging, the same choice of what
is worth telling, the same subject). Passes are taken at 09:00 of every day in the range (and
at `now`, when the range starts today), as the daemon's dispatcher would send: with the same
data, what `remind` sends at those times is what the preview lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from typing import Protocol
from zoneinfo import ZoneInfo

from calendar_service.adapters.db.reminder_store import StoredReminder
from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.cycles import occurrences
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.planning import SendDays, WorkdayCalendar, at_nine, plan_reminders
from calendar_service.domain.reminders import ReminderRow
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.subscriptions import Subscription
from calendar_service.services.compose import Composed, ComposeJob, Item, MailReader
from calendar_service.services.eligibility import HISTORY, current_occurrences
from calendar_service.services.planning import HORIZON, dates_to_plan
from calendar_service.services.status_watch import StoresData, notice


@dataclass(frozen=True)
class Preview:
    """One message a pass would send."""

    recipient: str
    send_at: dt.datetime
    subject: str
    items: tuple[Item, ...]

    def as_json(self) -> dict[str, object]:
        return {
            "recipient": self.recipient,
            "send_at": self.send_at.isoformat(),
            "subject": self.subject,
            "items": [i.as_json() for i in self.items],
        }


class PreviewReader(MailReader, Protocol):
    """What the preview reads: the subscriptions and the stores' data."""

    def subscriptions(
        self, store_id: str | None = None, active_only: bool = True
    ) -> list[Subscription]: ...


class PreviewQueue(Protocol):
    """What the preview reads of the reminders: what is planned, told and sent already."""

    def pending(self, until: dt.datetime, limit: int = 200) -> list[tuple[StoredReminder, str]]: ...

    def keys(self, keys: Collection[str]) -> set[str]: ...

    def told_of(self, rows: Iterable[ReminderRow]) -> dict[str, str]: ...

    def sent_days(self, since: dt.datetime) -> dict[str, list[dt.datetime]]: ...

    def daily_statuses_of(self, store_ids: Collection[str]) -> dict[str, dict[str, str]]: ...


class _Frozen:
    """The stores' data as every pass of a preview reads it: read once, at `now`, when nothing
    in the database is dated after it (then any later pass reads the same latest snapshots;
    its history is the same list cut at its own start). Otherwise read afresh each time."""

    def __init__(
        self, reader: PreviewReader, stores: list[str], now: dt.datetime, first: dt.datetime
    ) -> None:
        self._reader = reader
        self._now = now
        far = now + dt.timedelta(days=36_500)
        snapshots = reader.latest_store_snapshots(now, stores)
        products = reader.latest_products_of(stores, now)
        self.fixed = snapshots == reader.latest_store_snapshots(far, stores) and products == (
            reader.latest_products_of(stores, far)
        )
        self._snapshots, self._products = snapshots, products
        self._histories = reader.store_histories(stores, until=now, since=first - HISTORY)

    def latest_store_snapshots(
        self, as_of: dt.datetime, store_ids: Collection[str] | None = None
    ) -> dict[str, StoreSnapshot]:
        if not self.fixed or as_of < self._now:
            return self._reader.latest_store_snapshots(as_of, store_ids)
        return {s: self._snapshots[s] for s in store_ids or () if s in self._snapshots}

    def store_histories(
        self, store_ids: Collection[str], until: dt.datetime, since: dt.datetime | None = None
    ) -> dict[str, list[StoreSnapshot]]:
        if not self.fixed or until < self._now:
            return self._reader.store_histories(store_ids, until, since)
        found = {}
        for s in store_ids:
            kept = [
                h for h in self._histories.get(s, []) if since is None or h.captured_at >= since
            ]
            if kept:
                found[s] = kept
        return found

    def latest_products_of(
        self, store_ids: Collection[str] | None, as_of: dt.datetime
    ) -> dict[str, list[ProductSnapshot]]:
        if not self.fixed or as_of < self._now:
            return self._reader.latest_products_of(store_ids, as_of)
        return {s: self._products[s] for s in store_ids or () if s in self._products}

    def feed_generation(self, store_id: str) -> int:
        return self._reader.feed_generation(store_id)


def pass_times(now: dt.datetime, start: dt.date, end: dt.date, tz: ZoneInfo) -> list[dt.datetime]:
    """`now` when the range starts by today, then 09:00 of each day of [start, end] after it."""
    today = now.astimezone(tz).date()
    times = [now] if start <= today <= end else []
    day = start
    while day <= end:
        at = at_nine(day, tz)
        if at > now:
            times.append(at)
        day += dt.timedelta(days=1)
    return times


def preview(
    catalog: Catalog,
    reader: PreviewReader,
    queue: PreviewQueue,
    composer_for: Callable[[MailReader], Callable[[ComposeJob], Composed]],
    now: dt.datetime,
    tz: ZoneInfo,
    start: dt.date,
    end: dt.date,
    stale_after: dt.timedelta,
    workdays: WorkdayCalendar,
    *,
    recipient: str | None = None,
) -> list[Preview]:
    """Every message passes from `now` would send from `start` to `end` (local days), for
    every recipient or one; in the order they would go."""
    subs = [s for s in reader.subscriptions() if recipient in (None, s.email)]
    by_id = {s.id: s for s in subs}
    days = SendDays(tz, workdays)
    pending: dict[str, ReminderRow] = {
        s.row.key: s.row
        for s, email in queue.pending(at_nine(end, tz) + dt.timedelta(seconds=1), 1_000_000)
        if s.row.subscription_id in by_id
    }
    seen = set(pending)  # keys planned (in the database or here)
    told: Told = {}
    sent_on = {
        email: {t.astimezone(tz).date() for t in times}
        for email, times in queue.sent_days(days.day_start(now)).items()
    }
    stores = sorted({s.store_id for s in subs})
    statuses = queue.daily_statuses_of(stores)
    times = pass_times(now, start, end, tz)
    frozen = _Frozen(reader, stores, now, times[0] if times else now)
    compose = composer_for(frozen)
    evaluator = Evaluator()  # the watch's plans and memos, for every pass
    found: list[Preview] = []
    for at in times:
        new = [r for r in _planned(catalog, subs, at, tz, workdays) if r.key not in seen]
        new += _noticed(
            catalog, frozen, subs, stores, statuses, at, tz, workdays, stale_after, evaluator
        )
        new = [r for r in new if r.key not in seen]
        known = queue.keys([r.key for r in new]) if new else set()
        for row in new:
            seen.add(row.key)
            if row.key not in known:
                pending[row.key] = row
        unknown = [r for r in pending.values() if _pair(r) not in told]
        looked_up = queue.told_of(unknown)
        told.update({_pair(r): looked_up[r.key] for r in unknown if r.key in looked_up})
        found += _send(pending, by_id, told, sent_on, compose, at, days)
    return [f for f in found if start <= f.send_at.astimezone(tz).date() <= end]


def _planned(
    catalog: Catalog,
    subs: list[Subscription],
    at: dt.datetime,
    tz: ZoneInfo,
    workdays: WorkdayCalendar,
) -> list[ReminderRow]:
    until = at + HORIZON
    found = occurrences(catalog, *dates_to_plan(at, until, tz), tz)
    return list(plan_reminders(catalog, subs, found, at, until, tz, workdays).rows)


def _noticed(
    catalog: Catalog,
    reader: MailReader,
    subs: list[Subscription],
    stores: list[str],
    statuses: dict[str, dict[str, str]],
    at: dt.datetime,
    tz: ZoneInfo,
    workdays: WorkdayCalendar,
    stale_after: dt.timedelta,
    evaluator: Evaluator,
) -> list[ReminderRow]:
    """The status watch at `at`, its memory kept in `statuses`."""
    if not stores:
        return []
    daily = [o for o in current_occurrences(catalog, at, tz) if o.cycle is Cycle.DAILY]
    by_store: dict[str, list[Subscription]] = {}
    for sub in subs:
        by_store.setdefault(sub.store_id, []).append(sub)
    data = StoresData(
        reader.latest_store_snapshots(at, stores),
        reader.store_histories(stores, until=at, since=at - HISTORY),
        reader.latest_products_of(stores, at),
    )
    rows, kept = notice(
        catalog, daily, by_store, data, statuses, at, tz, workdays, stale_after, evaluator
    )
    statuses.update(kept)
    return rows


Told = dict[tuple[int, str], str]  # what was told, by subscription and occurrence


def _pair(row: ReminderRow) -> tuple[int, str]:
    return row.subscription_id, row.occurrence_key


def _send(
    pending: dict[str, ReminderRow],
    by_id: dict[int, Subscription],
    told: Told,
    sent_on: dict[str, set[dt.date]],
    compose: Callable[[ComposeJob], Composed],
    at: dt.datetime,
    days: SendDays,
) -> list[Preview]:
    """One dispatch pass at `at`, as `run_dispatch` and the queue's claim make it."""
    due: dict[str, list[ReminderRow]] = {}
    for row in sorted(pending.values(), key=lambda r: r.key):
        if row.due_at <= at:
            due.setdefault(by_id[row.subscription_id].email, []).append(row)
    today = at.astimezone(days.tz).date()
    morning = days.next_morning(at)
    found: list[Preview] = []
    for email, rows in sorted(due.items()):
        if today in sent_on.get(email, set()):  # its message went today: the next morning
            for row in rows:
                del pending[row.key]
                if row.deadline_at > morning:
                    pending[row.key] = replace(row, due_at=morning)
            continue
        live = []
        for row in rows:
            del pending[row.key]
            if row.deadline_at > at:
                live.append(row)
        if not live:
            continue
        job = ComposeJob(
            email,
            tuple((i, row) for i, row in enumerate(live)),
            {r.subscription_id: by_id[r.subscription_id] for r in live},
            {r.key: told[_pair(r)] for r in live if _pair(r) in told},
            at,
        )
        composed = compose(job)
        if composed.message is None:
            continue
        for i, signature in composed.told.items():
            told[_pair(live[i])] = signature
        sent_on.setdefault(email, set()).add(today)
        found.append(Preview(email, at, composed.subject, composed.items))
    return found
