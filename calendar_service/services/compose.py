"""Use case part: a recipient's due reminders as one message, each store judged again from the
latest data, and only what is worth telling told (`domain.telling`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol
from urllib.parse import quote
from zoneinfo import ZoneInfo

from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.domain.formatting import is_zh
from calendar_service.domain.locale import lang_of
from calendar_service.domain.planning import DIGEST, ELIGIBLE, INELIGIBLE, STATUS_CHANGE
from calendar_service.domain.recipients import channel_of
from calendar_service.domain.reminders import ReminderRow
from calendar_service.domain.subscriptions import Locale, Subscription
from calendar_service.domain.telling import signature, worth_telling
from calendar_service.mail.day import StoreItem, render_day
from calendar_service.mail.message import (
    AddressError,
    CalendarLinks,
    MailLinks,
    build_day_message,
    message_id,
)
from calendar_service.mail.render import RenderError
from calendar_service.mail.transport import Outgoing
from calendar_service.robots import RobotPost
from calendar_service.robots.render import render_robot
from calendar_service.services.eligibility import StoresReader
from calendar_service.services.feed_links import feed_links
from calendar_service.services.pass_cache import PassCache
from calendar_service.services.recipient_links import preferences_url, recipient_unsubscribe_url
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


class MailReader(StoresReader, Protocol):
    """What composing reads: the stores' data, a page of stores at a time, and the generation
    a store's feed links are signed with."""

    def feed_generation(self, store_id: str) -> int: ...


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


@dataclass(frozen=True)
class ComposeJob:
    """A recipient's claimed reminders to write as one message, with all a composer needs (a
    worker process gets a copy)."""

    recipient: str
    reminders: tuple[tuple[int, ReminderRow], ...]  # (id, row), by key
    subscriptions: Mapping[int, Subscription]  # the reminders' subscriptions, by id
    told: Mapping[str, str]  # by reminder key: what an earlier message said of its store
    now: dt.datetime  # the pass's time: stores are judged and the Date header set at it

    def message_key(self, told: Collection[int]) -> str:
        """The message's identity (its Message-ID), from the reminders it tells: those it had
        nothing to say of are suppressed before it is sent, so a retry, or a claim again after
        a crash between the server's acceptance and the commit, keeps it."""
        return "|".join(sorted(row.key for i, row in self.reminders if i in told))


@dataclass(frozen=True)
class Item:
    """One line of a message as the preview lists it."""

    store_id: str
    activity: str
    occurrence: str
    kind: str
    status: str

    def as_json(self) -> dict[str, str]:
        return {
            "store_id": self.store_id,
            "activity": self.activity,
            "occurrence": self.occurrence,
            "kind": self.kind,
            "status": self.status,
        }


@dataclass(frozen=True)
class Composed:
    """The message for a job, or why there is none: nothing in it is worth telling (`quiet`),
    the subscriber's address cannot go into a header, or it cannot be written (a template or
    catalog error). `told` are the reminders the message tells, each with what it said of its
    store; the job's other reminders had nothing worth a line."""

    message: Outgoing | RobotPost | None
    problem: Literal["quiet", "address-error", "render-error"] | None = None
    detail: str = ""
    told: Mapping[int, str] = field(default_factory=dict)
    subject: str = ""
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class _Day:
    """What a message will say, before it is written."""

    items: list[StoreItem]
    told: dict[int, str]
    listed: list[Item]


def _day_items(
    catalog: Catalog, cache: PassCache, job: ComposeJob, tz: ZoneInfo, mail: MailSettings
) -> _Day:
    """Each reminder of the job judged from the latest data and kept only when it says
    something the reader can act on (`domain.telling`)."""
    lang = _language(job)
    cache.prefetch({row.store_id for _, row in job.reminders})
    windows = _windows(catalog, cache, job, tz)
    rows = dict(job.reminders)
    by_store: dict[str, list[Occurrence]] = {}
    for reminder_id, occ in windows.items():
        by_store.setdefault(rows[reminder_id].store_id, []).append(occ)
    for store_id, wanted in by_store.items():  # each store judged once for all its windows
        cache.verdicts(catalog, store_id, wanted, mail.stale_after)
    items: list[StoreItem] = []
    told: dict[int, str] = {}
    listed: list[Item] = []
    summed: set[str] = set()  # stores whose daily activities are summed up already
    for reminder_id, row in job.reminders:
        sub = job.subscriptions[row.subscription_id]
        store = cache.store(row.store_id)[0]
        name = store.name if store else None
        page = store_page(mail, row.store_id, lang)
        if row.kind == DIGEST:
            if Cycle.DAILY.value not in sub.cycles:
                continue
            if row.store_id in summed:  # a weekly and a daily summary after a change of mind
                told[reminder_id] = ""
                continue
            summed.add(row.store_id)
            daily = cache.daily(catalog, tz)
            judged = cache.verdicts(catalog, row.store_id, daily, mail.stale_after)
            verdicts = [judged[o.key] for o in daily]
            kept = [
                (o, v)
                for o, v in zip(daily, verdicts, strict=True)
                if sub.include_ineligible or v.status != INELIGIBLE
            ]
            if not kept:
                continue
            for o, v in kept:
                activity = catalog.activity(v.activity)
                items.append(StoreItem(DIGEST, row.store_id, name, activity, o, v, None, page))
                listed.append(Item(row.store_id, v.activity, o.key, DIGEST, v.status))
            told[reminder_id] = ""
            continue
        activity = catalog.activity(row.activity)
        if activity.cycle.value not in sub.cycles:
            continue  # the subscriber has since asked not to hear of this cycle
        key, changed_to = row.occurrence_key, None
        if row.kind == STATUS_CHANGE:
            # activity:daily:day:status → the series, and the status it changed to
            key, changed_to = ":".join(key.split(":")[:2]), key.rsplit(":", 1)[-1]
        occ = windows[reminder_id]
        verdict = cache.verdicts(catalog, row.store_id, (occ,), mail.stale_after)[occ.key]
        if not worth_telling(
            row.kind, activity, verdict, job.told.get(row.key), sub.include_ineligible, changed_to
        ):
            continue
        previous = None
        if changed_to is not None:
            previous = INELIGIBLE if changed_to == ELIGIBLE else ELIGIBLE
        items.append(
            StoreItem(row.kind, row.store_id, name, activity, occ, verdict, previous, page)
        )
        listed.append(Item(row.store_id, row.activity, occ.key, row.kind, verdict.status))
        told[reminder_id] = signature(verdict)
    return _Day(items, told, listed)


def _windows(
    catalog: Catalog, cache: PassCache, job: ComposeJob, tz: ZoneInfo
) -> dict[int, Occurrence]:
    """The window each of the job's reminders is about, by reminder id (not a digest's, nor
    one of a cycle its subscriber no longer hears of: those are not judged)."""
    found: dict[int, Occurrence] = {}
    for reminder_id, row in job.reminders:
        if row.kind == DIGEST:
            continue
        cycles = job.subscriptions[row.subscription_id].cycles
        if catalog.activity(row.activity).cycle.value not in cycles:
            continue
        key = row.occurrence_key
        if row.kind == STATUS_CHANGE:  # activity:daily:day:status → the series
            key = ":".join(key.split(":")[:2])
        occ = cache.occurrences.get(key) or cache.occurrences.setdefault(
            key, find_occurrence(catalog, key, tz, job.now)
        )
        if occ.activity != row.activity:
            raise ValueError(f"occurrence {occ.key!r} is not of activity {row.activity!r}")
        found[reminder_id] = occ
    return found


def _language(job: ComposeJob) -> Locale:
    """A message is in the language of the recipient's first subscription among its own."""
    first = min(job.subscriptions)
    return job.subscriptions[first].locale


def store_page(mail: MailSettings, store_id: str, lang: str) -> str:
    query = "" if is_zh(lang) else "?lang=en"
    return f"{mail.base_url}/stores/{quote(store_id, safe='')}{query}"


def day_links(mail: MailSettings, job: ComposeJob, stores: set[str], cache: PassCache) -> MailLinks:
    """The links of a recipient's message, in its language: one store's private feed (when the
    message is about one store), the preferences page and the one-click unsubscribe (both for
    the address: every store it watches)."""
    locale = _language(job)
    lang = lang_of(locale)
    calendar = page = None
    if len(stores) == 1:
        (store_id,) = stores
        sub = next(s for s in job.subscriptions.values() if s.store_id == store_id)
        token = mail.signer.feed_token(sub.id, cache.feed_generation(store_id))
        found = feed_links(mail.base_url, token, lang)
        calendar = CalendarLinks(found.https, found.webcal, found.google)
        page = store_page(mail, store_id, locale)
    query = "" if lang == "zh" else "?lang=en"
    return MailLinks(
        calendar=calendar,
        store_page=page,
        dashboard=f"{mail.base_url}/{query}",
        unsubscribe=recipient_unsubscribe_url(mail.base_url, mail.signer, job.recipient),
        preferences=preferences_url(mail.base_url, mail.signer, job.recipient, lang),
    )


def compose_day(
    catalog: Catalog, cache: PassCache, job: ComposeJob, tz: ZoneInfo, mail: MailSettings
) -> Composed:
    """The recipient's message for a job: what is worth telling of each reminder, written in
    one message; `quiet` when nothing is. Raises RenderError, LookupError or AddressError."""
    day = _day_items(catalog, cache, job, tz, mail)
    if not day.items:
        return Composed(None, "quiet", told={})
    stores = {i.store_id for i in day.items}
    links = day_links(mail, job, stores, cache)
    channel = channel_of(job.recipient)
    if channel is not None:  # a group robot: the same day, in its platform's markdown
        post = render_robot(
            channel,
            locale=_language(job),
            items=day.items,
            now=job.now,
            tz=tz,
            links=links,
            message_id=message_id(job.message_key(day.told), mail.message_domain),
        )
        post = dataclasses.replace(post, recipient=job.recipient)
        return Composed(post, told=day.told, subject=post.title, items=tuple(day.listed))
    rendered = render_day(locale=_language(job), items=day.items, now=job.now, tz=tz, links=links)
    names = {i.store_name for i in day.items}
    to_name = (names.pop() or "") if len(stores) == 1 and len(names) == 1 else ""
    message = build_day_message(
        sender=mail.sender,
        recipient=job.recipient,
        to_name=to_name,
        key=job.message_key(day.told),
        rendered=rendered,
        links=links,
        message_domain=mail.message_domain,
        date=job.now,
    )
    return Composed(
        Outgoing.of(message),
        told=day.told,
        subject=rendered.subject,
        items=tuple(day.listed),
    )


class Composer(Protocol):
    """Writes claimed reminders; `compose_all` pulls jobs lazily and may yield out of order."""

    def compose_all(self, jobs: Iterable[ComposeJob]) -> Iterator[tuple[ComposeJob, Composed]]: ...

    def close(self) -> None: ...


AHEAD = 50  # jobs the inline composer takes at once, their stores' data read in one go


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
        return self._compose(self._cache_for(job.now), job)

    def _cache_for(self, now: dt.datetime) -> PassCache:
        if self._cache is None or self._cache_at != now:
            self._cache, self._cache_at = PassCache(self._reader, now), now
        return self._cache

    def _compose(self, cache: PassCache, job: ComposeJob) -> Composed:
        try:
            return compose_day(self._catalog, cache, job, self._tz, self._mail)
        except AddressError as error:  # the subscriber's: the sender's is checked at start-up
            return Composed(None, "address-error", str(error))
        # A template or catalog error, or text no header or body can carry: this message fails
        # alone instead of stopping every pass at it.
        except (RenderError, LookupError, ValueError) as error:
            return Composed(None, "render-error", str(error))

    def compose_all(self, jobs: Iterable[ComposeJob]) -> Iterator[tuple[ComposeJob, Composed]]:
        """`AHEAD` jobs taken at a time (they are claimed already: a claim is a batch of
        recipients), the stores of all of them read together, then each written in turn."""
        pending = iter(jobs)
        while chunk := list(itertools.islice(pending, AHEAD)):
            read: set[dt.datetime] = set()
            for job in chunk:
                cache = self._cache_for(job.now)
                if job.now not in read:
                    read.add(job.now)
                    cache.prefetch(
                        {r.store_id for j in chunk if j.now == job.now for _, r in j.reminders}
                    )
                yield job, self._compose(cache, job)

    def close(self) -> None:
        self._cache = self._cache_at = None
